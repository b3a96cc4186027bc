"""The catalogue of question templates: which query answers which kind of question.

Each template names its catalogue query, its slots, example questions (shown to users and used to
suggest the closest questions when nothing matches) and how its rows become answers and text.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]

@dataclass(frozen=True)
class Answer:
    """One answer: a label, and whatever else applies (edition, level, effect size, source...)."""

    label: str
    fields: tuple[tuple[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The answer as a flat dict (absent fields left out)."""
        return {"label": self.label, **dict(self.fields)}


def answer(label: object, **values: Any) -> Answer:
    """An Answer with the given fields, dropping empty ones."""
    kept = tuple((k, v) for k, v in values.items() if v is not None and v != "")
    return Answer(str(label), kept)


def _join(labels: list[str]) -> str:
    unique = list(dict.fromkeys(labels))
    if len(unique) <= 1:
        return "".join(unique)
    return ", ".join(unique[:-1]) + " and " + unique[-1]


def _effect(row: Row) -> str:
    if row.get("qualitative"):
        return f"{row.get('estimates')} (qualitative, no pooled figure)"
    figure = f"{row.get('metric')} = {row.get('value')}"
    sizes = ", ".join(f"{name} = {row[key]}" for name, key in (("k", "k"), ("N", "n")) if key in row)
    return f"{row.get('estimates')}: {figure}" + (f" ({sizes})" if sizes else "")


def _by_edition(rows: list[Row], column: str) -> str:
    editions: dict[str, list[str]] = {}
    for row in rows:
        editions.setdefault(str(row["editionId"]), []).append(str(row[column]))
    return "; ".join(f"{edition}: {_join(labels)}" for edition, labels in editions.items())


# --- answers per template ----------------------------------------------------------------

def items_answers(rows: list[Row]) -> list[Answer]:
    return [answer(r["label"], iri=r["item"], edition=r["editionId"], level=r["levelLabel"],
                   source=r["sourceLabel"]) for r in rows]


def items_text(rows: list[Row], slots: dict[str, str]) -> str:
    what = slots.get("part_label", "items")
    level = slots.get("level_label", "at each level")
    return f"{what.capitalize()} {level.lower()} (by edition) — {_by_edition(rows, 'label')}."


def evidence_answers(rows: list[Row]) -> list[Answer]:
    return [answer(r["subjectLabel"], iri=r["subject"], edition=r["editionId"], level=r.get("levelLabel"),
                   estimates=r.get("estimates"), metric=r.get("metric"), value=r.get("value"), k=r.get("k"),
                   k_unit=r.get("kUnit"), n=r.get("n"), n_unit=r.get("nUnit"), qualitative=r.get("qualitative"),
                   source=r["sourceLabel"], citation=r.get("citation"), url=r.get("url")) for r in rows]


def evidence_text(rows: list[Row], slots: dict[str, str]) -> str:
    parts = []
    for r in rows:
        subject = "" if r["subjectLabel"] == slots.get("item_label") else f" ({r['subjectLabel']})"
        if r.get("kind") == "verdict" or ("levelLabel" in r and "estimates" not in r):
            parts.append(f"{r['editionId']}{subject}: {r['levelLabel']} [{r['sourceLabel']}]")
        else:
            parts.append(f"{r['editionId']}{subject}: {_effect(r)} [{r['sourceLabel']}]")
    return f"Evidence on {slots.get('item_label', 'this item')}: " + "; ".join(parts) + "."


def definition_answers(rows: list[Row]) -> list[Answer]:
    return [answer(r["label"], iri=r["term"], definition=r.get("definition") or r.get("note"),
                   source=r.get("sourceLabel")) for r in rows]


def definition_text(rows: list[Row], slots: dict[str, str]) -> str:
    row = rows[0]
    if "definition" in row:
        return f"{row.get('glossaryLabel', row['label'])}: {row['definition']} (glossary, {row.get('sourceLabel')})."
    return f"{row['label']} is not in the glossary; esrkg's note: {row['note']}"


def tailoring_answers(rows: list[Row], slots: dict[str, str]) -> list[Answer]:
    if "adaptation_label" in slots:
        return [answer(r["characteristicLabel"], iri=r["characteristic"]) for r in rows]
    if "characteristic_label" in slots:
        return [answer(r["adaptationLabel"], iri=r["adaptation"]) for r in rows]
    return [answer(r["characteristicLabel"], iri=r["characteristic"], adaptation=r["adaptationLabel"]) for r in rows]


def tailoring_text(rows: list[Row], slots: dict[str, str]) -> str:
    if "adaptation_label" in slots:
        return f"{rows[0]['adaptationLabel']} responds to {_join([r['characteristicLabel'] for r in rows])}."
    if "characteristic_label" in slots:
        return f"Adapted to {rows[0]['characteristicLabel']}: {_join([r['adaptationLabel'] for r in rows])}."
    return "Client characteristics and the adaptations tailored to them: " + "; ".join(
        f"{r['characteristicLabel']} ({r['adaptationLabel']})" for r in rows) + "."


def relations_answers(rows: list[Row]) -> list[Answer]:
    return [answer(r["otherLabel"], iri=r["other"], relation=r["relationLabel"], direction=r["direction"])
            for r in rows]


def relations_text(rows: list[Row], slots: dict[str, str]) -> str:
    item = slots.get("item_label", "It")
    parts = [f"{item} {r['relationLabel']} {r['otherLabel']}" if r["direction"] == "outgoing"
             else f"{r['otherLabel']} {r['relationLabel']} {item}" for r in rows]
    return "; ".join(parts) + "."


def ordered_answers(rows: list[Row], iri_column: str) -> list[Answer]:
    return [answer(r["label"], iri=r[iri_column], position=r.get("position")) for r in rows]


def recommendations_answers(rows: list[Row]) -> list[Answer]:
    return [answer(r["text"], iri=r["recommendation"], audience=r["audienceLabel"], position=r["position"])
            for r in rows]


def recommendations_text(rows: list[Row], slots: dict[str, str]) -> str:
    audiences: dict[str, list[str]] = {}
    for r in rows:
        audiences.setdefault(r["audienceLabel"], []).append(f"({r['position']}) {r['text']}")
    return " ".join(f"{len(texts)} recommendations for {audience}: {' '.join(texts)}"
                    for audience, texts in audiences.items())


def counts_answers(rows: list[Row]) -> list[Answer]:
    return [answer(r["levelLabel"], iri=r["level"], edition=r["editionId"], count=r["count"]) for r in rows]


def counts_text(rows: list[Row], slots: dict[str, str]) -> str:
    what = slots.get("part_label", "items")
    per = [f"{r['editionId']} {r['levelLabel']}: {r['count']}" + (f" of {r['outOf']}" if "outOf" in r else "")
           for r in rows]
    return f"Number of {what} per evidence level — " + "; ".join(per) + "."


def sources_answers(rows: list[Row]) -> list[Answer]:
    return [answer(r["sourceLabel"], iri=r["source"], edition=r["editionId"], citation=r.get("citation"),
                   doi=r.get("doi"), task_force=r.get("taskForceLabel")) for r in rows]


def sources_text(rows: list[Row], slots: dict[str, str]) -> str:
    editions: dict[str, list[str]] = {}
    for r in rows:
        editions.setdefault(f"{r['editionId']} ({r.get('taskForceLabel', 'task force')})", []).append(
            str(r.get("citation", r["sourceLabel"])))
    return " ".join(f"{edition}: {' '.join(cites)}" for edition, cites in editions.items())


def changes_answers(rows: list[Row]) -> list[Answer]:
    return [answer(f"{r['earlierEdition']} -> {r['laterEdition']}", change=r["change"],
                   earlier=f"{r['earlierSubjectLabel']}: {r['earlierLevel']}",
                   later=f"{r['laterSubjectLabel']}: {r['laterLevel']}", level=r["laterLevel"],
                   edition=r["laterEdition"]) for r in rows]


def changes_text(rows: list[Row], slots: dict[str, str]) -> str:
    parts = [f"{r['earlierEdition']} {r['earlierLevel']} ({r['earlierSubjectLabel']}) -> {r['laterEdition']} "
             f"{r['laterLevel']} ({r['laterSubjectLabel']}): {r['change']}" for r in rows]
    return f"How the verdict on {slots.get('item_label', 'it')} changed: " + "; ".join(parts) + "."


def mentioning_answers(rows: list[Row]) -> list[Answer]:
    return [answer(r["label"], iri=r["term"], definition=r["definition"]) for r in rows]


def glossary_answers(rows: list[Row]) -> list[Answer]:
    return [answer(r["glossaryLabel"], iri=r["term"], definition=r["definition"], position=r["position"],
                   source=r["sourceLabel"]) for r in rows]


def glossary_text(rows: list[Row], slots: dict[str, str]) -> str:
    return f"The glossary defines {len(rows)} terms, in order: " + _join([r["glossaryLabel"] for r in rows]) + "."


def labels_text(prefix: str) -> Callable[[list[Row], dict[str, str]], str]:
    def render(rows: list[Row], slots: dict[str, str]) -> str:
        return prefix.format(**slots) + " " + _join([str(r["label"]) for r in rows]) + "."
    return render


@dataclass(frozen=True)
class Template:
    """A kind of question, the query that answers it, and how to present the rows."""

    id: str
    query: str
    title: str
    examples: tuple[str, ...]
    to_answers: Callable[[list[Row], dict[str, str]], list[Answer]]
    to_text: Callable[[list[Row], dict[str, str]], str]
    slots: tuple[str, ...] = field(default=())


def _rows_only(fn: Callable[[list[Row]], list[Answer]]) -> Callable[[list[Row], dict[str, str]], list[Answer]]:
    return lambda rows, slots: fn(rows)


TEMPLATES: dict[str, Template] = {t.id: t for t in (
    Template("items_at_level", "items_at_level", "Items at an evidence level",
             ("Which relationship elements are demonstrably effective?",
              "Which ways of customizing therapy were probably effective in 2011?",
              "Which elements are promising in all editions?"),
             _rows_only(items_answers), items_text, ("level", "edition", "part")),
    Template("evidence", "evidence_on_item", "The evidence on one item, across editions",
             ("What is the evidence for empathy?", "How effective is the therapeutic alliance?",
              "Is matching directiveness to resistance supported?"),
             _rows_only(evidence_answers), evidence_text, ("item", "edition")),
    Template("effect_sizes", "estimates_on_item", "Effect sizes reported for one item",
             ("What was the effect size of empathy in 2011?", "Which correlations were found for collaboration?"),
             _rows_only(evidence_answers), evidence_text, ("item", "edition")),
    Template("definition", "definition", "What a term means",
             ("What does resistance mean?", "What is empathy?", "Define coping style."),
             _rows_only(definition_answers), definition_text, ("term",)),
    Template("tailoring", "tailoring", "Which characteristic an adaptation responds to",
             ("Which client characteristic does matching therapeutic directiveness respond to?",
              "Which adaptations respond to coping style?", "Which characteristics is therapy tailored to?"),
             tailoring_answers, tailoring_text, ("adaptation", "characteristic")),
    Template("relations", "relations", "What an item relates to",
             ("What does repair of alliance ruptures relate to?", "What is empathy connected to?"),
             _rows_only(relations_answers), relations_text, ("item",)),
    Template("stages", "stages", "Stages in order",
             ("What are the stages of change?", "What are the stages of assimilation of problematic experiences?"),
             lambda rows, slots: ordered_answers(rows, "stage"), labels_text("{item_label}, in order:"),
             ("item",)),
    Template("components", "components", "The components of an element",
             ("What are the components of the therapeutic alliance?",),
             lambda rows, slots: ordered_answers(rows, "component"), labels_text("The components of {item_label}:"),
             ("item",)),
    Template("recommendations", "recommendations", "Recommendations for an audience",
             ("Which recommendations are addressed to researchers?", "What should practitioners do?"),
             _rows_only(recommendations_answers), recommendations_text, ("audience",)),
    Template("level_counts", "level_counts", "How many items per evidence level",
             ("How many relationship elements are there at each evidence level?",
              "How many adaptations were demonstrably effective in 2011?"),
             _rows_only(counts_answers), counts_text, ("edition", "part")),
    Template("edition_totals", "edition_totals", "Totals an edition reported",
             ("How many elements did the 2018 task force find demonstrably effective?",),
             _rows_only(counts_answers), counts_text, ("edition",)),
    Template("sources", "sources", "Where the findings come from",
             ("Where do these findings come from?", "What are the sources of the 2011 edition?"),
             _rows_only(sources_answers), sources_text, ("edition",)),
    Template("verdict_changes", "verdict_changes", "How a verdict changed between editions",
             ("How did the verdict on preferences change from 2002 to 2011?",
              "How has the evidence for the alliance changed over time?"),
             _rows_only(changes_answers), changes_text, ("item",)),
    Template("definitions_mentioning", "definitions_mentioning", "Definitions that mention a term",
             ("Which glossary definitions mention empathy?", "Which definitions mention the alliance?"),
             _rows_only(mentioning_answers), labels_text("Glossary entries that mention '{text}':"), ("text",)),
    Template("glossary", "glossary", "The glossary",
             ("List all glossary terms.", "Which terms does the glossary define?"),
             _rows_only(glossary_answers), glossary_text, ()),
    Template("perspectives", "perspectives", "Observational perspectives",
             ("Which observational perspectives should research compare?",),
             lambda rows, slots: ordered_answers(rows, "perspective"),
             labels_text("Research should compare the perspectives of the"), ()),
    Template("elements_for_format", "elements_for_format", "Elements of a therapy format",
             ("Which relationship element applies to group therapy?",),
             lambda rows, slots: [answer(r["label"], iri=r["item"]) for r in rows],
             labels_text("Elements that apply to {format_label}:"), ("format",)),
)}
