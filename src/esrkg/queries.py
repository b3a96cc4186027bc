"""SPARQL kept as files: the ``queries/*.rq`` catalogue, run on any store with bindings as VALUES.

Each file starts with a header of ``# key: value`` lines (id, question, params). Parameters are
bound as RDF terms, never pasted into the query text as strings: Oxigraph and endpoints receive
them in a ``VALUES`` block at the top of the WHERE clause (:func:`with_values`, also the text a user
can copy and re-run anywhere); rdflib binds them to the query it parsed once (``initBindings``),
since parsing costs it about 0.1 s a query. The tests hold both ways to the same answers. Answers
are made equal across engines (:mod:`esrkg.stores.canonical`).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from rdflib import Graph, Variable
from rdflib.query import Result, ResultRow
from rdflib.term import Node

from esrkg import paths
from esrkg.sparql_text import Bindings, with_values
from esrkg.stores import Store, as_store
from esrkg.stores.canonical import canonical_rows
from esrkg.stores.memory import parsed

__all__ = ["Bindings", "CatalogueQuery", "Source", "as_python", "catalogue", "get", "parse_header", "python_values",
           "rows", "run", "select", "violation_checks", "with_values"]

#: What the catalogue and the question answerer run on: an rdflib graph or any store.
Source = Graph | Store

@dataclass(frozen=True)
class CatalogueQuery:
    """One query of the catalogue, with its header."""

    id: str
    question: str
    params: tuple[str, ...]
    text: str

    @property
    def is_violation_check(self) -> bool:
        """Checks that the data must pass return no rows; their ids end in ``_violation``."""
        return self.id.endswith("_violation")


def parse_header(text: str) -> dict[str, str]:
    """The ``# key: value`` lines at the top of a query file."""
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, separator, value = line[1:].partition(":")
        if separator and key.strip().isidentifier():
            header.setdefault(key.strip(), value.strip())
    return header


@cache
def catalogue() -> dict[str, CatalogueQuery]:
    """Every query shipped in the package, by id."""
    queries: dict[str, CatalogueQuery] = {}
    for entry in sorted(paths.QUERIES_DIR.glob("*.rq")):
        text = entry.read_text(encoding="utf-8")
        header = parse_header(text)
        query_id = header.get("id", entry.stem)
        params = tuple(p.strip() for p in header.get("params", "").split(",") if p.strip())
        queries[query_id] = CatalogueQuery(query_id, header.get("question", ""), params, text)
    return queries


def get(query_id: str) -> CatalogueQuery:
    """The catalogue query with this id; a clear error for an unknown id."""
    try:
        return catalogue()[query_id]
    except KeyError:
        known = ", ".join(sorted(catalogue()))
        raise KeyError(f"There is no query {query_id!r}; known queries: {known}.") from None


def _check_params(query: "CatalogueQuery", bindings: Bindings | None) -> None:
    unknown = set(bindings or {}) - set(query.params)
    if unknown:
        raise ValueError(f"Query {query.id!r} has no parameter(s) {sorted(unknown)}; it takes {list(query.params)}.")


def select(source: Source, text: str, bindings: Bindings | None = None) -> list[dict[str, Any]]:
    """Run any SELECT text on a graph or store, bindings as VALUES; rows of Python values (unbound left out)."""
    answer = as_store(source).query(text, bindings)
    if answer.query_type != "SELECT":
        raise ValueError(f"select() runs SELECT queries; this is a{'n' if answer.query_type == 'ASK' else ''} "
                         f"{answer.query_type} query.")
    return list(canonical_rows(answer.variables, answer.rows, text))


def rows(source: Source, query_id: str, bindings: Bindings | None = None) -> list[dict[str, Any]]:
    """Run a catalogue SELECT query and return its rows as dicts of Python values (unbound -> absent)."""
    query = get(query_id)
    _check_params(query, bindings)
    return select(source, query.text, bindings)


def run(graph: Graph, query_id: str, bindings: Bindings | None = None) -> Result:
    """A catalogue query on an rdflib graph as rdflib's own Result (terms as the graph wrote them)."""
    query = get(query_id)
    _check_params(query, bindings)
    return graph.query(parsed(query.text), initBindings={Variable(k): v for k, v in (bindings or {}).items()})


def as_python(row: ResultRow) -> dict[str, Any]:
    """A result row as a dict of Python values; unbound variables are left out."""
    return python_values(row.asdict().items())


def python_values(bindings: Iterable[tuple[object, Node | None]]) -> dict[str, Any]:
    """(variable, RDF term) pairs as a dict of Python values; unbound (None) terms are left out."""
    return {str(var): term.toPython() for var, term in bindings if term is not None}  # type: ignore[attr-defined]


def violation_checks() -> list[CatalogueQuery]:
    """The ``*_violation`` queries, which must return no rows on valid data."""
    return [query for query in catalogue().values() if query.is_violation_check]
