"""Explore: the graph, laid out before it is drawn, filtered and focused; the view lives in the URL."""

from html import escape

import streamlit as st

from caches import drawing
from cards import show_card
from components import graph_canvas
from esrkg.evidence_map import LEVEL_COLOURS
from esrkg.export import serialize
from esrkg.namespaces import ITEM_KINDS
from esrkg.page_params import explore_params, read_params
from esrkg.viz import DEFAULT_MAX_NODES, ViewOptions, legend, render_html, view_rdf
from notices import show_problem
from state import browse_data, graph, short, view_model

model = view_model()
kind_labels = dict(model.kinds())
level_nodes = {n.iri: n.label for n in model.nodes_of("EvidenceLevel")}
edition_nodes = {n.iri: n.label for n in model.nodes_of("Edition")}


# The URL is the source of truth when a session starts, so that a shared link restores the view.
# Every value is checked in the library: a bad one gets one sentence and the default, never a traceback.
link_problem = ""
if "explore_ready" not in st.session_state:
    link = read_params(explore_params(model), {name: st.query_params.get_all(name) for name in st.query_params})
    for name in ("kinds", "levels", "editions"):
        st.session_state[name] = list(link[name])
    for name in ("focus", "depth", "physics"):
        st.session_state[name] = link[name]
    st.session_state.max_nodes = DEFAULT_MAX_NODES
    link_problem = link.message
    st.session_state.explore_ready = True


def focus_on(iri: str) -> None:
    st.session_state.focus = iri
    if model.nodes[iri].kind not in st.session_state.kinds:
        st.session_state.kinds = [*st.session_state.kinds, model.nodes[iri].kind]


def clicked() -> None:
    iri = (st.session_state.get("graph_canvas") or {}).get("clicked")
    if iri in model.nodes:
        focus_on(iri)


st.title("Explore the graph")
if link_problem:
    show_problem(link_problem, "warning")
view_options = ViewOptions(tuple(st.session_state.kinds), tuple(st.session_state.levels),
                           tuple(st.session_state.editions), st.session_state.focus, st.session_state.depth,
                           st.session_state.physics, int(st.session_state.max_nodes))
st.query_params.from_dict({
    "kinds": ",".join(view_options.kinds),
    "levels": ",".join(short(v).removeprefix("esr:") for v in view_options.levels),
    "editions": ",".join(short(v).removeprefix("esr:") for v in view_options.editions),
    "focus": short(view_options.focus).removeprefix("esr:"),
    "depth": str(view_options.depth),
    "physics": "1" if view_options.physics else "0",
})
view = model.select(view_options)

with st.container():
    if view.truncated:
        show_problem(f"The view has {view.total} nodes; drawing {len(view.nodes)}. Not drawn: "
                     f"{view.hidden_text()}. Filter the kinds, focus on a term or raise the limit to see more.",
                     "warning")
    st.caption(f"{len(view.nodes)} nodes, {len(view.edges)} links. Click a node to focus on it; hover for its "
               "definition and verdicts; drag to move the view; scroll to zoom.")
    graph_canvas(drawing(view_options), key="graph_canvas", on_click=clicked)
    shown = legend(view)
    st.html("<div style='display:flex;flex-wrap:wrap;gap:14px;font-size:0.85rem'>" + "".join(
        f"<span><span style='display:inline-block;width:12px;height:12px;border-radius:3px;background:{colour};"
        f"margin-right:4px'></span>{escape(label)}</span>" for label, colour, _ in shown)
        + (("<span>Badges on the items: each edition's verdict — " + "".join(
            f"<span style='background:{fill};color:{ink};padding:0 6px;border-radius:4px;margin:0 3px'>"
            f"{escape(level_nodes.get('https://w3id.org/esrkg/' + name, name))}</span>"
            for name, (fill, ink) in LEVEL_COLOURS.items()) + " (see Evidence map for what they mean)</span>")
           if any(node.kind in ITEM_KINDS for node in view.nodes) else "") + "</div>")
    left, right = st.columns(2)
    left.download_button("Download this view (HTML)", lambda: render_html(view, view_options, model=model),
                         "esrkg-view.html", "text/html", on_click="ignore")
    right.download_button("Download this view (Turtle)", lambda: serialize(view_rdf(graph(), view), "turtle"),
                          "esrkg-view.ttl", "text/turtle", on_click="ignore")

def draw_controls() -> None:
    """The filters, in the sidebar. Drawn after the canvas (their values are already in the session), so that
    the browser asks for the drawing's code before the widgets' code."""
    with st.sidebar:
        st.markdown("**What to draw**")
        st.multiselect("Kinds of node", list(kind_labels), format_func=kind_labels.get, key="kinds")
        st.multiselect("Evidence levels", list(level_nodes), format_func=level_nodes.get, key="levels")
        st.multiselect("Editions", list(edition_nodes), format_func=edition_nodes.get, key="editions")
        search = st.text_input("Search a term", placeholder="e.g. empathy")
        matches = model.search(search) if search else sorted(model.nodes.values(), key=lambda n: n.label)
        options = ["", *[n.iri for n in matches]]
        if st.session_state.focus and st.session_state.focus not in options:
            options.append(st.session_state.focus)
        st.selectbox("Focus on", options, key="focus",
                     format_func=lambda iri: "(no focus)" if not iri else
                     f"{model.nodes[iri].label} ({model.nodes[iri].kind_label})")
        st.slider("Neighbourhood depth", 1, 4, key="depth")
        st.toggle("Physics (let the nodes move)", key="physics")
        st.number_input("Most nodes to draw", 10, 1000, step=10, key="max_nodes")


draw_controls()
focus = st.session_state.focus
if focus:
    node = model.nodes[focus]
    relations = model.drawn_relations(view, focus)
    if node.kind in ITEM_KINDS:
        show_card(browse_data("card", focus), key="explore-card")
    else:
        st.subheader(node.label, anchor=False)
        st.caption(f"{node.kind_label} · {short(node.iri)}")
        definition = browse_data("definition_of", focus)
        if definition.get("definition"):
            st.markdown(f"> {escape(definition['definition'])}")
            st.caption(f"Source: {definition.get('sourceLabel', '')}")
        elif definition.get("note"):
            st.markdown(escape(definition["note"]))
    if relations:
        st.markdown("**Relations in the drawing** (click to focus)")
        columns = st.columns(3)
        for index, (edge, other) in enumerate(relations[:60]):
            arrow = f"{edge.label} →" if edge.source == focus else f"← {edge.label}"
            columns[index % 3].button(f"{arrow} {other.label}", key=f"nb-{index}", on_click=focus_on,
                                      args=(other.iri,))
    hidden = len(model.neighbours(focus)) - len(relations)
    if hidden > 0:
        st.caption(f"{hidden} more relation(s) link {node.label} to kinds of node not drawn; add them under "
                   "“Kinds of node” to see them.")
