"""Glossary: every term of the info sheet, searchable, with its source, synonyms, relations and evidence."""

import streamlit as st

from state import browse_data, table

st.title("Glossary of terms")
st.caption("Adapted from the definitions in Norcross & Hill (2004), in order of appearance on the info sheet.")
search = st.text_input("Search the glossary", placeholder="a word in a term or its definition")
needle = search.strip().lower()
entries = [e for e in browse_data("glossary")
           if not needle or needle in e["glossaryLabel"].lower() or needle in e["definition"].lower()
           or needle in str(e.get("synonyms", "")).lower()]
st.caption(f"{len(entries)} term(s)")
for entry in entries:
    with st.expander(f"{entry['position']}. {entry['glossaryLabel']}", expanded=bool(needle)):
        st.markdown(f"> {entry['definition']}")
        st.caption(f"{entry['kindLabel']} · source: {entry['sourceLabel']}"
                   + (f" · also called: {entry['synonyms']}" if entry.get("synonyms") else ""))
        relations = browse_data("relations_of", entry["term"])
        if relations:
            st.markdown("**Related:** " + "; ".join(
                f"{r['relationLabel']} {r['otherLabel']}" if r["direction"] == "outgoing"
                else f"{r['otherLabel']} {r['relationLabel']} this" for r in relations))
        evidence = browse_data("evidence_on", entry["term"])
        if evidence:
            st.dataframe(table(evidence, {"editionId": "Edition", "subjectLabel": "About", "levelLabel": "Verdict",
                                          "estimates": "Estimate", "metric": "Metric", "value": "Value",
                                          "sourceLabel": "Source"}), hide_index=True, width="stretch")
