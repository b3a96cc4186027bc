"""Turn the later task forces' findings (one CSV row per estimate) into RDF.

Run once when the CSV changes (``python scripts/import_findings.py``); the output is committed
as ``ontology/data/findings-<edition>.ttl`` and a test checks the two never drift apart.
Which item each edition's name denotes, and what each estimate estimates, are modelling
decisions recorded in ``findings_mapping`` and explained in ``ontology/README.md``.

Every statistic of a row becomes data on its estimate: the confidence interval (bounds and
level), the p-value (comparator and number), N (exact, or the bound the source gives), the
source's own d equivalent, I², Q and df. Each is tied to the quotation that prints it, and the
import refuses a row whose number is in none of its quotations.
"""

import csv
from collections.abc import Iterable
from dataclasses import dataclass, fields
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from esrkg.findings_mapping import (
    EDITIONS,
    ESTIMAND_FOR_ESTIMATE,
    ITEM_FOR_NAME,
    LEVEL_FOR_CATEGORY,
    METRIC_CLASS,
    ODDS_RATIO_READINGS,
    VERDICT_SOURCE,
    source_id,
)
from esrkg.namespaces import BIBO, ESR, OBO, bind_prefixes
from esrkg.printed_statistics import appears_in, parse_heterogeneity, parse_p


@dataclass(frozen=True)
class FindingRow:
    """One CSV row: one estimate reported by one edition (columns as the CSV's README describes them)."""

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
    ci_low: str
    ci_high: str
    p: str
    n_qualifier: str
    d_equivalent: str
    heterogeneity: str
    stat_excerpt: str
    stat_source_url: str

    def quotations(self) -> list[tuple[str, str, str]]:
        """(kind, words, page) of each quotation the row's figures are read from: the excerpt, and the
        statistics excerpt when the source prints the CI, p... in other words or on another page."""
        quoted = [("excerpt", self.excerpt, self.source_url)]
        if self.stat_excerpt:
            quoted.append(("statistics", self.stat_excerpt, self.stat_source_url or self.source_url))
        return quoted


COLUMNS = tuple(field.name for field in fields(FindingRow))


def read_rows(csv_path: Path) -> list[FindingRow]:
    """Read the findings CSV, refusing unknown columns, names, categories, editions or estimands."""
    with csv_path.open(newline="", encoding="utf-8") as handle:
        records = csv.DictReader(handle)
        if tuple(records.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{csv_path.name}: expected the columns {', '.join(COLUMNS)}.")
        rows = [FindingRow(**{key: (value or "").strip() for key, value in record.items()}) for record in records]
    for number, row in enumerate(rows, start=2):
        where = f"{csv_path.name} line {number}"
        if row.edition not in EDITIONS:
            raise ValueError(f"{where}: unknown edition {row.edition!r}.")
        if row.name not in ITEM_FOR_NAME:
            raise ValueError(f"{where}: no item is mapped for the name {row.name!r}.")
        if row.category and row.category not in LEVEL_FOR_CATEGORY:
            raise ValueError(f"{where}: unknown category {row.category!r}.")
        if row.estimate not in ESTIMAND_FOR_ESTIMATE:
            raise ValueError(f"{where}: no estimand is mapped for the estimate {row.estimate!r}.")
        if row.metric and row.metric not in METRIC_CLASS:
            raise ValueError(f"{where}: unknown metric {row.metric!r}.")
    return rows


def findings_graph(rows: Iterable[FindingRow], edition: str) -> Graph:
    """The verdicts, estimates, statistics, quotations and sources of one edition's rows."""
    graph = bind_prefixes(Graph())
    estimate_counts: dict[str, int] = {}
    for row in rows:
        if row.edition != edition:
            continue
        item = ITEM_FOR_NAME[row.name]
        if row.category:
            _add_verdict(graph, row, item)
        estimate_counts[item] = estimate_counts.get(item, 0) + 1
        _EstimateWriter(graph, row, ESR[f"estimate-{edition}-{item}-{estimate_counts[item]}"]).write(item)
    return graph


class _EstimateWriter:
    """Writes one row's estimate node, its statistics and its quotations."""

    def __init__(self, graph: Graph, row: FindingRow, estimate: URIRef) -> None:
        self.graph, self.row, self.estimate = graph, row, estimate
        self.quotations: list[tuple[URIRef, str]] = []

    def add(self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal) -> None:
        self.graph.add((subject, predicate, obj))

    def write(self, item: str) -> None:
        row, estimate = self.row, self.estimate
        source = _add_source(self.graph, row)
        self.add(estimate, RDF.type, ESR.EffectSizeEstimate)
        self.add(estimate, RDFS.label, Literal(f"{row.edition} estimate for {row.name}: {row.estimate}", lang="en"))
        self.add(estimate, ESR.about, ESR[item])
        self.add(estimate, ESR.edition, ESR[row.edition])
        self.add(estimate, ESR.nameInEdition, Literal(row.name))
        self.add(estimate, ESR.estimates, Literal(row.estimate))
        self.add(estimate, ESR.estimand, ESR[ESTIMAND_FOR_ESTIMATE[row.estimate]])
        self.add(estimate, DCTERMS.source, source)
        for kind, words, page in row.quotations():
            quotation = URIRef(f"{estimate}-{kind}")
            self.add(estimate, ESR.quotation if kind == "excerpt" else ESR.statisticsQuotation, quotation)
            self.add(quotation, RDF.type, ESR.Quotation)
            self.add(quotation, RDFS.label, Literal(f"Quotation for the {row.edition} estimate for {row.name} "
                                                    f"({kind})", lang="en"))
            self.add(quotation, PROV.value, Literal(words))
            self.add(quotation, PROV.wasQuotedFrom, source)
            self.add(quotation, ESR.readAt, Literal(page, datatype=XSD.anyURI))
            self.quotations.append((quotation, words))
        if row.value:
            self.quoted_in(row.value, "value")
            self.add(estimate, RDF.type, OBO[METRIC_CLASS[row.metric]])
            self.add(estimate, ESR.metric, Literal(row.metric))
            self.add(estimate, ESR.value, _decimal(row.value))
            self.add(estimate, ESR.printedValue, Literal(row.value))
        else:
            # No pooled figure in the source: the estimate is a qualitative summary.
            self.add(estimate, ESR.qualitative, Literal(True))
        self._counts()
        self._interval_and_p()
        self._heterogeneity()
        reading = ODDS_RATIO_READINGS.get((row.edition, row.estimate))
        if reading is not None:
            event, direction = reading
            if event not in row.excerpt:
                raise ValueError(f"{row.edition} {row.name}: the event {event!r} is not in the excerpt.")
            self.add(estimate, ESR.event, Literal(event))
            self.add(estimate, ESR.favourableDirection, ESR[direction])

    def quoted_in(self, number: str, what: str) -> URIRef:
        """The quotation that prints this number; a clear error when none does."""
        for quotation, words in self.quotations:
            if appears_in(number, words):
                return quotation
        raise ValueError(f"{self.row.edition} {self.row.name} ({self.row.estimate}): the {what} {number} "
                         "is in none of the row's quotations.")

    def statistic(self, suffix: str, stato_class: str, printed: str, what: str, label: str) -> URIRef:
        """A reported statistic's node: its STATO/OBI class, its label as printed, the quotation it is from."""
        node = URIRef(f"{self.estimate}-{suffix}")
        self.add(node, RDF.type, ESR.ReportedStatistic)
        self.add(node, RDF.type, OBO[stato_class])
        self.add(node, RDFS.label, Literal(label, lang="en"))
        self.add(node, PROV.wasDerivedFrom, self.quoted_in(printed, what))
        return node

    def _counts(self) -> None:
        row, estimate = self.row, self.estimate
        # k and N are the table's older columns: a row may share them with a sibling row whose
        # excerpt prints them (one meta-analysis, two estimates), so they are not checked here.
        if row.k:
            self.add(estimate, ESR.studyCount, Literal(int(row.k)))
        if row.k_unit:
            self.add(estimate, ESR.studyUnit, Literal(row.k_unit))
        if row.n:
            if row.n_qualifier:
                self.add(estimate, ESR.sampleSizeLowerBound, Literal(int(row.n)))
                self.add(estimate, ESR.sampleSizeBoundWording, Literal(row.n_qualifier))
            else:
                self.add(estimate, ESR.sampleSize, Literal(int(row.n)))
        if row.n_unit:
            # The CSV repeats the bound in the unit ("treatments (more than)"); the bound has its own property.
            unit = row.n_unit.replace(f"({row.n_qualifier})", "").strip() if row.n_qualifier else row.n_unit
            self.add(estimate, ESR.sampleUnit, Literal(unit))
        if row.d_equivalent:
            node = self.statistic("d", "STATO_0000100", row.d_equivalent, "d equivalent", f"d = {row.d_equivalent}")
            self.add(estimate, ESR.dEquivalent, node)
            self.add(node, ESR.numericValue, _decimal(row.d_equivalent))

    def _interval_and_p(self) -> None:
        row = self.row
        if row.ci_low or row.ci_high:
            if not (row.ci_low and row.ci_high):
                raise ValueError(f"{row.edition} {row.name}: a confidence interval needs both bounds.")
            interval = self.statistic("ci", "STATO_0000231", row.ci_low, "lower CI bound",
                                      f"95% CI [{row.ci_low}, {row.ci_high}]")
            self.quoted_in(row.ci_high, "upper CI bound")
            self.add(self.estimate, ESR.confidenceInterval, interval)
            self.add(interval, ESR.lowerLimit, _decimal(row.ci_low))
            self.add(interval, ESR.upperLimit, _decimal(row.ci_high))
            self.add(interval, ESR.confidenceLevel, _decimal("0.95"))
        if row.p:
            self._p_value(self.estimate, "p", row.p)

    def _p_value(self, subject: URIRef, suffix: str, printed: str) -> None:
        parsed = parse_p(printed)
        label = f"p {parsed.printed}" if parsed.comparator != "=" else f"p = {parsed.printed}"
        node = self.statistic(suffix, "OBI_0000175", format(parsed.value, "f"), "p-value", label)
        self.add(subject, ESR.pValue, node)
        self.add(node, ESR.comparator, Literal(parsed.comparator))
        self.add(node, ESR.numericValue, _decimal(parsed.value))

    def _heterogeneity(self) -> None:
        if not self.row.heterogeneity:
            return
        parsed = parse_heterogeneity(self.row.heterogeneity)
        if parsed.i_squared is not None:
            node = self.statistic("i2", "STATO_0000420", format(parsed.i_squared, "f"), "I2",
                                  f"I² = {parsed.i_squared}%")
            self.add(self.estimate, ESR.heterogeneity, node)
            self.add(node, ESR.numericValue, _decimal(parsed.i_squared))
        if parsed.q is not None:
            label = f"Q = {parsed.q}" + (f", df = {parsed.df}" if parsed.df is not None else "")
            node = self.statistic("q", "STATO_0000419", format(parsed.q, "f"), "Q", label)
            self.add(self.estimate, ESR.heterogeneity, node)
            self.add(node, ESR.numericValue, _decimal(parsed.q))
            if parsed.df is not None:
                self.quoted_in(str(parsed.df), "df")
                self.add(node, ESR.degreesOfFreedom, Literal(parsed.df))
            if parsed.q_p is not None:
                self._p_value(node, "q-p", parsed.q_p.printed)


def _decimal(number: str | Decimal) -> Literal:
    """An xsd:decimal literal whose lexical form keeps a point (Turtle writes 76 as 76.0)."""
    text = str(number)
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def _add_verdict(graph: Graph, row: FindingRow, item: str) -> None:
    verdict = ESR[f"verdict-{row.edition}-{item}"]
    level = ESR[LEVEL_FOR_CATEGORY[row.category]]
    existing = graph.value(verdict, ESR.level)
    if existing is not None and existing != level:
        raise ValueError(f"{row.edition} gives {row.name!r} two different categories.")
    graph.add((verdict, RDF.type, ESR.Verdict))
    graph.add((verdict, RDFS.label, Literal(f"{row.edition} verdict on {row.name}", lang="en")))
    graph.add((verdict, ESR.about, ESR[item]))
    graph.add((verdict, ESR.level, level))
    graph.add((verdict, ESR.edition, ESR[row.edition]))
    graph.add((verdict, ESR.nameInEdition, Literal(row.name)))
    graph.add((verdict, DCTERMS.source, ESR[VERDICT_SOURCE[(row.edition, row.part)]]))


def _add_source(graph: Graph, row: FindingRow) -> URIRef:
    source = ESR[source_id(row.citation)]
    known_citation = graph.value(source, DCTERMS.bibliographicCitation)
    if known_citation is not None and str(known_citation) != row.citation:
        raise ValueError(f"Two citations share the id {source}: {known_citation!r} and {row.citation!r}.")
    known_doi = graph.value(source, BIBO.doi)
    if row.doi and known_doi is not None and str(known_doi) != row.doi:
        raise ValueError(f"{row.citation} has two DOIs: {known_doi} and {row.doi}.")
    graph.add((source, RDF.type, ESR.Source))
    graph.add((source, RDFS.label, Literal(row.citation.partition(".")[0] + ".", lang="en")))
    graph.add((source, DCTERMS.bibliographicCitation, Literal(row.citation, lang="en")))
    if row.doi:
        graph.add((source, BIBO.doi, Literal(row.doi)))
    return source
