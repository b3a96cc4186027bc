"""Regenerate the info sheet as Markdown from the graph alone."""

from itertools import groupby

from rdflib import Graph

from esrkg import queries
from esrkg.namespaces import ESR


def _heading(level_label: str, kind: str) -> str:
    if kind == str(ESR.RelationshipElement):
        return f"{level_label} elements"
    if kind == str(ESR.ClientCharacteristic):
        return f"{level_label} to support customizing therapy for these client characteristics"
    return level_label


def render_sheet(graph: Graph) -> str:
    """The info sheet's questions, lists, recommendations and glossary as Markdown."""
    out = ["# About Empirically Supported Therapeutic Relationships", ""]
    out += ["In essence, the Task Force addressed two matters:", ""]
    out += [f"- {row['text']}" for row in queries.rows(graph, "guiding_questions")]
    for question, in_question in groupby(queries.rows(graph, "sheet_lists"), key=lambda r: r["questionLabel"]):
        out += ["", f"## {question}"]
        for (level_label, kind), items in groupby(in_question, key=lambda r: (r["levelLabel"], r["kind"])):
            out += ["", f"### {_heading(level_label, str(kind))}", ""]
            out += [f"- {item['label']}" for item in items]
    for audience, recommendations in groupby(queries.rows(graph, "recommendations"), key=lambda r: r["audienceLabel"]):
        listed = list(recommendations)
        out += ["", f"## Recommendations for {audience}", ""]
        if "preamble" in listed[0]:
            out += [listed[0]["preamble"], ""]
        out += [f"{row['position']}. {row['text']}" for row in listed]
    out += ["", "## Glossary of terms", ""]
    glossary = queries.rows(graph, "glossary")
    if glossary:
        out += [f"Adapted from the definitions in {glossary[0]['sourceLabel']}; in order of appearance.", ""]
    out += [f"- **{row['glossaryLabel']}**: {row['definition']}" for row in glossary]
    out += ["", "## Sources", ""]
    for row in queries.rows(graph, "sources"):
        out.append(f"- {row['editionId']}: {row.get('citation', row['sourceLabel'])}")
    return "\n".join(out) + "\n"
