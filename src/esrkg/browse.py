"""Data for browsing the graph (the app's pages): plain rows and records, all read with SPARQL."""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, Literal, URIRef

from esrkg import queries

Row = dict[str, Any]


@dataclass(frozen=True)
class MatrixCell:
    """The items one edition placed at one level, in one part of the review."""

    edition: str
    part: str
    level: str
    items: tuple[str, ...]


def evidence_matrix(graph: Graph) -> list[MatrixCell]:
    """Elements and adaptations by evidence level, per edition (from the per-item verdicts)."""
    cells: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for part in ("element", "adaptation"):
        for row in queries.rows(graph, "items_at_level", {"part": Literal(part)}):
            cells[(row["editionId"], part, row["levelLabel"])].append(row["label"])
    return [MatrixCell(edition, part, level, tuple(dict.fromkeys(items)))
            for (edition, part, level), items in cells.items()]


def edition_totals(graph: Graph) -> list[Row]:
    """Totals editions reported without per-item verdicts (TF3-2018)."""
    return queries.rows(graph, "edition_totals")


def guiding_questions(graph: Graph) -> list[str]:
    """The two matters the task force addressed."""
    return [row["text"] for row in queries.rows(graph, "guiding_questions")]


def sources(graph: Graph) -> list[Row]:
    """Each edition's task force and publications."""
    return queries.rows(graph, "sources")


def about(graph: Graph) -> Row:
    """The ontology header: title, description, version, licence, creator, citation."""
    rows = queries.rows(graph, "ontology_header")
    return rows[0] if rows else {}


def glossary(graph: Graph) -> list[Row]:
    """Every glossary term in the sheet's order, with definition, source and synonyms."""
    return queries.rows(graph, "glossary")


def evidence_on(graph: Graph, iri: str) -> list[Row]:
    """Verdicts and estimates on one item (and the narrower items and adaptations it covers)."""
    return queries.rows(graph, "evidence_on_item", {"item": URIRef(iri)})


def relations_of(graph: Graph, iri: str) -> list[Row]:
    """What one node relates to, both directions."""
    return queries.rows(graph, "relations", {"item": URIRef(iri)})


def definition_of(graph: Graph, iri: str) -> Row:
    """The glossary definition (or esrkg's note) of one node, with its source; empty if none."""
    rows = queries.rows(graph, "definition", {"term": URIRef(iri)})
    return rows[0] if rows else {}


def all_evidence(graph: Graph) -> list[Row]:
    """Every verdict and estimate once, by year: the material of the 'evidence over time' page."""
    # Unbound, the query also pairs evidence with the broader items it covers; keep each once.
    return [row for row in queries.rows(graph, "evidence_on_item") if row["item"] == row["subject"]]


def verdict_history(graph: Graph) -> list[Row]:
    """One row per item with its verdict in each edition (None where that edition gave none)."""
    editions: list[str] = []
    history: dict[str, Row] = {}
    for row in all_evidence(graph):
        if row["kind"] != "verdict":
            continue
        editions.append(row["editionId"])
        entry = history.setdefault(row["subjectLabel"], {"item": row["subjectLabel"]})
        entry[row["editionId"]] = row["levelLabel"]
    columns = sorted(set(editions))
    return [{"item": label, **{e: entry.get(e) for e in columns}} for label, entry in sorted(history.items())]


def effect_sizes(graph: Graph) -> list[Row]:
    """Every quantitative estimate: item, edition, metric, value, k, N, what it estimates, source."""
    return [row for row in all_evidence(graph) if row["kind"] == "estimate" and "value" in row]
