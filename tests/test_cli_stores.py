"""The command line on every store: ``--store memory|oxigraph|URL`` and ESRKG_STORE, with equal output."""

import os
import subprocess
import sys

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from esrkg.cli import build_parser, store_environment
from esrkg.stores import DATA_ENV, STORE_ENV
from esrkg.stores.canonical import canonical_term
from tests.constants import TESTS_DIR
from tests.servers import executable, free_port, oxigraph_over


@pytest.fixture(scope="module")
def endpoint_url(graph, tmp_path_factory):
    yield from oxigraph_over(graph, tmp_path_factory)


def esrkg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([executable("esrkg"), *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def specs(endpoint_url):
    return {"oxigraph": "oxigraph", "endpoint": endpoint_url}


@pytest.mark.parametrize("backend", ["oxigraph", "endpoint"])
@pytest.mark.parametrize("command", [["stats"], ["sheet"], ["ask", "--json", "How did the verdict on preferences "
                                                                       "change from 2002 to 2011?"],
                                     ["ask", "what does empathy mean"]], ids=["stats", "sheet", "ask-json", "ask"])
def test_a_command_prints_the_same_on_every_store(specs, backend, command):
    memory, other = esrkg(*command), esrkg("--store", specs[backend], *command)
    assert memory.returncode == other.returncode == 0, other.stderr
    assert other.stdout == memory.stdout and memory.stdout


def test_the_store_can_be_chosen_with_the_environment(specs):
    by_option = esrkg("--store", specs["endpoint"], "stats")
    by_environment = esrkg("stats", env={STORE_ENV: specs["endpoint"]})
    assert by_environment.returncode == 0 and by_environment.stdout == by_option.stdout
    assert esrkg("stats", env={STORE_ENV: "nonsense"}).stderr.startswith("esrkg: Unknown store 'nonsense'")


@pytest.mark.parametrize("backend", ["oxigraph", "endpoint"])
def test_export_gives_the_same_graph_from_every_store(specs, backend, graph):
    done = esrkg("--store", specs[backend], "export", "--format", "nt")
    assert done.returncode == 0, done.stderr
    exported = Graph().parse(data=done.stdout, format="nt")
    canonical = Graph()
    for triple in graph:
        canonical.add(tuple(canonical_term(term) for term in triple))
    assert isomorphic(exported, canonical)


@pytest.mark.parametrize("backend", ["oxigraph", "endpoint"])
def test_validate_runs_on_every_store(specs, backend):
    memory, other = esrkg("validate", "--no-reasoner"), esrkg("--store", specs[backend], "validate", "--no-reasoner")
    assert (other.returncode, other.stdout) == (memory.returncode, memory.stdout)


def test_inferred_on_an_endpoint_is_one_sentence(specs):
    done = esrkg("--store", specs["endpoint"], "stats", "--inferred")
    assert done.returncode == 2
    assert done.stderr.strip() == ("esrkg: --inferred needs the memory or oxigraph store; load the inferred export "
                                   "(esrkg export --inferred) into the server instead.")


def test_an_endpoint_that_does_not_answer_is_one_sentence():
    url = f"http://127.0.0.1:{free_port()}/sparql"
    done = esrkg("--store", url, "stats")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"esrkg: The SPARQL endpoint {url} did not answer:")


def test_app_and_serve_take_the_store_after_the_command_too():
    args = build_parser().parse_args(["--store", "memory", "app", "--store", "oxigraph"])
    assert args.store == "oxigraph"
    args = build_parser().parse_args(["--store", "oxigraph", "serve"])
    assert args.store == "oxigraph" and args.host == "127.0.0.1"


def test_the_app_opens_the_store_it_is_handed(tmp_path):
    extra = tmp_path / "extra.nt"
    extra.write_text("<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> \"A\" .\n")
    args = build_parser().parse_args(["--store", "oxigraph", "--data", str(extra), "app"])
    environment = store_environment(args)
    assert environment == {STORE_ENV: "oxigraph", DATA_ENV: str(extra.resolve())}
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); import state; "
             "print(type(state.store()).__name__, len(state.store()) - len(state.store().graph()), "
             "len(state.answerer().ask('what does empathy mean').answers) > 0)")
    done = subprocess.run([sys.executable, "-c", probe, str(TESTS_DIR.parent / "app")], capture_output=True,
                          text=True, timeout=300, env={**os.environ, **environment})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["OxigraphStore", "0", "True"]
