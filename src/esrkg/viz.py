"""The interactive graph view: filter and focus the graph, lay it out, then draw it.

``ViewModel.from_graph`` reads the drawable nodes and links once (two SPARQL queries); each view
is then computed in plain Python, so changing a filter is cheap. By default the view draws the
items and their relations, with each edition's verdict as a coloured badge on the item rather
than a node of its own. The layout is computed here (``layout``: a seeded spring layout that keeps
each kind together, then overlaps pushed apart), so the browser draws at once without a physics
simulation. A cap on the nodes keeps the browser responsive and ``View.hidden`` says what it left
out. Tooltips are plain text; the downloadable pyvis HTML escapes every literal and needs no CDN.
"""

import html
import re
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from esrkg import queries
from esrkg.evidence_map import LEVEL_COLOURS
from esrkg.namespaces import ESR, ITEM_KINDS, bind_prefixes
from esrkg.queries import Source

DEFAULT_MAX_NODES = 250
MIN_LEGIBLE_SCALE = 0.75  # vis-network's zoom below which 14 px labels are too small to read
ASPECT = 1.7  # width / height of the Explore canvas
LABELLED_EDGES = 80
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
DEFAULT_KINDS = ITEM_KINDS  # items and their relations first; verdicts are badges on the items
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
    physics: bool = False  # the layout is computed here; physics only when asked for
    max_nodes: int = DEFAULT_MAX_NODES


@dataclass(frozen=True)
class View:
    """The nodes and edges to draw, whether the cap cut the view, and how many of each kind it hid."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    truncated: bool
    total: int
    hidden: tuple[tuple[str, int], ...] = ()

    def hidden_text(self) -> str:
        """'120 quotations, 3 verdicts' (kind labels and counts of the nodes the cap left out)."""
        return ", ".join(f"{count} × {label}" for label, count in self.hidden)


@dataclass(frozen=True)
class Badge:
    """One edition's verdict on an item, drawn on the item: '2011' in the level's colour."""

    edition: str
    level: str
    fill: str
    ink: str


@dataclass(frozen=True)
class ViewModel:
    """Every drawable node and edge of a graph, with the facts the filters need."""

    nodes: dict[str, Node]
    edges: tuple[Edge, ...]
    evidence_level: dict[str, str] = field(default_factory=dict)    # verdict -> level
    evidence_edition: dict[str, str] = field(default_factory=dict)  # evidence or total -> edition
    evidence_about: dict[str, str] = field(default_factory=dict)    # evidence -> item

    @classmethod
    def from_graph(cls, graph: Source) -> "ViewModel":
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
            # esr:within is the precomputed scope of queries (every item is within itself), not a relation.
            if source not in nodes or target not in nodes or prop == str(ESR.within) or source == target:
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
        hidden = Counter(self.nodes[i].kind_label for i in ordered[options.max_nodes:])
        return View(tuple(self.nodes[i] for i in ordered if i in shown), edges, len(keep) > len(shown), len(keep),
                    tuple(hidden.most_common()))

    def badges(self, iri: str) -> list[Badge]:
        """The verdicts on an item as badges, by edition."""
        found = []
        for verdict, item in self.evidence_about.items():
            if item != iri or verdict not in self.evidence_level:
                continue
            level = self.evidence_level[verdict]
            edition = self.nodes[self.evidence_edition[verdict]].label if verdict in self.evidence_edition else ""
            fill, ink = LEVEL_COLOURS.get(level.rsplit("/", 1)[-1], ("#eeeeee", "#222222"))
            found.append(Badge(edition, self.nodes[level].label if level in self.nodes else "", fill, ink))
        return sorted(found, key=lambda b: b.edition)

    def drawn_relations(self, view: View, iri: str) -> list[tuple[Edge, Node]]:
        """The edges of the view touching a node, with the node at the other end: what the drawing shows."""
        return [(edge, self.nodes[edge.target if edge.source == iri else edge.source])
                for edge in view.edges if iri in (edge.source, edge.target)]

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


def _box(node: Node) -> tuple[float, float]:
    """Roughly the drawn size of a node (px), as the browser component draws it: item boxes wrap at
    150 px of 14 px text (about 7.3 px a character) and carry a row of badges."""
    text = len(node.label) * 7.3
    if node.kind in ITEM_KINDS:
        lines = max(1, -(-int(text) // 150))
        return min(170.0, max(110.0, text + 20)), 17.0 * lines + 36.0
    return 30.0 + min(text, 280.0), 40.0


RADIAL_MAX_NODES = 40  # a focused view this small is drawn in rings around the focus


def layout(view: View, focus: str = "") -> dict[str, tuple[float, float]]:
    """Positions (px) for every node: rings around the focus for a small focused view; otherwise a seeded
    spring layout (each kind pulled together) snapped to a grid, so that no two boxes overlap."""
    import networkx as nx  # imported here: only drawing needs it
    import numpy as np

    if not view.nodes:
        return {}
    if focus and len(view.nodes) <= RADIAL_MAX_NODES and any(node.iri == focus for node in view.nodes):
        return _rings(view, focus)
    graph = nx.Graph()
    graph.add_nodes_from(node.iri for node in view.nodes)
    graph.add_edges_from((edge.source, edge.target) for edge in view.edges if edge.source != edge.target)
    # An anchor per kind, pinned on a circle, with weak springs to its nodes: kinds stay together and
    # nodes without relations sit by their kind instead of drifting to the edge.
    kinds = sorted({node.kind for node in view.nodes}, key=_kind_rank)
    anchors = {kind: f"anchor:{kind}" for kind in kinds}
    pinned = {anchor: (np.cos(2 * np.pi * i / len(kinds)), np.sin(2 * np.pi * i / len(kinds))) if len(kinds) > 1
              else (0.0, 0.0) for i, anchor in enumerate(anchors.values())}
    for node in view.nodes:
        graph.add_edge(node.iri, anchors[node.kind], weight=0.15)
    positions = nx.spring_layout(graph, pos=pinned, fixed=list(pinned), seed=7, iterations=60,
                                 k=1.6 / max(1.0, len(view.nodes) ** 0.5))
    return _on_grid(view, {node.iri: (float(positions[node.iri][0]), float(positions[node.iri][1]))
                           for node in view.nodes})


def _rings(view: View, focus: str) -> dict[str, tuple[float, float]]:
    """The focus in the middle, the nodes one link away on a ring around it, two links away on the next."""
    import math

    adjacency: dict[str, set[str]] = {}
    for edge in view.edges:
        adjacency.setdefault(edge.source, set()).add(edge.target)
        adjacency.setdefault(edge.target, set()).add(edge.source)
    distance, frontier = {focus: 0}, deque([focus])
    while frontier:
        current = frontier.popleft()
        for other in sorted(adjacency.get(current, ())):
            if other not in distance:
                distance[other] = distance[current] + 1
                frontier.append(other)
    labels = {node.iri: node.label for node in view.nodes}
    far = max(distance.values()) + 1
    rings: dict[int, list[str]] = {}
    for node in view.nodes:
        rings.setdefault(distance.get(node.iri, far), []).append(node.iri)
    width = max(_box(node)[0] for node in view.nodes) + 30
    placed = {focus: (0.0, 0.0)}
    radius = 0.0
    for ring in sorted(r for r in rings if r):
        members = sorted(rings[ring], key=lambda iri: labels[iri].lower())
        # Far enough out for the ring's boxes to sit side by side, and clear of the ring inside it.
        radius = max(radius + 210.0, len(members) * width / (2 * math.pi))
        for index, iri in enumerate(members):
            angle = 2 * math.pi * index / len(members) - math.pi / 2 + 0.3 * ring
            placed[iri] = (round(radius * math.cos(angle) * 1.25, 1), round(radius * math.sin(angle) * 0.8, 1))
    return placed


def _on_grid(view: View, spring: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """The spring layout snapped to a grid of the canvas's shape: neighbours stay near, boxes never overlap.

    Nodes are cut into rows by their spring height, and each row is ordered by spring width; odd rows
    are shifted by a quarter cell so that links between rows do not run along a line of boxes.
    """
    width = max(_box(node)[0] for node in view.nodes) + 14
    height = max(_box(node)[1] for node in view.nodes) + 16
    count = len(view.nodes)
    columns = max(1, min(count, round((count * ASPECT * height / width) ** 0.5)))
    by_height = sorted(spring, key=lambda iri: (spring[iri][1], spring[iri][0]))
    rows = [by_height[i:i + columns] for i in range(0, count, columns)]
    placed: dict[str, tuple[float, float]] = {}
    for r, row in enumerate(rows):
        offset = (columns - len(row)) * width / 2 + (width / 4 if r % 2 else 0.0) - columns * width / 2
        for c, iri in enumerate(sorted(row, key=lambda i: spring[i][0])):
            placed[iri] = (round(offset + c * width, 1), round((r - len(rows) / 2) * height, 1))
    return placed


def tooltip(node: Node, badges: list[Badge]) -> str:
    """The plain-text tooltip of a node: name, kind, definition, verdicts (drawn as text, never as HTML)."""
    text = f"{node.label}\n({node.kind_label})"
    if node.definition:
        text += f"\n\n{node.definition}"
    if badges:
        text += "\n\n" + "\n".join(f"{badge.edition}: {badge.level}" for badge in badges)
    return text


def drawing_data(model: ViewModel, view: View, options: ViewOptions, height: int = 660) -> dict[str, Any]:
    """What the browser component draws: nodes with positions, colours, badges and tooltips, and the edges."""
    positions = layout(view, options.focus)
    nodes = []
    for node in view.nodes:
        colour, shape = STYLE.get(node.kind, ("#cccccc", "dot"))
        badges = model.badges(node.iri) if node.kind in ITEM_KINDS else []
        x, y = positions[node.iri]
        text = node.label if node.kind in ITEM_KINDS else _short(node.label, 30)  # the tooltip has it whole
        nodes.append({"id": node.iri, "text": text, "x": x, "y": y, "item": node.kind in ITEM_KINDS,
                      "fill": _tint(colour) if node.kind in ITEM_KINDS else colour, "border": colour, "shape": shape,
                      "focus": node.iri == options.focus, "tooltip": tooltip(node, badges),
                      "badges": [{"text": b.edition.rsplit("-", 1)[-1], "fill": b.fill, "ink": b.ink}
                                 for b in badges]})
    # Past a few dozen links their labels only hide each other: then they show on hover only.
    labelled = len(view.edges) <= LABELLED_EDGES
    edges = [{"from": e.source, "to": e.target, "label": e.label if labelled else "", "title": e.label}
             for e in view.edges]
    return {"nodes": nodes, "edges": edges, "height": height, "minScale": MIN_LEGIBLE_SCALE,
            "physics": options.physics}


def _tint(colour: str, amount: float = 0.82) -> str:
    """A pale version of a colour, for the fill of an item box (its border keeps the full colour)."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in (red, green, blue))


def render_html(view: View, options: ViewOptions, height: str = "620px", model: ViewModel | None = None) -> str:
    """Self-contained pyvis HTML of a view (the download): laid out, escaped labels and tooltips, no CDN."""
    from pyvis.network import Network  # imported here: only drawing needs it

    network = Network(height=height, width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    positions = layout(view, options.focus)
    for node in view.nodes:
        colour, shape = STYLE.get(node.kind, ("#cccccc", "dot"))
        badges = model.badges(node.iri) if model is not None and node.kind in ITEM_KINDS else []
        label = _short(node.label) + "".join(f"\n{b.edition}: {b.level}" for b in badges)
        size = 28 if node.iri == options.focus else 14 if node.kind in ITEM_KINDS else 9
        x, y = positions[node.iri]
        network.add_node(node.iri, label=label, title=html.escape(tooltip(node, badges)), color=colour,
                         shape="box" if node.kind in ITEM_KINDS else shape, size=size, x=x, y=y,
                         borderWidth=4 if node.iri == options.focus else 1)
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
