"""Evidence map: elements and ways of customizing therapy by edition, coloured by verdict; a cell opens the card."""

import streamlit as st

from cards import show_card
from components import map_grid
from esrkg.map_html import legend_html, legend_strip_html, table_html
from esrkg.page_params import evidence_map_params, read_params
from notices import show_problem
from state import browse_data

evidence = browse_data("evidence_map_of")
VIEWS = {"items": "By item", "for-whom": "For whom: client characteristic × adaptation"}

link_problem = ""
if "map_ready" not in st.session_state:
    link = read_params(evidence_map_params([row.item for row in evidence.rows]),
                       {name: st.query_params.get_all(name) for name in st.query_params})
    st.session_state.map_item, st.session_state.map_view = link["item"], link["view"]
    link_problem = link.message
    st.session_state.map_ready = True


def select_cell() -> None:
    chosen = st.session_state.map_grid.get("selected")
    if chosen:
        st.session_state.map_item = chosen
        st.session_state.map_open = chosen  # a click opens the card over the map, where the eye is


@st.dialog("Summary card", width="large")
def card_dialog(iri: str) -> None:
    show_card(browse_data("card", iri), key="map-dialog-card")


st.title("Evidence map")
st.caption("What each task force concluded about each element of the relationship and each way of customizing "
           "therapy, and the effect sizes behind it. Select a cell to open the item's card.")
if link_problem:
    show_problem(link_problem, "warning")
st.segmented_control("View", list(VIEWS), format_func=VIEWS.get, key="map_view", required=True)
st.query_params.from_dict({"view": st.session_state.map_view,
                           **({"item": st.session_state.map_item.rsplit("/", 1)[-1]} if st.session_state.map_item
                              else {})})

st.html(legend_strip_html(evidence))
with st.expander("What each level means, and where that comes from"):
    st.html(legend_html(evidence))
map_grid(table_html(evidence, st.session_state.map_view, st.session_state.map_item), key="map_grid",
         on_select=select_cell)

labels = {row.item: row.label + (f" ({row.characteristic_label})" if row.group == "adaptation" else "")
          + (" (client characteristic)" if row.group == "characteristic" else "") for row in evidence.rows}
st.selectbox("Or choose an item", ["", *labels], key="map_item",
             format_func=lambda iri: "(choose an item)" if not iri else labels[iri])
if st.session_state.get("map_open"):
    card_dialog(st.session_state.pop("map_open"))
if st.session_state.map_item:  # and below the map, where a link with ?item= opens it
    show_card(browse_data("card", st.session_state.map_item), key="map-card")
