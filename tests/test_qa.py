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
