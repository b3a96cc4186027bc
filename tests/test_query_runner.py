"""The safe SPARQL runner: read-only, no network, no files, a hard time limit, a row limit."""

import http.server
import json
import threading
import time
import typing

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from esrkg.query_runner import QueryError, check_query, run_query

PREFIXES = "PREFIX esr: <https://w3id.org/esrkg/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
ELEMENTS = PREFIXES + "SELECT ?label WHERE { ?e a esr:RelationshipElement ; rdfs:label ?label } ORDER BY ?label"
# Aggregates and ORDER BY over a cross product: the whole result is computed before any row.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } GROUP BY ?a ORDER BY DESC(?n)"


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    requests: typing.ClassVar[list[str]] = []

    def do_GET(self):
        RecordingHandler.requests.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    RecordingHandler.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


def snapshot(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def test_select_returns_rows(graph):
    outcome = run_query(graph, ELEMENTS)
    assert outcome.query_type == "SELECT" and "Empathy" in [r["label"] for r in outcome.records()]


def test_row_limit_cuts_and_says_so(graph):
    outcome = run_query(graph, ELEMENTS, limit=3)
    assert outcome.size == 3 and outcome.truncated
    assert "Showing the first 3 rows of more" in outcome.serialize("table")


def test_no_notice_when_everything_fits(graph):
    assert run_query(graph, ELEMENTS, limit=1000).notice == ""


def test_result_formats(graph):
    outcome = run_query(graph, ELEMENTS)
    data = json.loads(outcome.serialize("json"))
    assert data["head"]["vars"] == ["label"] and len(data["results"]["bindings"]) == outcome.size
    assert outcome.serialize("csv").splitlines()[0] == "label"
    assert outcome.serialize("tsv").splitlines()[0] == "?label"


def test_ask_and_construct_and_describe(graph):
    assert run_query(graph, PREFIXES + "ASK { esr:empathy a esr:RelationshipElement }").boolean is True
    construct = run_query(graph, PREFIXES + "CONSTRUCT { esr:empathy ?p ?o } WHERE { esr:empathy ?p ?o }")
    assert isomorphic(Graph().parse(data=construct.serialize("turtle"), format="turtle"), construct.graph())
    assert "esr:empathy" in run_query(graph, PREFIXES + "DESCRIBE esr:empathy").serialize("turtle")


@pytest.mark.parametrize(("query", "says"), [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT DATA is refused"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE is refused"),
    ("DROP ALL", "DROP is refused"),
    ("CLEAR DEFAULT", "CLEAR is refused"),
    ("LOAD <http://127.0.0.1:9/x.ttl>", "LOAD is refused"),
])
def test_updates_are_refused_and_change_nothing(graph, query, says):
    before = snapshot(graph)
    with pytest.raises(QueryError, match=says):
        run_query(graph, query)
    assert isomorphic(before, graph)


def test_service_is_refused_and_no_request_is_made(graph, local_server):
    with pytest.raises(QueryError, match="SERVICE is refused"):
        run_query(graph, f"SELECT * WHERE {{ SERVICE <{local_server}> {{ ?s ?p ?o }} }}")
    with pytest.raises(QueryError, match="SERVICE is refused"):
        run_query(graph, f"SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ SERVICE SILENT <{local_server}> {{ ?s ?p ?o }} }} }}")
    time.sleep(0.2)
    assert RecordingHandler.requests == []


def test_load_of_a_local_url_makes_no_request(graph, local_server):
    with pytest.raises(QueryError, match="LOAD is refused"):
        run_query(graph, f"LOAD <{local_server}>")
    assert RecordingHandler.requests == []


@pytest.mark.parametrize("clause", ["FROM", "FROM NAMED"])
def test_from_a_local_file_is_refused_and_not_read(graph, tmp_path, clause):
    secret = tmp_path / "secret.ttl"
    secret.write_text('<urn:secret> <urn:says> "TOP-SECRET-CONTENT" .')
    query = f"SELECT * {clause} <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}"
    with pytest.raises(QueryError, match="FROM and FROM NAMED are refused") as refused:
        run_query(graph, query)
    assert "TOP-SECRET-CONTENT" not in str(refused.value)


def test_graph_patterns_are_refused_and_no_file_is_read(graph, tmp_path):
    secret = tmp_path / "secret.nt"
    secret.write_text('<urn:a> <urn:b> "TOP-SECRET-CONTENT" .')
    with pytest.raises(QueryError, match="GRAPH is not supported"):
        run_query(graph, f"SELECT * WHERE {{ GRAPH <{secret.as_uri()}> {{ ?s ?p ?o }} }}")
    assert "TOP-SECRET-CONTENT" not in run_query(graph, f"DESCRIBE <{secret.as_uri()}>").serialize("nt")


def test_runaway_query_is_stopped_within_the_limit(graph):
    started = time.perf_counter()
    with pytest.raises(QueryError, match=r"stopped after 1 s"):
        run_query(graph, RUNAWAY, timeout=1)
    assert time.perf_counter() - started < 1 + 2.0
    assert run_query(graph, ELEMENTS).size > 0  # the process is healthy afterwards


def test_syntax_errors_say_where(graph):
    with pytest.raises(QueryError, match=r"Syntax error at line 2, column \d+"):
        run_query(graph, "SELECT ?s\nWHERE { ?s ?p }")


@pytest.mark.parametrize(("kwargs", "says"), [
    ({"timeout": 0}, "time limit must be between"), ({"timeout": 10_000}, "time limit must be between"),
    ({"limit": 0}, "row limit must be between"), ({"limit": 10**9}, "row limit must be between"),
])
def test_bad_limits_are_refused(graph, kwargs, says):
    with pytest.raises(QueryError, match=says):
        run_query(graph, ELEMENTS, **kwargs)


@pytest.mark.parametrize(("text", "says"), [
    ("", "empty"), ("   \n", "empty"), ("SELECT * WHERE { ?s ?p ?o }" + " " * 200_000, "characters long"),
    ("SELECT * WHERE { ?s ?p ?o \x00 }", "NUL"), ("(" * 5000, "Syntax error|nested too deeply|could not"),
])
def test_odd_input_is_one_clear_sentence(text, says):
    with pytest.raises(QueryError, match=says):
        check_query(text)


def test_rdf_formats_are_refused_for_select(graph):
    with pytest.raises(QueryError, match="has no RDF form"):
        run_query(graph, ELEMENTS).serialize("turtle")
