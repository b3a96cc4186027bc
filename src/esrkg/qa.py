"""The question answering's public entry points (kept stable for scripts): ``ask(graph, question)``.

The work is done by :mod:`esrkg.ask`: a question becomes a typed frame, a question type composes
SPARQL from it, and the answer carries the SPARQL, how the question was read and how well.
"""

import weakref

from esrkg.ask import AskResult, QuestionAnswerer
from esrkg.queries import Source

__all__ = ["AskResult", "QuestionAnswerer", "ask"]

_ANSWERERS: "weakref.WeakKeyDictionary[object, QuestionAnswerer]" = weakref.WeakKeyDictionary()


def ask(graph: Source, question: str) -> AskResult:
    """Answer a free-text question from the graph (the answerer is built once per graph)."""
    answerer = _ANSWERERS.get(graph)
    if answerer is None:
        answerer = _ANSWERERS[graph] = QuestionAnswerer(graph)
    return answerer.ask(question)
