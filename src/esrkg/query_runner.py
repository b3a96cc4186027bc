"""Run anyone's SPARQL safely: read-only, no network or files, hard time and memory limits, capped results.

``run_query`` is the one way the CLI, the app and a server run a user's query:

1. in the caller's process, only what is cheap: the limits, the text (``check_text``: empty, too long,
   NUL, not UTF-8) and a slot (``admission``: so many queries at once per process and per session);
2. everything else in a forked worker (``esrkg.worker``) under the time limit and the memory cap:
   parsing and the refusals (``check_query``), the engine (``_execute``), cutting the result to the
   row limit and the byte cap, and writing it out in the formats the caller asks for.

The worker is killed when the limit passes, when the caller's ``heartbeat`` raises (a browser session
that reruns or closes), and when the calling process dies, however it dies.
"""

import time
from collections.abc import Sequence
from functools import partial

import rdflib.plugins.sparql

from esrkg.admission import QuerySlots, cores
from esrkg.queries import Source
from esrkg.query_checks import (
    MAX_QUERY_CHARS,
    QueryBusy,
    QueryError,
    QueryStopped,
    check_query,
    check_text,
    read_query_file,
)
from esrkg.query_limits import (
    DEFAULT_LIMIT,
    DEFAULT_MAX_BYTES,
    DEFAULT_MEMORY_MB,
    DEFAULT_TIMEOUT,
    MAX_LIMIT,
    MAX_MAX_BYTES,
    MAX_MEMORY_MB,
    MAX_TIMEOUT,
    OUTPUT_FORMATS,
)
from esrkg.query_outcome import (
    OutputFormat,
    QueryOutcome,
    QueryType,
    Triple,
    cut,
)
from esrkg.stores import StoreError, as_store
from esrkg.worker import Heartbeat, WorkerCrashed, WorkerOutOfMemory, WorkerTimeout, run_in_worker

__all__ = [
    "DEFAULT_LIMIT", "DEFAULT_MAX_BYTES", "DEFAULT_MEMORY_MB", "DEFAULT_TIMEOUT", "MAX_LIMIT", "MAX_MAX_BYTES",
    "MAX_MEMORY_MB", "MAX_QUERY_CHARS", "MAX_TIMEOUT", "OUTPUT_FORMATS", "SLOTS", "OutputFormat", "QueryBusy",
    "QueryError", "QueryOutcome", "QuerySlots", "QueryStopped", "QueryType", "Triple", "check_query", "check_text",
    "read_query_file", "run_query",
]

# Defence in depth: even if a dataset clause slipped through, rdflib must not load graphs.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

# One query per core at once in a process, one per session: a visitor cannot take every core.
SLOTS = QuerySlots(per_process=cores(), per_session=1)


def _clamp_timeout(timeout: float) -> float:
    if not 0 < timeout <= MAX_TIMEOUT:
        raise QueryError(f"The time limit must be between 0 and {MAX_TIMEOUT:g} seconds, not {timeout:g}.")
    return timeout


def _clamp(value: int, low: int, high: int, what: str) -> int:
    if not low <= value <= high:
        raise QueryError(f"The {what} must be between {low} and {high}, not {value}.")
    return value


def _check_formats(output_formats: Sequence[str]) -> tuple[str, ...]:
    unknown = [f for f in output_formats if f not in OUTPUT_FORMATS]
    if unknown:
        raise QueryError(f"Unknown output format {unknown[0]!r}; choose one of {', '.join(OUTPUT_FORMATS)}.")
    return tuple(output_formats)


def _execute(source: Source, query_text: str, limit: int, max_bytes: int) -> QueryOutcome:
    """Parse and refuse, run on the engine, cut to the limits: the part of a query that runs in the worker.

    The refusals are rdflib-parse-based whatever the store; the store's own engine then runs the text.
    """
    started = time.perf_counter()
    query = check_query(query_text)
    store = as_store(source)
    result = store.query(query_text)
    prefixes = store.prefixes()
    name = query.algebra.name
    if name == "AskQuery":
        return QueryOutcome("ASK", boolean=bool(result.boolean), limit=limit, max_bytes=max_bytes,
                            elapsed=time.perf_counter() - started, prefixes=prefixes)
    if name in ("ConstructQuery", "DescribeQuery"):
        triples, truncated, by_size = cut(result.triples, limit, max_bytes)
        return QueryOutcome("CONSTRUCT" if name == "ConstructQuery" else "DESCRIBE", triples=tuple(triples),
                            truncated=truncated, truncated_by_size=by_size, limit=limit, max_bytes=max_bytes,
                            elapsed=time.perf_counter() - started, prefixes=prefixes)
    rows, truncated, by_size = cut(result.rows, limit, max_bytes)
    return QueryOutcome("SELECT", result.variables, tuple(rows), truncated=truncated,
                        truncated_by_size=by_size, limit=limit, max_bytes=max_bytes,
                        elapsed=time.perf_counter() - started, prefixes=prefixes)


def _answer(source: Source, query_text: str, limit: int, max_bytes: int,
            output_formats: tuple[str, ...]) -> QueryOutcome:
    """The worker's task: the outcome with its formats written out; any failure as one sentence."""
    try:
        return _execute(source, query_text, limit, max_bytes).render(output_formats)
    except (QueryError, MemoryError):
        raise
    except RecursionError:
        raise QueryError("The query is nested too deeply to run.") from None
    except StoreError as error:  # the store's own sentence (an engine's parse error, an endpoint's refusal)
        raise QueryError(str(error)) from None
    except Exception as error:
        first_line = (str(error).splitlines() or [type(error).__name__])[0][:200].rstrip(".")
        raise QueryError(f"The query failed while running: {first_line}.") from None


def run_query(graph: Source, text: str | bytes, *, timeout: float = DEFAULT_TIMEOUT, limit: int = DEFAULT_LIMIT,
              max_bytes: int = DEFAULT_MAX_BYTES, memory_mb: int = DEFAULT_MEMORY_MB,
              formats: Sequence[str] = (), session: str | None = None, heartbeat: Heartbeat | None = None,
              slots: QuerySlots = SLOTS) -> QueryOutcome:
    """Check, then run a user's query in a worker that is stopped after ``timeout`` seconds.

    ``formats`` are written out inside the worker (``outcome.serialize(f)`` then costs nothing);
    ``session`` is the caller's key for the per-session cap; ``heartbeat(elapsed)`` is called while
    waiting, and raising from it abandons the query (the worker is killed).
    """
    timeout = _clamp_timeout(timeout)
    limit = _clamp(limit, 1, MAX_LIMIT, "row limit")
    max_bytes = _clamp(max_bytes, 1, MAX_MAX_BYTES, "result size cap (bytes)")
    memory_mb = _clamp(memory_mb, 64, MAX_MEMORY_MB, "memory cap (MB)")
    task = partial(_answer, graph, check_text(text), limit, max_bytes, _check_formats(formats))
    with slots.slot(session):
        try:
            return run_in_worker(task, timeout=timeout, memory_mb=memory_mb, heartbeat=heartbeat)
        except WorkerTimeout:
            raise QueryStopped(f"The query was stopped after {timeout:g} s; make it more selective or raise "
                               "the time limit.") from None
        except WorkerOutOfMemory:
            raise QueryStopped(f"The query used more than {memory_mb} MB and was stopped; make it more "
                               "selective.") from None
        except WorkerCrashed as error:
            raise QueryError(f"The query stopped without an answer ({error.reason}); it may have needed more "
                             f"than {memory_mb} MB.") from None
