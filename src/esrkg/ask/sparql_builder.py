"""A small typed builder for the SELECT queries Ask composes from a frame.

Patterns are fixed text written here (never user words); every term a question contributes (an
item, an edition, a level, a number, a word to look for) enters the query as an RDF term in a
VALUES block, written with its N-Triples form after the same checks as the catalogue's
(:func:`esrkg.queries.with_values`). The text is what runs and what the user sees.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import XSD, Literal, URIRef
from rdflib.term import Identifier

PREFIXES = """PREFIX esr: <https://w3id.org/esrkg/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX bibo: <http://purl.org/ontology/bibo/>
PREFIX obo: <http://purl.obolibrary.org/obo/>"""

# Characters an IRIREF may not contain (SPARQL 1.1 grammar, rule 139).
_NOT_IN_IRI = set('<>"{}|^`\\') | {chr(c) for c in range(0x21)}


def term(value: Identifier) -> str:
    """An RDF term in SPARQL syntax, refused when it could break out of its place."""
    if isinstance(value, URIRef):
        if _NOT_IN_IRI & set(value):
            raise ValueError(f"{str(value)[:80]!r} is not a valid IRI.")
        return value.n3()
    if isinstance(value, Literal):
        return value.n3()
    raise ValueError(f"Only IRIs and literals can be bound, not {type(value).__name__}.")


def iri(value: str) -> URIRef:
    """An IRI term."""
    return URIRef(value)


def number(value: Decimal | int | float) -> Literal:
    """A number as an xsd:decimal literal."""
    text = format(Decimal(str(value)), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def text(value: str) -> Literal:
    """A plain string literal."""
    return Literal(value)


_VARIABLE = re.compile(r"\?(\w+)")


def _semi_join(negated: bool, group: "Select", outer: set[str]) -> list[str]:
    """A FILTER [NOT] EXISTS group, written as a join with (or MINUS of) a DISTINCT sub-select on the
    variables it shares with the required part of the query when that means the same: Oxigraph
    evaluates EXISTS again for every row (60 ms on a 2002-vs-2011 question; the join takes 1 ms)."""
    shared = sorted(group.own_variables() & outer)
    filters_own = all(set(_VARIABLE.findall(f)) <= group.own_variables() for f in group.filters)
    if shared and filters_own and not group.exists:
        head = "MINUS {" if negated else "{"
        lines = [f"  {head}", f"    SELECT DISTINCT {' '.join('?' + v for v in shared)} WHERE {{"]
        lines.extend("    " + line for line in group.body())
        lines += ["    }", "  }"]
        return lines
    lines = [f"  FILTER {'NOT ' if negated else ''}EXISTS {{"]
    lines.extend("  " + line for line in group.body())
    lines.append("  }")
    return lines


@dataclass
class Select:
    """A SELECT query under construction."""

    variables: list[str]
    patterns: list[str] = field(default_factory=list)
    optionals: list[str] = field(default_factory=list)
    values: list[tuple[tuple[str, ...], list[tuple[Identifier, ...]]]] = field(default_factory=list)
    filters: list[str] = field(default_factory=list)
    order_by: list[str] = field(default_factory=list)
    limit: int | None = None
    offset: int = 0
    distinct: bool = True
    comment: str = ""
    group_by: list[str] = field(default_factory=list)
    exists: list[tuple[bool, "Select"]] = field(default_factory=list)  # (negated, group) per FILTER [NOT] EXISTS

    def where(self, *patterns: str) -> "Select":
        """Add graph patterns (fixed text)."""
        self.patterns.extend(patterns)
        return self

    def optional(self, *patterns: str) -> "Select":
        """Add OPTIONAL groups."""
        self.optionals.extend(f"OPTIONAL {{ {p} }}" for p in patterns)
        return self

    def bind(self, names: Sequence[str], rows: Iterable[Sequence[Identifier]]) -> "Select":
        """A VALUES block: the variables and the rows of RDF terms they take."""
        self.values.append((tuple(names), [tuple(row) for row in rows]))
        return self

    def bind_one(self, name: str, *terms: Identifier) -> "Select":
        """A VALUES block for one variable."""
        return self.bind((name,), [(t,) for t in terms])

    def filter(self, *expressions: str) -> "Select":
        """Add FILTER expressions (fixed text over variables; numbers come in as bound variables)."""
        self.filters.extend(expressions)
        return self

    def exists_group(self, negated: bool = False) -> "Select":
        """A FILTER EXISTS (or NOT EXISTS) group to fill with patterns and VALUES; it sees the outer variables."""
        group = Select([])
        self.exists.append((negated, group))
        return group

    def order(self, *keys: str) -> "Select":
        """ORDER BY keys."""
        self.order_by.extend(keys)
        return self

    def body(self) -> list[str]:
        """The group's lines: VALUES blocks, patterns, filters, FILTER [NOT] EXISTS groups."""
        lines = []
        for names, rows in self.values:
            if not rows:
                # No allowed values: nothing matches. (rdflib fails on an empty VALUES block.)
                lines.append("  FILTER (false)")
                continue
            cells = " ".join(f"({' '.join(term(t) for t in row)})" for row in rows)
            lines.append(f"  VALUES ({' '.join('?' + n for n in names)}) {{ {cells} }}")
        # Required patterns before OPTIONALs: rdflib evaluates a pattern after an OPTIONAL on its own
        # and joins it afterwards, a cross product on any graph of size.
        lines.extend(f"  {pattern}" for pattern in self.patterns)
        lines.extend(f"  {pattern}" for pattern in self.optionals)
        lines.extend(f"  FILTER ({expression})" for expression in self.filters)
        required = self._variables(*self.patterns, *self._values_text())
        for negated, group in self.exists:
            lines.extend(_semi_join(negated, group, required))
        return lines

    @staticmethod
    def _variables(*texts: str) -> set[str]:
        return {name for text_ in texts for name in _VARIABLE.findall(text_)}

    def own_variables(self) -> set[str]:
        """The variables this group's patterns and VALUES bind."""
        return self._variables(*self.patterns, *self.optionals, *self._values_text())

    def _values_text(self) -> list[str]:
        return [" ".join("?" + name for name in names) for names, _ in self.values]

    def text(self) -> str:
        """The query text, prefixes declared, terms in VALUES blocks."""
        lines = [PREFIXES]
        if self.comment:
            lines.insert(0, f"# {self.comment}")
        head = "SELECT DISTINCT" if self.distinct else "SELECT"
        # A variable, or an aggregate written here as "(COUNT(DISTINCT ?item) AS ?count)".
        projected = " ".join(v if v.startswith("(") else "?" + v for v in self.variables)
        lines.append(f"{head} {projected} WHERE {{")
        lines.extend(self.body())
        lines.append("}")
        if self.group_by:
            lines.append("GROUP BY " + " ".join(self.group_by))
        if self.order_by:
            lines.append("ORDER BY " + " ".join(self.order_by))
        if self.limit is not None:
            lines.append(f"LIMIT {int(self.limit)}")
        if self.offset:
            lines.append(f"OFFSET {int(self.offset)}")
        return "\n".join(lines)
