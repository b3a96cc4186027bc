"""Competency questions as data: each catalogue query gives the expected answer."""

import pytest
import yaml

from esrkg import queries
from tests.constants import COMPETENCY_QUESTIONS
from tests.expectations import check_answer, load_questions

QUESTIONS = load_questions()


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_competency_question(graph, question):
    check_answer(question, queries.rows(graph, question.query, question.rdf_bindings()))


def test_every_question_has_an_expectation_and_a_query():
    for entry in yaml.safe_load(COMPETENCY_QUESTIONS.read_text()):
        assert entry.get("question") and "expect" in entry and entry.get("query") in queries.catalogue(), entry


def test_the_acceptance_questions_are_all_here():
    assert {f"cq{n:02d}" for n in range(1, 19)} <= {q.id for q in QUESTIONS}


def test_ids_are_unique():
    ids = [q.id for q in QUESTIONS]
    assert len(ids) == len(set(ids))


def test_a_wrong_expectation_fails(graph):
    wrong = QUESTIONS[0].__class__(**{**QUESTIONS[0].__dict__, "expect": ["Empathy"]})
    with pytest.raises(AssertionError):
        check_answer(wrong, queries.rows(graph, wrong.query, wrong.rdf_bindings()))
