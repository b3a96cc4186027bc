"""``--data FILE``: extra RDF added to the memory and oxigraph stores, with untrusted files refused
in one sentence each and nothing half-loaded."""

import json
import subprocess

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from esrkg import data_files, open_store, queries
from esrkg.data_files import DataFileError, read_data_files
from tests.servers import executable

EXTRA = URIRef("https://example.org/extra-item")
LABEL_QUERY = "SELECT ?label WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?label }"


def _extra_graph() -> Graph:
    graph = Graph()
    graph.add((EXTRA, RDFS.label, Literal("An extra item")))
    return graph


@pytest.fixture
def files(tmp_path):
    """One file of the same triple in each supported format."""
    made = {}
    for suffix, rdf_format in ((".ttl", "turtle"), (".nt", "nt"), (".rdf", "xml"), (".jsonld", "json-ld")):
        path = tmp_path / f"extra{suffix}"
        path.write_text(_extra_graph().serialize(format=rdf_format), encoding="utf-8")
        made[suffix] = path
    return made


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".rdf", ".jsonld"])
def test_a_data_file_adds_its_triples(files, backend, suffix, graph):
    store = open_store(backend, [files[suffix]])
    assert len(store) == len(graph) + 1
    assert queries.select(store, LABEL_QUERY, {"x": EXTRA}) == [{"label": "An extra item"}]


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BAD_FILES = {
    "entities.rdf": ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                     '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
                     "is refused: RDF/XML with a DOCTYPE or ENTITY declaration"),
    "remote.jsonld": (json.dumps({"@context": "http://schema.org/", "@id": "http://x/a", "name": "x"}),
                      "is refused: it names a remote JSON-LD @context"),
    "imports.jsonld": (json.dumps({"@context": [{"@import": "http://x/ctx"}], "@id": "http://x/a"}),
                       "is refused: it names a remote JSON-LD @context"),
    "nested.jsonld": (json.dumps({"@graph": [{"@context": "http://x/ctx", "@id": "http://x/a"}]}),
                      "is refused: it names a remote JSON-LD @context"),
    "broken.ttl": ("<http://x/a> <http://x/b> .", "is not valid Turtle: "),
    "broken.json": ("{ not json", "is not valid JSON: "),
    "data.csv": ("a,b\n", "has an unknown extension '.csv'"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_data_file_is_one_sentence_naming_it(tmp_path, name):
    text, sentence = BAD_FILES[name]
    path = _write(tmp_path, name, text)
    with pytest.raises(DataFileError) as raised:
        read_data_files([path])
    message = str(raised.value)
    assert message.startswith(str(path)) and sentence in message and message.endswith(".")
    assert "\n" not in message and "Traceback" not in message


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.ttl"
    path.write_bytes('<http://x/a> <http://x/b> "caf\xe9" .'.encode("latin-1"))
    with pytest.raises(DataFileError, match="is not UTF-8 text"):
        read_data_files([path])


def test_a_missing_file_is_one_sentence(tmp_path):
    with pytest.raises(DataFileError, match="does not exist or is not a file"):
        read_data_files([tmp_path / "missing.ttl"])


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(data_files, "MAX_DATA_FILE_BYTES", 100)
    path = _write(tmp_path, "big.nt", "<http://x/a> <http://x/b> <http://x/c> .\n" * 10)
    with pytest.raises(DataFileError, match=r"is 0\.0 MB; the limit for a data file is 0 MB"):
        read_data_files([path])


def test_a_slow_parse_is_stopped_at_the_time_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(data_files, "PARSE_TIMEOUT", 0.3)
    lines = "".join(f'<http://x/s{i}> <http://x/p> "value {i}" .\n' for i in range(200_000))
    path = _write(tmp_path, "slow.nt", lines)
    with pytest.raises(DataFileError, match=r"took longer than 0\.3 s to parse and was not loaded"):
        read_data_files([path])


def test_a_file_that_needs_too_much_memory_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(data_files, "WORKER_MEMORY_MB", 64)
    lines = "".join(f'<http://x/s{i}> <http://x/p> "{"v" * 200} {i}" .\n' for i in range(100_000))
    path = _write(tmp_path, "hungry.nt", lines)
    with pytest.raises(DataFileError, match="needs more than 64 MB of memory to parse and was not loaded"):
        read_data_files([path])


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_one_bad_file_loads_nothing_and_every_bad_file_is_named(files, tmp_path, backend):
    bad = [_write(tmp_path, "broken.ttl", "<http://x/a> <http://x/b> ."),
           _write(tmp_path, "x.rdf", BAD_FILES["entities.rdf"][0])]
    with pytest.raises(DataFileError) as raised:
        open_store(backend, [files[".ttl"], *bad])
    lines = str(raised.value).splitlines()
    assert [line.split(" ")[0] for line in lines[:2]] == [str(p) for p in bad]
    assert lines[-1] == "Nothing was loaded."


def test_the_command_line_reports_a_bad_file_in_one_line_and_changes_nothing(tmp_path, files):
    bad = _write(tmp_path, "entities.rdf", BAD_FILES["entities.rdf"][0])
    done = subprocess.run([executable("esrkg"), "--data", str(bad), "stats"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"esrkg: {bad} is refused: RDF/XML with a DOCTYPE") and "Traceback" not in done.stderr
    good = subprocess.run([executable("esrkg"), "--store", "oxigraph", "--data", str(files[".ttl"]), "stats"],
                          capture_output=True, text=True, timeout=120)
    assert good.returncode == 0, good.stderr
    plain = subprocess.run([executable("esrkg"), "stats"], capture_output=True, text=True, timeout=120)
    triples = {run: int(run.stdout.rsplit("Triples: ", 1)[1]) for run in (good, plain)}
    assert triples[good] == triples[plain] + 1


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_blank_nodes_of_two_files_stay_apart(tmp_path, backend):
    first = _write(tmp_path, "a.ttl", '_:b1 <http://www.w3.org/2000/01/rdf-schema#label> "first" .')
    second = _write(tmp_path, "b.nt", '_:b1 <http://www.w3.org/2000/01/rdf-schema#label> "second" .\n')
    rows = queries.select(open_store(backend, [first, second]), "SELECT ?x WHERE { ?x ?p ?o FILTER isBlank(?x) "
                          "FILTER (?o IN ('first', 'second')) }")
    assert len(rows) == 2 and rows[0]["x"] != rows[1]["x"]
