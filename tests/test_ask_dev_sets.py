"""Every question of the development sets (tests/questions) gets the expected answer.

The sets were written from the sources by people who never saw the reader; the kinds of check are
those of tests/ask_checks.py. A question that fails here is a reading esrkg gets wrong: fix the
reader or a question type for the language, not for the one question.
"""

import pytest

from esrkg import queries
from esrkg.qa import QuestionAnswerer
from tests import ask_checks

ENTRIES = [entry for name in ask_checks.DEV_SETS for entry in ask_checks.load(name)]


@pytest.fixture(scope="module")
def answerer(graph):
    return QuestionAnswerer(graph)


def test_the_sets_are_there_and_cover_every_kind():
    assert len(ENTRIES) >= 500
    kinds = {entry["kind"] for entry in ENTRIES}
    assert kinds == {"set", "contains", "ordered", "text", "numbers", "records", "yes", "no", "none"}


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["id"] for entry in ENTRIES])
def test_dev_question(answerer, entry):
    result = answerer.ask(entry["question"])
    why = ask_checks.failure(entry, result)
    assert why is None, f"{entry['question']!r}: {why} ({result.reading} {result.text[:200]})"


def _rows(source, sparql):
    from rdflib import BNode

    return sorted(tuple(sorted((k, "_:blank" if isinstance(v, BNode) else str(v)) for k, v in row.items()))
                  for row in queries.select(source, sparql))


def test_the_shown_sparql_gives_the_same_rows_on_rdflib(answerer, graph):
    """Ask runs on an Oxigraph copy of an rdflib graph (esrkg.ask.engine); every query it shows for a
    development question gives the same rows on rdflib's own engine."""
    assert answerer.graph is not graph  # the copy, not the graph itself
    differing = []
    for entry in ENTRIES:
        sparql = answerer.ask(entry["question"]).sparql
        if sparql and _rows(graph, sparql) != _rows(answerer.graph, sparql):
            differing.append(entry["id"])
    assert differing == []
