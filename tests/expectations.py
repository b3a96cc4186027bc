"""Read the competency questions and compare answers with their expectations."""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml
from rdflib import Literal, URIRef
from rdflib.term import Node

from esrkg.namespaces import PREFIXES
from tests.constants import COMPETENCY_QUESTIONS


def normalize(text: object) -> str:
    """Lowercase, straight quotes, punctuation to spaces, collapsed whitespace."""
    folded = unicodedata.normalize("NFKC", str(text)).replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"[^\w' ]+", " ", folded.lower()).split())


@dataclass(frozen=True)
class CompetencyQuestion:
    """One question with the query that answers it and the expected answer."""

    id: str
    question: str
    query: str
    kind: str
    expect: Any
    bindings: dict[str, str] = field(default_factory=dict)
    column: str = "label"
    where: dict[str, str] = field(default_factory=dict)
    group_by: str = ""
    count_column: str = ""
    phrasings: tuple[str, ...] = ()

    def rdf_bindings(self) -> dict[str, Node]:
        """Bindings as RDF terms: prefixed names become IRIs, the rest literals."""
        terms: dict[str, Node] = {}
        for name, value in self.bindings.items():
            prefix, _, local = str(value).partition(":")
            terms[name] = URIRef(PREFIXES[prefix] + local) if prefix in PREFIXES and local else Literal(value)
        return terms


def load_questions() -> list[CompetencyQuestion]:
    """Every competency question in tests/competency-questions.yaml."""
    return [CompetencyQuestion(**entry) for entry in yaml.safe_load(COMPETENCY_QUESTIONS.read_text())]


def check_answer(question: CompetencyQuestion, rows: list[dict[str, Any]]) -> None:
    """Assert that result rows give the expected answer for the question's kind."""
    rows = [row for row in rows if all(str(row.get(k)) == str(v) for k, v in question.where.items())]
    if question.kind == "count":
        counts: dict[str, int] = {}
        for row in rows:
            key = normalize(row[question.group_by])
            counts[key] = counts.get(key, 0) + (int(row[question.count_column]) if question.count_column else 1)
        assert counts == {normalize(k): v for k, v in question.expect.items()}
        return
    answers = [str(row[question.column]) for row in rows if question.column in row]
    if question.kind == "text":
        assert any(normalize(question.expect) in normalize(answer) for answer in answers), answers
    elif question.kind == "ordered":
        assert [normalize(a) for a in answers] == [normalize(e) for e in question.expect]
    elif question.kind == "set":
        assert {normalize(a) for a in answers} == {normalize(e) for e in question.expect}
        assert len(set(answers)) == len(question.expect), f"duplicates in {answers}"
    else:
        raise AssertionError(f"unknown kind {question.kind!r}")
