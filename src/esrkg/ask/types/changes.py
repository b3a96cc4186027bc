"""Which items' estimates went up or down between editions ('which elements show a weaker correlation
in 2018 than in 2011?', 'adaptations whose d went up'): like with like only, as in a comparison."""

from decimal import Decimal

from esrkg.ask.context import AskContext
from esrkg.ask.frame import Frame
from esrkg.ask.result import answer
from esrkg.ask.types.base import Composed, QuestionType, Row, Worded, bind_metrics, editions_with, join, named_editions
from esrkg.ask.types.comparisons import comparable_pairs
from esrkg.ask.types.estimates import estimates_select
from esrkg.ask.types.verdicts import PART_NAMES
from esrkg.ask.types.wording import figure


def compose_estimate_changes(frame: Frame, context: AskContext) -> Composed:
    named = named_editions(frame, context)
    with_estimates = editions_with(context, "estimates")
    editions = named if len(named) > 1 else with_estimates
    if len(named) == 1 and named[0] in with_estimates[1:]:
        # "Which effect sizes went down in 2018?": against the edition before it.
        editions = with_estimates[with_estimates.index(named[0]) - 1:with_estimates.index(named[0]) + 1]
    scoped = frame.but(editions=tuple(e.iri for e in editions), edition_mode="named")
    select, _ = estimates_select(scoped, context, ("effect", "ci", "k", "n", "direction"))
    if frame.metrics:
        bind_metrics(select, frame.metrics)
    select.where("?estimate esr:estimand ?estimand .")
    select.variables.append("estimand")
    what = join(list(frame.metrics)) + " values" if frame.metrics else "effect sizes"
    how = {"up": "went up", "down": "went down", None: "changed"}[frame.direction]
    span = " to ".join(e.id for e in sorted(editions, key=lambda e: e.position))
    return Composed(select, f"the {PART_NAMES[frame.part]} whose {what} {how} from {span}, comparing like with like "
                            "(the same item, estimand, metric and direction)")


def _moved(pair: tuple[Row, Row], direction: str | None) -> bool:
    before, after = sorted(pair, key=lambda r: int(r.get("year", 0)))
    a, b = Decimal(str(before["value"])), Decimal(str(after["value"]))
    return {"up": b > a, "down": b < a, None: b != a}[direction]


def word_estimate_changes(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    pairs, _ = comparable_pairs(frame, rows)
    moved = [sorted(pair, key=lambda r: int(r.get("year", 0))) for pair in pairs if _moved(pair, frame.direction)]
    if not moved:
        return Worded(f"None: of {len(pairs)} like-with-like pairs of estimates, none moved that way.", [])
    lines = [f"{after['subjectLabel']} ({after.get('estimates')}): {figure(before)} ({before['editionId']}) to "
             f"{figure(after)} ({after['editionId']})" for before, after in moved]
    answers = [answer(after["subjectLabel"], iri=after["subject"], edition=after["editionId"],
                      estimates=after.get("estimates"), metric=after.get("metric"), value=after.get("value"),
                      earlier_edition=before["editionId"], earlier_value=before.get("value"))
               for before, after in moved]
    return Worded(f"{len(moved)} of {len(pairs)} like-with-like pairs: " + "; ".join(lines) + ".", answers)


ESTIMATE_CHANGES = QuestionType(
    "estimate_changes", "Items whose estimates went up or down between editions, like with like",
    lambda f: f.asks == "estimate_changes" and not f.items, compose_estimate_changes, word_estimate_changes,
    ("Which relationship elements show a weaker correlation with outcome in 2018 than in 2011?",
     "adaptations whose d went up between 2011 and 2018",
     "which effect sizes changed from 2011 to 2018?"),
)
