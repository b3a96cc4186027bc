"""The evidence on an item as typed records: verdicts, and estimates with every statistic.

This is the Python API over the evidence model (read with the catalogue queries
``estimates_on_item`` and ``verdicts_on_item``), shared by Ask, the app's cards and charts, and
the endpoint's term pages. Numbers keep the form the source prints (``printed``), and an N the
source gives only as a bound is a bound, never an exact count.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rdflib import URIRef

from esrkg import queries
from esrkg.queries import Source

Row = dict[str, Any]


@dataclass(frozen=True)
class SampleSize:
    """N: exact, or a lower bound with the source's wording ("more than 14,000")."""

    count: int
    bound_wording: str = ""
    unit: str = ""

    @property
    def is_bound(self) -> bool:
        """True when the source gives N only as a bound."""
        return bool(self.bound_wording)

    def display(self) -> str:
        """'1,306 clients' or 'more than 14,000 treatments'."""
        words = f"{self.bound_wording} {self.count:,}" if self.is_bound else f"{self.count:,}"
        return f"{words} {self.unit}".strip()


@dataclass(frozen=True)
class Statistic:
    """A reported statistic: its printed form and its number(s)."""

    printed: str
    value: Decimal | None = None


@dataclass(frozen=True)
class Interval:
    """A confidence interval: bounds, level, printed form."""

    low: Decimal
    high: Decimal
    level: Decimal
    printed: str

    def includes(self, value: Decimal) -> bool:
        """True when the value lies within the interval (bounds included)."""
        return self.low <= value <= self.high


@dataclass(frozen=True)
class Quotation:
    """Words of the source and the page they were read from."""

    words: str
    page: str


@dataclass(frozen=True)
class Estimate:
    """One effect-size estimate with its statistics, estimand and provenance."""

    iri: str
    item: str
    item_label: str
    edition: str
    year: int
    estimates: str
    estimand: str
    estimand_label: str
    metric: str | None
    value: Decimal | None
    printed_value: str | None
    qualitative: bool
    k: int | None
    k_unit: str
    n: SampleSize | None
    ci: Interval | None
    p: Statistic | None
    d_equivalent: Statistic | None
    heterogeneity: tuple[Statistic, ...]
    direction: str | None
    direction_label: str | None
    event: str | None
    name_in_edition: str
    source_label: str
    citation: str
    doi: str | None
    quotations: tuple[Quotation, ...]

    @property
    def comparable_key(self) -> tuple[str, str | None, str | None]:
        """Estimates can be compared only when estimand, metric and direction agree."""
        return (self.estimand, self.metric, self.direction)

    def figure(self) -> str:
        """The headline figure as printed: 'r = .275' (or 'no pooled figure')."""
        if self.qualitative or self.metric is None:
            return "no pooled figure"
        return f"{self.metric} = {self.printed_value}"


def _statistic(row: Row, label: str, value: str) -> Statistic | None:
    return Statistic(str(row[label]), row.get(value)) if label in row else None


def estimate_from_row(row: Row) -> Estimate:
    """An Estimate from one row of the ``estimates_on_item`` query."""
    n = None
    if "n" in row:
        n = SampleSize(int(row["n"]), "", str(row.get("nUnit", "")))
    elif "nMoreThan" in row:
        n = SampleSize(int(row["nMoreThan"]), str(row.get("nBoundWording", "more than")), str(row.get("nUnit", "")))
    ci = None
    if "ciLow" in row:
        ci = Interval(row["ciLow"], row["ciHigh"], row["ciLevel"], str(row["ciLabel"]))
    heterogeneity = tuple(s for s in (_statistic(row, "iSquaredLabel", "iSquared"), _statistic(row, "qLabel", "q"))
                          if s is not None)
    quotations = tuple(Quotation(str(row[words]), str(row[page])) for words, page in
                       (("excerpt", "url"), ("statExcerpt", "statUrl")) if words in row)
    return Estimate(
        iri=str(row["estimate"]), item=str(row["subject"]), item_label=str(row["subjectLabel"]),
        edition=str(row["editionId"]), year=int(row["year"]), estimates=str(row["estimates"]),
        estimand=str(row["estimand"]), estimand_label=str(row["estimandLabel"]), metric=row.get("metric"),
        value=row.get("value"), printed_value=row.get("printedValue"), qualitative=bool(row.get("qualitative")),
        k=row.get("k"), k_unit=str(row.get("kUnit", "")), n=n, ci=ci,
        p=_statistic(row, "pLabel", "p"), d_equivalent=_statistic(row, "dEquivalentLabel", "dEquivalent"),
        heterogeneity=heterogeneity, direction=_optional_text(row.get("direction")),
        direction_label=row.get("directionLabel"),
        event=row.get("event"), name_in_edition=str(row.get("nameInEdition", "")),
        source_label=str(row["sourceLabel"]), citation=str(row.get("citation", "")), doi=row.get("doi"),
        quotations=quotations,
    )


def estimates_on(source: Source, item: str | None = None, edition: str | None = None) -> list[Estimate]:
    """Every estimate on an item (and the items within it), or on every item when none is given."""
    bindings = {}
    if item:
        bindings["item"] = URIRef(item)
    if edition:
        bindings["edition"] = URIRef(edition)
    # Unbound, the query pairs each estimate with every item it falls under: keep each once.
    seen: dict[str, Estimate] = {}
    for row in queries.rows(source, "estimates_on_item", bindings):
        seen.setdefault(str(row["estimate"]), estimate_from_row(row))
    return list(seen.values())


def _optional_text(value: object) -> str | None:
    """An IRI or literal as its text; None stays None."""
    return None if value is None else str(value)
