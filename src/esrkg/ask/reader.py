"""Read a question into a :class:`Frame`: the concepts it names, its constraints, and what it asks.

Reading happens in three steps: entity linking (concepts from the graph's names, and glossary
terms found by their definitions), constraints (editions, levels, thresholds, rankings, order,
negation, statistics, metrics, the part of the review), and the decision of what is asked, by the
ordered rules of :data:`ASKS_RULES`.
"""

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Literal

from esrkg.ask.context import AskContext, GlossaryEntry
from esrkg.ask.cues import FreeWords, count_word, phrase_tokens, quoted, thresholds
from esrkg.ask.frame import Asks, EditionMode, Frame, LevelConstraint, LevelCue, Order, Ranking, Threshold
from esrkg.ask.lexicon import (
    DOMAIN_WORDS,
    EDITION_CUES,
    INSUFFICIENT_PHRASES,
    INTENT_CUES,
    LEVEL_CUES,
    METRIC_CUES,
    NEGATION,
    ORDER_CUES,
    RANK_FIELD,
    RANK_MAX,
    RANK_MIN,
    STATISTIC_CUES,
)
from esrkg.linking import STOPWORDS, Concept, LabelIndex, Mention, content_words, fold, words

ITEM_KINDS = ("RelationshipElement", "Adaptation", "ClientCharacteristic")
POLAR_STARTS = frozenset(
    "is are was were did does do has have can could should would will isn wasn doesn".split())  # noqa: SIM905
Part = Literal["element", "adaptation", "characteristic"]
PART_CUES: dict[Part, tuple[str, ...]] = {
    "element": ("element", "elements", "relationship element", "therapist contributions", "contributions",
                "what works in general", "works in general", "in general", "what works", "therapy relationships",
                "therapeutic relationships"),
    "adaptation": ("adaptation", "adaptations", "customization", "customizations",
                   "customizing", "customize", "ways of adapting", "way of adapting", "ways of tailoring",
                   "tailoring", "fitting therapy", "means of adaptation", "tailor therapy", "tailoring therapy",
                   "tailoring treatment", "adapting therapy", "adapted", "customise"),
    "characteristic": ("client characteristics", "characteristics", "characteristic", "traits"),
}
COUNTABLE = ("element", "elements", "adaptation", "adaptations", "item", "items", "characteristic",
             "characteristics", "recommendation", "recommendations", "stage", "stages", "term", "terms",
             "component", "components", "verdict", "verdicts", "customization", "customizations", "entries")
STAT_NOUNS = ("study", "sample", "client", "patient", "participant", "people", "trainee")
ALLIANCE_CONTEXT = ("alliance", "component", "components", "part of", "consist", "consists", "made up", "make up",
                    "include", "includes", "measured")
WEAK_KINDS = {
    "ObservationalPerspective": ("perspective", "perspectives", "rater", "raters", "observational", "viewpoint",
                                 "agreement among"),
    "AllianceComponent": ALLIANCE_CONTEXT,
    "TherapyFormat": ("alliance", "cohesion", "therapy", "psychotherapy", "format", "formats", "setting"),
}
LEVEL_OF = {"top": "top", "probably": "probably", "promising": "promising", "insufficient": "insufficient"}


def _kind_of(mention: Mention) -> str:
    return mention.concept.kind


class Reader:
    """Reads questions against one graph's context."""

    def __init__(self, context: AskContext, index: LabelIndex) -> None:
        self.context = context
        self.index = index
        self.definition_words = [(entry, content_words(entry.definition)) for entry in context.glossary]

    # --- entity linking -------------------------------------------------------------------

    def _by_definition(self, free: FreeWords) -> tuple[GlossaryEntry | None, frozenset[str]]:
        """The glossary term a question describes by its definition's words ('easily provoked by...')."""
        asked = frozenset(t for t in free.tokens if t not in STOPWORDS)
        best: tuple[float, GlossaryEntry | None, frozenset[str]] = (0.0, None, frozenset())
        for entry, defined in self.definition_words:
            shared = asked & defined
            score = len(shared) / max(len(defined), 1)
            if len(shared) >= 3 and score >= 0.5 and score > best[0]:
                best = (score, entry, shared)
        return best[1], best[2]

    def _in_context(self, mentions: tuple[Mention, ...], free: FreeWords, tokens: tuple[str, ...]) -> \
            tuple[list[Mention], FreeWords]:
        """Drop mentions of a perspective, a component or a format made of one common word ("client",
        "goals", "groups") when nothing in the question is about perspectives or the alliance; their
        words go back to the free words."""
        kept, returned = [], list(free.items)
        for mention in mentions:
            weak = mention.concept.kind in WEAK_KINDS and len(mention.used) == 1
            context_words = WEAK_KINDS.get(mention.concept.kind, ())
            named_alongside = mention.concept.kind != "ObservationalPerspective" and any(
                m.concept.kind in ITEM_KINDS and any(w in m.concept.label.lower() for w in ("alliance", "cohesion"))
                for m in mentions)
            if weak and not free.has(context_words) and not named_alongside:
                returned.extend((p, tokens[p]) for p in mention.positions)
                continue
            kept.append(mention)
        return kept, FreeWords(tuple(sorted(returned)))

    # --- the frame ------------------------------------------------------------------------

    def read(self, question: str) -> Frame:
        """The frame of a question (never raises)."""
        linked = self.index.link(question)
        mentions, free = self._in_context(linked.mentions, FreeWords(linked.free), linked.tokens)
        limits, spans = thresholds(question)
        for start, end in spans:
            free = free.without([question[start:end]])
        definition_term = None
        items = [m for m in mentions if _kind_of(m) in ITEM_KINDS]
        if not items:
            entry, shared = self._by_definition(free)
            if entry is not None:
                definition_term = Concept(entry.iri, self.context.items[entry.iri].kind
                                          if entry.iri in self.context.items else "GlossaryTerm", entry.label)
                free = FreeWords(tuple(item for item in free.items if item[1] not in shared))
        return self._frame(question, mentions, free, limits, definition_term)

    def _frame(self, question: str, mentions: list[Mention], free: FreeWords, limits: list[Threshold],
               definition_term: Concept | None) -> Frame:
        tokens = tuple(words(question))
        of_kind = {kind: [m for m in mentions if _kind_of(m) == kind] for kind in {_kind_of(m) for m in mentions}}
        item_mentions = sorted((m for m in mentions if _kind_of(m) in ITEM_KINDS), key=lambda m: m.start)
        items = self._narrow([m.concept for m in item_mentions], of_kind.get("TherapyFormat", []))
        if definition_term is not None and not items:
            items = [definition_term]
        editions, edition_mode, edition_positions = self._editions(of_kind.get("Edition", []), free, question)
        if not editions:
            # A publication named by author and year ("Krebs et al. (2018)") dates its edition.
            dated = (re.search(r"\((\d{4})\)", m.concept.label) for m in of_kind.get("Source", []))
            years = {match.group(1) for match in dated if match}
            editions = [e.iri for e in self.context.editions if str(e.year) in years]
            edition_mode = "named" if len(editions) == 1 else edition_mode
        insufficient = free.find(INSUFFICIENT_PHRASES)
        negation_free = free.without(INSUFFICIENT_PHRASES)
        negations = negation_free.find(NEGATION)
        negated = bool(negations)
        levels = self._levels(of_kind.get("EvidenceLevel", []), free, insufficient, negations, edition_positions,
                              editions, edition_mode)
        statistic_of = {phrase: s for s, phrases in STATISTIC_CUES.items() for phrase in phrases}
        statistics = list(dict.fromkeys(statistic_of[p] for _, p in free.find(statistic_of)))
        metrics = [m for m, cues in METRIC_CUES.items() if free.has(cues)]
        limits = limits + self._word_limits(free)
        ranking = self._ranking(free, tokens)
        stages = [m.concept for m in sorted(mentions, key=lambda m: m.start)
                  if _kind_of(m) in ("StageOfChange", "AssimilationStage")]
        sequence = self._sequence(free, items)
        order = self._order(free, tokens, question) if stages or sequence else None
        if order is not None and not stages and order.relation == "all" and not (
                free.has(ORDER_CUES["in_order"]) or free.has(("what are", "list", "name", "stage", "step", "phase"))
                or tokens[:2] == ("what", "are")):
            order = None  # "what is stages of change?" asks what it means
        parts: list[Part] = [p for p, cues in PART_CUES.items() if free.has(cues)]
        # "elements and adaptations", "both elements and customizations": the whole review.
        part = parts[0] if len(parts) == 1 or parts == ["adaptation", "characteristic"] else None
        missing = self._missing(negation_free, negations, statistics)
        no_verdict = negated and free.has(("verdict", "verdicts", "rating", "rated", "no verdict"))
        same_level = free.has(("same verdict", "same rating", "same level", "same category", "unchanged",
                               "kept their", "kept the same"))
        cues = {intent for intent, phrases in INTENT_CUES.items() if free.has(phrases)}
        polar = _is_polar(question)
        direction: Literal["up", "down"] | None = None
        if free.has(("up", "rise", "rose", "grow", "grew", "increase", "increased", "higher")):
            direction = "up"
        elif free.has(("down", "shrink", "shrank", "fall", "fell", "decrease", "decreased", "lower")):
            direction = "down"
        words_left = frozenset(t for t in free.tokens if t not in STOPWORDS and t not in DOMAIN_WORDS)
        known = set(self.index.vocabulary) | {w for cue in _all_cues() for w in phrase_tokens(cue)}
        unexplained = frozenset(w for w in words_left if w not in known and not w.isdigit())
        frame = Frame(
            question=question, asks="unknown", polar=polar, statistics=tuple(statistics), items=tuple(items),
            part=part, editions=tuple(editions), edition_mode=edition_mode, levels=tuple(levels),
            thresholds=tuple(limits), missing=tuple(missing), no_verdict=no_verdict, negated=negated,
            metrics=tuple(metrics), ranking=ranking, order=order, stages=tuple(stages),
            audience=next((m.concept for m in of_kind.get("Audience", [])), None),
            sources=tuple(m.concept for m in of_kind.get("Source", [])),
            others=tuple(m.concept for m in mentions if _kind_of(m) in
                         ("AllianceComponent", "TherapyFormat", "ObservationalPerspective")),
            words=words_left, unexplained=unexplained, direction=direction, same_level=same_level,
            on_sheet=free.has(("sheet", "info sheet", "listed")),
            notes=(f"defined as: {definition_term.label}",) if definition_term else (),
            sequence=next((i for i in items if i.iri in self.context.stages), None),
            verdict_editions=tuple(e for e in editions if (info := self.context.edition(e)) and info.has_verdicts),
        )
        return frame.but(asks=decide(frame, cues, free, quoted(question)))

    def _narrow(self, items: list[Concept], formats: list[Mention]) -> list[Concept]:
        """'alliance' + 'individual therapy' -> the alliance in individual psychotherapy; the adaptation
        named after a characteristic is kept with it only when nothing else is named."""
        if formats:
            narrowed = []
            for concept in items:
                match = [info for info in self.context.items.values()
                         if concept.iri in info.within and any(m.concept.iri in info.formats for m in formats)]
                narrowed.append(Concept(match[0].iri, match[0].kind, match[0].label) if match else concept)
            items = narrowed
        # Drop a broader item when a narrower one is named too ("matching directiveness ... resistance").
        kept = [c for c in items if not any(o.iri != c.iri and o.iri in self.context.items and
                                            c.iri in self.context.items[o.iri].within for o in items)]
        return list(dict.fromkeys(kept))

    def _editions(self, mentions: list[Mention], free: FreeWords, question: str) -> \
            tuple[list[str], EditionMode, list[tuple[int, str]]]:
        """The editions named, how they combine, and where they stand in the question."""
        positions = [(m.start, m.concept.iri) for m in mentions]
        # "the first and (the) second task forces": ordinals that share one "task force(s)".
        folded = fold(question)
        ordinal = {"first": 0, "second": 1, "third": 2, "1st": 0, "2nd": 1, "3rd": 2, "original": 0}
        for match in re.finditer(r"\b(first|second|third|1st|2nd|3rd)\b(?=(?:\s+(?:and|or|the|vs|versus|to|"
                                 r"first|second|third|1st|2nd|3rd))*\s+(?:task|edition|review|report))", folded):
            index = ordinal[match.group(1)]
            if index < len(self.context.editions):
                position = len(folded[:match.start()].split())
                positions.append((position, self.context.editions[index].iri))
        if free.has(EDITION_CUES["first"]) and not positions:
            positions.append((free.find(EDITION_CUES["first"])[0][0], self.context.first.iri))
        if free.has(EDITION_CUES["latest"]) and not positions:
            positions.append((free.find(EDITION_CUES["latest"])[0][0], self.context.latest.iri))
        positions = sorted(dict.fromkeys(positions))
        editions = list(dict.fromkeys(iri for _, iri in positions))
        if free.has(EDITION_CUES["all"]) or (len(editions) > 1 and free.has(("or", "either", "any"))):
            return editions, "all", positions
        if len(editions) > 1 and free.has(("both", "kept", "keep", "stay", "stayed", "same", "remained")):
            return editions, "both", positions
        return editions, "named" if editions else "default", positions

    def _levels(self, mentions: list[Mention], free: FreeWords, insufficient: list[tuple[int, str]],
                negations: list[tuple[int, str]], edition_positions: list[tuple[int, str]], editions: list[str],
                mode: str) -> list[LevelConstraint]:
        found: list[tuple[int, LevelCue, str | None]] = []
        for mention in mentions:
            found.append((mention.start, level_cue(mention.concept.label, mention.name), mention.concept.iri))
        cue_of = {phrase: cue for cue, phrases in LEVEL_CUES.items() for phrase in phrases}
        for position, phrase in free.find(cue_of):  # one scan: the longest phrase wins ("not yet proven")
            if not any(abs(position - p) <= 2 for p, _, _ in found):
                found.append((position, LEVEL_OF[cue_of[phrase]], None))  # type: ignore[arg-type]
        merged: list[tuple[int, LevelCue, str | None]] = []
        for position, cue, level in sorted(found):
            if merged and {cue, merged[-1][1]} == {"insufficient", "promising"} and position - merged[-1][0] <= 6:
                merged[-1] = (merged[-1][0], "promising-insufficient", None)
                continue
            merged.append((position, cue, level))
        constraints = []
        starts = [position for position, _, _ in merged]
        for index, (position, cue, level) in enumerate(merged):
            negated = any(0 <= position - p <= 4 for p, _ in negations)
            following = starts[index + 1] if index + 1 < len(starts) else 10 ** 6
            edition = _edition_of(position, following, edition_positions) \
                if len(editions) > 1 and mode == "named" and len(merged) > 1 else None
            constraints.append(LevelConstraint(cue, level, edition, negated))
        return constraints

    def _word_limits(self, free: FreeWords) -> list[Threshold]:
        limits = []
        if free.has(("negative", "below zero", "less than zero", "inverse", "inversely", "most negative")):
            limits.append(Threshold("value", "<", Decimal(0)))
        if free.has(("include zero", "included zero", "includes zero", "contain zero", "contained zero",
                     "crossed zero", "cross zero", "overlap zero")):
            limits.append(Threshold("zero_in_ci", "includes"))
        if free.has(("positive",)) and free.has(("weakest", "smallest", "lowest")):
            limits.append(Threshold("value", ">", Decimal(0)))
        return limits

    def _ranking(self, free: FreeWords, tokens: tuple[str, ...]) -> Ranking | None:
        maxima, minima = free.find(RANK_MAX), free.find(RANK_MIN)
        if not maxima and not minima and not free.has(("rank", "order by size", "sort", "sorted")):
            return None
        if free.has(("most negative",)):
            direction = "min"
        elif maxima and minima:
            direction = "max" if maxima[0][0] <= minima[0][0] else "min"
        else:
            direction = "min" if minima and not maxima else "max"
        count: int | None = 1
        offset = 0
        position = (maxima or minima or [(0, "")])[0][0]
        for index in (position + 1, position - 1, position - 2):
            number = count_word(tokens, index)
            if number is not None and number < 50:
                if index < position and tokens[index] in ("second", "third", "fourth", "fifth"):
                    offset = number - 1
                else:
                    count = number
                break
        if free.has(("rank", "order", "sort", "sorted", "largest to smallest", "highest first", "by size",
                     "smallest to largest", "lowest first")):
            count = None
        field = next((f for f, cues in RANK_FIELD.items() if free.has(cues)), "value")
        return Ranking(direction, count, field, offset)  # type: ignore[arg-type]

    def _sequence(self, free: FreeWords, items: list[Concept]) -> bool:
        return any(i.iri in self.context.stages for i in items) or free.has(("apes", "transtheoretical"))

    def _order(self, free: FreeWords, tokens: tuple[str, ...], question: str) -> Order:
        number = re.search(r"\bstage\s+(\d)\b", question.lower())
        if number:
            return Order("position", position=int(number.group(1)))
        count = None
        relations: tuple[Literal["reverse", "between", "after", "before", "first", "last"], ...] = (
            "reverse", "between", "after", "before", "first", "last")
        for relation in relations:
            found = free.find(ORDER_CUES[relation])
            if found:
                position = found[0][0]
                for index in (position + 1, position + 2):
                    count = count_word(tokens, index) or count
                return Order(relation, count=count)
        return Order("all")

    def _missing(self, free: FreeWords, negations: list[tuple[int, str]], statistics: list[str]) -> list[str]:
        """Statistics the question asks to be absent: 'lack a CI', 'without an effect size', 'no doi'."""
        if not negations:
            return []
        absent = []
        for statistic, cues in (*STATISTIC_CUES.items(), ("doi", ("doi",)), ("effect", ("effect size",))):
            for position, _ in free.find(cues):
                if any(0 <= position - p <= 3 for p, _ in negations):
                    absent.append(statistic)
        return list(dict.fromkeys(absent))


def _is_polar(question: str) -> bool:
    """A yes/no question: it starts with an auxiliary verb, perhaps after a phrase and a comma or colon
    ("In 2011, was ...", "Attachment style: did ...")."""
    for clause in (question, *re.split(r"[,:;]", question)[1:]):
        written = fold(clause).split()
        if written and written[0] in POLAR_STARTS:
            return True
    return False


def level_cue(label: str, name: str) -> LevelCue:
    """How a level the question names exactly resolves on a scale where it is absent."""
    text = label.lower()
    if "demonstrably" in text:
        return "top"
    if "promising" in text and "insufficient" in text:
        return "promising-insufficient"
    if "promising" in text and "probably" in text:
        return "promising" if name.lower().strip() == "promising" else "exact"
    if "probably" in text:
        return "probably"
    return "insufficient"


def _edition_of(position: int, following: int, positions: list[tuple[int, str]]) -> str | None:
    """The edition a level constraint belongs to: the first named after it, before the next constraint
    ("insufficient research in 2002 to demonstrably effective in 2011"), else the last before it
    ("2011 elements rated probably effective")."""
    after = [iri for p, iri in positions if position < p < following]
    if after:
        return after[0]
    before = [iri for p, iri in positions if p < position]
    return before[-1] if before else None


def _all_cues() -> list[str]:
    groups = [*INTENT_CUES.values(), *STATISTIC_CUES.values(), *METRIC_CUES.values(), *ORDER_CUES.values(),
              *LEVEL_CUES.values(), *PART_CUES.values(), *EDITION_CUES.values(), RANK_MAX, RANK_MIN, NEGATION,
              COUNTABLE]
    return [cue for group in groups for cue in group]


# --- what is asked --------------------------------------------------------------------------

Rule = Callable[[Frame, set[str], FreeWords, list[str]], bool]


def _has_items(frame: Frame) -> bool:
    return bool(frame.items)


def _stats(frame: Frame) -> set[str]:
    return set(frame.statistics) - {"effect"}


def _counting(frame: Frame, cues: set[str], free: FreeWords, quotes: list[str]) -> bool:
    if "count" not in cues:
        return False
    counted = free.find(("how many", "number of", "count of", "count", "breakdown", "in total", "total number"))
    position = counted[0][0] if counted else 0
    after = [w for p, w in free.items if p > position][:4]
    if any(w in STAT_NOUNS for w in after):
        return False
    return free.has(COUNTABLE) or free.has(("breakdown", "in total")) or bool(frame.levels)


ASKS_RULES: tuple[tuple[Asks, Rule], ...] = (
    ("order", lambda f, c, w, q: bool(f.order)),
    ("count", _counting),
    ("mentions", lambda f, c, w, q: ("mention" in c and ("glossary" in c or "define" in c or bool(q)))
     or (bool(f.notes) and w.has(("which term", "what term", "which glossary", "defined as", "which entry",
                                 "what glossary", "which glossary entry", "glossary term", "glossary entry")))),
    ("ranking", lambda f, c, w, q: f.ranking is not None and not f.order
     and (bool(f.statistics) or bool(f.metrics) or f.ranking.field != "value" or w.has(("effect", "estimate")))),
    ("statistic", lambda f, c, w, q: bool(_stats(f)) and not f.thresholds and not f.missing
     and (bool(f.items) or bool(f.sources) or "heterogeneity" in f.statistics)),
    ("sources", lambda f, c, w, q: "source" in c and not f.polar),
    ("items", lambda f, c, w, q: (bool(f.levels) or f.same_level) and not f.items and len(f.editions) > 1),
    ("comparison", lambda f, c, w, q: ("compare" in c or "change" in c) and bool(f.items)
     and (("effect" in f.statistics or bool(f.metrics) or bool(_stats(f))) or len(f.items) > 1)
     and not (f.levels and "effect" not in f.statistics and not f.metrics)),
    ("change", lambda f, c, w, q: bool(f.items) and ("change" in c or "compare" in c or len(f.editions) > 1)
     and ("level" in c or bool(f.levels) or _verdict_editions(f, c))),
    ("comparison", lambda f, c, w, q: (bool(f.items) and ("change" in c or "compare" in c or len(f.editions) > 1)
     and not f.polar) or (bool(f.items) and f.polar and len(f.items) > 1 and "compare" in c)),
    ("perspectives", lambda f, c, w, q: w.has(("perspective", "perspectives", "viewpoint", "viewpoints", "rater",
                                                "raters")) or sum(o.kind == "ObservationalPerspective"
                                                                  for o in f.others) > 1),
    ("format_elements", lambda f, c, w, q: any(o.kind == "TherapyFormat" for o in f.others) and not f.items
     and not f.levels and not f.statistics and w.has(("apply", "applies", "element", "elements"))),
    ("recommendations", lambda f, c, w, q: f.audience is not None or "recommend" in c),
    ("tailoring", lambda f, c, w, q: "tailor" in c and (bool(f.items) or f.part == "characteristic")
     and not f.polar and not f.levels and not f.editions and "evidence" not in c),
    ("components", lambda f, c, w, q: "component" in c or any(o.kind == "AllianceComponent" for o in f.others)),
    ("estimates", lambda f, c, w, q: (bool(f.thresholds) or bool(f.missing)) and not (f.levels and not f.items)),
    ("relations", lambda f, c, w, q: "relate" in c and bool(f.items)),
    ("glossary", lambda f, c, w, q: "glossary" in c and not f.items),
    ("definition", lambda f, c, w, q: "define" in c and (bool(f.items) or bool(f.others))),
    ("items", lambda f, c, w, q: (bool(f.levels) and (not f.items or (f.part is not None and not f.polar)))
     or (f.part is not None and not f.items and ("evidence" in c or f.no_verdict))),
    ("statistic", lambda f, c, w, q: bool(f.items) and ("effect" in f.statistics or bool(f.metrics) or bool(_stats(f)))
     and "level" not in c and not f.levels),
    ("order", lambda f, c, w, q: f.sequence is not None and len(f.items) == 1 and "define" not in c
     and "level" not in c and "evidence" not in c and not f.statistics),
    ("level", lambda f, c, w, q: bool(f.items) and (bool(f.levels) or "level" in c
                                                   or ("evidence" in c and not w.has(("evidence for", "evidence on",
                                                                                      "evidence about"))))),
    ("ranking", lambda f, c, w, q: f.ranking is not None and bool(f.editions) and not f.order),
    ("evidence", lambda f, c, w, q: bool(f.items) and not f.polar and ("about" in c or w.has((
        "evidence for", "evidence on", "evidence about", "find for", "found for", "find about", "known about")))),
    ("definition", lambda f, c, w, q: bool(f.items) and len(f.items) == 1 and not f.polar
     and (w.has(("what", "whats", "who")) or len([t for t in w.tokens if t not in STOPWORDS]) <= 1)),
    ("evidence", lambda f, c, w, q: bool(f.items)),
    ("definition", lambda f, c, w, q: bool(f.others) and not f.polar),
)


def _verdict_editions(frame: Frame, cues: set[str]) -> bool:
    """A change between editions that both have per-item verdicts, asked without words for statistics."""
    return not frame.statistics and not frame.metrics and (
        not frame.editions or len(frame.verdict_editions) == len(frame.editions) > 1)


def decide(frame: Frame, cues: set[str], free: FreeWords, quotes: list[str]) -> Asks:
    """What the question asks: the first rule of :data:`ASKS_RULES` that holds."""
    for asks, rule in ASKS_RULES:
        if rule(frame, cues, free, quotes):
            return asks
    return "unknown"
