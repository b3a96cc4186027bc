"""Embedded Oxigraph (pyoxigraph), used natively: its own parser, its own SPARQL engine.

The files are loaded into the DEFAULT graph (a named graph would double the memory), queries
are passed to Oxigraph as text (bindings arrive as a VALUES block written by the caller), and the
answers are converted to rdflib terms. Nothing here falls back to rdflib's evaluator: an engine
error is reported as the engine's error.
"""

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from esrkg import paths
from esrkg.data_files import data_format
from esrkg.namespaces import bind_prefixes
from esrkg.sparql_text import Bindings, query_form, with_values
from esrkg.stores.base import Answer, QueryType, Row, Store, StoreError, Triple, first_line

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


# Answers repeat the same IRIs and values over and over; building an rdflib term validates and
# parses each time (most of the cost of converting a big answer), so recent ones are kept.
@lru_cache(maxsize=65536)
def _iri(value: str) -> URIRef:
    return URIRef(value)


@lru_cache(maxsize=65536)
def _literal(value: str, language: str | None, datatype: str) -> Literal:
    if language:
        return Literal(value, lang=language)
    return Literal(value) if datatype == _XSD_STRING else Literal(value, datatype=_iri(datatype))


def to_rdflib(term: object) -> Node | None:
    """A pyoxigraph term as the equal rdflib term (None stays None: unbound)."""
    kind = type(term)
    if kind is ox.NamedNode:
        return _iri(term.value)  # type: ignore[attr-defined]
    if kind is ox.Literal:
        return _literal(term.value, term.language, term.datatype.value)  # type: ignore[attr-defined]
    if term is None:
        return None
    if kind is ox.BlankNode:
        return BNode(term.value)  # type: ignore[attr-defined]
    raise StoreError(f"Oxigraph returned a term esrkg cannot represent: {term!r}.")


class OxigraphStore(Store):
    """An in-memory pyoxigraph store holding the ontology and data in its default graph."""

    name = "oxigraph"

    def __init__(self, store: ox.Store) -> None:
        self._store = store
        self._graph: Graph | None = None

    @classmethod
    def open(cls, spec: str, data: Sequence[Path] = (), *, inferred: bool = False) -> "OxigraphStore":
        """Bulk load the ontology and data (plus the checked extra data files) into a new store."""
        from esrkg.data_files import checked_files

        checked_files(data, check_with_oxigraph)  # every file parses, in a worker, before anything is loaded
        store = ox.Store()
        # load(), not bulk_load(): in memory it is as fast and peaks at 350 MB for a million triples,
        # bulk_load at 560 MB. Each load() gives its file's blank nodes fresh identities.
        for source in [paths.tbox_file(), *paths.data_files()]:
            store.load(path=source, format=ox.RdfFormat.TURTLE)
        if inferred:
            from esrkg.graph import load_graph
            from esrkg.inference import materialize

            store.load(materialize(load_graph()).serialize(format="nt"), format=ox.RdfFormat.N_TRIPLES)
        for path in map(Path, data):  # Oxigraph's own parser again, on the bytes that just passed it
            store.load(path=path, format=_OXIGRAPH_FORMATS[data_format(path)], base_iri=path.resolve().as_uri())
        return cls(store)

    @classmethod
    def from_ntriples(cls, data: bytes) -> "OxigraphStore":
        """A store holding exactly these N-Triples (for benchmarks and tests)."""
        store = ox.Store()
        store.load(data, format=ox.RdfFormat.N_TRIPLES)
        return cls(store)

    def query(self, text: str, bindings: Bindings | None = None) -> Answer:
        """Run the text with Oxigraph's engine, bindings written into it as a VALUES block."""
        text = with_values(text, bindings)
        try:
            result = self._store.query(text)
        except SyntaxError as error:
            raise StoreError(f"Oxigraph could not parse the query: {first_line(error)}.") from None
        except (OSError, ValueError, RuntimeError) as error:
            raise StoreError(f"Oxigraph could not run the query: {first_line(error)}.") from None
        if isinstance(result, ox.QueryBoolean):
            return Answer("ASK", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            return Answer("SELECT", variables, _rows(result, len(variables)))
        form: QueryType = "DESCRIBE" if query_form(text) == "DESCRIBE" else "CONSTRUCT"
        return Answer(form, triples=_triples(result))

    def graph(self) -> Graph:
        """A copy of the store as an rdflib graph, made once (the store is read-only)."""
        if self._graph is None:
            dumped = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
            self._graph = bind_prefixes(Graph())
            self._graph.parse(data=dumped, format="nt")
        return self._graph

    def __len__(self) -> int:
        return len(self._store)


_OXIGRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "xml": ox.RdfFormat.RDF_XML,
                     "json-ld": ox.RdfFormat.JSON_LD}


def check_with_oxigraph(path: Path, rdf_format: str, text: str) -> int:
    """Parse a checked data file's text with Oxigraph's parser (in the data-file worker); the triple count."""
    quads = ox.parse(text, format=_OXIGRAPH_FORMATS[rdf_format], base_iri=path.resolve().as_uri(),
                     without_named_graphs=True)
    return sum(1 for _ in quads)


def _rows(solutions: Iterable[ox.QuerySolution], width: int) -> Iterator[Row]:
    for solution in solutions:
        yield tuple(to_rdflib(solution[i]) for i in range(width))


def _triples(triples: Iterable[ox.Triple]) -> Iterator[Triple]:
    for triple in triples:
        yield to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)  # type: ignore[misc]
