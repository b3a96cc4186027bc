"""esrkg: the open knowledge graph of empirically supported therapy relationships.

The public API: load the graph (or open a store: memory, Oxigraph, a SPARQL endpoint), ask it
questions, run SPARQL safely, validate and export it.
"""

__version__ = "1.0.0"  # before the imports: modules below read it

from esrkg.graph import load_graph, open_store

__all__ = ["load_graph", "open_store"]
