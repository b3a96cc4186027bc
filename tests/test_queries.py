"""The query catalogue: headers, prefixes, parameters bound as terms."""

import pytest
from rdflib import Graph, Literal
from rdflib.plugins.sparql import prepareQuery

from esrkg import queries
from tests.constants import EMPATHY

CATALOGUE = list(queries.catalogue().values())


@pytest.mark.parametrize("query", CATALOGUE, ids=[q.id for q in CATALOGUE])
def test_every_query_has_a_header_and_parses_on_its_own(query):
    assert query.id and query.question
    prepareQuery(query.text)  # declares its own prefixes: pastes into any SPARQL tool


@pytest.mark.parametrize("query", CATALOGUE, ids=[q.id for q in CATALOGUE])
def test_every_declared_parameter_is_a_variable_of_the_query(query):
    for param in query.params:
        assert f"?{param}" in query.text


def test_unknown_query_is_a_clear_error():
    with pytest.raises(KeyError, match="There is no query 'nope'"):
        queries.get("nope")


def test_unknown_parameter_is_refused(graph):
    with pytest.raises(ValueError, match="has no parameter"):
        queries.run(graph, "definition", {"colour": Literal("red")})


def test_parameters_are_bound_as_terms_not_text(graph):
    hostile = Literal('"} ; DROP ALL ; #')
    assert queries.rows(graph, "definitions_mentioning", {"text": hostile}) == []
    assert queries.rows(graph, "definition", {"term": EMPATHY})[0]["label"] == "Empathy"


def test_violation_checks_are_found():
    assert {q.id for q in queries.violation_checks()} >= {"dangling_reference_violation", "duplicate_label_violation"}


def test_header_parsing_stops_at_the_first_non_comment_line():
    header = queries.parse_header("# id: a\n# params: x, y\nSELECT * { ?s ?p ?o }\n# id: b")
    assert header == {"id": "a", "params": "x, y"}


def test_queries_do_not_change_the_graph(graph):
    before = len(graph)
    for query in CATALOGUE:
        queries.rows(graph, query.id)
    assert len(graph) == before
    assert isinstance(graph, Graph)
