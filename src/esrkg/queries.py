"""SPARQL kept as files: load the ``queries/*.rq`` catalogue, prepare each once, run with bindings.

Each file starts with a header of ``# key: value`` lines (id, question, params). Parameters are
bound as RDF terms through ``initBindings``, never pasted into the query text.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from rdflib import Graph, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result, ResultRow
from rdflib.term import Identifier, Node

from esrkg import paths


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


@cache
def prepared(query_id: str) -> Query:
    """The parsed and translated query, prepared once per process."""
    return prepareQuery(get(query_id).text)


def run(graph: Graph, query_id: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
    """Run a catalogue query on the graph with parameters bound as RDF terms."""
    query = get(query_id)
    unknown = set(bindings or {}) - set(query.params)
    if unknown:
        raise ValueError(f"Query {query_id!r} has no parameter(s) {sorted(unknown)}; it takes {list(query.params)}.")
    init: dict[str, Identifier] = {Variable(name): value for name, value in (bindings or {}).items()}
    return graph.query(prepared(query_id), initBindings=init)


def rows(graph: Graph, query_id: str, bindings: Mapping[str, Identifier] | None = None) -> list[dict[str, Any]]:
    """Run a SELECT query and return its rows as dicts of Python values (unbound -> absent)."""
    return [as_python(row) for row in run(graph, query_id, bindings) if isinstance(row, ResultRow)]


def as_python(row: ResultRow) -> dict[str, Any]:
    """A result row as a dict of Python values; unbound variables are left out."""
    return python_values(row.asdict().items())


def python_values(bindings: Iterable[tuple[object, Node | None]]) -> dict[str, Any]:
    """(variable, RDF term) pairs as a dict of Python values; unbound (None) terms are left out."""
    return {str(var): term.toPython() for var, term in bindings if term is not None}  # type: ignore[attr-defined]


def violation_checks() -> list[CatalogueQuery]:
    """The ``*_violation`` queries, which must return no rows on valid data."""
    return [query for query in catalogue().values() if query.is_violation_check]
