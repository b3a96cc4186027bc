"""Questions about what the info sheet and the graph state besides evidence: definitions, the
glossary, recommendations, what an adaptation is tailored to, the alliance's components, relations
between items, sources, stages in order, and counts."""

import re

from esrkg.ask.context import AskContext
from esrkg.ask.frame import Frame
from esrkg.ask.lexicon import COUNTABLE, DOMAIN_WORDS, LEVEL_CUES, PART_CUES
from esrkg.ask.result import answer
from esrkg.ask.sparql_builder import Select, iri, text
from esrkg.ask.sparql_builder import number as number_
from esrkg.ask.types.base import (
    CatalogueCall,
    Composed,
    QuestionType,
    Row,
    Worded,
    item_names,
    join,
    named_editions,
)
from esrkg.linking import STOPWORDS, content_words, loosely_same, words

# Words of a 'which definitions mention ...' question that are not what it looks for.
NOT_NEEDLES = frozenset(words(
    "glossary glosary term terms entry entries definition definitions define defined mention mentions mentioning "
    "word use uses talk talks about come up show which what whose describe describes contain contains "
    + " ".join(phrase for group in (*PART_CUES.values(), *LEVEL_CUES.values(), COUNTABLE) for phrase in group
               if " " not in phrase)))
# Question words and the relation (by its label) they ask for.
RELATION_FOR_WORD = {"attend": "attends to", "strengthen": "strengthens", "draw": "draws on", "broader": "broader",
                     "narrower": "broader", "belong": "broader", "part": "broader", "split": "broader",
                     "replaced": "broader", "cover": "broader", "fall": "broader", "under": "broader",
                     "related": "related", "appl": "applies to"}
RECOMMENDATION_WORDS = frozenset(words("recommend recommendation recommendations advise advice should task force "
                                       "sheet say says do what according researcher researchers practitioner "
                                       "practitioners clinician clinicians therapist therapists info tell"))


def _term(frame: Frame) -> str:
    return (frame.items or frame.others)[0].iri


def _term_label(frame: Frame) -> str:
    return (frame.items or frame.others)[0].label


# --- definitions --------------------------------------------------------------------------------

def _defined_instead(term: str, context: AskContext) -> str | None:
    """For a term the glossary does not define, the adaptation or characteristic tailored to or from it
    that it does ('client expectations' -> the glossary's 'Expectations')."""
    defined = {entry.iri for entry in context.glossary}
    if term in defined:
        return None
    info = context.items.get(term)
    neighbours = [*(info.tailored_to if info else ()),
                  *(i.iri for i in context.items.values() if term in i.tailored_to)]
    return next((n for n in neighbours if n in defined), None)


def compose_definition(frame: Frame, context: AskContext) -> Composed:
    instead = _defined_instead(_term(frame), context)
    if instead is not None:
        label = next(entry.label for entry in context.glossary if entry.iri == instead)
        return Composed(CatalogueCall("definition", {"term": iri(instead)}),
                        f"the glossary definition of {label} (the glossary defines it, not {_term_label(frame)})")
    call = CatalogueCall("definition", {"term": iri(_term(frame))})
    return Composed(call, f"the glossary definition of {_term_label(frame)}",
                    missing=f"The glossary does not define {_term_label(frame)}; no definition of it is recorded "
                            "in the graph.")


def word_definition(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    row = rows[0]
    answers = [answer(row["label"], iri=row["term"], definition=row.get("definition") or row.get("note"),
                      source=row.get("sourceLabel"))]
    if "definition" in row:
        return Worded(f"{row.get('glossaryLabel', row['label'])}: {row['definition']} (glossary, "
                      f"{row.get('sourceLabel')}).", answers)
    return Worded(f"The glossary does not define {row['label']}, so no definition is recorded; esrkg's own "
                  f"editorial note: {row['note']}", [])


DEFINITION = QuestionType(
    "definition", "What a term means (the glossary's words)",
    lambda f: f.asks == "definition" and bool(f.items or f.others), compose_definition, word_definition,
    ("What does resistance mean?", "What is empathy?", "Define coping style."),
)


# --- the glossary, and definitions that mention a word ------------------------------------------------

def compose_glossary(frame: Frame, context: AskContext) -> Composed:
    return Composed(CatalogueCall("glossary", {}), "the glossary's terms, in the sheet's order")


def word_glossary(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    answers = [answer(r["label"], iri=r["term"], heading=r["glossaryLabel"], definition=r["definition"],
                      position=r["position"]) for r in rows]
    return Worded(f"The glossary defines {len(rows)} terms, in order: "
                  + join([r["glossaryLabel"] for r in rows]) + ".", answers)


GLOSSARY = QuestionType(
    "glossary", "The glossary's terms",
    lambda f: f.asks == "glossary", compose_glossary, word_glossary,
    ("List all glossary terms.", "Which terms does the glossary define?"),
)


def _needles(frame: Frame) -> list[str]:
    """The words a 'which definitions mention ...' question looks for."""
    from esrkg.ask.cues import quoted

    found = quoted(frame.question)
    if found:
        return [fold_needle(q) for q in found]
    if frame.items and not frame.notes:
        return [fold_needle(frame.items[0].label.split("/")[0])] if len(frame.items) == 1 else []
    left = [str(w) for w in frame.words if w not in NOT_NEEDLES and w not in STOPWORDS]
    return sorted(left)[:3]


def fold_needle(text_: str) -> str:
    """The text to look for, lowercase, without its plural 's' (definitions say 'goal' and 'goals')."""
    folded = " ".join(words(text_))
    return folded


def compose_mentions(frame: Frame, context: AskContext) -> Composed:
    needles = _needles(frame)
    select = Select(["term", "label", "glossaryLabel", "definition", "position"])
    select.bind_one("needle", *(text(n) for n in needles))
    select.where("?term a esr:GlossaryTerm ; rdfs:label ?label ; esr:glossaryLabel ?glossaryLabel ;",
                 "      skos:definition ?definition ; esr:glossaryPosition ?position .")
    # An entry mentions a word in its heading or its definition (the glossary reads "Empathy: the ...").
    select.filter("CONTAINS(LCASE(?definition), ?needle) || CONTAINS(LCASE(?glossaryLabel), ?needle)")
    select.order("?position")
    reading = f"the glossary entries whose definition mentions {join([repr(n) for n in needles])}"
    if frame.levels or frame.part:
        # "Which 2002 demonstrably effective elements are defined with the word relationship?"
        from esrkg.ask.types.verdicts import verdict_condition

        reading += ", of " + verdict_condition(select, frame, context, "?term")
    return Composed(select, reading)


def compose_term_for(frame: Frame, context: AskContext) -> Composed:
    """'Which term means warm acceptance...': the term the reader found by its definition."""
    return Composed(CatalogueCall("definition", {"term": iri(frame.items[0].iri)}),
                    "the glossary term whose definition the question gives")


def word_mentions(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    answers = [answer(r["label"], iri=r["term"], definition=r.get("definition")) for r in rows]
    return Worded("Glossary entries: " + join([str(r.get("glossaryLabel", r["label"])) for r in rows]) + "."
                  if rows else "No glossary entry matches.", answers)


MENTIONS = QuestionType(
    "mentions", "Glossary entries that mention a word, or the term for a definition",
    lambda f: f.asks == "mentions",
    lambda f, c: compose_term_for(f, c) if f.notes and f.items else compose_mentions(f, c), word_mentions,
    ("Which glossary definitions mention empathy?", "which definitions use the word 'interpersonal'?",
     "which term means warm acceptance of the client's experience without conditions?"),
)


# --- recommendations ------------------------------------------------------------------------------

def compose_recommendations(frame: Frame, context: AskContext) -> Composed:
    bindings = {"audience": iri(frame.audience.iri)} if frame.audience else {}
    who = frame.audience.label if frame.audience else "practitioners and researchers"
    return Composed(CatalogueCall("recommendations", bindings), f"the sheet's recommendations for {who}")


def _overlap(frame: Frame, row: Row, loose: bool = False) -> int:
    # Words of the domain ("the relationship findings") say nothing about which recommendation is meant.
    asked = frozenset(w for w in frame.words if w not in RECOMMENDATION_WORDS and w not in DOMAIN_WORDS)
    said = content_words(str(row["text"]) + " " + str(row.get("preamble", "")))
    if not loose:
        return len(asked & said)
    # A claim to check, loosely: "contributes" is the recommendation's "contributions" (a list is narrowed
    # by exact words only: "addressed to researchers" names no recommendation).
    return sum(any(loosely_same(w, s) for s in said) for w in asked)


def word_recommendations(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    loose = frame.polar
    scored = sorted(rows, key=lambda r: -_overlap(frame, r, loose))
    best = [r for r in scored if _overlap(frame, r, loose) and _overlap(frame, r, loose) == _overlap(frame, scored[0],
                                                                                                   loose)]
    chosen = best or rows
    # The label is the graph's short title; the sheet's words are in the text field.
    answers = [answer(r.get("label", r["text"]), iri=r["recommendation"], text=r["text"], audience=r["audienceLabel"],
                      position=r["position"]) for r in chosen]
    if frame.polar and not best and not _instead(frame, rows):
        # No row is the answer: the recommendations are shown as what the sheet does say.
        return Worded("The graph holds no answer to this question: no recommendation of the sheet says it. It "
                      "recommends: " + " ".join(f"({r['position']}) {r['text']}" for r in rows), [])
    if frame.polar:
        return Worded(_polar_recommendation(frame, chosen, rows), answers)
    grouped: dict[str, list[str]] = {}
    for r in chosen:
        grouped.setdefault(r["audienceLabel"], []).append(
            (f"{r['preamble']} " if r.get("preamble") and r["position"] == 1 and not best else "")
            + f"({r['position']}) {r['text']}")
    return Worded(" ".join(f"For {audience}: {' '.join(texts)}" for audience, texts in grouped.items()), answers)


def _instead(frame: Frame, rows: list[Row]) -> bool:
    """'Can a good relationship replace treatment?': the sheet says to do both, concurrently."""
    return any(w.startswith(("replac", "instead", "substitut", "alone", "rather")) for w in frame.words) and any(
        "concurrently" in str(r["text"]).lower() for r in rows)


def _polar_recommendation(frame: Frame, chosen: list[Row], rows: list[Row]) -> str:
    """Yes when the best-matching recommendation says to do it; No when it says to avoid it, or
    says 'both' where the question says 'only'."""
    best = chosen[0]
    if _instead(frame, rows):
        best = next(r for r in rows if "concurrently" in str(r["text"]).lower())
    words_ = str(best["text"])
    avoid_part, _, rest = words_.partition(" and ")
    asked = frozenset(frame.words)
    says_avoid = words_.lower().startswith("avoid")
    only = bool(asked & {"only", "just", "solely", "exclusively", "aside", "ignore", "ignoring", "neglect",
                         "neglecting", "exclude", "excluding", "instead"})
    matches_avoided = says_avoid and len(asked & content_words(avoid_part)) > len(asked & content_words(rest))
    no = (only and "both" in words_.lower()) or matches_avoided or _instead(frame, rows)
    return f"{'No' if no else 'Yes'}: the sheet recommends to {best['audienceLabel']}: \"{best['text']}\""


RECOMMENDATIONS = QuestionType(
    "recommendations", "The sheet's recommendations",
    lambda f: f.asks == "recommendations", compose_recommendations, word_recommendations,
    ("Which recommendations are addressed to researchers?", "What should practitioners do?",
     "Should researchers take an intervener-centric view of the therapy relationship?"),
)


# --- tailoring, components, relations ---------------------------------------------------------------

def compose_tailoring(frame: Frame, context: AskContext) -> Composed:
    if not frame.items and frame.levels:
        # "Which client characteristics do the demonstrably effective customizations of 2002 respond to?"
        from esrkg.ask.types.verdicts import verdict_condition

        # The verdict is on the characteristic itself (2002's "insufficient research" list) or on an
        # adaptation tailored to it: the zero-or-one path covers both.
        select = Select(["adaptation", "adaptationLabel", "characteristic", "characteristicLabel"])
        select.where("?characteristic a esr:ClientCharacteristic ; rdfs:label ?characteristicLabel .",
                     "?adaptation esr:tailoredTo? ?characteristic ; rdfs:label ?adaptationLabel .")
        which = verdict_condition(select, frame.but(part="adaptation"), context, "?adaptation")
        select.order("?characteristicLabel")
        return Composed(select, f"the client characteristics that are, or have tailored to them, {which}",
                        facts={"side": "characteristic"})
    if not frame.items:
        return Composed(CatalogueCall("tailoring", {}), "every adaptation and the characteristic it is tailored to")
    item = frame.items[0]
    info = context.items.get(item.iri)
    named_side = "adaptation" if info and info.kind == "Adaptation" else "characteristic"
    # The side asked for: the one the question names ("which client characteristic ..."), else the other.
    other_side = "characteristic" if named_side == "adaptation" else "adaptation"
    # "what characteristic does the ... adaptation respond to": both named, the other side is asked.
    both = frame.part == "adaptation" and "characteristic" in frame.words
    asked = frame.part if frame.part in ("adaptation", "characteristic") and not both else other_side
    call = CatalogueCall("tailoring", {named_side: iri(item.iri)})
    if asked == "characteristic":
        return Composed(call, f"the client characteristic {item.label} is tailored to" if named_side == "adaptation"
                        else f"the client characteristic of the ways of customizing therapy tailored to {item.label}",
                        facts={"side": "characteristic"})
    return Composed(call, f"the ways of customizing therapy tailored to {item.label}" if named_side ==
                    "characteristic" else f"the ways of customizing therapy tailored like {item.label}",
                    facts={"side": "adaptation"})


def word_tailoring(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    side = composed.facts.get("side")
    if side == "characteristic":
        answers = [answer(r["characteristicLabel"], iri=r["characteristic"], adaptation=r["adaptationLabel"])
                   for r in rows]
        if len({r["adaptation"] for r in rows}) == 1:
            return Worded(f"{rows[0]['adaptationLabel']} is tailored to "
                          f"{join([r['characteristicLabel'] for r in rows])}.", answers)
        named = [r["characteristicLabel"] + ("" if r["adaptation"] == r["characteristic"]
                                             else f" (by {r['adaptationLabel']})") for r in rows]
        return Worded("Client characteristics: " + "; ".join(named) + ".", answers)
    if side == "adaptation":
        answers = [answer(r["adaptationLabel"], iri=r["adaptation"], characteristic=r["characteristicLabel"])
                   for r in rows]
        return Worded(f"Tailored to {rows[0]['characteristicLabel']}: "
                      f"{join([r['adaptationLabel'] for r in rows])}.", answers)
    answers = [answer(r["characteristicLabel"], iri=r["characteristic"], adaptation=r["adaptationLabel"])
               for r in rows]
    return Worded("Client characteristics and the adaptations tailored to them: " + "; ".join(
        f"{r['characteristicLabel']} ({r['adaptationLabel']})" for r in rows) + ".", answers)


TAILORING = QuestionType(
    "tailoring", "Which characteristic an adaptation is tailored to, and back",
    lambda f: f.asks == "tailoring", compose_tailoring, word_tailoring,
    ("Which client characteristic does matching therapeutic directiveness respond to?",
     "Which adaptations respond to coping style?", "Which characteristics is therapy tailored to?",
     "Which client characteristics do the demonstrably effective customizations of 2002 respond to?"),
)


def compose_components(frame: Frame, context: AskContext) -> Composed:
    owner = next((i for i in frame.items if i.label.lower().endswith("alliance")), None)
    target = owner.iri if owner else "https://w3id.org/esrkg/therapeutic-alliance"
    label = owner.label if owner else "Therapeutic alliance"
    left_out = [c for c in frame.excluded if c.kind == "AllianceComponent"]
    if left_out:
        # "Apart from the bond, what else makes up the alliance?"
        select = Select(["component", "label", "position"])
        select.bind_one("item", iri(target))
        select.where("?item esr:hasComponent ?component .", "?component rdfs:label ?label ; esr:position ?position .")
        group = select.exists_group(negated=True)
        group.bind_one("component", *(iri(c.iri) for c in left_out))
        select.order("?position")
        return Composed(select, f"the components of {label} other than {join([c.label for c in left_out])}",
                        facts={"owner": label})
    return Composed(CatalogueCall("components", {"item": iri(target)}), f"the components of {label}",
                    facts={"owner": label})


def word_components(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    answers = [answer(r["label"], iri=r["component"], position=r.get("position")) for r in rows]
    owner = composed.facts.get("owner", "the alliance")
    if frame.polar:
        named = [o for o in frame.others if o.kind == "AllianceComponent"]
        others = [i for i in frame.items if not i.label.lower().endswith("alliance")]
        yes = bool(named) and all(n.iri in {r["component"] for r in rows} for n in named) and not others
        return Worded(f"{'Yes' if yes else 'No'}: the components of {owner} are "
                      f"{join([r['label'] for r in rows])}.", answers)
    if not frame.items and any(o.kind == "AllianceComponent" for o in frame.others):
        return Worded(f"{owner} has the components {join([r['label'] for r in rows])}.",
                      [answer(owner, components=len(rows))])
    if "count" in frame.words or "many" in frame.words:
        return Worded(f"{owner} has {len(rows)} components: {join([r['label'] for r in rows])}.", answers)
    return Worded(f"The components of {owner}: {join([r['label'] for r in rows])}.", answers)


COMPONENTS = QuestionType(
    "components", "The components of the alliance",
    lambda f: f.asks == "components", compose_components, word_components,
    ("What are the components of the therapeutic alliance?", "Is the relationship bond part of the alliance?"),
)


def compose_relations(frame: Frame, context: AskContext) -> Composed:
    return Composed(CatalogueCall("relations", {"item": iri(frame.items[0].iri)}),
                    f"what {frame.items[0].label} relates to")


def word_relations(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    item = frame.items[0]
    wanted = frame.words
    # The relations the question's words ask for ("attending to it or strengthening it": both).
    chosen = {label for word, label in RELATION_FOR_WORD.items() if any(w.startswith(word) for w in wanted)}
    if frame.question and re.search(r"\b(format|kind of therapy|type of therapy)\b", frame.question.lower()):
        chosen.add("applies to")
    incoming = bool(wanted & {"narrower", "split", "replaced", "cover", "covers", "later"})
    broader_only = chosen == {"broader"}
    picked = [r for r in rows if any(c in str(r["relationLabel"]) for c in chosen)
              and (not broader_only or (r["direction"] == "incoming") == incoming)]
    rows_ = picked or rows
    answers = [answer(r["otherLabel"], iri=r["other"], relation=r["relationLabel"], direction=r["direction"])
               for r in rows_]
    if frame.polar:
        other = frame.items[1] if len(frame.items) > 1 else None
        same = other is not None and other.iri == item.iri
        relation = next((r for r in rows if other and r["other"] == other.iri), None)
        how = f"{item.label} {relation['relationLabel']} {other.label}" if relation and other else "they are distinct"
        return Worded(f"{'Yes' if same else 'No'}: they are different items in the graph ({how}).", answers)
    parts = [f"{item.label} {r['relationLabel']} {r['otherLabel']}" if r["direction"] == "outgoing"
             else f"{r['otherLabel']} {r['relationLabel']} {item.label}" for r in rows_]
    return Worded("; ".join(parts) + "." if parts else f"No relation of {item.label} is recorded.", answers)


RELATIONS = QuestionType(
    "relations", "What an item relates to",
    lambda f: f.asks == "relations" and bool(f.items), compose_relations, word_relations,
    ("What does repair of alliance ruptures relate to?", "What did the 2002 therapeutic alliance split into?",
     "Is collecting client feedback the same thing as the 2002 feedback element?"),
)


# --- sources ---------------------------------------------------------------------------------------

def compose_sources(frame: Frame, context: AskContext) -> Composed:
    named = named_editions(frame, context)
    select = Select(["source", "sourceLabel", "citation", "doi", "what"])
    about_estimates = bool(frame.editions) or bool(frame.words & {"meta", "analysis", "study", "estimate"})
    if frame.sources and not frame.items:
        # "doi for Norcross & Wampold 2018": the publication itself.
        select.bind_one("source", *(iri(s.iri) for s in frame.sources))
        select.where("BIND(\"the publication\" AS ?what)")
        reading = f"the publication {join([s.label for s in frame.sources])}"
    elif frame.stages or (any(i.iri in context.stages for i in frame.items) and not about_estimates):
        sequence = next((i.iri for i in frame.items if i.iri in context.stages), None)
        select.bind_one("sequence", *([iri(sequence)] if sequence else [iri(s) for s in context.stages]))
        select.where("?sequence esr:hasStage ?stage . ?stage dcterms:source ?source .",
                     "BIND(\"the stages\" AS ?what)")
        reading = "the source of the stage sequence"
    elif frame.items:
        select.bind_one("item", *(iri(i.iri) for i in frame.items))
        select.where("?subject esr:within ?item . ?evidence esr:about ?subject ; dcterms:source ?source ;",
                     "          esr:edition ?edition ; a ?type .",
                     "?edition dcterms:identifier ?editionId .",
                     "BIND(CONCAT(?editionId, IF(?type = esr:Verdict, \" verdict\", \" estimate\")) AS ?what)")
        if named:
            select.bind_one("edition", *(iri(e.iri) for e in named))
        reading = f"the sources of the evidence on {item_names(frame)}"
    elif frame.words & {"total", "totals", "9", "7", "1"}:
        select.where("?total a esr:EditionTotal ; dcterms:source ?source ; esr:edition ?edition .",
                     "BIND(\"the totals\" AS ?what)")
        if named:
            select.bind_one("edition", *(iri(e.iri) for e in named))
        reading = "the source of the edition totals"
    else:
        select.where("?edition a esr:Edition ; dcterms:source ?source ; dcterms:identifier ?editionId .",
                     "BIND(?editionId AS ?what)")
        if named:
            select.bind_one("edition", *(iri(e.iri) for e in named))
        reading = f"the sources of {' and '.join(e.id for e in named) or 'each edition'}"
    select.where("?source rdfs:label ?sourceLabel .")
    select.optional("?source dcterms:bibliographicCitation ?citation", "?source bibo:doi ?doi")
    select.order("?what", "?sourceLabel")
    return Composed(select, reading)


def word_sources(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    unique = {r["source"]: r for r in rows}
    answers = [answer(r["sourceLabel"], iri=r["source"], citation=r.get("citation"), doi=r.get("doi"),
                      about=r.get("what")) for r in unique.values()]
    parts = [f"{r.get('citation', r['sourceLabel'])}" + (f" doi {r['doi']}" if r.get("doi") else "")
             for r in unique.values()]
    return Worded("Sources: " + "; ".join(parts) + ".", answers)


SOURCES = QuestionType(
    "sources", "Where the findings come from",
    lambda f: f.asks == "sources", compose_sources, word_sources,
    ("Where do these findings come from?", "Who wrote the 2011 cohesion meta-analysis?",
     "Who reported the 2011 rupture repair results?"),
)


# --- the task forces ----------------------------------------------------------------------------------

def compose_task_forces(frame: Frame, context: AskContext) -> Composed:
    named = named_editions(frame, context)
    bindings = {"edition": iri(named[0].iri)} if len(named) == 1 else {}
    which = named[0].id if len(named) == 1 else "each edition"
    return Composed(CatalogueCall("sources", bindings), f"the task force behind {which} and its publications")


def word_task_forces(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    by_edition: dict[str, list[Row]] = {}
    for row in rows:
        by_edition.setdefault(row["editionId"], []).append(row)
    parts = [f"{edition}: {group[0].get('taskForceLabel', 'task force not recorded')}, reported in "
             + join([str(r.get("citation", r["sourceLabel"])) for r in group]) for edition, group in by_edition.items()]
    answers = [answer(group[0].get("taskForceLabel", edition), iri=group[0].get("taskForce"), edition=edition)
               for edition, group in by_edition.items()]
    return Worded("; ".join(parts) + ".", answers)


TASK_FORCES = QuestionType(
    "task_forces", "The task force behind an edition",
    lambda f: f.asks == "task_forces", compose_task_forces, word_task_forces,
    ("Which APA divisions made up the 2011 task force?",),
)


# --- stages in order ---------------------------------------------------------------------------------

def _sequence(frame: Frame, context: AskContext) -> str:
    for stage in frame.stages:
        for sequence, stages in context.stages.items():
            if any(s.iri == stage.iri for s in stages):
                return sequence
    for item in frame.items:
        if item.iri in context.stages:
            return item.iri
    if frame.words & {"apes", "assimilation"}:
        return next(s for s in context.stages if "assimilation" in s)
    return next(iter(context.stages))


def compose_order(frame: Frame, context: AskContext) -> Composed:
    sequence = _sequence(frame, context)
    label = context.sequence_labels.get(sequence, "the sequence")
    if frame.stages and frame.part and (frame.order is None or frame.order.relation == "all") and not frame.polar:
        # "my client is in precontemplation - which customization is about that?": the sequence's item.
        select = Select(["stage", "label", "position"])
        select.bind_one("stage", *(iri(s.iri) for s in frame.stages))
        select.where("?item esr:hasStage ?stage ; rdfs:label ?label .", "?stage esr:position ?position .")
        select.variables[0] = "item"
        return Composed(select, f"the item whose stages include {join([s.label for s in frame.stages])}",
                        facts={"relation": "owner"})
    positions = [s.position for s in context.stages.get(sequence, ())]
    first, last = (min(positions), max(positions)) if positions else (0, 0)
    anchors = sorted(s.position for s in context.stages.get(sequence, ()) if s.iri in {x.iri for x in frame.stages})
    order = frame.order
    how: str = order.relation if order else "all"
    count = order.count if order else None
    plural = bool(count) or any(w in frame.question.lower() for w in ("stages", "in order", " order"))
    low, high, descending = first, last, False
    if frame.polar and len(anchors) >= 2:
        how = "named"
        low, high = anchors[0], anchors[-1]
    elif how in ("after", "before") and anchors and order and order.offset > 1:
        # "two steps after contemplation": the one stage that far away.
        low = high = anchors[-1] + order.offset if how == "after" else anchors[0] - order.offset
    elif how == "after" and anchors:
        low, high = anchors[-1] + 1, (last if plural and not count else anchors[-1] + (count or 1))
    elif how == "before" and anchors:
        low, high = (first if plural and not count else anchors[0] - (count or 1)), anchors[0] - 1
    elif how == "between" and len(anchors) >= 2:
        low, high = anchors[0] + 1, anchors[-1] - 1
    elif how == "first":
        high = first + (count or 1) - 1
    elif how == "last":
        low = last - (count or 1) + 1
    elif how == "reverse":
        descending = True
    elif how == "position" and order and order.position is not None and order.upto is not None:
        low, high = order.position, order.upto  # "stages 2 to 5"
    elif how == "position" and order and order.position is not None and order.count == 1:
        # "the fourth stage": the n-th in order, whatever number the sequence starts at.
        ordered = sorted(positions)
        low = high = ordered[order.position - 1] if 0 < order.position <= len(ordered) else last + 1
    elif how == "position" and order and order.position is not None:
        low = high = order.position
    select = Select(["stage", "label", "position"])
    select.bind_one("sequence", iri(sequence))
    select.bind(("low", "high"), [(number_(low), number_(high))])
    select.where("?sequence esr:hasStage ?stage .", "?stage rdfs:label ?label ; esr:position ?position .")
    if how == "named":
        select.bind_one("named", *(iri(s.iri) for s in frame.stages))
        select.filter("?stage = ?named")
    select.filter("?position >= ?low && ?position <= ?high")
    select.order("DESC(?position)" if descending else "?position")
    names = join([s.label for s in frame.stages])
    reading = {
        "after": f"the stage{'s' if plural else ''} of {label} after {names}",
        "before": f"the stage{'s' if plural else ''} of {label} before {names}",
        "between": f"the stages of {label} between {names}", "named": f"the order of {names} in {label}",
        "first": f"the first {count or ''} stage{'s' if count else ''} of {label}".replace("  ", " "),
        "last": f"the last {count or ''} stage{'s' if count else ''} of {label}".replace("  ", " "),
        "reverse": f"the stages of {label}, last to first",
        "position": f"stage {order.position if order else ''} of {label}", "all": f"the stages of {label}, in order",
    }.get(how, f"the stages of {label}")
    return Composed(select, reading, facts={"relation": how})


def word_order(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    if composed.facts.get("relation") == "owner":
        owners = {r["item"]: r["label"] for r in rows}
        return Worded(f"{join(list(owners.values()))}: {join([s.label for s in frame.stages])} is one of its stages.",
                      [answer(label, iri=item) for item, label in owners.items()])
    answers = [answer(r["label"], iri=r["stage"], position=r["position"]) for r in rows]
    if frame.polar and composed.facts.get("relation") == "position" and frame.stages:
        # "Is action the fourth stage of change?"
        yes = bool(rows) and rows[0]["stage"] in {s.iri for s in frame.stages}
        found = f"{rows[0]['label']} ({rows[0]['position']})" if rows else "no stage"
        return Worded(f"{'Yes' if yes else 'No'}: that stage is {found}.", answers)
    if composed.facts.get("relation") == "named" and len(frame.stages) >= 2:
        position = {r["stage"]: int(r["position"]) for r in rows}
        first_named, second_named = (position.get(s.iri, 0) for s in frame.stages[:2])
        asked_before = "before" in frame.question.lower() or "precede" in frame.question.lower()
        yes = first_named < second_named if asked_before else first_named > second_named
        ordered = sorted(rows, key=lambda r: int(r["position"]))
        return Worded(f"{'Yes' if yes else 'No'}: {' comes before '.join(r['label'] for r in ordered)}.", answers)
    return Worded(", ".join(f"{r['label']} ({r['position']})" for r in rows) + "." if rows else "No such stage.",
                  answers)


ORDER = QuestionType(
    "order", "Stages in order: before, after, first, last",
    lambda f: f.asks == "order", compose_order, word_order,
    ("What are the stages of change?", "Which stage comes after contemplation?",
     "first stage of assimilation of problematic experiences"),
)


# --- perspectives research should compare, elements of a format ------------------------------------

def compose_perspectives(frame: Frame, context: AskContext) -> Composed:
    return Composed(CatalogueCall("perspectives", {}), "the observational perspectives the recommendations to "
                    "researchers name")


def word_perspectives(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    answers = [answer(r["label"], iri=r["perspective"], position=r["position"]) for r in rows]
    perspectives = join([r["label"] for r in rows])
    return Worded(f"Research should address agreement among the perspectives of the {perspectives}.", answers)


PERSPECTIVES = QuestionType(
    "perspectives", "Observational perspectives research should compare",
    lambda f: f.asks == "perspectives", compose_perspectives, word_perspectives,
    ("Which observational perspectives should research compare?",),
)


def compose_format_elements(frame: Frame, context: AskContext) -> Composed:
    fmt = next(o for o in frame.others if o.kind == "TherapyFormat")
    return Composed(CatalogueCall("elements_for_format", {"format": iri(fmt.iri)}),
                    f"the relationship elements that apply to {fmt.label}")


def word_format_elements(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    answers = [answer(r["label"], iri=r["item"], format=r["formatLabel"]) for r in rows]
    return Worded(f"Elements that apply to {rows[0]['formatLabel']}: {join([r['label'] for r in rows])}.", answers)


FORMAT_ELEMENTS = QuestionType(
    "format_elements", "Elements of a therapy format",
    lambda f: f.asks == "format_elements", compose_format_elements, word_format_elements,
    ("Which relationship element applies to group therapy?",),
)
