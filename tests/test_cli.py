"""The installed ``esrkg`` command, run as a user would, from a directory outside the checkout."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

# The command installed beside this interpreter (the venv's bin/), else the one on PATH.
_BESIDE = Path(sys.executable).parent / "esrkg"
ESRKG = str(_BESIDE) if _BESIDE.exists() else (shutil.which("esrkg") or "")


def run(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    command = [ESRKG, *args] if ESRKG else [sys.executable, "-m", "esrkg.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=300, check=False)


def test_the_command_is_installed():
    assert ESRKG, "pip install . provides the esrkg command"


def test_stats_counts_items_and_verdicts(tmp_path):
    result = run("stats", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Relationship elements: 22" in result.stdout
    assert "Verdicts in TF1-2002: 24" in result.stdout
    assert "Glossary terms: 18" in result.stdout


def test_export_writes_a_file_that_parses(tmp_path, graph):
    target = tmp_path / "graph.nt"
    result = run("export", "--format", "nt", "--output", str(target), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert isomorphic(Graph().parse(target, format="nt"), graph)


def test_export_to_stdout(tmp_path):
    result = run("export", "--format", "turtle", cwd=tmp_path)
    assert result.returncode == 0 and "esr:empathy" in result.stdout


def test_sheet_is_markdown(tmp_path):
    result = run("sheet", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("*INFO SHEET*\n\n# About Empirically Supported Therapeutic Relationships")


@pytest.mark.reasoner
def test_validate_passes(tmp_path):
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All checks passed." in result.stdout


def test_bad_format_is_one_clear_sentence(tmp_path):
    result = run("export", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 2
    assert "invalid choice: 'pdf'" in result.stderr
    assert "Traceback" not in result.stderr


def test_unwritable_output_is_one_clear_sentence(tmp_path):
    result = run("sheet", "--output", str(tmp_path / "missing" / "sheet.md"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("esrkg: ") and "Traceback" not in result.stderr


def test_ask_json_prints_one_object(tmp_path):
    import json

    result = run("ask", "--json", "wich elements are demonstrably efective", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["template"] == "items_at_level"
    assert {a["label"] for a in data["answers"]} >= {"Empathy", "Therapeutic alliance"}
    assert {a["edition"] for a in data["answers"]} == {"TF1-2002"}
    assert "VALUES" in data["sparql"]


def test_ask_without_answer_exits_zero_with_suggestions(tmp_path):
    import json

    result = run("ask", "--json", "what is the capital of France", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert result.returncode == 0 and data["answers"] == [] and data["template"] is None
    assert len(data["suggestions"]) == 3


def test_query_formats_and_limit(tmp_path):
    query = "SELECT ?s WHERE { ?s a <https://w3id.org/esrkg/RelationshipElement> } ORDER BY ?s"
    result = run("query", query, "--format", "csv", "--limit", "2", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == ["s", "https://w3id.org/esrkg/alliance-in-couple-and-family-therapy",
                                          "https://w3id.org/esrkg/alliance-in-individual-psychotherapy"]
    assert "Showing the first 2 rows of more" in result.stderr


def test_query_from_file(tmp_path):
    (tmp_path / "q.rq").write_text("ASK { <https://w3id.org/esrkg/empathy> ?p ?o }")
    result = run("query", "--file", str(tmp_path / "q.rq"), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0 and '"boolean": true' in result.stdout


def test_refused_query_is_one_sentence_and_exit_2(tmp_path):
    result = run("query", "DROP ALL", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("esrkg: DROP is refused") and len(result.stderr.strip().splitlines()) == 1
