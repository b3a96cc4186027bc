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
