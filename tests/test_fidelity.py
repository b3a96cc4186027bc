"""`esrkg sheet` reproduces the info sheet from the graph: every passage, in order, word for word."""

import re

import pytest

from esrkg import paths, queries
from esrkg.sheet import render_sheet

SOURCE = paths.info_sheet_file().read_text(encoding="utf-8")


def source_words(text: str) -> list[str]:
    """The sheet's words in order, without its layout: bullets, '>' markers, the rule, line breaks."""
    text = re.sub(r"_{5,}", " ", text)
    text = re.sub(r"(?m)^\s*[•>]\s*", " ", text)
    text = re.sub(r"-\s*\n\s*", "-", text)  # "self-" at a line end + "definitional"
    return text.split()


def rendered_words(markdown: str) -> list[str]:
    """The rendered sheet's words in order, without Markdown markup."""
    text = re.sub(r"(?m)^\s*(#+|-)\s+", " ", markdown)
    text = text.replace("**", "")
    text = re.sub(r"(?<!\\)\*", "", text)  # emphasis around the header line
    text = re.sub(r"\\(.)", r"\1", text)  # escaped markup characters are the sheet's own
    return text.split()


@pytest.fixture(scope="module")
def sheet(graph) -> str:
    return render_sheet(graph)


def test_the_sheet_is_regenerated_word_for_word_in_order(sheet):
    assert rendered_words(sheet) == source_words(SOURCE)


def test_a_missing_or_reworded_passage_would_be_caught(sheet):
    assert rendered_words(sheet.replace("Gender", "Sex", 1)) != source_words(SOURCE)
    assert rendered_words(sheet.replace("- Empathy\n", "", 1)) != source_words(SOURCE)


def test_the_passages_are_data_in_the_graph(graph):
    passages = queries.rows(graph, "sheet_passages")
    assert len(passages) == 72
    assert [p["position"] for p in passages] == list(range(1, 73))
    joined = " ".join(p["text"] for p in passages)
    for text in ("INFO SHEET", "With respect to What works ..., they report the following:",
                 "*A glossary of terms is provided on the next page",
                 "Current research was insufficient to support that customizing therapy",
                 "http://www.divisionofpsychotherapy.org"):
        assert text in joined


def test_list_items_state_the_items_they_name(graph):
    from rdflib import RDFS

    from esrkg.namespaces import ESR

    for passage, item in graph.subject_objects(ESR.states):
        role = graph.value(passage, ESR.passageRole)
        if role == ESR["role-list-item"] and (item, ESR.listPosition, None) in graph:
            assert str(graph.value(passage, ESR.text)) == str(graph.value(item, RDFS.label))


def test_markdown_headings_and_lists(sheet):
    assert sheet.startswith("*INFO SHEET*\n\n# About Empirically Supported Therapeutic Relationships\n")
    section = re.search(r"### Demonstrably Effective Elements:\n(.*?)###", sheet, re.S)
    assert section and "- Empathy" in section.group(1) and "Feedback" not in section.group(1)
    assert "- **Resistance**: being easily provoked by external demands" in sheet
