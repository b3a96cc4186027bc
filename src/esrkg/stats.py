"""Counts that describe the graph, all computed with SPARQL."""

from dataclasses import dataclass

from esrkg import queries
from esrkg.namespaces import ESR
from esrkg.queries import Source

# The statistics_counts columns, and how a line of `esrkg stats` names them.
STATISTIC_NAMES = {
    "confidenceIntervals": "confidence intervals", "pValues": "p-values", "exactN": "exact N",
    "boundedN": "N as a bound", "dEquivalents": "d equivalents", "heterogeneity": "heterogeneity",
    "quotations": "quotations",
}


@dataclass(frozen=True)
class GraphStats:
    """How much the graph holds."""

    triples: int
    nodes_per_class: dict[str, int]
    verdicts_per_edition: dict[str, int]
    estimates_per_edition: dict[str, int]
    statistics_per_edition: dict[str, dict[str, int]]

    def lines(self) -> list[str]:
        """The figures as ``name: count`` lines, the headline counts first."""
        headline = ["Relationship element", "Adaptation", "Client characteristic", "Glossary term",
                    "Verdict", "Effect-size estimate", "Source", "Recommendation"]
        out = [f"{label}s: {self.nodes_per_class.get(label, 0)}" for label in headline]
        out += [f"Verdicts in {edition}: {count}" for edition, count in self.verdicts_per_edition.items()]
        out += [f"Estimates in {edition}: {count}" for edition, count in self.estimates_per_edition.items()]
        for edition, counts in self.statistics_per_edition.items():
            reported = ", ".join(f"{STATISTIC_NAMES[key]} {counts.get(key, 0)}" for key in STATISTIC_NAMES)
            out.append(f"Statistics in {edition}: {reported}")
        out.append(f"Triples: {self.triples}")
        return out


def compute_stats(graph: Source) -> GraphStats:
    """Count nodes per class, verdicts and estimates per edition, and triples."""
    per_class = {
        row["label"][:1].upper() + row["label"][1:]: row["count"]
        for row in queries.rows(graph, "class_counts")
        if str(row["class"]).startswith(str(ESR))
    }
    per_edition = queries.rows(graph, "verdicts_per_edition")
    return GraphStats(
        triples=len(graph),
        nodes_per_class=per_class,
        verdicts_per_edition={row["editionId"]: row["verdicts"] for row in per_edition},
        estimates_per_edition={row["editionId"]: row["estimates"] for row in per_edition},
        statistics_per_edition={row["editionId"]: {key: int(row.get(key, 0)) for key in STATISTIC_NAMES}
                                for row in queries.rows(graph, "statistics_counts")},
    )
