"""Session-scoped fixtures: the graph is loaded once per test run."""

import pytest
from rdflib import Graph

from esrkg.graph import load_graph


@pytest.fixture(scope="session")
def graph() -> Graph:
    """The asserted graph (ontology and data); tests must not change it."""
    return load_graph()


@pytest.fixture(scope="session")
def inferred_graph() -> Graph:
    """The graph with the materialized inferences added."""
    return load_graph(inferred=True)
