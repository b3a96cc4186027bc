"""Overview: what esrkg is, the task force's two questions, the evidence matrix, sources, citation."""

import streamlit as st

from state import browse_data, short
from tables import show

header = browse_data("about")
st.title("Empirically supported therapy relationships")
st.write(header.get("description", ""))

st.subheader("The task force's two questions")
for question in browse_data("guiding_questions"):
    st.markdown(f"- {question}")

st.subheader("Evidence matrix")
st.caption("Elements and ways of customizing therapy by evidence level, per edition (per-item verdicts). "
           "The Evidence map shows the same as a picture, item by item.")
st.page_link("views/evidence_map.py", label="Open the evidence map", icon=":material/grid_view:")
cells = browse_data("evidence_matrix")
for edition in sorted({cell.edition for cell in cells}):
    st.markdown(f"**{edition}**")
    rows = [{"part": "relationship elements" if c.part == "element" else "customizing therapy",
             "level": c.level, "count": len(c.items), "items": "; ".join(c.items)}
            for c in cells if c.edition == edition]
    show(rows, {"part": "Part", "level": "Evidence level", "count": "Count", "items": "Items"})
totals = browse_data("edition_totals")
if totals:
    st.markdown("**TF3-2018** (only the totals are in the graph; no per-item verdicts were published in our sources)")
    show(totals, {"levelLabel": "Evidence level", "count": "Elements", "outOf": "Out of", "sourceLabel": "Source"})

st.subheader("Sources")
show(browse_data("sources"), {"editionId": "Edition", "taskForceLabel": "Task force", "citation": "Publication",
                              "doi": "DOI"})

st.subheader("How to cite")
st.code(header.get("citation", ""), language=None, wrap_lines=True)
st.caption(f"Version {header.get('version', '')} · {short(header.get('versionIri', ''))} · "
           f"licence {header.get('license', '')}")

with st.expander("What the graph holds"):
    st.text("\n".join(browse_data("stats_lines")))
