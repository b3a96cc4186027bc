"""SPARQL: edit and run read-only queries safely (time and row limits), download the results."""

import streamlit as st

from esrkg import queries
from esrkg.query_runner import DEFAULT_LIMIT, DEFAULT_TIMEOUT, MAX_LIMIT, MAX_TIMEOUT, QueryError, run_query
from state import graph, table

EXAMPLES = {q.id: q for q in queries.catalogue().values() if not q.is_violation_check}


def load_example() -> None:
    chosen = st.session_state.example
    if chosen:
        st.session_state.sparql_text = EXAMPLES[chosen].text


st.title("SPARQL")
st.caption("Read-only: SELECT, ASK, CONSTRUCT and DESCRIBE. SERVICE, FROM and updates are refused; "
           "a query is stopped at the time limit.")
st.selectbox("Start from an example", ["", *EXAMPLES], key="example", on_change=load_example,
             format_func=lambda qid: "(choose a query)" if not qid else f"{qid}: {EXAMPLES[qid].question}")
if "sparql_text" not in st.session_state:
    st.session_state.sparql_text = EXAMPLES["items_at_level"].text
st.text_area("Query", key="sparql_text", height=320)
left, middle, right = st.columns([1, 1, 2])
timeout = left.number_input("Time limit (s)", 0.5, MAX_TIMEOUT, DEFAULT_TIMEOUT, step=0.5)
limit = middle.number_input("Row limit", 1, MAX_LIMIT, DEFAULT_LIMIT, step=100)
use_inferred = right.toggle("Include inferred facts", help="Query the graph with the reasoner's entailments added.")

if st.button("Run", type="primary") or st.session_state.get("ran_text") == st.session_state.sparql_text:
    st.session_state.ran_text = st.session_state.sparql_text
    target = graph()
    if use_inferred:
        from state import inferred_graph

        target = inferred_graph()
    try:
        outcome = run_query(target, st.session_state.sparql_text, timeout=float(timeout), limit=int(limit))
    except QueryError as error:
        st.error(str(error))
    else:
        st.caption(f"{outcome.query_type} · {outcome.size} result(s) in {outcome.elapsed * 1000:.0f} ms")
        if outcome.notice:
            st.warning(outcome.notice)
        if outcome.query_type == "ASK":
            st.metric("Answer", "true" if outcome.boolean else "false")
        elif outcome.is_graph:
            turtle = outcome.serialize("turtle")
            st.code(turtle, language="turtle")
            st.download_button("Download Turtle", turtle, "result.ttl", "text/turtle")
        else:
            records = outcome.records()
            st.dataframe(table(records, {v: v for v in outcome.variables}), hide_index=True, width="stretch")
            a, b = st.columns(2)
            a.download_button("Download CSV", outcome.serialize("csv"), "result.csv", "text/csv")
            b.download_button("Download JSON", outcome.serialize("json"), "result.json",
                              "application/sparql-results+json")
