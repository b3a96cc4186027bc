"""The default store: an rdflib graph in memory, queried with rdflib's own SPARQL engine.

Parsing a query with rdflib's grammar costs about 0.1 s for a catalogue query (seconds for big
ones), so each text is parsed once and bindings are applied to the parsed query (``initBindings``)
instead of being written into the text as VALUES: an optimization of this backend only. The store
tests hold it to the same answers as Oxigraph's VALUES.
"""

import os
import threading
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Variable
from rdflib.query import Result

from esrkg.sparql_text import Bindings, value_term
from esrkg.stores.base import Answer, QueryType, Row, Store, Triple

_TYPES: dict[str, QueryType] = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
                                "DescribeQuery": "DESCRIBE"}


if TYPE_CHECKING:
    from rdflib.plugins.sparql.sparql import Query


# rdflib's grammar (pyparsing) is not thread-safe: two app sessions parsing at once crashed a page.
_PARSING = threading.Lock()


def _unlock_in_child() -> None:
    """A worker forked while another thread was parsing must not inherit the held lock."""
    global _PARSING
    _PARSING = threading.Lock()


os.register_at_fork(after_in_child=_unlock_in_child)


@lru_cache(maxsize=512)
def parsed(text: str) -> "Query":
    """The query parsed and translated by rdflib, once per text, one parse at a time."""
    # Imported here: rdflib's SPARQL grammar takes 30-60 ms to build, and `esrkg ask` never needs it.
    from rdflib.plugins.sparql import prepareQuery

    with _PARSING:
        return prepareQuery(text)


class MemoryStore(Store):
    """An rdflib graph (the one ``load_graph()`` returns), queried in this process."""

    name = "memory"

    def __init__(self, graph: Graph) -> None:
        self._graph = graph

    @classmethod
    def open(cls, spec: str, data: Sequence[Path] = (), *, inferred: bool = False) -> "MemoryStore":
        """The ontology and data, plus the checked extra data files, in an rdflib graph."""
        from esrkg.data_files import checked_files, data_format, rdflib_triple_count
        from esrkg.graph import load_graph

        # Every file is parsed by rdflib in the worker, under the limits, before anything is loaded; then
        # the same parser reads the same bytes here (cheaper than sending a million triples back).
        checked_files(data, rdflib_triple_count)
        graph = load_graph(inferred=inferred)
        for path in map(Path, data):
            graph.parse(path, format=data_format(path), publicID=path.resolve().as_uri())
        return cls(graph)

    def query(self, text: str, bindings: Bindings | None = None) -> Answer:
        """Run the text with rdflib's engine; bindings go to the query parsed once (initBindings)."""
        for name, term in (bindings or {}).items():
            value_term(name, term)  # the same terms are refused on every store
        query = parsed(text)
        query_type = _TYPES.get(query.algebra.name, "SELECT")
        result = self._graph.query(query, initBindings={Variable(k): v for k, v in (bindings or {}).items()})
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

    def prefixes(self) -> tuple[tuple[str, str], ...]:
        """The graph's own prefix bindings."""
        return tuple((prefix, str(namespace)) for prefix, namespace in self._graph.namespaces())


def _rows(result: Result) -> Iterator[Row]:
    for row in result:
        yield tuple(row)  # type: ignore[arg-type]


def _triples(result: Result) -> Iterator[Triple]:
    yield from result  # type: ignore[misc]
