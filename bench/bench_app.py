"""Benchmark: first render and re-render of every app page (Streamlit AppTest), and the drawing data size.

The first render of the first page includes loading the graph (cached per process afterwards);
each page's first render is its first run in a fresh session of that process.

    .venv/bin/python bench/bench_app.py [--repeat N]
"""

import argparse
import statistics
import time

from streamlit.testing.v1 import AppTest

from esrkg import paths

PAGES = ["views/overview.py", "views/evidence_map.py", "views/explore.py", "views/ask.py", "views/sparql.py",
         "views/glossary.py", "views/evidence.py", "views/schema.py", "views/export.py"]


def timed_run(at: AppTest) -> float:
    started = time.perf_counter()
    at.run()
    if at.exception:
        raise SystemExit(f"page failed: {at.exception[0].value}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = str(paths.app_dir() / "streamlit_app.py")

    cold = AppTest.from_file(app, default_timeout=300)
    print(f"cold start (loads the graph, first page): {timed_run(cold):.2f} s\n")
    print(f"{'page':<22}{'first render s':>15}{'re-render s':>13}")
    for page in PAGES:
        at = AppTest.from_file(app, default_timeout=300)
        at.run()  # a page with its own url_path (the evidence map) is known only after a first run
        at.switch_page(page)
        first = timed_run(at)
        again = statistics.median(timed_run(at) for _ in range(args.repeat))
        print(f"{page:<22}{first:>15.3f}{again:>13.3f}")
        if page == "views/explore.py":
            size = len(next(e for e in at.get("bidi_component") if e.proto.component_name == "esrkg_graph_canvas"
                            ).proto.json)
    print(f"\ndrawing data of the default Explore view: {size / 1024:.0f} KiB")
    print("targets: first render < 1.5 s, re-render < 0.3 s")


if __name__ == "__main__":
    main()
