"""Scale benchmark: synthetic study-level data at 10k, 100k and 1M triples, on every store, side by side.

The data: one effect-size estimate per synthetic study, ``esr:about`` a real relationship element or
adaptation of the graph (so the committed ``esr:within`` item-scope links apply to it, as they do to
the real estimates), with a sample size, a metric and value, and the study's client age group, format,
diagnosis, country and year (16 triples a study, in a ``bench:`` namespace where the ontology has no
term). Each store and size is measured in its own subprocess (load time, peak memory as ru_maxrss of
the process and its workers) running every catalogue query and three researcher aggregates:

- the N-weighted mean effect per relationship element;
- the studies on one element with N above a threshold, largest effect first;
- the number of studies per adaptation and the characteristic it is tailored to.

Stores: ``rdflib`` and ``pyoxigraph`` (the bare references: one Graph.parse / Store.load, the
query text run by the library itself), ``memory`` and ``oxigraph`` (esrkg's stores, opened with
``--data`` as a user would: checked in a worker first, answers made canonical).

    .venv/bin/python bench/bench_scale.py --sizes 10k,100k,1m --stores rdflib,pyoxigraph,memory,oxigraph

A query still running after ``--query-cap`` seconds is stopped and shown as ``>cap``.
"""

import argparse
import json
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rdflib import RDF, Literal, URIRef

from esrkg import paths, queries
from esrkg.graph import load_graph
from esrkg.namespaces import ESR
from esrkg.sparql_text import with_values

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
STORES = ("rdflib", "pyoxigraph", "memory", "oxigraph")
TRIPLES_PER_STUDY = 16
BENCH = "https://w3id.org/esrkg/bench/"
PREFIXES = ("PREFIX esr: <https://w3id.org/esrkg/> PREFIX bench: <https://w3id.org/esrkg/bench/>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")

AGGREGATES = {
    "agg: N-weighted mean per element": (PREFIXES + """SELECT ?item ?label (COUNT(?study) AS ?studies)
       (SUM(?n) AS ?totalN) (SUM(?n * ?value) / SUM(?n) AS ?weightedMean) WHERE {
  ?item a esr:RelationshipElement ; rdfs:label ?label .
  ?subject esr:within ?item .
  ?study esr:about ?subject ; bench:year ?year ; esr:metric "r" ; esr:value ?value ; esr:sampleSize ?n .
} GROUP BY ?item ?label ORDER BY DESC(?weightedMean) ?item""", {}),
    "agg: studies on empathy with N > 400": (PREFIXES + """SELECT ?study ?n ?value ?country ?year WHERE {
  ?subject esr:within ?item .
  ?study esr:about ?subject ; bench:year ?year ; esr:value ?value ; esr:sampleSize ?n ; bench:country ?country .
  FILTER (?n > 400)
} ORDER BY DESC(?value) ?study""", {"item": ESR["empathy"]}),
    "agg: studies per adaptation and characteristic": (PREFIXES + """SELECT ?adaptation ?characteristic
       (COUNT(?study) AS ?studies) WHERE {
  ?adaptation a esr:Adaptation ; esr:tailoredTo ?characteristic .
  ?study esr:about ?adaptation ; bench:year ?year .
} GROUP BY ?adaptation ?characteristic ORDER BY ?adaptation ?characteristic""", {}),
}

# A value for every catalogue parameter (the same ones the store tests use).
SAMPLE = {"item": ESR["empathy"], "term": ESR["empathy"], "edition": ESR["TF3-2018"],
          "level": ESR["demonstrably-effective"], "part": Literal("element"), "text": Literal("empathy"),
          "adaptation": ESR["matching-directiveness-to-resistance"], "characteristic": ESR["resistance"],
          "audience": ESR["practitioners"], "format": ESR["group-therapy"]}


# The evidence on an item as the app asks for it: every edition (the synthetic studies have their own).
ITEM_ONLY = {"estimates_on_item", "evidence_on_item", "verdicts_on_item"}


def workload() -> dict[str, tuple[str, dict[str, Any]]]:
    """Every catalogue query (bound with sample values where it takes parameters) and the aggregates."""
    jobs = {q.id: (q.text, {p: SAMPLE[p] for p in q.params if p in SAMPLE and (p == "item" or q.id not in ITEM_ONLY)})
            for q in queries.catalogue().values()}
    return {**jobs, **AGGREGATES}


def generate(triples: int, path: Path, seed: int = 2026) -> int:
    """Write about ``triples`` triples of synthetic studies as N-Triples; the number of studies."""
    graph = load_graph()
    elements = sorted(s for s in graph.subjects(RDF.type, ESR.RelationshipElement) if isinstance(s, URIRef))
    adaptations = sorted(s for s in graph.subjects(RDF.type, ESR.Adaptation) if isinstance(s, URIRef))
    rng = random.Random(seed)
    ages = ["children", "adolescents", "adults", "older-adults"]
    formats = ["individual", "group", "couple", "family"]
    diagnoses = ["depression", "anxiety", "substance-use", "personality", "eating", "mixed"]
    countries = ["US", "DE", "GB", "NL", "CA", "AU", "SE", "IT", "JP", "BR"]
    e, b, x = "<https://w3id.org/esrkg/", f"<{BENCH}", "^^<http://www.w3.org/2001/XMLSchema#"
    studies = triples // TRIPLES_PER_STUDY
    with path.open("w", encoding="utf-8") as out:
        out.write(f'{b}synthetic-edition> <http://purl.org/dc/terms/identifier> "SYN-2026" .\n'
                  f'{b}synthetic-edition> {e}year> "2026"{x}integer> .\n')
        for number in range(studies):
            is_element = rng.random() < 0.75
            item = rng.choice(elements if is_element else adaptations)
            value = round(rng.gauss(0.25, 0.15), 3)
            study = f"{b}study-{number:07d}>"
            lines = [
                f"{study} <{RDF.type}> {e}EffectSizeEstimate>",
                f"{study} {e}about> <{item}>",
                f"{study} {e}edition> {b}synthetic-edition>",
                f'{study} {e}estimates> "synthetic study {number}"',
                f"{study} {e}estimand> {e}{'outcome-association' if is_element else 'adapted-vs-unadapted'}>",
                f"{study} <http://purl.org/dc/terms/source> {b}source-{number % 100}>",
                f'{study} {e}metric> "{"r" if is_element else "d"}"',
                f'{study} {e}value> "{value}"{x}decimal>',
                f'{study} {e}printedValue> "{value}"',
                f'{study} {e}sampleSize> "{int(rng.lognormvariate(5, 1)) + 10}"{x}integer>',
                f'{study} {e}studyCount> "1"{x}integer>',
                f"{study} {b}ageGroup> {b}{rng.choice(ages)}>",
                f"{study} {b}format> {b}{rng.choice(formats)}>",
                f"{study} {b}diagnosis> {b}{rng.choice(diagnoses)}>",
                f'{study} {b}country> "{rng.choice(countries)}"',
                f'{study} {b}year> "{rng.randint(1980, 2025)}"{x}integer>',
            ]
            out.write(" .\n".join(lines) + " .\n")
        for source in range(100):
            label = "<http://www.w3.org/2000/01/rdf-schema#label>"
            out.write(f'{b}source-{source}> {label} "Synthetic source {source}" .\n')
    return studies


class Capped(Exception):
    """The query ran past the cap."""


def _alarm(signum: int, frame: object) -> None:
    raise Capped


def timed(run: Callable[[], int], cap: float, repeats: int) -> tuple[float | None, int]:
    """(best seconds or None past the cap, rows) over ``repeats`` runs."""
    best, rows = None, 0
    signal.signal(signal.SIGALRM, _alarm)
    for _ in range(repeats):
        signal.setitimer(signal.ITIMER_REAL, cap)
        started = time.perf_counter()
        try:
            rows = run()
        except Capped:
            return None, rows
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best, rows


def open_reference(store: str, data: Path) -> Callable[[str, dict[str, Any]], int]:
    """Load the bare library and return a function that runs a query text and counts its rows."""
    files = [paths.tbox_file(), *paths.data_files(), data]
    if store == "rdflib":
        from rdflib import Graph
        from rdflib.plugins.sparql import prepareQuery

        graph = Graph()
        for path in files:
            graph.parse(path, format="nt" if path.suffix == ".nt" else "turtle")

        def run_rdflib(text: str, bindings: dict[str, Any]) -> int:
            query = prepareQuery(with_values(text, bindings))
            return sum(1 for _ in graph.query(query))
        return run_rdflib
    import pyoxigraph as ox

    oxigraph = ox.Store()
    for path in files:
        oxigraph.load(path=path, format=ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE)

    def run_pyoxigraph(text: str, bindings: dict[str, Any]) -> int:
        solutions = oxigraph.query(with_values(text, bindings))
        width = len(solutions.variables)
        return len([[solution[i] for i in range(width)] for solution in solutions])  # every value read
    return run_pyoxigraph


def open_esrkg(store: str, data: Path) -> Callable[[str, dict[str, Any]], int]:
    """Open an esrkg store with the data as ``--data`` and return a function that runs a query text."""
    from esrkg import open_store

    opened = open_store(store, [data])
    return lambda text, bindings: len(queries.select(opened, text, bindings))


def measure(store: str, data: Path, cap: float, repeats: int) -> dict[str, Any]:
    """Load one store and run the workload: the record a worker subprocess prints."""
    started = time.perf_counter()
    run = open_reference(store, data) if store in ("rdflib", "pyoxigraph") else open_esrkg(store, data)
    load = time.perf_counter() - started
    loaded_kb = _peak_kb()  # the store itself, before any answer is held in Python objects
    timings: dict[str, Any] = {}
    for name, (text, bindings) in workload().items():
        seconds, rows = timed(lambda t=text, b=bindings: run(t, b), cap, repeats)
        timings[name] = {"seconds": seconds, "rows": rows}
    return {"store": store, "load": load, "loaded_mb": loaded_kb / 1024, "peak_mb": _peak_kb() / 1024,
            "queries": timings}


def _peak_kb() -> int:
    """Peak resident memory of this process and of its workers (the data-file check), in kB."""
    return max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def _cell(seconds: float | None, cap: float) -> str:
    if seconds is None:
        return f">{cap:g} s"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def report(size: str, triples: int, results: list[dict[str, Any]], cap: float) -> Iterator[str]:
    """The table for one size: a column per store, then oxigraph vs rdflib and vs bare pyoxigraph."""
    by_store = {r["store"]: r for r in results}
    names = [s for s in STORES if s in by_store]
    ratios = "oxigraph" in by_store
    header = ["", *names] + (["rdflib/oxigraph", "oxigraph/pyoxigraph"] if ratios else []) + ["rows"]
    lines = [[f"load ({size}, {triples:,} synthetic triples)"] + [f"{by_store[s]['load']:.2f} s" for s in names],
             ["peak memory after load"] + [f"{by_store[s].get('loaded_mb', 0):.0f} MB" for s in names],
             ["peak memory (with the answers)"] + [f"{by_store[s]['peak_mb']:.0f} MB" for s in names]]
    for query in by_store[names[0]]["queries"]:
        cells = [_cell(by_store[s]["queries"][query]["seconds"], cap) for s in names]
        if ratios:
            mine = by_store["oxigraph"]["queries"][query]["seconds"]
            for reference, flip in (("rdflib", True), ("pyoxigraph", False)):
                theirs = by_store.get(reference, {}).get("queries", {}).get(query, {}).get("seconds")
                if mine and theirs:
                    cells.append(f"{theirs / mine:.0f}x" if flip else f"{mine / theirs:.2f}")
                else:
                    cells.append(f">{cap / mine:.0f}x" if flip and mine and reference in by_store else "")
        counts = {by_store[s]["queries"][query]["rows"] for s in names if by_store[s]["queries"][query]["seconds"]}
        cells.append("/".join(str(c) for c in sorted(counts)) + ("  DIFFERENT" if len(counts) > 1 else ""))
        lines.append([query, *cells])
    widths = [max(len(row[i]) if i < len(row) else 0 for row in [header, *lines]) for i in range(len(header))]
    yield " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    yield "-|-".join("-" * w for w in widths)
    for row in lines:
        yield " | ".join(c.ljust(w) for c, w in zip(row + [""] * (len(header) - len(row)), widths, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1m", help="comma-separated: 10k, 100k, 1m")
    parser.add_argument("--stores", default=",".join(STORES), help="comma-separated: " + ", ".join(STORES))
    parser.add_argument("--query-cap", type=float, default=60.0, help="seconds before a query is stopped")
    parser.add_argument("--repeats", type=int, default=3,
                        help="runs per query (the best is shown); 1 for rdflib and memory at 1m")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.worker, args.data, args.query_cap, args.repeats)))
        return 0
    everything = {}
    with tempfile.TemporaryDirectory(prefix="esrkg-scale-") as folder:
        for size in args.sizes.split(","):
            data = Path(folder) / f"studies-{size}.nt"
            studies = generate(SIZES[size], data)
            results = []
            for store in args.stores.split(","):
                # rdflib's engine at a million triples takes minutes: once; the others get their best of n
                repeats = 1 if size == "1m" and store in ("rdflib", "memory") else args.repeats
                done = subprocess.run([sys.executable, __file__, "--worker", store, "--data", str(data),
                                       "--query-cap", str(args.query_cap), "--repeats", str(repeats)],
                                      capture_output=True, text=True, check=False)
                if done.returncode != 0:
                    print(f"{store} at {size} failed: {done.stderr.strip()[-500:]}", file=sys.stderr)
                    continue
                results.append(json.loads(done.stdout.strip().splitlines()[-1]))
                print(f"measured {store} at {size}", file=sys.stderr, flush=True)
            print(f"\n## {size}: {studies:,} studies, {studies * TRIPLES_PER_STUDY:,} synthetic triples\n")
            print("\n".join(report(size, studies * TRIPLES_PER_STUDY, results, args.query_cap)), flush=True)
            everything[size] = results
    if args.json:
        args.json.write_text(json.dumps(everything, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
