"""Load the ontology and data into a graph: inputs in, graph out, no globals.

``load_graph()`` gives an rdflib graph (the documented API). ``open_store()`` gives a store, the
thing the catalogue, Ask, the CLI and the app run on: rdflib in memory, embedded Oxigraph or a SPARQL
endpoint (see :mod:`esrkg.stores`).
"""

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from esrkg import paths
from esrkg.namespaces import bind_prefixes
from esrkg.stores import Store, open_store

__all__ = ["Store", "default_sources", "load_graph", "open_store"]


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
    classes, inverse edges) are materialized into the graph, computed in pure Python. ``store`` is an
    rdflib store plugin name; for Oxigraph's own engine use ``open_store("oxigraph")``, since through
    rdflib's Graph (oxrdflib) prepared queries are evaluated by rdflib, not by Oxigraph.
    """
    graph = bind_prefixes(Graph(store=store))
    for source in default_sources() if sources is None else sources:
        graph.parse(source, format="turtle")
    if inferred:
        from esrkg.inference import materialize

        graph += materialize(graph)
    return graph
