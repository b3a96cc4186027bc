"""The graph view: filters, focus, cap, escaping, no CDN, and the RDF of what is shown."""

import re

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS

from esrkg.namespaces import ESR
from esrkg.viz import ViewModel, ViewOptions, legend, render_html, view_rdf
from tests.constants import DEMONSTRABLY_EFFECTIVE, EMPATHY, TF1, TF2

HOSTILE_LABEL = '<script>alert("x")</script> <a href="https://evil.example">click</a>'


@pytest.fixture(scope="module")
def model(graph) -> ViewModel:
    return ViewModel.from_graph(graph)


@pytest.fixture(scope="module")
def hostile_model(graph) -> ViewModel:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    node = ESR["hostile-element"]
    copy.add((node, RDF.type, ESR.RelationshipElement))
    copy.add((node, RDFS.label, Literal(HOSTILE_LABEL)))
    copy.add((node, SKOS.definition, Literal("</script><img src=x onerror=alert(1)>")))
    copy.add((node, ESR.drawsOn, EMPATHY))
    return ViewModel.from_graph(copy)


def labels(view) -> set[str]:
    return {node.label for node in view.nodes}


def test_default_view_draws_items_levels_editions_and_verdicts(model):
    view = model.select(ViewOptions())
    kinds = {node.kind for node in view.nodes}
    assert kinds == {"RelationshipElement", "Adaptation", "ClientCharacteristic", "EvidenceLevel", "Edition", "Verdict"}
    assert not view.truncated


def test_level_and_edition_filters(model):
    view = model.select(ViewOptions(levels=(str(DEMONSTRABLY_EFFECTIVE),), editions=(str(TF2),)))
    assert {"Empathy", "Preferences", "Culture"} <= labels(view)
    assert "Feedback" not in labels(view) and "Gender" not in labels(view)
    assert {n.label for n in view.nodes if n.kind == "Edition"} == {"TF2-2011"}


def test_focus_keeps_the_neighbourhood_to_the_chosen_depth(model):
    one = model.select(ViewOptions(focus=str(EMPATHY), depth=1))
    two = model.select(ViewOptions(focus=str(EMPATHY), depth=2))
    assert "Management of countertransference" in labels(one)
    assert "Demonstrably effective" not in labels(one) and "Demonstrably effective" in labels(two)
    assert one.nodes[0].iri == str(EMPATHY)


def test_cap_cuts_the_view_and_says_so(model):
    view = model.select(ViewOptions(max_nodes=10))
    assert len(view.nodes) == 10 and view.truncated and view.total > 10


def test_html_is_self_contained(model):
    page = render_html(model.select(ViewOptions()), ViewOptions())
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?://", page)
    assert "vis.Network" in page


def test_labels_and_tooltips_are_escaped(hostile_model):
    options = ViewOptions(focus=str(ESR["hostile-element"]))
    page = render_html(hostile_model.select(options), options)
    assert "hostile-element" in page
    assert '<script>alert("x")</script>' not in page
    assert '<a href="https://evil.example">' not in page
    assert "<img src=x onerror" not in page


def test_view_rdf_is_exactly_what_is_shown(graph, model):
    view = model.select(ViewOptions(focus=str(EMPATHY), depth=1, kinds=("RelationshipElement",)))
    shown = view_rdf(graph, view)
    subjects = {str(s) for s in shown.subjects()}
    assert subjects == {node.iri for node in view.nodes}
    assert (EMPATHY, RDFS.label, Literal("Empathy", lang="en")) in shown
    assert len([t for t in shown if isinstance(t[2], type(EMPATHY))]) == len(view.edges) + len(view.nodes)


def test_search_and_legend(model):
    assert model.search("empath")[0].iri == str(EMPATHY)
    view = model.select(ViewOptions(editions=(str(TF1),)))
    assert legend(view)[0][0] == "relationship element"
