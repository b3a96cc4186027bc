"""What every page shares: the graph and the objects built from it, loaded once per process.

Sessions only read these (st.cache_resource hands every session the same object): no page
mutates the graph.
"""

from decimal import Decimal
from typing import Any

import pandas as pd
import streamlit as st
from rdflib import Graph

from esrkg import browse
from esrkg.graph import load_graph
from esrkg.namespaces import shorten
from esrkg.qa import QuestionAnswerer
from esrkg.viz import ViewModel


@st.cache_resource(show_spinner="Loading the knowledge graph…")
def graph() -> Graph:
    """The asserted graph."""
    return load_graph()


@st.cache_resource(show_spinner="Computing the inferred facts…")
def inferred_graph() -> Graph:
    """The graph with the facts the reasoner entails (pure Python)."""
    return load_graph(inferred=True)


@st.cache_resource
def view_model() -> ViewModel:
    """Drawable nodes and edges for the Explore page."""
    return ViewModel.from_graph(graph())


@st.cache_resource
def answerer() -> QuestionAnswerer:
    """The question answerer, with its label index built once."""
    return QuestionAnswerer(graph())


@st.cache_data(show_spinner=False)
def browse_data(name: str, *args: str) -> Any:
    """A function of esrkg.browse applied to the graph, computed once per arguments."""
    return getattr(browse, name)(graph(), *args)


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
