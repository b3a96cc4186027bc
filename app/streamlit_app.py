"""esrkg explorer: a multipage Streamlit app over the esrkg library (widgets and calls, nothing else)."""

from pathlib import Path

import streamlit as st

# The icon is a file of the package (a ":material/...:" icon makes the browser fetch it from a font host).
ICON = Path(__file__).resolve().parent / "static" / "esrkg-icon.png"
st.set_page_config(page_title="esrkg: therapy relationships knowledge graph", page_icon=str(ICON), layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/home:", default=True),
    st.Page("pages/evidence_map.py", title="Evidence map", icon=":material/grid_view:", url_path="map"),
    st.Page("pages/explore.py", title="Explore", icon=":material/hub:"),
    st.Page("pages/ask.py", title="Ask", icon=":material/chat:"),
    st.Page("pages/sparql.py", title="SPARQL", icon=":material/code:"),
    st.Page("pages/glossary.py", title="Glossary", icon=":material/menu_book:"),
    st.Page("pages/evidence.py", title="Evidence over time", icon=":material/timeline:"),
    st.Page("pages/schema.py", title="Schema", icon=":material/schema:"),
    st.Page("pages/export.py", title="Export", icon=":material/download:"),
]
st.navigation(PAGES).run()
