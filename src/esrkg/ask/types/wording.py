"""How estimates and verdicts are written in answers: numbers as the sources print them, bounds as bounds."""

from decimal import Decimal
from typing import Any

from esrkg.ask.result import Answer, answer

Row = dict[str, Any]


def sample_size(row: Row) -> str:
    """'N = 3,599 clients', 'N more than 14,000 treatments', the parts a source gives instead of a total, or ''."""
    unit = f" {row['nUnit']}" if row.get("nUnit") and "(" not in str(row["nUnit"]) else ""
    if "n" in row:
        return f"N = {int(row['n']):,}{unit}"
    if "nMoreThan" in row:
        return f"N {row.get('nBoundWording', 'more than')} {int(row['nMoreThan']):,}{unit}"
    if row.get("nUnit"):
        return f"N in parts: {row['nUnit']}"  # "2,568 families and 1,545 couples (... no total)"
    return ""


def figure(row: Row) -> str:
    """'r = .31' as printed, or the qualitative mark."""
    if row.get("qualitative") or "metric" not in row:
        return "no pooled figure (qualitative summary)"
    return f"{row['metric']} = {row.get('printedValue', _plain_number(row.get('value')))}"


def _plain_number(value: object) -> str:
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


def statistics(row: Row, asked: tuple[str, ...] = ()) -> str:
    """The statistics of an estimate row, the asked ones first: 'r = .31, 95% CI [.28, .34], p < .001, k = 59'."""
    parts = {
        "effect": figure(row),
        "ci": row.get("ciLabel", ""),
        "p": row.get("pLabel", ""),
        "k": f"k = {row['k']}" + (f" {row['kUnit']}" if row.get("kUnit") else "") if "k" in row else "",
        "n": sample_size(row),
        "d_equivalent": f"d equivalent {row['dEquivalentLabel'].removeprefix('d = ')}" if "dEquivalentLabel" in row
        else "",
        "heterogeneity": row.get("heterogeneityLabel", ""),
        "doi": f"doi {row['doi']}" if row.get("doi") else "",
    }
    order = [*asked, *[key for key in parts if key not in asked]]
    return ", ".join(parts[key] for key in dict.fromkeys(order) if parts.get(key))


def estimate_line(row: Row, asked: tuple[str, ...] = (), item_label: str = "") -> str:
    """'TF2-2011, Empathy (empathy-outcome correlation): r = .31, 95% CI [.28, .34], ...'."""
    subject = row.get("subjectLabel", "")
    who = "" if subject == item_label else f", {subject}"
    return f"{row['editionId']}{who} ({row.get('estimates', '')}): {statistics(row, asked)}"


def estimate_answer(row: Row) -> Answer:
    """One estimate as an answer row (label = the item it is about)."""
    return answer(
        row.get("subjectLabel", row.get("label", "")), iri=row.get("subject"), edition=row.get("editionId"),
        estimates=row.get("estimates"), estimand=row.get("estimandLabel"), metric=row.get("metric"),
        value=row.get("value"), printed=row.get("printedValue"), qualitative=row.get("qualitative"),
        ci=row.get("ciLabel"), ci_low=row.get("ciLow"), ci_high=row.get("ciHigh"), p=row.get("pLabel"),
        k=row.get("k"), k_unit=row.get("kUnit"), n=row.get("n"), n_more_than=row.get("nMoreThan"),
        n_bound=row.get("nBoundWording"), n_unit=row.get("nUnit"), sample_size=sample_size(row) or None,
        d_equivalent=row.get("dEquivalent"), heterogeneity=row.get("heterogeneityLabel"),
        direction=row.get("directionLabel"), event=row.get("event"), source=row.get("sourceLabel"),
        citation=row.get("citation"), doi=row.get("doi"), estimate=row.get("estimate"),
    )
