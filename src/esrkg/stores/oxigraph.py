"""Embedded Oxigraph (pyoxigraph), used natively: its own parser, its own SPARQL engine.

The files are bulk loaded into the DEFAULT graph (a named graph would double the memory), queries
are passed to Oxigraph as text (bindings arrive as a VALUES block written by the caller), and the
answers are converted to rdflib terms. Nothing here falls back to rdflib's evaluator: an engine
error is reported as the engine's error.
"""

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from esrkg import paths
from esrkg.namespaces import bind_prefixes
from esrkg.sparql_text import Bindings, query_form, with_values
from esrkg.stores.base import Answer, QueryType, Row, Store, StoreError, Triple, first_line

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib(term: object) -> Node | None:
    """A pyoxigraph term as the equal rdflib term (None stays None: unbound)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
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
        from esrkg.data_files import read_data_files

        extra = read_data_files(data)  # all checked before anything is loaded
        store = ox.Store()
        for source in [paths.tbox_file(), *paths.data_files()]:
            store.bulk_load(path=source, format=ox.RdfFormat.TURTLE)
        if inferred:
            from esrkg.graph import load_graph
            from esrkg.inference import materialize

            store.bulk_load(materialize(load_graph()).serialize(format="nt").encode("utf-8"),
                            format=ox.RdfFormat.N_TRIPLES)
        if extra:
            store.bulk_load(extra.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return cls(store)

    @classmethod
    def from_ntriples(cls, data: bytes) -> "OxigraphStore":
        """A store holding exactly these N-Triples (for benchmarks and tests)."""
        store = ox.Store()
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
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


def _rows(solutions: Iterable[ox.QuerySolution], width: int) -> Iterator[Row]:
    for solution in solutions:
        yield tuple(to_rdflib(solution[i]) for i in range(width))


def _triples(triples: Iterable[ox.Triple]) -> Iterator[Triple]:
    for triple in triples:
        yield to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)  # type: ignore[misc]
