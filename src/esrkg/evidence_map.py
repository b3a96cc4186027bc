"""The evidence map: items by edition, each cell a verdict (coloured by level) and the estimates behind it.

In the spirit of evidence gap maps: rows are the relationship elements, the ways of customizing
therapy and the client characteristics (grouped, narrower items under the item they were split
from), columns are the editions. A cell holds the edition's verdict on the item, if it gave one, and
the estimates it published (k, the figure with its interval). The legend says what each level means
in esrkg's words (an editorial note, marked as ours) and which source defines the scale. The "for
whom" view regroups the customizing rows by the client characteristic they are tailored to.

An edition that published no per-item verdicts (TF3-2018 in our sources) says so in every cell
(``Edition.per_item_verdicts`` is False) instead of looking like "no verdict".
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from esrkg import queries
from esrkg.evidence import Estimate, estimates_on
from esrkg.queries import Source

Group = Literal["element", "adaptation", "characteristic"]

GROUP_TITLES: dict[Group, str] = {
    "element": "Relationship elements (what works in general)",
    "adaptation": "Ways of customizing therapy to the client",
    "characteristic": "Client characteristics graded without an adaptation",
}
_GROUP_OF_KIND: dict[str, Group] = {"RelationshipElement": "element", "Adaptation": "adaptation",
                                    "ClientCharacteristic": "characteristic"}

# Fill and text colour per level (local name). Greens for the two levels every scale calls effective,
# a blue for 2002's merged second category (it sits on another scale), amber for promising, grey for
# insufficient research: distinguishable in the common colour-vision deficiencies, and each cell
# also prints the level's name, so colour is never the only cue.
LEVEL_COLOURS: dict[str, tuple[str, str]] = {
    "demonstrably-effective": ("#1b7837", "#ffffff"),
    "probably-effective": ("#7fbf7b", "#08300f"),
    "promising-and-probably-effective": ("#92c5de", "#0b2a3d"),
    "promising-but-insufficient": ("#fee08b", "#3d2f00"),
    "insufficient-research": ("#d9d9d9", "#222222"),
}
_UNKNOWN_COLOURS = ("#f0f0f0", "#222222")
_UNGRADED = 10**6  # sorts items no edition graded after the graded ones


@dataclass(frozen=True)
class Level:
    """An evidence level on one edition's scale, with esrkg's explanation and the scale's sources."""

    iri: str
    label: str
    position: int
    explanation: str
    scale: str
    scale_label: str
    scale_sources: str

    @property
    def colours(self) -> tuple[str, str]:
        """(fill, text) colours of the level in the map and on the cards."""
        return LEVEL_COLOURS.get(self.iri.rsplit("/", 1)[-1], _UNKNOWN_COLOURS)


@dataclass(frozen=True)
class Edition:
    """A column of the map."""

    iri: str
    id: str
    year: int
    scale: str
    note: str
    per_item_verdicts: bool


@dataclass(frozen=True)
class Verdict:
    """One edition's verdict on one item."""

    level: Level
    name_in_edition: str
    source_label: str


@dataclass(frozen=True)
class Cell:
    """What one edition said about one item: its verdict (if any) and its estimates."""

    edition: Edition
    verdict: Verdict | None
    estimates: tuple[Estimate, ...]

    @property
    def headline(self) -> Estimate | None:
        """The first quantitative estimate (the one the cell prints), if any."""
        return next((e for e in self.estimates if e.value is not None), None)

    def marks(self) -> str:
        """The cell's short text about the estimates: 'k = 190 · r = .275 [.25, .30] (+1 more)'."""
        headline = self.headline
        if headline is None:
            return "qualitative synthesis" if self.estimates else ""
        parts = [f"k = {headline.k}"] if headline.k is not None else []
        figure = headline.figure()
        if headline.ci is not None:
            figure += f" [{headline.ci.printed.removeprefix('95% CI ').strip('[]')}]"
        parts.append(figure)
        more = len(self.estimates) - 1
        return " · ".join(parts) + (f" (+{more} more)" if more else "")

    def status(self) -> str:
        """The verdict in words, or why there is none."""
        if self.verdict is not None:
            return self.verdict.level.label
        if not self.edition.per_item_verdicts:
            return "verdict not published"
        return "not graded"


@dataclass(frozen=True)
class Row:
    """An item and its cells, one per edition."""

    item: str
    label: str
    group: Group
    depth: int
    characteristic: str
    characteristic_label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class EvidenceMap:
    """The whole map: editions (columns), rows, the levels of the legend and the totals-only editions."""

    editions: tuple[Edition, ...]
    rows: tuple[Row, ...]
    levels: tuple[Level, ...]
    totals: tuple[dict[str, object], ...]

    def groups(self) -> list[tuple[Group, list[Row]]]:
        """Rows by group, in the map's order."""
        grouped: dict[Group, list[Row]] = defaultdict(list)
        for row in self.rows:
            grouped[row.group].append(row)
        return [(group, grouped[group]) for group in GROUP_TITLES if grouped[group]]

    def for_whom(self) -> list[tuple[str, str, list[Row]]]:
        """(characteristic IRI, label, rows): each client characteristic with its own verdicts and its adaptations."""
        by_characteristic: dict[str, list[Row]] = defaultdict(list)
        labels: dict[str, str] = {}
        for row in self.rows:
            if row.group == "characteristic":
                by_characteristic[row.item].insert(0, row)
                labels[row.item] = row.label
            elif row.group == "adaptation" and row.characteristic:
                by_characteristic[row.characteristic].append(row)
                labels[row.characteristic] = row.characteristic_label
        return [(iri, labels[iri], by_characteristic[iri]) for iri in sorted(labels, key=lambda i: labels[i].lower())]

    def row(self, item: str) -> Row | None:
        """The row of one item, if the map has it."""
        return next((row for row in self.rows if row.item == item), None)


def evidence_levels(source: Source) -> list[Level]:
    """Every level on every scale, once per scale, strongest first, with esrkg's explanation."""
    seen: dict[tuple[str, str], Level] = {}
    for row in queries.rows(source, "evidence_scales"):
        key = (str(row["scale"]), str(row["level"]))
        seen.setdefault(key, Level(str(row["level"]), str(row["levelLabel"]), int(row["position"]),
                                   str(row.get("explanation", "")), str(row["scale"]), str(row["scaleLabel"]),
                                   str(row.get("sources", ""))))
    return list(seen.values())


def editions(source: Source) -> list[Edition]:
    """The editions in order; those without verdicts in the graph published none in our sources."""
    return [Edition(str(r["edition"]), str(r["editionId"]), int(r["year"]), str(r["scale"]), str(r.get("note", "")),
                    int(r["verdicts"]) > 0) for r in queries.rows(source, "editions")]


def _ordered_items(source: Source, rank: dict[str, int]) -> list[tuple[dict[str, object], int]]:
    """Map rows in order: the info sheet's order (level, then list position), narrower items under their broader."""
    items = queries.rows(source, "map_items")
    children: dict[str, list[dict[str, object]]] = defaultdict(list)
    for item in items:
        if "parent" in item:
            children[str(item["parent"])].append(item)

    def placed(iri: str) -> int:  # a broader item goes where its earliest-graded narrower item would
        return min([rank.get(iri, _UNGRADED), *(placed(str(c["item"])) for c in children[iri])])

    def order(item: dict[str, object]) -> tuple[int, int, str]:
        position = item.get("listPosition")
        return (placed(str(item["item"])), int(str(position)) if position is not None else _UNGRADED,
                str(item["label"]).lower())

    ordered: list[tuple[dict[str, object], int]] = []

    def visit(item: dict[str, object], depth: int) -> None:
        ordered.append((item, depth))
        for child in sorted(children[str(item["item"])], key=order):
            visit(child, depth + 1)

    for item in sorted((i for i in items if "parent" not in i), key=order):
        visit(item, 0)
    return ordered


def evidence_map(source: Source) -> EvidenceMap:
    """The evidence map of the graph (three catalogue queries and the estimates)."""
    columns = editions(source)
    levels = evidence_levels(source)
    scale_of = {e.iri: e.scale for e in columns}
    level_on = {(level.scale, level.iri): level for level in levels}
    verdicts: dict[tuple[str, str], Verdict] = {}
    for row in queries.rows(source, "verdicts_on_item"):
        edition = str(row["edition"])
        level = level_on[(scale_of[edition], str(row["level"]))]
        verdicts.setdefault((str(row["subject"]), edition),
                            Verdict(level, str(row.get("nameInEdition", "")), str(row["sourceLabel"])))
    estimates: dict[tuple[str, str], list[Estimate]] = defaultdict(list)
    edition_iri = {e.id: e.iri for e in columns}
    for estimate in estimates_on(source):
        estimates[(estimate.item, edition_iri[estimate.edition])].append(estimate)
    rows = []
    # The first edition that graded an item places it: its level's position on that edition's scale.
    rank: dict[str, int] = {}
    for column in columns:
        for (graded, where), verdict in verdicts.items():
            if where == column.iri:
                rank.setdefault(graded, column.year * 10 + verdict.level.position)
    for entry, depth in _ordered_items(source, rank):
        iri = str(entry["item"])
        cells = tuple(Cell(e, verdicts.get((iri, e.iri)), tuple(estimates.get((iri, e.iri), ()))) for e in columns)
        rows.append(Row(iri, str(entry["label"]), _GROUP_OF_KIND[str(entry["kind"]).rsplit("/", 1)[-1]], depth,
                        str(entry.get("characteristic", "")), str(entry.get("characteristicLabel", "")), cells))
    order = list(GROUP_TITLES)
    rows.sort(key=lambda r: order.index(r.group))  # stable: keeps the list order within a group
    totals = tuple(queries.rows(source, "edition_totals"))
    return EvidenceMap(tuple(columns), tuple(rows), tuple(levels), totals)
