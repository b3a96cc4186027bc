"""The data passes SHACL, the violation checks and the reasoner; broken fixtures fail each one."""

import pytest
from rdflib import Graph

from esrkg.validation import check_reasoner, check_shacl, check_violation_queries, validate
from tests.constants import FIXTURES_DIR


def broken(graph: Graph, fixture: str) -> Graph:
    """A copy of the graph with a broken fixture added (the session graph stays untouched)."""
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy.parse(FIXTURES_DIR / fixture, format="turtle")


def test_the_data_passes_every_check(graph):
    report = validate(graph)
    assert report.passed, report.text()
    assert len(report.checks) >= 8


def test_shacl_fails_on_a_second_verdict_and_a_missing_source(graph):
    result = check_shacl(broken(graph, "broken-shacl.ttl"))
    assert not result.passed
    assert "exactly one TF1-2002 verdict" in result.details
    assert "A verdict has a source" in result.details


def test_shacl_alone_accepts_the_other_fixtures(graph):
    assert check_shacl(broken(graph, "broken-violation.ttl")).passed


def test_violation_queries_fail_on_out_of_range_value_and_dangling_iri(graph):
    failed = {r.name: r.details for r in check_violation_queries(broken(graph, "broken-violation.ttl")) if not r.passed}
    assert set(failed) == {
        "SPARQL check effect_size_out_of_range_violation",
        "SPARQL check dangling_reference_violation",
    }
    assert "empathie" in failed["SPARQL check dangling_reference_violation"]


@pytest.mark.reasoner
def test_reasoner_fails_on_an_inconsistent_fixture(graph):
    result = check_reasoner(broken(graph, "broken-reasoner.ttl"))
    assert not result.passed
    assert "inconsistent" in result.details


def test_report_text_names_failures(graph):
    report = validate(broken(graph, "broken-violation.ttl"), reasoner=False)
    assert not report.passed
    assert "FAIL  SPARQL check effect_size_out_of_range_violation" in report.text()
    assert report.text().endswith("Validation failed.")
