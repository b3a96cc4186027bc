"""A real browser (Debian's Chromium, headless, driven by Playwright) visits every page of the app."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from esrkg.cli import app_command

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
PAGES = {"overview": "", "explore": "explore", "ask": "ask", "sparql": "sparql", "glossary": "glossary",
         "evidence": "evidence", "export": "export"}
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("app") / "app.log"
    with log.open("w") as out:
        server = subprocess.Popen(app_command(port), stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                  cwd=tmp_path_factory.mktemp("cwd"))
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
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "install Debian's chromium (apt-get install chromium)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def settle(page) -> None:
    """Wait until Streamlit has finished running the page: no running icon, no skeleton, a stable page."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=60_000)
    busy = page.locator('[data-testid="stStatusWidgetRunningIcon"], [data-testid="stSkeleton"]')
    elements = page.locator("[data-testid]")
    stable, last, deadline = 0, -1, time.monotonic() + 90
    while time.monotonic() < deadline:
        count = elements.count()
        stable = stable + 1 if busy.count() == 0 and count == last else 0
        if stable >= 6:  # unchanged for 1.5 s: the script run is over
            return
        last = count
        page.wait_for_timeout(250)
    raise AssertionError("the page kept running for 90 s")


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_shows_without_exception(app_url, page, name):
    page.goto(f"{app_url}/{PAGES[name]}")
    settle(page)
    page.wait_for_selector("h1", timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Traceback" not in page.inner_text("body")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_explore_draws_the_graph_canvas(app_url, page):
    page.goto(f"{app_url}/explore?focus=empathy&depth=2")
    settle(page)
    canvas = page.frame_locator("iframe").first.locator("canvas").first
    canvas.wait_for(state="visible", timeout=60_000)
    box = canvas.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 300
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "explore-focus-empathy.png"), full_page=True)


def test_a_question_gets_its_answer(app_url, page):
    page.goto(f"{app_url}/ask")
    settle(page)
    box = page.get_by_label("Your question")
    box.fill("What does resistance mean?")
    box.press("Enter")
    page.get_by_text("being easily provoked by external demands").first.wait_for(timeout=60_000)
    page.screenshot(path=str(SCREENSHOTS / "ask-answered.png"), full_page=True)


def test_a_download_works(app_url, page, tmp_path):
    page.goto(f"{app_url}/export")
    settle(page)
    with page.expect_download(timeout=60_000) as download_info:
        page.get_by_role("button", name="Download Turtle").click()
    target = tmp_path / "esrkg.ttl"
    download_info.value.save_as(target)
    text = target.read_text(encoding="utf-8")
    assert "@prefix esr: <https://w3id.org/esrkg/>" in text and "esr:empathy" in text


def test_python_is_the_one_running_the_app():
    assert app_command(1)[0] == sys.executable
