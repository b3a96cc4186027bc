"""The graph view: filters, focus, cap, escaping, no CDN, and the RDF of what is shown."""

import re

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS

from esrkg.namespaces import ESR
from esrkg.viz import ViewModel, ViewOptions, drawing_data, layout, legend, render_html, tooltip, view_rdf
from tests.constants import ALLIANCE, DEMONSTRABLY_EFFECTIVE, EMPATHY, TF1, TF2

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


EVIDENCE_KINDS = ("RelationshipElement", "Adaptation", "ClientCharacteristic", "EvidenceLevel", "Edition", "Verdict")


def test_default_view_draws_items_and_their_relations(model):
    view = model.select(ViewOptions())
    assert {node.kind for node in view.nodes} == {"RelationshipElement", "Adaptation", "ClientCharacteristic"}
    assert not view.truncated and view.edges


def test_verdicts_are_badges_per_edition(model):
    badges = model.badges(str(EMPATHY))
    assert [(b.edition, b.level) for b in badges] == [("TF1-2002", "Demonstrably effective"),
                                                      ("TF2-2011", "Demonstrably effective")]
    assert badges[0].fill == "#1b7837"


def test_level_and_edition_filters(model):
    view = model.select(ViewOptions(kinds=EVIDENCE_KINDS, levels=(str(DEMONSTRABLY_EFFECTIVE),), editions=(str(TF2),)))
    assert {"Empathy", "Preferences", "Culture"} <= labels(view)
    assert "Feedback" not in labels(view) and "Gender" not in labels(view)
    assert {n.label for n in view.nodes if n.kind == "Edition"} == {"TF2-2011"}


def test_focus_keeps_the_neighbourhood_to_the_chosen_depth(model):
    one = model.select(ViewOptions(kinds=EVIDENCE_KINDS, focus=str(EMPATHY), depth=1))
    two = model.select(ViewOptions(kinds=EVIDENCE_KINDS, focus=str(EMPATHY), depth=2))
    assert "Management of countertransference" in labels(one)
    assert "Demonstrably effective" not in labels(one) and "Demonstrably effective" in labels(two)
    assert one.nodes[0].iri == str(EMPATHY)


def test_cap_cuts_the_view_and_says_what_it_hid(model):
    view = model.select(ViewOptions(max_nodes=10))
    assert len(view.nodes) == 10 and view.truncated and view.total > 10
    assert sum(count for _, count in view.hidden) == view.total - 10
    everything = model.select(ViewOptions(kinds=tuple(k for k, _ in model.kinds())))
    assert everything.truncated and "quotation" in everything.hidden_text()


def test_layout_is_fixed_and_boxes_do_not_overlap(model):
    view = model.select(ViewOptions())
    first, again = layout(view), layout(view)
    assert first == again and set(first) == {node.iri for node in view.nodes}
    points = list(first.values())
    close = [(a, b) for i, a in enumerate(points) for b in points[i + 1:]
             if abs(a[0] - b[0]) < 150 and abs(a[1] - b[1]) < 40]
    assert close == []


def test_drawing_data_has_positions_badges_and_plain_tooltips(model):
    options = ViewOptions(focus=str(EMPATHY))
    data = drawing_data(model, model.select(options), options)
    empathy = next(node for node in data["nodes"] if node["id"] == str(EMPATHY))
    assert empathy["focus"] and [b["text"] for b in empathy["badges"]] == ["2002", "2011"]
    assert "therapist's" in empathy["tooltip"] and "&#x27;" not in empathy["tooltip"]
    assert "TF2-2011: Demonstrably effective" in empathy["tooltip"]
    assert data["physics"] is False


def test_tooltip_is_plain_text_even_for_markup(hostile_model):
    node = hostile_model.nodes[str(ESR["hostile-element"])]
    assert tooltip(node, []).startswith(HOSTILE_LABEL)  # drawn with textContent by the browser component


def test_drawn_relations_are_the_view_edges(model):
    view = model.select(ViewOptions(focus=str(EMPATHY), depth=1))
    listed = model.drawn_relations(view, str(EMPATHY))
    assert {(e.source, e.target) for e, _ in listed} == {(e.source, e.target) for e in view.edges
                                                         if str(EMPATHY) in (e.source, e.target)}


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


def test_downloadable_html_is_laid_out_without_physics(model):
    options = ViewOptions()
    page = render_html(model.select(options), options, model=model)
    assert re.search(r'"physics": \{[^}]*"enabled": false', page)
    assert re.search(r'"x": -?[0-9.]+', page) and re.search(r'"y": -?[0-9.]+', page)


def test_a_small_focused_view_is_drawn_in_rings_around_the_focus(model):
    options = ViewOptions(focus=str(ALLIANCE), depth=2)
    view = model.select(options)
    positions = layout(view, options.focus)
    assert positions[str(ALLIANCE)] == (0.0, 0.0)
    others = [p for iri, p in positions.items() if iri != str(ALLIANCE)]
    assert all((x * x + y * y) ** 0.5 > 150 for x, y in others)
