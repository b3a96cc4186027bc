"""``esrkg serve``: a real server on 127.0.0.1 (started here, stopped by its pid) queried by real
clients (SPARQLWrapper, rdflib's SPARQLStore) and by plain HTTP for the protocol's corners."""

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDFS
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from esrkg import queries
from tests.constants import EMPATHY
from tests.servers import esrkg_serve

LABELS = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX esr: <https://w3id.org/esrkg/> "
          "SELECT ?label WHERE { esr:empathy rdfs:label ?label }")
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
EMPATHY_LABEL = Literal("Empathy", lang="en")
EVIL_LABEL = '<script>alert("x")</script> & <b>bold</b>'


@pytest.fixture(scope="module")
def evil_data(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "evil.ttl"
    evil = "<https://w3id.org/esrkg/evil>"
    path.write_text(f'{evil} <http://www.w3.org/2000/01/rdf-schema#label> """{EVIL_LABEL}""" .\n'
                    f'{evil} <http://www.w3.org/2004/02/skos/core#definition> "a <i>test</i>" .\n', encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def server(request, tmp_path_factory, evil_data):
    """esrkg serve on memory and on oxigraph, with a short time limit."""
    workdir = tmp_path_factory.mktemp("serve")
    with esrkg_serve(workdir, "--store", request.param, "--data", str(evil_data),
                     serve_options=("--timeout", "2")) as url:
        yield url


def http(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
         method: str | None = None) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read().decode()


def _query_url(server: str, text: str, **extra: str) -> str:
    return f"{server}/sparql?" + urllib.parse.urlencode({"query": text, **extra})


# SPARQLWrapper, the Python client most notebooks use


def test_sparqlwrapper_select_json(server, graph):
    client = SPARQLWrapper(f"{server}/sparql")
    client.setQuery(queries.get("glossary").text)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]
    assert [b["label"]["value"] for b in bindings] == [r["label"] for r in queries.rows(graph, "glossary")]


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_ask_csv_xml_and_construct(server, method):
    client = SPARQLWrapper(f"{server}/sparql")
    client.setMethod(method)
    client.setQuery("ASK { <https://w3id.org/esrkg/empathy> ?p ?o }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True
    client.setQuery(LABELS)
    client.setReturnFormat(CSV)
    assert client.query().convert().decode().splitlines() == ["label", "Empathy"]
    client.setReturnFormat(XML)
    assert '<literal xml:lang="en">Empathy</literal>' in client.query().convert().toxml()
    client.setQuery("CONSTRUCT { ?s ?p ?o } WHERE { BIND(<https://w3id.org/esrkg/empathy> AS ?s) ?s ?p ?o }")
    client.setReturnFormat(TURTLE)
    described = Graph().parse(data=client.query().convert().decode(), format="turtle")
    assert (EMPATHY, RDFS.label, EMPATHY_LABEL) in described


def test_sparqlwrapper_sees_refusals_as_http_errors(server):
    client = SPARQLWrapper(f"{server}/sparql")
    client.setQuery("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryBadFormed, match="SERVICE is refused"):
        client.query()
    client.setQuery("SELECT ?x WHERE { ?x")
    with pytest.raises(QueryBadFormed, match="Syntax error"):
        client.query()
    client.setMethod("POST")
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")  # SPARQLWrapper sends it as an update
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    client.setQuery(CROSS_PRODUCT)
    with pytest.raises(urllib.error.HTTPError) as stopped:
        client.query()
    assert stopped.value.code == 503 and stopped.value.read().decode().startswith("The query was stopped after 2 s")


# rdflib's SPARQLStore: the endpoint as a read-only rdflib graph


def test_rdflib_sparqlstore_gives_the_local_answers(server, graph):
    remote = Graph(store=SPARQLStore(f"{server}/sparql", returnFormat="json"))
    text = queries.get("items_at_level").text
    remote_rows = sorted(tuple(str(t) for t in row) for row in remote.query(text))
    assert remote_rows and remote_rows == sorted(tuple(str(t) for t in row) for row in graph.query(text))
    assert (EMPATHY, RDFS.label, EMPATHY_LABEL) in remote


# The protocol by hand: the three ways to send a query, negotiation, errors


def test_three_ways_to_send_a_query_give_one_answer(server):
    expected = http(_query_url(server, LABELS))
    form = http(f"{server}/sparql", data=urllib.parse.urlencode({"query": LABELS}).encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded"})
    direct = http(f"{server}/sparql", data=LABELS.encode(), headers={"Content-Type": "application/sparql-query"})
    assert expected[0] == form[0] == direct[0] == 200
    assert json.loads(expected[2]) == json.loads(form[2]) == json.loads(direct[2])
    assert expected[1]["content-type"].startswith("application/sparql-results+json")


@pytest.mark.parametrize(("accept", "media", "start"), [
    ("text/csv", "text/csv", "label\r\nEmpathy"),
    ("text/tab-separated-values", "text/tab-separated-values", '?label\n"Empathy"'),
    ("application/sparql-results+xml", "application/sparql-results+xml", "<?xml"),
    ("text/html;q=0.5, application/sparql-results+json", "application/sparql-results+json", "{"),
    ("*/*", "application/sparql-results+json", "{"),
])
def test_select_results_are_negotiated(server, accept, media, start):
    status, headers, body = http(_query_url(server, LABELS), headers={"Accept": accept})
    assert status == 200 and headers["content-type"].startswith(media) and body.startswith(start)


@pytest.mark.parametrize(("accept", "media", "rdf_format"), [
    ("text/turtle", "text/turtle", "turtle"), ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"), ("application/rdf+xml", "application/rdf+xml", "xml"),
])
def test_construct_results_are_negotiated(server, accept, media, rdf_format):
    text = "DESCRIBE <https://w3id.org/esrkg/empathy>"
    status, headers, body = http(_query_url(server, text), headers={"Accept": accept})
    assert status == 200 and headers["content-type"].startswith(media)
    assert (EMPATHY, RDFS.label, EMPATHY_LABEL) in Graph().parse(data=body, format=rdf_format)


def test_a_format_nobody_writes_is_406(server):
    status, _, body = http(_query_url(server, LABELS), headers={"Accept": "image/png"})
    assert status == 406 and body.count("\n") == 1 and "SPARQL results format" in body


@pytest.mark.parametrize(("request_kwargs", "status", "sentence"), [
    ({"data": b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "headers": {"Content-Type": "application/sparql-update"}},
     403, "Updates are refused: this endpoint is read-only."),
    ({"data": b"update=DROP+ALL", "headers": {"Content-Type": "application/x-www-form-urlencoded"}},
     403, "Updates are refused: this endpoint is read-only."),
    ({"data": b"DELETE WHERE { ?s ?p ?o }", "headers": {"Content-Type": "application/sparql-query"}},
     403, "Updates are refused: this endpoint is read-only."),
    ({"data": b"SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
      "headers": {"Content-Type": "application/sparql-query"}}, 400, "FROM and FROM NAMED are refused"),
    ({"data": b"SELECT ?x WHERE { ?x \xff }", "headers": {"Content-Type": "application/sparql-query"}},
     400, "The request is not valid UTF-8"),
    ({"data": b"x" * (1024 * 1024 + 1), "headers": {"Content-Type": "application/sparql-query"}},
     413, "The request is larger than 1024 kB"),
    ({"data": b"SELECT * {}", "headers": {"Content-Type": "text/plain"}}, 415, "Send the query as"),
    ({"data": CROSS_PRODUCT.encode(), "headers": {"Content-Type": "application/sparql-query"}},
     503, "The query was stopped after 2 s"),
])
def test_bad_requests_get_a_status_and_one_sentence(server, request_kwargs, status, sentence):
    answered, _, body = http(f"{server}/sparql", **request_kwargs)
    assert answered == status and body.startswith(sentence) and body.count("\n") == 1, body


def test_no_query_gives_the_service_description(server):
    status, headers, body = http(f"{server}/sparql")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    assert "sd:SPARQL11Query" in Graph().parse(data=body, format="turtle").serialize(format="turtle")


def test_a_browser_at_the_endpoint_is_sent_to_the_query_page(server):
    status, headers, body = http(f"{server}/sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    assert status == 200 and headers["content-type"].startswith("text/html") and "<textarea" in body


def test_cors_lets_a_browser_page_query(server):
    status, headers, _ = http(f"{server}/sparql", method="OPTIONS", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert status == 200 and headers["access-control-allow-origin"] in ("*", "https://yasgui.example")
    status, headers, _ = http(_query_url(server, LABELS), headers={"Origin": "https://yasgui.example"})
    assert status == 200 and headers["access-control-allow-origin"] == "*"


# Pages: the query page and the terms


def test_the_query_page_works_offline(server):
    status, headers, body = http(f"{server}/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "<textarea" in body and "items_at_level" in body
    assert "<script src" not in body and "<link" not in body and "@import" not in body


def test_a_term_iri_is_a_page_for_browsers(server, graph):
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    status, headers, body = http(f"{server}/empathy", headers={"Accept": accept})
    assert status == 200 and headers["content-type"].startswith("text/html")
    definition = queries.rows(graph, "definition", {"term": EMPATHY})[0]["definition"]
    assert "<h1>Empathy</h1>" in body and definition.split()[0] in body
    assert "<h2>Evidence</h2>" in body and "<h2>Relations</h2>" in body


def test_a_term_page_escapes_the_data(server):
    status, _, body = http(f"{server}/evil", headers={"Accept": "text/html"})
    assert status == 200
    assert "<script>alert" not in body and "<b>bold" not in body and "<i>test" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in body


@pytest.mark.parametrize(("accept", "rdf_format"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                                   ("application/n-triples", "nt")])
def test_a_term_iri_is_rdf_for_programs(server, accept, rdf_format):
    status, headers, body = http(f"{server}/empathy", headers={"Accept": accept})
    assert status == 200 and headers["content-type"].startswith(accept)
    described = Graph().parse(data=body, format=rdf_format)
    assert (EMPATHY, RDFS.label, EMPATHY_LABEL) in described
    assert any(o == EMPATHY for o in described.objects())  # what is said about it, too


@pytest.mark.parametrize("name", ["no-such-term", "%3Cscript%3E"])
def test_an_unknown_term_is_404_in_one_sentence(server, name):
    status, _, body = http(f"{server}/{name}", headers={"Accept": "text/html"})
    assert status == 404 and body.startswith("There is no term") and body.count("\n") == 1
