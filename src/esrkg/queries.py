"""SPARQL kept as files: the ``queries/*.rq`` catalogue, run on any store with bindings as VALUES.

Each file starts with a header of ``# key: value`` lines (id, question, params). Parameters are
bound as RDF terms in a ``VALUES`` block at the top of the WHERE clause (:func:`with_values`),
never pasted into the query text as strings: the same text runs on rdflib, Oxigraph and any
endpoint, and it is the text a user can copy. Answers are made equal across engines
(:mod:`esrkg.stores.canonical`).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result, ResultRow
from rdflib.term import Identifier, Node

from esrkg import paths
from esrkg.sparql_text import starts_with_subselect, where_group
from esrkg.stores import Store, as_store
from esrkg.stores.canonical import canonical_rows
from esrkg.stores.memory import parsed

#: What the catalogue and the question answerer run on: an rdflib graph or any store.
Source = Graph | Store
Bindings = Mapping[str, Identifier]

# Characters an IRIREF may not contain (SPARQL 1.1 grammar, rule 139): a term with one of them
# could close the IRI and inject syntax.
_NOT_IN_IRI = set('<>"{}|^`\\') | {chr(c) for c in range(0x21)}


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


def with_values(text: str, bindings: Bindings | None) -> str:
    """The query with its bindings as a VALUES block at the top of the WHERE clause (terms in N3, escaped)."""
    if not bindings:
        return text
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(_value_term(name, term) for name, term in bindings.items())
    block = f"VALUES ({names}) {{ ({values}) }}"
    opening, closing = where_group(text)
    if starts_with_subselect(text, opening):  # a VALUES block may not stand before a sub-SELECT in its group
        return f"{text[:opening + 1]}\n  {block}\n  {{{text[opening + 1:closing]}}}\n{text[closing:]}"
    return f"{text[:opening + 1]}\n  {block}{text[opening + 1:]}"


def _value_term(name: str, term: Identifier) -> str:
    if not name.isidentifier():
        raise ValueError(f"{name!r} is not a SPARQL variable name.")
    if isinstance(term, BNode) or not isinstance(term, URIRef | Literal):
        raise ValueError(f"?{name} must be bound to an IRI or a literal, not {type(term).__name__}.")
    if isinstance(term, URIRef) and _NOT_IN_IRI & set(term):
        raise ValueError(f"?{name} is bound to {str(term)[:80]!r}, which is not a valid IRI.")
    return term.n3()


def _check_params(query: "CatalogueQuery", bindings: Bindings | None) -> None:
    unknown = set(bindings or {}) - set(query.params)
    if unknown:
        raise ValueError(f"Query {query.id!r} has no parameter(s) {sorted(unknown)}; it takes {list(query.params)}.")


def select(source: Source, text: str, bindings: Bindings | None = None) -> list[dict[str, Any]]:
    """Run any SELECT text on a graph or store, bindings as VALUES; rows of Python values (unbound left out)."""
    answer = as_store(source).query(with_values(text, bindings))
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
    return graph.query(parsed(with_values(query.text, bindings)))


def as_python(row: ResultRow) -> dict[str, Any]:
    """A result row as a dict of Python values; unbound variables are left out."""
    return python_values(row.asdict().items())


def python_values(bindings: Iterable[tuple[object, Node | None]]) -> dict[str, Any]:
    """(variable, RDF term) pairs as a dict of Python values; unbound (None) terms are left out."""
    return {str(var): term.toPython() for var, term in bindings if term is not None}  # type: ignore[attr-defined]


def violation_checks() -> list[CatalogueQuery]:
    """The ``*_violation`` queries, which must return no rows on valid data."""
    return [query for query in catalogue().values() if query.is_violation_check]
