"""Evidence over time: verdicts per edition, the forest plot of the estimates, and every estimate's statistics."""


import streamlit as st

from caches import forest_image
from esrkg.forest_plot import edition_style, forest_panels
from state import browse_data
from tables import show

st.title("Evidence over time")
st.caption("Verdicts of the 2002 and 2011 task forces; effect sizes of the 2011 and 2018 meta-analyses. "
           "The 2018 task force's per-item verdicts are not in our sources, only its totals (see Evidence map).")

st.subheader("Verdicts per edition")
history = browse_data("verdict_history")
editions = [key for key in (history[0] if history else {}) if key != "item"]
shown = [{key: value or "—" for key, value in row.items()} for row in history]  # — : no verdict in that edition
show(shown, {"item": "Item", **{e: e for e in editions}})

st.subheader("Forest plot")
estimates = browse_data("estimates")
panels = forest_panels(estimates)
st.caption("One panel per estimand and metric (and direction, for odds ratios): estimates of different kinds never "
           "share an axis. Points are the estimates, bars their 95% confidence intervals where the source gives one; "
           "the dashed line is no effect. Qualitative syntheses have no figure and are not drawn.")
titles = [f"{panel.title} ({len(panel.rows)})" for panel in panels]
chosen = st.multiselect("Panels", range(len(panels)), default=[0], format_func=lambda i: titles[i], key="panels")
selected = [panels[i] for i in chosen] or panels[:1]


key = tuple(chosen) or (0,)
drawn = {row.edition for panel in selected for row in panel.rows}
all_editions = sorted({row.edition for panel in panels for row in panel.rows})
st.image(forest_image(key, "png"), caption="Editions: " + ", ".join(
    f"{edition} ({edition_style(all_editions, edition)[2]})" for edition in sorted(drawn)))
left, right = st.columns(2)
left.download_button("Download the forest plot (PNG)", lambda: forest_image(key, "png"), "esrkg-forest-plot.png",
                     "image/png", on_click="ignore")
right.download_button("Download the forest plot (SVG)", lambda: forest_image(key, "svg"), "esrkg-forest-plot.svg",
                      "image/svg+xml", on_click="ignore")

st.subheader("Every estimate, with its statistics")
st.caption("Numbers as the sources print them. N given as a bound (“more than 14,000”) is a bound, not an exact count.")
show(browse_data("estimate_table"),
     {"Edition": "Edition", "About": "About", "What it estimates": "What it estimates", "Metric": "Metric",
      "Value": "Value", "95% CI": "95% CI", "p": "p", "k": "k", "N": "N", "d equivalent": "d equivalent",
      "Heterogeneity": "Heterogeneity", "Source": "Source", "DOI": "DOI", "Read at": "Read at"}, sortable=True,
     height=520)
