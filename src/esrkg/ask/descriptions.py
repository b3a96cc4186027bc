"""Which glossary term a question describes by its definition's words, when it names no item:
"easily provoked by external demands" is Resistance; asked for a term ("what's the term for whatever
keeps members coming back to a group?"), looser forms of the words count too."""

from collections import Counter
from collections.abc import Iterable

from esrkg.ask.context import GlossaryEntry
from esrkg.ask.lexicon import DOMAIN_WORDS
from esrkg.linking import STOPWORDS, content_words, edit_distance, loosely_same


class DescriptionMatcher:
    """The glossary's definitions as words, matched against a question's free words."""

    def __init__(self, glossary: Iterable[GlossaryEntry], cue_words: frozenset[str]) -> None:
        self.definition_words = [(entry, content_words(entry.definition)) for entry in glossary]
        self.cue_words = cue_words

    def match(self, tokens: tuple[str, ...], asks_term: bool = False) -> tuple[GlossaryEntry | None, frozenset[str]]:
        """The glossary term a question describes by its definition's words ('easily provoked by...').

        A definition matches when the question uses half of its words, or when most of the question's
        own content words (those that are not cue or domain words) are rare words of that definition
        ('defined as a self-definitional style'); a word one edit from a definition's word counts."""
        asked = frozenset(t for t in tokens if t not in STOPWORDS)
        content = frozenset(t for t in asked if t not in self.cue_words and t not in DOMAIN_WORDS)
        best: tuple[float, GlossaryEntry | None, frozenset[str]] = (0.0, None, frozenset())
        for entry, defined in self.definition_words:
            shared = frozenset(t for t in asked if t in defined or (
                len(t) >= 6 and any(len(d) >= 6 and edit_distance(t, d) <= 1 for d in defined)))
            covered = shared & content
            rare = [t for t in covered if self._definition_count(t) <= 2]
            score = len(shared) / max(len(defined), 1)
            coverage = len(covered) / len(content) if content else 0.0
            if len(shared) >= 3 and score >= 0.5 and score > best[0]:
                best = (score, entry, shared)
            elif len(rare) >= 2 and coverage >= 0.6 and coverage > best[0]:
                best = (coverage, entry, shared)
        if best[1] is None and asks_term:
            # Asked for a term, every word of the description counts ("adjusts", "attends" are cue words too).
            return self._described(frozenset(t for t in asked if t not in DOMAIN_WORDS))
        return best[1], best[2]

    def _described(self, content: frozenset[str]) -> tuple[GlossaryEntry | None, frozenset[str]]:
        """'What's the term for whatever keeps members coming back to a therapy group?': asked for a term,
        the definition sharing the rarest words with the description, in looser forms ('defensive' for
        'nondefensively', 'accepting' for 'acceptance'), when it clearly beats the others."""
        matches = [(entry, frozenset(t for t in content if any(loosely_same(t, d) for d in defined)))
                   for entry, defined in self.definition_words]
        # A word's weight: one over the number of definitions it matches (read off the matches themselves).
        in_definitions = Counter(t for _, shared in matches for t in shared)
        scored = [(sum(1 / in_definitions[t] for t in shared), entry, shared) for entry, shared in matches]
        scored.sort(key=lambda s: -s[0])
        top, second = scored[0][0], scored[1][0] if len(scored) > 1 else 0.0
        # One shared word wins only alone; several must clearly beat the next definition.
        if top < 1 or top < 1.2 * second or (len(scored[0][2]) < 2 and second > 0):
            return None, frozenset()
        return scored[0][1], scored[0][2]

    def _definition_count(self, word: str) -> int:
        """In how many glossary definitions a word occurs."""
        return sum(word in defined for _, defined in self.definition_words)
