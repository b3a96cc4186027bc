"""esrkg explorer: a multipage Streamlit app over the esrkg library (widgets and calls, nothing else).

The pages live in ``views/``, not ``pages/``: with a ``pages/`` folder Streamlit starts in its old
multipage mode, and a server's first visitor to ``/explore`` got ``pages/explore.py`` run on its own
(no navigation, no wide layout) until some visit ran this script.
"""

from pathlib import Path

import streamlit as st

from caches import warm_up

# The icon is a file of the package (a ":material/...:" icon makes the browser fetch it from a font host).
ICON = Path(__file__).resolve().parent / "static" / "esrkg-icon.png"
st.set_page_config(page_title="esrkg: therapy relationships knowledge graph", page_icon=str(ICON), layout="wide")

PAGES = [
    st.Page("views/overview.py", title="Overview", icon=":material/home:", default=True),
    st.Page("views/evidence_map.py", title="Evidence map", icon=":material/grid_view:", url_path="map"),
    st.Page("views/explore.py", title="Explore", icon=":material/hub:"),
    st.Page("views/ask.py", title="Ask", icon=":material/chat:"),
    st.Page("views/sparql.py", title="SPARQL", icon=":material/code:"),
    st.Page("views/glossary.py", title="Glossary", icon=":material/menu_book:"),
    st.Page("views/evidence.py", title="Evidence over time", icon=":material/timeline:"),
    st.Page("views/schema.py", title="Schema", icon=":material/schema:"),
    st.Page("views/export.py", title="Export", icon=":material/download:"),
]
warm_up()  # fills the shared caches once per process, so that later first visits do not wait for them
st.navigation(PAGES).run()
