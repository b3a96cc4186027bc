"""esrkg: the open knowledge graph of empirically supported therapy relationships.

The public API: load the graph, ask it questions, run SPARQL safely, validate and export it.
"""

from esrkg.graph import load_graph

__all__ = ["load_graph"]
__version__ = "1.0.0"
