"""Free-text questions: every competency question, in its own words and in two more phrasings."""

import json

import pytest

from esrkg import queries
from esrkg.qa import ask, sparql_with_values
from esrkg.query_runner import run_query
from esrkg.templates import TEMPLATES
from tests.expectations import CompetencyQuestion, check_answer, load_questions

QUESTIONS = load_questions()

# Where each query column lands in an ``ask`` answer.
ANSWER_FIELD = {
    "label": "label", "levelLabel": "level", "definition": "definition", "characteristicLabel": "label",
    "citation": "citation", "value": "value", "k": "k", "change": "change", "otherLabel": "label",
    "audienceLabel": "audience", "editionId": "edition", "relationLabel": "relation", "direction": "direction",
}


def as_answer_question(question: CompetencyQuestion) -> CompetencyQuestion:
    """The same expectation, read from ``ask`` answers instead of query rows."""
    fields = dict(question.__dict__)
    fields["column"] = ANSWER_FIELD[question.column] if question.kind != "count" else ""
    fields["where"] = {ANSWER_FIELD[k]: v for k, v in question.where.items()}
    fields["group_by"] = "label" if question.count_column else ANSWER_FIELD.get(question.group_by, "")
    fields["count_column"] = "count" if question.count_column else ""
    return CompetencyQuestion(**fields)


CASES = [(q, text) for q in QUESTIONS for text in (q.question, *q.phrasings)]


def test_every_question_has_two_phrasings_of_our_own():
    assert all(len(set(q.phrasings)) >= 2 and q.question not in q.phrasings for q in QUESTIONS)


@pytest.mark.parametrize(("question", "text"), CASES, ids=[f"{q.id}:{t}" for q, t in CASES])
def test_free_text_gives_the_expected_answer(graph, question, text):
    result = ask(graph, text)
    assert result.template is not None, result.suggestions
    check_answer(as_answer_question(question), list(result.answers))


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_the_shown_sparql_gives_the_same_rows(graph, question):
    """The SPARQL shown to the user (slots in VALUES) reproduces the answer when re-run."""
    result = ask(graph, question.question)
    rerun = run_query(graph, result.sparql, timeout=30)
    assert result.template is not None
    bound = queries.rows(graph, TEMPLATES[result.template].query, {k: _term(v) for k, v in result.bindings.items()})
    # Same rows; rdflib may order grouped rows differently when the bindings come as VALUES.
    assert sorted(map(repr, rerun.records())) == sorted(map(repr, bound))


def _term(value: str):
    from rdflib import Literal, URIRef

    return URIRef(value) if value.startswith(("http://", "https://")) else Literal(value)


def test_answers_say_which_edition(graph):
    result = ask(graph, "What was the effect size of empathy in 2011?")
    assert {a["edition"] for a in result.answers} == {"TF2-2011"}
    assert "TF2-2011" in result.text


def test_questions_without_an_edition_are_answered_for_the_info_sheet_and_say_so(graph):
    result = ask(graph, "Which elements are demonstrably effective?")
    assert result.bindings["edition"].endswith("TF1-2002") and "TF1-2002" in result.text


def test_all_editions_can_be_asked_for(graph):
    result = ask(graph, "Which elements were demonstrably effective in any edition?")
    assert {a["edition"] for a in result.answers} == {"TF1-2002", "TF2-2011"}


@pytest.mark.parametrize("text", [
    "what is the capital of France", "asdfghjkl", "", "   ", "?!", "tell me a joke about therapists",
    "how tall is the Eiffel tower",
])
def test_questions_outside_the_graph_get_no_answer_and_suggestions(graph, text):
    result = ask(graph, text)
    assert result.answers == () and result.template is None
    assert len(result.suggestions) == 3
    assert "could not" in result.text or "no answer" in result.text


def test_slot_text_is_bound_as_a_term_not_pasted(graph):
    result = ask(graph, 'Which glossary definitions mention "} ; DROP ALL ; # empathy?')
    assert "DROP ALL" not in result.sparql.split("VALUES")[0]
    before = len(graph)
    ask(graph, '"} ; DROP ALL ; #')
    assert len(graph) == before


def test_shown_sparql_escapes_hostile_literals(graph):
    from rdflib import Literal

    shown = sparql_with_values(queries.get("definitions_mentioning").text, {"text": Literal('x" } DROP ALL #')})
    run_query(graph, shown)  # still one well-formed query: the quote is escaped


def test_json_shape(graph):
    data = json.loads(json.dumps(ask(graph, "What is empathy?").to_dict()))
    assert set(data) >= {"question", "template", "answers", "text", "sparql"}
    assert data["answers"][0]["label"] == "Empathy" and data["answers"][0]["iri"].endswith("/empathy")
    assert "suggestions" in ask(graph, "what is the capital of France").to_dict()


def test_inferred_graph_answers_the_same(graph, inferred_graph):
    assert ask(graph, "What is empathy?").answers == ask(inferred_graph, "What is empathy?").answers


def test_a_2018_level_question_says_there_are_only_totals(graph):
    result = ask(graph, "Which relationship elements are demonstrably effective in 2018?")
    assert result.template == "edition_totals"
    assert result.text.startswith("TF3-2018 published no per-item verdicts")
    assert {(a["label"], a["count"]) for a in result.answers} >= {("Demonstrably effective", 9)}


def test_a_term_outside_the_glossary_says_so_and_gives_esrkgs_note(graph):
    result = ask(graph, "What is goal consensus?")
    assert result.template == "definition" and result.text.startswith("Goal consensus is not in the glossary")


def test_an_unchanged_single_verdict_says_so(graph):
    result = ask(graph, "How has the verdict on feedback changed?")
    assert result.text.startswith("Feedback has verdicts from one edition only.")


@pytest.mark.parametrize(("text", "template", "label"), [
    ("tell me about empathy", "evidence", "Empathy"),
    ("list all glossary terms", "glossary", "Therapeutic alliance"),
    ("Which characteristics can therapy be tailored to?", "tailoring", "Resistance"),
    ("Who wrote the info sheet?", "sources", "Norcross & Hill (2004)"),
    ("what's the difference between feedback and collecting client feedback", "relations", "Feedback"),
    ("What works in general?", "items_at_level", "Empathy"),
    ("which adaptations respond to resistance", "tailoring",
     "Matching therapeutic directiveness to level of resistance"),
    ("what is reactance", "definition", "Resistance"),
    ("Is matching directiveness to resistance supported?", "evidence",
     "Matching therapeutic directiveness to level of resistance"),
])
def test_more_ways_people_ask(graph, text, template, label):
    result = ask(graph, text)
    assert result.template == template
    assert label in {a["label"] for a in result.answers}
