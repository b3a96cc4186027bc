"""Forest plots of the estimates: one panel per estimand, metric and direction, never one axis for different ones.

``forest_panels`` groups estimates by ``Estimate.comparable_key`` (estimand, metric, favourable
direction): an odds ratio of dropping out and one of staying, or a correlation with outcome and a
pre-post change, never share an axis. Each row is one estimate: the item's full name, the edition
(a colour-blind-safe colour from the Okabe-Ito palette and a distinct marker shape, so neither
colour nor shape alone carries it), the point and its 95% CI as an error bar where the source gives
one. ``render`` draws the panels with matplotlib as SVG or PNG (the same picture for the page and
the download); qualitative syntheses have no figure and are left out, and said to be.
"""

import io
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from esrkg.evidence import Estimate

if TYPE_CHECKING:
    from matplotlib.axes import Axes

ImageFormat = Literal["svg", "png"]

# Okabe & Ito (2008) colours with distinct shapes, by edition; later editions take the next pair.
EDITION_STYLES: tuple[tuple[str, str, str], ...] = (
    ("#0072B2", "o", "circle"), ("#D55E00", "s", "square"), ("#009E73", "^", "triangle"),
    ("#CC79A7", "D", "diamond"), ("#E69F00", "v", "down-triangle"),
)
METRIC_NAMES = {"r": "correlation r", "d": "standardized mean difference d", "g": "Hedges' g",
                "OR": "odds ratio (log scale)"}
NO_EFFECT = {"OR": 1.0}  # the line of no effect: 0 for r, d and g, 1 for odds ratios


@dataclass(frozen=True)
class ForestRow:
    """One estimate drawn as a point with its interval."""

    item_label: str
    estimates: str
    edition: str
    value: float
    low: float | None
    high: float | None
    printed: str
    interval: str
    k: int | None


@dataclass(frozen=True)
class ForestPanel:
    """Estimates that share an estimand, a metric and a direction, so that they can share an axis."""

    estimand_label: str
    metric: str
    direction_label: str
    event: str
    rows: tuple[ForestRow, ...]

    @property
    def title(self) -> str:
        """'association with outcome, correlation r' (with the event and direction for odds ratios)."""
        title = f"{self.estimand_label}, {METRIC_NAMES.get(self.metric, self.metric)}"
        if self.event:
            title += f" of {self.event}"
        if self.direction_label:
            title += f" ({self.direction_label})"
        return title


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def forest_panels(estimates: list[Estimate]) -> list[ForestPanel]:
    """Quantitative estimates in panels by comparable key; rows grouped by item, editions in order."""
    panels: dict[tuple[str, str | None, str | None], list[Estimate]] = {}
    for estimate in estimates:
        if estimate.value is not None and estimate.metric is not None:
            panels.setdefault(estimate.comparable_key, []).append(estimate)
    result = []
    for group in panels.values():
        group.sort(key=lambda e: (e.item_label.lower(), e.year, e.iri))
        rows = tuple(ForestRow(e.item_label, e.estimates, e.edition, float(e.value or 0),
                               _number(e.ci.low) if e.ci else None, _number(e.ci.high) if e.ci else None,
                               e.figure(), e.ci.printed.removeprefix("95% CI ") if e.ci else "", e.k)
                     for e in group)
        first = group[0]
        result.append(ForestPanel(first.estimand_label, str(first.metric), first.direction_label or "",
                                  first.event or "", rows))
    result.sort(key=lambda p: -len(p.rows))
    return result


def edition_style(editions: list[str], edition: str) -> tuple[str, str, str]:
    """(colour, matplotlib marker, shape name) of an edition among the editions drawn."""
    return EDITION_STYLES[sorted(set(editions)).index(edition) % len(EDITION_STYLES)]


def render(panels: list[ForestPanel], image_format: ImageFormat = "svg", width: float = 11.0) -> bytes:
    """The panels one above the other as an SVG or PNG image."""
    from matplotlib.figure import Figure  # imported here: only drawing needs matplotlib
    from matplotlib.lines import Line2D

    editions = sorted({row.edition for panel in panels for row in panel.rows})
    heights = [max(1.2, 0.32 * len(panel.rows) + 0.9) for panel in panels] or [1.0]
    figure = Figure(figsize=(width, sum(heights) + 0.8), layout="constrained")
    axes: list[Axes] = (list(figure.subplots(len(panels), 1, squeeze=False, height_ratios=heights)[:, 0])
                        if panels else [])
    for ax, panel in zip(axes, panels, strict=True):
        _draw_panel(ax, panel, editions)
    handles = [Line2D([], [], color=colour, marker=marker, linestyle="none", markersize=8,
                      label=f"{edition} ({shape})")
               for edition in editions for colour, marker, shape in [edition_style(editions, edition)]]
    if handles:
        figure.legend(handles=handles, loc="outside upper center", ncols=len(handles), frameon=False,
                      title="Edition (points: estimate; bars: 95% confidence interval where the source gives one)")
    buffer = io.BytesIO()
    figure.savefig(buffer, format=image_format, dpi=110, metadata={"Date": None} if image_format == "svg" else None)
    return buffer.getvalue()


def _draw_panel(ax_: "Axes", panel: ForestPanel, editions: list[str]) -> None:
    labels = []
    seen: dict[tuple[str, str], int] = {}
    for row in panel.rows:
        seen[(row.item_label, row.edition)] = seen.get((row.item_label, row.edition), 0) + 1
    for index, row in enumerate(panel.rows):
        colour, marker, _ = edition_style(editions, row.edition)
        y = len(panel.rows) - index
        if row.low is not None and row.high is not None:
            ax_.errorbar([row.value], [y], xerr=[[row.value - row.low], [row.high - row.value]],
                         fmt="none", ecolor=colour, elinewidth=1.6, capsize=3)
        ax_.plot([row.value], [y], marker=marker, color=colour, markersize=8, linestyle="none")
        k = f", k = {row.k}" if row.k is not None else ""
        label = f"{row.item_label} ({row.edition}{k})"
        if seen[(row.item_label, row.edition)] > 1:  # two estimates of one item in one edition: say which
            label += "\n" + textwrap.shorten(row.estimates, 70, placeholder="…")
        labels.append(label)
        ax_.annotate(f"{row.printed} {row.interval}".strip(), (1.01, y), xycoords=("axes fraction", "data"),
                     va="center", fontsize=8.5, color="#333333")
    ax_.set_yticks(range(len(panel.rows), 0, -1), labels, fontsize=9)
    ax_.set_ylim(0.4, len(panel.rows) + 0.6)
    ax_.axvline(NO_EFFECT.get(panel.metric, 0.0), color="#777777", linewidth=0.8, linestyle="--")
    if panel.metric == "OR":
        from matplotlib.ticker import ScalarFormatter

        ax_.set_xscale("log")
        values = [v for row in panel.rows for v in (row.value, row.low, row.high) if v is not None] + [1.0]
        ax_.set_xlim(min(values) / 1.3, max(values) * 1.3)
        for axis in (ax_.xaxis,):
            axis.set_major_formatter(ScalarFormatter())
            axis.set_minor_formatter(ScalarFormatter())
    ax_.set_title(textwrap.fill(panel.title, 95), loc="left", fontsize=10.5, fontweight="bold")
    ax_.grid(axis="x", color="#e5e5e5", linewidth=0.6)
    ax_.set_axisbelow(True)
    for side in ("top", "right"):
        ax_.spines[side].set_visible(False)
