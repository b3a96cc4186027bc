"""The holes the old query runner had, each reproduced: orphaned and unkillable workers, no memory cap,
parsing outside the time limit, unbounded results and formatting, raw codec errors, unbounded --file.

Bounds are generous (limit + 5 s): these tests say that work stops, the benchmark says how fast.
"""

import os
import resource
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from esrkg.query_checks import MAX_QUERY_BYTES
from esrkg.query_runner import QueryError, QueryStopped, run_query
from tests.processes import alive, children, kill_quietly, wait_for
from tests.test_cli import run as run_cli

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# Each BIND doubles the string: 2^30 characters at the end, far more than any cap below.
CONCATS = "SELECT (STRLEN(?s30) AS ?n) WHERE { BIND(\"x\" AS ?s0) " + " ".join(
    f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(30)) + " }"
# About 96 kB of && terms: rdflib's parser needs many seconds for it.
AND_CHAIN = "SELECT * WHERE { ?s ?p ?o FILTER(" + " && ".join(["?o"] * 16_000) + ") }"
SLACK = 5.0

# A parent like the CLI or a server: a small graph, one runaway query with a long limit.
PARENT = textwrap.dedent(f"""
    import signal
    from rdflib import Graph, URIRef
    from esrkg.query_runner import run_query
    signal.signal(signal.SIGINT, signal.default_int_handler)  # a background shell may have it ignored
    graph = Graph()
    for i in range(300):
        graph.add((URIRef(f"urn:s{{i}}"), URIRef("urn:p"), URIRef(f"urn:o{{i}}")))
    run_query(graph, {RUNAWAY!r}, timeout=60)
""")


def new_children(before: set[int]) -> set[int]:
    return children(os.getpid()) - before


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGKILL, signal.SIGINT])
def test_the_worker_dies_with_its_parent(ending):
    parent = subprocess.Popen([sys.executable, "-c", PARENT])
    workers: set[int] = set()
    try:
        assert wait_for(lambda: bool(children(parent.pid)), 60), "the parent never started its worker"
        workers = children(parent.pid)
        os.kill(parent.pid, ending)
        parent.wait(timeout=30)
        assert wait_for(lambda: not any(alive(pid) for pid in workers), SLACK), "the worker outlived its parent"
    finally:
        parent.kill()
        parent.wait()
        kill_quietly(workers)


def test_a_parent_that_handles_sigterm_itself_still_stops_its_worker(graph):
    """Streamlit installs a SIGTERM handler; a worker that inherited it ignored terminate()."""
    previous = signal.signal(signal.SIGTERM, lambda *_: None)
    before = children(os.getpid())
    try:
        with pytest.raises(QueryError, match="stopped after 1 s"):
            run_query(graph, RUNAWAY, timeout=1)
        assert new_children(before) == set(), "the worker is still running after the limit"
    finally:
        signal.signal(signal.SIGTERM, previous)
        kill_quietly(new_children(before))


def test_a_chain_of_concats_hits_the_memory_cap(graph):
    started = time.monotonic()
    with pytest.raises(QueryStopped, match=r"^The query used more than 256 MB and was stopped"):
        run_query(graph, CONCATS, timeout=30, memory_mb=256)
    assert time.monotonic() - started < 30 + SLACK


def test_parsing_happens_inside_the_time_limit(graph):
    assert 90_000 < len(AND_CHAIN) < 100_000
    started = time.monotonic()
    with pytest.raises(QueryStopped, match="stopped after 2 s"):
        run_query(graph, AND_CHAIN, timeout=2)
    assert time.monotonic() - started < 2 + SLACK


def test_a_huge_row_is_refused_by_the_byte_cap_inside_the_limit(graph):
    huge = "SELECT ?s24 WHERE { BIND(\"x\" AS ?s0) " + " ".join(
        f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(24)) + " }"  # 16.8 million characters
    started = time.monotonic()
    with pytest.raises(QueryError, match="first result alone is larger than 1 MB"):
        run_query(graph, huge, timeout=20, max_bytes=1_000_000, formats=("table", "json"))
    assert time.monotonic() - started < 20 + SLACK


def test_rows_are_cut_at_the_byte_cap_and_the_notice_says_so(graph):
    query = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
             "SELECT ?label WHERE { ?x rdfs:label ?label } ORDER BY ?label")
    everything = run_query(graph, query, limit=100_000)
    outcome = run_query(graph, query, limit=100_000, max_bytes=200)
    assert 0 < outcome.size < everything.size
    assert outcome.truncated and outcome.truncated_by_size
    assert sum(len(str(row[0])) for row in outcome.rows) <= 200
    assert "a result may take at most 0.0002 MB" in outcome.serialize("table")


def test_the_formats_asked_for_are_written_by_the_worker(graph):
    query = "PREFIX esr: <https://w3id.org/esrkg/>\nSELECT ?p ?o WHERE { esr:empathy ?p ?o }"
    outcome = run_query(graph, query, formats=("csv", "json", "turtle"))
    assert set(outcome.rendered) == {"csv", "json"}  # a SELECT has no Turtle form
    assert outcome.serialize("csv") is outcome.rendered["csv"]
    assert outcome.serialize("csv").splitlines()[0] == "p,o"
    with pytest.raises(QueryError, match="has no RDF form"):
        outcome.serialize("turtle")


@pytest.mark.parametrize(("text", "says"), [
    (b"SELECT * WHERE { ?s ?p \xff }", r"^The query is not valid UTF-8: byte 0xFF at position 23"),
    (b"\xc3", "not valid UTF-8"),
    ("SELECT * WHERE { ?s ?p \udcff }", r"^The query is not valid Unicode text: character 23 is a lone surrogate"),
    ("SELECT * WHERE { ?s ?p '\ud800' }", "lone surrogate"),
])
def test_text_that_is_not_utf8_gets_one_sentence(graph, text, says):
    with pytest.raises(QueryError, match=says) as refused:
        run_query(graph, text)
    assert "codec" not in str(refused.value) and "\n" not in str(refused.value)


def test_cli_query_file_that_is_not_utf8(tmp_path):
    query = tmp_path / "latin1.rq"
    query.write_bytes("SELECT * WHERE { ?s ?p 'caf\u00e9' }".encode("latin-1"))
    result = run_cli("query", "--file", str(query), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("esrkg: The query is not valid UTF-8: byte 0xE9")
    assert len(result.stderr.strip().splitlines()) == 1 and "codec" not in result.stderr


def test_cli_query_argument_that_is_not_utf8(tmp_path):
    command = [str(sys.executable), "-m", "esrkg.cli", "query", os.fsencode("SELECT * WHERE { ?s ?p '\udcff' }")]
    result = subprocess.run(command, capture_output=True, cwd=tmp_path, timeout=300, check=False)
    stderr = result.stderr.decode("utf-8", "replace").strip()
    assert result.returncode == 2 and "lone surrogate" in stderr and len(stderr.splitlines()) == 1


def limit_memory_to_2_gb() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, resource.RLIM_INFINITY))


def test_cli_query_file_reads_no_more_than_the_cap(tmp_path):
    """An endless file (/dev/zero) is refused after MAX_QUERY_BYTES + 1 bytes, not read into memory."""
    command = [str(sys.executable), "-m", "esrkg.cli", "query", "--file", "/dev/zero"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
                            preexec_fn=limit_memory_to_2_gb)
    assert result.returncode == 2, result.stderr[-500:]
    assert result.stderr.strip() == (f"esrkg: The query file '/dev/zero' is larger than {MAX_QUERY_BYTES // 1000} kB; "
                                     "a query may be at most 100000 characters.")


def test_cli_query_file_over_the_cap(tmp_path):
    query = tmp_path / "big.rq"
    query.write_text("SELECT * WHERE { ?s ?p ?o }\n" + "#" * MAX_QUERY_BYTES)
    result = run_cli("query", "--file", str(query), cwd=tmp_path)
    assert result.returncode == 2 and "is larger than 400 kB" in result.stderr


def test_cli_query_file_that_does_not_exist(tmp_path):
    result = run_cli("query", "--file", str(tmp_path / "missing.rq"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"esrkg: Cannot read the query file '{tmp_path / 'missing.rq'}': " \
                                    "No such file or directory."
