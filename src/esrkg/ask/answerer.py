"""Answer questions from one graph or store: read the question into a frame, route it to a question
type, run the SPARQL it composes through one execution function, and word the rows."""

import difflib
from typing import Any

from rdflib import URIRef

from esrkg import queries
from esrkg.ask.context import AskContext, build_context
from esrkg.ask.engine import engine_for
from esrkg.ask.frame import Frame
from esrkg.ask.reader import Reader
from esrkg.ask.result import AskResult, Match
from esrkg.ask.types import QUESTION_TYPES, route
from esrkg.ask.types.base import CatalogueCall, Composed, QuestionType
from esrkg.ask.types.estimates import refine_statistic
from esrkg.linking import fold
from esrkg.queries import Source

NOT_UNDERSTOOD = ("I could not match this question to esrkg's graph, which holds the APA task forces' findings on "
                  "the psychotherapy relationship (2002, 2011, 2018): its elements, ways of customizing therapy, "
                  "verdicts, effect sizes, glossary and recommendations. Try one of the suggested questions.")
MAX_QUESTION = 1000


def execute(source: Source, text: str) -> list[dict[str, Any]]:
    """The one execution function: every query Ask runs goes through the store interface.

    IRIs come back as plain strings, so that rows compare with the context's IRIs."""
    return [{key: str(value) if isinstance(value, URIRef) else value for key, value in row.items()}
            for row in queries.select(source, text)]


class QuestionAnswerer:
    """Answers free-text questions from one graph or store (build once, ask many times)."""

    def __init__(self, graph: Source, context: AskContext | None = None) -> None:
        self.source = graph
        self.graph = engine_for(graph)  # where the queries run (see esrkg.ask.engine)
        self.context = context or build_context(self.graph)
        self.index = self.context.index()
        self.reader = Reader(self.context, self.index)

    def read(self, question: str) -> Frame:
        """The frame a question is read as."""
        return self.reader.read(str(question)[:MAX_QUESTION])

    def ask(self, question: str) -> AskResult:
        """Answer a question; never raises for any text."""
        question = str(question)[:MAX_QUESTION]
        frame = self.read(question)
        kind = route(frame) if frame.asks != "unknown" else None
        if kind is None:
            return AskResult(question, None, (), NOT_UNDERSTOOD, "", self.suggest(question),
                             reading="Read as: nothing esrkg holds.", match="not understood")
        composed = kind.compose(frame, self.context)
        return self._answer(question, frame, kind, composed)

    def _answer(self, question: str, frame: Frame, kind: QuestionType, composed: Composed) -> AskResult:
        match: Match = "partial" if composed.partial or len(frame.unexplained) >= 2 else "exact"
        reading = f"Read as: {composed.reading}" + "".join(f" ({note})" for note in frame.notes) + "."
        if composed.select is None:
            return self._missing(question, kind, composed, reading, match)
        sparql = composed.select.text()
        rows = execute(self.graph, sparql)
        # Several metrics named ("the outcome d and the dropout odds ratio"): every estimate in them.
        # (A comparison between items is never narrowed: "adults" names one side's format, not an estimate.)
        if kind.name in ("statistic", "comparison") and rows and len(frame.metrics) < 2 and not (
                kind.name == "comparison" and len(frame.items) > 1):
            refined = refine_statistic(frame, rows, composed)
            if refined is not None and refined.select is not None:
                composed, sparql = refined, refined.select.text()
                rows = execute(self.graph, sparql)
                reading = f"Read as: {composed.reading}" + "".join(f" ({note})" for note in frame.notes) + "."
        if not rows:
            return self._missing(question, kind, composed, reading, match, sparql)
        worded = kind.word(frame, rows, composed)
        answers = tuple(a.to_dict() for a in worded.answers)
        return AskResult(question, kind.name, answers, worded.text, sparql, (), _bindings(composed),
                         reading=reading, match=match)

    def _missing(self, question: str, kind: QuestionType, composed: Composed, reading: str, match: Match,
                 sparql: str = "") -> AskResult:
        """The graph holds no answer: say what is missing, and show the closest facts it has."""
        closest: list[dict[str, Any]] = []
        shown = sparql
        if composed.closest is not None:
            shown = composed.closest.text()
            closest = execute(self.graph, shown)
        missing = composed.missing or "The graph holds no answer to this question: nothing recorded matches."
        text = missing
        if closest:
            text += " The closest facts it has: " + "; ".join(_describe(row) for row in closest[:12]) + "."
        return AskResult(question, kind.name, (), text, shown, self.suggest(question), _bindings(composed),
                         reading=reading, match=match, closest=tuple(closest))

    def suggest(self, question: str, count: int = 3) -> tuple[str, ...]:
        """The example questions closest to this one."""
        examples = [example for kind in QUESTION_TYPES for example in kind.examples]
        scored = sorted(examples, key=lambda e: -difflib.SequenceMatcher(None, fold(question), fold(e)).ratio())
        return tuple(scored[:count])


def _describe(row: dict[str, Any]) -> str:
    """A closest-fact row in a few words."""
    from esrkg.ask.types.wording import statistics

    if "count" in row and "levelLabel" in row:
        return f"{row.get('editionId', '')} {row['levelLabel']}: {row['count']}" + (
            f" of {row['outOf']}" if "outOf" in row else "")
    if "levelLabel" in row:
        return f"{row.get('editionId', '')} {row.get('subjectLabel', '')}: {row['levelLabel']}"
    if "estimates" in row:
        return f"{row.get('editionId', '')} {row.get('subjectLabel', '')} ({row['estimates']}): {statistics(row)}"
    return ", ".join(str(v) for k, v in row.items() if not str(v).startswith("http"))


def _bindings(composed: Composed) -> dict[str, str]:
    if isinstance(composed.select, CatalogueCall):
        return {name: str(term) for name, term in composed.select.bindings.items()}
    return {}
