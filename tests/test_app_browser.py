"""A real browser (Debian's Chromium, headless, driven by Playwright) visits every page of the app.

Every page shows without an exception and asks no other host for anything (no font host for the
icon, no CDN); the Deploy button is hidden. Then each interaction as a visitor does it: a click on a
node of Explore focuses it (the URL changes, the card opens), tooltips are plain text, a cell of the
evidence map opens its card, the "for whom" view, the SPARQL editor's completions, Ctrl+Enter, the
query in the link and sorting, the forest plot's PNG and SVG downloads, the Schema diagram.
Screenshots go to test-output/screenshots/.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from esrkg.cli import app_command

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
PAGES = {"overview": "", "evidence-map": "map", "explore": "explore", "ask": "ask", "sparql": "sparql",
         "glossary": "glossary", "evidence": "evidence", "schema": "schema", "export": "export"}
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
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.foreign = []  # every request to another host than the app's
    page.on("request", lambda r: page.foreign.append(r.url) if not r.url.startswith((app_url, "data:", "blob:"))
            else None)
    yield page
    context.close()


def shoot(page, name: str, height: int = 1400) -> None:
    """A screenshot of the whole app (Streamlit scrolls inside the page, so the viewport is made tall)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": height})
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def settle(page) -> None:
    """Wait until Streamlit has finished running the page: no running icon, no skeleton, a stable page."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=60_000)
    busy = page.locator('[data-testid="stStatusWidgetRunningIcon"], [data-testid="stSkeleton"], '
                        '[data-testid="stSpinner"]')
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
def test_every_page_shows_offline_without_exception(app_url, page, name):
    page.goto(f"{app_url}/{PAGES[name]}")
    settle(page)
    page.wait_for_selector("h1", timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Traceback" not in page.inner_text("body")
    assert page.foreign == [], f"requests to other hosts: {page.foreign}"
    assert page.get_by_role("button", name="Deploy").count() == 0
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Evidence map" in nav and "Schema" in nav, "the app's own navigation, not a pages/ folder listing"
    shoot(page, name, 2400 if name in ("evidence-map", "evidence", "schema", "overview") else 1400)


def test_the_icon_is_served_by_the_app(app_url, page):
    page.goto(app_url)
    settle(page)
    icon = page.locator("link[rel*='icon']").first.get_attribute("href")
    assert (icon and not icon.startswith("http")) or icon.startswith(app_url)
    assert urllib.request.urlopen(urllib.parse.urljoin(app_url + "/", icon), timeout=10).status == 200


def graph_box(page):
    page.wait_for_function("document.querySelector('.esrkg-graph') && "
                           "document.querySelector('.esrkg-graph').dataset.drawn === '1'", timeout=60_000)
    return page.locator(".esrkg-graph")


def node_on_screen(page, iri: str) -> tuple[float, float]:
    """Where a node of the drawing is on the page (vis-network's canvas position turned into the page's)."""
    box = graph_box(page).bounding_box()
    point = page.evaluate("(iri) => { const n = document.querySelector('.esrkg-graph').network; "
                          "return n.canvasToDOM(n.getPosition(iri)); }", iri)
    return box["x"] + point["x"], box["y"] + point["y"]


def test_explore_draws_at_once_with_legible_labels(app_url, page):
    page.goto(f"{app_url}/explore")
    settle(page)
    box = graph_box(page).bounding_box()
    assert box and box["width"] > 900 and box["height"] > 500
    scale = page.evaluate("document.querySelector('.esrkg-graph').network.getScale()")
    assert scale >= 0.74, "labels are legible at the starting zoom"
    physics = page.evaluate("document.querySelector('.esrkg-graph').network.physics.options.enabled")
    assert physics is False, "the layout is computed before drawing"
    shoot(page, "explore-default")


def test_clicking_a_node_focuses_it_changes_the_url_and_opens_its_card(app_url, page):
    page.goto(f"{app_url}/explore")
    settle(page)
    x, y = node_on_screen(page, "https://w3id.org/esrkg/empathy")
    page.mouse.click(x, y)
    page.wait_for_url("**focus=empathy**", timeout=30_000)
    settle(page)
    assert page.get_by_role("heading", name="Empathy").count() >= 1
    assert "p < .0001" in page.inner_text("body") or "[.28, .34]" in page.inner_text("body")
    relations = page.locator("[class*='st-key-nb-'] button").all_inner_texts()
    edges = page.evaluate("document.querySelector('.esrkg-graph').network.body.data.edges.get()"
                          ".filter(e => e.from.endsWith('/empathy') || e.to.endsWith('/empathy')).length")
    assert len(relations) == edges, "the relations list shows exactly the drawn links"
    shoot(page, "explore-clicked-empathy", 2000)


def test_tooltips_are_plain_text(app_url, page):
    page.goto(f"{app_url}/explore?focus=empathy")
    settle(page)
    x, y = node_on_screen(page, "https://w3id.org/esrkg/empathy")
    page.mouse.move(x, y)
    tooltip = page.locator(".vis-tooltip")
    tooltip.wait_for(state="visible", timeout=10_000)
    text = tooltip.inner_text()
    assert "therapist's" in text and "&#x27;" not in text and "TF2-2011: Demonstrably effective" in text
    shoot(page, "explore-tooltip")


def test_the_all_kinds_view_stays_responsive_and_says_what_it_hid(app_url, page):
    kinds = ",".join(["RelationshipElement", "Adaptation", "ClientCharacteristic", "EvidenceLevel", "Edition",
                      "Verdict", "EffectSizeEstimate", "Source", "Quotation", "ReportedStatistic", "Passage"])
    page.goto(f"{app_url}/explore?kinds={kinds}")
    settle(page)
    graph_box(page)
    notice = page.locator(".esrkg-warning").inner_text()
    assert "drawing 250" in notice and "Not drawn:" in notice
    shoot(page, "explore-all-kinds")


def test_a_map_cell_opens_the_items_card(app_url, page):
    page.goto(f"{app_url}/map")
    settle(page)
    page.locator('td.cell[data-item="https://w3id.org/esrkg/empathy"]').nth(1).click()
    dialog = page.get_by_role("dialog")
    dialog.wait_for(timeout=30_000)
    page.wait_for_url("**item=empathy**", timeout=30_000)
    settle(page)
    text = dialog.inner_text()
    assert "Empathy" in text and "r = .31" in text and "[.28, .34]" in text and "Cite this" in text
    shoot(page, "evidence-map-card-empathy", 1400)


def test_the_for_whom_view(app_url, page):
    page.goto(f"{app_url}/map")
    settle(page)
    page.get_by_text("For whom: client characteristic × adaptation").click()
    settle(page)
    table = page.locator(".esrkg-map").inner_text()
    assert "For clients: Preferences" in table and "the characteristic itself" in table
    assert "verdict not published" in table
    shoot(page, "evidence-map-for-whom", 2600)


def editor_text(page) -> str:
    return page.evaluate("window.esrkgEditor.getValue()")


def test_sparql_editor_completes_the_ontology_and_runs_on_ctrl_enter(app_url, page):
    page.goto(f"{app_url}/sparql")
    settle(page)
    page.locator(".CodeMirror").click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text("PREFIX esr: <https://w3id.org/esrkg/>\n"
                              "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                              "SELECT ?item ?label WHERE { ?item a esr:Relati")
    page.keyboard.press("Control+Space")
    hint = page.locator(".CodeMirror-hints").first
    hint.wait_for(state="visible", timeout=10_000)
    assert "esr:RelationshipElement" in hint.inner_text()
    shoot(page, "sparql-completion")
    page.keyboard.press("Enter")
    page.keyboard.insert_text(" ; rdfs:label ?label } ORDER BY ?label")
    assert "esr:RelationshipElement ; rdfs:label" in editor_text(page)
    page.keyboard.press("Control+Enter")
    page.get_by_text("SELECT · 22 result(s)").wait_for(timeout=30_000)
    settle(page)
    query = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["query"][0]
    assert "esr:RelationshipElement" in query, "the link carries the query"
    assert page.locator("[data-testid='stDataFrame']").count() == 1
    shoot(page, "sparql-ran")


def test_a_shared_sparql_link_opens_the_query(app_url, page):
    text = "PREFIX esr: <https://w3id.org/esrkg/>\nASK { esr:empathy a esr:RelationshipElement }"
    page.goto(f"{app_url}/sparql?{urllib.parse.urlencode({'query': text})}")
    settle(page)
    assert editor_text(page) == text
    page.get_by_role("button", name="Run").click()
    page.get_by_text("ASK · ").wait_for(timeout=30_000)
    assert "true" in page.locator("[data-testid='stMetricValue']").inner_text()


def test_sparql_results_sort_by_a_column(app_url, page):
    text = ("PREFIX esr: <https://w3id.org/esrkg/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "SELECT ?label WHERE { ?e a esr:RelationshipElement ; rdfs:label ?label } ORDER BY DESC(?label)")
    page.goto(f"{app_url}/sparql?{urllib.parse.urlencode({'query': text})}")
    settle(page)
    page.get_by_role("button", name="Run").click()
    page.get_by_text("SELECT · 22 result(s)").wait_for(timeout=30_000)
    settle(page)
    grid = page.locator("[data-testid='stDataFrame'] table[role='grid']").first
    first = grid.locator("tbody tr").first.inner_text()
    frame = page.locator("[data-testid='stDataFrame']").first.bounding_box()
    page.mouse.click(frame["x"] + 60, frame["y"] + 17)  # the column's header
    page.wait_for_timeout(800)
    assert first == "Therapeutic alliance"
    assert grid.locator("tbody tr").first.inner_text() == "Alliance in couple and family therapy", \
        "a click on the header sorts the column"
    shoot(page, "sparql-sorted")


def test_the_forest_plot_downloads_as_png_and_svg(app_url, page, tmp_path):
    page.goto(f"{app_url}/evidence")
    settle(page)
    for label, suffix, signature in (("PNG", "png", b"\x89PNG"), ("SVG", "svg", b"<?xml")):
        with page.expect_download(timeout=60_000) as download_info:
            page.get_by_role("button", name=f"Download the forest plot ({label})").click()
        target = tmp_path / f"forest.{suffix}"
        download_info.value.save_as(target)
        assert target.read_bytes().startswith(signature)
    assert "Alliance in individual psychotherapy" in page.inner_text("body") or page.locator("img").count() > 0
    shoot(page, "evidence-forest-plot", 2600)


def test_the_schema_diagram_draws_the_classes(app_url, page):
    page.goto(f"{app_url}/schema")
    settle(page)
    diagram = page.locator("[data-testid='stGraphVizChart'] svg").first
    diagram.wait_for(timeout=60_000)
    drawn = diagram.text_content()
    assert "assessable item" in drawn and "evidence level" in drawn and "tailored to" in drawn
    shoot(page, "schema-diagram", 2400)


def test_a_question_gets_its_answer(app_url, page):
    page.goto(f"{app_url}/ask")
    settle(page)
    box = page.get_by_label("Your question")
    box.fill("What does resistance mean?")
    box.press("Enter")
    page.get_by_text("being easily provoked by external demands").first.wait_for(timeout=60_000)
    shoot(page, "ask-answered")


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
