"""Regenerate the info sheet as Markdown from the graph alone: every passage, in order, word for word.

The passages are data (``data/sheet-passages.ttl``, read with the ``sheet_passages`` query); this
module only chooses the Markdown for each passage's role.
"""

import re
from collections.abc import Callable

from esrkg import queries
from esrkg.queries import Source

Row = dict[str, object]

# Characters Markdown would read as markup ("*A glossary..." would start emphasis).
_MARKUP = re.compile(r"([\\`*_#>\[\]])")


def _plain(text: object) -> str:
    return _MARKUP.sub(r"\\\1", str(text))


def _heading(row: Row) -> str:
    return ("### " if row.get("namesLevel") else "## ") + _plain(row["text"])


def _glossary_entry(row: Row) -> str:
    term, _, definition = str(row["text"]).partition(":")
    return f"- **{_plain(term)}**:{_plain(definition)}"


def _paragraph(row: Row) -> str:
    return _plain(row["text"])


RENDER: dict[str, Callable[[Row], str]] = {
    "header": lambda row: f"*{_plain(row['text'])}*",
    "title": lambda row: f"# {_plain(row['text'])}",
    "heading": _heading,
    "list item": lambda row: f"- {_plain(row['text'])}",
    "recommendation": lambda row: f"- {_plain(row['text'])}",
    "glossary entry": _glossary_entry,
}


def render_sheet(graph: Source) -> str:
    """The whole info sheet as Markdown, one block per passage (lists kept together)."""
    out: list[str] = []
    previous_was_item = False
    for row in queries.rows(graph, "sheet_passages"):
        render = RENDER.get(str(row["roleLabel"]), _paragraph)
        block = render(row)
        is_item = block.startswith("- ")
        if out and not (is_item and previous_was_item):
            out.append("")
        out.append(block)
        previous_was_item = is_item
    return "\n".join(out) + "\n"
