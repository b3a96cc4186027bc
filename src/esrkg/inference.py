"""Materialize what the ontology entails, in pure Python (OWL 2 RL rules via owlrl).

No Java is needed: this is how SPARQL sees inferred facts. The test suite checks that the
classifications found here are the ones the DL reasoner (HermiT, see reasoning.py) finds.
"""

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from esrkg.namespaces import ESR, bind_prefixes


def _is_esr(term: object) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(str(ESR))


def materialize(graph: Graph) -> Graph:
    """Return the new facts the ontology entails about our own nodes (a graph of just those)."""
    import owlrl  # imported here: it is slow to import and only this function needs it

    closure = Graph()
    for triple in graph:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    inferred = bind_prefixes(Graph())
    for subject, predicate, obj in closure:
        # Keep entailments between our own nodes: class memberships and our properties.
        # owlrl also derives axiomatic triples (owl:Thing, sameAs reflexivity...) that no
        # user needs and that would bloat every export.
        if not _is_esr(subject) or not _is_esr(obj) or (subject, predicate, obj) in graph:
            continue
        if predicate == RDF.type or _is_esr(predicate):
            inferred.add((subject, predicate, obj))
    return inferred


def defined_classes(graph: Graph) -> set[str]:
    """The named classes that have a definition (owl:equivalentClass): what the reasoners classify into."""
    return {str(c) for c in graph.subjects(OWL.equivalentClass) if isinstance(c, URIRef)}


def classifications(graph: Graph, inferred: Graph) -> set[tuple[str, str]]:
    """(individual, defined class) pairs: memberships in classes that have a definition."""
    defined = defined_classes(graph)
    return {(str(s), str(o)) for s, o in inferred.subject_objects(RDF.type) if str(o) in defined}
