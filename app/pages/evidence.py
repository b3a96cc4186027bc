"""Evidence over time: each item's verdict per edition, and the effect sizes published, with sources."""

import altair as alt
import pandas as pd
import streamlit as st

from state import browse_data, table

st.title("Evidence over time")
st.caption("Verdicts of the 2002 and 2011 task forces; effect sizes of the 2011 and 2018 meta-analyses. "
           "The 2018 task force's per-item verdicts are not in our sources, only its totals (see Overview).")

st.subheader("Verdicts per edition")
history = browse_data("verdict_history")
editions = [key for key in (history[0] if history else {}) if key != "item"]
shown = [{key: value or "—" for key, value in row.items()} for row in history]  # — : no verdict in that edition
st.dataframe(table(shown, {"item": "Item", **{e: e for e in editions}}), hide_index=True, width="stretch")

st.subheader("Effect sizes per item and edition")
sizes = browse_data("effect_sizes")
present = {row["metric"] for row in sizes}
metrics = [m for m in ("r", "d", "g", "OR") if m in present] + sorted(present - {"r", "d", "g", "OR"})
metric = st.radio("Metric", metrics, horizontal=True,
                  format_func={"r": "r (correlation)", "d": "d (mean difference)", "g": "g (Hedges)",
                               "OR": "OR (odds ratio)"}.get)
chosen = [row for row in sizes if row["metric"] == metric]
frame = pd.DataFrame([{"item": r["subjectLabel"], "edition": r["editionId"], "value": float(r["value"]),
                       "estimates": r["estimates"], "k": r.get("k"), "N": r.get("n"), "source": r["sourceLabel"]}
                      for r in chosen])
if not frame.empty:
    chart = alt.Chart(frame).mark_point(filled=True, size=90).encode(
        x=alt.X("value:Q", title=f"{metric}"), y=alt.Y("item:N", title=None, sort="-x"),
        color=alt.Color("edition:N"), tooltip=["item", "edition", "value", "estimates", "k", "N", "source"])
    st.altair_chart(chart, width="stretch")
st.dataframe(table(sizes, {"subjectLabel": "Item", "editionId": "Edition", "estimates": "Estimates",
                           "metric": "Metric", "value": "Value", "k": "k", "kUnit": "k counts", "n": "N",
                           "nUnit": "N counts", "citation": "Source", "url": "Link"}),
             hide_index=True, width="stretch", column_config={"Link": st.column_config.LinkColumn()})
