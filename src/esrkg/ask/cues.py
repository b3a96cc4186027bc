"""Finding the lexicon's cues in a question: phrases among its free words, numbers and thresholds.

Phrases are matched as stemmed token sequences (so 'studies' finds 'study'); thresholds are read
from the question's own text, which keeps decimal points ('r above .3', 'N over 1,000').
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from esrkg.ask.frame import Field, Op, Threshold
from esrkg.ask.lexicon import ABOVE, AT_LEAST, AT_MOST, BELOW, ORDINALS
from esrkg.linking import fold, words


@lru_cache(maxsize=4096)
def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A cue phrase as the stemmed tokens the linker produces."""
    return tuple(words(phrase))


@dataclass(frozen=True)
class FreeWords:
    """The question's words no concept used, in order, with their positions in the question."""

    items: tuple[tuple[int, str], ...]

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(word for _, word in self.items)

    def find(self, phrases: Iterable[str]) -> list[tuple[int, str]]:
        """(position, phrase) of every cue phrase present, longest first, overlapping ones dropped."""
        tokens = self.tokens
        hits: list[tuple[int, int, str]] = []
        for phrase in phrases:
            wanted = phrase_tokens(phrase)
            if not wanted:
                continue
            for start in range(len(tokens) - len(wanted) + 1):
                if tokens[start:start + len(wanted)] == wanted:
                    hits.append((start, len(wanted), phrase))
        hits.sort(key=lambda h: (-h[1], h[0]))
        taken: set[int] = set()
        found = []
        for start, length, phrase in hits:
            span = set(range(start, start + length))
            if span & taken:
                continue
            taken |= span
            found.append((self.items[start][0], phrase))
        return sorted(found)

    def scan(self, groups: dict[str, tuple[str, ...]]) -> dict[str, list[tuple[int, str]]]:
        """Every group's phrases found in one pass, the longest phrase winning where phrases overlap
        ("related to outcome" is about an effect, not a relation)."""
        owners: dict[str, list[str]] = {}
        for group, phrases in groups.items():
            for phrase in phrases:
                owners.setdefault(phrase, []).append(group)
        hits: dict[str, list[tuple[int, str]]] = {}
        for position, phrase in self.find(owners):
            for group in owners[phrase]:
                hits.setdefault(group, []).append((position, phrase))
        return hits

    def following(self, position: int, phrase: str) -> str | None:
        """The free word right after a phrase found at this position, if any."""
        index = next((i for i, (p, _) in enumerate(self.items) if p == position), None)
        if index is None:
            return None
        after = index + len(phrase_tokens(phrase))
        return self.items[after][1] if after < len(self.items) else None

    def has(self, phrases: Iterable[str]) -> bool:
        """True when any of the phrases is among the free words."""
        return bool(self.find(phrases))

    def without(self, phrases: Iterable[str]) -> "FreeWords":
        """These free words minus the ones the phrases cover."""
        tokens = self.tokens
        drop: set[int] = set()
        for phrase in phrases:
            wanted = phrase_tokens(phrase)
            for start in range(len(tokens) - len(wanted) + 1):
                if wanted and tokens[start:start + len(wanted)] == wanted:
                    drop |= set(range(start, start + len(wanted)))
        return FreeWords(tuple(item for index, item in enumerate(self.items) if index not in drop))


_NUMBER = r"(?:-\s?)?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?%?"
# Comparators that come before their number ("over 1000"); "1000 or more" is read by _TRAILING.
_LEADING = [c for c in (*ABOVE, *AT_LEAST, *BELOW, *AT_MOST) if not c.startswith("or ")]
_COMPARATOR = "|".join(sorted((re.escape(c) for c in _LEADING), key=len, reverse=True))
_FIELD_WORDS: dict[str, tuple[Field, str | None]] = {
    "n": ("n", None), "sample": ("n", None), "samples": ("n", None), "k": ("k", None), "r": ("value", "r"),
    "correlation": ("value", "r"), "correlations": ("value", "r"),
    "d": ("value", "d"), "g": ("value", "g"), "or": ("value", "OR"), "i2": ("i2", None), "isquared": ("i2", None),
    "squared": ("i2", None), "heterogeneity": ("i2", None), "bound": ("ci_low", None), "p": ("p", None),
}
_UNIT_FIELDS: dict[str, Field] = {
    "studies": "k", "study": "k", "samples": "k", "sample": "k", "clients": "n", "patients": "n",
    "participants": "n", "people": "n", "trainees": "n", "families": "n", "%": "i2", "percent": "i2",
}
_THRESHOLD = re.compile(
    rf"(?P<cmp>{_COMPARATOR})\s+(?:an?\s+|the\s+)?(?:(?P<pre>[a-z]+)\s*(?:=|of)?\s*)?(?P<num>{_NUMBER})"
    r"\s*(?P<unit>%|percent|studies|study|samples|sample|clients|patients|participants|people|trainees|families)?")
_TRAILING = re.compile(
    rf"(?P<num>{_NUMBER})\s*(?P<unit>%|percent|studies|samples|clients|patients|participants)?\s+or\s+"
    r"(?P<cmp>more|higher|above|greater|larger|fewer|less|lower|below|smaller)\b")
_BETWEEN = re.compile(rf"between\s+(?P<low>{_NUMBER})\s+and\s+(?P<high>{_NUMBER})")
_EQUALS = re.compile(r"\b(?P<pre>r|d|g|or)\s*(?:=|of|was|is|were|came to|at)\s*(?P<num>-?\.\d+|-?\d\.\d+)")


def _number(text: str) -> Decimal | None:
    cleaned = text.replace(",", "").replace("%", "").replace(" ", "")
    if not cleaned or cleaned in ("-", "."):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _is_year(text: str) -> bool:
    """A year (an edition: 'over 2011' is not a threshold)."""
    return bool(re.fullmatch(r"(19|20)\d\d", text.strip()))


def _field(before: str, pre: str | None, unit: str | None, number: Decimal) -> tuple[Field, str | None]:
    """Which statistic a threshold is about: from its unit, the word before, or the number itself."""
    if unit:
        return _UNIT_FIELDS[unit], None
    if re.search(r"d[\s-]?equiv\w*\s*(?:is|was|are|were|of)?\s*$", before):
        return "d_equivalent", None  # "whose d equivalent is above .6": not the metric d
    if re.search(r"(?:starts?|begins?|lower (?:end|limit|bound))\s*(?:at|of|is|was)?\s*$", before):
        return "ci_low", None  # "whose confidence interval starts at .2 or higher"
    if re.search(r"(?:ends?|upper (?:end|limit|bound))\s*(?:at|of|is|was)?\s*$", before):
        return "ci_high", None
    for word in [pre or "", *reversed(re.findall(r"[a-z0-9]+", before)[-4:])]:
        word = word.replace("-", "")
        if word in _FIELD_WORDS:
            field, metric = _FIELD_WORDS[word]
            if word == "bound" and "upper" in before:
                return "ci_high", None
            return field, metric
    if number != number.to_integral_value() or abs(number) < 1:
        return "value", None
    return ("n", None) if number >= 100 else ("k", None)


_SPELLED_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9, "ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_SPELLED = re.compile(rf"\b({'|'.join(_SPELLED_COUNT)})\s+(hundred|thousand)\b", re.IGNORECASE)


_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
_COMPARED_WORD = re.compile(rf"\b(more than|fewer than|less than|over|under|at least|at most|above|below)\s+"
                            rf"({'|'.join(_SMALL)})\b(?!\s+(?:hundred|thousand))", re.IGNORECASE)


def spelled_numbers(text: str) -> str:
    """'more than a thousand clients', 'over ten thousand', 'fewer than five studies': the number in digits."""
    text = _SPELLED.sub(lambda m: str(_SPELLED_COUNT[m[1].lower()] * (100 if m[2].lower() == "hundred" else 1000)),
                        text)
    return _COMPARED_WORD.sub(lambda m: f"{m[1]} {_SMALL[m[2].lower()]}", text)


def thresholds(question: str) -> tuple[list[Threshold], list[tuple[int, int]]]:
    """The numeric constraints a question states, and the character spans they were read from."""
    text = question.lower().replace("i-squared", "i2").replace("i squared", "i2").replace("i²", "i2")
    found: list[Threshold] = []
    spans: list[tuple[int, int]] = []
    for match in _BETWEEN.finditer(text):
        low, high = _number(match["low"]), _number(match["high"])
        if _is_year(match["low"]) and _is_year(match["high"]):
            continue  # "between 2011 and 2018" names editions
        if low is not None and high is not None:
            field, metric = _field(text[:match.start()], None, None, low)
            found.append(Threshold(field, "between", low, high, metric))
            spans.append(match.span())
    for match in _THRESHOLD.finditer(text):
        if any(start <= match.start() < end for start, end in spans):
            continue
        number = _number(match["num"])
        if number is None or _is_year(match["num"]):
            continue
        cmp = match["cmp"]
        op: Op = ">" if cmp in ABOVE else ">=" if cmp in AT_LEAST else "<" if cmp in BELOW else "<="
        unit = "%" if match["num"].endswith("%") else match["unit"]
        field, metric = _field(text[:match.start()], match["pre"], unit, number)
        found.append(Threshold(field, op, number, None, metric))
        spans.append(match.span())
    for match in _TRAILING.finditer(text):
        number = _number(match["num"])
        if number is None or any(start <= match.start() < end for start, end in spans):
            continue
        op = ">=" if match["cmp"] in ("more", "higher", "above", "greater", "larger") else "<="
        unit = "%" if match["num"].endswith("%") else match["unit"]
        field, metric = _field(text[:match.start()], None, unit, number)
        found.append(Threshold(field, op, number, None, metric))
        spans.append(match.span())
    return found, spans


def exact_values(question: str) -> list[tuple[str, Decimal]]:
    """'r of .278', 'd = .79': a metric and a value the question quotes."""
    found = []
    for match in _EQUALS.finditer(question.lower()):
        number = _number(match["num"])
        if number is not None:
            found.append(({"or": "OR"}.get(match["pre"], match["pre"]), number))
    return found


_INTERVAL = re.compile(r"\b(?:ci|interval|confidence interval)\b[^.?!]{0,20}?"
                       r"(?P<low>-?\d?\.\d+)\s*(?:-|–|to|,)\s*(?P<high>-?\d?\.\d+)", re.IGNORECASE)


def quoted_interval(question: str) -> tuple[Decimal, Decimal] | None:
    """'a 95% CI of .20-.33', 'CI .25 to .30': the bounds a question quotes."""
    match = _INTERVAL.search(question.replace("95%", ""))
    if match is None:
        return None
    low, high = _number(match["low"]), _number(match["high"])
    return (low, high) if low is not None and high is not None else None


def count_word(tokens: tuple[str, ...], index: int) -> int | None:
    """A count written as digits or a word at this token position ('3', 'three')."""
    if 0 <= index < len(tokens):
        token = tokens[index]
        if token.isdigit():
            return int(token)
        return ORDINALS.get(token)
    return None


def quoted(question: str) -> list[str]:
    """Words the question puts in quotes ('interpersonal', "expectations")."""
    return [m.group(2).strip() for m in re.finditer(r"(['\"‘“])([^'\"‘’“”]{2,40})(['\"’”])", question)]


def says(question: str, phrases: Iterable[str]) -> bool:
    """Whether the question's own words contain one of these cue phrases (all of them, not only the words no
    concept took: "dropout" is also in an estimate's name)."""
    return FreeWords(tuple(enumerate(words(question)))).has(phrases)


def asks_term(question: str) -> bool:
    """'What's the term for ...', 'name the element where ...', '... - whats that called?'."""
    folded = fold(question)
    return bool(re.search(r"\b(the term|the name|name for|whats that called|what s that called|what is that called|"
                          r"what do you call|what s that|whats that|which term|what term|the word for|"
                          r"what is it called|what s it called|whats it called)\b", folded)) or bool(re.match(
        r"\s*(name the|which|what) (element|customization|customisation|adaptation|term|concept)s? "
        r"(is about|is it|where|when|that|for)\b", folded))
