"""Schema: the ontology's classes, properties, SKOS schemes and SHACL shapes, as a diagram and tables."""

import streamlit as st

from esrkg.schema_view import class_rows, curie, property_rows, shape_rows
from state import browse_data
from tables import show

schema = browse_data("schema")
st.title("Schema")
st.caption("The ontology behind the graph (its TBox), the way WebVOWL and Protégé show one: esrkg's classes with "
           "their subclass links (dashed, hollow arrow) and properties from domain to range (green; from the "
           "ontology's domains and ranges and from the classes the SHACL shapes require).")
st.graphviz_chart(schema.diagram, width="stretch")
if schema.unlinked:
    st.caption("Classes without a link to another esrkg class (see the table): " + ", ".join(schema.unlinked) + ".")

# Lazy tabs: only the open one is drawn, so a visit does not build four long tables.
classes, properties, schemes, shapes = st.tabs(
    [f"Classes ({len(schema.classes)})", f"Properties ({len(schema.properties)})",
     f"SKOS schemes ({len(schema.schemes)})", f"SHACL shapes ({len(schema.shapes)})"], key="schema_tab",
    on_change="rerun")
with classes:
    if classes.open:
        show(class_rows(list(schema.classes)))
with properties:
    if properties.open:
        show(property_rows(list(schema.properties)))
with schemes:
    if schemes.open:
        for scheme in schema.schemes:
            st.markdown(f"**{scheme.label}** ({len(scheme.concepts)} concepts) · `{curie(scheme.iri)}`")
            if scheme.definition:
                st.caption(scheme.definition)
            st.write(", ".join(scheme.concepts))
with shapes:
    if shapes.open:
        show(shape_rows(list(schema.shapes)))
