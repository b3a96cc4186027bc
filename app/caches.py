"""What pages compute from the shared data, cached once per process, and the warm-up that fills it at start.

The layout of a graph view and the forest plot's images cost tenths of a second; the first visit of
a page should not pay for them, nor for reading the graph. ``warm_up`` runs once per process (from
streamlit_app.py, in the first script run) and fills the caches every page's first view needs.

It runs in the script run, not in a thread of its own: rdflib's SPARQL parser (pyparsing) is not
thread-safe, and a warm-up thread parsing while a visitor's page parsed crashed that page. Visitors
who arrive while it runs wait on its lock, then find everything computed.
"""

import threading

import streamlit as st

from esrkg.export import serialize
from esrkg.forest_plot import ImageFormat, forest_panels, render
from esrkg.viz import ViewOptions, drawing_data
from state import browse_data, graph, inferred_graph, view_model

# The data each page shows first, by the name of its esrkg.browse function (with arguments).
FIRST_VIEWS: tuple[tuple[str, ...], ...] = (
    ("about",), ("guiding_questions",), ("evidence_matrix",), ("edition_totals",), ("sources",), ("stats_lines",),
    ("evidence_map_of",), ("glossary",), ("verdict_history",), ("estimates",), ("estimate_table",), ("schema",),
    ("completions",), ("sheet_markdown",), ("card", "https://w3id.org/esrkg/therapeutic-alliance"),
)
_lock = threading.Lock()
_done = threading.Event()


@st.cache_data(show_spinner=False, max_entries=64)
def drawing(options: ViewOptions) -> dict:
    """The laid-out drawing of an Explore view (the layout is computed once per view)."""
    model = view_model()
    return drawing_data(model, model.select(options), options)


@st.cache_data(show_spinner="Drawing…", max_entries=32)
def forest_image(indices: tuple[int, ...], image_format: ImageFormat) -> bytes:
    """The forest plot of the chosen panels (by index in forest_panels' order) as PNG or SVG."""
    panels = forest_panels(browse_data("estimates"))
    return render([panels[i] for i in indices if i < len(panels)], image_format)


@st.cache_data(show_spinner="Serializing…")
def exported(export_format: str, inferred: bool) -> str:
    """The whole graph (with the inferred facts, if asked) in one RDF format."""
    return serialize(inferred_graph() if inferred else graph(), export_format)


def _fill() -> None:
    for name, *args in FIRST_VIEWS:
        browse_data(name, *args)
    drawing(ViewOptions())
    forest_image((0,), "svg")
    exported("turtle", False)


def warm_up() -> None:
    """Fill the caches once per process; later calls return at once (or wait for the first to finish)."""
    if _done.is_set():
        return
    with _lock:
        if not _done.is_set():
            with st.spinner("Preparing the knowledge graph (once, when the app starts)…"):
                _fill()
            _done.set()
