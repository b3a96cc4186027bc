"""The evidence map as HTML: the table of cells and its legend, every label and figure escaped.

Two views of one ``EvidenceMap``: ``items`` (rows grouped into elements, ways of customizing therapy
and characteristics) and ``for-whom`` (each client characteristic with the adaptations tailored to
it). A cell is coloured by its verdict's level and also prints the level's name, so colour is never
the only cue; cells of an edition that published no per-item verdicts are hatched and say so. Each
cell carries ``data-item`` so that the page's component can open that item's card.
"""

from html import escape
from typing import Literal

from esrkg.evidence_map import GROUP_TITLES, Cell, EvidenceMap, Level, Row

MapView = Literal["items", "for-whom"]
NO_VERDICT = ("#ffffff", "#555555")
HATCH = "repeating-linear-gradient(135deg,#f4f4f4 0,#f4f4f4 6px,#e4e4e4 6px,#e4e4e4 8px)"

STYLE = """<style>
.esrkg-map table{border-collapse:separate;border-spacing:3px;width:100%;font-size:0.86rem;table-layout:fixed}
.esrkg-map th{text-align:left;padding:6px 8px;font-weight:600;background:#f6f6f6;border-radius:4px}
.esrkg-map th.group{background:none;font-size:0.95rem;padding-top:14px;border-bottom:2px solid #ccc;border-radius:0}
.esrkg-map td.item{padding:5px 8px;vertical-align:middle;overflow-wrap:anywhere}
.esrkg-map td.cell{padding:5px 8px;border-radius:5px;cursor:pointer;border:1px solid #c8c8c8;vertical-align:top}
.esrkg-map td.cell:hover,.esrkg-map td.cell:focus{outline:3px solid #333;outline-offset:-1px}
.esrkg-map td.selected{outline:3px solid #000}
.esrkg-map .level{font-weight:600;display:block}
.esrkg-map .marks{display:block;font-size:0.8rem;margin-top:2px;font-variant-numeric:tabular-nums}
.esrkg-map .sub{color:#666;font-size:0.8rem;display:block}
.esrkg-legend{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:8px;font-size:0.85rem}
.esrkg-legend div.entry{display:flex;gap:8px;align-items:flex-start}
.esrkg-legend span.swatch{flex:0 0 26px;height:18px;border-radius:4px;border:1px solid #999;margin-top:2px}
.esrkg-legend small{color:#555}
</style>"""


def _cell_style(cell: Cell) -> str:
    if cell.verdict is not None:
        fill, ink = cell.verdict.level.colours
        return f"background:{fill};color:{ink}"
    if not cell.edition.per_item_verdicts:
        return f"background:{HATCH};color:#444"
    fill, ink = NO_VERDICT
    return f"background:{fill};color:{ink}"


def _cell_html(row: Row, cell: Cell, selected: str) -> str:
    marks = cell.marks()
    status = cell.status()
    title = f"{row.label}, {cell.edition.id}: {status}" + (f"; {marks}" if marks else "") + ". Select to open its card."
    if cell.verdict is not None and cell.verdict.name_in_edition and cell.verdict.name_in_edition != row.label:
        title += f" (named “{cell.verdict.name_in_edition}” in {cell.edition.id})"
    chosen = " selected" if row.item == selected else ""
    return (f'<td class="cell{chosen}" role="button" tabindex="0" data-item="{escape(row.item)}" '
            f'style="{_cell_style(cell)}" title="{escape(title)}"><span class="level">{escape(status)}</span>'
            + (f'<span class="marks">{escape(marks)}</span>' if marks else "") + "</td>")


def _row_html(row: Row, selected: str, label: str = "", note: str = "") -> str:
    indent = f"padding-left:{8 + 18 * row.depth}px"
    name = escape(label or row.label)
    if row.depth:
        name = "↳ " + name
    sub = f'<span class="sub">{escape(note)}</span>' if note else ""
    return (f'<tr><td class="item" style="{indent}">{name}{sub}</td>'
            + "".join(_cell_html(row, cell, selected) for cell in row.cells) + "</tr>")


def table_html(evidence: EvidenceMap, view: MapView = "items", selected: str = "") -> str:
    """The map's table: one column per edition, rows grouped by kind (items) or by client characteristic."""
    width = 34
    columns = "".join(f'<col style="width:{(100 - width) / max(1, len(evidence.editions)):.1f}%">'
                      for _ in evidence.editions)
    head = "<tr><th>Item</th>" + "".join(
        f"<th>{escape(e.id)}" + ("" if e.per_item_verdicts else "<br><small>totals only, no per-item verdicts</small>")
        + "</th>" for e in evidence.editions) + "</tr>"
    span = len(evidence.editions) + 1
    body = []
    if view == "items":
        for group, rows in evidence.groups():
            body.append(f'<tr><th class="group" colspan="{span}">{escape(GROUP_TITLES[group])}</th></tr>')
            body.extend(_row_html(row, selected, note=f"for {row.characteristic_label}"
                                  if row.group == "adaptation" and row.characteristic_label else "") for row in rows)
    else:
        for _, label, rows in evidence.for_whom():
            body.append(f'<tr><th class="group" colspan="{span}">For clients: {escape(label)}</th></tr>')
            for row in rows:
                if row.group == "characteristic":
                    body.append(_row_html(row, selected, "the characteristic itself",
                                          "graded without naming an adaptation"))
                else:
                    body.append(_row_html(row, selected, note="adapting therapy to it"))
    return (f'{STYLE}<table><colgroup><col style="width:{width}%">{columns}</colgroup><thead>{head}</thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def _legend_levels(evidence: EvidenceMap) -> dict[str, list[Level]]:
    """Levels by IRI (each with the scales it is on): the latest edition's scale first, strongest first."""
    latest = evidence.editions[-1].scale if evidence.editions else ""
    on_latest = {level.iri for level in evidence.levels if level.scale == latest}
    levels: dict[str, list[Level]] = {}
    for level in sorted(evidence.levels, key=lambda lv: (lv.iri not in on_latest, lv.position)):
        levels.setdefault(level.iri, []).append(level)
    return levels


def legend_strip_html(evidence: EvidenceMap) -> str:
    """One line of swatches and level names, always in view above the map."""
    swatch = ('<span style="display:inline-block;width:14px;height:14px;border-radius:3px;border:1px solid #888;'
              'vertical-align:-2px;margin-right:4px;background:{}"></span>')
    parts = [swatch.format(levels[0].colours[0]) + escape(levels[0].label)
             for levels in _legend_levels(evidence).values()]
    parts.append(swatch.format(NO_VERDICT[0]) + "not graded")
    parts.append(swatch.format(HATCH) + "verdict not published (totals only)")
    return ('<div style="display:flex;flex-wrap:wrap;gap:6px 16px;font-size:0.85rem">'
            + "".join(f"<span>{p}</span>" for p in parts) + "</div>")


def legend_html(evidence: EvidenceMap) -> str:
    """What each colour means in plain words (esrkg's explanation) and which source defines each scale."""
    levels = _legend_levels(evidence)
    entries = []
    for on_scales in levels.values():
        level = on_scales[0]
        fill, _ = level.colours
        scales = " and ".join(dict.fromkeys(s.scale_label for s in on_scales))
        entries.append(f'<div class="entry"><span class="swatch" style="background:{fill}"></span><div>'
                       f"<b>{escape(level.label)}</b> <small>({escape(scales)})</small><br>"
                       f"{escape(level.explanation)}</div></div>")
    entries.append(f'<div class="entry"><span class="swatch" style="background:{NO_VERDICT[0]}"></span><div>'
                   "<b>Not graded</b><br>That edition gave no verdict on this item (it may have graded a broader "
                   "or narrower one).</div></div>")
    totals = "; ".join(f"{t['count']} of {t['outOf']} {t['part']}s {str(t['levelLabel']).lower()}"
                       for t in evidence.totals)
    entries.append(f'<div class="entry"><span class="swatch" style="background:{HATCH}"></span><div>'
                   "<b>Verdict not published</b><br>Our sources give this edition's totals only"
                   + (f" ({escape(totals)}; {escape(str(evidence.totals[0]['sourceLabel']))})" if totals else "")
                   + ", not which item got which level. Its effect sizes are shown.</div></div>")
    entries.append('<div class="entry"><span class="swatch" style="background:#fff;border-style:dashed"></span>'
                   "<div><b>k = 59 · r = .31 [.28, .34]</b><br>k: the number of studies, as the source counts "
                   "them; then the effect size as printed (r correlation, d or g standardized mean difference, OR "
                   "odds ratio) and its 95% confidence interval where the source gives one.</div></div>")
    defined = dict.fromkeys(f"{lv.scale_label}: {lv.scale_sources}" for lv in evidence.levels)
    where = ("<p><small><b>Where the levels come from.</b> The levels and their order are each task force's, as "
             + escape("; ".join(defined)) + ". The explanations in plain words are esrkg's own (editorial notes), "
             "not the task forces' words. Levels of different scales are not ranked against each other.</small></p>")
    return f'{STYLE}<div class="esrkg-legend">{"".join(entries)}</div>{where}'
