"""Run anyone's SPARQL safely: read-only, no network or file access, a hard time limit, a row limit.

Refusals happen before anything runs: updates and LOAD (the graph is read-only), SERVICE (it would
make us fetch any URL) and FROM / FROM NAMED (they read local files and URLs). The query then runs
in a forked worker process that is terminated when the time limit passes: rdflib has no timeout,
and a thread cannot be stopped, so a process is the only way to really stop the work.
"""

import multiprocessing
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, Literal

import rdflib.plugins.sparql
from pyparsing import ParseException
from rdflib import Graph, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Node

from esrkg.namespaces import bind_prefixes, shorten
from esrkg.queries import python_values

# Defence in depth: even if a dataset clause slipped through, rdflib must not load graphs.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

DEFAULT_TIMEOUT = 5.0
MAX_TIMEOUT = 60.0
DEFAULT_LIMIT = 1000
MAX_LIMIT = 100_000
MAX_QUERY_CHARS = 100_000

QueryType = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]
OutputFormat = Literal["table", "csv", "tsv", "json", "turtle", "nt", "xml", "json-ld"]
OUTPUT_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "turtle", "nt", "xml", "json-ld")
Triple = tuple[Node, Node, Node]

_UPDATE_NAMES = {
    "Load": "LOAD", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE",
    "Modify": "INSERT/DELETE", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD",
    "Move": "MOVE", "Copy": "COPY",
}


class QueryError(ValueError):
    """A query that was refused, malformed or stopped; the message is one sentence for the user."""


@dataclass(frozen=True)
class QueryOutcome:
    """The result of one query, cut to the row limit."""

    query_type: QueryType
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[Triple, ...] = ()
    truncated: bool = False
    limit: int = DEFAULT_LIMIT
    elapsed: float = 0.0
    prefixes: tuple[tuple[str, str], ...] = field(default=(), repr=False)

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
        """'showing the first N of more' when the limit cut the result, else ''."""
        unit = "triples" if self.is_graph else "rows"
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
        if output_format not in OUTPUT_FORMATS:
            raise QueryError(f"Unknown output format {output_format!r}; choose one of {', '.join(OUTPUT_FORMATS)}.")
        if self.is_graph:
            as_rdf = {"table": "turtle", "json": "json-ld", "csv": "nt", "tsv": "nt"}
            rdf_format = as_rdf.get(output_format, output_format)
            return self.graph().serialize(format=rdf_format)
        if output_format in ("turtle", "nt", "xml", "json-ld"):
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

    def _tsv(self) -> str:
        """SPARQL 1.1 TSV: a header of ?variables, then terms in N-Triples syntax, tab-separated."""
        lines = ["\t".join(f"?{v}" for v in self.variables)]
        lines += ["\t".join("" if term is None else term.n3() for term in row) for row in self.rows]
        return "\n".join(lines) + "\n"

    def _table(self) -> str:
        if self.query_type == "ASK":
            return "true\n" if self.boolean else "false\n"
        cells = [[_short(term) for term in row] for row in self.rows]
        widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(self.variables)]
        lines = ["  ".join(v.ljust(w) for v, w in zip(self.variables, widths, strict=True))]
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
        lines.append(f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''})")
        if self.notice:
            lines.append(self.notice)
        return "\n".join(lines) + "\n"


def _short(term: Node | None) -> str:
    if term is None:
        return ""
    return shorten(term)


def _clamp_timeout(timeout: float) -> float:
    if not 0 < timeout <= MAX_TIMEOUT:
        raise QueryError(f"The time limit must be between 0 and {MAX_TIMEOUT:g} seconds, not {timeout:g}.")
    return timeout


def _clamp_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"The row limit must be between 1 and {MAX_LIMIT}, not {limit}.")
    return limit


def _walk(node: object) -> Iterator[CompValue]:
    """Every CompValue in a parsed or translated query tree."""
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _walk(item)


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
    near = error.line.strip()[:60]
    return QueryError(f"Syntax error at line {error.lineno}, column {error.col}: {expected[0].lower()}{expected[1:]}"
                      f" (near {near!r}).")


def check_query(text: str) -> Query:
    """Parse a query and refuse what must not run; raises QueryError with one clear sentence."""
    if not isinstance(text, str) or not text.strip():
        raise QueryError("The query is empty: write a SELECT, ASK, CONSTRUCT or DESCRIBE query.")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"The query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}.")
    if "\x00" in text:
        raise QueryError("The query contains a NUL character, which SPARQL does not allow.")
    try:
        query = prepareQuery(text)
    except ParseException as error:
        raise _syntax_error(text, error) from None
    except RecursionError:
        raise QueryError("The query is nested too deeply to parse.") from None
    except Exception as error:
        raise QueryError(f"The query could not be prepared: {str(error).splitlines()[0][:200]}.") from None
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


def _query_type(query: Query) -> QueryType:
    name = query.algebra.name
    return {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT"}.get(name, "DESCRIBE")  # type: ignore[return-value]


def _execute(graph: Graph, query: Query, limit: int) -> QueryOutcome:
    """Run a checked query in this process and cut the result to the limit."""
    started = time.perf_counter()
    query_type = _query_type(query)
    result = graph.query(query)
    prefixes = tuple((p, str(n)) for p, n in graph.namespaces())
    if query_type == "ASK":
        return QueryOutcome("ASK", boolean=bool(result.askAnswer), limit=limit,
                            elapsed=time.perf_counter() - started, prefixes=prefixes)
    if query_type in ("CONSTRUCT", "DESCRIBE"):
        triples: list[Triple] = []
        for triple in result:
            triples.append(triple)  # type: ignore[arg-type]
            if len(triples) > limit:
                break
        return QueryOutcome(query_type, triples=tuple(triples[:limit]), truncated=len(triples) > limit,
                            limit=limit, elapsed=time.perf_counter() - started, prefixes=prefixes)
    variables = tuple(str(v) for v in result.vars or ())
    rows: list[tuple[Node | None, ...]] = []
    for row in result:
        rows.append(tuple(row))  # type: ignore[arg-type]
        if len(rows) > limit:
            break
    return QueryOutcome("SELECT", variables, tuple(rows[:limit]), truncated=len(rows) > limit, limit=limit,
                        elapsed=time.perf_counter() - started, prefixes=prefixes)


def _worker(connection: Connection, graph: Graph, query: Query, limit: int) -> None:
    try:
        connection.send(("ok", _execute(graph, query, limit)))
    except Exception as error:
        first_line = str(error).splitlines()[0][:200].rstrip(".") if str(error) else type(error).__name__
        connection.send(("error", f"The query failed while running: {first_line}."))
    finally:
        connection.close()


def run_query(graph: Graph, text: str, *, timeout: float = DEFAULT_TIMEOUT, limit: int = DEFAULT_LIMIT) -> QueryOutcome:
    """Check, then run a user's query in a worker process that is stopped after ``timeout`` seconds."""
    timeout, limit = _clamp_timeout(timeout), _clamp_limit(limit)
    query = check_query(text)
    receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
    worker = multiprocessing.get_context("fork").Process(
        target=_worker, args=(sender, graph, query, limit), daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryError(
                f"The query was stopped after {timeout:g} s; make it more selective or raise the time limit.")
        status, payload = receiver.recv()
    except EOFError:
        raise QueryError("The query worker ended without an answer (out of memory?).") from None
    finally:
        receiver.close()
        if worker.is_alive():
            worker.terminate()
        worker.join(timeout=5)
    if status == "error":
        raise QueryError(payload)
    outcome: QueryOutcome = payload
    return outcome
