"""The evidence map (items by edition), its HTML and legend, and the "for whom" view."""

from html import unescape

from esrkg.evidence_map import LEVEL_COLOURS, evidence_map
from esrkg.map_html import legend_html, table_html
from tests.constants import EMPATHY, PREFERENCES, PREFERENCES_ADAPTATION


def test_rows_are_grouped_with_narrower_items_under_their_broader(graph):
    evidence = evidence_map(graph)
    elements = [(row.label, row.depth) for group, rows in evidence.groups() if group == "element" for row in rows]
    assert elements[:4] == [("Therapeutic alliance", 0), ("Alliance in couple and family therapy", 1),
                            ("Alliance in individual psychotherapy", 1), ("Alliance in youth psychotherapy", 1)]
    assert [group for group, _ in evidence.groups()] == ["element", "adaptation", "characteristic"]


def test_cells_hold_verdicts_estimates_and_say_when_an_edition_published_no_verdicts(graph):
    evidence = evidence_map(graph)
    empathy = evidence.row(str(EMPATHY))
    assert empathy is not None
    tf1, tf2, tf3 = empathy.cells
    assert tf1.verdict.level.label == "Demonstrably effective" and tf1.estimates == ()
    assert tf2.marks() == "k = 59 · r = .31 [.28, .34]"
    assert tf3.verdict is None and tf3.status() == "verdict not published" and tf3.marks().startswith("k = 82")
    assert not tf3.edition.per_item_verdicts and tf1.edition.per_item_verdicts


def test_levels_carry_esrkgs_explanation_and_their_scale(graph):
    levels = {(level.label, level.scale_label) for level in evidence_map(graph).levels}
    assert ("Promising and probably effective", "TF1-2002 evidence scale") in levels
    for level in evidence_map(graph).levels:
        assert level.explanation.startswith("esrkg's") and level.scale_sources
        assert level.iri.rsplit("/", 1)[-1] in LEVEL_COLOURS


def test_for_whom_puts_each_characteristic_with_its_adaptations(graph):
    by_characteristic = {label: rows for _, label, rows in evidence_map(graph).for_whom()}
    preferences = by_characteristic["Preferences"]
    assert [row.item for row in preferences] == [str(PREFERENCES), str(PREFERENCES_ADAPTATION)]
    assert preferences[0].cells[0].verdict.level.label == "Insufficient research"
    assert preferences[1].cells[1].verdict.level.label == "Demonstrably effective"
    assert [row.label for row in by_characteristic["Resistance"]] == [
        "Matching therapeutic directiveness to level of resistance"]


def test_table_html_escapes_and_marks_each_cell(graph):
    evidence = evidence_map(graph)
    table = table_html(evidence, "items", str(EMPATHY))
    assert table.count(f'data-item="{EMPATHY}"') == 3 and 'class="cell selected"' in table
    assert "Congruence/genuineness" in table and "<script" not in table
    assert "For clients:" in table_html(evidence, "for-whom")


def test_legend_says_what_each_level_means_and_where_it_comes_from(graph):
    legend = unescape(legend_html(evidence_map(graph)))
    assert "Demonstrably effective" in legend and "esrkg's explanation" in legend
    assert "Where the levels come from" in legend and "Norcross & Lambert (2018)" in legend
    assert "9 of 17 elements demonstrably effective" in legend and "Verdict not published" in legend
