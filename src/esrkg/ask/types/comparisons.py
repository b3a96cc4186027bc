"""Comparisons of estimates across editions or between items, like with like only: the same estimand,
metric and direction ('did the alliance get a bigger effect in 2018 than in 2011?'); counts of studies
or clients compare across estimands ('which pooled more studies, empathy or positive regard?')."""

from decimal import Decimal

from esrkg.ask.context import AskContext
from esrkg.ask.frame import Frame
from esrkg.ask.types.base import Composed, QuestionType, Row, Worded, bind_metrics, join, named_editions
from esrkg.ask.types.estimates import COMPARATIVES, described_subject, estimates_select
from esrkg.ask.types.wording import estimate_answer, estimate_line, figure, statistics
from esrkg.linking import words


def compose_comparison(frame: Frame, context: AskContext) -> Composed:
    if len(frame.items) == 1 and len(frame.editions) == 1:
        # "Did it go down in 2018?": against the other editions that report it.
        frame = frame.but(editions=(), edition_mode="default")
    select, note = estimates_select(frame, context, ("effect", "ci", "k", "n", "direction"))
    if frame.metrics:
        bind_metrics(select, frame.metrics)
    select.where("?estimate esr:estimand ?estimand .")
    select.variables.append("estimand")
    what = "between the items" if len(frame.items) > 1 else "across editions"
    if counted_field(frame) == "k":
        what = "by their numbers of studies (k)"
    elif counted_field(frame) == "n":
        what = "by their sample sizes (N)"
    # "Was the 2011 correlation higher than in 2018?": the claim is about the edition named before "than".
    named = named_editions(frame, context)
    claim_year = named[0].year if len(named) == 2 and " than " in f" {frame.question.lower()} " else None
    return Composed(select, f"a comparison of the estimates of {described_subject(frame)} {what} {note}".strip(),
                    facts={"asked": ("effect", "ci", "k", "n"), "claim_year": claim_year})


def _key(row: Row) -> tuple[str, str, str]:
    return (str(row.get("estimand")), str(row.get("metric")), str(row.get("directionLabel", "")))


def comparable_pairs(frame: Frame, rows: list[Row]) -> tuple[list[tuple[Row, Row]], list[Row]]:
    """Pairs of estimates that may be compared (same estimand, metric and direction), and the rest."""
    pairs: list[tuple[Row, Row]] = []
    by_item = len(frame.items) - len(frame.continuations) > 1
    for index, first in enumerate(rows):
        for second in rows[index + 1:]:
            if "value" not in first or "value" not in second or _key(first) != _key(second):
                continue
            # An item and the related item that carries its estimate on in a later edition count as one.
            same_subject = first["subject"] == second["subject"] or bool(
                frame.continuations and {first["subject"], second["subject"]} & set(frame.continuations))
            if by_item == same_subject or (not by_item and first["editionId"] == second["editionId"]):
                continue
            if by_item and first["editionId"] != second["editionId"]:
                continue
            if by_item and first.get("item") == second.get("item"):
                continue  # two formats of the alliance are not "empathy vs the alliance"
            pairs.append((first, second))
    pairs = _best_matches(pairs)
    paired = {row["estimate"] for pair in pairs for row in pair}
    return pairs, [r for r in rows if r["estimate"] not in paired]


def _best_matches(pairs: list[tuple[Row, Row]]) -> list[tuple[Row, Row]]:
    """Where an estimate could pair with several (countertransference management and countertransference
    reactions, in both editions), keep the pairs whose descriptions agree best, for both of the pair."""
    def overlap(pair: tuple[Row, Row]) -> int:
        return len(set(words(str(pair[0].get("estimates", "")))) & set(words(str(pair[1].get("estimates", "")))))

    best: dict[str, int] = {}
    for pair in pairs:
        for row in pair:
            best[row["estimate"]] = max(best.get(row["estimate"], 0), overlap(pair))
    return [pair for pair in pairs if all(overlap(pair) == best[row["estimate"]] for row in pair)]


def _change(first: Row, second: Row) -> str:
    a, b = Decimal(str(first["value"])), Decimal(str(second["value"]))
    if a == b:
        return "the same"
    return "larger" if (abs(b) > abs(a) and (b > 0) == (a > 0)) or b > a else "smaller"


FEWER_OR_SMALLER = frozenset(words("fewer less smaller lower"))
def counted_field(frame: Frame) -> str | None:
    """'Which pooled more studies, A or B?': a comparison of k (or N), which compare across estimands."""
    asked = set(frame.statistics) - {"effect"}
    return asked.pop() if len(asked) == 1 and asked <= {"k", "n"} and len(frame.items) > 1 else None


def _count(row: Row, field: str) -> Decimal | None:
    """An exact k or N (a bound such as 'more than 14,000' is not a count to rank)."""
    return Decimal(str(row[field])) if field in row else None


def _word_count_comparison(frame: Frame, rows: list[Row], field: str) -> Worded:
    """Studies or clients per item, per edition: the item with more (or fewer), when each has one estimate."""
    sentences, winners = [], []
    for edition in dict.fromkeys(r["editionId"] for r in rows):
        counted = [r for r in rows if r["editionId"] == edition and _count(r, field) is not None]
        per_item = {r["subject"] for r in counted}
        figures = ", ".join(f"{r['subjectLabel']} {statistics(r, (field,)).split(', ')[0]}" for r in counted)
        lacking = [r["subjectLabel"] for r in rows if r["editionId"] == edition and r["subject"] not in per_item]
        if len(per_item) < 2 or len(per_item) != len(counted):
            why = f"no exact {'N' if field == 'n' else 'k'} recorded for {join(list(dict.fromkeys(lacking)))}" \
                if lacking else "more than one figure per item"
            sentences.append(f"{edition}: {figures or 'no counts recorded'}; not compared: {why}")
            continue
        fewer = bool(frame.words & FEWER_OR_SMALLER)
        best = max(counted, key=lambda r: (_count(r, field) or Decimal(0)) * (-1 if fewer else 1))
        winners.append(best)
        sentences.append(f"{edition}: {figures}; {'fewest' if fewer else 'most'} in {best['subjectLabel']}")
    text_ = ". ".join(sentences) + "."
    unbounded = [r for r in rows if field == "n" and "nMoreThan" in r]
    if unbounded:
        text_ += " Bounds ('more than') are not ranked: " + "; ".join(estimate_line(r, ("n",)) for r in unbounded) + "."
    if frame.polar and winners:
        text_ = f"{'Yes' if winners[0]['subject'] == frame.items[0].iri else 'No'}. {text_}"
    elif frame.polar:
        text_ = f"The graph records nothing to decide this. {text_}"
    elif winners:
        text_ = f"{join([w['subjectLabel'] for w in winners])}. {text_}"
    return Worded(text_, [estimate_answer(r) for r in (winners or rows)])


def word_comparison(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    field = counted_field(frame)
    if field is not None:
        return _word_count_comparison(frame, rows, field)
    pairs, unpaired = comparable_pairs(frame, rows)
    sentences = []
    for first, second in pairs:
        left = f"{first['subjectLabel']} {first['editionId']}" if len(frame.items) > 1 else first["editionId"]
        right = f"{second['subjectLabel']} {second['editionId']}" if len(frame.items) > 1 else second["editionId"]
        higher = "higher" if Decimal(str(second["value"])) > Decimal(str(first["value"])) else \
            "lower" if Decimal(str(second["value"])) < Decimal(str(first["value"])) else "the same"
        sentences.append(f"{first.get('estimates')}: {figure(first)} ({left}) vs {figure(second)} ({right}), "
                         f"{higher} in {right}")
    unlike = [r for r in unpaired if "value" in r]
    if unlike and len(unlike) > 1 and not pairs:
        details = "; ".join(f"{r['editionId']} {r.get('estimates')}: {statistics(r, ('effect',))}"
                            + (f" ({r['directionLabel']})" if r.get("directionLabel") else "")
                            + f" [{r.get('estimandLabel')}]" for r in unlike)
        sentences.append(f"Not directly comparable (different estimands, metrics or directions): {details}")
    elif unlike:
        sentences.append("Other estimates, with no like estimate to compare: " + "; ".join(
            estimate_line(r, ("effect",)) for r in unlike))
    answers = [estimate_answer(r) for r in rows]
    text_ = ". ".join(sentences) + "." if sentences else "No estimates to compare."
    if frame.polar or frame.direction:
        verdict = _polar_comparison(frame, pairs, composed.facts.get("claim_year"))
        if verdict is not None and frame.polar:
            text_ = f"{'Yes' if verdict else 'No'}. {text_}"
    winners = _winners(frame, pairs)
    if winners is not None and not frame.polar:
        text_ = f"{join([w['subjectLabel'] for w in winners])}. {text_}"
        answers = [estimate_answer(r) for r in winners]
    return Worded(text_, answers)


def _winners(frame: Frame, pairs: list[tuple[Row, Row]]) -> list[Row] | None:
    """For 'which had the bigger ...' between two items: the larger of each like pair."""
    if len(frame.items) < 2 or not pairs or not frame.words & COMPARATIVES:
        return None  # "give me the correlations of each": every figure, no winner
    smaller = any(w in frame.words for w in ("smaller", "weaker", "lower", "less"))
    return [max(pair, key=lambda r: Decimal(str(r["value"])) * (-1 if smaller else 1)) for pair in pairs]


def _polar_comparison(frame: Frame, pairs: list[tuple[Row, Row]], claim_year: int | None = None) -> bool | None:
    """Yes/no for 'is A higher than B', 'did it go down', 'did it change' (the later edition against the
    earlier, unless the claim is about the earlier one: 'was 2011 higher than 2018?')."""
    if not pairs:
        return None
    first, second = pairs[0]
    if claim_year is not None and int(first.get("year", 0)) == claim_year:
        first, second = second, first
    a, b = Decimal(str(first["value"])), Decimal(str(second["value"]))
    tokens = frame.words
    if len(frame.items) > 1:
        # "Was A more strongly related than B?": the first-named item against the other.
        named_first = frame.items[0].iri
        mine, other = (first, second) if first["subject"] == named_first or \
            first["subject"] in (named_first,) else (second, first)
        bigger = Decimal(str(mine["value"])) > Decimal(str(other["value"]))
        return not bigger if tokens & {"smaller", "weaker", "lower", "less"} else bigger
    if frame.direction == "down" or tokens & {"lower", "smaller", "shrink", "decrease"}:
        return b < a
    if frame.direction == "up" or tokens & {"higher", "larger", "bigger", "grow", "increase", "stronger"}:
        return b > a
    return b != a


COMPARISON = QuestionType(
    "comparison", "Compare estimates across editions or items, like with like",
    lambda f: f.asks == "comparison" and bool(f.items), compose_comparison, word_comparison,
    ("How did the empathy-outcome correlation change from 2011 to 2018?",
     "Did the alliance get a bigger effect in 2018 than in 2011?",
     "Of empathy and group cohesion, which had the bigger correlation with outcome in 2018?",
     "preferences and dropout: 2011 vs 2018"),
)
