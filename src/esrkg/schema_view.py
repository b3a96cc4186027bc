"""The ontology's TBox as people read it in WebVOWL or Protégé: classes, properties, schemes, shapes, a diagram.

Classes, properties (with domain and range) and SKOS concept schemes are read from the graph with
the ``schema_*`` catalogue queries; SHACL shapes from ``ontology/shapes.ttl``. ``diagram_dot``
draws esrkg's own classes as a Graphviz diagram: subclass links as hollow arrows, object
properties as labelled arrows from domain to range (the WebVOWL convention).
"""

import html
from dataclasses import dataclass
from functools import cache

from rdflib import Graph

from esrkg import paths, queries
from esrkg.namespaces import BASE_IRI, PREFIXES
from esrkg.queries import Source

SH_PREFIX = ("sh", "http://www.w3.org/ns/shacl#")
_KIND_NAMES = {"ObjectProperty": "object property", "DatatypeProperty": "datatype property",
               "AnnotationProperty": "annotation property"}


def curie(iri: str) -> str:
    """An IRI written with the project's prefixes ('esr:Verdict', 'obo:STATO_0000231'); others unchanged."""
    for prefix, namespace in [*PREFIXES.items(), SH_PREFIX]:
        if iri.startswith(str(namespace)) and len(iri) > len(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return iri


@dataclass(frozen=True)
class SchemaClass:
    """A class: its name, definition, superclasses, who defines it and how many nodes it types."""

    iri: str
    label: str
    definition: str
    superclasses: tuple[str, ...]
    defined_by: str
    is_defined_class: bool
    members: int

    @property
    def ours(self) -> bool:
        """True for esrkg's own classes (not the STATO/OBI/SKOS/PROV terms declared locally)."""
        return self.iri.startswith(BASE_IRI)


@dataclass(frozen=True)
class SchemaProperty:
    """A property with its kind, domain, range, superproperty and inverse."""

    iri: str
    label: str
    kind: str
    definition: str
    domain: str
    range: str
    superproperty: str
    inverse: str
    functional: bool
    uses: int


@dataclass(frozen=True)
class ConceptScheme:
    """A SKOS concept scheme and its concepts."""

    iri: str
    label: str
    definition: str
    concepts: tuple[str, ...]


@dataclass(frozen=True)
class ShapeConstraint:
    """One constraint of a SHACL node shape (a property constraint, or a SPARQL constraint)."""

    shape: str
    label: str
    target: str
    path: str
    cardinality: str
    value: str
    message: str
    target_class: str = ""  # IRIs, for the diagram: the shape's target class, the path's IRI, the class required
    path_iri: str = ""
    value_class: str = ""


def classes(source: Source) -> list[SchemaClass]:
    """Every labelled class, esrkg's first."""
    found = [SchemaClass(str(r["class"]), str(r["label"]), str(r.get("definition", "")),
                         tuple(str(r.get("supers", "")).split()), str(r.get("definedBy", "")), bool(r.get("defined")),
                         int(r.get("members", 0))) for r in queries.rows(source, "schema_classes")]
    return sorted(found, key=lambda c: (not c.ours, c.label.lower()))


def properties(source: Source) -> list[SchemaProperty]:
    """Every declared property, esrkg's first, by kind."""
    merged: dict[str, SchemaProperty] = {}
    for r in queries.rows(source, "schema_properties"):
        iri = str(r["property"])
        merged.setdefault(iri, SchemaProperty(
            iri, str(r.get("label", curie(iri))), _KIND_NAMES.get(str(r["type"]).rsplit("#", 1)[-1], "property"),
            str(r.get("definition", "")), str(r.get("domain", "")), str(r.get("range", "")), str(r.get("super", "")),
            str(r.get("inverse", "")), bool(r.get("functional")), int(r.get("uses", 0))))
    return sorted(merged.values(), key=lambda p: (not p.iri.startswith(BASE_IRI), p.kind, p.label.lower()))


def schemes(source: Source) -> list[ConceptScheme]:
    """The SKOS concept schemes."""
    return [ConceptScheme(str(r["scheme"]), str(r["label"]), str(r.get("definition", "")),
                          tuple(sorted(c for c in str(r.get("conceptLabels", "")).split("; ") if c)))
            for r in queries.rows(source, "schema_schemes")]


@cache
def _shapes_graph() -> Graph:
    return Graph().parse(paths.shapes_file(), format="turtle")


def shapes(shapes_graph: Graph | None = None) -> list[ShapeConstraint]:
    """Every constraint of the SHACL shapes (ontology/shapes.ttl unless another graph is given)."""
    found = []
    for r in queries.rows(shapes_graph if shapes_graph is not None else _shapes_graph(), "schema_shapes"):
        target = r.get("targetClass") or r.get("targetSubjectsOf")
        target_text = (curie(str(target)) if "targetClass" in r else
                       f"subjects of {curie(str(target))}" if target else "")
        low, high = r.get("minCount"), r.get("maxCount")
        cardinality = "" if low is None and high is None else f"{low or 0}..{'*' if high is None else high}"
        value = next((curie(str(r[k])) for k in ("class", "datatype", "hasValue") if k in r), "")
        path = curie(str(r["path"])) if "path" in r else ("SPARQL constraint" if r.get("sparql") else "")
        found.append(ShapeConstraint(curie(str(r["shape"])), str(r.get("label", "")), target_text, path, cardinality,
                                     value, str(r.get("message", "")), str(r.get("targetClass", "")),
                                     str(r.get("path", "")) if r.get("path") != "(complex path)" else "",
                                     str(r.get("class", ""))))
    return found


def diagram_links(class_list: list[SchemaClass], property_list: list[SchemaProperty],
                  shape_list: list[ShapeConstraint]) -> list[tuple[str, str, str]]:
    """(from class, property label, to class) between esrkg's classes: an object property's domain and range,
    and the class a SHACL shape requires at the end of a property (which also covers properties whose
    domain is a union), once each."""
    ours = {c.iri for c in class_list if c.ours and not c.is_defined_class}
    labels = {p.iri: p.label for p in property_list}
    links = {(p.domain, p.label, p.range) for p in property_list
             if p.kind == "object property" and p.domain in ours and p.range in ours}
    links |= {(s.target_class, labels.get(s.path_iri, curie(s.path_iri)), s.value_class) for s in shape_list
              if s.target_class in ours and s.value_class in ours and s.path_iri}
    return sorted(links)


def diagram_dot(class_list: list[SchemaClass], property_list: list[SchemaProperty],
                shape_list: list[ShapeConstraint] | None = None) -> str:
    """A Graphviz diagram of esrkg's linked classes: subclass arrows (dashed, hollow) and properties from
    domain to range (green). Classes with no link are listed beside the diagram instead."""
    ours = {c.iri: c for c in class_list if c.ours and not c.is_defined_class}
    links = diagram_links(class_list, property_list, shape_list or [])
    subclass = [(c.iri, parent) for c in ours.values() for parent in c.superclasses if parent in ours]
    drawn = {end for link in links for end in (link[0], link[2])} | {end for pair in subclass for end in pair}
    lines = ['digraph esrkg {', '  graph [rankdir=LR, fontname="Helvetica", nodesep=0.3, ranksep=0.9];',
             '  node [shape=ellipse, style=filled, fillcolor="#dbe9f6", color="#4a7fb5", fontname="Helvetica", '
             'fontsize=12];', '  edge [fontname="Helvetica", fontsize=10, color="#555555"];']
    for iri in sorted(drawn):
        cls = ours[iri]
        lines.append(f'  "{iri}" [label="{_dot(cls.label)}", tooltip="{_dot(cls.definition or cls.label)}"];')
    lines += [f'  "{child}" -> "{parent}" [arrowhead=empty, style=dashed, tooltip="subclass of"];'
              for child, parent in subclass]
    lines += [f'  "{start}" -> "{end}" [label="{_dot(label)}", color="#2b8a3e", fontcolor="#2b8a3e"];'
              for start, label, end in links]
    lines.append("}")
    return "\n".join(lines)


def unlinked_classes(class_list: list[SchemaClass], dot: str) -> list[str]:
    """esrkg's classes the diagram does not draw (no link to another of its classes), by label."""
    return [c.label for c in class_list if c.ours and not c.is_defined_class and f'"{c.iri}" [' not in dot]


def _dot(text: str) -> str:
    """Text safe inside a double-quoted DOT string (also escaped for the SVG Graphviz writes)."""
    return html.escape(text.replace("\\", " ").replace("\n", " "), quote=True)


def class_rows(class_list: list[SchemaClass]) -> list[dict[str, str]]:
    """The classes as a table for people (CURIEs, counts, who defines them)."""
    return [{"Class": curie(c.iri), "Label": c.label, "Subclass of": ", ".join(curie(s) for s in c.superclasses),
             "Nodes": f"{c.members:,}", "Defined": "by its members' facts (OWL)" if c.is_defined_class else "",
             "From": "esrkg" if c.ours else curie(c.defined_by), "Definition": c.definition} for c in class_list]


def property_rows(property_list: list[SchemaProperty]) -> list[dict[str, str]]:
    """The properties as a table for people: kind, domain, range, superproperty, inverse, uses."""
    def name(iri: str) -> str:
        return curie(iri) if iri else ""

    return [{"Property": curie(p.iri), "Label": p.label, "Kind": p.kind, "Domain": name(p.domain),
             "Range": name(p.range), "Sub-property of": name(p.superproperty), "Inverse": name(p.inverse),
             "Functional": "yes" if p.functional else "", "Uses": f"{p.uses:,}", "Definition": p.definition}
            for p in property_list]


def shape_rows(shape_list: list[ShapeConstraint]) -> list[dict[str, str]]:
    """The SHACL constraints as a table for people."""
    return [{"Shape": s.shape, "Label": s.label, "Target": s.target, "Path": s.path, "Count": s.cardinality,
             "Value": s.value, "Message": s.message} for s in shape_list]
