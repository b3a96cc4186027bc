"""Check the graph three ways: SHACL shapes, ``*_violation`` SPARQL checks, and the DL reasoner."""

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from esrkg import paths, queries

MAX_LISTED_PROBLEMS = 10


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check, with a readable account of what failed."""

    name: str
    passed: bool
    details: str = ""


@dataclass(frozen=True)
class ValidationReport:
    """Every check that ran."""

    checks: tuple[CheckResult, ...]

    @property
    def passed(self) -> bool:
        """True when every check passed."""
        return all(check.passed for check in self.checks)

    def text(self) -> str:
        """A report a person can read: one line per check, failures explained under it."""
        lines = []
        for check in self.checks:
            lines.append(f"{'PASS' if check.passed else 'FAIL'}  {check.name}")
            if check.details and not check.passed:
                lines.extend("      " + line for line in check.details.splitlines())
        lines.append("All checks passed." if self.passed else "Validation failed.")
        return "\n".join(lines)


def check_shacl(graph: Graph, shapes_file: Path | None = None) -> CheckResult:
    """Validate the graph against the SHACL shapes with pySHACL."""
    import pyshacl  # imported here: heavy, and only validation needs it

    shapes = Graph().parse(shapes_file or paths.shapes_file(), format="turtle")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, allow_warnings=False)
    return CheckResult("SHACL shapes (ontology/shapes.ttl)", bool(conforms), "" if conforms else str(text))


def check_violation_queries(graph: Graph) -> list[CheckResult]:
    """Run every ``*_violation`` query; each passes when it returns no rows."""
    results = []
    for query in queries.violation_checks():
        found = queries.rows(graph, query.id)
        listed = [", ".join(f"{key}={value}" for key, value in row.items()) for row in found[:MAX_LISTED_PROBLEMS]]
        if len(found) > MAX_LISTED_PROBLEMS:
            listed.append(f"... and {len(found) - MAX_LISTED_PROBLEMS} more")
        details = f"{query.question}\n" + "\n".join(listed) if found else ""
        results.append(CheckResult(f"SPARQL check {query.id}", not found, details))
    return results


def check_reasoner(graph: Graph) -> CheckResult:
    """HermiT finds the ontology consistent and classifies as the pure-Python materialization does."""
    from esrkg.inference import classifications, materialize
    from esrkg.reasoning import ReasonerUnavailable, run_hermit

    name = "HermiT reasoner (consistency and classification)"
    try:
        report = run_hermit(graph)
    except ReasonerUnavailable as error:
        return CheckResult(name, False, str(error))
    if not report.consistent:
        return CheckResult(name, False, report.message)
    materialized = classifications(graph, materialize(graph))
    if materialized != set(report.classifications):
        only_hermit = sorted(set(report.classifications) - materialized)
        only_python = sorted(materialized - set(report.classifications))
        return CheckResult(name, False, f"HermiT only: {only_hermit}\nmaterialization only: {only_python}")
    return CheckResult(name, True, f"{len(materialized)} classifications agree.")


def validate(graph: Graph, *, reasoner: bool = True, shapes_file: Path | None = None) -> ValidationReport:
    """Run all checks (the reasoner can be left out, e.g. on a machine without Java)."""
    checks = [check_shacl(graph, shapes_file), *check_violation_queries(graph)]
    if reasoner:
        checks.append(check_reasoner(graph))
    return ValidationReport(tuple(checks))
