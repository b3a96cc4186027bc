"""Export: the whole graph in the standard RDF formats, the SHACL shapes, and the regenerated info sheet."""

import streamlit as st

from caches import exported
from esrkg import paths
from esrkg.export import EXPORT_FORMATS, FILE_EXTENSIONS, MEDIA_TYPES
from state import browse_data

st.title("Export")
st.subheader("The knowledge graph")
names = {"turtle": "Turtle", "xml": "RDF/XML", "json-ld": "JSON-LD", "nt": "N-Triples"}
export_format = st.radio("Format", EXPORT_FORMATS, format_func=names.get, horizontal=True)
inferred = st.toggle("Include inferred facts", help="Add the classifications the reasoner entails.")
text = exported(export_format, inferred)
st.download_button(f"Download {names[export_format]}", text,
                   f"esrkg{'-inferred' if inferred else ''}.{FILE_EXTENSIONS[export_format]}",
                   MEDIA_TYPES[export_format], type="primary")
st.caption(f"{len(text):,} characters")

st.subheader("SHACL shapes")
st.download_button("Download shapes.ttl", paths.shapes_file().read_text(encoding="utf-8"), "shapes.ttl",
                   "text/turtle")

st.subheader("The info sheet, regenerated from the graph")
sheet = browse_data("sheet_markdown")
st.download_button("Download the info sheet (Markdown)", sheet, "esr-info-sheet.md", "text/markdown")
with st.expander("Preview"):
    st.markdown(sheet)
