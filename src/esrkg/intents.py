"""Read a question: its words (typos corrected), the concepts it names, and the intents its words signal.

An intent is signalled by a word outside the names of the concepts found ("change" in "stages of
change" names the concept, it does not ask how a verdict changed).
"""

from dataclasses import dataclass

from esrkg.linking import LabelIndex, Mention, fold, stem, words
from esrkg.namespaces import ITEM_KINDS

NAMED_THINGS = ("AllianceComponent", "ObservationalPerspective", "StageOfChange", "AssimilationStage", "Audience")

# Intent words, stemmed. A question triggers an intent when it contains one of them.
INTENTS: dict[str, frozenset[str]] = {k: frozenset(stem(w) for w in v.split()) for k, v in {
    "define": "mean meaning means define definition defined explain describe",
    "mention": "mention mentions mentioning refer refers contain contains",
    "recommend": "recommend recommendation recommendations advice advise guidance should",
    "perspective": "perspective perspectives viewpoint viewpoints rater raters observer",
    "change": "change changed changes evolve evolved upgraded downgraded shift over",
    "count": "many number count",
    "source": "source sources come comes cite cited citation reference references published publication origin "
              "wrote written author authors",
    "stages": "stage stages step steps sequence phase phases",
    "component": "component components consist consists made dimension dimensions measured",
    "tailor": "respond responds tailored tailor target targets addresses aimed",
    "adapt": "adaptation adaptations adapt adapted customize customizing customization customise match matching",
    "format": "apply applies",
    "effect": "effect size correlation correlations meta analysis magnitude estimate estimates large strong",
    "evidence": "evidence level verdict effective effectiveness supported support work works rated rating "
                "category status judged research proven finding findings empirical tell say said about know "
                "matter matters help helps",
    "relate": "relate related relates connected connection link linked links relation relations associated "
              "split divided became narrower broader differ different difference compare compared",
    "all_editions": "all every any ever across each",
    "element": "element elements",
    "customizing": "adaptation adaptations customizing customize customization customising way ways tailoring "
                   "tailored characteristic characteristics",
    "glossary": "glossary term terms",
    "general": "general",
}.items()}
INTENT_VOCABULARY = frozenset().union(*INTENTS.values())


@dataclass(frozen=True)
class ParsedQuestion:
    """A question as words, concepts named and intent words."""

    tokens: frozenset[str]
    free: frozenset[str]  # words not used by a concept's name
    folded: str  # the question lowercased, punctuation as spaces, padded with spaces
    mentions: tuple[Mention, ...]

    @classmethod
    def parse(cls, question: str, index: LabelIndex) -> "ParsedQuestion":
        """Correct typos, find the concepts named, keep the words left over."""
        tokens = frozenset(index.correct(w) for w in words(question))
        mentions = tuple(index.find(question))
        used = frozenset().union(*(m.used for m in mentions))
        return cls(tokens, tokens - used, " " + " ".join(fold(question).split()) + " ", mentions)

    def has(self, intent: str) -> bool:
        """True when a free word signals the intent."""
        return bool(self.free & INTENTS[intent])

    def first(self, *kinds: str) -> Mention | None:
        """The first concept named of one of these kinds (longest names come first)."""
        return next((m for m in self.mentions if m.concept.kind in kinds), None)

    @property
    def item(self) -> Mention | None:
        """The element, adaptation or client characteristic the question names."""
        return self.first(*ITEM_KINDS)

    @property
    def editions(self) -> list[Mention]:
        """The editions the question names."""
        return [m for m in self.mentions if m.concept.kind == "Edition"]

    @property
    def all_editions(self) -> bool:
        """True for 'in any edition', 'across all editions', 'ever'..."""
        about_editions = bool(self.tokens & {"edition", "year", "time", "task", "force"})
        return (self.has("all_editions") and about_editions) or "ever" in self.tokens

    @property
    def part(self) -> str | None:
        """'element' or 'adaptation' when the question says which part of the review it means."""
        if self.has("element") or self.has("general"):
            return "element"
        return "adaptation" if self.has("customizing") else None

    @property
    def strong_define(self) -> bool:
        """Asks what something means ('mean', 'define'), not merely 'what is'."""
        return self.has("define") and not self.has("mention")

    @property
    def asks_for_evidence(self) -> bool:
        """Asks how effective something is, or for its effect sizes."""
        return self.has("evidence") or self.has("effect")

    def search_text(self) -> str:
        """The text a 'which definitions mention X' question looks for."""
        if self.item:
            return self.item.name
        content = [w for w in reversed(self.folded.split()) if stem(w) not in INTENT_VOCABULARY and len(w) > 3]
        return content[0] if content else ""
