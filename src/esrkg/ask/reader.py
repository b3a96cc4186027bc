"""Read a question into a :class:`Frame`: the concepts it names, its constraints, and what it asks.

Reading happens in three steps: entity linking (concepts from the graph's names, and glossary
terms found by their definitions), constraints (editions, levels, thresholds, rankings, order,
negation, statistics, metrics, the part of the review), and the decision of what is asked, by the
ordered rules of :data:`esrkg.ask.rules.ASKS_RULES`.
"""

import re
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from esrkg.ask.context import AskContext
from esrkg.ask.cues import (
    FreeWords,
    asks_term,
    count_word,
    exact_values,
    phrase_tokens,
    quoted,
    spelled_numbers,
    thresholds,
)
from esrkg.ask.descriptions import DescriptionMatcher
from esrkg.ask.frame import DEFINITION_NOTE, EditionMode, Frame, LevelConstraint, LevelCue, Order, Ranking, Threshold
from esrkg.ask.lexicon import (
    ABSENT_VERDICT_WORDS,
    AT_LEAST,
    AT_MOST,
    BELOW_LEVEL,
    COUNTABLE,
    DOMAIN_WORDS,
    EDITION_CUES,
    EVERY_ESTIMATE,
    EXCLUDING,
    FORMAT_BRIDGES,
    INSUFFICIENT_PHRASES,
    INTENT_CUES,
    LEVEL_CUES,
    LIST_WORDS,
    METRIC_CUES,
    NARROWER_WORDS,
    NEGATION,
    NEW_WORDS,
    NOT_SIGNIFICANT,
    OR_BETTER_AFTER,
    OR_BETTER_BEFORE,
    ORDER_CUES,
    ORDINALS,
    OUTSIDE_WORDS,
    OVERVIEW_WORDS,
    PART_CUES,
    RANK_FIELD,
    RANK_MAX,
    RANK_MIN,
    RELATION_WORDS,
    SIGNIFICANCE_LEVEL,
    SOURCE_WORDS,
    STATISTIC_CUES,
    TAG_QUESTIONS,
    TASK_FORCE_WORDS,
    TERM_WORDS,
    ZERO_IN_CI,
    Part,
    cue_groups,
)
from esrkg.ask.rules import decide
from esrkg.ask.shape import asks_yes_or_no, is_polar, then_asks_what
from esrkg.kinds import item_kinds
from esrkg.linking import (
    STOPWORDS,
    Concept,
    LabelIndex,
    Mention,
    content_words,
    fold,
    words,
)

ITEM_KINDS = item_kinds()
ALLIANCE_CONTEXT = ("alliance", "component", "components", "part of", "consist", "consists", "made up", "make up",
                    "include", "includes", "measured")
WEAK_KINDS = {
    "ObservationalPerspective": ("perspective", "perspectives", "rater", "raters", "observational", "viewpoint",
                                 "agreement among", "points of view"),
    "AllianceComponent": ALLIANCE_CONTEXT,
    "TherapyFormat": ("alliance", "cohesion", "therapy", "psychotherapy", "format", "formats", "setting"),
}
FORMAT_NOUNS = ("work", "session", "setting", "format", "treatment", "counseling", "counselling", "modality")
ESTIMATE_ASKS = ("statistic", "estimates", "ranking", "comparison", "evidence")
LEVEL_OF = {"top": "top", "probably": "probably", "promising": "promising", "insufficient": "insufficient",
            "bottom": "bottom"}


def _kind_of(mention: Mention) -> str:
    return mention.concept.kind


class Reader:
    """Reads questions against one graph's context."""

    def __init__(self, context: AskContext, index: LabelIndex) -> None:
        self.context = context
        self.index = index
        self.descriptions = DescriptionMatcher(context.glossary, index.cue_words)

    # --- entity linking -------------------------------------------------------------------

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
            # "group work", "couples sessions": the format named by the noun right after it.
            # (Anywhere the format's word recurs: "we run a lot of groups - ... specific to group work?")
            format_noun = mention.concept.kind == "TherapyFormat" and any(
                p + 1 < len(tokens) and tokens[p + 1] in FORMAT_NOUNS and tokens[p] in mention.used
                for p in range(len(tokens)))
            # "the original 2002 group", "fitting treatment to the individual": a panel, a person, not a format.
            as_noun = mention.concept.kind == "TherapyFormat" and any(
                p > 0 and (tokens[p - 1] in ("the", "this", "that", "original", "expert", "whole", "entire")
                           or re.fullmatch(r"(19|20)\d\d", tokens[p - 1])) for p in mention.positions)
            if weak and not format_noun and (in_task_force or (as_noun and not named_alongside)
                                             or (not free.has(context_words) and not named_alongside)):
                # A name shared with a concept of another kind ("therapists": an audience too) goes to it.
                other = next((c for c in mention.alternates if c.kind not in WEAK_KINDS), None)
                names_item = any(m.concept.kind in ITEM_KINDS for m in mentions)
                if other is not None and not in_task_force and not names_item:
                    kept.append(Mention(other, mention.name, mention.used, mention.positions))
                    continue
                returned.extend((p, tokens[p]) for p in mention.positions)
                continue
            if format_noun:  # "work" in "group work" is the format's, not "what works"
                nouns = {p + 1 for p in mention.positions}
                returned = [item for item in returned if item[0] not in nouns]
            kept.append(mention)
        return kept, FreeWords(tuple(sorted(returned)))

    # --- the frame ------------------------------------------------------------------------

    def read(self, question: str) -> Frame:
        """The frame of a question (never raises)."""
        linked = self.index.link(question)
        mentions, free = self._in_context(linked.mentions, FreeWords(linked.free), linked.tokens)
        # Thresholds are read from the question's own text (it keeps ".3" and "1,000"), typos corrected.
        corrected = spelled_numbers(
            re.sub(r"[A-Za-z]+", lambda m: self.index.correct_surface(m.group().lower()), question))
        limits, spans = thresholds(corrected)
        if then_asks_what(corrected):
            # "The authors say p < .001. What p-value was actually printed?": a statement before the question is
            # a premise; its conditions do not constrain the answer.
            cuts = [0, *(m.end() for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Za-z])", corrected)), len(corrected)]
            statements = [(low, high) for low, high in pairwise(cuts)
                          if corrected[low:high].rstrip().endswith((".", "!"))]
            limits = [limit for limit, (start, _) in zip(limits, spans, strict=True)
                      if not any(low <= start < high for low, high in statements)]
        for start, end in spans:
            free = free.without([corrected[start:end]])
        definition_term = None
        items = [m for m in mentions if _kind_of(m) in ITEM_KINDS]
        # A term described by its definition's words: when no item is named, or only by one stray word
        # of a longer name ("... the client's experience without conditions").
        if all(_stray(m) for m in items):
            without_strays = FreeWords(tuple(sorted([*free.items, *((p, linked.tokens[p]) for m in items
                                                                   for p in m.positions)])))
            entry, shared = self.descriptions.match(without_strays.tokens, asks_term(question))
            if entry is not None:
                definition_term = Concept(entry.iri, self.context.items[entry.iri].kind
                                          if entry.iri in self.context.items else "GlossaryTerm", entry.label)
                free = FreeWords(tuple(item for item in without_strays.items if item[1] not in shared))
                mentions = [m for m in mentions if m not in items]
        limit_positions = [len(fold(corrected[:start]).split()) for start, _ in spans]
        return self._frame(question, mentions, free, limits, definition_term, limit_positions)

    def _frame(self, question: str, mentions: list[Mention], free: FreeWords, limits: list[Threshold],
               definition_term: Concept | None, limit_positions: list[int] | None = None) -> Frame:
        tokens = tuple(words(question))
        free = free.without(("e g", "i e"))  # "e.g.", "i.e.": no Hedges' g
        # "other than culture", "apart from the bond": a concept named right after such words is left out.
        excluding = [p for p, _ in free.find(EXCLUDING)]
        # ("Leaving the alliance ones aside, ...": the same, with "aside" after the name.)
        asides = [p for p, _ in free.find(("aside",))]
        excluded = [m for m in mentions if (any(0 < m.start - p <= 3 for p in excluding) or any(
            0 < p - max(m.positions) <= 2 for p in asides)) and m.concept.kind in (*ITEM_KINDS, "AllianceComponent",
                                                                                "TherapyFormat")]
        # "not specific to group work", "not for couples": a therapy format right after a negation is left out,
        # and the negation is spent on it (it negates no level).
        negating = {p for p, _ in free.find(("not", "non", "nt", "isnt", "arent"))}
        for mention in (m for m in mentions if m.concept.kind == "TherapyFormat" and m not in excluded):
            spent = {p for p in negating if 0 < mention.start - p <= 4
                     and set(tokens[p + 1:mention.start]) <= FORMAT_BRIDGES}
            if spent:
                excluded.append(mention)
                between = set(range(min(spent), mention.start))
                free = FreeWords(tuple(item for item in free.items if item[0] not in between))
        mentions = [m for m in mentions if m not in excluded]
        of_kind = {kind: [m for m in mentions if _kind_of(m) == kind] for kind in {_kind_of(m) for m in mentions}}
        item_mentions = sorted((m for m in mentions if _kind_of(m) in ITEM_KINDS), key=lambda m: m.start)
        # "bipolar disorder": an item named by one stray word beside a word from outside the sources is not named.
        if set(tokens) & OUTSIDE_WORDS:
            item_mentions = [m for m in item_mentions if not _stray(m)]
        # "client factors (things like gender)": an item given as an example of a part is not a constraint.
        if any(free.has(cues) for cues in PART_CUES.values()):
            item_mentions = [m for m in item_mentions if not _an_example(m, tokens)]
        items = self._narrow([m.concept for m in item_mentions], of_kind.get("TherapyFormat", []),
                             _set_apart(item_mentions, tokens))
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
        negation_free = free.without((*INSUFFICIENT_PHRASES, *NOT_SIGNIFICANT, *TAG_QUESTIONS))
        negations = negation_free.find(NEGATION)
        # "(not the adaptations)": a negation spent on a part of the review leaves that part out.
        left_out_parts = {part for part, cues in PART_CUES.items() for p, _ in negations
                          if any(0 < q - p <= 2 for q, _ in free.find(cues))}
        negations = [(p, w) for p, w in negations if not any(
            0 < q - p <= 2 for part in left_out_parts for q, _ in free.find(PART_CUES[part]))]
        negated = bool(negations)
        # "elements the 2011 task force found demonstrably effective, with a 2018 estimate above .2": the
        # edition named nearest before a threshold is the estimates'; levels then belong to another.
        estimate_editions = {_nearest_before(p, edition_positions) for p in (limit_positions or [])} - {None}
        levels = self._levels(of_kind.get("EvidenceLevel", []), free, insufficient, negations, edition_positions,
                              editions, edition_mode, bool(limits), estimate_editions, tokens)
        # "a means of adaptation" does not ask what something means.
        # ("I've got a client who ..." gets nothing; "in plain words" mentions no word.)
        scanned = free.without(("means of adaptation", "means of adapting", "by means of", "ve got", "have got",
                                "has got", "in plain words", "in simple words", "in other words",
                                "in your own words", "in a few words")).scan({
            **{f"intent:{k}": v for k, v in INTENT_CUES.items()},
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
        # "d equivalent" names a statistic, not the metric d.
        metric_free = free.without(STATISTIC_CUES["d_equivalent"])
        metrics = [m for m, cues in METRIC_CUES.items() if metric_free.has(cues)]
        if free.has(EVERY_ESTIMATE):
            metrics = []  # "all estimates ..., odds ratios included": a metric named is not a restriction
        if free.has(NOT_SIGNIFICANT) and not is_polar(question):
            statistics = [s for s in statistics if s != "p"]  # a condition on p, not a p asked for
        if "d" in metrics and any(metric == "r" for metric, _ in exact_values(question)):
            # "The adult alliance r was .275 - what d does the source give?": the r's d equivalent.
            metrics = [m for m in metrics if m != "d"]
            statistics = [*statistics, "d_equivalent"]
        elif {"r", "d"} <= set(metrics) and "d_equivalent" not in statistics and len(items) == 1:
            # "credibility - r, d and heterogeneity", "the r and the d it converts to": an r's d is its
            # d equivalent (an item with d estimates keeps them: both metrics stay).
            statistics = [*statistics, "d_equivalent"]
        limits = limits + self._word_limits(free)
        # "the lowest evidence tier" names a level, not a ranking of estimates.
        ranking = self._ranking(free.without(phrase for group in LEVEL_CUES.values() for phrase in group), tokens)
        stages = [m.concept for m in sorted(mentions, key=lambda m: m.start)
                  if _kind_of(m) in ("StageOfChange", "AssimilationStage")]
        sequence = self._sequence(free, items)
        order = self._order(free, tokens, question) if stages or sequence else None
        if order is not None and not stages and order.relation == "all" and not (
                free.has(ORDER_CUES["in_order"]) or free.has(("what are", "list", "name", "stage", "step", "phase"))
                or tokens[:2] == ("what", "are")):
            order = None  # "what is stages of change?" asks what it means
        parts: list[Part] = [p for p, cues in PART_CUES.items() if free.has(cues) and p not in left_out_parts]
        # "elements and adaptations", "both elements and customizations": the whole review.
        part = parts[0] if len(parts) == 1 or parts == ["adaptation", "characteristic"] else None
        missing = self._missing(negation_free, negations, statistics)
        absent = self._absent_editions(free, negations, edition_positions, levels, of_kind.get("Edition", []))
        if len(editions) == 1 and not items and not limits and free.has(NEW_WORDS):
            # "anything new in 2018?": reviewed then, with no verdict of any edition before it.
            named = self.context.edition(editions[0])
            absent = [e.iri for e in self.context.editions if named and e.position < named.position] or None
        no_verdict = absent is not None
        same_level = free.has(("same verdict", "same rating", "same level", "same category", "unchanged",
                               "kept their", "kept the same"))
        cues = {group.split(":", 1)[1] for group in scanned if group.startswith("intent:")}
        if re.match(r"\s*where\b.*\b(from|come from|comes from)\s*$", fold(question)):
            cues.add("source")  # "where is the adult alliance r of .278 from?"
        if re.search(r"\btells?\b.*\bto do\b", fold(question)):
            cues.add("recommend")  # "what does the sheet tell researchers to do?"
        if re.search(r"\bwhat (does|do) (it|that|this) mean\b", fold(question)):
            cues.discard("tailor")  # "what does it mean for a client to be resistant?" asks a definition
        if re.match(r"\s*what (does|do|did|is) .+ (refer|refers|referring) to\b", fold(question)):
            cues.add("define")  # "what does functional impairment refer to?" asks its meaning, not its mentions
            cues.discard("mention")
        polar = asks_yes_or_no(question, choice=len(items) > 1 and "or" in tokens, names_item=bool(items),
                               states_level=bool(levels) and not statistics)
        direction: Literal["up", "down"] | None = None
        if free.has(("up", "rise", "rose", "grow", "grew", "increase", "increased", "higher", "bigger", "larger",
                     "stronger", "climb", "climbed")):
            direction = "up"
        elif free.has(("down", "shrink", "shrank", "fall", "fell", "decrease", "decreased", "lower", "smaller",
                       "weaker", "drop", "dropped", "decline", "declined")):
            direction = "down"
        words_left = frozenset(t for t in free.tokens if t not in STOPWORDS)
        known = _known_words() | set(self.index.vocabulary)
        unexplained = frozenset(w for w in words_left if w not in known and not w.isdigit())
        frame = Frame(
            question=question, asks="unknown", polar=polar, statistics=tuple(statistics), items=tuple(items),
            part=part, editions=tuple(editions), edition_mode=edition_mode, levels=tuple(levels),
            thresholds=tuple(limits), missing=tuple(missing), no_verdict=no_verdict, negated=negated,
            metrics=tuple(metrics), ranking=ranking, order=order, stages=tuple(stages),
            # One audience named: its recommendations; both ("practitioners and researchers"): all of them.
            audience=self._audience([m for m in of_kind.get("Audience", []) if not _a_person(m, question)], free),
            excluded=tuple(m.concept for m in excluded),
            # "Constantino et al. (2018)" names two publications: both, until the question tells them apart.
            sources=tuple(dict.fromkeys(c for m in of_kind.get("Source", []) for c in (
                m.concept, *(a for a in m.alternates if a.kind == "Source")))),
            others=tuple(m.concept for m in mentions if _kind_of(m) in
                         ("AllianceComponent", "TherapyFormat", "ObservationalPerspective")),
            words=words_left, unexplained=unexplained, direction=direction, same_level=same_level,
            on_sheet=free.has(("sheet", "info sheet", "listed")),
            narrower_only=bool(items) and free.has(NARROWER_WORDS),
            absent_editions=tuple(absent or ()),
            notes=(f"{DEFINITION_NOTE} {definition_term.label}",) if definition_term else (),
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
        an item related to it (skos:related) or broader than it has ('self-disclosure' in 2018: its estimate is
        on self-disclosure and immediacy), the question is about that one; the reading says so."""
        if frame.asks not in ESTIMATE_ASKS or not frame.editions or not frame.items:
            return frame
        items, notes, continuations = [], list(frame.notes), []
        for item in frame.items:
            info = self.context.items.get(item.iri)
            broader = [r for r in (info.within if info else ()) if r != item.iri]
            related = [self.context.items[r] for r in (*(info.related if info else ()), *broader)
                       if r in self.context.items]
            reported = self._reported_in(item.iri) & set(frame.editions)
            lacking = set(frame.editions) - reported
            substitute = next((r for r in related if self._reported_in(r.iri) & lacking), None)
            if reported:
                items.append(item)
            if substitute is None:
                if not reported:
                    items.append(item)
                continue
            items.append(Concept(substitute.iri, substitute.kind, substitute.label))
            if reported:
                continuations.append(substitute.iri)  # the same question, carried on by the related item
            how = "broader" if substitute.iri in broader else "related"
            notes.append(f"{item.label} has no estimate in {'one of the editions' if reported else 'the edition'}"
                         f" named; its {how} item {substitute.label} has")
        return frame.but(items=tuple(dict.fromkeys(items)), notes=tuple(notes), continuations=tuple(continuations))

    def _audience(self, mentions: list[Mention], free: FreeWords) -> Concept | None:
        """The audience named; none (all recommendations) when several are named together."""
        audiences = list(dict.fromkeys(m.concept for m in sorted(mentions, key=lambda m: m.start)))
        if len(audiences) > 1 and free.has(("and", "both", "combined", "together", "all", "or", "either")):
            return None
        return audiences[0] if audiences else None

    def _narrow(self, items: list[Concept], formats: list[Mention], apart: frozenset[str] = frozenset()) -> \
            list[Concept]:
        """'alliance' + 'individual therapy' -> the alliance in individual psychotherapy; the adaptation
        named after a characteristic is kept with it only when nothing else is named."""
        if formats:
            # In the question's order, whatever order the graph gives ("weaker for children than for adults"
            # names the children's alliance first).
            formats = sorted(formats, key=lambda m: m.start)
            narrowed = []
            for concept in items:
                match = [info for m in formats for info in self.context.items.values()
                         if concept.iri in info.within and m.concept.iri in info.formats]
                narrowed.append(Concept(match[0].iri, match[0].kind, match[0].label) if match else concept)
            # "the alliance in individual therapy or in couple and family therapy": a format no named item
            # has gives the item of that format beside a named one (same broader item).
            covered = {f for c in narrowed if c.iri in self.context.items for f in self.context.items[c.iri].formats}
            for fmt in (m.concept.iri for m in formats if m.concept.iri not in covered):
                broader = {b for c in narrowed if c.iri in self.context.items for b in self.context.items[c.iri].within
                           if b != c.iri}
                sibling = next((info for info in self.context.items.values()
                                if fmt in info.formats and broader & set(info.within)), None)
                if sibling is not None:
                    narrowed.append(Concept(sibling.iri, sibling.kind, sibling.label))
            items = narrowed
        # Drop a broader item when a narrower one is named too ("matching directiveness ... resistance"),
        # unless the question sets them apart ("ethnicity in 2002 versus culture in 2011").
        kept = [c for c in items if c.iri in apart or not any(
            o.iri != c.iri and o.iri in self.context.items and c.iri in self.context.items[o.iri].within
            for o in items)]
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
                mode: str, with_thresholds: bool, estimate_editions: set[str | None] | None = None,
                tokens: tuple[str, ...] = ()) -> list[LevelConstraint]:
        found: list[tuple[int, LevelCue, str | None]] = []
        for mention in mentions:
            found.append((mention.start, level_cue(mention.concept.label, mention.name), mention.concept.iri))
        cue_of = {phrase: cue for cue, phrases in LEVEL_CUES.items() for phrase in phrases}
        for position, phrase in free.find(cue_of):  # one scan: the longest phrase wins ("not yet proven")
            if phrase in ("work", "works") and 0 < position <= len(tokens) and tokens[position - 1] in (
                    "the", "of", "this", "our", "my", "your", "their", "at", "group", "couple", "family"):
                continue  # "part of the work", "group work": the noun, not "what works"
            if not any(abs(position - p) <= 2 for p, _, _ in found):
                found.append((position, LEVEL_OF[cue_of[phrase]], None))  # type: ignore[arg-type]
        merged: list[tuple[int, LevelCue, str | None]] = []
        for position, cue, level in sorted(found):
            if merged and {cue, merged[-1][1]} == {"insufficient", "promising"} and position - merged[-1][0] <= 6:
                merged[-1] = (merged[-1][0], "promising-insufficient", None)
                continue
            if merged and cue == "top" and merged[-1][1] in ("insufficient", "promising-insufficient") and \
                    position - merged[-1][0] <= 6 and free.has(("count as", "qualify as", "to be called")):
                continue  # "lacking enough research to count as proven": what it lacks, not a second level
            merged.append((position, cue, level))
        better_before = [p for p, _ in free.find(OR_BETTER_BEFORE)]
        below_before = [p for p, _ in free.find(BELOW_LEVEL)]
        better_after = [p for p, _ in free.find(OR_BETTER_AFTER)]
        constraints = []
        starts = [position for position, _, _ in merged]
        for index, (position, cue, level) in enumerate(merged):
            negated = any(0 <= position - p <= 4 for p, _ in negations)
            following = starts[index + 1] if index + 1 < len(starts) else 10 ** 6
            # Levels belong to one edition each when several are named and there are several levels, or
            # thresholds that hold in another edition ("demonstrably effective in 2011 with a 2018 r > .3").
            edition = _edition_of(position, following, edition_positions, tokens) \
                if len(editions) > 1 and mode == "named" and (len(merged) > 1 or with_thresholds) else None
            if edition is not None and estimate_editions and edition in estimate_editions:
                edition = next((e for e in editions if e not in estimate_editions), edition)
            or_better = any(0 < position - p <= 2 for p in better_before) or any(
                0 < p - position <= 5 and p < following for p in better_after)
            below = any(0 < position - p <= 2 for p in below_before)
            constraints.append(LevelConstraint(cue, level, edition, negated and not or_better and not below,
                                               or_better, below))
        return constraints

    def _word_limits(self, free: FreeWords) -> list[Threshold]:
        limits = []
        if free.has(("negative", "below zero", "less than zero", "inverse", "inversely", "most negative")):
            limits.append(Threshold("value", "<", Decimal(0)))
        if free.has(ZERO_IN_CI):
            limits.append(Threshold("zero_in_ci", "includes"))
        if free.has(NOT_SIGNIFICANT):
            limits.append(Threshold("significance", ">=", SIGNIFICANCE_LEVEL))
        if free.has(("positive",)) and free.has(("weakest", "smallest", "lowest")):
            limits.append(Threshold("value", ">", Decimal(0)))
        return limits

    def _ranking(self, free: FreeWords, tokens: tuple[str, ...]) -> Ranking | None:
        free = free.without((*AT_LEAST, *AT_MOST, "least one"))  # "at least one estimate" ranks nothing
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
        explicit = re.search(r"\btop\s+(\d+|two|three|four|five|six|seven|eight|nine|ten)\b", " ".join(tokens))
        # "the three 2018 elements with the highest r": a count a few words before the ranking word.
        ordinal = ("first", "second", "third", "fourth", "fifth")
        leading = [count_word(tokens, i + 1) for i in range(max(0, position - 8), max(0, position - 2))
                   if tokens[i] in ("the", "which", "what") and tokens[i + 1] not in ordinal]
        leading_count = next((n for n in leading if n is not None and 1 < n < 50), None)
        if explicit:
            count = int(explicit.group(1)) if explicit.group(1).isdigit() else ORDINALS[explicit.group(1)]
        elif leading_count is not None:
            count = leading_count
        elif free.has(("rank", "order", "sort", "sorted", "largest to smallest", "highest first", "by size",
                       "smallest to largest", "lowest first")):
            count = None
        field = next((f for f, cues in RANK_FIELD.items() if free.has(cues)), "value")
        return Ranking(direction, count, field, offset)  # type: ignore[arg-type]

    def _sequence(self, free: FreeWords, items: list[Concept]) -> bool:
        return any(i.iri in self.context.stages for i in items) or free.has(("apes", "transtheoretical"))

    def _order(self, free: FreeWords, tokens: tuple[str, ...], question: str) -> Order:
        span = re.search(r"\bstages?\s+(\d)\s*(?:to|-|through|thru|and|until)\s*(\d)\b", question.lower())
        if span:
            return Order("position", position=int(span.group(1)), upto=int(span.group(2)))
        number = re.search(r"\bstage\s+(\d)\b", question.lower())
        if number:
            return Order("position", position=int(number.group(1)))
        # "the fourth stage": the n-th in order (count 1 marks an ordinal, not stage number n).
        ordinal = re.search(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|1st|2nd|3rd|[4-8]th)\s+"
                            r"(?:stage|step|phase)\b", fold(question))
        if ordinal and not free.has(("first two", "first three", "last two")):
            written = ordinal.group(1)
            nth = ORDINALS.get(written) or int(re.sub(r"\D", "", written) or 0) or \
                {"sixth": 6, "seventh": 7, "eighth": 8}.get(written, 1)
            return Order("position", count=1, position=nth)
        count = None
        if free.has(("first to last", "start to finish", "beginning to end")):
            return Order("all")
        relations: tuple[Literal["reverse", "between", "after", "before", "first", "last"], ...] = (
            "reverse", "between", "after", "before", "first", "last")
        for relation in relations:
            found = free.find(ORDER_CUES[relation])
            if found:
                position = found[0][0]
                # "two steps after contemplation": the stage that far away, not the next two.
                if relation in ("after", "before") and position >= 2 and tokens[position - 1] in (
                        "step", "stage", "place", "position", "phase"):
                    offset = count_word(tokens, position - 2)
                    if offset:
                        return Order(relation, offset=offset)
                for index in (position + 1, position + 2):
                    count = count_word(tokens, index) or count
                return Order(relation, count=count)
        return Order("all")

    def _missing(self, free: FreeWords, negations: list[tuple[int, str]], statistics: list[str]) -> list[str]:
        """Statistics the question asks to be absent: 'lack a CI', 'without an effect size', 'no doi'."""
        if not negations:
            return []
        absent = []
        # One scan: the longest phrase wins ("d equivalent" is not the metric d).
        found = free.scan({**STATISTIC_CUES, "doi": ("doi",)})
        for statistic, hits in found.items():
            if any(0 <= position - p <= 3 for position, _ in hits for p, _ in negations):
                absent.append(statistic)
        return list(dict.fromkeys(absent))


def _after_preposition(position: int, tokens: tuple[str, ...]) -> bool:
    """'in 2011', 'by the 2011 task force': an edition attached by a preposition."""
    prepositions = ("in", "by", "for", "from", "during", "of", "to")
    before = tokens[position - 1] if position >= 1 else ""
    return before in prepositions or (before == "the" and position >= 2 and tokens[position - 2] in prepositions)


def _nearest_before(position: int, positions: list[tuple[int, str]], reach: int = 10) -> str | None:
    """The edition named closest before a position, within a few words."""
    before = [(p, iri) for p, iri in positions if 0 < position - p <= reach]
    return before[-1][1] if before else None


def _set_apart(mentions: list[Mention], tokens: tuple[str, ...]) -> frozenset[str]:
    """Items the question names as separate things: a separator ('versus', 'or', 'and', 'than') stands
    between them and the item named before."""
    apart = set()
    for earlier, later in pairwise(mentions):
        between = set(tokens[max(earlier.positions) + 1:later.start])
        if between & {"versus", "vs", "or", "and", "than", "compared", "against"}:
            apart |= {earlier.concept.iri, later.concept.iri}
    return frozenset(apart)


PERSON_NOUNS = frozenset(("therapist", "clinician", "practitioner", "researcher", "scientist", "investigator",
                          "counselor", "counsellor", "psychologist"))


def _an_example(mention: Mention, tokens: tuple[str, ...]) -> bool:
    """'things like gender', 'such as culture', 'e.g. empathy': the item illustrates, it does not restrict."""
    before = tokens[max(0, mention.start - 2):mention.start]
    return bool(set(before) & {"like", "e", "g", "eg", "example", "instance"}) or before[-2:] == ("such", "a")


def _a_person(mention: Mention, question: str) -> bool:
    """'the therapist points out ...', 'a therapist who ...': one person in a description, not an audience
    of the recommendations ('what should therapists do?')."""
    written = fold(question).split()
    first = min(mention.positions)
    advice = ("should", "ought", "must", "need", "needs")
    advised = (first + 1 < len(written) and written[first + 1] in advice) or (
        first >= 2 and written[first - 2] in advice)
    return 0 < first < len(written) and not advised and written[first] in PERSON_NOUNS and written[first - 1] in (
        "the", "a", "an", "your", "their", "my", "his", "her", "our")


def _stray(mention: Mention) -> bool:
    """An item named by one word of a longer name only (a rare word such as 'problematic')."""
    return len(mention.used) == 1 and len(content_words(mention.concept.label)) > 1


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


def _edition_of(position: int, following: int, positions: list[tuple[int, str]],
                tokens: tuple[str, ...] = ()) -> str | None:
    """The edition a level constraint belongs to: one named right before it ("2011 demonstrably effective
    elements"); one named after it with a preposition, before the next constraint ("insufficient research
    in 2002 to demonstrably effective in 2011"); else the nearest ("the 2002 sheet had as promising ...
    that the 2011 task force rated ...")."""
    just_before = [iri for p, iri in positions if p == position - 1]
    if just_before:
        return just_before[0]
    after = [(p, iri) for p, iri in positions if position < p < following]
    if after and (not tokens or _after_preposition(after[0][0], tokens)):
        return after[0][1]
    before = [(p, iri) for p, iri in positions if p < position]
    if after and before:
        return after[0][1] if after[0][0] - position < position - before[-1][0] else before[-1][1]
    chosen = after or before[-1:]
    return chosen[0][1] if chosen else None


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Every word the reader gives a meaning to: the lexicon's cues, the reader's own phrase lists and
    the domain words. A question's other words (beyond the graph's names) are unexplained."""
    groups = [*cue_groups(), *WEAK_KINDS.values(), BELOW_LEVEL, RELATION_WORDS, LIST_WORDS, OVERVIEW_WORDS,
              TERM_WORDS, SOURCE_WORDS, TASK_FORCE_WORDS, NARROWER_WORDS, ABSENT_VERDICT_WORDS, FORMAT_NOUNS,
              tuple(FORMAT_BRIDGES)]
    return frozenset(w for group in groups for cue in group for w in phrase_tokens(cue)) | DOMAIN_WORDS
