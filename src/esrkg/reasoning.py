"""Run the HermiT DL reasoner (through owlready2, which needs Java) over the graph.

The only module that imports owlready2. Each call builds its own ``World`` so that no state is
shared between callers (a World is mutable and not thread safe).
"""

import io
import shutil
from dataclasses import dataclass

from rdflib import Graph

from esrkg.inference import defined_classes
from esrkg.namespaces import ONTOLOGY_IRI


class ReasonerUnavailable(RuntimeError):
    """Java is not installed, so HermiT cannot run."""


@dataclass(frozen=True)
class ReasonerReport:
    """What HermiT concluded: consistency, and the members of each defined class."""

    consistent: bool
    classifications: frozenset[tuple[str, str]]
    message: str = ""


def java_available() -> bool:
    """True when a ``java`` executable is on PATH."""
    return shutil.which("java") is not None


def run_hermit(graph: Graph) -> ReasonerReport:
    """Check consistency and classify individuals into the defined classes with HermiT."""
    import owlready2  # imported here: owlready2 is heavy and only the reasoner needs it

    if not java_available():
        raise ReasonerUnavailable("HermiT needs Java: install a JRE (Debian: openjdk-17-jre-headless).")
    world = owlready2.World()
    # owlready2 cannot read Turtle; N-Triples in memory is the loss-free route.
    ntriples = graph.serialize(format="nt", encoding="utf-8")
    ontology = world.get_ontology(ONTOLOGY_IRI).load(
        fileobj=io.BytesIO(ntriples), format="ntriples"
    )
    try:
        with ontology:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError as error:
        return ReasonerReport(False, frozenset(), f"HermiT found the ontology inconsistent: {error}")
    members: set[tuple[str, str]] = set()
    for defined in defined_classes(graph):
        owl_class = world[defined]
        if owl_class is not None:
            members.update((individual.iri, defined) for individual in owl_class.instances(world=world))
    return ReasonerReport(True, frozenset(members), "HermiT found the ontology consistent.")
