"""Ask: a question in plain words, answered from the graph, with the SPARQL that produced it."""

import streamlit as st

from esrkg.templates import TEMPLATES
from state import answerer, table

EXAMPLES = [template.examples[0] for template in TEMPLATES.values()]


def use_example(question: str) -> None:
    st.session_state.question = question


st.title("Ask the graph")
st.text_input("Your question", key="question", placeholder="e.g. How effective is empathy?")
with st.expander("Example questions", expanded=not st.session_state.get("question")):
    columns = st.columns(2)
    for index, example in enumerate(EXAMPLES):
        columns[index % 2].button(example, key=f"example-{index}", on_click=use_example, args=(example,))

question = st.session_state.get("question", "")
if question.strip():
    result = answerer().ask(question)
    if result.answers:
        st.success(result.text)
        rows = [dict(answer) for answer in result.answers]
        keys = list(dict.fromkeys(key for row in rows for key in row))
        st.dataframe(table(rows, {key: key for key in keys}), hide_index=True, width="stretch",
                     column_config={"url": st.column_config.LinkColumn(), "iri": st.column_config.LinkColumn()})
    else:
        st.warning(result.text)
    if result.suggestions:
        st.markdown("**You could ask:**")
        for index, suggestion in enumerate(result.suggestions):
            st.button(suggestion, key=f"suggestion-{index}", on_click=use_example, args=(suggestion,))
    if result.sparql:
        st.markdown(f"**The SPARQL that answered it** (template `{result.template}`)")
        st.code(result.sparql, language="sparql")
        if st.button("Open in the SPARQL page"):
            st.session_state.sparql_text = result.sparql
            st.switch_page("views/sparql.py")
