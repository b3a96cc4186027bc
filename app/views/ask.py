"""Ask: a question in plain words, answered from the graph, with how it was read and the SPARQL behind it.

A partial reading is shown as a warning, never as a success; everything the answer says is shown
as plain text (it can quote what the visitor typed).
"""

import streamlit as st

from esrkg.ask.types import QUESTION_TYPES
from notices import show_problem
from state import answerer, table

EXAMPLES = [kind.examples[0] for kind in QUESTION_TYPES]
MATCH_BOX = {"exact": "success", "partial": "warning", "not understood": "warning"}
MATCH_WORDS = {"exact": "Understood", "partial": "Partly understood: check the reading",
               "not understood": "Not understood"}


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
    st.text(f"{MATCH_WORDS[result.match]}. {result.reading}")
    show_problem(result.text, MATCH_BOX[result.match] if result.answers else "warning")  # type: ignore[arg-type]
    if result.answers:
        rows = [dict(answer) for answer in result.answers]
        keys = list(dict.fromkeys(key for row in rows for key in row))
        st.dataframe(table(rows, {key: key for key in keys}), hide_index=True, width="stretch",
                     column_config={"iri": st.column_config.LinkColumn()})
    elif result.closest:
        st.caption("The closest facts the graph holds:")
        closest = [dict(row) for row in result.closest]
        st.dataframe(table(closest, {key: key for key in dict.fromkeys(k for row in closest for k in row)}),
                     hide_index=True, width="stretch")
    if result.suggestions:
        st.caption("You could ask:")
        for index, suggestion in enumerate(result.suggestions):
            st.button(suggestion, key=f"suggestion-{index}", on_click=use_example, args=(suggestion,))
    if result.sparql:
        st.caption(f"The SPARQL that answered it (question type: {result.template})")
        st.code(result.sparql, language="sparql")
        if st.button("Open in the SPARQL page"):
            st.session_state.sparql_text = result.sparql
            st.switch_page("views/sparql.py")
