"""What every page shares: the store, the graph and the objects built from them, loaded once per process.

The store is the one ``esrkg app --store`` chose (ESRKG_STORE, with ESRKG_DATA files): memory by
default, oxigraph, or a SPARQL endpoint. Pages that query go through it; ``graph()`` is its triples in
rdflib for what needs a graph object (downloads, the view's RDF). Sessions only read these
(st.cache_resource hands every session the same object): no page mutates the graph.
"""

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from rdflib import Graph

from esrkg import browse
from esrkg.graph import Store, open_store
from esrkg.inference import materialize
from esrkg.namespaces import bind_prefixes, shorten
from esrkg.qa import QuestionAnswerer
from esrkg.stores import DATA_ENV, default_spec
from esrkg.viz import ViewModel


@st.cache_resource(show_spinner="Loading the knowledge graph…")
def store() -> Store:
    """The store chosen with ``esrkg app --store`` (memory by default), with its --data files."""
    data = [Path(p) for p in os.environ.get(DATA_ENV, "").split(os.pathsep) if p]
    return open_store(default_spec(), data)


@st.cache_resource(show_spinner="Loading the knowledge graph…")
def graph() -> Graph:
    """The asserted graph: the store's triples in rdflib (the store's own graph on memory)."""
    return store().graph()


@st.cache_resource(show_spinner="Computing the inferred facts…")
def inferred_graph() -> Graph:
    """The graph with the facts the reasoner entails (pure Python)."""
    inferred = bind_prefixes(Graph())
    inferred += graph()
    inferred += materialize(graph())
    return inferred


@st.cache_resource
def view_model() -> ViewModel:
    """Drawable nodes and edges for the Explore page."""
    return ViewModel.from_graph(store())


@st.cache_resource
def answerer() -> QuestionAnswerer:
    """The question answerer, with its label index built once."""
    return QuestionAnswerer(store())


@st.cache_data(show_spinner=False)
def browse_data(name: str, *args: str) -> Any:
    """A function of esrkg.browse applied to the store, computed once per arguments."""
    return getattr(browse, name)(store(), *args)


def _cell(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if value is None or isinstance(value, int | float | bool):
        return value
    return str(value)


def table(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    """Rows as a DataFrame with the given columns renamed for people (missing values left empty)."""
    return pd.DataFrame([{title: _cell(row.get(key)) for key, title in columns.items()} for row in rows],
                        columns=list(columns.values()))


def short(iri: str) -> str:
    """An IRI shortened with the esr: prefix, for display."""
    return shorten(iri)
