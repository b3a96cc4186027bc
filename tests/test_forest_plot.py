"""Forest plots: one panel per estimand, metric and direction; editions in distinct colours and shapes."""

import io

from PIL import Image

from esrkg.evidence import estimates_on
from esrkg.forest_plot import EDITION_STYLES, edition_style, forest_panels, render


def test_panels_never_mix_estimands_metrics_or_directions(graph):
    estimates = estimates_on(graph)
    panels = forest_panels(estimates)
    by_iri = {e.iri: e for e in estimates}
    for panel in panels:
        keys = {by_iri[e.iri].comparable_key for e in estimates
                if e.item_label in {r.item_label for r in panel.rows} and e.metric == panel.metric
                and e.estimand_label == panel.estimand_label and (e.direction_label or "") == panel.direction_label}
        assert len(keys) == 1
    odds = [p for p in panels if p.metric == "OR"]
    assert len(odds) == 2 and odds[0].direction_label != odds[1].direction_label
    assert sum(len(p.rows) for p in panels) == len([e for e in estimates if e.value is not None])


def test_rows_keep_full_names_and_printed_figures(graph):
    panel = forest_panels(estimates_on(graph))[0]
    alliance = next(r for r in panel.rows if r.printed == "r = .275")
    assert alliance.item_label == "Alliance in individual psychotherapy" and alliance.interval == "[.25, .30]"
    assert (alliance.low, alliance.high) == (0.25, 0.30)


def test_editions_differ_in_colour_and_shape():
    colours = {style[0] for style in EDITION_STYLES}
    shapes = {style[1] for style in EDITION_STYLES}
    assert len(colours) == len(shapes) == len(EDITION_STYLES)
    assert edition_style(["TF2-2011", "TF3-2018"], "TF2-2011") != edition_style(["TF2-2011", "TF3-2018"], "TF3-2018")


def test_render_writes_svg_and_png(graph):
    panels = forest_panels(estimates_on(graph))[:2]
    svg = render(panels, "svg").decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert 'href="http' not in svg and "@import" not in svg, "the SVG loads nothing (fonts are drawn as paths)"
    assert "Alliance in individual psychotherapy" in svg or "glyph" in svg
    png = Image.open(io.BytesIO(render(panels, "png")))
    assert png.format == "PNG" and png.width > 800 and png.height > 300
