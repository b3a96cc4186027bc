"""esrkg explorer: a multipage Streamlit app over the esrkg library (widgets and calls, nothing else)."""

import streamlit as st

st.set_page_config(page_title="esrkg: therapy relationships knowledge graph", page_icon=":material/hub:", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/home:", default=True),
    st.Page("pages/explore.py", title="Explore", icon=":material/hub:"),
    st.Page("pages/ask.py", title="Ask", icon=":material/chat:"),
    st.Page("pages/sparql.py", title="SPARQL", icon=":material/code:"),
    st.Page("pages/glossary.py", title="Glossary", icon=":material/menu_book:"),
    st.Page("pages/evidence.py", title="Evidence over time", icon=":material/timeline:"),
    st.Page("pages/export.py", title="Export", icon=":material/download:"),
]
st.navigation(PAGES).run()
