"""Glossary: every term of the info sheet, searchable, with its source, synonyms, relations and summary card."""

from html import escape

import streamlit as st

from cards import show_card
from state import browse_data


def open_card(iri: str) -> None:
    st.session_state.glossary_card = iri


@st.dialog("Summary card", width="large")
def card_dialog(iri: str) -> None:
    show_card(browse_data("card", iri), key="glossary-card")


st.title("Glossary of terms")
st.caption("Adapted from the definitions in Norcross & Hill (2004), in order of appearance on the info sheet.")
search = st.text_input("Search the glossary", placeholder="a word in a term or its definition")
needle = search.strip().lower()
entries = [e for e in browse_data("glossary")
           if not needle or needle in e["glossaryLabel"].lower() or needle in e["definition"].lower()
           or needle in str(e.get("synonyms", "")).lower()]
st.caption(f"{len(entries)} term(s)")
chosen = st.session_state.pop("glossary_card", "")
for entry in entries:
    opened = bool(needle)
    with st.expander(f"{entry['position']}. {entry['glossaryLabel']}", expanded=opened):
        st.markdown(f"> {escape(entry['definition'])}")
        st.caption(f"{entry['kindLabel']} · source: {entry['sourceLabel']}"
                   + (f" · also called: {entry['synonyms']}" if entry.get("synonyms") else ""))
        relations = browse_data("relations_of", entry["term"])
        if relations:
            st.markdown("**Related:** " + escape("; ".join(
                f"{r['relationLabel']} {r['otherLabel']}" if r["direction"] == "outgoing"
                else f"{r['otherLabel']} {r['relationLabel']} this" for r in relations)))
        st.button("Show its evidence (summary card)", key=f"card-{entry['position']}", on_click=open_card,
                  args=(entry["term"],))
if chosen:
    card_dialog(chosen)
