"""Data behind the app's pages."""

from esrkg import browse
from tests.constants import EMPATHY


def test_matrix_counts_and_order(graph):
    cells = browse.evidence_matrix(graph)
    tf1_elements = [(c.level, len(c.items)) for c in cells if c.edition == "TF1-2002" and c.part == "element"]
    assert tf1_elements == [("Demonstrably effective", 4), ("Promising and probably effective", 7)]
    tf2_adaptations = {c.level: set(c.items) for c in cells if c.edition == "TF2-2011" and c.part == "adaptation"}
    assert "Preferences" in tf2_adaptations["Demonstrably effective"]


def test_every_verdict_and_estimate_once(graph):
    evidence = browse.all_evidence(graph)
    assert len([e for e in evidence if e["kind"] == "verdict"]) == 44
    assert len([e for e in evidence if e["kind"] == "estimate"]) == 55
    assert len(browse.effect_sizes(graph)) == 52  # three estimates are qualitative


def test_verdict_history_has_one_row_per_item(graph):
    history = {row["item"]: row for row in browse.verdict_history(graph)}
    assert history["Preferences"] == {"item": "Preferences", "TF1-2002": "Insufficient research",
                                      "TF2-2011": "Demonstrably effective"}
    assert history["Feedback"]["TF2-2011"] is None


def test_details_of_a_node(graph):
    assert "point of view" in browse.definition_of(graph, str(EMPATHY))["definition"]
    assert browse.definition_of(graph, "https://w3id.org/esrkg/no-such-node") == {}
    assert {r["otherLabel"] for r in browse.relations_of(graph, str(EMPATHY))} >= {"Management of countertransference"}


def test_about_reads_the_ontology_header(graph):
    header = browse.about(graph)
    assert header["version"] == "1.0.0" and "esrkg" in header["citation"]


def test_stats_lines_write_numbers_for_people(graph):
    lines = browse.stats_lines(graph)
    triples = next(line for line in lines if line.startswith("Triples"))
    assert "," in triples and int(triples.split(":")[1].replace(",", "")) > 1000


def test_card_estimates_and_schema_for_the_pages(graph):
    card = browse.card(graph, str(EMPATHY))
    assert card is not None and card.label == "Empathy"
    assert {row["95% CI"] for row in browse.estimate_table(graph, str(EMPATHY))} == {"[.28, .34]", "[.23, .33]"}
    schema = browse.schema(graph)
    assert schema.diagram.startswith("digraph") and "task force" in schema.unlinked
    completions = browse.completions(graph)
    assert "https://w3id.org/esrkg/Verdict" in completions["classes"]
