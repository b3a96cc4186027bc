"""Entity linking: find the graph's concepts named in a free-text question, and where.

Names come from the graph (labels, synonyms, glossary headings, esrkg's search terms; the
``labels`` query). Matching ignores case, punctuation, simple plurals, word order and small typos:
each question word is corrected to the nearest word of the vocabulary when it is close enough,
then a concept matches when all the content words of one of its names appear in the question.
Longer names win, and each word of the question is used by one concept only; the words no concept
used stay, in order, for the reader to interpret.
"""

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from esrkg.kinds import is_item_kind

STOPWORDS = frozenset(
    [
        "a", "an", "and", "are", "as", "at", "be", "by", "did", "do", "does", "for", "from", "had",
        "has", "have", "how", "i", "in", "is", "it", "its", "me", "of", "on", "or", "our", "per",
        "s", "than", "that", "the", "their", "them", "there", "these", "those", "they", "this",
        "to", "was", "were", "what", "whats", "which", "who", "whom", "why", "will", "with",
        "would", "you", "your"
    ]
)
MIN_FUZZY_LENGTH = 5  # shorter words must be spelled right: too many near neighbours
FUZZY_CUTOFF = 0.6  # a loose first cut: the edit distance decides
# British spellings people type, and the American ones the sources use.
SPELLING = {"behaviour": "behavior", "behaviours": "behaviors", "behavioural": "behavioral", "favour": "favor",
            "colour": "color", "organised": "organized", "customise": "customize", "customising": "customizing",
            "customisation": "customization", "analyse": "analyze"}


def fold(text: str) -> str:
    """Lowercase ASCII-ish text with punctuation turned into spaces."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text)


def stem(word: str) -> str:
    """A crude singular: enough to make 'elements', 'therapies' and 'styles' match their labels."""
    word = SPELLING.get(word, word)
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
    """A concept found in a question, with the name it matched and the question words it used."""

    concept: Concept
    name: str
    used: frozenset[str]
    positions: tuple[int, ...] = ()
    alternates: tuple[Concept, ...] = ()  # other concepts with a name made of the same words ("therapists")

    @property
    def start(self) -> int:
        """The position of its first word in the question."""
        return min(self.positions) if self.positions else -1


@dataclass(frozen=True)
class LinkedQuestion:
    """A question's words (corrected), the concepts it names, and the words no concept used."""

    tokens: tuple[str, ...]
    mentions: tuple[Mention, ...]
    free: tuple[tuple[int, str], ...]  # (position, word) of words no concept used

    def free_text(self) -> str:
        """The unused words, in order, padded with spaces for phrase matching."""
        return " " + " ".join(word for _, word in self.free) + " "


@dataclass(frozen=True)
class LabelIndex:
    """Every name of every concept, and the vocabulary to correct typos against."""

    names: tuple[tuple[frozenset[str], str, Concept], ...]
    vocabulary: frozenset[str]  # stemmed words of every name and cue
    surface: frozenset[str] = frozenset()  # names' words as written (typos are corrected before stemming)
    dictionary: frozenset[str] = frozenset()  # other correctly spelled words: never corrected
    cue_surface: frozenset[str] = frozenset()  # the lexicon's words: corrected to within one edit only
    cue_words: frozenset[str] = frozenset()  # the lexicon's words, stemmed, also those that are in names

    def correct(self, word: str) -> str:
        """The stemmed word, or the stemmed vocabulary word it is a small typo (or a variant) of."""
        return stem(self.correct_surface(word))

    def correct_surface(self, word: str) -> str:
        """The word as written, or the name or cue word it is a small typo or a variant of."""
        if stem(word) in self.vocabulary or word.isdigit() or word in self.dictionary:
            return word
        if len(word) < MIN_FUZZY_LENGTH:
            # Short words have too many near neighbours; only two swapped letters are safe ("teir").
            swapped = _swapped(word, self.surface | self.cue_surface) if len(word) == 4 else word
            return swapped if stem(swapped) in self.vocabulary else word
        closest = _closest(word, self.surface or self.vocabulary)
        if closest == word:
            closest = _variant(word, self.surface)
        if closest == word and self.cue_surface:
            closest = _closest(word, self.cue_surface, 1 if len(word) < 9 else 2)
        return closest if stem(closest) in self.vocabulary else word

    def link(self, question: str) -> LinkedQuestion:
        """The concepts named in a question, longest names first, each word used once."""
        tokens = tuple(self.correct(w) for w in fold(question).split())
        places: dict[str, list[int]] = {}
        for position, token in enumerate(tokens):
            if token not in STOPWORDS:
                places.setdefault(token, []).append(position)
        candidates = [(len(need), name, concept, need) for need, name, concept in self.names
                      if need and all(word in places for word in need)]
        # Longest names first; on a tie the characteristic wins over the adaptation named after it
        # ("Preferences"): its scope (esr:within) includes the adaptation's evidence. The IRI last: a
        # fixed order whatever order the store returned the names in.
        candidates.sort(key=lambda c: (-c[0], c[1], c[2].kind != "ClientCharacteristic", c[2].iri))
        used: set[int] = set()
        mentions: list[Mention] = []
        for _, name, concept, need in candidates:
            if any(m.concept == concept for m in mentions):
                continue
            order = [w for w in words(name) if w in need]
            positions = _compact([[p for p in places[word] if p not in used] for word in order], tokens)
            if positions is None:
                continue
            used.update(positions)
            alternates = tuple(dict.fromkeys(c for _, _, c, other in candidates if other == need and c != concept))
            mentions.append(Mention(concept, name, need, positions, alternates))
        mentions += self._rare_words(tokens, used, mentions)
        free = tuple((p, t) for p, t in enumerate(tokens) if p not in used)
        return LinkedQuestion(tokens, tuple(mentions), free)

    def _rare_words(self, tokens: tuple[str, ...], used: set[int], mentions: list[Mention]) -> list[Mention]:
        """A word found in the names of a single item ("sociotropic") names it, though the rest of the name
        is missing; positions are added to ``used``."""
        found: list[Mention] = []
        for position, token in enumerate(tokens):
            if position in used or len(token) < 8 or token in self.cue_words:
                continue
            owners = {concept for need, _, concept in self.names if token in need}
            items = {c for c in owners if is_item_kind(c.kind)}
            kinds = sorted(c.kind for c in items)
            # One item, or an adaptation and the characteristic it is tailored to: the adaptation.
            if owners == items and (len(items) == 1 or kinds == ["Adaptation", "ClientCharacteristic"]) \
                    and not any(m.concept in items for m in mentions):
                concept = min(items, key=lambda c: c.kind != "Adaptation")
                used.add(position)
                found.append(Mention(concept, token, frozenset({token}), (position,)))
        return found

    def find(self, question: str) -> list[Mention]:
        """The concepts named in a question, longest names first, each word used once."""
        return list(self.link(question).mentions)


SEPARATORS = frozenset({"or", "vs", "versus", "than", "compared", "nor"})


def _compact(occurrences: list[list[int]], tokens: Sequence[str]) -> tuple[int, ...] | None:
    """One position per word of a name, close together (a name's words may come in any order, with a
    couple of other words between them, but not scattered over the question nor across an "or")."""
    if any(not places for places in occurrences):
        return None
    best: tuple[int, ...] | None = None
    for anchor in occurrences[0]:
        chosen = [anchor] + [min(places, key=lambda p: abs(p - anchor)) for places in occurrences[1:]]
        if len(set(chosen)) < len(chosen):
            continue
        span = max(chosen) - min(chosen)
        if SEPARATORS & set(tokens[min(chosen):max(chosen)]):
            continue
        # In the name's order with a few words between ("alliance in the individual therapy"), or
        # side by side in another order ("style coping"), not reversed across other words.
        in_order = chosen == sorted(chosen)
        if not ((in_order and span <= len(chosen) + 2) or span == len(chosen) - 1):
            continue
        if best is None or span < max(best) - min(best):
            best = tuple(sorted(chosen))
    return best


def _variant(word: str, names: frozenset[str]) -> str:
    """A name word the word shares its stem with ('prefer' -> 'preferences', 'religiously' ->
    'religion'): a common start of at least six letters, all but two of the shorter word."""
    if len(word) < 6:
        return word
    best, best_length = word, 0
    for name in names:
        length = _common_start(word, name)
        if length >= 6 and length >= min(len(word), len(name)) - 2 and length > best_length:
            best, best_length = name, length
    return best


def _common_start(first: str, second: str) -> int:
    """How many letters two words share at their start."""
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


def loosely_same(word: str, defined: str) -> bool:
    """The same word in another form: equal, one inside the other (5+ letters: 'defensive' in
    'nondefensively', 'tending' in 'attending'), or sharing their first six letters ('accepting', 'acceptance')."""
    if word == defined:
        return True
    shorter, longer = sorted((word, defined), key=len)
    return (len(shorter) >= 5 and shorter in longer) or (len(shorter) >= 6 and shorter[:6] == longer[:6]) or (
        len(shorter) >= 4 and longer.startswith(shorter))


def edit_distance(first: str, second: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps."""
    rows = [list(range(len(second) + 1))]
    for i, a in enumerate(first, start=1):
        row = [i]
        for j, b in enumerate(second, start=1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


def _swapped(word: str, vocabulary: frozenset[str]) -> str:
    """The vocabulary word that is this word with two adjacent letters swapped, else the word itself."""
    for i in range(len(word) - 1):
        candidate = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if candidate != word and candidate in vocabulary:
            return candidate
    return word


@lru_cache(maxsize=8192)
def _closest(word: str, vocabulary: frozenset[str], most: int = 2) -> str:
    """The nearest vocabulary word within one edit (two for words of 8+ letters), else the word itself."""
    allowed = min(most, 1 if len(word) < 10 else 2)
    for candidate in difflib.get_close_matches(word, vocabulary, n=5, cutoff=FUZZY_CUTOFF):
        if edit_distance(word, candidate) <= allowed:
            return candidate
    return word


def build_index(rows: Iterable[Mapping[str, object]], extra_vocabulary: Sequence[str] = (),
                dictionary: Sequence[str] = ()) -> LabelIndex:
    """An index over concepts' names: rows of (node, kind, name, label), as the ``labels`` query gives them."""
    rows = list(rows)
    names = []
    for row in rows:
        kind = str(row["kind"]).rsplit("/", 1)[-1]
        concept = Concept(str(row["node"]), kind, str(row["label"]))
        names.append((content_words(str(row["name"])), str(row["name"]), concept))
    surface = frozenset(w for row in rows for w in fold(str(row["name"])).split() if w not in STOPWORDS)
    lexicon = frozenset(w for text_ in extra_vocabulary for w in fold(text_).split() if w not in STOPWORDS)
    cues = lexicon - surface
    vocabulary = frozenset(stem(w) for w in surface | cues)
    return LabelIndex(tuple(names), vocabulary, surface, frozenset(dictionary) - surface - cues, cues,
                      frozenset(stem(w) for w in lexicon))
