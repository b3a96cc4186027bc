"""What the question answering knows about a graph before any question: computed once per graph.

Concept names (for entity linking), editions and their scales, items and their scope, sources
and their authors, glossary definitions, stage sequences and recommendations, all read with
catalogue queries. A context is plain data: it can be cached (see :mod:`esrkg.ask.cache`).
"""

import re
from dataclasses import asdict, dataclass
from typing import Any

from esrkg import queries
from esrkg.ask.lexicon import (
    ABOVE,
    AT_LEAST,
    AT_MOST,
    BELOW,
    DOMAIN_WORDS,
    OUTSIDE_WORDS,
    ZERO_IN_CI,
    cue_groups,
)
from esrkg.linking import LabelIndex, build_index, content_words, fold
from esrkg.queries import Source

SOURCE_KIND = "Source"


@dataclass(frozen=True)
class EditionInfo:
    """An edition, its scale's levels in order, and what the graph holds for it."""

    iri: str
    id: str
    year: int
    position: int
    scale: str
    levels: tuple[tuple[str, str], ...]  # (level IRI, label), strongest first
    has_verdicts: bool
    has_estimates: bool
    has_totals: bool


@dataclass(frozen=True)
class ItemInfo:
    """An assessable item: kind, label, sheet position, the items it falls under, format, characteristic."""

    iri: str
    kind: str
    label: str
    list_position: int | None
    within: tuple[str, ...]
    formats: tuple[str, ...]
    tailored_to: tuple[str, ...]
    related: tuple[str, ...] = ()  # skos:related items (a 2018 element related to a 2002 adaptation)
    estimate_editions: tuple[str, ...] = ()  # editions that report an estimate on the item itself


@dataclass(frozen=True)
class GlossaryEntry:
    """A glossary term and the words of its definition."""

    iri: str
    label: str
    heading: str
    definition: str


@dataclass(frozen=True)
class StageInfo:
    """A stage of a sequence, at its position."""

    iri: str
    label: str
    position: int


@dataclass(frozen=True)
class AskContext:
    """Everything the reader needs about one graph."""

    label_rows: tuple[dict[str, str], ...]
    dictionary: tuple[str, ...]  # words of the graph's texts: spelled right, never corrected
    editions: tuple[EditionInfo, ...]
    items: dict[str, ItemInfo]  # in IRI order, whatever order the store gave (the reader relies on it)
    glossary: tuple[GlossaryEntry, ...]
    stages: dict[str, tuple[StageInfo, ...]]
    sequence_labels: dict[str, str]

    def index(self) -> LabelIndex:
        """The entity-linking index over every concept's names and the cue words."""
        return build_index(self.label_rows, cue_vocabulary(), self.dictionary)

    def edition(self, iri: str) -> EditionInfo | None:
        """The edition with this IRI."""
        return next((e for e in self.editions if e.iri == iri), None)

    @property
    def first(self) -> EditionInfo:
        """The first edition that has per-item verdicts (the info sheet's)."""
        return next(e for e in self.editions if e.has_verdicts)

    @property
    def latest(self) -> EditionInfo:
        """The most recent edition."""
        return self.editions[-1]

    def to_json(self) -> dict[str, Any]:
        """Plain data for the cache."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "AskContext":
        """The context back from :meth:`to_json`."""
        return cls(
            label_rows=tuple(data["label_rows"]),
            dictionary=tuple(data["dictionary"]),
            editions=tuple(EditionInfo(**{**e, "levels": tuple(tuple(level) for level in e["levels"])})
                           for e in data["editions"]),
            items={iri: ItemInfo(**{**i, **{key: tuple(i[key]) for key in _ITEM_SETS}})
                   for iri, i in sorted(data["items"].items())},
            glossary=tuple(GlossaryEntry(**g) for g in data["glossary"]),
            stages={s: tuple(StageInfo(**x) for x in stages) for s, stages in data["stages"].items()},
            sequence_labels=dict(data["sequence_labels"]),
        )


# ItemInfo's set-valued fields, by the ask_items column each is read from.
_ITEM_SETS = {"within": "within", "formats": "format", "tailored_to": "tailoredTo", "related": "related",
              "estimate_editions": "estimateEdition"}


def cue_vocabulary() -> tuple[str, ...]:
    """Every word of the lexicon's cues, for typo correction."""
    cues = [*cue_groups(), ABOVE, AT_LEAST, BELOW, AT_MOST, ZERO_IN_CI, tuple(DOMAIN_WORDS)]
    return tuple(sorted({word for group in cues for phrase in group for word in fold(phrase).split()}))


def _source_names(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Names people use for a publication: its authors' surnames, the first author with the year."""
    names = []
    for row in rows:
        label = str(row["label"])
        authors, _, rest = label.partition("(")
        year = rest[:4] if rest[:4].isdigit() else ""
        surnames = [s.strip() for s in re.split(r",|&| and ", authors) if s.strip()]
        if not surnames or not year:
            continue
        concept = {"node": str(row["source"]), "kind": SOURCE_KIND, "label": label.rstrip(".")}
        # All surnames with the year is the longest name: "Norcross & Wampold 2018" beats "Norcross 2018";
        # with the title's main words longer still ("Norcross & Wampold, What works for whom").
        title = re.search(r"\(\d{4}\)\.\s*([^.:?]+)", str(row.get("citation", "")))
        titled = {f"{' '.join(surnames)} {title.group(1)}"} if title else set()
        for name in {" ".join(surnames), f"{' '.join(surnames)} {year}", f"{surnames[0]} {year}",
                     f"{surnames[0]} et al {year}", *titled}:
            names.append({**concept, "name": name})
    return names


def build_context(source: Source) -> AskContext:
    """Read what the question answering needs from a graph or store (a handful of catalogue queries)."""
    label_rows = [{key: str(row[key]) for key in ("node", "kind", "name", "label")}
                  for row in queries.rows(source, "labels")]
    label_rows += _source_names(queries.rows(source, "ask_sources"))
    # Sorted here: a store's row order can change between runs (rdflib's follows Python's string hashing),
    # and the reader must read a question the same way every time.
    label_rows.sort(key=lambda r: (r["node"], r["name"], r["kind"]))
    editions: dict[str, dict[str, Any]] = {}
    for row in queries.rows(source, "ask_editions"):
        entry = editions.setdefault(str(row["edition"]), {
            "iri": str(row["edition"]), "id": str(row["editionId"]), "year": int(row["year"]),
            "position": int(row["position"]), "scale": str(row["scale"]), "levels": [],
            "has_verdicts": bool(row["hasVerdicts"]), "has_estimates": bool(row["hasEstimates"]),
            "has_totals": bool(row["hasTotals"])})
        level = (str(row["level"]), str(row["levelLabel"]))
        if level not in entry["levels"]:
            entry["levels"].append(level)
    items: dict[str, dict[str, Any]] = {}
    for row in queries.rows(source, "ask_items"):
        item = items.setdefault(str(row["item"]), {
            "iri": str(row["item"]), "kind": str(row["kind"]).rsplit("/", 1)[-1], "label": str(row["label"]),
            "list_position": row.get("listPosition"), **{key: set() for key in _ITEM_SETS}})
        for key, column in _ITEM_SETS.items():
            if column in row:
                item[key].add(str(row[column]))
    stages: dict[str, list[StageInfo]] = {}
    sequence_labels: dict[str, str] = {}
    for row in queries.rows(source, "ask_stages"):
        stages.setdefault(str(row["sequence"]), []).append(
            StageInfo(str(row["stage"]), str(row["label"]), int(row["position"])))
        sequence_labels[str(row["sequence"])] = str(row["sequenceLabel"])
    texts = " ".join(str(row["text"]) for row in queries.rows(source, "ask_words"))
    return AskContext(
        label_rows=tuple(label_rows),
        dictionary=tuple(sorted(set(fold(texts).split()) | OUTSIDE_WORDS)),
        editions=tuple(EditionInfo(**{**e, "levels": tuple(e["levels"])})
                       for e in sorted(editions.values(), key=lambda e: e["position"])),
        items={iri: ItemInfo(**{**i, **{key: tuple(sorted(i[key])) for key in _ITEM_SETS}})
               for iri, i in sorted(items.items())},
        glossary=tuple(GlossaryEntry(str(r["term"]), str(r["label"]), str(r["glossaryLabel"]), str(r["definition"]))
                       for r in queries.rows(source, "glossary")),
        stages={s: tuple(sorted(v, key=lambda x: x.position)) for s, v in stages.items()},
        sequence_labels=sequence_labels,
    )


def definition_words(entry: GlossaryEntry) -> frozenset[str]:
    """The content words of a glossary definition (for finding a term by what it means)."""
    return content_words(entry.definition)
