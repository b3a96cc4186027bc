"""The modelling decisions of the findings import, as data: which item each edition's name
denotes, what each estimate estimates, and how the CSV's words map to the graph's terms.

Explained in ``ontology/README.md`` ("Identity across editions", "Estimands"). A test checks
that every row of the CSV is covered.
"""

import re
import unicodedata

EDITIONS = ("TF2-2011", "TF3-2018")

# The item each edition's name denotes. Same construct -> the first-edition item; narrower or
# different constructs -> items of their own (declared in data/items.ttl with their relations).
# Ways of customizing therapy that the later editions name by the client characteristic are
# adaptations tailored to that characteristic (one rule: the verdict is on the adaptation).
ITEM_FOR_NAME: dict[str, str] = {
    "Alliance in individual psychotherapy": "alliance-in-individual-psychotherapy",
    "Alliance in youth psychotherapy": "alliance-in-youth-psychotherapy",
    "Alliance in child and adolescent psychotherapy": "alliance-in-youth-psychotherapy",
    "Alliance in family therapy": "alliance-in-couple-and-family-therapy",
    "Alliance in couple and family therapy": "alliance-in-couple-and-family-therapy",
    "Cohesion in group therapy": "cohesion-in-group-therapy",
    "Empathy": "empathy",
    "Collecting client feedback": "collecting-client-feedback",
    "Collecting and delivering client feedback": "collecting-client-feedback",
    "Goal consensus": "goal-consensus",
    "Collaboration": "collaboration",
    "Positive regard": "positive-regard",
    "Positive regard and affirmation": "positive-regard",
    "Congruence/genuineness": "congruence-genuineness",
    "Repairing alliance ruptures": "repair-of-alliance-ruptures",
    "Managing countertransference": "management-of-countertransference",
    "Real relationship": "real-relationship",
    "Emotional expression": "emotional-expression",
    "Cultivating positive expectations": "cultivating-positive-expectations",
    "Promoting treatment credibility": "promoting-treatment-credibility",
    "Self-disclosure and immediacy": "self-disclosure-and-immediacy",
    "Reactance/resistance level": "matching-directiveness-to-resistance",
    "Reactance level": "matching-directiveness-to-resistance",
    "Stages of change": "stages-of-change",
    "Coping style": "matching-intervention-to-coping-style",
    "Expectations": "expectations",
    "Preferences": "preferences-adaptation",
    "Culture": "culture-adaptation",
    "Religion/spirituality": "religion-and-spirituality-adaptation",
    "Attachment style": "attachment-style-adaptation",
}

LEVEL_FOR_CATEGORY = {
    "Demonstrably effective": "demonstrably-effective",
    "Probably effective": "probably-effective",
    "Promising but insufficient research": "promising-but-insufficient",
}

# The publication that reports an edition's verdicts, per part of the review.
VERDICT_SOURCE = {
    ("TF2-2011", "element"): "source-norcross-wampold-2011-elements",
    ("TF2-2011", "adaptation"): "source-norcross-wampold-2011-adaptations",
}

# The STATO class of each metric (IRIs from STATO's own file, dev/ontology/stato.owl).
METRIC_CLASS = {
    "r": "STATO_0000142",   # correlation coefficient
    "d": "STATO_0000100",   # standardized mean difference (Cohen's d statistic)
    "g": "STATO_0000319",   # Hedges's g
    "OR": "STATO_0000182",  # odds ratio
}

OUTCOME = "outcome-association"
ADAPTED = "adapted-vs-unadapted"
WITH_ELEMENT = "with-vs-without-element"
PRE_POST = "pre-post-change"
QUALITATIVE = "qualitative-synthesis"

# What each estimate (the CSV's `estimate` wording) estimates.
ESTIMAND_FOR_ESTIMATE: dict[str, str] = {
    "alliance-outcome correlation": OUTCOME,
    "alliance-outcome correlation, adults": OUTCOME,
    "alliance-retention/outcome correlation, couple and family studies together": OUTCOME,
    "cohesion-outcome correlation": OUTCOME,
    "empathy-outcome correlation": OUTCOME,
    "goal consensus-outcome effect size": OUTCOME,
    "goal consensus-outcome correlation": OUTCOME,
    "collaboration-outcome correlation": OUTCOME,
    "positive regard-outcome effect": OUTCOME,
    "congruence-outcome effect size": OUTCOME,
    "rupture-repair episodes and outcome": OUTCOME,
    "rupture repair and outcome": OUTCOME,
    "rupture-resolution training and outcome (not significant)": OUTCOME,
    "countertransference management and outcome": OUTCOME,
    "countertransference reactions and outcome": OUTCOME,
    "real relationship-outcome correlation": OUTCOME,
    "therapist emotional expression and outcome": OUTCOME,
    "client emotional expression and outcome": OUTCOME,
    "early outcome expectation and posttreatment outcome": OUTCOME,
    "early treatment credibility and outcome": OUTCOME,
    "pretreatment stage of change and outcome": OUTCOME,
    "pretreatment attachment anxiety and outcome": OUTCOME,
    "pretreatment attachment security and outcome": OUTCOME,
    "pretreatment attachment security and outcome (the abstract gives no pooled figure)": OUTCOME,
    "rupture-resolution training, pre-post change": PRE_POST,
    "Partners for Change Outcome Management System feedback vs none": WITH_ELEMENT,
    "clinical support tools feedback, not-on-track clients": WITH_ELEMENT,
    "routine outcome monitoring feedback vs none (the abstract gives no pooled figure: small to moderate effects)":
        WITH_ELEMENT,
    "matching therapist directiveness to client reactance": ADAPTED,
    "outcome when clients get their preferred treatment": ADAPTED,
    "dropout when clients get their preferred treatment": ADAPTED,
    "fewer dropouts when clients get their preferred treatment": ADAPTED,
    "culturally adapted vs unadapted treatment": ADAPTED,
    "religiously accommodated vs secular therapy, psychological outcomes": ADAPTED,
    "religiously accommodated vs secular therapy, spiritual outcomes": ADAPTED,
    "religiously/spiritually adapted vs other therapies, psychological outcomes": ADAPTED,
    "religiously/spiritually adapted vs other therapies, spiritual outcomes": ADAPTED,
    "matching treatment to coping style": ADAPTED,
    "qualitative meta-analysis, no effect size": QUALITATIVE,
}

# Odds ratios: the event whose odds are compared (words of the excerpt) and which values favour
# the adaptation, as the excerpt states it ("less likely to drop out (OR = .59)"; "fewer
# treatment dropouts (OR = 1.79)"). The two point in opposite directions.
ODDS_RATIO_READINGS: dict[tuple[str, str], tuple[str, str]] = {
    ("TF2-2011", "dropout when clients get their preferred treatment"):
        ("drop out of therapy prematurely", "lower-values-favourable"),
    ("TF3-2018", "fewer dropouts when clients get their preferred treatment"):
        ("fewer treatment dropouts", "higher-values-favourable"),
}


def slug(text: str) -> str:
    """ASCII, lowercase, hyphen-separated form of a text, for IRIs."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def source_id(citation: str) -> str:
    """A readable, unique source id from a citation: up to three surnames and the year."""
    authors, _, rest = citation.partition("(")
    year = rest[:4]
    surnames = [part for part in re.split(r",|&", authors) if part.strip()][:3]
    return "source-" + slug(" ".join(surnames)) + "-" + year
