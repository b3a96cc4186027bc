"""Benchmark: answering free-text questions and the safe runner's overhead, on the full graph.

Prints, for every example question of the template catalogue, the median time to answer it from
free text (after the graph and the answerer are built), and for every template's query the median
time of a bare ``graph.query()`` against ``run_query`` (parse + checks + forked worker).

    .venv/bin/python bench/bench_qa.py [--repeat N]
"""

import argparse
import statistics
import time
from collections.abc import Callable

from esrkg.graph import load_graph
from esrkg.qa import QuestionAnswerer
from esrkg.query_runner import run_query
from esrkg.templates import TEMPLATES


def median_ms(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    started = time.perf_counter()
    graph = load_graph()
    loaded = time.perf_counter()
    answerer = QuestionAnswerer(graph)
    built = time.perf_counter()
    print(f"graph: {len(graph)} triples, loaded in {(loaded - started) * 1000:.0f} ms; "
          f"answerer built in {(built - loaded) * 1000:.0f} ms\n")

    print(f"{'ask (median ms)':>16}  template            question")
    worst = 0.0
    for template in TEMPLATES.values():
        for question in template.examples:
            answerer.ask(question)  # warm caches (prepared queries, typo corrections)
            ms = median_ms(lambda q=question: answerer.ask(q), args.repeat)
            worst = max(worst, ms)
            print(f"{ms:16.1f}  {template.id:<19} {question}")
    print(f"\nslowest answer: {worst:.1f} ms (target < 50 ms)\n")

    print(f"{'bare ms':>8} {'safe ms':>8} {'overhead':>9}  template")
    overheads = []
    for template in TEMPLATES.values():
        sparql = answerer.ask(template.examples[0]).sparql
        if not sparql:
            continue
        bare = median_ms(lambda s=sparql: list(graph.query(s)), args.repeat)
        safe = median_ms(lambda s=sparql: run_query(graph, s), args.repeat)
        overheads.append(safe - bare)
        print(f"{bare:8.1f} {safe:8.1f} {safe - bare:9.1f}  {template.id}")
    print(f"\nsafe runner overhead: median {statistics.median(overheads):.1f} ms, "
          f"max {max(overheads):.1f} ms (target < 50 ms)")


if __name__ == "__main__":
    main()
