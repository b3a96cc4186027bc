"""The parameters in a page's link (``/explore?kinds=...&depth=2``), read and checked in one place.

A link can be typed, edited or shared by anyone, so every value is untrusted. A page declares its
parameters as typed specs; ``read_params`` turns what the browser sent (every value of every name)
into typed values and one sentence per bad parameter: the default is used instead, duplicates are
dropped and unknown values are named. Nothing here raises on what a link contains.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from esrkg.namespaces import shorten
from esrkg.viz import DEFAULT_KINDS, ViewModel

RawParams = Mapping[str, Sequence[str]]
# Streamlit's own parameters (embedding options), which no page declares.
FRAMEWORK_PARAMS = frozenset({"embed", "embed_options"})
MAX_NAMED = 5
MAX_QUOTED_CHARS = 40
EXPLORE_DEPTHS = (1, 4)


def quote(value: str) -> str:
    """A value from a link, shortened and quoted for a sentence (control characters escaped)."""
    return repr(value if len(value) <= MAX_QUOTED_CHARS else value[:MAX_QUOTED_CHARS] + "…")


def _named(values: Sequence[str]) -> str:
    shown = ", ".join(quote(v) for v in values[:MAX_NAMED])
    return shown + (f" and {len(values) - MAX_NAMED} more" if len(values) > MAX_NAMED else "")


def _single(what: str, raw: Sequence[str]) -> tuple[str, str | None]:
    """The first value of a one-value parameter, and a sentence if it came with different ones."""
    distinct = list(dict.fromkeys(raw))
    if len(distinct) > 1:
        return distinct[0], f"The link gives {what} {len(distinct)} times ({_named(distinct)}); using the first."
    return distinct[0], None


class Param(Protocol):
    """One parameter of a page's link: its name and how to read its values."""

    @property
    def name(self) -> str:
        """The parameter's name in the link."""

    @property
    def default(self) -> object:
        """The value used when the link does not give one, or gives a bad one."""

    def read(self, raw: Sequence[str]) -> tuple[object, str | None]:
        """The value for the page and a sentence saying what was wrong (None when nothing was)."""


@dataclass(frozen=True)
class Choices:
    """A comma-separated list of known values (``kinds=A,B``); each link value maps to a page value."""

    name: str
    what: str
    allowed: Mapping[str, str]
    default: tuple[str, ...] = ()
    default_label: str = "the default"

    def read(self, raw: Sequence[str]) -> tuple[tuple[str, ...], str | None]:
        """The known values in order, without duplicates; the unknown ones named in the sentence."""
        given = list(dict.fromkeys(v.strip() for value in raw for v in value.split(",") if v.strip()))
        known = tuple(self.allowed[v] for v in given if v in self.allowed)
        unknown = [v for v in given if v not in self.allowed]
        if not unknown:
            return known or self.default, None
        outcome = "they are left out" if known else f"showing {self.default_label} instead"
        return known or self.default, (f"The link names {self.what} the graph does not have: {_named(unknown)}; "
                                       f"{outcome}.")


@dataclass(frozen=True)
class Choice:
    """One known value (``focus=empathy``)."""

    name: str
    what: str
    allowed: Mapping[str, str]
    default: str = ""
    default_label: str = "none"

    def read(self, raw: Sequence[str]) -> tuple[str, str | None]:
        """The page value of the first link value; the default if it is unknown."""
        value, problem = _single(self.what, raw)
        if not value.strip():
            return self.default, problem
        if value not in self.allowed:
            return self.default, (f"The link's {self.what} {quote(value)} is not in the graph; "
                                  f"showing {self.default_label}.")
        return self.allowed[value], problem


@dataclass(frozen=True)
class Whole:
    """A whole number in a range (``depth=2``)."""

    name: str
    what: str
    low: int
    high: int
    default: int

    def read(self, raw: Sequence[str]) -> tuple[int, str | None]:
        """The number if it is written in plain digits and in range, else the default."""
        value, problem = _single(self.what, raw)
        text = value.strip()
        # Checked as text first: int() would take '1_0' or 5,000 digits (and refuse more with an error).
        if text.isascii() and text.isdigit() and len(text) <= len(str(self.high)) and \
                self.low <= int(text) <= self.high:
            return int(text), problem
        if not text:
            return self.default, problem
        return self.default, (f"The link's {self.what} must be a whole number from {self.low} to {self.high}, "
                              f"not {quote(value)}; showing {self.default}.")


@dataclass(frozen=True)
class Switch:
    """On or off (``physics=0``)."""

    name: str
    what: str
    default: bool
    words: Mapping[str, bool] = field(default_factory=lambda: {"1": True, "0": False, "true": True, "false": False,
                                                               "on": True, "off": False})

    def read(self, raw: Sequence[str]) -> tuple[bool, str | None]:
        """True or False from 1/0 (true/false, on/off), else the default."""
        value, problem = _single(self.what, raw)
        if value.strip().lower() in self.words:
            return self.words[value.strip().lower()], problem
        state = "on" if self.default else "off"
        return self.default, f"The link's {self.what} must be 1 (on) or 0 (off), not {quote(value)}; it stays {state}."


@dataclass(frozen=True)
class Text:
    """Free text of bounded length (a search, a query)."""

    name: str
    what: str
    max_chars: int
    default: str = ""

    def read(self, raw: Sequence[str]) -> tuple[str, str | None]:
        """The text if it is short enough and has no NUL, else the default."""
        value, problem = _single(self.what, raw)
        if len(value) > self.max_chars or "\x00" in value:
            return self.default, (f"The link's {self.what} is {len(value)} characters long or contains a NUL; "
                                  f"the most is {self.max_chars} characters, so it is left out.")
        return value, problem


@dataclass(frozen=True)
class PageParams:
    """The values read from a link, by parameter name, and what was wrong with it."""

    values: Mapping[str, object]
    problems: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """Every problem, one sentence each; '' when the link was fine."""
        return " ".join(self.problems)

    def __getitem__(self, name: str) -> object:
        return self.values[name]


def read_params(spec: Sequence[Param], raw: RawParams) -> PageParams:
    """Typed values for every parameter of ``spec`` from a link's parameters, defaults where bad or absent."""
    values: dict[str, object] = {}
    problems: list[str] = []
    for param in spec:
        given = [v for v in raw.get(param.name, ()) if isinstance(v, str)]
        value, problem = param.read(given) if given else (param.default, None)
        values[param.name] = value
        if problem:
            problems.append(problem)
    unused = [name for name in raw if name not in values and name not in FRAMEWORK_PARAMS]
    if unused:
        problems.append(f"This page does not use {_named(unused)} in its link; "
                        f"{'it is' if len(unused) == 1 else 'they are'} ignored.")
    return PageParams(values, tuple(problems))


def link_name(iri: str) -> str:
    """How a term appears in a link: its esr: local name (other IRIs shortened by their prefix)."""
    return shorten(iri).removeprefix("esr:")


def explore_params(model: ViewModel) -> tuple[Param, ...]:
    """Explore: the kinds, levels and editions to show, the term to focus on, the depth, physics."""
    kinds = {kind: kind for kind, _ in model.kinds()}
    return (
        Choices("kinds", "kinds of node", kinds, tuple(k for k in DEFAULT_KINDS if k in kinds), "the default kinds"),
        Choices("levels", "evidence levels", {link_name(n.iri): n.iri for n in model.nodes_of("EvidenceLevel")},
                default_label="every level"),
        Choices("editions", "editions", {link_name(n.iri): n.iri for n in model.nodes_of("Edition")},
                default_label="every edition"),
        Choice("focus", "term to focus on", {link_name(iri): iri for iri in model.nodes}, default_label="no focus"),
        Whole("depth", "neighbourhood depth", *EXPLORE_DEPTHS, default=1),
        Switch("physics", "physics setting", default=False),
    )


MAP_VIEWS = ("items", "for-whom")


def evidence_map_params(items: Sequence[str]) -> tuple[Param, ...]:
    """Evidence map: the view (by item, or for whom) and the item whose card is open."""
    return (
        Choice("view", "view", {view: view for view in MAP_VIEWS}, MAP_VIEWS[0], "the map by item"),
        Choice("item", "item", {link_name(iri): iri for iri in items}, default_label="no card"),
    )


MAX_QUERY_CHARS = 20_000


def sparql_params() -> tuple[Param, ...]:
    """SPARQL: the query text, so that a link can share it (the runner checks it when it runs)."""
    return (Text("query", "query", MAX_QUERY_CHARS),)
