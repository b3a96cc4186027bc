"""The Streamlit app, rendered with Streamlit's AppTest: every page, Ask, SPARQL, Explore and the URL."""

import contextlib
import html
import re

import pytest
from streamlit.testing.v1 import AppTest

from esrkg import paths

APP = str(paths.app_dir() / "streamlit_app.py")
PAGES = ["pages/overview.py", "pages/explore.py", "pages/ask.py", "pages/sparql.py", "pages/glossary.py",
         "pages/evidence.py", "pages/export.py"]


def app_on(page: str, **query_params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for name, value in query_params.items():
        at.query_params[name] = value
    at.switch_page(page)
    return at.run()


def iframe_html(at: AppTest) -> str:
    return at.get("iframe")[0].proto.srcdoc


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
    at = app_on("pages/overview.py")
    text = " ".join(m.value for m in at.markdown)
    assert "What works in general in therapeutic relationships?" in text
    assert "TF1-2002" in text and "TF2-2011" in text
    assert len(at.dataframe) >= 3


def test_ask_answers_a_question():
    at = app_on("pages/ask.py")
    at.text_input(key="question").input("What does resistance mean?").run()
    assert "being easily provoked by external demands" in at.success[0].value
    assert "VALUES" in at.code[0].value


def test_ask_example_button_fills_the_question():
    at = app_on("pages/ask.py")
    at.button(key="example-0").click().run()
    assert at.text_input(key="question").value == "Which relationship elements are demonstrably effective?"
    assert "Empathy" in at.success[0].value


def test_ask_outside_the_graph_suggests_questions():
    at = app_on("pages/ask.py")
    at.text_input(key="question").input("what is the capital of France").run()
    assert at.warning and "could not" in at.warning[0].value


def test_sparql_runs_a_query_and_shows_rows():
    at = app_on("pages/sparql.py")
    at.text_area(key="sparql_text").input(
        "PREFIX esr: <https://w3id.org/esrkg/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?label WHERE { esr:empathy rdfs:label ?label }").run()
    at.button[0].click().run()
    assert not at.error
    assert list(at.dataframe[0].value["label"]) == ["Empathy"]


@pytest.mark.parametrize(("query", "says"), [
    ("DROP ALL", "DROP is refused"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE is refused"),
    ("SELECT * WHERE { ?s ?p }", "Syntax error at line 1"),
])
def test_sparql_hostile_query_is_one_clear_error(query, says):
    at = app_on("pages/sparql.py")
    at.text_area(key="sparql_text").input(query).run()
    at.button[0].click().run()
    shown = problems(at)
    assert len(shown) == 1 and shown[0][0] == "error" and says in shown[0][1]


def test_explore_focuses_a_node_from_the_url_and_draws_no_remote_script():
    at = app_on("pages/explore.py", focus="empathy", depth="1")
    page = iframe_html(at)
    assert "Empathy" in page and "https://w3id.org/esrkg/empathy" in page
    assert '<script src="http' not in page and "cdn.jsdelivr" not in page
    assert at.session_state.focus == "https://w3id.org/esrkg/empathy"


def test_explore_filters_change_what_is_drawn():
    at = app_on("pages/explore.py")
    everything = iframe_html(at)
    at.multiselect(key="kinds").set_value(["RelationshipElement"]).run()
    elements_only = iframe_html(at)
    assert "Empathy" in elements_only and "Demonstrably effective" not in elements_only
    assert len(elements_only) < len(everything)
    assert at.query_params["kinds"] in ("RelationshipElement", ["RelationshipElement"])


def test_explore_url_restores_levels_and_editions():
    at = app_on("pages/explore.py", levels="insufficient-research", editions="TF1-2002",
                kinds="ClientCharacteristic,EvidenceLevel")
    page = iframe_html(at)
    assert "Gender" in page and "Culture" not in page
    assert at.session_state.levels == ["https://w3id.org/esrkg/insufficient-research"]


def test_explore_details_panel_shows_definition_and_evidence():
    at = app_on("pages/explore.py", focus="empathy")
    text = " ".join(m.value for m in at.markdown)
    assert "understand clients' thoughts" in text
    assert any("0.31" in str(df.value.to_dict()) for df in at.dataframe)


def test_explore_caps_the_nodes_drawn_with_a_notice():
    at = app_on("pages/explore.py")
    at.number_input[0].set_value(10).run()
    assert at.warning and "drawing the first 10" in at.warning[0].value


def test_glossary_search_filters_terms():
    at = app_on("pages/glossary.py")
    at.text_input[0].input("provoked").run()
    assert [e.label for e in at.expander] == ["12. Resistance"]


def test_ask_opens_its_sparql_in_the_sparql_page():
    at = app_on("pages/ask.py")
    at.text_input(key="question").input("What is empathy?").run()
    shown = at.code[0].value
    next(b for b in at.button if b.label == "Open in the SPARQL page").click().run()
    assert not at.exception
    assert at.text_area(key="sparql_text").value.strip() == shown.strip()
    assert at.title[0].value == "SPARQL"


SPARQL_TEXT = "PREFIX esr: <https://w3id.org/esrkg/>\nSELECT ?e WHERE { ?e a esr:RelationshipElement }"


def test_sparql_error_text_is_plain_not_markdown():
    at = app_on("pages/sparql.py")
    at.text_area(key="sparql_text").input(
        "SELECT * WHERE {\n?s ?p ![x](http://127.0.0.1:9/img.png) <http://example.org/a>\n}").run()
    at.button[0].click().run()
    assert not at.error and not at.exception
    [(kind, text)] = problems(at)
    assert kind == "error" and "![x](http://127.0.0.1:9/img.png) <http://example.org/a>" in text
    body = at.get("html")[0].proto.body
    assert "<img" not in body and "&lt;http://example.org/a&gt;" in body


def test_sparql_keeps_its_result_across_reruns_without_running_again():
    at = app_on("pages/sparql.py")
    at.text_area(key="sparql_text").input(SPARQL_TEXT).run()
    at.button[0].click().run()
    timing = at.caption[-1].value
    assert timing.startswith("SELECT · ") and " result(s) in " in timing
    at.number_input[1].set_value(50).run()  # a rerun that does not click Run
    assert at.caption[-1].value == timing and len(at.dataframe) == 1


def test_sparql_says_when_this_session_already_runs_a_query():
    from esrkg.query_runner import SLOTS

    at = app_on("pages/sparql.py")
    at.text_area(key="sparql_text").input(SPARQL_TEXT).run()
    at.button[0].click().run()
    with SLOTS.slot(at.session_state.query_session):
        at.button[0].click().run()
    assert problems(at) == [("error", "Another query of yours is still running; wait for it to finish (or stop it) "
                                      "before running another.")]


def test_sparql_says_when_the_server_is_busy():
    from esrkg.query_runner import SLOTS

    at = app_on("pages/sparql.py")
    at.text_area(key="sparql_text").input(SPARQL_TEXT).run()
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
    at = app_on("pages/explore.py", **params)
    assert not at.exception
    [(kind, text)] = problems(at)
    assert kind == "warning" and says in text and text.count(". ") == 0
    assert at.session_state.depth == 1 and iframe_html(at)


def test_explore_link_without_problems_shows_no_sentence():
    at = app_on("pages/explore.py", focus="empathy", depth="2", physics="0")
    assert problems(at) == [] and at.session_state.depth == 2 and at.session_state.physics is False
