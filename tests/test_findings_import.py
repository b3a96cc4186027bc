"""The committed findings Turtle is what the CSV produces, and the import refuses bad rows."""

import dataclasses

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from esrkg import paths
from esrkg.findings_import import EDITIONS, findings_graph, read_rows, source_id

ROWS = read_rows(paths.findings_csv())


@pytest.mark.parametrize("edition", EDITIONS)
def test_committed_turtle_matches_the_csv(edition):
    committed = Graph().parse(paths.ontology_dir() / "data" / f"findings-{edition}.ttl", format="turtle")
    assert isomorphic(committed, findings_graph(ROWS, edition)), "run scripts/import_findings.py"


def test_every_row_becomes_one_estimate(graph):
    from rdflib import RDF

    from esrkg.namespaces import ESR

    assert len(set(graph.subjects(RDF.type, ESR.EffectSizeEstimate))) == len(ROWS)


def test_empty_categories_stay_unknown():
    tf3 = findings_graph(ROWS, "TF3-2018")
    from rdflib import RDF

    from esrkg.namespaces import ESR

    assert not list(tf3.subjects(RDF.type, ESR.Verdict))


def test_unknown_name_is_refused(tmp_path):
    csv_path = tmp_path / "findings.csv"
    original = paths.findings_csv().read_text(encoding="utf-8")
    misspelt = original.replace("TF2-2011,element,Empathy,", "TF2-2011,element,Empathie,", 1)
    csv_path.write_text(misspelt, encoding="utf-8")
    with pytest.raises(ValueError, match="no item is mapped for the name 'Empathie'"):
        read_rows(csv_path)


def test_conflicting_categories_are_refused():
    row = next(r for r in ROWS if r.name == "Empathy" and r.edition == "TF2-2011")
    clash = dataclasses.replace(row, category="Probably effective")
    with pytest.raises(ValueError, match="two different categories"):
        findings_graph([row, clash], "TF2-2011")


def test_source_ids_are_unique_per_citation():
    citations = {row.citation for row in ROWS}
    assert len({source_id(c) for c in citations}) == len(citations)


def _csv_with(tmp_path, old: str, new: str):
    original = paths.findings_csv().read_text(encoding="utf-8")
    assert old in original
    csv_path = tmp_path / "findings.csv"
    csv_path.write_text(original.replace(old, new, 1), encoding="utf-8")
    return csv_path


def test_an_estimate_without_an_estimand_is_refused(tmp_path):
    csv_path = _csv_with(tmp_path, ",empathy-outcome correlation,r,.31,", ",empathy-outcome link,r,.31,")
    with pytest.raises(ValueError, match="no estimand is mapped for the estimate 'empathy-outcome link'"):
        read_rows(csv_path)


def test_a_statistic_in_none_of_its_quotations_is_refused(tmp_path):
    # The 2011 empathy CI is .28-.34; a CI the quotations do not print is refused at import.
    csv_path = _csv_with(tmp_path, ".28 - .34), for 59 independent samples and 3599 clients\",.28,.34,",
                         ".28 - .34), for 59 independent samples and 3599 clients\",.28,.36,")
    with pytest.raises(ValueError, match=r"the upper CI bound \.36 is in none of the row.s quotations"):
        findings_graph(read_rows(csv_path), "TF2-2011")


def test_a_bound_is_imported_as_a_bound(graph):
    from esrkg.namespaces import ESR

    estimate = ESR["estimate-TF2-2011-alliance-in-individual-psychotherapy-1"]
    assert graph.value(estimate, ESR.sampleSize) is None
    assert int(graph.value(estimate, ESR.sampleSizeLowerBound)) == 14000
    assert str(graph.value(estimate, ESR.sampleSizeBoundWording)) == "more than"
    assert str(graph.value(estimate, ESR.sampleUnit)) == "treatments"
