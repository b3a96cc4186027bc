"""An item's summary card, in the spirit of GRADE summary-of-findings tables, shared by every page.

One record says what the graph holds on one item: its definition with the definition's source (or
esrkg's own note, marked as ours), every edition's verdict with esrkg's explanation of the level,
how the verdict changed (only "upgraded"/"downgraded" on one scale), every estimate with all its
statistics as the source prints them, and a "cite this" text. ``estimate_facts`` writes one
estimate as labelled strings, so the card, the Explore details and the Evidence page show the same
words: N given as a bound reads "more than 14,000 treatments", never as an exact count.
"""

from dataclasses import dataclass

from rdflib import URIRef

from esrkg import queries
from esrkg.evidence import Estimate, estimates_on
from esrkg.evidence_map import Level, evidence_levels
from esrkg.queries import Source

DOI_RESOLVER = "https://doi.org/"


@dataclass(frozen=True)
class CardVerdict:
    """One edition's verdict on the item (or on an item within it)."""

    edition: str
    year: int
    subject_label: str
    level: Level
    name_in_edition: str
    source_label: str


@dataclass(frozen=True)
class Change:
    """How a verdict changed between two editions, in the words of the ``verdict_changes`` query."""

    earlier: str
    later: str
    change: str

    def sentence(self) -> str:
        """'TF1-2002 Insufficient research → TF2-2011 Demonstrably effective: different scales'."""
        return f"{self.earlier} → {self.later}: {self.change}"


@dataclass(frozen=True)
class SummaryCard:
    """Everything the card of one item shows."""

    iri: str
    label: str
    kind_label: str
    other_names: tuple[str, ...]
    definition: str
    definition_source: str
    note: str
    verdicts: tuple[CardVerdict, ...]
    changes: tuple[Change, ...]
    estimates: tuple[Estimate, ...]
    sources: tuple[str, ...]
    graph_citation: str

    def cite_this(self) -> str:
        """How to cite what the card shows: the graph, the item's IRI and the publications behind it."""
        text = f"{self.graph_citation}. Entry: {self.label}, {self.iri}."
        if self.sources:
            text += " Evidence from: " + " ".join(self.sources)
        return text


def estimate_facts(estimate: Estimate) -> dict[str, str]:
    """One estimate as labelled strings for people, numbers as the source prints them; '' where absent."""
    what = estimate.estimand_label
    if estimate.event:
        what += f" (odds of {estimate.event})"
    if estimate.direction_label:
        what += f"; {estimate.direction_label}"
    quoted = " … ".join(q.words for q in estimate.quotations)
    return {
        "Edition": estimate.edition,
        "About": estimate.item_label + (f" (named “{estimate.name_in_edition}”)"
                                        if estimate.name_in_edition and estimate.name_in_edition != estimate.item_label
                                        else ""),
        "What it estimates": f"{what}: {estimate.estimates}",
        "Metric": estimate.metric or "",
        "Value": estimate.printed_value or ("qualitative synthesis, no pooled figure" if estimate.qualitative else ""),
        "95% CI": estimate.ci.printed.removeprefix("95% CI ") if estimate.ci else "",
        "p": estimate.p.printed if estimate.p else "",
        "k": (f"{estimate.k:,} {estimate.k_unit}".strip() if estimate.k is not None else ""),
        "N": estimate.n.display() if estimate.n else "",
        "d equivalent": estimate.d_equivalent.printed if estimate.d_equivalent else "",
        "Heterogeneity": "; ".join(s.printed for s in estimate.heterogeneity),
        "Quoted": quoted,
        "Source": estimate.citation or estimate.source_label,
        "DOI": estimate.doi or "",
        "Read at": estimate.quotations[0].page if estimate.quotations else "",
    }


def doi_link(doi: str) -> str:
    """The resolver link of a DOI ('' for none)."""
    return f"{DOI_RESOLVER}{doi}" if doi else ""


def summary_card(source: Source, iri: str) -> SummaryCard | None:
    """The card of one element, adaptation or client characteristic; None for anything else."""
    item = URIRef(iri)
    header = queries.rows(source, "card_header", {"item": item})
    if not header:
        return None
    first = header[0]
    names = dict.fromkeys(n for row in header for n in str(row.get("otherNames", "")).split("; ") if n)
    levels = {(level.scale, level.iri): level for level in evidence_levels(source)}
    scales = {str(r["editionId"]): str(r["scale"]) for r in queries.rows(source, "editions")}
    verdicts = tuple(
        CardVerdict(str(r["editionId"]), int(r["year"]), str(r["subjectLabel"]),
                    levels[(scales[str(r["editionId"])], str(r["level"]))], str(r.get("nameInEdition", "")),
                    str(r["sourceLabel"]))
        for r in queries.rows(source, "verdicts_on_item", {"item": item}))
    changes = tuple(
        Change(f"{r['earlierEdition']} {r['earlierLevel']}" + _on(r, "earlierSubjectLabel", first["label"]),
               f"{r['laterEdition']} {r['laterLevel']}" + _on(r, "laterSubjectLabel", first["label"]), str(r["change"]))
        for r in queries.rows(source, "verdict_changes", {"item": item}))
    estimates = tuple(estimates_on(source, iri))
    citations = [str(row.get("citation") or row.get("sourceLabel")) for row in header if row.get("sourceLabel")]
    citations += [e.citation or e.source_label for e in estimates]
    about = queries.rows(source, "ontology_header")
    return SummaryCard(
        iri=iri, label=str(first["label"]), kind_label=str(first["kindLabel"]), other_names=tuple(names),
        definition=str(first.get("definition", "")),
        definition_source=str(first.get("sourceLabel", "")) if first.get("definition") else "",
        note=str(first.get("note", "")), verdicts=verdicts, changes=changes, estimates=estimates,
        sources=tuple(dict.fromkeys(citations)),
        graph_citation=str(about[0].get("citation", "esrkg")).rstrip(".") if about else "esrkg",
    )


def _on(row: dict[str, object], key: str, label: object) -> str:
    """' (on Alliance in youth psychotherapy)' when a verdict is on an item within the card's item."""
    return f" (on {row[key]})" if row.get(key) and row[key] != label else ""
