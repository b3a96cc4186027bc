"""The interactive graph view: filter and focus the graph, then draw it with pyvis.

``ViewModel.from_graph`` reads the drawable nodes and links once (two SPARQL queries); each view
is then computed in plain Python, so changing a filter is cheap. Every label and tooltip is
escaped, the HTML is self-contained (no CDN), and a cap on the nodes keeps the browser responsive.
"""

import html
import re
from collections import deque
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from esrkg import queries
from esrkg.namespaces import ESR, ITEM_KINDS, bind_prefixes

DEFAULT_MAX_NODES = 250
EVIDENCE_KINDS = ("Verdict", "EffectSizeEstimate", "EditionTotal")

# Colour and shape per kind (local name of its class); anything else is grey.
STYLE: dict[str, tuple[str, str]] = {
    "RelationshipElement": ("#1f77b4", "dot"),
    "Adaptation": ("#2ca02c", "diamond"),
    "ClientCharacteristic": ("#ff7f0e", "triangle"),
    "EvidenceLevel": ("#d62728", "star"),
    "Edition": ("#9467bd", "square"),
    "Verdict": ("#8c564b", "dot"),
    "EffectSizeEstimate": ("#e377c2", "dot"),
    "EditionTotal": ("#c5b0d5", "dot"),
    "Source": ("#7f7f7f", "box"),
    "TaskForce": ("#17becf", "square"),
    "StageOfChange": ("#bcbd22", "ellipse"),
    "AssimilationStage": ("#dbdb8d", "ellipse"),
    "AllianceComponent": ("#aec7e8", "ellipse"),
    "ObservationalPerspective": ("#98df8a", "ellipse"),
    "TherapyFormat": ("#ffbb78", "ellipse"),
    "Recommendation": ("#c49c94", "box"),
    "Audience": ("#f7b6d2", "square"),
    "GuidingQuestion": ("#9edae5", "box"),
}
DEFAULT_KINDS = ("RelationshipElement", "Adaptation", "ClientCharacteristic", "EvidenceLevel", "Edition", "Verdict")
_CDN_TAG = re.compile(r"<(link|script)\b[^>]*\b(href|src)=\"https?://[^\"]*\"[^>]*>(\s*</script>)?", re.S)


@dataclass(frozen=True)
class Node:
    """A drawable node."""

    iri: str
    kind: str
    kind_label: str
    label: str
    definition: str = ""


@dataclass(frozen=True)
class Edge:
    """A drawable link."""

    source: str
    target: str
    label: str
    property: str


@dataclass(frozen=True)
class ViewOptions:
    """What to show: kinds, evidence levels and editions to keep, a node to focus, how deep."""

    kinds: tuple[str, ...] = DEFAULT_KINDS
    levels: tuple[str, ...] = ()
    editions: tuple[str, ...] = ()
    focus: str = ""
    depth: int = 1
    physics: bool = True
    max_nodes: int = DEFAULT_MAX_NODES


@dataclass(frozen=True)
class View:
    """The nodes and edges to draw, and whether the cap cut the view."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    truncated: bool
    total: int


@dataclass(frozen=True)
class ViewModel:
    """Every drawable node and edge of a graph, with the facts the filters need."""

    nodes: dict[str, Node]
    edges: tuple[Edge, ...]
    evidence_level: dict[str, str] = field(default_factory=dict)    # verdict -> level
    evidence_edition: dict[str, str] = field(default_factory=dict)  # evidence or total -> edition
    evidence_about: dict[str, str] = field(default_factory=dict)    # evidence -> item

    @classmethod
    def from_graph(cls, graph: Graph) -> "ViewModel":
        """Read the drawable nodes and edges from the graph (two queries)."""
        kinds_by_node: dict[str, list[dict[str, str]]] = {}
        for row in queries.rows(graph, "view_nodes"):
            kinds_by_node.setdefault(str(row["node"]), []).append(row)
        nodes = {}
        for iri, rows in kinds_by_node.items():
            # An item that is also a glossary term, etc.: prefer the kinds we style, items first.
            row = min(rows, key=lambda r: _kind_rank(_local(r["kind"])))
            nodes[iri] = Node(iri, _local(row["kind"]), str(row["kindLabel"]), str(row["label"]),
                              str(row.get("definition", "")))
        edges, level, edition, about = [], {}, {}, {}
        for row in queries.rows(graph, "view_edges"):
            source, target, prop = str(row["source"]), str(row["target"]), str(row["property"])
            if source not in nodes or target not in nodes:
                continue
            edges.append(Edge(source, target, str(row["propertyLabel"]), prop))
            if prop == str(ESR.level):
                level[source] = target
            elif prop == str(ESR.edition):
                edition[source] = target
            elif prop == str(ESR.about):
                about[source] = target
        return cls(nodes, tuple(edges), level, edition, about)

    def kinds(self) -> list[tuple[str, str]]:
        """(kind, label) of every kind present, items first."""
        present = {node.kind: node.kind_label for node in self.nodes.values()}
        return sorted(present.items(), key=lambda kv: (_kind_rank(kv[0]), kv[1]))

    def nodes_of(self, kind: str) -> list[Node]:
        """Nodes of one kind, by label."""
        return sorted((n for n in self.nodes.values() if n.kind == kind), key=lambda n: n.label)

    def search(self, text: str) -> list[Node]:
        """Nodes whose label contains the text (any case), items first."""
        needle = text.strip().lower()
        found = [n for n in self.nodes.values() if needle and needle in n.label.lower()]
        return sorted(found, key=lambda n: (_kind_rank(n.kind), len(n.label), n.label))

    def neighbours(self, iri: str) -> list[tuple[Edge, Node]]:
        """Edges touching a node, with the node at the other end."""
        out = []
        for edge in self.edges:
            if edge.source == iri:
                out.append((edge, self.nodes[edge.target]))
            elif edge.target == iri:
                out.append((edge, self.nodes[edge.source]))
        return out

    def select(self, options: ViewOptions) -> View:
        """Apply the filters, the focus and the cap."""
        keep = {iri for iri, node in self.nodes.items() if self._passes(node, options)}
        if options.focus and options.focus in self.nodes:
            keep = self._around(options.focus, keep | {options.focus}, max(0, options.depth))
        ordered = sorted(keep, key=lambda iri: (iri != options.focus, _kind_rank(self.nodes[iri].kind),
                                                self.nodes[iri].label))
        shown = set(ordered[: options.max_nodes])
        edges = tuple(e for e in self.edges if e.source in shown and e.target in shown)
        return View(tuple(self.nodes[i] for i in ordered if i in shown), edges, len(keep) > len(shown), len(keep))

    def _passes(self, node: Node, options: ViewOptions) -> bool:
        if node.kind not in options.kinds:
            return False
        levels, editions = set(options.levels), set(options.editions)
        if node.kind == "EvidenceLevel" and levels:
            return node.iri in levels
        if node.kind == "Edition" and editions:
            return node.iri in editions
        if node.kind in EVIDENCE_KINDS:
            if editions and self.evidence_edition.get(node.iri) not in editions:
                return False
            return not (levels and node.kind == "Verdict" and self.evidence_level.get(node.iri) not in levels)
        if node.kind in ITEM_KINDS and (levels or editions):
            # Keep an item when some evidence about it matches the selected levels and editions.
            for evidence, item in self.evidence_about.items():
                if item != node.iri:
                    continue
                if levels and self.evidence_level.get(evidence) not in levels:
                    continue
                if editions and self.evidence_edition.get(evidence) not in editions:
                    continue
                return True
            return False
        return True

    def _around(self, focus: str, allowed: set[str], depth: int) -> set[str]:
        adjacency: dict[str, set[str]] = {}
        for edge in self.edges:
            if edge.source in allowed and edge.target in allowed:
                adjacency.setdefault(edge.source, set()).add(edge.target)
                adjacency.setdefault(edge.target, set()).add(edge.source)
        seen, frontier = {focus}, deque([(focus, 0)])
        while frontier:
            current, distance = frontier.popleft()
            if distance == depth:
                continue
            for neighbour in adjacency.get(current, ()):
                if neighbour not in seen:
                    seen.add(neighbour)
                    frontier.append((neighbour, distance + 1))
        return seen


def _local(iri: object) -> str:
    return str(iri).rsplit("/", 1)[-1]


def _kind_rank(kind: str) -> int:
    order = list(STYLE)
    return order.index(kind) if kind in order else len(order)


def render_html(view: View, options: ViewOptions, height: str = "620px") -> str:
    """Self-contained pyvis HTML for a view: escaped labels and tooltips, no CDN resources."""
    from pyvis.network import Network  # imported here: only drawing needs it

    network = Network(height=height, width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    for node in view.nodes:
        colour, shape = STYLE.get(node.kind, ("#cccccc", "dot"))
        tooltip = f"{node.label}\n({node.kind_label})" + (f"\n\n{node.definition}" if node.definition else "")
        size = 28 if node.iri == options.focus else 14 if node.kind in ITEM_KINDS else 9
        network.add_node(node.iri, label=_short(node.label), title=html.escape(tooltip), color=colour,
                         shape=shape, size=size, borderWidth=4 if node.iri == options.focus else 1)
    for edge in view.edges:
        network.add_edge(edge.source, edge.target, label=html.escape(edge.label), title=html.escape(edge.label),
                         arrows="to", color="#b0b0b0", font={"size": 9, "color": "#666666"})
    network.toggle_physics(options.physics)
    # pyvis links Bootstrap from a CDN even "in_line"; the network draws without it.
    return _CDN_TAG.sub("", network.generate_html())


def _short(label: str, width: int = 38) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def legend(view: View) -> list[tuple[str, str, str]]:
    """(kind label, colour, shape) for the kinds in a view."""
    seen: dict[str, tuple[str, str, str]] = {}
    for node in view.nodes:
        colour, shape = STYLE.get(node.kind, ("#cccccc", "dot"))
        seen.setdefault(node.kind, (node.kind_label, colour, shape))
    return [seen[kind] for kind in sorted(seen, key=_kind_rank)]


def view_rdf(graph: Graph, view: View) -> Graph:
    """The RDF of exactly what a view shows: each node's type, labels and literals, and the drawn edges."""
    shown = bind_prefixes(Graph())
    for node in view.nodes:
        subject = URIRef(node.iri)
        shown.add((subject, RDF.type, ESR[node.kind]))
        for predicate, obj in graph.predicate_objects(subject):
            if isinstance(obj, Literal):
                shown.add((subject, predicate, obj))
        if not any(True for _ in shown.objects(subject, RDFS.label)):
            shown.add((subject, RDFS.label, Literal(node.label)))
    for edge in view.edges:
        shown.add((URIRef(edge.source), URIRef(edge.property), URIRef(edge.target)))
    return shown
