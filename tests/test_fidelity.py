"""The sheet regenerated from the graph holds every list item and definition of the source."""

import re

import pytest

from esrkg import paths
from esrkg.sheet import render_sheet
from tests.expectations import normalize

SOURCE_LINES = paths.info_sheet_file().read_text(encoding="utf-8").splitlines()


def _join(lines: list[str]) -> str:
    text = ""
    for line in (line.strip() for line in lines):
        text += line if text.endswith("-") else " " + line  # "self-" + "definitional"
    return text.strip()


def _entries(marker: str, start: str, stop: str) -> list[str]:
    """Entries that begin with a marker, with the lowercase continuation lines that follow."""
    entries: list[list[str]] = []
    current: list[str] | None = None
    inside = False
    for line in SOURCE_LINES:
        stripped = line.strip()
        if stripped.startswith(start):
            inside = True
        if stripped.startswith(stop):
            inside = False
        if not inside or not stripped:
            continue
        if stripped.startswith(marker):
            current = [stripped[len(marker):]]
            entries.append(current)
        elif current is not None and (stripped[0].islower() or marker == ">"):
            current.append(stripped)
        else:
            current = None  # a heading ends the current entry
    return [_join(entry) for entry in entries if entry]


LIST_ITEMS = _entries("•", "In essence", "Recommendations for Practitioners")
RECOMMENDATIONS = [e for e in _entries(">", "Recommendations for Practitioners", "_______") if e]
GLOSSARY = _entries(">", "Glossary of Terms", "For in-depth")


@pytest.fixture(scope="module")
def sheet(graph) -> str:
    return normalize(render_sheet(graph).replace("**", ""))


def test_the_source_was_parsed():
    assert len(LIST_ITEMS) == 2 + 4 + 7 + 2 + 5 + 6
    assert len(RECOMMENDATIONS) == 9
    assert len(GLOSSARY) == 18


@pytest.mark.parametrize("item", LIST_ITEMS)
def test_every_list_item_is_in_the_sheet(sheet, item):
    assert normalize(item) in sheet


@pytest.mark.parametrize("recommendation", RECOMMENDATIONS)
def test_every_recommendation_is_in_the_sheet(sheet, recommendation):
    assert normalize(recommendation) in sheet


@pytest.mark.parametrize("entry", GLOSSARY, ids=[e.split(":")[0] for e in GLOSSARY])
def test_every_definition_is_in_the_sheet_with_its_term(sheet, entry):
    assert normalize(entry) in sheet


def test_glossary_follows_the_order_of_the_source(graph):
    rendered = render_sheet(graph)
    positions = [rendered.index(f"**{entry.split(':')[0]}**") for entry in GLOSSARY]
    assert positions == sorted(positions)


def test_lists_appear_under_their_evidence_headings(graph):
    rendered = render_sheet(graph)
    section = re.search(r"### Demonstrably effective elements\n(.*?)###", rendered, re.S)
    assert section and "Empathy" in section.group(1) and "Feedback" not in section.group(1)
