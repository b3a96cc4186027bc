"""Turn the later task forces' findings (one CSV row per estimate) into RDF.

Run once when the CSV changes (``python scripts/import_findings.py``); the output is committed
as ``ontology/data/findings-<edition>.ttl`` and a test checks the two never drift apart.
Which item each edition's name denotes is a modelling decision recorded in ``ITEM_FOR_NAME``
and explained in ``ontology/README.md``.
"""

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from esrkg.namespaces import ESR, bind_prefixes

EDITIONS = ("TF2-2011", "TF3-2018")

# The item each edition's name denotes. Same construct -> the first-edition item; narrower or
# different constructs -> items of their own (declared in data/items.ttl with their relations).
ITEM_FOR_NAME: dict[str, str] = {
    "Alliance in individual psychotherapy": "alliance-in-individual-psychotherapy",
    "Alliance in youth psychotherapy": "alliance-in-youth-psychotherapy",
    "Alliance in child and adolescent psychotherapy": "alliance-in-youth-psychotherapy",
    "Alliance in family therapy": "alliance-in-couple-and-family-therapy",
    "Alliance in couple and family therapy": "alliance-in-couple-and-family-therapy",
    "Cohesion in group therapy": "cohesion-in-group-therapy",
    "Empathy": "empathy",
    "Collecting client feedback": "collecting-client-feedback",
    "Collecting and delivering client feedback": "collecting-client-feedback",
    "Goal consensus": "goal-consensus",
    "Collaboration": "collaboration",
    "Positive regard": "positive-regard",
    "Positive regard and affirmation": "positive-regard",
    "Congruence/genuineness": "congruence-genuineness",
    "Repairing alliance ruptures": "repair-of-alliance-ruptures",
    "Managing countertransference": "management-of-countertransference",
    "Real relationship": "real-relationship",
    "Emotional expression": "emotional-expression",
    "Cultivating positive expectations": "cultivating-positive-expectations",
    "Promoting treatment credibility": "promoting-treatment-credibility",
    "Self-disclosure and immediacy": "self-disclosure-and-immediacy",
    "Reactance/resistance level": "matching-directiveness-to-resistance",
    "Reactance level": "matching-directiveness-to-resistance",
    "Preferences": "preferences",
    "Culture": "culture",
    "Religion/spirituality": "religion-and-spirituality",
    "Stages of change": "stages-of-change",
    "Coping style": "matching-intervention-to-coping-style",
    "Expectations": "expectations",
    "Attachment style": "attachment-style",
}

LEVEL_FOR_CATEGORY = {
    "Demonstrably effective": "demonstrably-effective",
    "Probably effective": "probably-effective",
    "Promising but insufficient research": "promising-but-insufficient",
}

# The publication that reports an edition's verdicts, per part of the review.
VERDICT_SOURCE = {
    ("TF2-2011", "element"): "source-norcross-wampold-2011-elements",
    ("TF2-2011", "adaptation"): "source-norcross-wampold-2011-adaptations",
}


@dataclass(frozen=True)
class FindingRow:
    """One CSV row: one estimate reported by one edition."""

    edition: str
    part: str
    name: str
    category: str
    estimate: str
    metric: str
    value: str
    k: str
    k_unit: str
    n: str
    n_unit: str
    citation: str
    doi: str
    source_url: str
    excerpt: str


def read_rows(csv_path: Path) -> list[FindingRow]:
    """Read the findings CSV, refusing unknown names, categories or editions."""
    with csv_path.open(newline="", encoding="utf-8") as handle:
        records = csv.DictReader(handle)
        rows = [FindingRow(**{key: value.strip() for key, value in record.items()}) for record in records]
    for number, row in enumerate(rows, start=2):
        if row.edition not in EDITIONS:
            raise ValueError(f"{csv_path.name} line {number}: unknown edition {row.edition!r}.")
        if row.name not in ITEM_FOR_NAME:
            raise ValueError(f"{csv_path.name} line {number}: no item is mapped for the name {row.name!r}.")
        if row.category and row.category not in LEVEL_FOR_CATEGORY:
            raise ValueError(f"{csv_path.name} line {number}: unknown category {row.category!r}.")
    return rows


def slug(text: str) -> str:
    """ASCII, lowercase, hyphen-separated form of a text, for IRIs."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def source_id(citation: str) -> str:
    """A readable, unique source id from a citation: up to three surnames and the year."""
    authors, _, rest = citation.partition("(")
    year = rest[:4]
    surnames = [part for part in re.split(r",|&", authors) if part.strip()][:3]
    return "source-" + slug(" ".join(surnames)) + "-" + year


def findings_graph(rows: Iterable[FindingRow], edition: str) -> Graph:
    """The verdicts, estimates and sources of one edition's rows."""
    graph = bind_prefixes(Graph())
    edition_node = ESR[edition]
    estimate_counts: dict[str, int] = {}
    for row in rows:
        if row.edition != edition:
            continue
        item = ITEM_FOR_NAME[row.name]
        source = _add_source(graph, row)
        if row.category:
            _add_verdict(graph, row, item, edition_node)
        estimate_counts[item] = estimate_counts.get(item, 0) + 1
        estimate = ESR[f"estimate-{edition}-{item}-{estimate_counts[item]}"]
        graph.add((estimate, RDF.type, ESR.EffectSizeEstimate))
        graph.add((estimate, RDFS.label, Literal(f"{edition} estimate for {row.name}: {row.estimate}", lang="en")))
        graph.add((estimate, ESR.about, ESR[item]))
        graph.add((estimate, ESR.edition, edition_node))
        graph.add((estimate, ESR.nameInEdition, Literal(row.name)))
        graph.add((estimate, ESR.estimates, Literal(row.estimate)))
        graph.add((estimate, DCTERMS.source, source))
        graph.add((estimate, ESR.excerpt, Literal(row.excerpt)))
        if row.value:
            graph.add((estimate, ESR.metric, Literal(row.metric)))
            graph.add((estimate, ESR.value, Literal(Decimal(row.value), datatype=XSD.decimal)))
        else:
            # No pooled figure in the source: the estimate is a qualitative summary.
            graph.add((estimate, ESR.qualitative, Literal(True)))
        _add_count(graph, estimate, ESR.studyCount, ESR.studyUnit, row.k, row.k_unit)
        _add_count(graph, estimate, ESR.sampleSize, ESR.sampleUnit, row.n, row.n_unit)
    return graph


def _add_verdict(graph: Graph, row: FindingRow, item: str, edition_node: URIRef) -> None:
    verdict = ESR[f"verdict-{row.edition}-{item}"]
    level = ESR[LEVEL_FOR_CATEGORY[row.category]]
    existing = graph.value(verdict, ESR.level)
    if existing is not None and existing != level:
        raise ValueError(f"{row.edition} gives {row.name!r} two different categories.")
    graph.add((verdict, RDF.type, ESR.Verdict))
    graph.add((verdict, RDFS.label, Literal(f"{row.edition} verdict on {row.name}", lang="en")))
    graph.add((verdict, ESR.about, ESR[item]))
    graph.add((verdict, ESR.level, level))
    graph.add((verdict, ESR.edition, edition_node))
    graph.add((verdict, ESR.nameInEdition, Literal(row.name)))
    graph.add((verdict, DCTERMS.source, ESR[VERDICT_SOURCE[(row.edition, row.part)]]))


def _add_source(graph: Graph, row: FindingRow) -> URIRef:
    source = ESR[source_id(row.citation)]
    known_citation = graph.value(source, DCTERMS.bibliographicCitation)
    if known_citation is not None and str(known_citation) != row.citation:
        raise ValueError(f"Two citations share the id {source}: {known_citation!r} and {row.citation!r}.")
    graph.add((source, RDF.type, ESR.Source))
    graph.add((source, RDFS.label, Literal(row.citation.partition(".")[0] + ".", lang="en")))
    graph.add((source, DCTERMS.bibliographicCitation, Literal(row.citation, lang="en")))
    graph.add((source, ESR.url, Literal(row.source_url, datatype=XSD.anyURI)))
    if row.doi:
        graph.add((source, ESR.doi, Literal(row.doi)))
    return source


def _add_count(graph: Graph, estimate: URIRef, count_property: URIRef, unit_property: URIRef,
               count: str, unit: str) -> None:
    if count:
        graph.add((estimate, count_property, Literal(int(count))))
    if unit:
        graph.add((estimate, unit_property, Literal(unit)))
