"""Arbitrary text thrown at ``ask`` and at the query runner: no exception escapes, nothing changes."""

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from esrkg.qa import ask
from esrkg.query_runner import QueryError, run_query

SPARQLISH = st.lists(st.sampled_from([
    "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "INSERT", "DELETE", "DROP", "LOAD", "SERVICE", "FROM", "NAMED",
    "WHERE", "{", "}", "(", ")", "?s", "?p", "?o", "<urn:x>", "<file:///etc/passwd>", "<http://127.0.0.1:9/>",
    "\"x\"", ".", ";", ",", "*", "FILTER", "OPTIONAL", "UNION", "LIMIT", "10", "ORDER BY", "GROUP BY", "COUNT",
    "PREFIX", "esr:", "a", "#", "\n",
]), max_size=25).map(" ".join)


def fingerprint(graph) -> str:
    return hashlib.sha256("\n".join(sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in graph)).encode()).hexdigest()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_ask_never_raises_and_never_changes_the_graph(graph, text):
    before = len(graph)
    result = ask(graph, text)
    assert isinstance(result.text, str) and result.text
    assert len(graph) == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=200), SPARQLISH))
def test_query_runner_only_raises_query_errors_and_never_changes_the_graph(graph, text):
    before = fingerprint(graph)
    try:
        run_query(graph, text, timeout=2, limit=5)
    except QueryError as error:
        assert str(error) and "\n" not in str(error)
    assert fingerprint(graph) == before
