"""Benchmark: what the safe query runner costs, and how fast it stops what must stop.

Prints, for every catalogue query, the median time of a bare ``graph.query(text)`` (rdflib parses and
evaluates in this process) against ``run_query`` (cheap checks here; parse, refusals, evaluation, the
result caps and the CSV/JSON writing in a forked worker); the worker mechanism alone; and, for the
runaway cases, when the call returned and whether its worker was gone at that moment.

    .venv/bin/python bench/bench_runner.py [--repeat N]
"""

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from rdflib.plugins.sparql import prepareQuery

from esrkg import queries
from esrkg.graph import load_graph
from esrkg.query_runner import QueryError, run_query
from esrkg.worker import run_in_worker

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
AND_CHAIN = "SELECT * WHERE { ?s ?p ?o FILTER(" + " && ".join(["?o"] * 16_000) + ") }"
CONCATS = "SELECT (STRLEN(?s30) AS ?n) WHERE { BIND(\"x\" AS ?s0) " + " ".join(
    f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(30)) + " }"


def median_ms(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def living_children() -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                text = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            state, parent = text[text.rindex(")") + 2:].split()[:2]
            if int(parent) == os.getpid() and state not in ("Z", "X"):
                found.add(int(entry))
    return found


def stopped(label: str, action: Callable[[], object], limit: float) -> None:
    before = living_children()
    started = time.perf_counter()
    try:
        action()
        outcome = "answered"
    except QueryError as error:
        outcome = str(error).split(";")[0]
    took = time.perf_counter() - started
    left = living_children() - before
    print(f"{label:<34} limit {limit:4.1f} s  returned after {took:5.2f} s  workers left: {len(left)}  ({outcome})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    graph = load_graph()
    print(f"graph: {len(graph)} triples\n")

    print(f"{'bare ms':>8} {'safe ms':>8} {'overhead':>9}  query")
    overheads = []
    for query in queries.catalogue().values():
        bare = median_ms(lambda t=query.text: list(graph.query(t)), args.repeat)
        safe = median_ms(lambda t=query.text: run_query(graph, t, formats=("csv", "json")), args.repeat)
        overheads.append(safe - bare)
        print(f"{bare:8.1f} {safe:8.1f} {safe - bare:9.1f}  {query.id}")
    print(f"\nsafe runner overhead: median {statistics.median(overheads):.1f} ms, max {max(overheads):.1f} ms "
          "(includes writing CSV and JSON)")
    mechanism = median_ms(lambda: run_in_worker(int, timeout=5, memory_mb=256), args.repeat)
    print(f"worker mechanism alone (fork, answer, end): {mechanism:.1f} ms\n")

    stopped("runaway cross product", lambda: run_query(graph, RUNAWAY, timeout=1), 1)
    stopped("runaway cross product", lambda: run_query(graph, RUNAWAY, timeout=3), 3)
    stopped("96 kB && query (parse)", lambda: run_query(graph, AND_CHAIN, timeout=2), 2)
    stopped("CONCAT chain, 256 MB cap", lambda: run_query(graph, CONCATS, timeout=30, memory_mb=256), 30)
    started = time.perf_counter()
    prepareQuery(AND_CHAIN)
    print(f"\nreference: bare rdflib prepareQuery of the 96 kB && query takes {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
