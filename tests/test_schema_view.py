"""The Schema page's data: classes, properties with domain and range, SKOS schemes, SHACL shapes, the diagram."""

from esrkg import schema_view


def test_classes_put_esrkgs_first_and_name_where_others_come_from(graph):
    classes = schema_view.classes(graph)
    assert classes[0].ours
    stato = next(c for c in classes if c.iri.endswith("STATO_0000231"))
    assert stato.defined_by.endswith("stato.owl") and not stato.ours and stato.members > 0
    verdict = next(c for c in classes if c.label == "verdict")
    assert verdict.members == 44


def test_properties_have_domain_and_range(graph):
    about = next(p for p in schema_view.properties(graph) if p.iri.endswith("/about"))
    assert about.kind == "object property" and about.functional
    assert schema_view.curie(about.range) == "esr:AssessableItem"


def test_schemes_and_shapes():
    shapes = schema_view.shapes()
    verdict = [s for s in shapes if s.shape == "esr:VerdictShape"]
    assert {s.path for s in verdict} >= {"esr:about", "esr:level", "esr:edition"}
    assert any(s.cardinality == "1..1" for s in verdict)
    assert any(s.path == "SPARQL constraint" for s in shapes)


def test_diagram_links_domain_to_range(graph):
    dot = schema_view.diagram_dot(schema_view.classes(graph), schema_view.properties(graph))
    assert dot.startswith("digraph") and 'label="about"' in dot and "arrowhead=empty" in dot


def test_concept_schemes(graph):
    schemes = {s.label: s for s in schema_view.schemes(graph)}
    assert "Demonstrably effective" in schemes["Evidence levels"].concepts


def test_diagram_takes_links_from_shapes_too_and_names_what_it_leaves_out(graph):
    classes, properties = schema_view.classes(graph), schema_view.properties(graph)
    links = {(schema_view.curie(a), label, schema_view.curie(b))
             for a, label, b in schema_view.diagram_links(classes, properties, schema_view.shapes())}
    assert ("esr:Verdict", "evidence level", "esr:EvidenceLevel") in links
    assert ("esr:Adaptation", "tailored to", "esr:ClientCharacteristic") in links
    dot = schema_view.diagram_dot(classes, properties, schema_view.shapes())
    assert "task force" in schema_view.unlinked_classes(classes, dot)
