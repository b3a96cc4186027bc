"""What every store offers: run SPARQL text with its own engine, give the graph back, count triples.

A store is read-only once opened. Results come back as rdflib terms, lazily, so the safe runner can
stop reading at its row limit whatever engine answers. Making answers equal across engines is the
job of :mod:`esrkg.stores.canonical`, applied by :func:`esrkg.queries.select`.
"""

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rdflib import Graph
from rdflib.term import Node

from esrkg.namespaces import PREFIXES
from esrkg.sparql_text import Bindings

QueryType = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]
Triple = tuple[Node, Node, Node]
Row = tuple[Node | None, ...]


class StoreError(ValueError):
    """A store that cannot be opened or reached, or a query it refused; one sentence for the user."""


@dataclass(frozen=True)
class Answer:
    """One query's answer as rdflib terms: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).

    ``rows`` and ``triples`` may be lazy iterators: read them once.
    """

    query_type: QueryType
    variables: tuple[str, ...] = ()
    rows: Iterable[Row] = ()
    boolean: bool | None = None
    triples: Iterable[Triple] = ()


class Store(ABC):
    """A read-only SPARQL store: rdflib in memory, embedded Oxigraph, or a remote endpoint."""

    #: The backend's name, as given to ``--store`` (an endpoint store shows its URL).
    name: str = ""

    @abstractmethod
    def query(self, text: str, bindings: Bindings | None = None) -> Answer:
        """Run a complete query text (prefixes declared in it) with this store's own engine.

        ``bindings`` (variable name -> IRI or literal) restrict the solutions as a VALUES block at the top
        of the WHERE clause would (:func:`esrkg.sparql_text.with_values`).
        """

    @abstractmethod
    def graph(self) -> Graph:
        """Every triple of the store as an rdflib graph (for SHACL, the reasoner and exports)."""

    @abstractmethod
    def __len__(self) -> int:
        """The number of triples in the store."""

    def prefixes(self) -> tuple[tuple[str, str], ...]:
        """(prefix, namespace) pairs for writing results as Turtle: the project's own."""
        return tuple((prefix, str(namespace)) for prefix, namespace in PREFIXES.items())

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


def first_line(error: BaseException, limit: int = 200) -> str:
    """The first line of an error's message, without a final full stop, for one-sentence reports."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:limit].rstrip(".")
