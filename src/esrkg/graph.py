"""Load the ontology and data into a graph: inputs in, graph out, no globals.

The store is a parameter so callers never depend on it: rdflib's in-memory store by default,
``"Oxigraph"`` (oxrdflib) for a faster engine.
"""

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from esrkg import paths
from esrkg.namespaces import bind_prefixes


def default_sources() -> list[Path]:
    """The TBox followed by every data file."""
    return [paths.tbox_file(), *paths.data_files()]


def load_graph(
    sources: Iterable[Path] | None = None,
    *,
    store: str = "default",
    inferred: bool = False,
) -> Graph:
    """Parse the Turtle sources (default: the whole ontology and data) into a new graph.

    With ``inferred=True`` the facts the reasoner entails (classifications into the defined
    classes, inverse edges) are materialized into the graph, computed in pure Python.
    """
    graph = bind_prefixes(Graph(store=store))
    for source in default_sources() if sources is None else sources:
        graph.parse(source, format="turtle")
    if inferred:
        from esrkg.inference import materialize

        graph += materialize(graph)
    return graph
