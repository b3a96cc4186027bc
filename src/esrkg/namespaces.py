"""The esrkg namespace and the prefix map, defined once for the whole project."""

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from esrkg.kinds import item_kinds

BASE_IRI = "https://w3id.org/esrkg/"
ONTOLOGY_IRI = "https://w3id.org/esrkg/ontology"

ESR = Namespace(BASE_IRI)
BCIO = Namespace("http://humanbehaviourchange.org/ontology/")
OBO = Namespace("http://purl.obolibrary.org/obo/")  # STATO, OBI and IAO terms
BIBO = Namespace("http://purl.org/ontology/bibo/")

# Local names of the classes of assessable items (what verdicts and estimates are about), as the
# ontology declares them (esrkg.kinds).
ITEM_KINDS = item_kinds()

PREFIXES: dict[str, Namespace] = {
    "esr": ESR,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "prov": Namespace(str(PROV)),
    "bcio": BCIO,
    "obo": OBO,
    "bibo": BIBO,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on a graph (so exports read well) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def shorten(iri: object) -> str:
    """An IRI of ours written with the esr: prefix, for display; other IRIs unchanged."""
    return str(iri).replace(BASE_IRI, "esr:")
