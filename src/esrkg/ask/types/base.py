"""What a question type is, and what every type shares: editions, levels and the estimate fragment.

A question type declares the frames it answers (``accepts``), composes its SPARQL from a frame
(``compose``), words the rows (``word``) and lists example questions; the registry in
:mod:`esrkg.ask.types` routes a frame to the first type that accepts it.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib.term import Identifier

from esrkg import queries
from esrkg.ask.context import AskContext, EditionInfo
from esrkg.ask.frame import Frame, LevelConstraint
from esrkg.ask.result import Answer
from esrkg.ask.sparql_builder import Select, iri, text

Row = dict[str, Any]


@dataclass(frozen=True)
class CatalogueCall:
    """A catalogue query with its parameters bound (the SPARQL shown carries them in VALUES)."""

    query_id: str
    bindings: Mapping[str, Identifier]

    def text(self) -> str:
        """The catalogue query's text with its bindings as a VALUES block."""
        return queries.with_values(queries.get(self.query_id).text, self.bindings)


@dataclass(frozen=True)
class Composed:
    """A frame turned into a query, the sentence saying how it was read, and what the graph lacks."""

    select: "Select | CatalogueCall | None"
    reading: str
    missing: str = ""  # a sentence: what the graph does not hold for this question
    closest: "Select | CatalogueCall | None" = None  # the closest facts, shown when the answer is missing
    facts: dict[str, Any] = field(default_factory=dict)  # what wording needs beyond the rows
    partial: bool = False  # the reading had to guess or drop part of the question


@dataclass(frozen=True)
class Worded:
    """The answer's sentence and rows."""

    text: str
    answers: Sequence[Answer]


@dataclass(frozen=True)
class QuestionType:
    """A kind of question: which frames it answers, its query, how its answer is worded, its examples."""

    name: str
    title: str
    accepts: Callable[[Frame], bool]
    compose: Callable[[Frame, AskContext], Composed]
    word: Callable[[Frame, list[Row], Composed], Worded]
    examples: tuple[str, ...]


# --- editions -----------------------------------------------------------------------------------

def named_editions(frame: Frame, context: AskContext) -> list[EditionInfo]:
    """The editions the question names, in order."""
    return [e for e in (context.edition(i) for i in frame.editions) if e is not None]


def edition_note(frame: Frame, context: AskContext, chosen: Sequence[EditionInfo], default: str) -> str:
    """'in TF2-2011', or which editions were assumed when the question names none."""
    ids = " and ".join(e.id for e in chosen)
    if frame.editions:
        return f"in {ids}" if ids else ""
    return f"in {ids} ({default})" if ids else ""


def editions_with(context: AskContext, what: str) -> list[EditionInfo]:
    """Editions for which the graph holds verdicts or estimates."""
    return [e for e in context.editions if getattr(e, f"has_{what}")]


# --- levels -------------------------------------------------------------------------------------

def levels_on(constraint: LevelConstraint, edition: EditionInfo) -> list[str]:
    """The levels of an edition's scale that a level constraint means there (its complement if negated)."""
    labels = {level: label.lower() for level, label in edition.levels}
    if constraint.level in labels and constraint.cue != "promising":
        chosen = [constraint.level]
    elif constraint.cue == "top":
        chosen = [edition.levels[0][0]] if edition.levels else []
    elif constraint.cue == "probably":
        chosen = [lv for lv, label in labels.items() if "probably" in label]
    elif constraint.cue == "promising":
        chosen = [lv for lv, label in labels.items() if "promising" in label]
    elif constraint.cue == "insufficient":
        chosen = [lv for lv, label in labels.items() if "insufficient" in label]
    elif constraint.cue == "bottom":
        chosen = [edition.levels[-1][0]] if edition.levels else []
    elif constraint.cue == "promising-insufficient":
        chosen = [lv for lv, label in labels.items() if "promising" in label and "insufficient" in label]
    else:
        chosen = []
    if constraint.or_better and chosen:
        # The scale lists its levels strongest first: this level and every one before it.
        order = [lv for lv, _ in edition.levels]
        chosen = order[:max(order.index(lv) for lv in chosen) + 1]
    if constraint.below and chosen:
        order = [lv for lv, _ in edition.levels]
        return order[max(order.index(lv) for lv in chosen) + 1:]
    if constraint.negated:
        return [lv for lv in labels if lv not in chosen]
    return chosen


def level_label(context: AskContext, level: str) -> str:
    """A level's label."""
    for edition in context.editions:
        for candidate, label in edition.levels:
            if candidate == level:
                return label
    return level.rsplit("/", 1)[-1]


# --- the estimate fragment ---------------------------------------------------------------------

ESTIMATE_COLUMNS = ["estimate", "subject", "subjectLabel", "editionId", "year", "estimates", "estimandLabel",
                    "metric", "value", "printedValue", "qualitative"]

# Optional statistics: the variables each adds, and its pattern.
STATISTIC_PATTERNS: dict[str, tuple[list[str], str]] = {
    "ci": (["ciLow", "ciHigh", "ciLabel"],
           "?estimate esr:confidenceInterval ?ci . ?ci esr:lowerLimit ?ciLow ; esr:upperLimit ?ciHigh ; "
           "rdfs:label ?ciLabel"),
    "p": (["p", "pComparator", "pLabel"],
          "?estimate esr:pValue ?pNode . ?pNode esr:numericValue ?p ; esr:comparator ?pComparator ; "
          "rdfs:label ?pLabel"),
    "k": (["k", "kUnit"], "?estimate esr:studyCount ?k . OPTIONAL { ?estimate esr:studyUnit ?kUnit }"),
    "n": (["n", "nMoreThan", "nBoundWording", "nUnit"],
          # Shown where the estimate has it: an exact N, a bound, or only the parts a source gives instead of
          # a total ("2,568 families and 1,545 couples"); asked for, only an N or a bound is one (below).
          "{ ?estimate esr:sampleSize ?n } UNION { ?estimate esr:sampleSizeLowerBound ?nMoreThan ; "
          "esr:sampleSizeBoundWording ?nBoundWording } UNION { ?estimate esr:sampleUnit ?nUnit "
          "FILTER NOT EXISTS { ?estimate esr:sampleSize|esr:sampleSizeLowerBound ?anyN } } "
          "OPTIONAL { ?estimate esr:sampleUnit ?nUnit }"),
    "d_equivalent": (["dEquivalent", "dEquivalentLabel"],
                     "?estimate esr:dEquivalent ?dNode . ?dNode esr:numericValue ?dEquivalent ; "
                     "rdfs:label ?dEquivalentLabel"),
    "heterogeneity": (["heterogeneityLabel", "heterogeneityValue", "heterogeneityKind"],
                      "?estimate esr:heterogeneity ?hNode . ?hNode esr:numericValue ?heterogeneityValue ; "
                      "rdfs:label ?heterogeneityLabel ; a ?heterogeneityKind . "
                      "FILTER (?heterogeneityKind IN (obo:STATO_0000420, obo:STATO_0000419))"),
    "doi": (["doi", "citation", "sourceLabel"],
            "?estimate dcterms:source ?source . ?source rdfs:label ?sourceLabel . "
            "OPTIONAL { ?source dcterms:bibliographicCitation ?citation } OPTIONAL { ?source bibo:doi ?doi }"),
    "direction": (["directionLabel", "event"],
                  "?estimate esr:favourableDirection/rdfs:label ?directionLabel . "
                  "OPTIONAL { ?estimate esr:event ?event }"),
}


# Where the optional pattern nests an OPTIONAL around the statistic itself, the pattern that requires it.
REQUIRED_PATTERNS = {
    "n": "{ ?estimate esr:sampleSize ?n } UNION { ?estimate esr:sampleSizeLowerBound ?nMoreThan ; "
         "esr:sampleSizeBoundWording ?nBoundWording } OPTIONAL { ?estimate esr:sampleUnit ?nUnit }",
    "doi": "?estimate dcterms:source ?source . ?source rdfs:label ?sourceLabel ; bibo:doi ?doi . "
           "OPTIONAL { ?source dcterms:bibliographicCitation ?citation }",
}


def bind_metrics(select: Select, metrics: Sequence[str]) -> Select:
    """Only estimates in these metrics (required: a VALUES on an OPTIONAL variable filters nothing)."""
    select.where("?estimate esr:metric ?metric .")
    return select.bind_one("metric", *(text(m) for m in metrics))


def estimate_select(statistics: Sequence[str], *, required: Sequence[str] = (), scoped: bool = True) -> Select:
    """Estimates with the statistics asked for: required ones as patterns, the others optional.

    With ``scoped``, ``?item`` is the item asked about and ``?subject`` ranges over the items within it.
    """
    select = Select(list(ESTIMATE_COLUMNS))
    if scoped:
        select.variables.append("item")  # which named item the estimate counts for
        select.where("?subject esr:within ?item .")
    select.where(
        "?estimate a esr:EffectSizeEstimate ; esr:about ?subject ; esr:edition ?edition ; esr:estimates ?estimates ;",
        "          esr:estimand/rdfs:label ?estimandLabel .",
        "?subject rdfs:label ?subjectLabel .",
        "?edition dcterms:identifier ?editionId ; esr:year ?year .",
    )
    select.optional("?estimate esr:metric ?metric ; esr:value ?value ; esr:printedValue ?printedValue",
                    "?estimate esr:qualitative ?qualitative")
    for statistic in dict.fromkeys([*required, *statistics]):
        if statistic not in STATISTIC_PATTERNS:
            continue
        columns, pattern = STATISTIC_PATTERNS[statistic]
        select.variables.extend(c for c in columns if c not in select.variables)
        if statistic in required:
            select.where(REQUIRED_PATTERNS.get(statistic, pattern) + " .")
        else:
            select.optional(pattern)
    select.order("?year", "?subjectLabel", "?estimate")
    return select


def bind_items(select: Select, frame: Frame) -> Select:
    """Bind ?item to the items the question names."""
    return select.bind_one("item", *(iri(item.iri) for item in frame.items))


def bind_editions(select: Select, editions: Sequence[EditionInfo]) -> Select:
    """Bind ?edition to these editions."""
    return select.bind_one("edition", *(iri(e.iri) for e in editions))


def item_names(frame: Frame) -> str:
    """'Empathy' or 'Empathy and Cohesion in group therapy'."""
    labels = [item.label for item in frame.items]
    return " and ".join(labels) if labels else "the items"


def join(labels: Sequence[str], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (duplicates dropped); 'a or b' with ``word="or"``."""
    unique = list(dict.fromkeys(labels))
    if len(unique) <= 1:
        return "".join(unique)
    return ", ".join(unique[:-1]) + f" {word} " + unique[-1]
