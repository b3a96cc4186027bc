"""Data for browsing the graph (the app's pages): plain rows and typed records, all read with SPARQL.

Each function takes the graph or store first, so the app can cache it by name and arguments.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, Literal, URIRef

from esrkg import queries, schema_view
from esrkg.evidence import Estimate, estimates_on
from esrkg.evidence_map import EvidenceMap, evidence_map
from esrkg.namespaces import PREFIXES
from esrkg.queries import Source
from esrkg.summary_card import SummaryCard, estimate_facts, summary_card

Row = dict[str, Any]


@dataclass(frozen=True)
class SchemaSummary:
    """What the Schema page shows."""

    classes: tuple[schema_view.SchemaClass, ...]
    properties: tuple[schema_view.SchemaProperty, ...]
    schemes: tuple[schema_view.ConceptScheme, ...]
    shapes: tuple[schema_view.ShapeConstraint, ...]
    diagram: str
    unlinked: tuple[str, ...] = ()


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


def evidence_map_of(source: Source) -> EvidenceMap:
    """The evidence map (items by edition) of the Evidence map page."""
    return evidence_map(source)


def card(source: Source, iri: str) -> SummaryCard | None:
    """The summary card of one item (None for nodes that are not elements, adaptations or characteristics)."""
    return summary_card(source, iri)


def estimates(source: Source, iri: str = "") -> list[Estimate]:
    """Every estimate (on one item and the items within it, when an IRI is given), with all its statistics."""
    return estimates_on(source, iri or None)


def estimate_table(source: Source, iri: str = "") -> list[dict[str, str]]:
    """The estimates as rows of labelled strings (CI, p, k, N as the sources print them, N bounds as bounds)."""
    return [estimate_facts(e) for e in estimates_on(source, iri or None)]


def schema(source: Source) -> SchemaSummary:
    """The ontology's classes, properties, concept schemes and SHACL shapes, and its diagram."""
    found_classes, found_properties = schema_view.classes(source), schema_view.properties(source)
    found_shapes = schema_view.shapes()
    diagram = schema_view.diagram_dot(found_classes, found_properties, found_shapes)
    return SchemaSummary(tuple(found_classes), tuple(found_properties), tuple(schema_view.schemes(source)),
                         tuple(found_shapes), diagram, tuple(schema_view.unlinked_classes(found_classes, diagram)))


def completions(source: Source) -> dict[str, list[str]]:
    """What the SPARQL editor completes: the project's prefixes, the ontology's classes and properties (IRIs)."""
    return {"prefixes": [f"{prefix}: <{namespace}>" for prefix, namespace in PREFIXES.items()],
            "classes": sorted(c.iri for c in schema_view.classes(source)),
            "properties": sorted(p.iri for p in schema_view.properties(source))}


def stats_lines(source: Source) -> list[str]:
    """What the graph holds, as `esrkg stats` prints it, with thousands separators for people ('2,555')."""
    from esrkg.stats import compute_stats

    return [re.sub(r"(?<![\d.])(\d{4,})(?![\d.])", lambda m: f"{int(m.group(1)):,}", line)
            for line in compute_stats(source).lines()]


def sheet_markdown(source: Source) -> str:
    """The info sheet regenerated from the graph, as Markdown."""
    from esrkg.sheet import render_sheet

    return render_sheet(source)
