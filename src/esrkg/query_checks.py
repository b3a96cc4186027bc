"""What a user's SPARQL must pass before it runs, each failure one sentence (a QueryError).

Two stages. ``check_text`` is cheap (emptiness, size, NUL, UTF-8 and lone surrogates) and runs in the
caller's process. ``check_query`` parses with rdflib and refuses what must not run: updates and LOAD
(the graph is read-only), SERVICE (it would make us fetch any URL), FROM / FROM NAMED (they read local
files and URLs) and GRAPH. Parsing is super-linear in pyparsing (a 96 kB query took 44 s), so
``check_query`` runs inside the query worker, under the time limit, whatever store answers the query.
"""

import re
from collections.abc import Iterator
from pathlib import Path

from pyparsing import ParseException
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query

MAX_QUERY_CHARS = 100_000
# The most a query file may take in bytes: any text of MAX_QUERY_CHARS characters fits in UTF-8.
MAX_QUERY_BYTES = 4 * MAX_QUERY_CHARS
NEAR_CHARS = 80

_UPDATE_NAMES = {
    "Load": "LOAD", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE",
    "Modify": "INSERT/DELETE", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD",
    "Move": "MOVE", "Copy": "COPY",
}


class QueryError(ValueError):
    """A query that was refused, malformed or stopped; the message is one sentence for the user."""


class QueryStopped(QueryError):
    """A query stopped by the time limit or the memory cap (a server answers 503, not 400)."""


class QueryBusy(QueryError):
    """A query refused because too many are running, in this process or for this session."""


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise QueryError(f"The query is not valid UTF-8: byte 0x{data[error.start]:02X} at position {error.start} "
                         "cannot be decoded; save the query as UTF-8 text.") from None


def check_text(text: str | bytes) -> str:
    """The query as text if it passes the cheap checks; raises QueryError with one clear sentence."""
    if isinstance(text, bytes):
        if len(text) > MAX_QUERY_BYTES:
            raise QueryError(f"The query is {len(text)} bytes long; the limit is {MAX_QUERY_CHARS} characters.")
        text = _decode(text)
    if not isinstance(text, str) or not text.strip():
        raise QueryError("The query is empty: write a SELECT, ASK, CONSTRUCT or DESCRIBE query.")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"The query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}.")
    if "\x00" in text:
        raise QueryError("The query contains a NUL character, which SPARQL does not allow.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise QueryError(f"The query is not valid Unicode text: character {error.start} is a lone surrogate "
                         f"(U+{ord(text[error.start]):04X}), usually a byte that was not UTF-8.") from None
    return text


def read_query_file(path: Path) -> str:
    """A query read from a file, never more than MAX_QUERY_BYTES + 1 bytes of it; QueryError if unfit."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_QUERY_BYTES + 1)
    except OSError as error:
        raise QueryError(f"Cannot read the query file {str(path)!r}: {error.strerror or error}.") from None
    if len(data) > MAX_QUERY_BYTES:
        raise QueryError(f"The query file {str(path)!r} is larger than {MAX_QUERY_BYTES // 1000} kB; "
                         f"a query may be at most {MAX_QUERY_CHARS} characters.")
    return check_text(data)


def _walk(node: object) -> Iterator[CompValue]:
    """Every CompValue in a parsed or translated query tree."""
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _walk(item)


def _near(error: ParseException) -> str:
    """The text from where parsing failed (or the end of that line), for the message."""
    line = str(error.line)
    rest = line[max(error.col - 1, 0):].strip() or line.strip()[-NEAR_CHARS:]
    return f" (near {rest[:NEAR_CHARS]!r})" if rest else ""


def _syntax_error(text: str, error: ParseException) -> QueryError:
    try:
        update = parseUpdate(text)
    except Exception:
        update = None
    requests = (update.request if update is not None else None) or []
    if requests:  # a text of only comments parses as an empty update: that is a syntax error
        names = sorted({_UPDATE_NAMES.get(request.name, request.name) for request in requests})
        return QueryError(f"{', '.join(names)} is refused: the graph is read-only, only SELECT, ASK, "
                          "CONSTRUCT and DESCRIBE queries run here.")
    expected = re.sub(r"\b(Select|Construct|Describe|Ask)Query\b", lambda m: m.group(1).upper() + " query", error.msg)
    return QueryError(f"Syntax error at line {error.lineno}, column {error.col}: {expected[0].lower()}{expected[1:]}"
                      f"{_near(error)}.")


def check_query(text: str) -> Query:
    """Parse a query and refuse what must not run; raises QueryError with one clear sentence."""
    text = check_text(text)
    try:
        query = prepareQuery(text)
    except ParseException as error:
        raise _syntax_error(text, error) from None
    except RecursionError:
        raise QueryError("The query is nested too deeply to parse.") from None
    except Exception as error:
        first_line = (str(error).splitlines() or [type(error).__name__])[0][:200].rstrip(".")
        raise QueryError(f"The query could not be prepared: {first_line}.") from None
    nodes = list(_walk(query.algebra))
    # dict.get: CompValue.get resolves missing keys to variables, which are truthy.
    if any(n.name == "DatasetClause" or dict.get(n, "datasetClause") for n in nodes):
        raise QueryError("FROM and FROM NAMED are refused: they would read local files or fetch URLs; "
                         "queries run on the esrkg graph only.")
    if any(n.name == "ServiceGraphPattern" for n in nodes):
        raise QueryError("SERVICE is refused: federated queries would make this server fetch any URL.")
    if any(n.name in ("Graph", "GraphGraphPattern") for n in nodes):
        raise QueryError("GRAPH is not supported: the esrkg graph is one default graph with no named graphs.")
    return query
