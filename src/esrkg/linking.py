"""Entity linking: find the graph's concepts named in a free-text question.

Labels and synonyms come from the graph (the ``labels`` query). Matching ignores case, punctuation,
simple plurals, word order and small typos: each question word is corrected to the nearest word
of the vocabulary when it is close enough, then a concept matches when all the content words of
one of its names appear in the question. Longer names win, and a word is used by one concept only.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph

from esrkg import queries

STOPWORDS = frozenset(
    [
        "a", "an", "and", "are", "as", "at", "be", "by", "did", "do", "does", "for", "from", "had",
        "has", "have", "how", "i", "in", "is", "it", "its", "me", "of", "on", "or", "our", "per",
        "s", "than", "that", "the", "their", "them", "there", "these", "they", "this", "those",
        "to", "was", "were", "what", "whats", "which", "who", "whom", "why", "will", "with",
        "would", "you", "your"
    ]
)
MIN_FUZZY_LENGTH = 5  # shorter words must be spelled right: too many near neighbours
FUZZY_CUTOFF = 0.8


def fold(text: str) -> str:
    """Lowercase ASCII-ish text with punctuation turned into spaces."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text)


def stem(word: str) -> str:
    """A crude singular: enough to make 'elements', 'therapies' and 'styles' match their labels."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """Stemmed words of a text, stopwords kept (intent detection needs some of them)."""
    return [stem(w) for w in fold(text).split()]


def content_words(text: str) -> frozenset[str]:
    """Stemmed words minus stopwords: what a name must share with a question."""
    return frozenset(w for w in words(text) if w not in STOPWORDS)


@dataclass(frozen=True)
class Concept:
    """A concept a question can name."""

    iri: str
    kind: str  # local name of its class, e.g. "RelationshipElement"
    label: str


@dataclass(frozen=True)
class Mention:
    """A concept found in a question, with the question words it used."""

    concept: Concept
    name: str
    used: frozenset[str]


@dataclass(frozen=True)
class LabelIndex:
    """Every name of every concept, and the vocabulary to correct typos against."""

    names: tuple[tuple[frozenset[str], str, Concept], ...]
    vocabulary: frozenset[str]

    def correct(self, word: str) -> str:
        """The word, or the vocabulary word it is a small typo of."""
        if word in self.vocabulary or len(word) < MIN_FUZZY_LENGTH or word.isdigit():
            return word
        return _closest(word, self.vocabulary)

    def find(self, question: str) -> list[Mention]:
        """The concepts named in a question, longest names first, each word used once."""
        tokens = {self.correct(w) for w in words(question) if w not in STOPWORDS}
        candidates = [(len(need), name, concept, need) for need, name, concept in self.names if need and need <= tokens]
        # Longest names first; on a tie the characteristic wins over the adaptation named after it
        # ("Preferences"): its scope (esr:within) includes the adaptation's evidence.
        candidates.sort(key=lambda c: (-c[0], c[1], c[2].kind != "ClientCharacteristic"))
        used: set[str] = set()
        mentions: list[Mention] = []
        for _, name, concept, need in candidates:
            if need & used or any(m.concept == concept for m in mentions):
                continue
            used |= need
            mentions.append(Mention(concept, name, need))
        return mentions


def edit_distance(first: str, second: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        current = [i]
        for j, b in enumerate(second, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


@lru_cache(maxsize=4096)
def _closest(word: str, vocabulary: frozenset[str]) -> str:
    """The nearest vocabulary word within one edit (two for words of 8+ letters), else the word itself."""
    allowed = 1 if len(word) < 8 else 2
    for candidate in difflib.get_close_matches(word, vocabulary, n=3, cutoff=FUZZY_CUTOFF):
        if edit_distance(word, candidate) <= allowed:
            return candidate
    return word


def build_index(graph: Graph, extra_vocabulary: frozenset[str] = frozenset()) -> LabelIndex:
    """Read every concept's names from the graph."""
    names = []
    for row in queries.rows(graph, "labels"):
        kind = str(row["kind"]).rsplit("/", 1)[-1]
        concept = Concept(str(row["node"]), kind, str(row["label"]))
        names.append((content_words(str(row["name"])), str(row["name"]), concept))
    vocabulary = frozenset(w for need, _, _ in names for w in need) | extra_vocabulary
    return LabelIndex(tuple(names), vocabulary)
