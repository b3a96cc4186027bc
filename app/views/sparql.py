"""SPARQL: edit and run read-only queries safely (time, memory and row limits), download the results.

The editor is YASQE (app/components.py): highlighting, syntax checking, completion of prefixes,
classes and properties from the ontology, Ctrl+Enter to run. The query is kept in the URL
(``/sparql?query=...``) so a link shares it; esrkg.page_params checks that value like every other.

Queries run in the library's worker (esrkg.query_runner), which is stopped at the time limit. While
one runs, the heartbeat below updates a caption: Streamlit raises inside that update when this session
reruns (any widget change, Stop) or ends (the tab closes), and the runner then kills the worker. A
session runs one query at a time (its key below) and the process a few (the runner's caps).
"""

import uuid

import streamlit as st

from components import sparql_editor
from esrkg import queries
from esrkg.page_params import read_params, sparql_params
from esrkg.query_runner import DEFAULT_LIMIT, DEFAULT_TIMEOUT, MAX_LIMIT, MAX_TIMEOUT, QueryError, run_query
from esrkg.sparql_text import query_form
from notices import show_problem
from state import browse_data, graph
from tables import frame

EXAMPLES = {q.id: q for q in queries.catalogue().values() if not q.is_violation_check}
# Written out by the worker, inside the time limit: the formats each query form offers for download
# (CSV only holds SELECT results, Turtle only graphs; asking for CSV of an ASK made the run fail).
DOWNLOADS = {"SELECT": ("csv", "json"), "ASK": ("json",), "CONSTRUCT": ("turtle",), "DESCRIBE": ("turtle",)}


def set_text(text: str) -> None:
    """Replace the editor's text from Python (an example, a link): the editor takes it at the next revision."""
    st.session_state.sparql_text = text
    st.session_state.sparql_revision = st.session_state.get("sparql_revision", 0) + 1


def load_example() -> None:
    chosen = st.session_state.example
    if chosen:
        set_text(EXAMPLES[chosen].text)


def edited() -> None:
    text = (st.session_state.get("sparql_editor") or {}).get("text")
    if isinstance(text, str):
        st.session_state.sparql_text = text


def run_from_editor() -> None:
    text = (st.session_state.get("sparql_editor") or {}).get("run")
    if isinstance(text, str):
        st.session_state.sparql_text = text
        st.session_state.run_requested = True


def session_key() -> str:
    """This browser session's key for the one-query-per-session cap."""
    if "query_session" not in st.session_state:
        st.session_state.query_session = uuid.uuid4().hex
    return st.session_state.query_session


def run(text: str, timeout: float, limit: int, inferred: bool) -> object:
    """The outcome of the query, or its error sentence."""
    status = st.empty()

    def heartbeat(elapsed: float) -> None:
        status.caption(f"Running for {elapsed:.1f} s (stopped at {timeout:g} s)…")

    target = graph()
    if inferred:
        from state import inferred_graph

        target = inferred_graph()
    try:
        return run_query(target, text, timeout=timeout, limit=limit, formats=DOWNLOADS.get(query_form(text), ()),
                         session=session_key(), heartbeat=heartbeat)
    except QueryError as error:
        return str(error)
    finally:
        status.empty()


def show(outcome) -> None:
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
        st.dataframe(frame(outcome.records(), {v: v for v in outcome.variables}, drop_empty=False), hide_index=True,
                     width="stretch")  # click a column's header to sort by it
        a, b = st.columns(2)
        a.download_button("Download CSV", outcome.serialize("csv"), "result.csv", "text/csv")
        b.download_button("Download JSON", outcome.serialize("json"), "result.json", "application/sparql-results+json")


link_problem = ""
if "sparql_ready" not in st.session_state:
    link = read_params(sparql_params(), {name: st.query_params.get_all(name) for name in st.query_params})
    if link["query"]:
        set_text(str(link["query"]))
    link_problem = link.message
    st.session_state.sparql_ready = True
if "sparql_text" not in st.session_state:
    set_text(EXAMPLES["items_at_level"].text)

st.title("SPARQL")
st.caption("Read-only: SELECT, ASK, CONSTRUCT and DESCRIBE. SERVICE, FROM and updates are refused; "
           "a query is stopped at the time limit, and when you change the page or close it.")
if link_problem:
    show_problem(link_problem, "warning")
st.caption("Query — Ctrl+Space completes prefixes, classes (after `a`) and properties of the ontology; "
           "Ctrl+Enter runs the query. The link of this page carries the query, to share it.")
sparql_editor(st.session_state.sparql_text, st.session_state.get("sparql_revision", 0),
              browse_data("completions"), key="sparql_editor", on_text=edited, on_run=run_from_editor)
st.query_params.from_dict({"query": st.session_state.sparql_text})
st.selectbox("Or start from an example of the catalogue", ["", *EXAMPLES], key="example", on_change=load_example,
             format_func=lambda qid: "(choose a query)" if not qid else f"{qid}: {EXAMPLES[qid].question}")
left, middle, right = st.columns([1, 1, 2])
timeout = left.number_input("Time limit (s)", 0.5, MAX_TIMEOUT, DEFAULT_TIMEOUT, step=0.5)
limit = middle.number_input("Row limit", 1, MAX_LIMIT, DEFAULT_LIMIT, step=100)
use_inferred = right.toggle("Include inferred facts", help="Query the graph with the reasoner's entailments added.")

# A result is kept for the text that produced it, so that a rerun (a download, a widget) shows it again
# without running the query again.
clicked_run = st.button("Run", type="primary")
if clicked_run or st.session_state.pop("run_requested", False):
    st.session_state.sparql_result = (st.session_state.sparql_text,
                                      run(st.session_state.sparql_text, float(timeout), int(limit), use_inferred))
ran_text, result = st.session_state.get("sparql_result", (None, None))
if ran_text is not None and ran_text == st.session_state.sparql_text:
    if isinstance(result, str):
        show_problem(result)
    else:
        show(result)
