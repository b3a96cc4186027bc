"""The result of one user query: cut to a row and a byte limit, and written out in a standard format.

Both limits are applied while the rows are read, inside the query worker, and the formats the caller
asks for are written there too, so that neither a huge row nor a slow serialization escapes the time
limit (a 671-million-character row once took 80 s to write out after the query had answered).
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from rdflib import Graph, Variable
from rdflib import Literal as RDFLiteral
from rdflib.query import Result
from rdflib.term import Node

from esrkg.namespaces import bind_prefixes, shorten
from esrkg.queries import python_values
from esrkg.query_checks import QueryError
from esrkg.query_limits import DEFAULT_LIMIT, DEFAULT_MAX_BYTES, OUTPUT_FORMATS, RDF_FORMATS

QueryType = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]
OutputFormat = Literal["table", "csv", "tsv", "json", "turtle", "nt", "xml", "json-ld"]
Triple = tuple[Node, Node, Node]
Row = tuple[Node | None, ...]


def term_bytes(term: Node | None) -> int:
    """The UTF-8 size of a term's text (with its datatype or language), without copying ASCII text."""
    if term is None:
        return 0
    text = str(term)
    size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
    if isinstance(term, RDFLiteral):
        size += len(term.datatype or "") + len(term.language or "")
    return size


def cut(items: Iterable[Sequence[Node | None]], limit: int, max_bytes: int) -> tuple[list[Any], bool, bool]:
    """The first items within ``limit`` items and ``max_bytes`` bytes: (items, truncated, truncated by size)."""
    kept: list[Any] = []
    size = 0
    for item in items:
        if len(kept) == limit:
            return kept, True, False
        size += sum(term_bytes(term) for term in item)
        if size > max_bytes:
            if not kept:
                raise QueryError(f"The first result alone is larger than {max_bytes / 1e6:g} MB, the most a result "
                                 "may take; select shorter values (for example with SUBSTR).")
            return kept, True, True
        kept.append(tuple(item))
    return kept, False, False


@dataclass(frozen=True)
class QueryOutcome:
    """The result of one query, cut to the row limit and the byte cap."""

    query_type: QueryType
    variables: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    boolean: bool | None = None
    triples: tuple[Triple, ...] = ()
    truncated: bool = False
    limit: int = DEFAULT_LIMIT
    elapsed: float = 0.0
    prefixes: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    truncated_by_size: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    # Formats written out by the worker, under the time limit: serialize() returns these as they are.
    rendered: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def size(self) -> int:
        """Rows (SELECT) or triples (CONSTRUCT/DESCRIBE) returned."""
        return len(self.triples) if self.is_graph else len(self.rows)

    @property
    def is_graph(self) -> bool:
        """True for CONSTRUCT and DESCRIBE, whose result is RDF."""
        return self.query_type in ("CONSTRUCT", "DESCRIBE")

    @property
    def notice(self) -> str:
        """'showing the first N of more' when a limit cut the result, else ''."""
        unit = "triples" if self.is_graph else "rows"
        if self.truncated_by_size:
            return (f"Showing the first {self.size} {unit} of more: a result may take at most "
                    f"{self.max_bytes / 1e6:g} MB; select fewer or shorter values.")
        if not self.truncated:
            return ""
        return f"Showing the first {self.limit} {unit} of more; raise the limit to see the rest."

    def records(self) -> list[dict[str, Any]]:
        """SELECT rows as dicts of Python values (unbound variables left out)."""
        return [python_values(zip(self.variables, row, strict=True)) for row in self.rows]

    def graph(self) -> Graph:
        """CONSTRUCT/DESCRIBE triples as a graph with our prefixes."""
        result = bind_prefixes(Graph())
        for triple in self.triples:
            result.add(triple)
        return result

    def serialize(self, output_format: str = "table") -> str:
        """The result in a SPARQL 1.1 results format (SELECT/ASK) or an RDF format (CONSTRUCT/DESCRIBE)."""
        if output_format in self.rendered:
            return self.rendered[output_format]
        if output_format not in OUTPUT_FORMATS:
            raise QueryError(f"Unknown output format {output_format!r}; choose one of {', '.join(OUTPUT_FORMATS)}.")
        if self.is_graph:
            as_rdf = {"table": "turtle", "json": "json-ld", "csv": "nt", "tsv": "nt"}
            return self.graph().serialize(format=as_rdf.get(output_format, output_format))
        if output_format in RDF_FORMATS:
            raise QueryError(f"A {self.query_type} result has no RDF form; use table, csv, tsv or json.")
        if output_format == "table":
            return self._table()
        if output_format == "tsv" and self.query_type == "SELECT":
            return self._tsv()
        result = Result(self.query_type)
        if self.query_type == "ASK":
            result.askAnswer = bool(self.boolean)
        else:
            result.vars = [Variable(v) for v in self.variables]
            result.bindings = [
                {Variable(var): term for var, term in zip(self.variables, row, strict=True)  # type: ignore[misc]
                 if term is not None}
                for row in self.rows
            ]
        serialized = result.serialize(format=output_format)
        return serialized.decode("utf-8") if isinstance(serialized, bytes) else str(serialized)

    def render(self, output_formats: Iterable[str]) -> "QueryOutcome":
        """This outcome with the given formats written out (those that have no form for it are left out)."""
        rendered = dict(self.rendered)
        for output_format in output_formats:
            if self.is_graph or output_format not in RDF_FORMATS:
                rendered[output_format] = self.serialize(output_format)
        return replace(self, rendered=rendered)

    def _tsv(self) -> str:
        """SPARQL 1.1 TSV: a header of ?variables, then terms in N-Triples syntax, tab-separated."""
        lines = ["\t".join(f"?{v}" for v in self.variables)]
        lines += ["\t".join("" if term is None else term.n3() for term in row) for row in self.rows]
        return "\n".join(lines) + "\n"

    def _table(self) -> str:
        if self.query_type == "ASK":
            return "true\n" if self.boolean else "false\n"
        cells = [["" if term is None else shorten(term) for term in row] for row in self.rows]
        widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(self.variables)]
        lines = ["  ".join(v.ljust(w) for v, w in zip(self.variables, widths, strict=True))]
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
        lines.append(f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''})")
        if self.notice:
            lines.append(self.notice)
        return "\n".join(lines) + "\n"
