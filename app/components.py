"""The app's own browser components (Streamlit components v2): the graph drawing, the evidence map, the SPARQL editor.

Each is a small ES module in ``frontend/`` (with ``frontend/load.js`` in front) that loads its
library from the app's static folder (``static/vendor/``, served by Streamlit's static serving):
nothing comes from another host. They talk back with trigger values (a click, Ctrl+Enter) and state
(the editor's text); the pages turn those into session state and the URL.
"""

from pathlib import Path
from typing import Any

import streamlit as st

FRONTEND = Path(__file__).resolve().parent / "frontend"


def _module(name: str) -> str:
    return (FRONTEND / "load.js").read_text(encoding="utf-8") + "\n" + (FRONTEND / name).read_text(encoding="utf-8")


_graph = st.components.v2.component("esrkg_graph_canvas", js=_module("graph_canvas.js"), isolate_styles=False)
_map = st.components.v2.component("esrkg_map_grid", js=_module("map_grid.js"), isolate_styles=False)
_editor = st.components.v2.component("esrkg_sparql_editor", js=_module("sparql_editor.js"), isolate_styles=False)


def graph_canvas(drawing: dict[str, Any], key: str, on_click: Any) -> Any:
    """Draw a laid-out view (esrkg.viz.drawing_data); ``on_click`` runs when a node is clicked."""
    return _graph(key=key, data=drawing, on_clicked_change=on_click, height=drawing["height"] + 8)


def map_grid(html: str, key: str, on_select: Any) -> Any:
    """Show the evidence map's HTML; ``on_select`` runs when a cell is chosen."""
    return _map(key=key, data={"html": html}, on_selected_change=on_select)


def sparql_editor(text: str, revision: int, completions: dict[str, list[str]], key: str, on_text: Any,
                  on_run: Any, height: int = 320) -> Any:
    """The YASQE editor; ``on_text`` runs when the text changes, ``on_run`` on Ctrl+Enter."""
    return _editor(key=key, data={"text": text, "revision": revision, "completions": completions, "height": height},
                   on_text_change=on_text, on_run_change=on_run, height=height + 40)
