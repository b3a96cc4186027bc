"""Explore: the interactive graph (pyvis), filtered and focused; the view lives in the URL."""

import html

import streamlit as st

from esrkg.export import serialize
from esrkg.page_params import explore_params, read_params
from esrkg.viz import DEFAULT_MAX_NODES, ViewOptions, legend, render_html, view_rdf
from notices import show_problem
from state import browse_data, graph, short, table, view_model

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
    link_problem = link.message
    st.session_state.explore_ready = True


def focus_on(iri: str) -> None:
    st.session_state.focus = iri
    if model.nodes[iri].kind not in st.session_state.kinds:
        st.session_state.kinds = [*st.session_state.kinds, model.nodes[iri].kind]


st.title("Explore the graph")
if link_problem:
    show_problem(link_problem, "warning")
controls, canvas = st.columns([1, 3])
with controls:
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
    st.toggle("Physics", key="physics")
    max_nodes = st.number_input("Most nodes to draw", 10, 1000, DEFAULT_MAX_NODES, step=10)

view_options = ViewOptions(tuple(st.session_state.kinds), tuple(st.session_state.levels),
                           tuple(st.session_state.editions), st.session_state.focus, st.session_state.depth,
                           st.session_state.physics, int(max_nodes))
st.query_params.from_dict({
    "kinds": ",".join(view_options.kinds),
    "levels": ",".join(short(v).removeprefix("esr:") for v in view_options.levels),
    "editions": ",".join(short(v).removeprefix("esr:") for v in view_options.editions),
    "focus": short(view_options.focus).removeprefix("esr:"),
    "depth": str(view_options.depth),
    "physics": "1" if view_options.physics else "0",
})
view = model.select(view_options)
page_html = render_html(view, view_options)

with canvas:
    if view.truncated:
        st.warning(f"The view has {view.total} nodes; drawing the first {len(view.nodes)}. "
                   "Filter, focus on a term or raise the limit to see more.")
    st.caption(f"{len(view.nodes)} nodes, {len(view.edges)} links. Hover a node for its definition; "
               "drag to rearrange; scroll to zoom.")
    st.iframe(page_html, height=640)
    st.markdown(" · ".join(f'<span style="color:{colour}">●</span> {html.escape(label)}'
                           for label, colour, _ in legend(view)), unsafe_allow_html=True)
    left, right = st.columns(2)
    left.download_button("Download this view (HTML)", page_html, "esrkg-view.html", "text/html")
    right.download_button("Download this view (Turtle)", serialize(view_rdf(graph(), view), "turtle"),
                          "esrkg-view.ttl", "text/turtle")

focus = st.session_state.focus
if focus:
    node = model.nodes[focus]
    st.subheader(f"{node.label}")
    st.caption(f"{node.kind_label} · {short(node.iri)}")
    definition = browse_data("definition_of", focus)
    if definition.get("definition"):
        st.markdown(f"> {definition['definition']}")
        st.caption(f"Source: {definition.get('sourceLabel', '')}")
    elif definition.get("note"):
        st.markdown(definition["note"])
    evidence = browse_data("evidence_on", focus)
    if evidence:
        st.markdown("**Evidence per edition**")
        st.dataframe(table(evidence, {"editionId": "Edition", "subjectLabel": "About", "levelLabel": "Verdict",
                                      "estimates": "Estimate", "metric": "Metric", "value": "Value", "k": "k",
                                      "n": "N", "sourceLabel": "Source", "url": "Link"}),
                     hide_index=True, width="stretch", column_config={"Link": st.column_config.LinkColumn()})
    neighbours = model.neighbours(focus)
    if neighbours:
        st.markdown("**Relations** (click to focus)")
        columns = st.columns(3)
        for index, (edge, other) in enumerate(neighbours[:60]):
            arrow = f"{edge.label} →" if edge.source == focus else f"← {edge.label}"
            columns[index % 3].button(f"{arrow} {other.label}", key=f"nb-{index}", on_click=focus_on,
                                      args=(other.iri,))
