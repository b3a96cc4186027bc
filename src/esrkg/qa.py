"""Questions in plain words -> a template and its slots -> SPARQL -> answers, with the query shown.

Slots are bound as RDF terms (``initBindings``); the SPARQL shown to the user carries them in a
``VALUES`` block, so it can be pasted, edited and re-run anywhere with the same result.
"""

import difflib
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Identifier

from esrkg import queries
from esrkg.intents import INTENT_VOCABULARY, INTENTS, NAMED_THINGS, ParsedQuestion
from esrkg.linking import LabelIndex, Mention, build_index, fold
from esrkg.templates import TEMPLATES, Template


@dataclass(frozen=True)
class AskResult:
    """The answer to one question: what was matched, the answers, a sentence, and the SPARQL run."""

    question: str
    template: str | None
    answers: tuple[dict[str, Any], ...]
    text: str
    sparql: str
    suggestions: tuple[str, ...] = ()
    bindings: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``esrkg ask --json``."""
        answers = [{k: float(v) if isinstance(v, Decimal) else v for k, v in a.items()} for a in self.answers]
        data: dict[str, Any] = {"question": self.question, "template": self.template,
                                "answers": answers, "text": self.text, "sparql": self.sparql}
        if not self.template or not self.answers:
            data["suggestions"] = list(self.suggestions)
        return data


@dataclass(frozen=True)
class Match:
    """A template with its slots bound, before it runs."""

    template: Template
    bindings: dict[str, Identifier]
    slot_labels: dict[str, str]


def sparql_with_values(query_text: str, bindings: dict[str, Identifier]) -> str:
    """The query with its bindings as a VALUES block at the top of the WHERE clause (terms in N3, escaped)."""
    if not bindings:
        return query_text
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(term.n3() for term in bindings.values())
    where = query_text.index("WHERE {") + len("WHERE {")
    return f"{query_text[:where]}\n  VALUES ({names}) {{ ({values}) }}{query_text[where:]}"


# When a template finds nothing, the next best question about the same thing, and how its slots carry over.
# The sentence says plainly what was not found.
FALLBACKS: dict[str, tuple[str, dict[str, str], str]] = {
    "definition": ("evidence", {"term": "item"}, "The glossary does not define {term_label}."),
    "tailoring": ("evidence", {"adaptation": "item", "characteristic": "item"},
                  "The graph records no adaptation tailored to {characteristic_label}."),
    "verdict_changes": ("evidence", {"item": "item"}, "{item_label} has verdicts from one edition only."),
    "effect_sizes": ("evidence", {"item": "item", "edition": "edition"},
                     "No effect size for {item_label} is in the graph."),
    "evidence": ("relations", {"item": "item"}, "No verdict or estimate on {item_label} is in the graph."),
    "items_at_level": ("edition_totals", {"edition": "edition"},
                       "{edition_label} published no per-item verdicts in our sources, only totals."),
    "level_counts": ("edition_totals", {"edition": "edition"},
                     "{edition_label} published no per-item verdicts in our sources, only totals."),
}


def fall_back(match: Match) -> Match | None:
    """The fallback of a match that found nothing, or None when there is none (or nothing to carry over)."""
    if match.template.id not in FALLBACKS:
        return None
    target, carried, _ = FALLBACKS[match.template.id]
    bindings = {new: match.bindings[old] for old, new in carried.items() if old in match.bindings}
    labels = {f"{new}_label": match.slot_labels[f"{old}_label"] for old, new in carried.items()
              if f"{old}_label" in match.slot_labels}
    if not bindings:
        return None
    return Match(TEMPLATES[target], bindings, {**match.slot_labels, **labels})


class SlotBinder:
    """Collects a match's slots (RDF terms) and their labels (for the answer text)."""

    def __init__(self, question: ParsedQuestion) -> None:
        self.question = question
        self.slots: dict[str, Identifier] = {}
        self.labels: dict[str, str] = {}

    def bind(self, name: str, mention: Mention | None) -> "SlotBinder":
        """Bind a slot to a concept the question named (nothing when None)."""
        if mention is not None:
            self.slots[name] = URIRef(mention.concept.iri)
            self.labels[f"{name}_label"] = mention.concept.label
        return self

    def bind_part(self) -> "SlotBinder":
        """Bind 'element' or 'adaptation' when the question says which."""
        part = self.question.part
        if part:
            self.slots["part"] = Literal(part)
        self.labels["part_label"] = {"element": "relationship elements",
                                     "adaptation": "ways of customizing therapy"}.get(part or "", "items")
        return self

    def bind_edition(self, default: str | None = None) -> "SlotBinder":
        """The edition named, else the default unless the question asks about all editions."""
        if self.question.editions:
            self.bind("edition", self.question.editions[0])
        elif default is not None and not self.question.all_editions:
            self.slots["edition"] = URIRef(default)
            self.labels["edition_label"] = default.rsplit("/", 1)[-1]
        return self

    def use(self, template_id: str) -> Match:
        """The match of this template with the slots bound so far."""
        return Match(TEMPLATES[template_id], self.slots, self.labels)


class QuestionAnswerer:
    """Answers free-text questions from one graph (build once, ask many times)."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.index: LabelIndex = build_index(graph, INTENT_VOCABULARY)
        # What the editions hold decides the defaults: the first edition with verdicts answers
        # questions that name no edition; an edition with only totals answers counts with them.
        counted = queries.rows(graph, "level_counts")
        with_verdicts = {str(r["edition"]) for r in counted}
        year = {str(r["edition"]): r["year"] for r in queries.rows(graph, "sources")}
        self.first_edition = min(with_verdicts, key=lambda e: year.get(e, 0)) if with_verdicts else None
        self.levels_in_first_edition = {str(r["level"]) for r in counted if str(r["edition"]) == self.first_edition}
        self.editions_with_only_totals = {str(r["edition"]) for r in queries.rows(graph, "edition_totals")
                                          } - with_verdicts

    def ask(self, question: str) -> AskResult:
        """Answer a question; never raises for any text."""
        question = str(question)[:1000]
        match = self.match(question)
        if match is None:
            return AskResult(question, None, (), "I could not match this question to anything in the graph. "
                             "Try one of the suggested questions.", "", self.suggest(question))
        tried: list[str] = []
        while True:
            query = queries.get(match.template.query)
            rows = queries.rows(self.graph, query.id, match.bindings)
            sparql = sparql_with_values(query.text, match.bindings)
            shown = {name: str(term) for name, term in match.bindings.items()}
            fallback = None if rows else fall_back(match)
            if fallback is None:
                break
            tried.append(FALLBACKS[match.template.id][2].format_map(defaultdict(lambda: "it", match.slot_labels)))
            match = fallback
        if not rows:
            return AskResult(question, match.template.id, (), "The graph holds no answer to this question.",
                             sparql, self.suggest(question), shown)
        answers = tuple(a.to_dict() for a in match.template.to_answers(rows, match.slot_labels))
        # Say plainly what was not found before showing the closest thing that was.
        preface = "".join(f"{what} " for what in tried)
        return AskResult(question, match.template.id, answers,
                         preface + match.template.to_text(rows, match.slot_labels), sparql, (), shown)

    def suggest(self, question: str, count: int = 3) -> tuple[str, ...]:
        """The example questions closest to this one."""
        examples = [example for template in TEMPLATES.values() for example in template.examples]
        scored = sorted(examples, key=lambda e: -difflib.SequenceMatcher(None, fold(question), fold(e)).ratio())
        return tuple(scored[:count])

    def match(self, question: str) -> Match | None:
        """The template and slots a question asks for, or None. Rules are tried in order."""
        q = ParsedQuestion.parse(question, self.index)
        slots = SlotBinder(q)
        item, level, fmt = q.item, q.first("EvidenceLevel"), q.first("TherapyFormat")

        needle = q.search_text()
        if q.has("mention") and q.tokens & {"definition", "glossary", "define", "defined"} and needle:
            slots.slots["text"] = Literal(needle)
            slots.labels["text"] = needle
            return slots.use("definitions_mentioning")
        if q.has("perspective"):
            return slots.use("perspectives")
        if q.has("glossary") and not item and not q.has("mention"):
            return slots.use("glossary")
        if not item and not level and (q.has("tailor") or q.has("adapt")) and "characteristic" in q.tokens:
            return slots.use("tailoring")
        if q.has("recommend") and (q.first("Audience") or "recommendation" in q.tokens):
            return slots.bind("audience", q.first("Audience")).use("recommendations")
        if item and q.has("change") and not q.strong_define:
            return slots.bind("item", item).use("verdict_changes")
        if q.has("count") and (" how many " in q.folded or " number of " in q.folded):
            slots.bind_part()
            if q.editions and q.editions[0].concept.iri in self.editions_with_only_totals:
                slots.slots.pop("part", None)
                return slots.bind("edition", q.editions[0]).use("edition_totals")
            return slots.bind_edition(self.first_edition).use("level_counts")
        if q.has("source") and not item and not q.has("effect"):
            return slots.bind_edition().use("sources")
        stage_item = item or q.first("StageOfChange", "AssimilationStage")
        if q.tokens & INTENTS["stages"] and stage_item and not q.strong_define and not q.asks_for_evidence:
            return slots.bind("item", stage_item).use("stages")
        if q.has("component") and item:
            return slots.bind("item", item).use("components")
        if item and not level and not q.asks_for_evidence:
            if item.concept.kind == "Adaptation" and (q.has("tailor") or "characteristic" in q.tokens):
                return slots.bind("adaptation", item).use("tailoring")
            if item.concept.kind == "ClientCharacteristic" and (q.has("tailor") or q.has("adapt")) \
                    and not q.strong_define:
                return slots.bind("characteristic", item).use("tailoring")
        if fmt and (q.has("format") or q.has("element") or " in " in q.folded):
            return slots.bind("format", fmt).use("elements_for_format")
        if item and q.has("effect"):
            return slots.bind("item", item).bind_edition().use("effect_sizes")
        if item and q.has("evidence") and not q.strong_define:
            return slots.bind("item", item).bind_edition().use("evidence")
        if item and q.has("relate"):
            return slots.bind("item", item).use("relations")
        if level or (q.part and (q.editions or q.has("evidence"))):
            # A level only later editions use (e.g. "probably effective") is not defaulted to 2002.
            in_first = level is None or level.concept.iri in self.levels_in_first_edition
            return slots.bind("level", level).bind_part().bind_edition(
                self.first_edition if in_first else None).use("items_at_level")
        term = item or fmt or q.first(*NAMED_THINGS)
        if term and (q.has("define") or q.tokens & {"what", "whats", "who"} or len(q.free - INTENT_VOCABULARY) <= 1):
            return slots.bind("term", term).use("definition")
        return None


_ANSWERERS: "weakref.WeakKeyDictionary[Graph, QuestionAnswerer]" = weakref.WeakKeyDictionary()


def ask(graph: Graph, question: str) -> AskResult:
    """Answer a free-text question from the graph (the answerer is built once per graph)."""
    answerer = _ANSWERERS.get(graph)
    if answerer is None:
        answerer = _ANSWERERS[graph] = QuestionAnswerer(graph)
    return answerer.ask(question)
