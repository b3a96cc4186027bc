"""The default store: an rdflib graph in memory, queried with rdflib's own SPARQL engine.

Parsing a query with rdflib's grammar costs milliseconds to seconds, so parsed queries are kept per
text (the catalogue's queries repeat, and so do their bindings in an app); this is an optimization
of this backend only: every store receives the same text.
"""

from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result

from esrkg.stores.base import Answer, QueryType, Row, Store, Triple

_TYPES: dict[str, QueryType] = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
                                "DescribeQuery": "DESCRIBE"}


@lru_cache(maxsize=512)
def parsed(text: str) -> Query:
    """The query parsed and translated by rdflib, once per text."""
    return prepareQuery(text)


class MemoryStore(Store):
    """An rdflib graph (the one ``load_graph()`` returns), queried in this process."""

    name = "memory"

    def __init__(self, graph: Graph) -> None:
        self._graph = graph

    @classmethod
    def open(cls, spec: str, data: Sequence[Path] = (), *, inferred: bool = False) -> "MemoryStore":
        """The ontology and data, plus the checked extra data files, in an rdflib graph."""
        from esrkg.data_files import read_data_files
        from esrkg.graph import load_graph

        extra = read_data_files(data)  # all checked before anything is loaded
        graph = load_graph(inferred=inferred)
        if extra:
            graph.parse(data=extra, format="nt")
        return cls(graph)

    def query(self, text: str) -> Answer:
        """Run the text with rdflib's engine."""
        query = parsed(text)
        query_type = _TYPES.get(query.algebra.name, "SELECT")
        result = self._graph.query(query)
        if query_type == "ASK":
            return Answer("ASK", boolean=bool(result.askAnswer))
        if query_type in ("CONSTRUCT", "DESCRIBE"):
            return Answer(query_type, triples=_triples(result))
        return Answer("SELECT", tuple(str(v) for v in result.vars or ()), _rows(result))

    def graph(self) -> Graph:
        """The graph itself (not a copy): callers must not change it."""
        return self._graph

    def __len__(self) -> int:
        return len(self._graph)


def _rows(result: Result) -> Iterator[Row]:
    for row in result:
        yield tuple(row)  # type: ignore[arg-type]


def _triples(result: Result) -> Iterator[Triple]:
    yield from result  # type: ignore[misc]
