"""The kinds of things the graph is about, read from the ontology itself (esr.ttl), in one place.

The classes of assessable items are the ontology's direct subclasses of ``esr:AssessableItem``, in the
order the TBox declares them (relationship elements, adaptations, client characteristics). Code that
needs "what a verdict or an estimate can be about" asks here instead of listing the classes again, so
a class added to the ontology reaches the reader, the views and the checks alike. Read with
Oxigraph's parser (a few milliseconds; ``esrkg ask`` never needs rdflib's Turtle parser).
"""

from functools import cache

import pyoxigraph as ox

from esrkg import paths

_ESR = "https://w3id.org/esrkg/"
_SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


@cache
def item_kinds() -> tuple[str, ...]:
    """Local names of the classes of assessable items, in the ontology's order."""
    kinds = []
    for triple in ox.parse(path=paths.tbox_file(), format=ox.RdfFormat.TURTLE):
        subject, predicate, obj = triple.subject, triple.predicate, triple.object
        if predicate.value == _SUBCLASS_OF and isinstance(obj, ox.NamedNode) and obj.value == _ESR + "AssessableItem" \
                and isinstance(subject, ox.NamedNode) and subject.value.startswith(_ESR):
            kinds.append(subject.value[len(_ESR):])
    if not kinds:
        raise RuntimeError(f"{paths.tbox_file()} declares no subclass of esr:AssessableItem.")
    return tuple(dict.fromkeys(kinds))


def is_item_kind(kind: str) -> bool:
    """Whether a class local name is a kind of assessable item."""
    return kind in item_kinds()
