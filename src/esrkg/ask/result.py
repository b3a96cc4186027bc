"""The answer to a question: a sentence, rows, the SPARQL that produced them, and how the question was read."""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Match = Literal["exact", "partial", "not understood"]


@dataclass(frozen=True)
class Answer:
    """One answer row: a label, and whatever else applies (edition, level, effect size, CI, source...)."""

    label: str
    fields: tuple[tuple[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The answer as a flat dict (absent fields left out)."""
        return {"label": self.label, **dict(self.fields)}


def answer(label: object, **values: Any) -> Answer:
    """An Answer with the given fields, dropping empty ones."""
    kept = tuple((k, v) for k, v in values.items() if v is not None and v != "" and v != ())
    return Answer(str(label), kept)


@dataclass(frozen=True)
class AskResult:
    """The answer to one question, with how it was read and how well."""

    question: str
    template: str | None
    answers: tuple[dict[str, Any], ...]
    text: str
    sparql: str
    suggestions: tuple[str, ...] = ()
    bindings: dict[str, str] = field(default_factory=dict)
    reading: str = ""
    match: Match = "not understood"
    closest: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``esrkg ask --json``."""
        def plain(rows: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
            return [{k: float(v) if isinstance(v, Decimal) else v for k, v in row.items()} for row in rows]

        data: dict[str, Any] = {"question": self.question, "template": self.template, "reading": self.reading,
                                "match": self.match, "answers": plain(self.answers), "text": self.text,
                                "sparql": self.sparql}
        if self.closest:
            data["closest"] = plain(self.closest)
        if not self.template or not self.answers:
            data["suggestions"] = list(self.suggestions)
        return data
