"""How a question is put: yes or no ("Is empathy ...?", "empathy was ..., wasn't it?", "... - y/n"), a
choice between two ("Was it X or Y?"), a request ("Could you find me ..."), or a statement followed by a
question that asks for a value ("The authors say p < .001. What p-value was printed?")."""

import re

from esrkg.linking import fold

LEADING_PREPOSITIONS = frozenset(["in", "for", "by", "among", "according", "across", "between", "within",
                                  "from", "during"])
WH_WORDS = frozenset(["what", "which", "who", "whom", "whose", "how", "why", "where", "when"])
POLAR_STARTS = frozenset(
    "is are was were did does do has have can could should would will isn wasn doesn am".split())  # noqa: SIM905
ASKS_TO_KNOW = r"\s*(do we know|do you know|is it known|does the graph (?:have|hold|record)|can you tell me)\b"
REQUEST = r"\s*(could|can|would|will) you\b|\s*please\b"
YES_NO_MARK = r"\by\s*/\s*n\b|\byes\s*/\s*no\b"


def asks_yes_or_no(question: str, *, choice: bool, names_item: bool, states_level: bool) -> bool:
    """Whether the answer should start with Yes or No.

    "Was it X or Y?" (``choice``) chooses between the two; "do we know the N of ...?" and "could you find me
    ..." ask for the thing itself; a fragment claiming a level ("therapist being genuine - solid evidence by
    2011?") or a statement asked as a question ("So 2018 found it significantly improved outcomes?") about
    an item is yes/no, and so is anything marked "y/n"."""
    folded = fold(question)
    polar = is_polar(question) and not re.match(ASKS_TO_KNOW, folded) and not then_asks_what(question)
    declared = question.rstrip().endswith("?") and names_item and not WH_WORDS & set(folded.split()) and (
        states_level or bool(re.search(CLAIM_VERBS, folded)))
    marked = bool(re.search(YES_NO_MARK, question.lower()))
    return (polar or declared or marked) and not re.match(REQUEST, folded) and not choice


# Verbs that make a statement of a question's words ("2018 found that ...", "empathy was ...").
CLAIM_VERBS = (r"\b(found|find|showed|shows|was|were|is|are|had|has|improved|improves|reduced|reduces|predicted|"
               r"predicts|got|gave|rated|judged|helped|helps)\b")


def then_asks_what(question: str) -> bool:
    """'Is the N an exact count or a floor? What is it?': a later sentence asks for the value itself."""
    later = [fold(part).split() for part in re.split(r"[?.!]", question)[1:]]
    return any(words_ and words_[0] in WH_WORDS for words_ in later)


def is_polar(question: str) -> bool:
    """A yes/no question: it starts with an auxiliary verb, perhaps after a phrase and a comma or colon
    ("In 2011, was ...", "Attachment style: did ...")."""
    # Each sentence and clause ("Swift et al. report .59. Does that mean ...?", "With X - did the sheet ...?").
    for clause in (question, *re.split(r"[,:;.?!]|\s[-–—]\s", question)[1:]):
        written = fold(clause).split()
        if written and written[0] in POLAR_STARTS:
            return True
    # A claim to check: '"... listed positive regard among ..." Is that right?', "true or false - ...".
    folded = fold(question).strip()
    claim_end = (r"\b(is (that|this|it) (right|correct|true|accurate|so)|correct|true|right|accurate|true or false|"
                 r"am i right|yes or no|yes|isn t it|doesn t it|didn t it)$")
    if re.search(claim_end, folded) or re.match(r"(true or false|is it true that|verify|check)\b", folded):
        return True
    # "In 2011 was empathy ...?", "According to the sheet, is ...": a leading phrase, then the auxiliary.
    written = folded.split()
    if written and written[0] in LEADING_PREPOSITIONS:
        for word in written[1:6]:
            if word in WH_WORDS:
                return False
            if word in POLAR_STARTS:
                return True
    return False
