"""Make every engine's answer the same Python answer.

Engines agree on the solutions but not on how they write them: Oxigraph stores numbers by value
and writes them canonically (``0.250`` as ``0.25``, ``-0.000`` as ``0``, ``1.0`` as ``1``), cuts
decimal division at 18 fractional digits where rdflib rounds at 28 significant digits, lowercases
language tags, orders GROUP_CONCAT parts as it meets them, and leaves an empty GROUP_CONCAT unbound
where rdflib gives ``""``. The library writes every term the canonical way, sorts GROUP_CONCAT parts
and leaves an empty one unbound, on every store, so catalogue answers are equal everywhere.
"""

import re
from collections.abc import Iterable, Iterator
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

# Oxigraph's xsd:decimal has 18 fractional digits.
DECIMAL_PLACES = Decimal(1).scaleb(-18)
_INTEGER_TYPES = {XSD[name] for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}


def canonical_decimal(value: Decimal) -> str:
    """The XSD 1.1 canonical form of a decimal, cut to 18 fractional digits: 0.25, 1, -3.5, 0."""
    cut = value.quantize(DECIMAL_PLACES, rounding=ROUND_DOWN) if value.as_tuple().exponent < -18 else value  # type: ignore[operator]
    if cut.is_zero():
        return "0"
    return format(cut.normalize(), "f")


def canonical_term(term: Node | None) -> Node | None:
    """The term written the canonical way (numbers, language tags, xsd:string as a simple literal)."""
    if not isinstance(term, Literal):
        return term
    datatype = term.datatype
    if term.language is not None:
        return term if term.language == term.language.lower() else Literal(str(term), lang=term.language.lower())
    if datatype is None:
        return term
    if datatype == XSD.string:
        return Literal(str(term))
    try:
        if datatype == XSD.decimal:
            lexical = canonical_decimal(Decimal(str(term).strip()))
        elif datatype in _INTEGER_TYPES:
            lexical = str(int(str(term).strip()))
        else:
            return term
    except (InvalidOperation, ValueError):
        return term  # an ill-typed literal stays as written
    return term if lexical == str(term) else Literal(lexical, datatype=datatype)


# (GROUP_CONCAT([DISTINCT] expression [; SEPARATOR = "..."]) AS ?v), the expression nested at most one
# level deep. A regular expression, not rdflib's parser: parsing would cost Oxigraph's answers 10-30 ms.
_GROUP_CONCAT = re.compile(
    r"""GROUP_CONCAT\s*\(\s*(?:DISTINCT\s+)?(?:[^;()"']|\([^()]*\))*"""
    r"""(?:;\s*SEPARATOR\s*=\s*(?P<sep>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'))?\s*\)\s*AS\s*[?$](?P<var>\w+)""",
    re.IGNORECASE)


_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f"}


@lru_cache(maxsize=512)
def group_concat_columns(text: str) -> tuple[tuple[str, str], ...]:
    """(variable, separator) for each ``(GROUP_CONCAT(...) AS ?v)`` of a SELECT text."""
    columns = []
    for match in _GROUP_CONCAT.finditer(text):
        quoted = match.group("sep")
        separator = " " if quoted is None else _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), quoted[1:-1])
        columns.append((match.group("var"), separator))
    return tuple(columns)


def sorted_concat(term: Node | None, separator: str) -> Node | None:
    """A GROUP_CONCAT value with its parts sorted; an empty one as unbound."""
    if not isinstance(term, Literal) or str(term) == "":
        return None if isinstance(term, Literal) else term
    if not separator:
        return term
    parts = sorted(str(term).split(separator))
    return Literal(separator.join(parts), lang=term.language, datatype=term.datatype)


def canonical_rows(
    variables: tuple[str, ...], rows: Iterable[tuple[Node | None, ...]], text: str,
) -> Iterator[dict[str, Any]]:
    """Rows as dicts of Python values, written canonically, GROUP_CONCAT sorted, unbound left out."""
    concat = dict(group_concat_columns(text))
    for row in rows:
        values: dict[str, Any] = {}
        for name, term in zip(variables, row, strict=True):
            if type(term) is URIRef:  # the common case, and its own Python value
                values[name] = term
                continue
            if name in concat:
                term = sorted_concat(term, concat[name])
            term = canonical_term(term)
            if term is not None:
                values[name] = term.toPython()  # type: ignore[attr-defined]
        yield values
