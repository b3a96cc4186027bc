"""Every fact has a source or is marked as esrkg's own; scales decide what counts as an upgrade;
the checks catch what they are there to catch."""

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from esrkg import queries
from esrkg.graph import load_graph
from esrkg.namespaces import ESR, OBO
from esrkg.validation import check_shacl
from tests.constants import TF2


def copy_of(graph: Graph) -> Graph:
    clone = Graph()
    for triple in graph:
        clone.add(triple)
    return clone


def names(graph: Graph, node: URIRef) -> set[str]:
    return {str(o).lower() for p in (RDFS.label, SKOS.altLabel, ESR.searchTerm) for o in graph.objects(node, p)}


# --- the unsourced facts the issue listed are gone ------------------------------------------

def test_no_invented_synonyms(graph):
    assert "race" not in names(graph, ESR.ethnicity)
    assert "sex" not in names(graph, ESR.gender)


def test_task_force_names_as_the_sources_print_them(graph):
    assert str(graph.value(ESR["task-force-2002"], RDFS.label)) == \
        "Task Force on Empirically Supported Psychotherapy Relationships"
    assert graph.value(ESR["task-force-2002"], DCTERMS.source) == ESR["source-info-sheet"]
    for task_force in (ESR["task-force-2011"], ESR["task-force-2018"]):
        assert graph.value(task_force, DCTERMS.source) is not None


def test_no_invented_titles_or_citations(graph):
    assert str(graph.value(ESR["source-norcross-wampold-2018"], DCTERMS.title)) == "A new therapy for each patient"
    citation = str(graph.value(ESR["source-prochaska-1992"], DCTERMS.bibliographicCitation))
    assert "The transtheoretical model of change." not in citation and "J. O." not in citation


def test_no_sum_the_source_never_printed(graph):
    assert not list(graph.triples((None, ESR.sampleSize, Literal(4113))))
    couple_family = [e for e in graph.subjects(ESR.about, ESR["alliance-in-couple-and-family-therapy"])
                     if (e, ESR.edition, ESR["TF3-2018"]) in graph and (e, RDF.type, ESR.EffectSizeEstimate) in graph]
    assert couple_family and not list(graph.triples((couple_family[0], ESR.sampleSize, None)))


def test_level_explanations_are_editorial_not_the_task_forces_words(graph):
    for level in graph.subjects(RDF.type, ESR.EvidenceLevel):
        assert graph.value(level, SKOS.definition) is None
        assert str(graph.value(level, SKOS.editorialNote)).startswith("esrkg's")


def test_no_cross_edition_rank_numbers(graph):
    assert not list(graph.triples((None, ESR.rank, None)))


def test_search_terms_are_marked_as_esrkgs_own(graph):
    definition = str(graph.value(ESR.searchTerm, SKOS.definition))
    assert "esrkg's editors" in definition and "not a label any source gives" in definition


# --- one rule for verdicts on ways of customizing therapy ----------------------------------

def test_later_adaptation_verdicts_are_on_adaptations_tailored_to_a_characteristic(graph):
    for verdict in graph.subjects(ESR.edition, TF2):
        if (verdict, RDF.type, ESR.Verdict) not in graph:
            continue
        item = graph.value(verdict, ESR.about)
        if (item, RDF.type, ESR.RelationshipElement) in graph:
            continue
        assert (item, RDF.type, ESR.Adaptation) in graph, item
        assert graph.value(item, ESR.tailoredTo) is not None


def test_2002_insufficient_research_verdicts_stay_on_the_characteristics(graph):
    for verdict in graph.subjects(ESR.level, ESR["insufficient-research"]):
        assert (graph.value(verdict, ESR.about), RDF.type, ESR.ClientCharacteristic) in graph


@pytest.mark.parametrize("characteristic", ["preferences", "culture", "religion-and-spirituality",
                                            "attachment-style"])
def test_adaptations_named_by_their_characteristic(graph, characteristic):
    adaptation = ESR[f"{characteristic}-adaptation"]
    assert graph.value(adaptation, ESR.tailoredTo) == ESR[characteristic]
    assert graph.value(adaptation, RDFS.label) == graph.value(ESR[characteristic], RDFS.label)
    assert graph.value(adaptation, DCTERMS.source) is not None


# --- scales ------------------------------------------------------------------------------------

def test_each_edition_has_its_scale_with_a_source(graph):
    scales = {row["editionId"]: row for row in queries.rows(graph, "evidence_scales")}
    assert set(scales) == {"TF1-2002", "TF2-2011", "TF3-2018"}
    assert all(row["sources"] for row in scales.values())


def test_changes_across_different_scales_are_not_upgrades_or_downgrades(graph):
    rows = queries.rows(graph, "verdict_changes", {"item": ESR["congruence-genuineness"]})
    assert [(r["earlierLevel"], r["laterLevel"], r["change"]) for r in rows] == [
        ("Promising and probably effective", "Promising but insufficient research", "different scales")]
    assert not [r for r in queries.rows(graph, "verdict_changes") if r["change"] in ("upgraded", "downgraded")]


def test_same_level_is_unchanged(graph):
    rows = queries.rows(graph, "verdict_changes", {"item": ESR.empathy})
    assert {r["change"] for r in rows} == {"unchanged"}


def test_changes_on_one_scale_are_upgrades_or_downgrades(graph):
    # A 2018 verdict (none is in the sources) on the same scale as 2011 would be compared by position.
    extended = copy_of(graph)
    verdict = ESR["verdict-test-2018-empathy"]
    for triple in ((verdict, RDF.type, ESR.Verdict), (verdict, ESR.about, ESR.empathy),
                   (verdict, ESR.level, ESR["probably-effective"]), (verdict, ESR.edition, ESR["TF3-2018"])):
        extended.add(triple)
    rows = queries.rows(extended, "verdict_changes", {"item": ESR.empathy})
    assert {(r["earlierEdition"], r["laterEdition"], r["change"]) for r in rows} == {
        ("TF1-2002", "TF2-2011", "unchanged"), ("TF1-2002", "TF3-2018", "different scales"),
        ("TF2-2011", "TF3-2018", "downgraded")}


# --- the checks catch what they are for --------------------------------------------------------

def test_the_item_scope_file_is_the_closure_of_the_rest(graph):
    from rdflib.compare import isomorphic

    from esrkg import paths
    from esrkg.item_scope import scope_graph

    committed = Graph().parse(paths.ontology_dir() / "data" / "item-scope.ttl", format="turtle")
    rest = [paths.tbox_file(), *[f for f in paths.data_files() if f.name != "item-scope.ttl"]]
    assert isomorphic(committed, scope_graph(load_graph(rest))), "run scripts/build_item_scope.py"


def _violations(graph: Graph, check: str) -> list[dict]:
    return queries.rows(graph, check)


def test_a_ci_that_does_not_bracket_its_estimate_is_caught(graph):
    broken = copy_of(graph)
    interval = next(broken.subjects(RDF.type, OBO.STATO_0000231))
    broken.set((interval, ESR.upperLimit, Literal(-0.9)))
    broken.set((interval, ESR.lowerLimit, Literal(-0.95)))
    assert _violations(broken, "confidence_interval_violation")


def test_a_statistic_not_in_its_quotation_is_caught(graph):
    broken = copy_of(graph)
    p_value = next(broken.subjects(RDF.type, OBO.OBI_0000175))
    broken.set((p_value, ESR.numericValue, Literal(0.0123)))
    assert _violations(broken, "statistic_not_quoted_violation")


def test_an_unsourced_node_is_caught(graph):
    broken = copy_of(graph)
    broken.add((ESR["invented-element"], RDF.type, ESR.RelationshipElement))
    broken.add((ESR["invented-element"], RDFS.label, Literal("Invented element")))
    assert {str(r["node"]) for r in _violations(broken, "unsourced_node_violation")} == {str(ESR["invented-element"])}


@pytest.mark.parametrize(("change", "message"), [
    ("p", "A p-value is a number in [0, 1]."),
    ("bound", "A bound is never an exact count"),
])
def test_shacl_catches_bad_statistics(graph, tmp_path, change, message):
    broken = copy_of(graph)
    if change == "p":
        p_value = next(broken.subjects(RDF.type, OBO.OBI_0000175))
        broken.set((p_value, ESR.numericValue, Literal(1.5)))
    else:
        bounded = next(broken.subjects(ESR.sampleSizeLowerBound, None))
        broken.add((bounded, ESR.sampleSize, Literal(14000)))
    result = check_shacl(broken)
    assert not result.passed
    assert message in result.details
    assert check_shacl(graph).passed
