"""Every statistic of the findings CSV is data on its estimate, reachable with SPARQL and the Python API."""

import csv
from decimal import Decimal

import pytest

from esrkg import paths, queries
from esrkg.evidence import estimates_on
from esrkg.findings_mapping import ESTIMAND_FOR_ESTIMATE, ITEM_FOR_NAME, ODDS_RATIO_READINGS
from esrkg.namespaces import ESR
from esrkg.printed_statistics import parse_heterogeneity, parse_p

with paths.findings_csv().open(newline="", encoding="utf-8") as handle:
    CSV_ROWS = list(csv.DictReader(handle))


def row_id(row: dict[str, str]) -> str:
    return f"{row['edition']}:{row['name']}:{row['estimate']}"


@pytest.fixture(scope="module")
def by_key(graph):
    """The estimates as the Python API gives them, keyed like the CSV rows."""
    return {(e.edition, e.name_in_edition, e.estimates): e for e in estimates_on(graph)}


@pytest.fixture(scope="module")
def sparql_rows(graph):
    """The same estimates as rows of the catalogue query, keyed like the CSV rows."""
    rows = queries.rows(graph, "estimates_on_item")
    return {(r["editionId"], r["nameInEdition"], r["estimates"]): r for r in rows}


def test_every_row_is_one_estimate(by_key):
    assert len(by_key) == len(CSV_ROWS) == 55


@pytest.mark.parametrize("row", CSV_ROWS, ids=row_id)
def test_every_statistic_of_the_row_is_data_on_its_estimate(by_key, sparql_rows, row):
    estimate = by_key[(row["edition"], row["name"], row["estimate"])]
    from_sparql = sparql_rows[(row["edition"], row["name"], row["estimate"])]
    assert estimate.item == str(ESR[ITEM_FOR_NAME[row["name"]]])
    assert estimate.estimand == str(ESR[ESTIMAND_FOR_ESTIMATE[row["estimate"]]])
    if row["value"]:
        assert estimate.metric == row["metric"] and estimate.value == Decimal(row["value"])
        assert estimate.printed_value == row["value"] and from_sparql["printedValue"] == row["value"]
    else:
        assert estimate.qualitative and estimate.value is None
    assert estimate.k == (int(row["k"]) if row["k"] else None)
    if row["n"]:
        assert estimate.n is not None and estimate.n.count == int(row["n"])
        assert estimate.n.bound_wording == row["n_qualifier"]
        # A bound is never an exact count: no esr:sampleSize, and shown with its words.
        assert ("n" in from_sparql) == (not row["n_qualifier"])
        if row["n_qualifier"]:
            assert estimate.n.display().startswith(f"{row['n_qualifier']} {int(row['n']):,}")
    else:
        assert estimate.n is None
    if row["ci_low"]:
        assert estimate.ci is not None
        assert (estimate.ci.low, estimate.ci.high) == (Decimal(row["ci_low"]), Decimal(row["ci_high"]))
        assert estimate.ci.level == Decimal("0.95")
        assert estimate.ci.printed == f"95% CI [{row['ci_low']}, {row['ci_high']}]"
    else:
        assert estimate.ci is None
    if row["p"]:
        printed = parse_p(row["p"])
        assert estimate.p is not None and estimate.p.value == printed.value
        assert from_sparql["pComparator"] == printed.comparator
    else:
        assert estimate.p is None
    if row["d_equivalent"]:
        assert estimate.d_equivalent is not None
        assert estimate.d_equivalent.value == Decimal(row["d_equivalent"])
        assert estimate.d_equivalent.printed == f"d = {row['d_equivalent']}"
    else:
        assert estimate.d_equivalent is None
    if row["heterogeneity"]:
        parsed = parse_heterogeneity(row["heterogeneity"])
        numbers = {s.value for s in estimate.heterogeneity}
        assert {parsed.i_squared, parsed.q} - {None} == numbers
        if parsed.df is not None:
            assert from_sparql["qDf"] == parsed.df
    else:
        assert estimate.heterogeneity == ()
    pages = [q.page for q in estimate.quotations]
    # The page a figure was read from belongs to the estimate, not to the publication.
    assert pages[0] == row["source_url"] and estimate.quotations[0].words == row["excerpt"]
    if row["stat_excerpt"]:
        assert estimate.quotations[1].words == row["stat_excerpt"]
        assert pages[1] == (row["stat_source_url"] or row["source_url"])
    assert estimate.doi == (row["doi"] or None)


def test_counts_of_statistics_match_the_issue(graph):
    counts = {r["editionId"]: r for r in queries.rows(graph, "statistics_counts")}
    total = {key: sum(int(r[key]) for r in counts.values()) for key in
             ("confidenceIntervals", "pValues", "dEquivalents", "heterogeneity", "boundedN")}
    assert total == {"confidenceIntervals": 23, "pValues": 30, "dEquivalents": 15, "heterogeneity": 4, "boundedN": 4}


def test_publications_carry_no_page_url(graph):
    from rdflib import RDF

    assert not list(graph.triples((None, ESR.url, None)))
    for source in graph.subjects(RDF.type, ESR.Source):
        assert not list(graph.triples((source, ESR.readAt, None)))


def test_the_two_preference_odds_ratios_say_they_point_in_opposite_directions(by_key):
    readings = {(edition, text): by_key[(edition, "Preferences", text)] for edition, text in ODDS_RATIO_READINGS}
    directions = {e.direction for e in readings.values()}
    assert directions == {str(ESR["lower-values-favourable"]), str(ESR["higher-values-favourable"])}
    assert all(e.event and e.event in e.quotations[0].words for e in readings.values())
    first, second = readings.values()
    assert first.comparable_key != second.comparable_key


def test_every_estimate_is_typed_with_its_stato_class(graph):
    from rdflib import RDF

    from esrkg.findings_mapping import METRIC_CLASS
    from esrkg.namespaces import OBO

    for estimate in graph.subjects(ESR.metric, None):
        metric = str(graph.value(estimate, ESR.metric))
        assert (estimate, RDF.type, OBO[METRIC_CLASS[metric]]) in graph


def test_external_terms_are_declared_locally_with_their_definer(graph):
    from rdflib import OWL, RDF, RDFS

    from esrkg.namespaces import OBO

    used = {o for o in graph.objects(None, RDF.type) if str(o).startswith(str(OBO))}
    for term in used:
        assert (term, RDF.type, OWL.Class) in graph and graph.value(term, RDFS.label) is not None
        assert str(graph.value(term, RDFS.isDefinedBy)).startswith("http://purl.obolibrary.org/obo/")
    assert not list(graph.triples((None, OWL.imports, None)))
