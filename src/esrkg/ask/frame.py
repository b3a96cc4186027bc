"""A question as a typed frame: what is asked, and the constraints on it, before any SPARQL exists.

The reader (:mod:`esrkg.ask.reader`) fills a :class:`Frame`; a question type
(:mod:`esrkg.ask.types`) answers frames of its shape by composing SPARQL from them.
"""

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal

from esrkg.linking import Concept

Asks = Literal[
    "items", "level", "evidence", "definition", "statistic", "estimates", "ranking", "comparison", "change",
    "count", "order", "recommendations", "sources", "relations", "tailoring", "components", "glossary",
    "mentions", "perspectives", "format_elements", "task_forces", "estimate_changes", "unknown",
]
Statistic = Literal["effect", "ci", "p", "k", "n", "d_equivalent", "heterogeneity", "doi"]
Field = Literal["value", "k", "n", "i2", "ci_low", "ci_high", "p", "zero_in_ci", "ci_width", "d_equivalent",
                "significance"]
Op = Literal[">", ">=", "<", "<=", "between", "includes"]
LevelCue = Literal["top", "probably", "promising", "insufficient", "promising-insufficient", "exact", "bottom"]
EditionMode = Literal["named", "both", "all", "first", "latest", "default"]

# The note a frame carries when its item was found by the words of its glossary definition.
DEFINITION_NOTE = "found by its glossary definition:"

STATISTIC_NAMES: dict[str, str] = {
    "effect": "effect sizes", "ci": "95% confidence intervals", "p": "p-values", "k": "numbers of studies (k)",
    "n": "sample sizes (N)", "d_equivalent": "d equivalents", "heterogeneity": "heterogeneity (I², Q)",
    "doi": "DOIs",
}
FIELD_NAMES: dict[str, str] = {
    "value": "the effect size", "k": "k", "n": "N", "i2": "I²", "ci_low": "the CI's lower bound",
    "ci_high": "the CI's upper bound", "p": "p", "zero_in_ci": "a CI that includes zero",
    "ci_width": "the CI's width", "d_equivalent": "the d equivalent",
    "significance": "statistical significance",
}


@dataclass(frozen=True)
class Threshold:
    """A numeric constraint on an estimate: 'N over 1000', 'r above .3', 'CI includes zero'."""

    field: Field
    op: Op
    number: Decimal = Decimal(0)
    upper: Decimal | None = None
    metric: str | None = None
    edition: str | None = None

    def describe(self) -> str:
        """'r > 0.3', 'N > 1000', 'a CI that includes zero'."""
        if self.field == "zero_in_ci":
            return FIELD_NAMES["zero_in_ci"]
        if self.field == "significance":
            absent = self.op == ">="
            return (f"{'no ' if absent else ''}statistical significance (p {'≥' if absent else '<'} {self.number}, "
                    f"or a CI that {'includes' if absent else 'excludes'} zero where no p is printed)")
        name = self.metric if self.field == "value" and self.metric else FIELD_NAMES[self.field]
        if self.op == "between":
            return f"{name} between {self.number} and {self.upper}"
        return f"{name} {self.op} {self.number}"


@dataclass(frozen=True)
class LevelConstraint:
    """An evidence level, as named ('probably effective', 'promising', an exact level), in an edition."""

    cue: LevelCue
    level: str | None = None  # the level's IRI when the question names it exactly
    edition: str | None = None
    negated: bool = False
    or_better: bool = False  # "at least probably effective": this level and those above it
    below: bool = False  # "rated below demonstrably effective": the levels under it


@dataclass(frozen=True)
class Ranking:
    """Largest or smallest, how many, by which field; offset 1 for 'second-largest'."""

    direction: Literal["max", "min"]
    count: int | None = 1
    field: Field = "value"
    offset: int = 0


@dataclass(frozen=True)
class Order:
    """A position in a sequence of stages: before/after a stage, first/last n, all in order, reversed."""

    relation: Literal["after", "before", "between", "first", "last", "all", "reverse", "position"]
    count: int | None = None
    position: int | None = None
    offset: int = 1  # "two steps after contemplation": 2
    upto: int | None = None  # "stages 2 to 5": the last position of a range


@dataclass(frozen=True)
class Frame:
    """What a question asks and its constraints, with the words it was read from."""

    question: str
    asks: Asks
    polar: bool = False  # a yes/no question about the claim the rest of the frame states
    statistics: tuple[str, ...] = ()
    items: tuple[Concept, ...] = ()
    part: Literal["element", "adaptation", "characteristic"] | None = None
    editions: tuple[str, ...] = ()
    edition_mode: EditionMode = "default"
    levels: tuple[LevelConstraint, ...] = ()
    thresholds: tuple[Threshold, ...] = ()
    missing: tuple[str, ...] = ()  # statistics the question asks to be absent ("lack a CI")
    no_verdict: bool = False  # "got no verdict", "without a verdict"
    same_level: bool = False  # "had the same verdict in 2002 and 2011"
    negated: bool = False
    metrics: tuple[str, ...] = ()
    ranking: Ranking | None = None
    order: Order | None = None
    stages: tuple[Concept, ...] = ()
    audience: Concept | None = None
    sources: tuple[Concept, ...] = ()
    others: tuple[Concept, ...] = ()  # components, formats, perspectives, terms named
    excluded: tuple[Concept, ...] = ()  # "other than culture", "apart from the bond"
    continuations: tuple[str, ...] = ()  # related items added for editions the named one is absent from
    words: frozenset[str] = frozenset()  # content words no concept or cue used (to pick sub-estimates)
    unexplained: frozenset[str] = frozenset()
    direction: Literal["up", "down"] | None = None
    on_sheet: bool = False  # "items on the 2002 sheet"
    narrower_only: bool = False  # "forms of the alliance": the items within a named one, not itself
    absent_editions: tuple[str, ...] = ()  # "no verdict in 2011", "not on the 2002 sheet"
    sequence: Concept | None = None  # the sequence of stages a named item is ("Stages of change")
    verdict_editions: tuple[str, ...] = ()  # editions of the named ones that have per-item verdicts
    notes: tuple[str, ...] = field(default_factory=tuple)

    def but(self, **changes: object) -> "Frame":
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def item(self) -> Concept | None:
        """The first item the question names."""
        return self.items[0] if self.items else None
