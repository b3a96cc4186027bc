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
    COUNTABLE,
    DOMAIN_WORDS,
    EDITION_CUES,
    INSUFFICIENT_PHRASES,
    INTENT_CUES,
    LEVEL_CUES,
    METRIC_CUES,
    NEGATION,
    ORDER_CUES,
    PART_CUES,
    RANK_FIELD,
    RANK_MAX,
    RANK_MIN,
    STATISTIC_CUES,
    Part,
)
from esrkg.linking import STOPWORDS, Concept, LabelIndex, Mention, content_words, fold, words

ITEM_KINDS = ("RelationshipElement", "Adaptation", "ClientCharacteristic")
POLAR_STARTS = frozenset(
    "is are was were did does do has have can could should would will isn wasn doesn".split())  # noqa: SIM905
STAT_NOUNS = ("study", "sample", "client", "patient", "participant", "people", "trainee")
ALLIANCE_CONTEXT = ("alliance", "component", "components", "part of", "consist", "consists", "made up", "make up",
                    "include", "includes", "measured")
WEAK_KINDS = {
    "ObservationalPerspective": ("perspective", "perspectives", "rater", "raters", "observational", "viewpoint",
                                 "agreement among"),
    "AllianceComponent": ALLIANCE_CONTEXT,
    "TherapyFormat": ("alliance", "cohesion", "therapy", "psychotherapy", "format", "formats", "setting"),
}
ESTIMATE_ASKS = ("statistic", "estimates", "ranking", "comparison", "evidence")
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
            # "task force" names the review, never the alliance's tasks.
            in_task_force = any(p + 1 < len(tokens) and tokens[p + 1] in ("force", "forces")
                                for p in mention.positions)
            if weak and (in_task_force or (not free.has(context_words) and not named_alongside)):
                # A name shared with a concept of another kind ("therapists": an audience too) goes to it.
                other = next((c for c in mention.alternates if c.kind not in WEAK_KINDS), None)
                names_item = any(m.concept.kind in ITEM_KINDS for m in mentions)
                if other is not None and not in_task_force and not names_item:
                    kept.append(Mention(other, mention.name, mention.used, mention.positions))
                    continue
                returned.extend((p, tokens[p]) for p in mention.positions)
                continue
            kept.append(mention)
        return kept, FreeWords(tuple(sorted(returned)))

    # --- the frame ------------------------------------------------------------------------

    def read(self, question: str) -> Frame:
        """The frame of a question (never raises)."""
        linked = self.index.link(question)
        mentions, free = self._in_context(linked.mentions, FreeWords(linked.free), linked.tokens)
        # Thresholds are read from the question's own text (it keeps ".3" and "1,000"), typos corrected.
        corrected = re.sub(r"[A-Za-z]+", lambda m: self.index.correct_surface(m.group().lower()), question)
        limits, spans = thresholds(corrected)
        for start, end in spans:
            free = free.without([corrected[start:end]])
        definition_term = None
        items = [m for m in mentions if _kind_of(m) in ITEM_KINDS]
        # A term described by its definition's words: when no item is named, or only by one stray word
        # of a longer name ("... the client's experience without conditions").
        if all(_stray(m) for m in items):
            without_strays = FreeWords(tuple(sorted([*free.items, *((p, linked.tokens[p]) for m in items
                                                                   for p in m.positions)])))
            entry, shared = self._by_definition(without_strays)
            if entry is not None:
                definition_term = Concept(entry.iri, self.context.items[entry.iri].kind
                                          if entry.iri in self.context.items else "GlossaryTerm", entry.label)
                free = FreeWords(tuple(item for item in without_strays.items if item[1] not in shared))
                mentions = [m for m in mentions if m not in items]
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
                              editions, edition_mode, bool(limits))
        scanned = free.scan({**{f"intent:{k}": v for k, v in INTENT_CUES.items()},
                             **{f"statistic:{k}": v for k, v in STATISTIC_CUES.items()}})
        for group, hits in list(scanned.items()):
            # "how many client characteristics": counting items, not a sample size.
            if group.startswith("statistic:") and all(
                    phrase.startswith(("how many", "number of")) and free.following(position, phrase) in COUNTABLE
                    for position, phrase in hits):
                del scanned[group]
                scanned.setdefault("intent:count", hits)
        statistics = [group.split(":", 1)[1] for group, hits in sorted(scanned.items(), key=lambda g: g[1][0][0])
                      if group.startswith("statistic:")]
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
        absent = self._absent_editions(free, negations, edition_positions, levels, of_kind.get("Edition", []))
        no_verdict = absent is not None
        same_level = free.has(("same verdict", "same rating", "same level", "same category", "unchanged",
                               "kept their", "kept the same"))
        cues = {group.split(":", 1)[1] for group in scanned if group.startswith("intent:")}
        polar = _is_polar(question)
        direction: Literal["up", "down"] | None = None
        if free.has(("up", "rise", "rose", "grow", "grew", "increase", "increased", "higher", "bigger", "larger",
                     "stronger")):
            direction = "up"
        elif free.has(("down", "shrink", "shrank", "fall", "fell", "decrease", "decreased", "lower", "smaller",
                       "weaker")):
            direction = "down"
        words_left = frozenset(t for t in free.tokens if t not in STOPWORDS)
        known = set(self.index.vocabulary) | {w for cue in _all_cues() for w in phrase_tokens(cue)} | DOMAIN_WORDS
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
            narrower_only=bool(items) and free.has(NARROWER_WORDS),
            absent_editions=tuple(absent or ()),
            notes=(f"defined as: {definition_term.label}",) if definition_term else (),
            sequence=next((i for i in items if i.iri in self.context.stages), None),
            verdict_editions=tuple(e for e in editions if (info := self.context.edition(e)) and info.has_verdicts),
        )
        return self._related_instead(frame.but(asks=decide(frame, cues, free, quoted(question))))

    def _reported_in(self, item: str) -> set[str]:
        """The editions reporting an estimate on the item or on an item within it."""
        return {edition for info in self.context.items.values() if item in info.within
                for edition in info.estimate_editions}

    def _related_instead(self, frame: Frame) -> Frame:
        """'the 2018 expectations meta-analysis': when an item has no estimate in the editions named and
        an item related to it (skos:related) has, the question is about that one; the reading says so."""
        if frame.asks not in ESTIMATE_ASKS or not frame.editions or not frame.items:
            return frame
        items, notes = [], list(frame.notes)
        for item in frame.items:
            info = self.context.items.get(item.iri)
            related = [self.context.items[r] for r in (info.related if info else ()) if r in self.context.items]
            substitute = next((r for r in related if self._reported_in(r.iri) & set(frame.editions)), None)
            if self._reported_in(item.iri) & set(frame.editions) or substitute is None:
                items.append(item)
                continue
            items.append(Concept(substitute.iri, substitute.kind, substitute.label))
            notes.append(f"{item.label} has no estimate in the edition named; its related item "
                         f"{substitute.label} has")
        return frame.but(items=tuple(dict.fromkeys(items)), notes=tuple(notes))

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
        # "the first two task forces", "the last two editions".
        for match in re.finditer(r"\b(first|last|latest|earliest)\s+(two|three|2|3)\b"
                                 r"(?=\s+(?:task|edition|review|report))", folded):
            count = {"two": 2, "three": 3, "2": 2, "3": 3}[match.group(2)]
            chosen = self.context.editions[:count] if match.group(1) in ("first", "earliest") else \
                self.context.editions[-count:]
            position = len(folded[:match.start()].split())
            positions.extend((position + offset, e.iri) for offset, e in enumerate(chosen))
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

    def _absent_editions(self, free: FreeWords, negations: list[tuple[int, str]],
                         edition_positions: list[tuple[int, str]], levels: list[LevelConstraint],
                         edition_mentions: list[Mention]) -> list[str] | None:
        """'got no verdict in 2011', 'without a verdict', 'not on the 2002 sheet': the editions whose verdict
        is absent (empty: every edition), or None when the question does not say a verdict is absent."""
        if any(c.negated for c in levels):
            return None  # "not rated merely promising" negates a level, not the verdict
        # The words a negation makes absent, or an edition named by its sheet ("not on the 2002 info sheet").
        targets = [v for v, _ in free.find(ABSENT_VERDICT_WORDS)] + [
            m.start for m in edition_mentions if "sheet" in m.name.lower()]
        anchors = [p for p, _ in negations if any(0 < v - p <= 5 for v in targets)]
        if not anchors:
            return None
        after = [iri for p, iri in edition_positions if p > anchors[0]]
        return after[:1] or [iri for _, iri in edition_positions][-1:]

    def _levels(self, mentions: list[Mention], free: FreeWords, insufficient: list[tuple[int, str]],
                negations: list[tuple[int, str]], edition_positions: list[tuple[int, str]], editions: list[str],
                mode: str, with_thresholds: bool) -> list[LevelConstraint]:
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
            # Levels belong to one edition each when several are named and there are several levels, or
            # thresholds that hold in another edition ("demonstrably effective in 2011 with a 2018 r > .3").
            edition = _edition_of(position, following, edition_positions) \
                if len(editions) > 1 and mode == "named" and (len(merged) > 1 or with_thresholds) else None
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


def _stray(mention: Mention) -> bool:
    """An item named by one word of a longer name only (a rare word such as 'problematic')."""
    return len(mention.used) == 1 and len(content_words(mention.concept.label)) > 1


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
    just_before = [iri for p, iri in positions if p == position - 1]
    if just_before:
        return just_before[0]  # "2011 demonstrably effective elements"
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
    counted = free.find(("how many", "number of", "count of", "breakdown", "in total", "total number"))
    position = counted[0][0] if counted else 0
    after = [w for p, w in free.items if p > position + 1][:2]
    # "how many studies/clients": a statistic of an estimate, unless it counts items ("client characteristics").
    if after and after[0] in STAT_NOUNS and not (len(after) > 1 and after[1] in ("characteristic", "characteristics")):
        return False
    return free.has(COUNTABLE) or free.has(("breakdown", "in total")) or bool(frame.levels)


TERM_WORDS = ("which term", "what term", "which glossary", "defined as", "which entry", "what glossary",
              "which glossary entry", "glossary term", "glossary entry")
NARROWER_WORDS = ("forms of", "kinds of", "types of", "versions of", "variants of", "forms", "kinds", "types",
                  "versions", "variants")
# Words for a verdict, or for the sheet that lists the 2002 verdicts, that a negation makes absent.
ABSENT_VERDICT_WORDS = ("verdict", "verdicts", "rating", "ratings", "rated", "judged", "sheet", "info sheet",
                        "listed", "category")
LIST_WORDS = ("forms of", "kinds of", "types of", "versions of", "parts of", "which of", "which ones")
OVERVIEW_WORDS = ("evidence for", "evidence on", "evidence about", "find for", "found for", "find about",
                  "known about", "meta analysis find", "analysis find", "did the", "find")
RELATION_WORDS = ("narrower", "broader", "split into", "split", "replaced", "became", "belong to", "belongs to",
                  "part of", "cover", "covers", "same as", "same thing", "attend", "attends", "strengthen",
                  "strengthens", "draw on", "draws on", "related to", "relate to")


def _claims_level(f: Frame, c: set[str]) -> bool:
    return bool(f.levels) or "level" in c


def _overview(f: Frame, c: set[str], w: FreeWords) -> bool:
    return bool(f.items) and not f.polar and not _claims_level(f, c) and not f.statistics and not f.metrics and (
        "about" in c or w.has(OVERVIEW_WORDS))


# The ordered rules that decide what a frame asks: the first that holds wins. Each is one line of
# intent: specific readings (a sequence's order, a count, a statistic of an item) come before the
# general ones (an item's verdict, its definition, its evidence).
ASKS_RULES: tuple[tuple[Asks, Rule], ...] = (
    # "Is empathy demonstrably effective?": a yes/no claim about a level.
    ("level", lambda f, c, w, q: f.polar and bool(f.items) and bool(f.levels) and not f.thresholds),
    ("count", _counting),
    ("order", lambda f, c, w, q: bool(f.order)),
    ("mentions", lambda f, c, w, q: not (_by_definition(f) and bool(f.statistics or f.metrics)) and (
        ("mention" in c and ("glossary" in c or "define" in c or bool(q)))
        or (_by_definition(f) and w.has(TERM_WORDS)))),
    ("ranking", lambda f, c, w, q: f.ranking is not None
     and (bool(f.statistics) or bool(f.metrics) or f.ranking.field != "value" or w.has(("effect", "estimate")))),
    ("estimates", lambda f, c, w, q: bool(f.missing) and not f.no_verdict),
    ("statistic", lambda f, c, w, q: bool(_stats(f)) and not f.thresholds
     and (bool(f.items) or bool(f.sources) or "heterogeneity" in f.statistics)),
    ("sources", lambda f, c, w, q: "source" in c and not f.polar),
    # "What is meant by congruence or genuineness?", "define anaclitic vs introjective styles".
    ("definition", lambda f, c, w, q: "define" in c and bool(f.items or f.others) and not f.levels
     and not f.statistics and not f.metrics and not f.thresholds and not f.polar and "tailor" not in c),
    # "Which client characteristics do the demonstrably effective customizations respond to?"
    ("tailoring", lambda f, c, w, q: "tailor" in c and bool(f.levels) and not f.items and f.part == "adaptation"
     and "characteristic" in f.words and not f.polar),
    # "Which items went from insufficient research in 2002 to demonstrably effective in 2011?"
    ("items", lambda f, c, w, q: (bool(f.levels) or f.same_level) and not f.items and len(f.editions) > 1),
    # "Is the relationship bond part of the alliance?"
    ("components", lambda f, c, w, q: any(o.kind == "AllianceComponent" for o in f.others)
     and ("component" in c or w.has(("part of", "include", "includes", "included")))),
    ("relations", lambda f, c, w, q: bool(f.items) and w.has(RELATION_WORDS) and not f.statistics and not f.levels
     and not f.thresholds),
    ("change", lambda f, c, w, q: bool(f.items) and _across(f, c) and (_claims_level(f, c) or _verdict_editions(f, c))),
    ("comparison", lambda f, c, w, q: (bool(f.items) and _across(f, c) and not f.polar)
     or (bool(f.items) and f.polar and len(f.items) > 1 and "compare" in c)
     # "Did the collaboration correlation go down in 2018?", "Is it higher in 2018 than in 2011?"
     or (bool(f.items) and f.polar and f.direction is not None and not f.thresholds and not f.levels)),
    ("perspectives", lambda f, c, w, q: w.has(("perspective", "perspectives", "viewpoint", "viewpoints", "rater",
                                                "raters")) or sum(o.kind == "ObservationalPerspective"
                                                                  for o in f.others) > 1),
    ("format_elements", lambda f, c, w, q: any(o.kind == "TherapyFormat" for o in f.others) and not f.items
     and not f.levels and not f.statistics and w.has(("apply", "applies", "element", "elements"))),
    ("recommendations", lambda f, c, w, q: "recommend" in c or (f.audience is not None and (
        _asks_advice(f) or (not f.items and f.part is None and not f.statistics)))),
    ("tailoring", lambda f, c, w, q: "tailor" in c and (bool(f.items) or f.part is not None)
     and not f.polar and not f.levels and not _claims_level(f, c) and "evidence" not in c),
    ("components", lambda f, c, w, q: "component" in c or any(o.kind == "AllianceComponent" for o in f.others)),
    ("relations", lambda f, c, w, q: "relate" in c and bool(f.items)),
    ("glossary", lambda f, c, w, q: "glossary" in c and not f.items),
    ("estimates", lambda f, c, w, q: bool(f.thresholds) and not (f.levels and not f.items)),
    ("definition", lambda f, c, w, q: "define" in c and (bool(f.items) or bool(f.others))),
    ("items", lambda f, c, w, q: (bool(f.levels) and (not f.items or (f.part is not None and not f.polar)
                                                      or w.has(LIST_WORDS)))
     or ((f.part is not None or f.on_sheet) and not f.items and ("evidence" in c or "level" in c or f.no_verdict))),
    ("evidence", lambda f, c, w, q: _overview(f, c, w)),
    ("statistic", lambda f, c, w, q: bool(f.items) and ("effect" in f.statistics or bool(f.metrics) or bool(_stats(f)))
     and not _claims_level(f, c)),
    ("order", lambda f, c, w, q: f.sequence is not None and len(f.items) == 1 and "define" not in c
     and ("stages" in c or w.has(ORDER_CUES["in_order"]) or not re.match(r"\s*(what is|whats|what s)\b",
                                                                            fold(f.question)))
     and not _claims_level(f, c) and "evidence" not in c and not f.statistics and not f.polar),
    ("level", lambda f, c, w, q: bool(f.items) and (_claims_level(f, c)
                                                   or ("evidence" in c and not w.has(OVERVIEW_WORDS)))),
    ("ranking", lambda f, c, w, q: f.ranking is not None and bool(f.editions)),
    # A term alone, asked with "what is" or nothing else: what it means.
    ("definition", lambda f, c, w, q: bool(f.items) and len(f.items) == 1 and not f.polar and not f.editions
     and (w.has(("what", "whats", "who")) or len([t for t in w.tokens if t not in STOPWORDS]) <= 1)),
    ("evidence", lambda f, c, w, q: bool(f.items)),
    ("definition", lambda f, c, w, q: bool(f.others) and not f.polar),
)


def _across(frame: Frame, cues: set[str]) -> bool:
    """Across editions or items: a word of change, several editions, or a comparison of several items
    (a lone "or" between two names of one item compares nothing)."""
    return "change" in cues or len(frame.editions) > 1 or frame.edition_mode == "all" or (
        "compare" in cues and len(frame.items) > 1)


def _asks_advice(frame: Frame) -> bool:
    """'Should researchers ...?', 'what should clinicians do ...'."""
    return bool(re.match(r"\s*(should|ought)\b", fold(frame.question))) or \
        bool(re.search(r"\b(what|how) should\b", fold(frame.question)))


def _by_definition(frame: Frame) -> bool:
    """The item was found by its glossary definition's words."""
    return any(note.startswith("defined as") for note in frame.notes)


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
