"""Read statistics as the sources print them: p-values, heterogeneity, numbers inside quotations.

The findings table keeps each figure as printed ("< .001", "Q = 260.84, df = 54, p < .001;
I2 = 79.3%", ".30"); this module turns those cells into numbers and checks that every number
appears in the quotation it is said to come from (PDF copies print the same number as ".30",
"0.30", "1,416", "1.502" or "eighteen").
"""

import re
from dataclasses import dataclass
from decimal import Decimal

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORD = re.compile(
    r"\b(?:(" + "|".join(_TENS[2:]) + r")(?:[- ](" + "|".join(_UNITS[1:10]) + r"))?|(" + "|".join(_UNITS) + r"))\b",
    re.IGNORECASE)
# "14,000", and "1.502" where a PDF copy printed N = 1,502 with a point; never "0.001".
_THOUSANDS = re.compile(r"(?<![\d.])([1-9]\d{0,2})((?:[,.]\d{3})+)(?![\d])")
_RANGE_HYPHEN = re.compile(r"(?<=\d)-(?=\.?\d)")  # ".23-.45" is a range, not a negative number


@dataclass(frozen=True)
class PrintedP:
    """A p-value as printed: its comparator ('<' or '=') and its number."""

    comparator: str
    value: Decimal
    printed: str


@dataclass(frozen=True)
class Heterogeneity:
    """I² (percent) and Cochran's Q with its degrees of freedom and p, as printed; absent parts are None."""

    i_squared: Decimal | None = None
    q: Decimal | None = None
    df: int | None = None
    q_p: PrintedP | None = None


def parse_p(printed: str) -> PrintedP:
    """'< .001' -> ('<', 0.001); '.003' -> ('=', 0.003). One clear error for anything else."""
    match = re.fullmatch(r"\s*(<|=|≤)?\s*(0?\.\d+|[01](?:\.\d+)?)\s*", printed)
    if not match:
        raise ValueError(f"{printed!r} is not a p-value as printed (expected e.g. '< .001' or '.003').")
    comparator = {"≤": "<=", None: "="}.get(match.group(1), match.group(1))
    return PrintedP(comparator, Decimal(match.group(2)), printed.strip())


def parse_heterogeneity(printed: str) -> Heterogeneity:
    """'Q = 260.84, df = 54, p < .001; I2 = 79.3%' -> its numbers."""
    i2 = re.search(r"I\s*(?:2|²)\s*=\s*(\d+(?:\.\d+)?)\s*%", printed)
    q = re.search(r"\bQ\s*=\s*(\d+(?:\.\d+)?)", printed)
    df = re.search(r"\bdf\s*=\s*(\d+)", printed)
    q_p = re.search(r"\bp\s*((?:<|=)\s*0?\.\d+)", printed)
    if not (i2 or q):
        raise ValueError(f"{printed!r} gives neither I2 nor Q.")
    return Heterogeneity(
        i_squared=Decimal(i2.group(1)) if i2 else None,
        q=Decimal(q.group(1)) if q else None,
        df=int(df.group(1)) if df else None,
        q_p=parse_p(q_p.group(1)) if q and q_p else None,
    )


def _words_to_digits(text: str) -> str:
    def digits(match: re.Match[str]) -> str:
        tens, unit, single = match.group(1), match.group(2), match.group(3)
        if single:
            return str(_UNITS.index(single.lower()))
        return str(_TENS.index(tens.lower()) * 10 + (_UNITS.index(unit.lower()) if unit else 0))
    return _NUMBER_WORD.sub(digits, text)


def normalize_quotation(text: str) -> str:
    """A quotation with number words as digits, thousands separators dropped and minus signs plain."""
    text = _RANGE_HYPHEN.sub(" - ", text.replace("−", "-").replace("–", " – "))
    return _THOUSANDS.sub(lambda m: m.group(1) + re.sub(r"[,.]", "", m.group(2)), _words_to_digits(text))


def printed_forms(number: str) -> list[str]:
    """The ways a number cell can be printed: '.30' -> ['.30', '0.30']; '1208' -> ['1208']."""
    text = number.strip().replace(",", "")
    sign, body = ("-", text[1:]) if text.startswith("-") else ("", text)
    forms = {sign + body}
    if body.startswith("0."):
        forms.add(sign + body[1:])
    elif body.startswith("."):
        forms.add(sign + "0" + body)
    return sorted(forms, key=len, reverse=True)


def appears_in(number: str, quotation: str) -> bool:
    """True when the number, in any of its printed forms, stands in the quotation as a whole number."""
    text = normalize_quotation(quotation)
    for form in printed_forms(number):
        # A positive number must not match inside a negative one, nor an integer inside a decimal.
        before = r"(?<![\d.])" if form.startswith("-") else r"(?<![\d.\-])"
        if re.search(before + re.escape(form) + r"(?!\d|\.\d)", text):
            return True
    return False
