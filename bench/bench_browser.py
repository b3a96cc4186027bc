"""Benchmark: every page of the app in a real browser (Debian's Chromium, headless, driven by Playwright).

Starts the app as ``esrkg app`` does (a free port on 127.0.0.1), opens each page in a new browser
context (empty cache: a first visit) and prints when the page settled: the time from navigation to
the last change of the page, measured in the page with a MutationObserver and taken once nothing has
changed for 1.5 s. For Explore it also prints the time to the graph's first drawing (vis-network's
first ``afterDrawing``). Then the same pages again in one context (cache warm, as a visitor moving
between pages). Requests to any other host are counted (there should be none).

    .venv/bin/python bench/bench_browser.py [--repeat N] [--port P]
"""

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from esrkg.cli import app_command

CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
PAGES = {"overview": "", "evidence map": "map", "explore": "explore", "ask": "ask", "sparql": "sparql",
         "glossary": "glossary", "evidence over time": "evidence", "schema": "schema", "export": "export"}
QUIET_MS = 1500
TARGET_S = 2.0

# Records the time of the last change to the page, and whether Streamlit is still running the script.
WATCH = """
window.__esrkgLastChange = 0;
new MutationObserver(() => { window.__esrkgLastChange = performance.now(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""
BUSY = '[data-testid="stStatusWidgetRunningIcon"], [data-testid="stSkeleton"], [data-testid="stSpinner"]'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def settle_time(page, url: str, explore: bool) -> tuple[float, tuple[float, float] | None]:
    """(settled s, (first drawing s, drawing after the component started s) or None) of one visit; NaN when the
    page shows an error instead."""
    page.goto(url)
    page.wait_for_selector('h1, [data-testid="stException"]', timeout=60_000)
    if page.locator('[data-testid="stException"]').count():
        return float("nan"), None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        quiet = page.evaluate("performance.now() - window.__esrkgLastChange")
        if quiet > QUIET_MS and page.locator(BUSY).count() == 0:
            break
        page.wait_for_timeout(100)
    settled = page.evaluate("window.__esrkgLastChange") / 1000
    drawn = None
    if explore:
        page.wait_for_function("window.__esrkgFirstDrawing !== undefined", timeout=60_000)
        drawn = (page.evaluate("window.__esrkgFirstDrawing") / 1000,
                 page.evaluate("window.__esrkgFirstDrawing - window.__esrkgCanvasStart") / 1000)
    return settled, drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    port = args.port or free_port()
    base = f"http://127.0.0.1:{port}"
    workdir = Path(tempfile.mkdtemp(prefix="esrkg-bench-"))
    server = subprocess.Popen(app_command(port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True, cwd=workdir)
    try:
        started = time.monotonic()
        while True:
            try:
                if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.2)
            if time.monotonic() - started > 90:
                sys.exit("the app did not start in 90 s")
        print(f"app answering after {time.monotonic() - started:.1f} s ({base}); "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            foreign: list[str] = []

            def context():
                made = browser.new_context(viewport={"width": 1400, "height": 1000})
                made.add_init_script(WATCH)
                made.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(
                    (base, "data:", "blob:")) else None)
                return made

            # The first visit of the whole app also loads the graph and fills the caches.
            warm_up = context()
            first_ever, _ = settle_time(warm_up.new_page(), base + "/", False)
            warm_up.close()
            print(f"first page of a fresh app (loads the graph and fills the caches once): {first_ever:.2f} s\n")
            print(f"{'page':<20}{'first visit s':>14}{'(median of ' + str(args.repeat) + ')':>16}"
                  f"{'cache warm s':>14}{'first drawing s':>17}{'after its component started s':>31}")
            shared = context()
            shared_page = shared.new_page()
            worst = 0.0
            for name, path in PAGES.items():
                firsts, drawings = [], []
                for _ in range(args.repeat):
                    fresh = context()
                    settled, drawn = settle_time(fresh.new_page(), f"{base}/{path}", name == "explore")
                    fresh.close()
                    firsts.append(settled)
                    if drawn is not None:
                        drawings.append(drawn)
                warm, _ = settle_time(shared_page, f"{base}/{path}", False)
                first = statistics.median(firsts)
                worst = max(worst, first)
                drawing = (f"{statistics.median(d[0] for d in drawings):>17.2f}"
                           f"{statistics.median(d[1] for d in drawings):>31.2f}") if drawings else ""
                print(f"{name:<20}{first:>14.2f}{'':>16}{warm:>14.2f}{drawing}")
            shared.close()
            browser.close()
        print(f"\nslowest first visit: {worst:.2f} s (target: every page under {TARGET_S:.0f} s); "
              f"requests to other hosts: {len(foreign)}")
        for url in foreign[:10]:
            print(f"  {url}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
