"""Just enough reading of SPARQL text to place a VALUES block and to tell the query form.

A full parse (rdflib's pyparsing grammar) is slow and engine-specific; these helpers only skip
comments, string literals and IRIs so that a ``{`` or a keyword inside them is never mistaken for
syntax, which is all that placing bindings and choosing an ``Accept`` header need.
"""

import re
from collections.abc import Iterator

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# An IRIREF: '<' then no spaces, quotes, braces... then '>'. A '<' not followed by that is an operator.
_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_PREFIX_NAME = re.compile(r"\s*([A-Za-z_][\w.-]*)?:")
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
