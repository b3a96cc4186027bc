"""The endpoint's pages in a real browser (Debian's Chromium, headless, Playwright): the query page
runs a query offline and draws the table; a term page shows the term; no request leaves 127.0.0.1."""

from pathlib import Path

import pytest

from tests.servers import esrkg_serve

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with esrkg_serve(tmp_path_factory.mktemp("serve"), "--store", "oxigraph") as url:
        yield url


@pytest.fixture
def page(server):
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "install Debian's chromium (apt-get install chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.outside = []  # type: ignore[attr-defined]
        page.on("request", lambda r: None if r.url.startswith(server) else page.outside.append(r.url))
        yield page
        browser.close()


def test_the_query_page_runs_an_example_and_draws_a_table(server, page):
    page.goto(f"{server}/")
    page.select_option("#example", "glossary")
    page.click("button[type=submit]")
    page.wait_for_selector("#out table tr >> nth=3", timeout=30_000)
    header = page.locator("#out table tr").first.inner_text()
    assert "label" in header and "definition" in header
    assert page.locator("#out p").first.inner_text().endswith("rows")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "serve-query-page.png"), full_page=True)
    assert page.outside == []  # type: ignore[attr-defined]


def test_the_query_page_shows_a_refusal_as_one_sentence(server, page):
    page.goto(f"{server}/")
    page.fill("#query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    page.click("button[type=submit]")
    page.wait_for_function("document.getElementById('error').textContent.includes('refused')", timeout=30_000)
    assert page.locator("#error").inner_text().startswith("SERVICE is refused")


def test_a_term_page_in_the_browser(server, page):
    page.goto(f"{server}/empathy")
    assert page.locator("h1").inner_text() == "Empathy"
    page.click("text=Query the graph")
    assert page.url == f"{server}/"
    assert page.outside == []  # type: ignore[attr-defined]
