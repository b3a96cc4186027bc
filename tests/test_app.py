"""The Streamlit app, rendered with Streamlit's AppTest: every page, Ask, SPARQL, Explore and the URL."""

import contextlib
import html
import json
import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from esrkg import paths
from esrkg.viz import ViewModel

APP = str(paths.app_dir() / "streamlit_app.py")
PAGES = ["views/overview.py", "views/evidence_map.py", "views/explore.py", "views/ask.py", "views/sparql.py",
         "views/glossary.py", "views/evidence.py", "views/schema.py", "views/export.py"]


def app_on(page: str, **query_params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    if page == "views/evidence_map.py":  # a page with its own url_path is known only after a first run
        at.run()
    for name, value in query_params.items():
        at.query_params[name] = value
    at.switch_page(page)
    return at.run()


class _TableReader(HTMLParser):
    """The cells of the app's HTML tables (app/tables.py), read back as rows of text."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("class", "esrkg-table") in attrs:
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables(at: AppTest) -> list[pd.DataFrame]:
    """Every static table the page drew, as a DataFrame of the text people see."""
    reader = _TableReader()
    for element in at.get("html"):
        reader.feed(element.proto.body)
    return [pd.DataFrame(rows[1:], columns=rows[0]) for rows in reader.tables if rows]


def component_data(at: AppTest, name: str) -> dict:
    """The data the app hands one of its browser components (app/components.py)."""
    [element] = [e for e in at.get("bidi_component") if e.proto.component_name == name]
    return json.loads(element.proto.json)


def drawing(at: AppTest) -> dict:
    return component_data(at, "esrkg_graph_canvas")


def drawn_labels(at: AppTest) -> set[str]:
    return {node["text"] for node in drawing(at)["nodes"]}


def set_query(at: AppTest, text: str) -> AppTest:
    """Put a query in the editor as its text would arrive from the browser, then rerun."""
    at.session_state.sparql_text = text
    return at.run()


def problems(at: AppTest) -> list[tuple[str, str]]:
    """(kind, text) of every box app/notices.py drew: its text is escaped, never Markdown."""
    found = []
    for element in at.get("html"):
        match = re.fullmatch(r'<div class="esrkg-(error|warning)" role="alert" style="[^"<>]*">([^<>]*)</div>',
                             element.proto.body)
        if match:
            found.append((match.group(1), html.unescape(match.group(2))))
    return found


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(page):
    at = app_on(page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "every page has a title"


def test_overview_shows_the_questions_and_the_matrix():
    at = app_on("views/overview.py")
    text = " ".join(m.value for m in at.markdown)
    assert "What works in general in therapeutic relationships?" in text
    assert "TF1-2002" in text and "TF2-2011" in text
    assert len(tables(at)) >= 3


def boxes(at: AppTest, kind: str) -> list[str]:
    """The texts of the plain-text boxes of one kind (app/notices.py) on the page."""
    return [box.proto.body for box in at.get("html") if f"esrkg-{kind}" in box.proto.body]


def test_ask_answers_a_question():
    at = app_on("views/ask.py")
    at.text_input(key="question").input("What does resistance mean?").run()
    assert "being easily provoked by external demands" in boxes(at, "success")[0]
    assert "Read as: the glossary definition of Resistance." in at.text[0].value
    assert "VALUES" in at.code[0].value


def test_ask_example_button_fills_the_question():
    at = app_on("views/ask.py")
    at.button(key="example-0").click().run()
    assert at.text_input(key="question").value == at.button(key="example-0").label
    assert boxes(at, "success") or boxes(at, "warning")


def test_ask_outside_the_graph_suggests_questions():
    at = app_on("views/ask.py")
    at.text_input(key="question").input("what is the capital of France").run()
    assert "could not" in boxes(at, "warning")[0] and at.text[0].value.startswith("Not understood")


def test_a_partial_reading_is_not_shown_as_a_success():
    at = app_on("views/ask.py")
    at.text_input(key="question").input("empathy flibbertigibbet wobblequux 2011").run()
    assert at.text[0].value.startswith(("Partly understood", "Not understood"))
    assert not boxes(at, "success")


def test_ask_shows_typed_markdown_as_plain_text():
    at = app_on("views/ask.py")
    at.text_input(key="question").input("Which glossary definitions mention '![x](http://127.0.0.1:9/a.png)'?").run()
    html = " ".join(box.proto.body for box in at.get("html"))
    assert at.text and "<img" not in html
    assert not any("![" in m.value or "](http" in m.value for m in at.markdown)


def test_sparql_runs_a_query_and_shows_rows():
    at = app_on("views/sparql.py")
    set_query(at, "PREFIX esr: <https://w3id.org/esrkg/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                  "SELECT ?label WHERE { esr:empathy rdfs:label ?label }")
    at.button[0].click().run()
    assert not at.error
    assert list(at.dataframe[0].value["label"]) == ["Empathy"]


@pytest.mark.parametrize(("query", "says"), [
    ("DROP ALL", "DROP is refused"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE is refused"),
    ("SELECT * WHERE { ?s ?p }", "Syntax error at line 1"),
])
def test_sparql_hostile_query_is_one_clear_error(query, says):
    at = app_on("views/sparql.py")
    set_query(at, query)
    at.button[0].click().run()
    shown = problems(at)
    assert len(shown) == 1 and shown[0][0] == "error" and says in shown[0][1]


def test_explore_focuses_a_node_from_the_url():
    at = app_on("views/explore.py", focus="empathy", depth="1")
    nodes = {node["id"]: node for node in drawing(at)["nodes"]}
    assert nodes["https://w3id.org/esrkg/empathy"]["focus"] is True
    assert at.session_state.focus == "https://w3id.org/esrkg/empathy"


def test_explore_default_view_is_items_with_verdict_badges_laid_out():
    at = app_on("views/explore.py")
    data = drawing(at)
    assert {"Empathy", "Culture", "Gender"} <= drawn_labels(at)
    assert "Demonstrably effective" not in drawn_labels(at), "verdicts are badges on items, not nodes"
    empathy = next(node for node in data["nodes"] if node["text"] == "Empathy")
    assert [b["text"] for b in empathy["badges"]] == ["2002", "2011"]
    assert all(isinstance(node["x"], float) and isinstance(node["y"], float) for node in data["nodes"])
    assert data["physics"] is False
    assert "&#x27;" not in json.dumps(data) and "therapist's" in json.dumps(data)  # plain-text tooltips


def test_explore_relations_list_matches_the_drawing():
    at = app_on("views/explore.py", focus="therapeutic-alliance", depth="1")
    edges = drawing(at)["edges"]
    focus = "https://w3id.org/esrkg/therapeutic-alliance"
    drawn = sorted(e["label"] for e in edges if focus in (e["from"], e["to"]))
    listed = sorted(b.label.split(" → ")[0].split("← ")[-1].rsplit(" ", 0)[0] for b in at.button
                    if b.key and b.key.startswith("nb-"))
    assert len(listed) == len(drawn) > 0


def test_explore_all_kinds_view_is_capped_and_says_what_it_hid(graph):
    at = app_on("views/explore.py")
    at.multiselect(key="kinds").set_value([kind for kind, _ in ViewModel.from_graph(graph).kinds()]).run()
    assert len(drawing(at)["nodes"]) == 250
    [(kind, text)] = problems(at)
    assert kind == "warning" and "drawing 250" in text and "quotation" in text


def test_explore_filters_change_what_is_drawn():
    at = app_on("views/explore.py")
    everything = drawn_labels(at)
    at.multiselect(key="kinds").set_value(["RelationshipElement"]).run()
    elements_only = drawn_labels(at)
    assert "Empathy" in elements_only and "Gender" not in elements_only
    assert len(elements_only) < len(everything)
    assert at.query_params["kinds"] in ("RelationshipElement", ["RelationshipElement"])


def test_explore_url_restores_levels_and_editions():
    at = app_on("views/explore.py", levels="insufficient-research", editions="TF1-2002",
                kinds="ClientCharacteristic,EvidenceLevel")
    page = drawn_labels(at)
    assert "Gender" in page and "Culture" not in page
    assert at.session_state.levels == ["https://w3id.org/esrkg/insufficient-research"]


def test_explore_details_show_the_card_with_ci_p_k_n():
    at = app_on("views/explore.py", focus="therapeutic-alliance")
    text = " ".join(m.value for m in at.markdown)
    assert "collaborative relationship" in text
    text = " ".join(str(t.to_dict()) for t in tables(at))
    assert "[.25, .30]" in text and "p < .0001" in text and "190 independent data sources" in text
    assert "more than 14,000 treatments" in text and "14000" not in text


def test_explore_caps_the_nodes_drawn_with_a_notice():
    at = app_on("views/explore.py")
    at.number_input[0].set_value(10).run()
    [(kind, text)] = problems(at)
    assert kind == "warning" and "drawing 10" in text


def test_glossary_search_filters_terms():
    at = app_on("views/glossary.py")
    at.text_input[0].input("provoked").run()
    assert [e.label for e in at.expander] == ["12. Resistance"]


def test_ask_opens_its_sparql_in_the_sparql_page():
    at = app_on("views/ask.py")
    at.text_input(key="question").input("What is empathy?").run()
    shown = at.code[0].value
    next(b for b in at.button if b.label == "Open in the SPARQL page").click().run()
    assert not at.exception
    assert at.session_state.sparql_text.strip() == shown.strip()
    assert component_data(at, "esrkg_sparql_editor")["text"].strip() == shown.strip()
    assert at.title[0].value == "SPARQL"


SPARQL_TEXT = "PREFIX esr: <https://w3id.org/esrkg/>\nSELECT ?e WHERE { ?e a esr:RelationshipElement }"


def test_sparql_error_text_is_plain_not_markdown():
    at = app_on("views/sparql.py")
    set_query(at, "SELECT * WHERE {\n?s ?p ![x](http://127.0.0.1:9/img.png) <http://example.org/a>\n}")
    at.button[0].click().run()
    assert not at.error and not at.exception
    [(kind, text)] = problems(at)
    assert kind == "error" and "![x](http://127.0.0.1:9/img.png) <http://example.org/a>" in text
    body = at.get("html")[0].proto.body
    assert "<img" not in body and "&lt;http://example.org/a&gt;" in body


def test_sparql_keeps_its_result_across_reruns_without_running_again():
    at = app_on("views/sparql.py")
    set_query(at, SPARQL_TEXT)
    at.button[0].click().run()
    timing = at.caption[-1].value
    assert timing.startswith("SELECT · ") and " result(s) in " in timing
    at.number_input[1].set_value(50).run()  # a rerun that does not click Run
    assert at.caption[-1].value == timing and len(at.dataframe) == 1


def test_sparql_says_when_this_session_already_runs_a_query():
    from esrkg.query_runner import SLOTS

    at = app_on("views/sparql.py")
    set_query(at, SPARQL_TEXT)
    at.button[0].click().run()
    with SLOTS.slot(at.session_state.query_session):
        at.button[0].click().run()
    assert problems(at) == [("error", "Another query of yours is still running; wait for it to finish (or stop it) "
                                      "before running another.")]


def test_sparql_says_when_the_server_is_busy():
    from esrkg.query_runner import SLOTS

    at = app_on("views/sparql.py")
    set_query(at, SPARQL_TEXT)
    with contextlib.ExitStack() as held:
        for number in range(SLOTS.per_process):
            held.enter_context(SLOTS.slot(f"someone-else-{number}"))
        at.button[0].click().run()
    [(kind, text)] = problems(at)
    assert kind == "error" and text.startswith("The server is busy:")


@pytest.mark.parametrize(("params", "says"), [
    ({"depth": "abc"}, "The link's neighbourhood depth must be a whole number from 1 to 4, not 'abc'; showing 1."),
    ({"depth": "1.5"}, "not '1.5'; showing 1."),
    ({"depth": "9" * 500}, "not '" + "9" * 40 + "…'; showing 1."),
    ({"kinds": "RelationshipElement,Unicorn"}, "does not have: 'Unicorn'; they are left out."),
    ({"focus": "![x](http://127.0.0.1:9/i.png)"}, "'![x](http://127.0.0.1:9/i.png)' is not in the graph"),
])
def test_explore_bad_link_gives_one_sentence_and_the_default(params, says):
    at = app_on("views/explore.py", **params)
    assert not at.exception
    [(kind, text)] = problems(at)
    assert kind == "warning" and says in text and text.count(". ") == 0
    assert at.session_state.depth == 1 and drawing(at)["nodes"]


def test_explore_link_without_problems_shows_no_sentence():
    at = app_on("views/explore.py", focus="empathy", depth="2", physics="0")
    assert problems(at) == [] and at.session_state.depth == 2 and at.session_state.physics is False


def all_text(at: AppTest) -> str:
    return " ".join(e.value for kind in ("markdown", "caption", "title", "subheader") for e in at.get(kind)) + " ".join(
        e.proto.body for e in at.get("html"))


def test_evidence_map_shows_every_item_by_edition_with_a_legend():
    at = app_on("views/evidence_map.py")
    table = component_data(at, "esrkg_map_grid")["html"]
    assert 'data-item="https://w3id.org/esrkg/empathy"' in table and "TF3-2018" in table
    assert "k = 59 · r = .31 [.28, .34]" in table
    assert "verdict not published" in table and "totals only" in table
    legend = " ".join(e.proto.body for e in at.get("html"))
    assert "esrkg&#x27;s explanation" in legend or "esrkg's explanation" in legend
    assert "Where the levels come from" in legend and "9 of 17 elements demonstrably effective" in legend


def test_evidence_map_link_opens_a_card_and_the_for_whom_view():
    at = app_on("views/evidence_map.py", item="preferences-adaptation", view="for-whom")
    assert not at.exception and problems(at) == []
    table = component_data(at, "esrkg_map_grid")["html"]
    assert "For clients: Preferences" in table and "the characteristic itself" in table
    assert 'class="cell selected"' in table
    assert at.subheader[0].value == "Preferences" and "different scales" in all_text(at)
    assert at.query_params["item"] in ("preferences-adaptation", ["preferences-adaptation"])


def test_evidence_map_bad_link_is_one_sentence():
    at = app_on("views/evidence_map.py", item="unicorn", view="sideways")
    assert not at.exception
    [(kind, text)] = problems(at)
    assert kind == "warning" and "'unicorn' is not in the graph" in text and "'sideways'" in text


def test_evidence_page_draws_the_forest_plot_and_lists_every_statistic():
    at = app_on("views/evidence.py")
    assert at.get("image"), "the forest plot is drawn"
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download the forest plot (PNG)" in labels and "Download the forest plot (SVG)" in labels
    assert not tables(at), "the other tabs are drawn only when opened"
    at.session_state["evidence_tab"] = "Every estimate, with its statistics"
    at.run()
    estimates = next(t for t in tables(at) if "95% CI" in t.columns)
    alliance = estimates[estimates["Figure"] == "r = .275"].iloc[0]
    assert alliance["95% CI"] == "[.25, .30]" and alliance["p"] == "p < .0001"
    assert alliance["N"] == "more than 14,000 treatments" and alliance["k"] == "190 independent data sources"
    assert not any((df.value.astype(str) == "None").any().any() for df in at.dataframe)


def test_schema_page_shows_the_tbox():
    at = app_on("views/schema.py")
    assert at.get("graphviz_chart") and "esr" in at.get("graphviz_chart")[0].proto.spec
    at.session_state["schema_tab"] = "Properties (90)"
    properties = next(t for t in tables(at.run()) if "Domain" in t.columns)
    about = properties[properties["Property"] == "esr:about"].iloc[0]
    assert about["Range"] == "esr:AssessableItem"
    at.session_state["schema_tab"] = "SHACL shapes (56)"
    shapes = next(t for t in tables(at.run()) if "Path" in t.columns)
    assert "esr:VerdictShape" in set(shapes["Shape"])


def test_sparql_link_carries_the_query_and_the_editor_completes_the_ontology():
    at = app_on("views/sparql.py", query=SPARQL_TEXT)
    editor = component_data(at, "esrkg_sparql_editor")
    assert editor["text"] == SPARQL_TEXT
    assert "https://w3id.org/esrkg/RelationshipElement" in editor["completions"]["classes"]
    assert "https://w3id.org/esrkg/about" in editor["completions"]["properties"]
    assert "esr: <https://w3id.org/esrkg/>" in editor["completions"]["prefixes"]
    at.button[0].click().run()
    assert at.dataframe[0].value.shape[0] > 10


def test_sparql_too_long_link_is_one_sentence():
    at = app_on("views/sparql.py", query="x" * 30_000)
    [(kind, text)] = problems(at)
    assert kind == "warning" and "the most is 20000 characters" in text


def test_glossary_opens_a_summary_card():
    at = app_on("views/glossary.py")
    at.button(key="card-3").click().run()
    assert at.subheader[0].value == "Empathy"
    assert "[.28, .34]" in " ".join(str(t.to_dict()) for t in tables(at))


def test_pages_are_not_in_a_pages_folder():
    """With app/pages/ Streamlit runs a first visit's page file on its own, without the navigation."""
    assert not (paths.app_dir() / "pages").exists()


def test_tables_show_no_none_cells():
    for page in ("views/overview.py", "views/evidence.py", "views/schema.py", "views/evidence_map.py"):
        at = app_on(page)
        for table in [*(df.value for df in at.dataframe), *tables(at)]:
            assert not table.astype(str).isin(["None", "nan", "<NA>"]).any().any(), page


def test_sparql_ask_query_shows_its_answer():
    at = app_on("views/sparql.py",
                query="PREFIX esr: <https://w3id.org/esrkg/>\nASK { esr:empathy a esr:RelationshipElement }")
    at.button[0].click().run()
    assert problems(at) == [] and at.metric[0].value == "true"
