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
from esrkg.linking import LabelIndex, Mention, build_index, fold, stem, words
from esrkg.namespaces import ESR
from esrkg.templates import TEMPLATES, Template

ITEM_KINDS = ("RelationshipElement", "Adaptation", "ClientCharacteristic")
FIRST_EDITION = ESR["TF1-2002"]
LATEST_EDITION_WITHOUT_VERDICTS = ESR["TF3-2018"]

# Intent words, stemmed. A question triggers an intent when it contains one of them.
INTENTS: dict[str, frozenset[str]] = {k: frozenset(stem(w) for w in v.split()) for k, v in {
    "define": "mean meaning means define definition defined explain describe",
    "mention": "mention mentions mentioning refer refers contain contains",
    "recommend": "recommend recommendation recommendations advice advise guidance should",
    "perspective": "perspective perspectives viewpoint viewpoints rater raters observer",
    "change": "change changed changes evolve evolved upgraded downgraded shift over",
    "count": "many number count",
    "source": "source sources come comes cite cited citation reference references published publication origin "
              "wrote written author authors",
    "stages": "stage stages step steps sequence phase phases",
    "component": "component components consist consists made dimension dimensions measured",
    "tailor": "respond responds tailored tailor target targets addresses aimed",
    "adapt": "adaptation adaptations adapt adapted customize customizing customization customise match matching",
    "format": "apply applies",
    "effect": "effect size correlation correlations meta analysis magnitude estimate estimates large strong",
    "evidence": "evidence level verdict effective effectiveness supported support work works rated rating "
                "category status judged research proven finding findings empirical tell say said about know "
                "matter matters help helps",
    "relate": "relate related relates connected connection link linked links relation relations associated "
              "split divided became narrower broader differ different difference compare compared",
    "all_editions": "all every any ever across each",
    "element": "element elements",
    "customizing": "adaptation adaptations customizing customize customization customising way ways tailoring "
                   "tailored characteristic characteristics",
    "glossary": "glossary term terms",
    "general": "general",
}.items()}
INTENT_VOCABULARY = frozenset().union(*INTENTS.values())


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


class QuestionAnswerer:
    """Answers free-text questions from one graph (build once, ask many times)."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.index: LabelIndex = build_index(graph, INTENT_VOCABULARY)
        self.levels_in_first_edition = {
            str(r["level"]) for r in queries.rows(graph, "level_counts", {"edition": FIRST_EDITION})
        }

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
        """The template and slots a question asks for, or None."""
        tokens = {self.index.correct(w) for w in words(question)}
        folded = " " + " ".join(fold(question).split()) + " "
        mentions = self.index.find(question)

        # Words inside a concept's name ("change" in "Stages of change") are not intent words.
        free = tokens - set().union(*(m.used for m in mentions))

        def has(intent: str) -> bool:
            return bool(free & INTENTS[intent])

        def first(*kinds: str) -> Mention | None:
            return next((m for m in mentions if m.concept.kind in kinds), None)

        item, level, audience = first(*ITEM_KINDS), first("EvidenceLevel"), first("Audience")
        editions = [m for m in mentions if m.concept.kind == "Edition"]
        fmt = first("TherapyFormat")
        all_editions = (has("all_editions") and bool(tokens & {"edition", "year", "time", "task", "force"})) or \
            "ever" in tokens
        part = "element" if has("element") or has("general") else "adaptation" if has("customizing") else None
        slots: dict[str, Identifier] = {}
        labels: dict[str, str] = {}

        def bind(name: str, mention: Mention | None) -> None:
            if mention is not None:
                slots[name] = URIRef(mention.concept.iri)
                labels[f"{name}_label"] = mention.concept.label

        def use(template_id: str) -> Match:
            return Match(TEMPLATES[template_id], slots, labels)

        def bind_part() -> None:
            if part:
                slots["part"] = Literal(part)
            labels["part_label"] = {"element": "relationship elements", "adaptation": "ways of customizing therapy"
                                    }.get(part or "", "items")

        def bind_edition(default: URIRef | None) -> None:
            if editions:
                bind("edition", editions[0])
            elif default is not None and not all_editions:
                slots["edition"] = default
                labels["edition_label"] = str(default).rsplit("/", 1)[-1]

        strong_define = has("define") and not has("mention")
        if has("mention") and (tokens & {"definition", "glossary", "define", "defined"}):
            needle = item.name if item else next((w for w in reversed(fold(question).split())
                                                  if stem(w) not in INTENT_VOCABULARY and len(w) > 3), "")
            if needle:
                slots["text"] = Literal(needle)
                labels["text"] = needle
                return use("definitions_mentioning")
        if has("perspective"):
            return use("perspectives")
        if has("glossary") and not item and not has("mention"):
            return use("glossary")
        if not item and not level and (has("tailor") or has("adapt")) and "characteristic" in tokens:
            return use("tailoring")
        if has("recommend") and (audience or tokens & {"recommendation"}):
            bind("audience", audience)
            return use("recommendations")
        if item and has("change") and not strong_define:
            bind("item", item)
            return use("verdict_changes")
        if (has("count") and " how many " in folded) or (" number of " in folded and has("count")):
            bind_part()
            if editions and editions[0].concept.iri == str(LATEST_EDITION_WITHOUT_VERDICTS):
                slots.pop("part", None)
                bind("edition", editions[0])
                return use("edition_totals")
            bind_edition(FIRST_EDITION)
            return use("level_counts")
        if has("source") and not item and not has("effect"):
            bind_edition(None)
            return use("sources")
        stage_item = item or first("StageOfChange", "AssimilationStage")
        asks_for_evidence = has("evidence") or has("effect")
        if tokens & INTENTS["stages"] and stage_item and not strong_define and not asks_for_evidence:
            bind("item", stage_item)
            return use("stages")
        if has("component") and item:
            bind("item", item)
            return use("components")
        if item and not level and not has("evidence") and not has("effect"):
            if item.concept.kind == "Adaptation" and (has("tailor") or "characteristic" in tokens):
                bind("adaptation", item)
                return use("tailoring")
            if item.concept.kind == "ClientCharacteristic" and (has("tailor") or has("adapt")) and \
                    not strong_define:
                bind("characteristic", item)
                return use("tailoring")
        if fmt and (has("format") or has("element") or " in " in folded):
            bind("format", fmt)
            return use("elements_for_format")
        if item and has("effect"):
            bind("item", item)
            bind_edition(None)
            return use("effect_sizes")
        if item and has("evidence") and not strong_define:
            bind("item", item)
            bind_edition(None)
            return use("evidence")
        if item and has("relate"):
            bind("item", item)
            return use("relations")
        if level or (part and (editions or has("evidence"))):
            bind("level", level)
            bind_part()
            default = FIRST_EDITION if level is None or level.concept.iri in self.levels_in_first_edition else None
            bind_edition(default)
            return use("items_at_level")
        term = item or fmt or first("AllianceComponent", "ObservationalPerspective", "StageOfChange",
                                    "AssimilationStage", "Audience")
        asks_what = bool(tokens & {"what", "whats", "who"})
        if term and (has("define") or asks_what or len(free - INTENT_VOCABULARY) <= 1):
            bind("term", term)
            return use("definition")
        return None


_ANSWERERS: "weakref.WeakKeyDictionary[Graph, QuestionAnswerer]" = weakref.WeakKeyDictionary()


def ask(graph: Graph, question: str) -> AskResult:
    """Answer a free-text question from the graph (the answerer is built once per graph)."""
    answerer = _ANSWERERS.get(graph)
    if answerer is None:
        answerer = _ANSWERERS[graph] = QuestionAnswerer(graph)
    return answerer.ask(question)
