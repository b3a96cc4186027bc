"""Schema: the ontology's classes, properties, SKOS schemes and SHACL shapes, as a diagram and tables."""

import streamlit as st

from esrkg.schema_view import curie
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

classes, properties, schemes, shapes = st.tabs(
    [f"Classes ({len(schema.classes)})", f"Properties ({len(schema.properties)})",
     f"SKOS schemes ({len(schema.schemes)})", f"SHACL shapes ({len(schema.shapes)})"])
with classes:
    show([{"Class": curie(c.iri), "Label": c.label, "Subclass of": ", ".join(curie(s) for s in c.superclasses),
           "Definition": c.definition, "Nodes": c.members, "Defined": "by its members' facts (OWL)"
           if c.is_defined_class else "", "From": "esrkg" if c.ours else curie(c.defined_by)}
          for c in schema.classes], height=520)
with properties:
    show([{"Property": curie(p.iri), "Label": p.label, "Kind": p.kind, "Domain": curie(p.domain) if p.domain else "",
           "Range": curie(p.range) if p.range else "", "Sub-property of": curie(p.superproperty) if p.superproperty
           else "", "Inverse": curie(p.inverse) if p.inverse else "", "Functional": "yes" if p.functional else "",
           "Uses": p.uses, "Definition": p.definition} for p in schema.properties], height=520)
with schemes:
    for scheme in schema.schemes:
        st.markdown(f"**{scheme.label}** ({len(scheme.concepts)} concepts) · `{curie(scheme.iri)}`")
        if scheme.definition:
            st.caption(scheme.definition)
        st.write(", ".join(scheme.concepts))
with shapes:
    show([{"Shape": s.shape, "Label": s.label, "Target": s.target, "Path": s.path, "Count": s.cardinality,
           "Value": s.value, "Message": s.message} for s in schema.shapes], height=520)
