"""Every store answers alike: the competency questions and the whole catalogue on memory (rdflib),
embedded Oxigraph and a real Oxigraph server (``oxigraph serve-read-only`` on 127.0.0.1)."""

import re
from decimal import Decimal

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from esrkg import open_store, queries
from esrkg.namespaces import ESR
from esrkg.stores import EndpointStore, MemoryStore, OxigraphStore, StoreError, as_store
from esrkg.stores.canonical import canonical_decimal, canonical_term, group_concat_columns
from tests.constants import EMPATHY, TF2
from tests.expectations import check_answer, load_questions
from tests.servers import free_port, oxigraph_over

QUESTIONS = load_questions()
STORES = ("memory", "oxigraph", "endpoint")
CATALOGUE = [q for q in queries.catalogue().values()]

# A value for every parameter of the catalogue, so each query also runs with its bindings.
SAMPLE_BINDINGS = {"item": EMPATHY, "term": EMPATHY, "edition": TF2, "level": ESR["demonstrably-effective"],
                   "part": Literal("element"), "text": Literal("empathy"),
                   "adaptation": ESR["matching-directiveness-to-resistance"],
                   "characteristic": ESR["resistance"], "audience": ESR["practitioners"],
                   "format": ESR["group-therapy"]}


@pytest.fixture(scope="module")
def oxigraph_store() -> OxigraphStore:
    store = open_store("oxigraph")
    assert isinstance(store, OxigraphStore)
    return store


@pytest.fixture(scope="module")
def endpoint_url(graph, tmp_path_factory):
    yield from oxigraph_over(graph, tmp_path_factory)


@pytest.fixture(scope="module")
def stores(graph, oxigraph_store, endpoint_url) -> dict[str, object]:
    return {"memory": as_store(graph), "oxigraph": oxigraph_store, "endpoint": open_store(endpoint_url)}


@pytest.mark.parametrize("backend", STORES)
@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_competency_question_on_every_store(stores, backend, question):
    check_answer(question, queries.rows(stores[backend], question.query, question.rdf_bindings()))


def _bindings_for(query):
    return {name: SAMPLE_BINDINGS[name] for name in query.params}


def _order_keys(query):
    """The variables of the query's ORDER BY clause, in order."""
    if "ORDER BY" not in query.text:
        return []
    clause = query.text.rpartition("ORDER BY")[2]
    return re.findall(r"\?(\w+)", clause.split("LIMIT")[0])


def assert_equal_answers(query, answered, expected):
    """The same rows; in the same order wherever ORDER BY decides it (engines order ties freely)."""
    assert sorted(answered, key=repr) == sorted(expected, key=repr)
    keys = _order_keys(query)
    assert [[row.get(k) for k in keys] for row in answered] == [[row.get(k) for k in keys] for row in expected]


@pytest.mark.parametrize("backend", ["oxigraph", "endpoint"])
@pytest.mark.parametrize("bound", [False, True], ids=["unbound", "bound"])
@pytest.mark.parametrize("query", CATALOGUE, ids=[q.id for q in CATALOGUE])
def test_catalogue_query_gives_equal_answers_on_every_store(stores, backend, bound, query):
    bindings = _bindings_for(query) if bound else None
    expected = queries.rows(stores["memory"], query.id, bindings)
    answered = queries.rows(stores[backend], query.id, bindings)
    assert_equal_answers(query, answered, expected)


def test_sample_bindings_cover_every_parameter_and_find_something(stores):
    for query in CATALOGUE:
        assert set(query.params) <= set(SAMPLE_BINDINGS), query.id
    # bound runs that return nothing would prove little: most of them must find rows
    found = [q.id for q in CATALOGUE if q.params and queries.rows(stores["memory"], q.id, _bindings_for(q))]
    assert len(found) >= len([q for q in CATALOGUE if q.params]) - 3, found


def test_the_oxigraph_store_runs_oxigraphs_engine(stores):
    """Oxigraph writes numbers canonically: the raw answer shows which engine answered."""
    text = "SELECT ?v WHERE { VALUES ?v { 0.250 } }"
    raw = {name: next(iter(stores[name].query(text).rows))[0] for name in STORES}
    assert str(raw["memory"]) == "0.250"
    assert str(raw["oxigraph"]) == "0.25" and str(raw["endpoint"]) == "0.25"
    assert all(row == {"v": Decimal("0.25")} for name in STORES for row in queries.select(stores[name], text))


def test_an_oxigraph_syntax_error_is_oxigraphs_own_sentence(oxigraph_store):
    with pytest.raises(StoreError, match="Oxigraph could not parse the query"):
        oxigraph_store.query("SELECT ?x WHERE { ?x ")


def test_every_store_gives_the_same_graph_and_size(stores, graph):
    canonical = Graph()
    for triple in graph:
        canonical.add(tuple(canonical_term(term) for term in triple))
    for name in ("oxigraph", "endpoint"):
        assert len(stores[name]) == len(graph)
        assert isomorphic(stores[name].graph(), canonical)


def test_group_concat_is_sorted_and_an_empty_one_unbound(stores):
    text = """SELECT ?s (GROUP_CONCAT(?o; separator="|") AS ?all) (GROUP_CONCAT(?none) AS ?empty) WHERE {
      VALUES (?s ?o) { ("a" "z") ("a" "b") ("a" "m") } OPTIONAL { ?s <urn:x:none> ?none } } GROUP BY ?s"""
    for name in STORES:
        assert queries.select(stores[name], text) == [{"s": "a", "all": "b|m|z"}], name


def test_decimal_division_is_cut_at_oxigraphs_precision(stores):
    text = "SELECT (1/3 AS ?third) (2.0/3 AS ?twothirds) (-0.000 AS ?zero) WHERE {}"
    answers = [queries.select(stores[name], text) for name in STORES]
    assert answers[0] == answers[1] == answers[2]
    assert str(answers[0][0]["third"]) == "0.333333333333333333" and str(answers[0][0]["zero"]) == "0"


def test_canonical_forms():
    assert [canonical_decimal(Decimal(v)) for v in ("0.250", "-0.000", "1.0", "100", "-3.50")] == \
        ["0.25", "0", "1", "100", "-3.5"]
    assert str(canonical_term(Literal("007", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")))) == "7"
    assert canonical_term(Literal("x", lang="en-GB")).language == "en-gb"
    assert canonical_term(Literal("x", datatype=URIRef("http://www.w3.org/2001/XMLSchema#string"))) == Literal("x")
    assert group_concat_columns(queries.get("glossary").text) == (("synonyms", "; "),)


def test_with_values_places_bindings_at_the_top_of_the_where_clause():
    text = '# a comment that says WHERE { in it\nSELECT ?x WHERE { ?x ?p "WHERE {" }'
    bound = queries.with_values(text, {"x": EMPATHY})
    assert bound.endswith('WHERE {\n  VALUES (?x) { (<https://w3id.org/esrkg/empathy>) } ?x ?p "WHERE {" }')
    assert queries.with_values(text, None) == text


def test_with_values_wraps_a_sub_select(graph):
    text = "SELECT ?label WHERE { SELECT ?label WHERE { ?item <http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
    bound = queries.with_values(text, {"item": EMPATHY})
    assert queries.select(graph, bound) == [{"label": "Empathy"}]


@pytest.mark.parametrize("term", [URIRef("http://x> } ; DROP ALL #"), URIRef("http://a b"), BNode()])
def test_with_values_refuses_terms_that_could_inject_syntax(term):
    with pytest.raises(ValueError, match=r"\?x "):
        queries.with_values("SELECT ?x WHERE { ?x ?p ?o }", {"x": term})


def test_select_refuses_other_query_forms(graph):
    with pytest.raises(ValueError, match="select\\(\\) runs SELECT queries; this is an ASK query"):
        queries.select(graph, "ASK { ?s ?p ?o }")


def test_a_graph_is_wrapped_as_the_memory_store(graph):
    assert isinstance(as_store(graph), MemoryStore) and as_store(graph).graph() is graph
    with pytest.raises(TypeError):
        as_store("memory")  # type: ignore[arg-type]


def test_an_unknown_store_is_one_sentence():
    with pytest.raises(StoreError, match=r"^Unknown store 'sqlite': use memory, oxigraph or the URL"):
        open_store("sqlite")


def test_an_endpoint_that_does_not_answer_is_one_sentence():
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(StoreError, match=rf"^The SPARQL endpoint {url} did not answer: .*Connection refused\.$"):
        open_store(url)


def test_an_endpoint_refuses_data_files_and_inference(endpoint_url, tmp_path):
    with pytest.raises(StoreError, match="an endpoint answers from its own data"):
        open_store(endpoint_url, [tmp_path / "x.ttl"])
    with pytest.raises(StoreError, match="--inferred needs the memory or oxigraph store"):
        open_store(endpoint_url, inferred=True)


def test_an_endpoint_error_status_is_one_sentence(endpoint_url):
    with pytest.raises(StoreError, match=r"^The SPARQL endpoint .* answered HTTP 400: "):
        EndpointStore(endpoint_url).query("SELECT ?x WHERE { ?x ")


def test_inferred_stores_hold_the_entailments(inferred_graph):
    assert len(open_store("oxigraph", inferred=True)) == len(inferred_graph)
    assert len(open_store("memory", inferred=True)) == len(inferred_graph)


def test_rdflib_parses_one_query_at_a_time_across_threads():
    """pyparsing is not thread-safe: parsing from many threads at once must neither crash nor mix queries."""
    from concurrent.futures import ThreadPoolExecutor

    from esrkg.stores.memory import parsed

    texts = [f"SELECT ?s WHERE {{ ?s ?p {n} }}" for n in range(40)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        queries = list(pool.map(parsed, texts))
    assert [str(q.algebra.p.p.triples[0][2]) for q in queries] == [str(n) for n in range(40)]
