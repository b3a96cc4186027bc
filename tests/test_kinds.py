"""The kinds of assessable items come from the ontology, and every verdict and estimate is about one."""

from rdflib import RDF, RDFS

from esrkg.kinds import is_item_kind, item_kinds
from esrkg.namespaces import ESR, ITEM_KINDS


def test_item_kinds_are_the_ontologys_subclasses_of_assessable_item(graph):
    declared = {str(c).removeprefix(str(ESR)) for c in graph.subjects(RDFS.subClassOf, ESR.AssessableItem)}
    assert set(item_kinds()) == declared
    assert item_kinds()[0] == "RelationshipElement"  # the TBox's order: elements first
    assert item_kinds() == ITEM_KINDS


def test_every_verdict_and_estimate_is_about_an_item_of_those_kinds(graph):
    for kind in (ESR.Verdict, ESR.EffectSizeEstimate):
        for evidence in graph.subjects(RDF.type, kind):
            subject = graph.value(evidence, ESR.about)
            kinds = {str(c).removeprefix(str(ESR)) for c in graph.objects(subject, RDF.type)}
            assert any(is_item_kind(k) for k in kinds), (evidence, kinds)


def test_a_class_outside_the_list_is_not_an_item_kind():
    assert not is_item_kind("Verdict")
    assert not is_item_kind("TherapyFormat")
