"""The app under hostile use, in a real browser (Debian's Chromium driven by Playwright).

Runaway queries from one or two sessions, a tab closed mid-query and a rerun mid-query: the Streamlit
process has no query worker left a few seconds later. Bad links to Explore show one sentence, not a
traceback. A query's error message is plain text: an image written in it is never fetched, and
angle-bracket IRIs stay visible.
"""

import contextlib
import http.server
import os
import signal
import subprocess
import threading
import time
import typing
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from esrkg.cli import app_command
from tests.processes import alive, children, kill_quietly, wait_for
from tests.test_app_browser import BROWSER_ARGS, CHROMIUM, SCREENSHOTS, free_port, settle

pytestmark = pytest.mark.browser

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SLACK = 5.0  # seconds a worker may outlive its limit: the runner's grace period and the heartbeat, with room


class App(typing.NamedTuple):
    url: str
    pid: int


@contextlib.contextmanager
def serve_app(folder: Path) -> Iterator[App]:
    """The app started as ``esrkg app`` starts it; stopped (and any worker left behind killed) afterwards."""
    port = free_port()
    log = folder / "app.log"
    with log.open("w") as out:
        server = subprocess.Popen(app_command(port), stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                  cwd=folder)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"the app did not start: {log.read_text()}")
        yield App(url, server.pid)
    finally:
        leftovers = children(server.pid)
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        kill_quietly(leftovers)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    with serve_app(tmp_path_factory.mktemp("app")) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    contexts = []

    def make():
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    requests: typing.ClassVar[list[str]] = []

    def do_GET(self):
        RecordingHandler.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def image_server():
    RecordingHandler.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def open_page(page, address: str, title: str) -> None:
    """Go to a page and wait until its title is there (the app's first visit waits for its warm-up)."""
    page.goto(address)
    page.get_by_role("heading", name=title).first.wait_for(timeout=120_000)
    settle(page)


def start_query(page, url: str, text: str, timeout: float) -> None:
    """Open the SPARQL page on a link carrying the query, set the time limit and press Run."""
    open_page(page, f"{url}/sparql?{urllib.parse.urlencode({'query': text})}", "SPARQL")
    limit = page.get_by_label("Time limit (s)")
    limit.fill(f"{timeout:g}")
    limit.press("Enter")
    settle(page)
    page.get_by_role("button", name="Run").click()


def workers(app: App) -> set[int]:
    return children(app.pid)


def test_a_runaway_query_leaves_no_worker_after_its_limit(app, new_page):
    page = new_page()
    start_query(page, app.url, RUNAWAY, 3)
    assert wait_for(lambda: len(workers(app)) == 1, 20), "the query never reached a worker"
    page.get_by_text("The query was stopped after 3 s").wait_for(timeout=30_000)
    stopped = time.monotonic()
    assert wait_for(lambda: not workers(app), SLACK), f"workers alive after the limit: {workers(app)}"
    print(f"worker gone {time.monotonic() - stopped:.2f} s after the message")
    assert "Traceback" not in page.inner_text("body")
    page.screenshot(path=str(SCREENSHOTS / "sparql-runaway-stopped.png"), full_page=True)


def test_runaway_queries_from_two_sessions_at_once_all_end(app, new_page):
    pages = [new_page(), new_page()]
    for page in pages:  # a longer limit, so that the two queries overlap while the second page loads
        start_query(page, app.url, RUNAWAY, 12)
    assert wait_for(lambda: len(workers(app)) == 2, 20), "both sessions run their query at once"
    for page in pages:
        page.get_by_text("The query was stopped after 12 s").wait_for(timeout=40_000)
    assert wait_for(lambda: not workers(app), SLACK), f"workers alive after the limit: {workers(app)}"


def test_closing_the_tab_mid_query_ends_its_worker(app, new_page):
    page = new_page()
    start_query(page, app.url, RUNAWAY, 60)
    assert wait_for(lambda: len(workers(app)) == 1, 20)
    page.context.close()
    closed = time.monotonic()
    assert wait_for(lambda: not workers(app), 15), "the worker ran on after its session ended"
    print(f"worker gone {time.monotonic() - closed:.2f} s after the tab closed (limit 60 s)")


def test_a_rerun_mid_query_ends_its_worker(app, new_page):
    page = new_page()
    start_query(page, app.url, RUNAWAY, 60)
    assert wait_for(lambda: len(workers(app)) == 1, 20)
    page.get_by_role("button", name="Run").click()  # a second Run: the first run is abandoned
    assert wait_for(lambda: len(workers(app)) <= 1, 10)
    row_limit = page.get_by_label("Row limit")
    row_limit.fill("50")
    row_limit.press("Enter")  # a rerun that does not run a query
    assert wait_for(lambda: not workers(app), 15), "the worker ran on after the page reran"


def test_the_app_shuts_down_on_sigterm_mid_query_and_takes_its_worker(tmp_path, browser):
    """Streamlit handles SIGTERM itself: the running script is stopped, and the worker with it."""
    with serve_app(tmp_path) as running:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        try:
            start_query(context.new_page(), running.url, RUNAWAY, 60)
            assert wait_for(lambda: len(workers(running)) == 1, 20)
            worker = workers(running).pop()
            os.kill(running.pid, signal.SIGTERM)
            assert wait_for(lambda: not alive(running.pid), 20), "the app did not shut down"
            assert wait_for(lambda: not alive(worker), SLACK), "the worker outlived the app"
        finally:
            context.close()


@pytest.mark.parametrize(("query", "says"), [
    ("depth=abc", "must be a whole number from 1 to 4, not 'abc'"),
    ("depth=1.5", "not '1.5'"),
    ("depth=" + "9" * 500, "not '9999"),
    ("kinds=Unicorn,Dragon", "does not have: 'Unicorn', 'Dragon'"),
])
def test_a_bad_explore_link_shows_one_sentence_not_a_traceback(app, new_page, query, says):
    page = new_page()
    open_page(page, f"{app.url}/explore?{query}", "Explore the graph")
    body = page.inner_text("body")
    assert page.locator('[data-testid="stException"]').count() == 0 and "Traceback" not in body
    notices = page.locator(".esrkg-warning")
    assert notices.count() == 1 and says in notices.inner_text()
    page.get_by_text("Kinds of node").first.wait_for(timeout=60_000)  # the page itself is there
    name = query.split("=")[0] + "-" + ("long" if len(query) > 40 else query.split("=")[1].replace(",", "-"))
    page.screenshot(path=str(SCREENSHOTS / f"explore-bad-link-{name}.png"), full_page=True)


def test_a_syntax_error_fetches_no_image_and_keeps_the_iri(app, new_page, image_server):
    page = new_page()
    fetched: list[str] = []
    image_host = f"http://127.0.0.1:{image_server}/"
    page.on("request", lambda request: fetched.append(request.url) if request.url.startswith(image_host) else None)
    image = f"![x](http://127.0.0.1:{image_server}/img.png)"
    start_query(page, app.url, f"SELECT * WHERE {{\n?s ?p {image} <http://example.org/a>\n}}", 5)
    message = page.get_by_text("Syntax error at line 2").first
    try:
        message.wait_for(timeout=30_000)
    finally:
        page.screenshot(path=str(SCREENSHOTS / "sparql-error-plain-text.png"), full_page=True)
    settle(page)
    text = message.inner_text()
    assert image in text and "<http://example.org/a>" in text, text
    assert page.locator(".esrkg-error").count() == 1
    assert page.locator("img[src*='img.png']").count() == 0
    page.wait_for_timeout(1000)
    assert fetched == [] and RecordingHandler.requests == [], "the browser fetched the image from the message"
    page.screenshot(path=str(SCREENSHOTS / "sparql-error-plain-text.png"), full_page=True)
