"""Just enough reading of SPARQL text to place a VALUES block of bindings and to tell the query form.

A full parse (rdflib's pyparsing grammar) is slow and engine-specific; these helpers only skip
comments, string literals and IRIs so that a ``{`` or a keyword inside them is never mistaken for
syntax, which is all that placing bindings and choosing an ``Accept`` header need.
"""

import re
from collections.abc import Iterator, Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

Bindings = Mapping[str, Identifier]

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# An IRIREF: '<' then no spaces, quotes, braces... then '>'. A '<' not followed by that is an operator.
_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_PREFIX_NAME = re.compile(r"\s*([A-Za-z_][\w.-]*)?:")
# Characters an IRIREF may not contain (SPARQL 1.1 grammar, rule 139): a term with one of them
# could close the IRI and inject syntax.
_NOT_IN_IRI = set('<>"{}|^`\\') | {chr(c) for c in range(0x21)}
QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


def tokens(text: str) -> Iterator[tuple[int, str]]:
    """(offset, token) for every brace and bare word outside comments, strings and IRIs."""
    i, end = 0, len(text)
    while i < end:
        char = text[i]
        if char == "#":
            newline = text.find("\n", i)
            i = end if newline < 0 else newline + 1
        elif char in "\"'":
            i = _skip_string(text, i)
        elif char == "<" and (match := _IRI.match(text, i)):
            i = match.end()
        elif char in "{}":
            yield i, char
            i += 1
        elif char == "?" or char == "$":
            word = _WORD.match(text, i + 1)
            i = word.end() if word else i + 1
        elif (word := _WORD.match(text, i)) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_:")):
            yield i, word.group()
            i = word.end()
        else:
            i += 1


def _skip_string(text: str, start: int) -> int:
    quote = text[start]
    if text.startswith(quote * 3, start):
        close = start + 3
        while True:
            close = text.find(quote * 3, close)
            if close < 0:
                return len(text)
            if _escaped(text, close):
                close += 1
                continue
            return close + 3
    i = start + 1
    while i < len(text) and text[i] != quote and text[i] != "\n":
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _escaped(text: str, position: int) -> bool:
    backslashes = 0
    while position - backslashes - 1 >= 0 and text[position - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def query_form(text: str) -> str:
    """The first keyword after the prologue, upper-cased: SELECT, CONSTRUCT, ..., INSERT..., or ''."""
    skip_at = -1
    for offset, token in tokens(text):
        word = token.upper()
        if offset == skip_at:
            continue
        if word == "PREFIX":
            name = _PREFIX_NAME.match(text, offset + len(token))
            skip_at = name.start(1) if name and name.group(1) else -1
            continue
        if word == "BASE":
            continue
        return "" if token in "{}" else word
    return ""


def where_group(text: str) -> tuple[int, int]:
    """Offsets of the ``{`` that opens the query's WHERE clause and of the ``}`` that closes it."""
    found = list(tokens(text))
    form = next((t.upper() for _, t in found if t.upper() in QUERY_FORMS), "")
    start = None
    for index, (_, token) in enumerate(found):
        if token.upper() == "WHERE" and index + 1 < len(found) and found[index + 1][1] == "{":
            start = index + 1
            break
    if start is None and form != "CONSTRUCT":  # WHERE is optional except around a CONSTRUCT template
        start = next((i for i, (_, t) in enumerate(found) if t == "{"), None)
    if start is None:
        raise ValueError("The query has no WHERE clause to bind values in.")
    depth = 0
    for offset, token in found[start:]:
        depth += {"{": 1, "}": -1}.get(token, 0)
        if depth == 0:
            return found[start][0], offset
    raise ValueError("The query's WHERE clause is not closed: a '}' is missing.")


def starts_with_subselect(text: str, brace: int) -> bool:
    """True when the group opened at ``brace`` is a sub-SELECT (which a VALUES block may not precede)."""
    following = next((t for offset, t in tokens(text[brace + 1:])), "")
    return following.upper() == "SELECT"


def with_values(text: str, bindings: Bindings | None) -> str:
    """The query with its bindings as a VALUES block at the top of the WHERE clause (terms in N3, escaped)."""
    if not bindings:
        return text
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(value_term(name, term) for name, term in bindings.items())
    block = f"VALUES ({names}) {{ ({values}) }}"
    opening, closing = where_group(text)
    if starts_with_subselect(text, opening):  # a VALUES block may not stand before a sub-SELECT in its group
        return f"{text[:opening + 1]}\n  {block}\n  {{{text[opening + 1:closing]}}}\n{text[closing:]}"
    return f"{text[:opening + 1]}\n  {block}{text[opening + 1:]}"


def value_term(name: str, term: Identifier) -> str:
    """A bound term in N3 for a VALUES block; ValueError for a term that is not a safe IRI or a literal."""
    if not name.isidentifier():
        raise ValueError(f"{name!r} is not a SPARQL variable name.")
    if isinstance(term, BNode) or not isinstance(term, URIRef | Literal):
        raise ValueError(f"?{name} must be bound to an IRI or a literal, not {type(term).__name__}.")
    if isinstance(term, URIRef) and _NOT_IN_IRI & set(term):
        raise ValueError(f"?{name} is bound to {str(term)[:80]!r}, which is not a valid IRI.")
    return term.n3()
