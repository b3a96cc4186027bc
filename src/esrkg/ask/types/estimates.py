"""Questions about estimates: a statistic of an item, estimates that pass thresholds or lack a
statistic, rankings, comparisons across editions or items (like with like only), and yes/no
checks of significance, sign or size."""

import dataclasses
import re
from decimal import Decimal

from esrkg.ask.context import AskContext, EditionInfo
from esrkg.ask.cues import exact_values, quoted_interval, says
from esrkg.ask.frame import STATISTIC_NAMES, Frame, Threshold
from esrkg.ask.lexicon import DROPOUT_WORDS, EVERY_ESTIMATE, FEWER, MORE, SIGNIFICANCE_LEVEL
from esrkg.ask.result import Answer, answer
from esrkg.ask.sparql_builder import Select, iri, number, text
from esrkg.ask.types.base import (
    Composed,
    QuestionType,
    Row,
    Worded,
    bind_editions,
    bind_items,
    bind_metrics,
    edition_note,
    editions_with,
    estimate_select,
    item_names,
    join,
    named_editions,
)
from esrkg.ask.types.wording import estimate_answer, estimate_line
from esrkg.linking import words

ALL_EDITIONS = "no edition named: every edition that reported estimates"
# Words of estimate descriptions that never single out one estimate of an item.
GENERIC = frozenset(words("outcome outcomes effect effects correlation size sizes estimate meta analysis "
                          "treatment therapy and vs with of the when their get"))
SIGNIFICANCE = SIGNIFICANCE_LEVEL
COMPARATIVES = frozenset(words("larger bigger stronger higher greater more smaller weaker lower less better worse"))
SINGULAR = {"effect": "pooled effect size", "ci": "95% confidence interval", "p": "p-value",
            "k": "number of studies (k)", "n": "sample size (N)", "d_equivalent": "d equivalent",
            "heterogeneity": "heterogeneity (I², Q)", "doi": "DOI"}

_FIELD_EXPRESSION = {
    "value": "?value", "k": "?k", "i2": "?i2", "ci_low": "?ciLow", "ci_high": "?ciHigh", "p": "?p",
    "d_equivalent": "?dEquivalentValue",
}
_FIELD_PATTERN = {
    "value": "?estimate esr:value ?value ; esr:metric ?metric .",
    "k": "?estimate esr:studyCount ?k .",
    "i2": "?estimate esr:heterogeneity ?i2Node . ?i2Node a obo:STATO_0000420 ; esr:numericValue ?i2 .",
    "ci_low": "?estimate esr:confidenceInterval/esr:lowerLimit ?ciLow .",
    "ci_high": "?estimate esr:confidenceInterval/esr:upperLimit ?ciHigh .",
    "p": "?estimate esr:pValue/esr:numericValue ?p .",
    "d_equivalent": "?estimate esr:dEquivalent/esr:numericValue ?dEquivalentValue .",
}
_MISSING_PATTERN = {
    "ci": "?estimate esr:confidenceInterval ?anyCi", "p": "?estimate esr:pValue ?anyP",
    "k": "?estimate esr:studyCount ?anyK", "n": "?estimate esr:sampleSize|esr:sampleSizeLowerBound ?anyN",
    "d_equivalent": "?estimate esr:dEquivalent ?anyD", "heterogeneity": "?estimate esr:heterogeneity ?anyH",
    "doi": "?estimate dcterms:source/bibo:doi ?anyDoi", "effect": "?estimate esr:value ?anyValue",
}
PART_KINDS = {"element": ["RelationshipElement"], "adaptation": ["Adaptation", "ClientCharacteristic"],
              "characteristic": ["ClientCharacteristic", "Adaptation"]}


def threshold_filters(select: Select, limits: tuple[Threshold, ...], estimate: str = "?estimate") -> None:
    """FILTERs for thresholds, with their numbers bound as typed literals in VALUES."""
    for index, limit in enumerate(limits):
        bound = f"t{index}"
        if limit.field == "significance":
            _significance_filter(select, limit, index, estimate)
            continue
        if limit.field == "zero_in_ci":
            select.where(f"{estimate} esr:confidenceInterval ?zeroCi{index} .",
                         f"?zeroCi{index} esr:lowerLimit ?zeroLow{index} ; esr:upperLimit ?zeroHigh{index} .")
            select.filter(f"?zeroLow{index} <= 0 && ?zeroHigh{index} >= 0")
            continue
        if limit.field == "n":
            # A bound ("more than 14,000") passes a lower threshold; it can never pass an upper one.
            select.optional(f"{estimate} esr:sampleSize ?nExact{index}",
                            f"{estimate} esr:sampleSizeLowerBound ?nBound{index}")
            expression = f"COALESCE(?nExact{index}, ?nBound{index})" if limit.op in (">", ">=", "between") \
                else f"?nExact{index}"
            select.filter(f"BOUND(?nExact{index}) || BOUND(?nBound{index})")
        else:
            pattern = _FIELD_PATTERN[limit.field].replace("?estimate", estimate)
            select.where(pattern)
            expression = _FIELD_EXPRESSION[limit.field]
            if limit.field == "value" and limit.metric:
                select.bind_one(f"metric{index}", text(limit.metric))
                select.filter(f"?metric = ?metric{index}")
        select.bind_one(bound, number(limit.number))
        if limit.op == "between" and limit.upper is not None:
            select.bind_one(f"{bound}u", number(limit.upper))
            select.filter(f"{expression} >= ?{bound} && {expression} <= ?{bound}u")
        else:
            select.filter(f"{expression} {limit.op} ?{bound}")


def _significance_filter(select: Select, limit: Threshold, index: int, estimate: str) -> None:
    """Significant or not at the level: by the printed p and its comparator ('p < .05' is significant,
    'p = .28' is not), or, where no p is printed, by whether the CI includes zero."""
    p, comparator, low, high, level = (f"?sigP{index}", f"?sigComparator{index}", f"?sigLow{index}",
                                       f"?sigHigh{index}", f"?sigLevel{index}")
    select.optional(f"{estimate} esr:pValue ?sigPNode{index} . ?sigPNode{index} esr:numericValue {p} ;"
                    f" esr:comparator {comparator}")
    select.optional(f"{estimate} esr:confidenceInterval ?sigCi{index} . ?sigCi{index} esr:lowerLimit {low} ;"
                    f" esr:upperLimit {high}")
    select.bind_one(level[1:], number(limit.number))
    below = f"(({comparator} = \"<\" || {comparator} = \"<=\") && {p} <= {level}) || {p} < {level}"
    zero_inside = f"{low} <= 0 && {high} >= 0"
    if limit.op == ">=":  # not significant
        select.filter(f"(BOUND({p}) && !({below})) || (!BOUND({p}) && BOUND({low}) && {zero_inside})")
    else:
        select.filter(f"(BOUND({p}) && ({below})) || (!BOUND({p}) && BOUND({low}) && !({zero_inside}))")


def _editions(frame: Frame, context: AskContext) -> tuple[list[EditionInfo], str]:
    named = named_editions(frame, context)
    chosen = named or editions_with(context, "estimates")
    return chosen, edition_note(frame, context, chosen if named else [], ALL_EDITIONS) if named else \
        f"({ALL_EDITIONS})"


def estimates_select(frame: Frame, context: AskContext, statistics_: tuple[str, ...],
                     required: tuple[str, ...] = ()) -> tuple[Select, str]:
    editions, note = _editions(frame, context)
    scoped = bool(frame.items)
    select = estimate_select(statistics_, required=required, scoped=scoped)
    if scoped:
        bind_items(select, frame)
    if frame.sources:
        select.bind_one("source", *(iri(s.iri) for s in frame.sources))
        select.where("?estimate dcterms:source ?source .")
    bind_editions(select, editions)
    if frame.part and not frame.items:
        select.bind_one("kind", *(iri(f"https://w3id.org/esrkg/{k}") for k in PART_KINDS[frame.part]))
        select.where("?subject a ?kind .")
    if frame.levels and not frame.items:
        # "Among the elements the 2011 task force rated demonstrably effective, ...".
        from esrkg.ask.types.verdicts import verdict_condition

        note += ", of the " + verdict_condition(select, frame, context, "?subject", within=True)
    from esrkg.ask.types.verdicts import exclude

    left_out = exclude(select, frame, "?subject")
    return select, note + (f", {left_out}" if left_out else "")


def _asked(frame: Frame) -> tuple[str, ...]:
    asked = tuple(s for s in frame.statistics if s != "effect") or ("effect",)
    return asked


def described_subject(frame: Frame) -> str:
    if frame.items:
        return item_names(frame)
    if frame.sources:
        return join([s.label for s in frame.sources])
    return {"element": "relationship elements", "adaptation": "ways of customizing therapy"}.get(frame.part or "",
                                                                                                  "every item")


# --- one item's statistics ----------------------------------------------------------------------

def compose_statistic(frame: Frame, context: AskContext) -> Composed:
    asked = _asked(frame)
    required = tuple(s for s in asked if s != "effect")
    select, note = estimates_select(frame, context, (*asked, "k", "n"), required)
    if frame.metrics and "effect" in asked:
        bind_metrics(select, frame.metrics)
    if required == () and not frame.metrics:
        # "the effect size": a pooled figure; a qualitative summary is not one.
        select.where("?estimate esr:value ?pooled .")
    names = join([STATISTIC_NAMES[s] for s in asked])
    reading = f"the {names} of {described_subject(frame)} {note}".strip()
    closest, _ = estimates_select(frame, context, ("ci", "p", "k", "n"))
    missing = (f"The {join([SINGULAR[s] for s in asked])} of {described_subject(frame)} {note} is not recorded in "
               "the graph: the sources esrkg was built from give none.")
    return Composed(select, reading, missing=missing, closest=closest, facts={"asked": asked})


def distinctive_words(frame: Frame, rows: list[Row]) -> list[str]:
    """Question words that single out some of the item's estimates ('security', 'dropout', 'therapist')."""
    descriptions = [set(words(str(r.get("estimates", "")))) for r in rows]
    if len(rows) < 2:
        return []
    named = {w for r in rows for w in words(str(r.get("subjectLabel", "")))}  # words of the item's own name
    found = []
    for word in frame.words:
        if word in GENERIC or word in named:
            continue
        hits = sum(word in d for d in descriptions)
        if 0 < hits < len(rows):
            found.append(word)
    return sorted(found)


def refine_statistic(frame: Frame, rows: list[Row], composed: Composed) -> Composed | None:
    """When the question's words single out some estimates, the query that keeps just those."""
    found = distinctive_words(frame, rows)
    if not found or composed.select is None or not isinstance(composed.select, Select) or \
            says(frame.question, EVERY_ESTIMATE):
        return None  # "all estimates ..., dropout odds ratios included" keeps every one
    select = composed.select
    narrowed = dataclasses.replace(select, values=list(select.values), filters=list(select.filters))
    narrowed.bind_one("word", *(text(rf"\b{re.escape(w)}") for w in found))
    narrowed.filter("REGEX(?estimates, ?word, \"i\")")
    return Composed(narrowed, composed.reading + f", the estimates on {join(found)}", composed.missing,
                    composed.closest, composed.facts)


def word_statistic(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    asked = composed.facts.get("asked", ("effect",))
    label = frame.items[0].label if frame.items else ""
    lines = [estimate_line(r, asked, label) for r in rows]
    subject = described_subject(frame)
    return Worded(f"{subject}: " + "; ".join(lines) + ".", [estimate_answer(r) for r in rows])


STATISTIC = QuestionType(
    "statistic", "A statistic of an item's estimates (effect size, CI, p, k, N, d equivalent, heterogeneity)",
    lambda f: f.asks == "statistic" and not f.polar, compose_statistic, word_statistic,
    ("What was the effect size of empathy in 2011?", "What was the confidence interval for empathy in 2011?",
     "How many studies were in the 2018 empathy meta-analysis?", "p value for congruence 2011",
     "How many clients were in the 2011 alliance meta-analysis for individual therapy?",
     "heterogeneity in the 2018 cohesion meta-analysis", "odds ratio for preferences and dropout"),
)


# --- estimates that pass thresholds, or lack a statistic -------------------------------------------

def compose_estimates(frame: Frame, context: AskContext) -> Composed:
    asked = tuple(dict.fromkeys([*_asked(frame), *(t.field for t in frame.thresholds
                                                   if t.field in ("k", "n", "d_equivalent"))]))
    # "reported with both a CI and a d equivalent": a statistic a list names must be there (unless absent).
    present = tuple(s for s in frame.statistics if s not in ("effect", *frame.missing))
    select, note = estimates_select(frame, context, asked, required=present)
    threshold_filters(select, frame.thresholds)
    for statistic in frame.missing:
        select.filter(f"NOT EXISTS {{ {_MISSING_PATTERN[statistic]} }}")
    if frame.metrics and not any(t.metric for t in frame.thresholds):
        bind_metrics(select, frame.metrics)
    conditions = [t.describe() for t in frame.thresholds] + [f"no {STATISTIC_NAMES[s].rstrip('s')}"
                                                              for s in frame.missing] + \
        [f"a {SINGULAR[s]}" for s in present]
    metric = f" ({join(frame.metrics)})" if frame.metrics else ""
    reading = f"the estimates{metric} of {described_subject(frame)} with {join(conditions)} {note}".strip()
    return Composed(select, reading, facts={"asked": asked})


def word_estimates(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    asked = composed.facts.get("asked", ("effect",))
    if not rows:
        return Worded("No estimate matches.", [])
    lines = [estimate_line(r, asked) for r in rows]
    labels = join([r["subjectLabel"] for r in rows])
    return Worded(f"{labels}. " + "; ".join(lines) + ".", [estimate_answer(r) for r in rows])


ESTIMATES = QuestionType(
    "estimates", "Estimates that pass thresholds or lack a statistic",
    lambda f: f.asks == "estimates" and not f.polar, compose_estimates, word_estimates,
    ("Which 2011 meta-analyses had more than 3000 clients?", "which effect sizes were negative",
     "which 2018 correlations were above .3?", "Which 2011 findings lack a confidence interval?",
     "Which 2018 estimate had a confidence interval that included zero?"),
)


# --- rankings ------------------------------------------------------------------------------------

def compose_ranking(frame: Frame, context: AskContext) -> Composed:
    ranking = frame.ranking
    assert ranking is not None
    field = ranking.field
    asked = ("effect", field) if field in ("k", "n") else ("effect", "ci")
    select, note = estimates_select(frame, context, asked)
    threshold_filters(select, frame.thresholds)
    metric = frame.metrics[0] if frame.metrics else None
    per_metric = field == "value" and metric is None and frame.part is None
    if field == "value":
        select.where("?estimate esr:value ?rankValue ; esr:metric ?metric .")
        if metric is None and frame.part is not None:
            metric = "d" if frame.part == "adaptation" else "r"  # the metric most of that part's estimates use
        if metric is not None:
            select.bind_one("rankMetric", text(metric))
            select.filter("?metric = ?rankMetric")
        key = "?rankValue"
    elif field == "k":
        select.where("?estimate esr:studyCount ?rankValue .")
        key = "?rankValue"
    elif field == "ci_width":
        select.where("?estimate esr:confidenceInterval ?rankCi . ?rankCi esr:lowerLimit ?rankLow ; "
                     "esr:upperLimit ?rankHigh .")
        select.variables.append("(?rankHigh - ?rankLow AS ?ciWidth)")
        key = "(?rankHigh - ?rankLow)"
    else:
        # A bound ("more than 30,000") ranks by its number: N is at least that large.
        select.optional("?estimate esr:sampleSize ?rankExact", "?estimate esr:sampleSizeLowerBound ?rankBound")
        select.filter("BOUND(?rankExact) || BOUND(?rankBound)")
        key = "COALESCE(?rankExact, ?rankBound)"
    if field in ("value", "k") and "rankValue" not in select.variables:
        select.variables.append("rankValue")
    select.order_by = [f"DESC({key})" if ranking.direction == "max" else key, "?subjectLabel"]
    ties = ranking.count == 1 and not ranking.offset
    if per_metric:
        # No metric named: each metric ranked on its own (an r and a d are not comparable); the
        # wording keeps the top rows of each.
        select.order_by.insert(0, "?metric")
    elif not ties:
        select.limit = ranking.count
        select.offset = ranking.offset
    # "the fewest studies" may be a tie: every row is fetched in order and the first ones with the
    # same figure are the answer.
    how = {"max": "largest", "min": "smallest"}[ranking.direction]
    count = "all, in order" if ranking.count is None else (f"the {how}" if ranking.count == 1 else
                                                              f"the {ranking.count} {how}")
    if ranking.offset:
        count = f"number {ranking.offset + 1} by size"
    by = {"value": "values of each metric (no metric named; values of different metrics are not comparable)"
          if per_metric else f"{metric} values" + ("" if frame.metrics else " (no metric named; other metrics are "
                                                                           "not comparable)"),
          "k": "k (studies)", "n": "N (clients)", "ci_width": "95% confidence intervals' widths"}.get(field, field)
    return Composed(select, f"{count} of the {by} of {described_subject(frame)} {note}".strip(),
                    facts={"asked": asked, "per_metric": per_metric, "ties": ties and not per_metric})


def _rank_key(row: Row) -> object:
    """The figure a ranking row was ordered by."""
    for key in ("rankValue", "ciWidth", "n", "nMoreThan"):
        if key in row:
            return str(row[key])
    return None


def word_ranking(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    asked = composed.facts.get("asked", ("effect",))
    if composed.facts.get("per_metric") and frame.ranking is not None:
        by_metric: dict[str, list[Row]] = {}
        for row in rows:
            by_metric.setdefault(str(row.get("metric")), []).append(row)
        start = frame.ranking.offset
        end = None if frame.ranking.count is None else start + frame.ranking.count
        parts = [f"{metric}: " + "; ".join(f"{index}. {estimate_line(r, asked)}" for index, r in
                                          enumerate(group[start:end], start=start + 1))
                 for metric, group in by_metric.items()]
        kept = [r for group in by_metric.values() for r in group[start:end]]
        return Worded(" | ".join(parts) + ".", [estimate_answer(r) for r in kept])
    if composed.facts.get("ties") and rows:
        rows = [r for r in rows if _rank_key(r) == _rank_key(rows[0])]
    lines = [f"{index}. {estimate_line(r, asked)}" for index, r in enumerate(rows, start=1 + (
        frame.ranking.offset if frame.ranking else 0))]
    return Worded("; ".join(lines) + ".", [estimate_answer(r) for r in rows])


RANKING = QuestionType(
    "ranking", "Largest, smallest, top n estimates",
    lambda f: f.asks == "ranking" and not f.polar and f.ranking is not None, compose_ranking, word_ranking,
    ("Which element had the largest correlation in 2018?", "top 3 correlations in 2018", "biggest d in 2018",
     "which 2018 meta-analysis had the most studies?", "widest 95% CI in the 2018 findings",
     "Among the elements the 2011 task force rated demonstrably effective, which had the weakest correlation?"),
)


FEWER_WORDS, MORE_WORDS = (frozenset(words(" ".join(group))) for group in (FEWER, MORE))


# --- yes/no about an estimate: significant? negative? above a threshold? ------------------------------

def compose_estimate_check(frame: Frame, context: AskContext) -> Composed:
    select, note = estimates_select(frame, context, ("effect", "p", "ci", "direction"))
    dropout = _dropout_claim(frame)
    quoted, interval = exact_values(frame.question), quoted_interval(frame.question)
    figures = [f"{metric} = {_plain(value)}" for metric, value in quoted] + (
        [f"95% CI [{_plain(interval[0])}, {_plain(interval[1])}]"] if interval else [])
    claim = (f"{dropout} dropouts with the adaptation (odds ratios read by their direction)" if dropout else
             join([*figures, *(t.describe() for t in frame.thresholds),
                   *(["statistical significance"] if figures and "p" in frame.statistics else [])]) or (
                 "statistical significance" if "p" in frame.statistics else "the claim"))
    return Composed(select, f"whether the estimates of {described_subject(frame)} {note} show {claim}".strip(),
                    facts={"asked": ("effect", "p", "ci"), "dropout": dropout, "quoted": quoted, "interval": interval})


def significant(row: Row) -> bool | None:
    """p below .05 (or a CI that excludes zero, when no p is printed); None when neither is known."""
    if "p" in row:
        p = Decimal(str(row["p"]))
        return p <= SIGNIFICANCE if row.get("pComparator") in ("<", "<=") else p < SIGNIFICANCE
    if "ciLow" in row:
        return not Decimal(str(row["ciLow"])) <= 0 <= Decimal(str(row["ciHigh"]))
    return None


def _passes(limit: Threshold, row: Row) -> bool | None:
    if limit.field == "significance":
        result = significant(row)
        return None if result is None else result == (limit.op == "<")
    if limit.field == "zero_in_ci":
        return None if "ciLow" not in row else Decimal(str(row["ciLow"])) <= 0 <= Decimal(str(row["ciHigh"]))
    key = {"value": "value", "k": "k", "n": "n", "p": "p", "ci_low": "ciLow", "ci_high": "ciHigh",
           "d_equivalent": "dEquivalent"}.get(limit.field)
    if key not in row:
        return None
    value = Decimal(str(row[key]))
    if limit.field == "p" and row.get("pComparator") in ("<", "<=") and limit.op in ("<", "<="):
        return value <= limit.number  # a printed "p < .005" is below .005 (and below any larger bound)
    return {">": value > limit.number, ">=": value >= limit.number, "<": value < limit.number,
            "<=": value <= limit.number}.get(limit.op, False) if limit.op != "between" else \
        limit.number <= value <= (limit.upper or value)


def _plain(value: Decimal) -> str:
    """.31 as the sources print it (no leading zero)."""
    text = format(value, "f")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def _matches_quoted(row: Row, quoted: list[tuple[str, Decimal]], interval: tuple[Decimal, Decimal] | None) -> \
        list[bool]:
    """Whether the row's value and CI are the ones a claim quotes (only those of its metric are compared)."""
    found = [Decimal(str(row["value"])) == value for metric, value in quoted
             if "value" in row and str(row.get("metric", "")).lower() == metric.lower()]
    if interval is not None and "ciLow" in row:
        bounds = {Decimal(str(row["ciLow"])), Decimal(str(row["ciHigh"]))}
        found.append(bounds == set(interval))
    return found


def _dropout_claim(frame: Frame) -> str | None:
    """'does it point to fewer early terminations?': the claim is fewer (or more) dropouts."""
    if not says(frame.question, DROPOUT_WORDS):
        return None
    return "fewer" if frame.words & FEWER_WORDS else "more" if frame.words & MORE_WORDS else None


def _favours_adaptation(row: Row) -> bool | None:
    """An odds ratio read by its direction: 1.79 where higher values favour the adaptation favours it."""
    direction, value = str(row.get("directionLabel", "")), row.get("value")
    if value is None or "favour" not in direction:
        return None
    return Decimal(str(value)) > 1 if direction.startswith("higher") else Decimal(str(value)) < 1


def word_estimate_check(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    distinct = distinctive_words(frame, rows)
    if distinct:
        rows = [r for r in rows if any(w in words(str(r.get("estimates", ""))) for w in distinct)] or rows
    decisions: list[bool] = []
    claim = composed.facts["dropout"]
    if claim:
        rows = [r for r in rows if r.get("event")] or rows  # the dropout estimates decide; show those
    quoted, interval = composed.facts["quoted"], composed.facts["interval"]
    for row in rows:
        if claim and row.get("event"):  # "since it's above 1, does that mean more dropped out?": the OR decides
            favours = _favours_adaptation(row)
            if favours is not None:
                decisions.append(favours if claim == "fewer" else not favours)
        elif quoted or interval:
            # "The manuscript says 2018 found r = .31 - is that right?": the figures quoted, against the graph's.
            decisions.extend(_matches_quoted(row, quoted, interval))
            if "p" in frame.statistics and (sig := significant(row)) is not None:
                decisions.append(sig if not frame.negated else not sig)  # "(r = .11) - was it significant?"
            decisions.extend(r for t in frame.thresholds if (r := _passes(t, row)) is not None)
        elif frame.thresholds:
            results = [_passes(t, row) for t in frame.thresholds]
            if all(r is not None for r in results):
                decisions.append(all(bool(r) for r in results))
        else:
            result = significant(row)
            if result is not None:
                decisions.append(result if not frame.negated else not result)
    lines = "; ".join(estimate_line(r, ("effect", "p", "ci")) for r in rows)
    answers: list[Answer] = [estimate_answer(r) for r in rows]
    if not decisions:
        return Worded(f"The graph records nothing to decide this: {lines}.", answers)
    yes = all(decisions)
    return Worded(f"{'Yes' if yes else 'No'}. {lines}.", answers)


ESTIMATE_CHECK = QuestionType(
    "estimate_check", "Is an estimate significant, negative or above a threshold?",
    lambda f: f.polar and f.asks in ("statistic", "estimates", "ranking") and bool(f.items),
    compose_estimate_check, word_estimate_check,
    ("Was the 2011 rupture repair-outcome correlation statistically significant?",
     "Is the correlation between countertransference reactions and outcome negative?",
     "Was the 2018 real relationship correlation above .3?"),
)


def answer_rows(rows: list[Row]) -> list[Answer]:
    """Estimate rows as answers."""
    return [answer(r["subjectLabel"]) for r in rows]
