"""The item-scope link, precomputed: which items' evidence counts as evidence on an item.

Evidence on an item includes the evidence on the items narrower than it (``skos:broader``: the
2011 alliance elements under the 2002 therapeutic alliance) and on the adaptations tailored to a
client characteristic (``esr:tailoredTo``). Queries used to walk ``(skos:broader|esr:tailoredTo)*``
for every row; on a million study-level triples that path dominates, so the closure is computed
once and committed as ``ontology/data/item-scope.ttl`` (``?subject esr:within ?item``, reflexive).
A test checks that the committed file is the closure of the rest of the graph.
"""

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from esrkg.namespaces import ESR, bind_prefixes

SCOPE_LINKS = (SKOS.broader, ESR.tailoredTo)


def assessable_items(graph: Graph) -> set[URIRef]:
    """Every node typed with a subclass of esr:AssessableItem."""
    kinds = set(graph.transitive_subjects(RDFS.subClassOf, ESR.AssessableItem)) - {ESR.AssessableItem}
    return {s for kind in kinds for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)}


def scope_graph(graph: Graph) -> Graph:
    """``?subject esr:within ?item`` for every item and every item it falls under, itself included."""
    items = assessable_items(graph)
    scope = bind_prefixes(Graph())
    for item in items:
        seen, frontier = {item}, [item]
        while frontier:
            current = frontier.pop()
            for link in SCOPE_LINKS:
                for broader in graph.objects(current, link):
                    if isinstance(broader, URIRef) and broader in items and broader not in seen:
                        seen.add(broader)
                        frontier.append(broader)
        for broader in seen:
            scope.add((item, ESR.within, broader))
    return scope
