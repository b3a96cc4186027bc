"""What a question asks, decided from its frame by ordered rules (the first that holds wins).

Each rule is one line of intent over the frame, the intent cues found in the question, its free words
and its quoted words: specific readings (a count, a statistic of an item, a definition asked for)
come before the general ones (an item's verdict, its definition, its evidence).
"""

import re
from collections.abc import Callable

from esrkg.ask.cues import FreeWords, asks_term
from esrkg.ask.frame import DEFINITION_NOTE, Asks, Frame
from esrkg.ask.lexicon import (
    COUNTABLE,
    DROPOUT_WORDS,
    EVERY_ESTIMATE,
    FEWER,
    LIST_WORDS,
    MORE,
    NEW_WORDS,
    ORDER_CUES,
    OUTSIDE_WORDS,
    OVERVIEW_WORDS,
    RELATION_WORDS,
    SOURCE_WORDS,
    STAT_NOUNS,
    TASK_FORCE_WORDS,
    TERM_WORDS,
)
from esrkg.linking import STOPWORDS, fold

# "Which customization is about ...", "what element means ...": asks which item a description fits.
IDENTIFYING = re.compile(r"\s*(which|what)\s+(customi[sz]ation|adaptation|element|term|item|concept|characteristic)"
                         r"s?\s+(is|means|refers|describes)\b")
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
    # "What's the term for whatever keeps members coming back to a group?": the term described.
    ("mentions", lambda f, c, w, q: _by_definition(f) and asks_term(f.question) and not f.statistics and not f.levels
     and not f.polar),
    # "therapist being authentic with you - what's that called?": the item named by a search term, and what it is.
    ("definition", lambda f, c, w, q: asks_term(f.question) and len(f.items) == 1 and not _by_definition(f)
     and not f.levels and not f.statistics and not f.polar and not f.editions),
    ("mentions", lambda f, c, w, q: not (_by_definition(f) and bool(f.statistics or f.metrics)) and (
        ("mention" in c and ("glossary" in c or "define" in c or bool(q)))
        or (_by_definition(f) and w.has(TERM_WORDS)))),
    ("ranking", lambda f, c, w, q: f.ranking is not None
     and (bool(f.statistics) or bool(f.metrics) or f.ranking.field != "value" or w.has(("effect", "estimate")))),
    ("estimates", lambda f, c, w, q: bool(f.missing) and not f.no_verdict),
    # "Which elements show a weaker correlation in 2018 than in 2011?", "adaptations whose d went up".
    ("estimate_changes", lambda f, c, w, q: not f.items and not f.polar and not f.thresholds and f.ranking is None
     and bool(f.statistics or f.metrics) and (f.direction is not None or "change" in c)),
    # "Do clients who get the therapy they asked for drop out less?": the odds ratio decides, not a comparison.
    ("statistic", lambda f, c, w, q: f.polar and bool(f.items) and not f.levels and w.has(DROPOUT_WORDS)
     and w.has((*FEWER, *MORE))),
    # "Which pooled more studies, empathy or positive regard?": counts compare across estimands.
    ("comparison", lambda f, c, w, q: len(f.items) > 1 and bool(_stats(f)) and _stats(f) <= {"k", "n"}
     and not f.thresholds and ("compare" in c or w.has(("more", "fewer", "most", "fewest")))),
    ("statistic", lambda f, c, w, q: bool(_stats(f)) and not f.thresholds
     and (bool(f.items) or (bool(f.sources) and _stats(f) != {"doi"}) or "heterogeneity" in f.statistics)),
    # "What is meant by congruence or genuineness?", "define anaclitic vs introjective styles",
    # "In the 2002 definition of feedback, who gives the information?"
    ("definition", lambda f, c, w, q: "define" in c and bool(f.items or f.others) and not f.levels
     and not f.statistics and not f.metrics and not f.thresholds and not f.polar and "tailor" not in c
     and not w.has(SOURCE_WORDS) and not w.has(RELATION_WORDS)),
    # "Which customization is about how far a client has worked through ...?": the one item named.
    ("definition", lambda f, c, w, q: len(f.items) == 1 and not f.editions and not f.levels and not f.statistics
     and not f.polar and "tailor" not in c and bool(IDENTIFYING.match(fold(f.question)))),
    ("sources", lambda f, c, w, q: ("source" in c and not f.polar and not _reported_by_source(f))
     or (bool(f.sources) and not f.items and _stats(f) == {"doi"})),
    # "Which divisions made up the third task force?"
    ("task_forces", lambda f, c, w, q: not f.items and not f.levels and not f.statistics and not f.part
     and w.has(TASK_FORCE_WORDS) and "recommend" not in c),
    # "For the customizations the sheet calls promising, what effect sizes did 2018 report?"
    ("estimates", lambda f, c, w, q: bool(f.levels) and not f.items and not f.polar and bool(
        _stats(f) or f.metrics or "effect" in f.statistics) and f.ranking is None and not f.thresholds),
    # "a very reactant client ... what adaptation does the research support for that?"
    ("tailoring", lambda f, c, w, q: f.part == "adaptation" and bool(f.items) and not _claims_level(f, c)
     and not f.editions and not f.statistics and not f.polar
     and all(i.kind == "ClientCharacteristic" for i in f.items)),
    # "Which client characteristics do the demonstrably effective customizations respond to?"
    ("tailoring", lambda f, c, w, q: "tailor" in c and bool(f.levels) and not f.items and f.part == "adaptation"
     and "characteristic" in f.words and not f.polar),
    # "Which items went from insufficient research in 2002 to demonstrably effective in 2011?"
    ("items", lambda f, c, w, q: (bool(f.levels) or f.same_level) and not f.items and len(f.editions) > 1),
    # "Anything new in 2018?": reviewed then, with no verdict before.
    ("items", lambda f, c, w, q: f.no_verdict and not f.items and w.has(NEW_WORDS)),
    # "For clients who are severely impaired, what works?": the customizations tailored to them at that level.
    ("items", lambda f, c, w, q: bool(f.levels) and bool(f.items) and not f.polar
     and ("tailor" in c or w.has(("what", "which"))) and all(i.kind == "ClientCharacteristic" for i in f.items)),
    # "Is the relationship bond part of the alliance?"
    ("components", lambda f, c, w, q: any(o.kind == "AllianceComponent" for o in f.others) and not f.statistics
     and ("component" in c or w.has(("part of", "include", "includes", "included")))),
    ("relations", lambda f, c, w, q: bool(f.items) and w.has(RELATION_WORDS) and not f.statistics and not f.levels
     and not f.thresholds and not f.metrics),
    ("change", lambda f, c, w, q: bool(f.items) and _across(f, c) and (_claims_level(f, c) or _verdict_editions(f, c)
                                                                      or _changed_in(f, c))),
    ("comparison", lambda f, c, w, q: (bool(f.items) and _across(f, c) and not f.polar and not w.has(EVERY_ESTIMATE))
     or (bool(f.items) and f.polar and len(f.items) > 1 and "compare" in c)
     # "Did the collaboration correlation go down in 2018?", "Is it higher in 2018 than in 2011?"
     or (bool(f.items) and f.polar and f.direction is not None and not f.thresholds and not f.levels)),
    ("perspectives", lambda f, c, w, q: w.has(("perspective", "perspectives", "viewpoint", "viewpoints", "rater",
                                                "raters", "points of view")) or sum(o.kind == "ObservationalPerspective"
                                                                  for o in f.others) > 1),
    ("format_elements", lambda f, c, w, q: any(o.kind == "TherapyFormat" for o in f.others) and not f.items
     and not f.levels and not f.statistics and w.has(("apply", "applies", "element", "elements"))),
    ("recommendations", lambda f, c, w, q: "recommend" in c or (f.audience is not None and (
        _asks_advice(f) or (not f.items and f.part is None and not f.statistics and (f.polar or not f.levels))))
     # "what should research methodologies be able to analyse?"
     or (_asks_advice(f) and not f.items and not f.levels and not f.statistics and not f.part)),
    ("tailoring", lambda f, c, w, q: "tailor" in c and (bool(f.items) or f.part is not None)
     and not f.polar and not f.levels and not (_claims_level(f, c) and not w.has(("level of",)))
     and not (f.statistics and (f.editions or f.metrics or _stats(f)))
     and "evidence" not in c),
    ("components", lambda f, c, w, q: ("component" in c or any(o.kind == "AllianceComponent" for o in f.others))
     and not f.statistics and not f.metrics),
    ("relations", lambda f, c, w, q: "relate" in c and bool(f.items) and not f.metrics
     and not (f.statistics and f.editions)),
    ("glossary", lambda f, c, w, q: "glossary" in c and not f.items),
    ("estimates", lambda f, c, w, q: bool(f.thresholds) and not (f.levels and not f.items)),
    # ("did preferences mean more dropouts?": "mean" is a verb of a claim about an estimate)
    ("definition", lambda f, c, w, q: "define" in c and (bool(f.items) or bool(f.others))
     and not (f.polar and bool(f.statistics))),
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


def _changed_in(frame: Frame, cues: set[str]) -> bool:
    """'Did empathy get downgraded in 2011?': a change of verdict in one edition, against the one before."""
    return len(frame.editions) == 1 and "change" in cues and not frame.statistics and not frame.metrics and bool(
        frame.verdict_editions)


def _asks_advice(frame: Frame) -> bool:
    """'Should researchers ...?', 'what should clinicians do ...'."""
    return bool(re.search(r"\b(should|ought)\b", fold(frame.question)))


# "what d does the source give", "which CI did the paper report": the source is who reports, not what is asked.
REPORTING_SOURCE = re.compile(r"\b(the|its|their) (source|sources|paper|article|review|meta analysis|authors?) "
                              r"(give|gives|gave|report|reports|reported|say|says|said|print|prints|printed|state|"
                              r"states|stated|list|lists|listed)\b")


def _reported_by_source(frame: Frame) -> bool:
    """A statistic asked of what a source reports: the statistic is asked, not the source."""
    return bool(frame.metrics or _stats(frame)) and bool(REPORTING_SOURCE.search(fold(frame.question)))


def _by_definition(frame: Frame) -> bool:
    """The item was found by its glossary definition's words."""
    return any(note.startswith(DEFINITION_NOTE) for note in frame.notes)


def _verdict_editions(frame: Frame, cues: set[str]) -> bool:
    """A change between editions that both have per-item verdicts, asked without words for statistics."""
    return not frame.statistics and not frame.metrics and (
        not frame.editions or len(frame.verdict_editions) == len(frame.editions) > 1)


def decide(frame: Frame, cues: set[str], free: FreeWords, quotes: list[str]) -> Asks:
    """What the question asks: the first rule of :data:`ASKS_RULES` that holds; nothing when most of
    its words are outside what esrkg knows ('DSM-5 diagnostic criteria for borderline personality
    disorder' names one item, but asks about something else)."""
    content = [w for w in frame.words if w not in STOPWORDS and not w.isdigit()]
    if not frame.items and frame.words & OUTSIDE_WORDS:
        return "unknown"  # "what dose of sertraline ...?", "is CBT better than ...?": outside the sources
    if len(frame.unexplained) >= 3 and len(frame.unexplained) * 2 > len(content) and not _by_definition(frame):
        return "unknown"
    for asks, rule in ASKS_RULES:
        if rule(frame, cues, free, quotes):
            return asks
    return "unknown"
