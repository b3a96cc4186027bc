"""The words people use for what they ask, as data: statistics, comparisons, rankings, order,
negation, editions and evidence levels.

Each cue is a phrase in folded form (lowercase ASCII, punctuation as spaces); the reader looks
for the longest phrases first. Nothing here names a concept of the graph: concepts come from the
graph's own labels (see :mod:`esrkg.linking`).
"""

from decimal import Decimal
from typing import Literal

# What is asked: cue phrases per intent. The reader decides between intents by the precedence
# rules in :mod:`esrkg.ask.reader`; a cue only says that a word of the question points there.
INTENT_CUES: dict[str, tuple[str, ...]] = {
    "define": ("define", "defined", "definition", "definitions", "mean", "means", "meaning", "meant", "describe",
               "description", "characterize", "characterise",
               "explain", "what counts as", "what is meant by", "what is that about", "what is it",
               "stand for", "involve", "involves", "entail", "entails"),
    "mention": ("mention", "mentions", "mentioning", "refer to", "refers to", "referring to", "come up", "comes up",
                "show up", "shows up", "use the word",
                "uses the word", "talk about", "talks about", "word", "contain", "contains", "describes",
                "relies on", "rely on", "depends on", "depend on",
                "described as", "is about", "are about"),
    "glossary": ("glossary", "glossary terms", "glossary entries", "glossary entry", "terms", "entries"),
    "recommend": ("recommend", "recommends", "recommended", "recommendation", "recommendations",
                  "advise", "advises", "advice", "guidance", "tell practitioners",
                  "tell researchers", "urge", "endorse", "endorses", "endorsed", "call for", "calls for",
                  "suggest", "suggests", "propose", "proposes", "agenda", "to do list", "action points"),
    "source": ("source", "sources", "cite", "cited", "citation", "citations", "reference", "references", "doi",
               "who wrote", "who did", "who reported", "who published", "who developed", "who proposed", "authors",
               "author", "wrote", "published", "publication", "article", "journal", "come from", "comes from",
               "reported the", "gives the", "volume", "journal issue", "which issue", "pages", "carried", "appeared in",
               "published in"),
    "tailor": ("tailored", "tailor", "tailoring", "respond to", "responds to", "response to", "address",
               "responding to", "responding", "responds",
               "addresses", "meant to fit", "meant for", "fit", "fits", "built around", "aimed at", "targets",
               "match", "matched to", "match to", "adapted for", "adapted to", "adapt to",
               "for a client", "for clients", "client who", "clients who", "client with", "clients with",
               "adjust", "should i adjust", "should i change", "how should i adapt", "changing therapy",
               "go about things differently"),
    "component": ("component", "components", "consist", "consists", "consist of", "made up", "made of",
                  "composed of", "comprised of", "comprises", "ingredients", "building blocks",
                  "makes up", "make up", "measured", "part of the alliance"),
    "relate": ("relate", "related", "relates", "relation", "relations", "attend to", "attends to", "strengthen",
               "strengthens", "draw on", "draws on", "replaced", "split into", "split", "narrower", "broader",
               "belong to", "belongs to", "part of", "cover", "covers", "same as", "same thing", "difference between",
               "connected", "linked", "became", "earlier item", "earlier element", "later elements"),
    "stages": ("stage", "stages", "step", "steps", "phase", "phases", "sequence"),
    "count": ("how many", "number of", "count of", "breakdown of", "breakdown by", "breakdown per", "in total",
              "total number"),
    "change": ("change", "changed", "changes", "differ", "differed", "happened to", "move up or down",
               "moved", "went from", "go from", "kept", "keep", "stay", "stayed", "slipped", "ended up",
               "same verdict", "same rating", "then", "over time", "evolve", "evolved", "upgraded", "downgraded",
               "up or down", "go up", "go down", "grow", "grew", "shrink", "shrank", "rise", "rose", "fall", "fell",
               "increase", "increased", "decrease", "decreased", "shift", "shifted", "drop", "dropped", "decline",
               "declined", "climb", "climbed", "by how much", "went up", "went down", "demoted", "promoted", "demote",
               "promote", "moved up", "moved down", "move up", "move down", "lowered", "raised"),
    "compare": ("compare", "compared", "comparison", "versus", "vs", "than", "or", "which was larger",
                "which had the", "which is bigger", "bigger", "larger", "stronger", "weaker", "smaller", "higher",
                "lower", "more strongly", "more effective", "less effective"),
    # Words for the verdict itself (an item's level) ...
    "level": ("level", "evidence level", "verdict", "verdicts", "rating", "rated", "rate", "ratings", "category",
              "categories", "status", "judged", "judge", "land", "put in", "conclude", "concluded", "count as",
              "counts as", "make the", "made the", "consider", "considered", "call", "called", "how effective",
              "how strong was the evidence", "how strong is the evidence", "how much evidence", "classified",
              "sit", "sits", "stand", "stands", "placed", "where does it sit",
              "strength of evidence", "strength of the evidence"),
    # ... and words that ask whether or how well something works, without naming a statistic.
    "evidence": ("evidence", "effective", "effectiveness", "works", "work", "supported", "support", "proven",
                 "list", "find", "found", "get", "got", "give", "gave", "improve outcomes", "improves outcomes",
                 "improve outcome", "helpful", "help", "matter", "matters", "make a difference",
                 "makes a difference"),
    "about": ("tell me about", "what is known about", "what do we know about", "overview of", "summary of",
              "summarize", "summarise", "everything about"),
}

# Statistics an estimate can report, by the words for them.
STATISTIC_CUES: dict[str, tuple[str, ...]] = {
    "ci": ("confidence interval", "confidence intervals",
           "confidence", "ci", "cis", "95", "interval", "intervals",
           "interval estimate", "lower bound", "upper bound", "margin of error"),
    "p": ("p value", "p values", "pvalue", "p", "significance", "significant", "statistically significant",
          "how significant", "significance level"),
    "k": ("k", "how many studies", "number of studies", "how many samples", "number of samples",
          "how many independent samples", "studies did", "studies were", "studies in", "studies behind",
          "studies on", "samples in", "more studies", "fewer studies", "more samples", "fewer samples",
          "how many independent data sources", "how many data sources", "data sources"),
    "n": ("n", "sample size", "sample sizes", "how many clients", "how many patients", "how many participants",
          "how many people", "how many trainees", "number of clients", "number of patients",
          "number of participants", "total n", "participants in",
          "how big was the sample", "how large was the sample", "the sample", "more clients", "fewer clients",
          "more participants", "fewer participants", "more patients", "fewer patients", "larger sample",
          "bigger sample", "smaller sample", "how many treatments", "number of treatments"),
    "d_equivalent": ("d equivalent", "d equiv", "equivalent d", "in d units",
                     "converted to d", "as a d", "d corresponds", "corresponds to", "alongside its",
                     "as the equivalent", "the equivalent", "equivalent"),
    "heterogeneity": ("heterogeneity", "heterogeneous", "i2", "i squared",
                      "i 2", "isquared", "q statistic", "q test", "cochran", "degrees of freedom", "df"),
    "doi": ("doi", "dois", "digital object identifier"),
    "effect": ("effect size", "effect sizes", "effect", "effects", "correlation", "correlations",
               "correlated", "correlates", "correlate", "associated", "association",
               "related to outcome", "relate to outcome", "predict outcome", "predicts outcome", "how big",
               "how much does", "how much do", "figures", "predict",
               "how strongly", "how strong", "magnitude", "odds ratio",
               "odds", "r", "d", "g", "hedges", "cohen",
               "es", "pooled number", "pooled figure", "pooled estimate", "pooled effect",
               # an effect on dropping out ("did preferences reduce dropout?")
               "dropout", "dropouts", "drop out", "termination", "terminations", "premature termination"),
}

# A metric, by the words for it (single letters are read only as whole words).
METRIC_CUES: dict[str, tuple[str, ...]] = {
    "r": ("r", "correlation", "correlations", "correlated", "correlate", "correlates"),
    "d": ("d", "cohen s d", "cohens d", "standardized mean difference", "d value", "d values"),
    "g": ("g", "hedges g", "hedges"),
    "OR": ("odds ratio", "odds ratios", "odds"),
}

# Ranking: the direction and the field it ranks by.
RANK_MAX = ("largest", "biggest", "highest", "strongest", "greatest", "top", "most", "best", "maximum", "max",
            "largest to smallest", "highest first", "by size", "widest", "least precise")
RANK_MIN = ("smallest", "lowest", "weakest", "least", "fewest", "minimum", "min", "most negative", "smallest first",
            "narrowest", "most precise", "tightest")
RANK_FIELD: dict[str, tuple[str, ...]] = {
    "ci_width": ("widest", "narrowest", "most precise", "least precise", "tightest", "wide", "width"),
    "k": ("studies", "samples", "most studies", "fewest studies"),
    "n": ("clients", "patients", "participants", "sample", "people", "n"),
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "one": 1, "two": 2, "three": 3, "four": 4,
            "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

# Order within a sequence of stages.
ORDER_CUES: dict[str, tuple[str, ...]] = {
    "after": ("after", "follows", "follow", "following", "next", "comes after", "right after", "succeeds",
              "then what", "what next", "whats next", "what s next", "and then", "comes next", "past", "move to",
              "moves to", "move on to", "moves on to", "go to", "goes to", "next stage"),
    "before": ("before", "precedes", "precede", "preceding", "prior to", "comes before"),
    "between": ("between", "lies between"),
    "first": ("first", "initial", "earliest", "beginning"),
    "last": ("last", "final", "latest"),
    "reverse": ("backwards", "reverse", "reversed", "from maintenance to"),
    "in_order": ("in order", "order", "ordered", "sequence", "from 0 to 7", "from warded off to", "first to last",
                 "start to finish", "beginning to end", "walk me through", "one by one"),
}

# Comparators for thresholds ("N over 1000", "r above .3", "fewer than 10 studies").
ABOVE = ("more than", "greater than", "higher than", "larger than", "bigger than", "over", "above", "exceeded",
         "exceeding", "exceeds", "exceed", ">")
AT_LEAST = ("at least", "or more", "or higher", "or above", "or greater", ">=")
BELOW = ("fewer than", "less than", "lower than", "smaller than", "under", "below", "<")
AT_MOST = ("at most", "or less", "or fewer", "or lower", "or below", "<=")

NEGATION = ("not", "no", "nt", "without", "lack", "lacks", "lacked", "lacking", "never", "neither", "nor", "none",
            "except", "other than", "wasnt", "werent", "isnt", "arent", "didnt", "doesnt", "dont", "hasnt", "havent",
            # "didn't" folds to "didn t"
            "didn t", "wasn t", "weren t", "isn t", "aren t", "doesn t", "don t", "hasn t", "haven t")
# Words that may stand between a negation and the therapy format it leaves out ("not specific to group work"),
# stemmed as the reader's tokens are.
FORMAT_BRIDGES = frozenset({"specific", "specifically", "to", "for", "in", "about", "limited", "restricted", "tied",
                            "only", "just", "the", "a", "of", "related", "used", "applied", "applying", "meant",
                            "particular", "unique", "exclusive", "exclusively", "focused", "on"})
# Phrases that state a level of evidence rather than negate one ("not enough research", "short on evidence").
_THIN = ("not enough", "not yet enough", "wasn t enough", "wasn t yet enough", "weren t enough", "isn t enough",
         "lacked enough", "lack enough", "lacking enough", "lacks enough", "short on", "too little",
         "too few", "little", "thin", "scant", "limited", "without enough", "insufficient", "lacked", "lacking")
_BASIS = ("research", "evidence", "studies", "data", "support")
INSUFFICIENT_PHRASES = (*(f"{thin} {basis}" for thin in _THIN for basis in _BASIS), "thinly researched",
                        "evidence wasn t there", "evidence wasn t there yet", "not there yet", "too thinly",
                        "insufficient", "insufficiently", "wasnt enough research", "werent enough research",
                        "isnt enough research", "lack research", "too thin", "research was thin", "lacks research",
                        "not supported", "under researched", "underresearched", "not yet proven", "not proven")
SIGNIFICANCE_LEVEL = Decimal("0.05")  # the conventional level; the sources print p values, not a level
# "Which 2018 estimates were not significant?": a condition on p (or the CI), not a missing p-value.
NOT_SIGNIFICANT = ("not significant", "non significant", "nonsignificant", "not statistically significant",
                   "insignificant", "did not reach significance", "did not reach statistical significance",
                   "didn t reach significance", "didn t reach statistical significance", "not reach significance",
                   "not reach statistical significance", "failed to reach significance", "wasn t significant",
                   "weren t significant", "wasnt significant", "werent significant", "not statistically reliable",
                   "fail to reach significance", "fails to reach significance",
                   "fail to reach statistical significance")
# "at least probably effective", "probably effective or better": a level and every level above it.
OR_BETTER_BEFORE = ("at least", "no worse than", "no lower than")
# "rated below demonstrably effective", "short of probably effective": the levels under one.
BELOW_LEVEL = ("below", "lower than", "under", "short of", "less than", "beneath")
OR_BETTER_AFTER = ("or better", "or higher", "or above", "or stronger", "and above", "and higher")
# "other than culture", "apart from the bond": what the answer leaves out.
EXCLUDING = ("other than", "apart from", "aside from", "besides", "except", "except for", "excluding", "but not",
             "not counting", "leaving out", "leaving aside", "setting aside", "ignoring", "apart from the")

# Evidence levels as people name them; resolved against each edition's own scale.
LEVEL_CUES: dict[str, tuple[str, ...]] = {
    "top": ("demonstrably effective", "demonstrably", "strongest evidence", "solid proof", "hard proof",
            "clear proof", "strong proof",
            "best evidence", "top rated", "top rating", "proven", "what works", "works", "work best",
            "highest rating", "top category", "strongest endorsement", "strongest support", "best supported",
            "most support", "highest level", "top level", "highest category", "top tier", "highest tier",
            "strongest backing", "most backing", "best backed", "solid evidence", "strong evidence", "clearly work",
            "clearly works", "top rung", "highest rung", "well established", "firmly established",
            "strongest category", "strongest tier", "strongest level", "strongest rating", "best category",
            "best rating"),
    "probably": ("probably effective", "probably", "one rung below the top", "one step below the top",
                 "one level below the top", "just below the top", "second tier", "second highest", "second level",
                 "second category", "second rung", "middle tier", "middle level", "middle category"),
    "bottom": ("lowest tier", "lowest evidence tier", "lowest level", "lowest evidence level", "lowest category",
               "bottom tier", "bottom category", "weakest category", "lowest rating", "bottom level"),
    "promising": ("promising", "only promising", "merely promising", "looked good", "looks good", "showed promise",
                  "show promise", "shows promise", "not fully proven", "not yet fully proven",
                  "weren t yet fully proven", "wasn t yet fully proven", "yet to be proven"),
    "insufficient": INSUFFICIENT_PHRASES,
}



def _with_evidence_word(cues: tuple[str, ...]) -> tuple[str, ...]:
    """'the top evidence tier', 'the lowest evidence level': the same levels with "evidence" in between."""
    pairs = [c.split() for c in cues if len(c.split()) == 2 and c.split()[1] in ("tier", "level", "category", "rung")]
    return cues + tuple(f"{first} evidence {second}" for first, second in pairs)


LEVEL_CUES["top"] = _with_evidence_word(LEVEL_CUES["top"])
LEVEL_CUES["bottom"] = _with_evidence_word(LEVEL_CUES["bottom"])

# Editions as people name them, beyond the editions' labels and search terms in the graph.
EDITION_CUES: dict[str, tuple[str, ...]] = {
    "first": ("first task force", "first edition", "original", "original task force", "earliest", "division 29",
              "norcross and hill", "norcross hill", "info sheet", "the sheet", "synopsis", "2002"),
    "latest": ("latest", "most recent", "newest", "current", "third task force", "third edition"),
    "all": ("all editions", "every edition", "each edition", "any edition", "across editions",
            "over time", "ever", "over the years", "in any edition", "all three", "each task force",
            "across the editions", "both editions"),
}

Part = Literal["element", "adaptation", "characteristic"]
PART_CUES: dict[Part, tuple[str, ...]] = {
    "element": ("element", "elements", "relationship element", "therapist contributions", "contributions",
                "therapist brings", "therapists bring", "therapist contributes", "therapists contribute",
                "brings to the relationship", "bring to the relationship", "relationship factors",
                "relationship factor", "relational factors", "relationship qualities", "do in the relationship",
                "bring to therapy", "brings to therapy", "parts of the relationship", "aspects of the relationship",
                "parts of the therapy relationship", "aspects of the therapy relationship",
                "what works in general", "works in general", "in general", "what works", "therapy relationships",
                "therapeutic relationships"),
    "adaptation": ("adaptation", "adaptations", "adaption", "adaptions", "customization", "customizations",
                   "customizing", "customize", "ways of adapting", "way of adapting", "ways of tailoring",
                   "tailoring", "fitting therapy", "means of adaptation", "tailor therapy", "tailoring therapy",
                   "tailoring treatment", "adapting therapy", "adapted", "customise", "fitting treatment",
                   "ways of fitting", "fit treatment", "fit therapy", "individualizing", "individualising",
                   "personalizing", "personalising", "adapting treatment", "adjusting therapy", "adjusting treatment",
                   "way of adapt", "ways of adapt", "adapt therapy", "adapt the therapy"),
    "characteristic": ("client characteristics", "characteristics", "characteristic", "traits", "client factors",
                       "client factor"),
}
COUNTABLE = ("element", "elements", "adaptation", "adaptations", "item", "items", "characteristic",
             "characteristics", "recommendation", "recommendations", "stage", "stages", "term", "terms",
             "component", "components", "verdict", "verdicts", "customization", "customizations", "entries",
             "estimate", "estimates", "finding", "findings", "meta analyses")

# Words about the domain that carry no constraint of their own: a question made of them and
# cue words is understood; words outside them, the cues and the graph's labels are unexplained.
DOMAIN_WORDS = frozenset("""
task force forces tf tf1 tf2 tf3 edition editions report reports reported review reviews meta analysis
analyses anaylsis study studies research researched therapy therapies psychotherapy therapist therapists
therapeutic client clients patient patients relationship relationships element elements item items adaptation
adaptations adaption customization customizations customizing customize customise tailoring way ways method
methods characteristic characteristics trait traits outcome outcomes estimate estimates estimated finding
findings figure figures value values result results number numbers interdivisional apa division divisions
sheet info synopsis year years time list lists give show tell name named what which who whom whose how why
where when was were is are be been did do does has have had get got the a an of in on for to with and or by
from at as it its this that these those there their they them we you i me my our your one two three all any
each every both either some only just also still yet again according per about into within based rests rest
resting rested behind total overall pooled weighted mean average should ought reviewed writing lecture class seminar
thousand hundred anything stuff someone somebody could would colleague colleagues paper papers lead leads led
resulted told look looking whether really
feel feels actually
students student teaching teach please pls thanks me im m my need want looking know quick question so ok
""".split())  # noqa: SIM905 (a word list reads best as text)

# Words the reader and the rules read a question's shape by (beyond the cues above).
STAT_NOUNS = ("study", "sample", "client", "patient", "participant", "people", "trainee", "treatment", "independent",
              "data")
SOURCE_WORDS = ("source", "sources", "cite", "cited", "citation", "reference", "references", "doi", "author",
                "authors", "come from", "comes from")
TASK_FORCE_WORDS = ("division", "divisions", "made up", "members of the", "task force members", "its members",
                    "who was on", "who were on", "who sat on",
                    "who formed", "which task forces", "what task forces", "name of the task force")
TERM_WORDS = ("which term", "what term", "which glossary", "defined as", "which entry", "what glossary",
              "which glossary entry", "glossary term", "glossary entry", "what s that called", "whats that called",
              "what is that called", "what is it called", "called in the glossary", "the term for", "the name for",
              "what do you call", "what is the term")
NARROWER_WORDS = ("forms of", "kinds of", "types of", "versions of", "variants of", "forms", "kinds", "types",
                  "versions", "variants")
# Words for a verdict, or for the sheet that lists the 2002 verdicts, that a negation makes absent.
ABSENT_VERDICT_WORDS = ("verdict", "verdicts", "rating", "ratings", "rated", "judged", "sheet", "info sheet",
                        "listed", "category", "evaluate", "evaluated", "assess", "assessed", "review", "reviewed",
                        "rate", "judge", "cover", "covered", "finding", "findings", "row", "rows", "data")
# "All estimates for preferences, 2011 and 2018, odds ratios included": every figure, in every metric, listed
# (not compared).
EVERY_ESTIMATE = ("all estimates", "all the estimates", "every estimate", "each estimate", "all effect sizes",
                  "all the effect sizes", "every effect size", "all figures", "all the figures", "all numbers",
                  "all the numbers", "list all", "list every")
# Words for dropping out of therapy, and for fewer or more of it: claims an odds ratio's direction decides.
DROPOUT_WORDS = ("dropout", "dropouts", "drop out", "dropped out", "drops out", "dropping out", "termination",
                 "terminations", "terminate", "terminating", "quit", "quitting", "premature", "prematurely",
                 "attrition")
FEWER = ("fewer", "less", "lower", "reduce", "reduces", "reduced", "reduction", "decrease", "decreased", "prevent")
MORE = ("more", "higher", "increase", "increases", "increased", "raise", "raises")
# "... was significant, wasn't it?": a tag that asks for agreement, negating nothing.
TAG_QUESTIONS = ("wasn t it", "isn t it", "didn t it", "doesn t it", "weren t they", "aren t they", "don t they",
                 "hasn t it", "haven t they", "wasnt it", "isnt it", "didnt it", "doesnt it")
# Words for what the sources do not cover (diagnoses, medication, other therapies): never typo-corrected into the
# graph's words ("depression" is not "expression"), and a question about them without an item is outside esrkg.
# None of them may occur in the graph's texts or names ("anxiety" does: attachment anxiety); a test checks.
OUTSIDE_WORDS = frozenset("""
depression depressed ptsd trauma schizophrenia bipolar adhd autism ocd insomnia addiction alcohol
medication medications medicine drug drugs pill pills antidepressant antidepressants ssri ssris sertraline
fluoxetine dose dosage prescription cbt emdr dbt psychodynamic psychoanalysis hypnosis mindfulness aspirin
""".split())  # noqa: SIM905 (a word list reads best as text)
# "Does the CI straddle zero?": a confidence interval that includes zero.
ZERO_IN_CI = ("include zero", "included zero", "includes zero", "contain zero", "contained zero", "contains zero",
              "crossed zero", "cross zero", "crosses zero", "overlap zero", "overlaps zero", "straddle zero",
              "straddles zero", "span zero", "spans zero", "include 0", "includes 0", "cross 0", "crosses 0",
              "contain 0", "contains 0", "straddle 0", "overlap 0")
# Items an edition reviewed first ("new in 2018", "first appeared in 2011").
NEW_WORDS = ("new", "newly", "first appeared", "first appear", "first reviewed", "showed up", "show up", "added",
             "introduced", "first time", "for the first time", "debuted", "neither earlier", "no earlier",
             "none of the earlier", "never before", "not before")
LIST_WORDS = ("forms of", "kinds of", "types of", "versions of", "parts of", "which of", "which ones")
OVERVIEW_WORDS = ("evidence for", "evidence on", "evidence about", "find for", "found for", "find about",
                  "known about", "meta analysis find", "analysis find", "did the", "find")
RELATION_WORDS = ("narrower", "broader", "split into", "split", "replaced", "became", "belong to", "belongs to",
                  "fall under", "falls under", "fall within", "falls within", "applies to", "apply to",
                  "which format", "what format", "therapy format", "what kind of therapy", "which kind of therapy",
                  "what type of therapy", "attending", "strengthening", "connect", "connects", "connected to",
                  "part of", "cover", "covers", "same as", "same thing", "attend", "attends", "strengthen",
                  "strengthens", "draw on", "draws on", "related to", "relate to", "new name", "renamed",
                  "same element", "just the", "the same")


def cue_groups() -> tuple[tuple[str, ...], ...]:
    """The cue phrase lists every step of the reader knows: typo correction corrects towards their words and
    no word of theirs is unexplained. (A new list added here reaches both; each step adds lists of its own.)"""
    return (*INTENT_CUES.values(), *STATISTIC_CUES.values(), *METRIC_CUES.values(), *ORDER_CUES.values(),
            *LEVEL_CUES.values(), *PART_CUES.values(), *EDITION_CUES.values(), COUNTABLE, RANK_MAX, RANK_MIN,
            NEGATION, EXCLUDING, OR_BETTER_BEFORE, OR_BETTER_AFTER, INSUFFICIENT_PHRASES, NOT_SIGNIFICANT,
            EVERY_ESTIMATE, NEW_WORDS)
