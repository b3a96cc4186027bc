"""Evidence over time: the forest plot of the estimates, every estimate's statistics, and the verdicts per edition."""

import streamlit as st

from caches import forest_image
from esrkg.forest_plot import edition_style, forest_panels
from state import browse_data
from tables import show


def forest_plot() -> None:
    panels = forest_panels(browse_data("estimates"))
    st.caption("One panel per estimand and metric (and direction, for odds ratios): estimates of different kinds "
               "never share an axis. Points are the estimates, bars their 95% confidence intervals where the source "
               "gives one; the dashed line is no effect. Qualitative syntheses have no figure and are not drawn.")
    titles = [f"{panel.title} ({len(panel.rows)} estimates)" for panel in panels]
    chosen = st.multiselect("Panels", range(len(panels)), default=[0], format_func=lambda i: titles[i], key="panels")
    key = tuple(chosen) or (0,)
    drawn = sorted({row.edition for i in key for row in panels[i].rows})
    every_edition = sorted({row.edition for panel in panels for row in panel.rows})
    svg = forest_image(key, "svg").decode("utf-8")
    st.image(svg[svg.index("<svg"):], width="stretch")  # the picture itself, without the XML prolog
    st.caption("Editions: " + ", ".join(f"{e} ({edition_style(every_edition, e)[2]})" for e in drawn))
    left, right = st.columns(2)
    left.download_button("Download the forest plot (PNG)", lambda: forest_image(key, "png"), "esrkg-forest-plot.png",
                         "image/png", on_click="ignore")
    right.download_button("Download the forest plot (SVG)", lambda: forest_image(key, "svg"),
                          "esrkg-forest-plot.svg", "image/svg+xml", on_click="ignore")


def every_estimate() -> None:
    st.caption("Numbers as the sources print them. N given as a bound (“more than 14,000”) is a bound, not an exact "
               "count. Each item's summary card (Evidence map, Explore, Glossary) adds the quoted words and the page "
               "they were read from.")
    rows = [{**row, "Figure": f"{row['Metric']} = {row['Value']}" if row["Metric"] else row["Value"],
             "Other statistics": "; ".join(x for x in (row["d equivalent"] and f"d equivalent {row['d equivalent']}",
                                                       row["Heterogeneity"]) if x)}
            for row in browse_data("estimate_table")]
    show(rows, {"Edition": "Edition", "About": "About", "What it estimates": "What it estimates", "Figure": "Figure",
                "95% CI": "95% CI", "p": "p", "k": "k", "N": "N", "Other statistics": "Other statistics",
                "Source": "Source", "DOI": "DOI"})


def verdicts_per_edition() -> None:
    history = browse_data("verdict_history")
    editions = [key for key in (history[0] if history else {}) if key != "item"]
    shown = [{key: value or "—" for key, value in row.items()} for row in history]  # — : no verdict in that edition
    show(shown, {"item": "Item", **{e: e for e in editions}})


st.title("Evidence over time")
st.caption("Effect sizes of the 2011 and 2018 meta-analyses, and the verdicts of the 2002 and 2011 task forces. "
           "The 2018 task force's per-item verdicts are not in our sources, only its totals (see Evidence map).")
# Lazy tabs: only the open one is drawn (the table of every estimate is long).
TABS = {"Forest plot": forest_plot, "Every estimate, with its statistics": every_estimate,
        "Verdicts per edition": verdicts_per_edition}
for tab, draw in zip(st.tabs(list(TABS), key="evidence_tab", on_change="rerun"), TABS.values(), strict=True):
    with tab:
        if tab.open:
            draw()
