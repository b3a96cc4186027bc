"""Check an Ask answer against an expectation of the development sets (tests/questions/*.yaml).

The kinds are those of tests/questions/README.md: set, contains, ordered, text, numbers, records,
yes, no, none. Labels compare case- and punctuation-insensitively; numbers as the sources print
them, thousands separators ignored.
"""

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from tests.expectations import normalize

QUESTIONS_DIR = Path(__file__).resolve().parent / "questions"
DEV_SETS = ("dev-questions.yaml", "independent-questions.yaml")
# Words that say the graph does not hold the answer, or that the question was not understood.
NOT_KNOWN = ("not recorded", "not in the graph", "could not", "not understood", "holds no answer",
             "does not define", "no such", "not directly comparable")


def load(name: str) -> list[dict[str, Any]]:
    """The entries of one development set."""
    return list(yaml.safe_load((QUESTIONS_DIR / name).read_text(encoding="utf-8")))


def _labels(result: Any) -> list[str]:
    return [normalize(a["label"]) for a in result.answers]


def _all_text(result: Any) -> str:
    fields = " ".join(str(v) for a in result.answers for v in a.values())
    return f"{result.text} {fields}"


def _numbers_in(text: str) -> list[Decimal]:
    found = []
    for match in re.finditer(r"-?\d*\.?\d+", text.replace(",", "")):
        try:
            found.append(Decimal(match.group()))
        except ArithmeticError:
            continue
    return found


def failure(entry: dict[str, Any], result: Any) -> str | None:
    """Why the answer does not meet the expectation, or None when it does."""
    kind, expect = entry["kind"], entry.get("expect")
    labels = _labels(result)
    if kind == "set":
        wanted = {normalize(e) for e in expect}
        return None if set(labels) == wanted else f"labels {sorted(set(labels))} != {sorted(wanted)}"
    if kind == "contains":
        wanted = {normalize(e) for e in expect}
        excluded = {normalize(e) for e in entry.get("exclude", [])}
        if not wanted <= set(labels):
            return f"missing {sorted(wanted - set(labels))} in {sorted(set(labels))}"
        if excluded & set(labels):
            return f"has excluded {sorted(excluded & set(labels))}"
        return None
    if kind == "ordered":
        wanted_list = [normalize(e) for e in expect]
        return None if labels == wanted_list else f"order {labels} != {wanted_list}"
    if kind == "text":
        return None if normalize(expect) in normalize(_all_text(result)) else f"text lacks {expect!r}"
    if kind == "numbers":
        text = _all_text(result).replace(",", "")
        numbers = _numbers_in(text)
        for wanted in expect:
            if isinstance(wanted, float | int) and not isinstance(wanted, bool):
                if Decimal(str(wanted)) not in numbers:
                    return f"no number {wanted}"
            elif str(wanted).replace(",", "").lower() not in text.lower():
                return f"no {wanted!r}"
        return None
    if kind == "records":
        for record in expect:
            if not any(a.get("edition") == record["edition"] and a.get("metric") == record["metric"]
                       and a.get("value") is not None and Decimal(str(a["value"])) == Decimal(str(record["value"]))
                       for a in result.answers):
                return f"no record {record}"
        return None
    if kind in ("yes", "no"):
        word = "Yes" if kind == "yes" else "No"
        return None if result.text.startswith(word) else f"does not start with {word}"
    if kind == "none":
        if result.answers:
            return f"claims {labels[:4]}"
        return None if any(p in result.text.lower() for p in NOT_KNOWN) else "does not say it is not known"
    return f"unknown kind {kind}"
