"""Regenerate ontology/data/findings-<edition>.ttl from ontology/sources/task-force-findings.csv."""

from esrkg import paths
from esrkg.findings_import import EDITIONS, findings_graph, read_rows


def main() -> None:
    rows = read_rows(paths.findings_csv())
    for edition in EDITIONS:
        target = paths.ontology_dir() / "data" / f"findings-{edition}.ttl"
        header = (
            f"# {edition} verdicts, effect-size estimates, their statistics, quotations and sources.\n"
            "# Generated from ontology/sources/task-force-findings.csv by scripts/import_findings.py:\n"
            "# edit the CSV (or the mappings in esrkg.findings_mapping) and regenerate.\n"
        )
        target.write_text(header + findings_graph(rows, edition).serialize(format="turtle"), encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
