"""Where Ask's queries run: the store itself, or for an rdflib graph an embedded Oxigraph copy.

Ask composes a new query text for nearly every question. rdflib's engine parses each text in about
30 ms and, on the joins Ask composes, evaluates in up to 300 ms (measured by bench/bench_qa.py);
Oxigraph does both in 1-3 ms. So on the memory store (an rdflib graph) Ask answers from an Oxigraph
copy of the same triples, made once per graph; the SPARQL it shows gives the same rows on rdflib
(tests/test_ask_dev_sets.py runs every development question's query on both). Oxigraph stores and
SPARQL endpoints are used as they are. A graph changed after its answerer was built is not seen:
build a new :class:`~esrkg.ask.QuestionAnswerer`.
"""

from rdflib import Graph

from esrkg.queries import Source
from esrkg.stores import MemoryStore, OxigraphStore


def engine_for(source: Source) -> Source:
    """The store Ask runs its queries on for this graph or store."""
    graph = source if isinstance(source, Graph) else source.graph() if isinstance(source, MemoryStore) else None
    if graph is None:
        return source
    return OxigraphStore.from_ntriples(graph.serialize(format="nt", encoding="utf-8"))
