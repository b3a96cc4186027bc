"""Benchmark Ask: accuracy per question type on the development sets, the time of every answer in
process, and `esrkg ask` as a whole process beside a bare rdflib script, in one run.

    .venv/bin/python bench/bench_qa.py [--repeat N] [--runs N] [--questions FILE ...]

Accuracy uses the checks of tests/ask_checks.py (the kinds of tests/questions/README.md). Timings are
medians of --repeat answers per question after one warm-up; the process comparison runs each
command --runs times and prints the medians. The bare script imports rdflib, parses the exported
Turtle and runs one SELECT: the least any process answering from the graph must do.
"""

import argparse
import collections
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checks live in tests/

from tests import ask_checks  # noqa: E402

from esrkg.export import serialize  # noqa: E402
from esrkg.graph import load_graph  # noqa: E402
from esrkg.qa import QuestionAnswerer  # noqa: E402
from esrkg.stores import open_store  # noqa: E402

BARE_SCRIPT = """
import sys, rdflib
graph = rdflib.Graph()
graph.parse(sys.argv[1], format="turtle")
rows = list(graph.query('''PREFIX esr: <https://w3id.org/esrkg/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label WHERE { ?e a esr:RelationshipElement ; rdfs:label ?label }'''))
print(len(rows))
"""
PROCESS_QUESTION = "what was the confidence interval for empathy in 2011"


def entries(files: list[Path]) -> list[dict]:
    if files:
        import yaml

        return [e for f in files for e in yaml.safe_load(f.read_text(encoding="utf-8"))]
    return [e for name in ask_checks.DEV_SETS for e in ask_checks.load(name)]


def accuracy(answerer: QuestionAnswerer, questions: list[dict]) -> None:
    total: collections.Counter[str] = collections.Counter()
    right: collections.Counter[str] = collections.Counter()
    wrong = []
    for entry in questions:
        kind = entry.get("type", "independent")
        total[kind] += 1
        why = ask_checks.failure(entry, answerer.ask(entry["question"]))
        if why is None:
            right[kind] += 1
        else:
            wrong.append(f"  {entry['id']}: {entry['question']} -> {why}")
    print(f"{'question type':<16} {'right':>5} / {'all':<4} accuracy")
    for kind in sorted(total):
        print(f"{kind:<16} {right[kind]:>5} / {total[kind]:<4} {right[kind] / total[kind]:6.1%}")
    print(f"{'all':<16} {sum(right.values()):>5} / {sum(total.values()):<4} "
          f"{sum(right.values()) / sum(total.values()):6.1%}")
    if wrong:
        print("wrong answers:\n" + "\n".join(wrong))


def timings(name: str, answerer: QuestionAnswerer, questions: list[str], repeat: int) -> None:
    per_question = []
    for question in questions:
        answerer.ask(question)  # warm-up: typo corrections, Oxigraph's first plans
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            answerer.ask(question)
            runs.append((time.perf_counter() - started) * 1000)
        per_question.append((statistics.median(runs), question))
    per_question.sort(reverse=True)
    values = sorted(ms for ms, _ in per_question)
    print(f"\n{name}: {len(values)} questions, median {statistics.median(values):.1f} ms, "
          f"p90 {values[int(0.9 * len(values))]:.1f} ms, slowest {values[-1]:.1f} ms (target: every answer < 50 ms)")
    for ms, question in per_question[:8]:
        print(f"  {ms:6.1f} ms  {question}")


def process_times(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        exported = Path(folder) / "esrkg.ttl"
        exported.write_text(serialize(load_graph(), "turtle"), encoding="utf-8")
        script = Path(folder) / "bare.py"
        script.write_text(BARE_SCRIPT, encoding="utf-8")
        esrkg = str(Path(sys.executable).with_name("esrkg"))
        commands = {"bare rdflib script": [sys.executable, str(script), str(exported)],
                    "esrkg ask": [esrkg, "ask", PROCESS_QUESTION],
                    "esrkg --store oxigraph ask": [esrkg, "--store", "oxigraph", "ask", PROCESS_QUESTION]}
        print(f"\nwhole process, median of {runs} runs:")
        for name, command in commands.items():
            seconds = []
            for _ in range(runs):
                started = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                seconds.append(time.perf_counter() - started)
            print(f"  {name:<28} {statistics.median(seconds):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--questions", type=Path, nargs="*", default=[],
                        help="YAML question sets to use instead of the development sets")
    args = parser.parse_args()
    questions = entries(args.questions)

    started = time.perf_counter()
    graph = load_graph()
    answerer = QuestionAnswerer(graph)
    print(f"graph: {len(graph)} triples; answerer built in {(time.perf_counter() - started) * 1000:.0f} ms "
          "(graph load included)\n")
    accuracy(answerer, questions)
    texts = [e["question"] for e in questions]
    timings("in process, memory store (Ask's Oxigraph copy)", answerer, texts, args.repeat)
    timings("in process, oxigraph store", QuestionAnswerer(open_store("oxigraph")), texts, args.repeat)
    process_times(args.runs)


if __name__ == "__main__":
    main()
