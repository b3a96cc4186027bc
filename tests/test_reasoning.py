"""HermiT and the pure-Python materialization agree on the defined classes."""

import pytest
from rdflib import RDF

from esrkg.inference import classifications, materialize
from esrkg.namespaces import ESR
from esrkg.reasoning import run_hermit
from tests.constants import ALLIANCE, EMPATHY, PREFERENCES_ADAPTATION


@pytest.fixture(scope="module")
def hermit(graph):
    return run_hermit(graph)


@pytest.mark.reasoner
def test_hermit_finds_the_ontology_consistent(hermit):
    assert hermit.consistent, hermit.message


@pytest.mark.reasoner
def test_hermit_and_materialization_agree(graph, hermit):
    assert classifications(graph, materialize(graph)) == set(hermit.classifications)


@pytest.mark.reasoner
def test_hermit_classifies_the_demonstrably_effective_elements_of_2002(hermit):
    members = {item for item, cls in hermit.classifications if cls == str(ESR.DemonstrablyEffectiveElement2002)}
    expected = ("therapeutic-alliance", "cohesion-in-group-therapy", "empathy", "goal-consensus-and-collaboration")
    assert members == {str(ESR[name]) for name in expected}


def test_inferred_facts_are_in_the_inferred_graph(inferred_graph, graph):
    assert (EMPATHY, RDF.type, ESR.DemonstrablyEffectiveElement2011) in inferred_graph
    assert (EMPATHY, RDF.type, ESR.DemonstrablyEffectiveElement2011) not in graph
    assert (PREFERENCES_ADAPTATION, RDF.type, ESR.EverDemonstrablyEffective) in inferred_graph
    assert (ALLIANCE, ESR.hasEvidence, ESR["verdict-TF1-2002-therapeutic-alliance"]) in inferred_graph


def test_materialization_keeps_only_our_own_nodes(graph):
    inferred = materialize(graph)
    assert len(inferred) > 0
    assert all(str(s).startswith(str(ESR)) and str(o).startswith(str(ESR)) for s, _, o in inferred)
