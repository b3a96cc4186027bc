"""Questions about verdicts: which items are at a level, what level an item got, is it at a level,
how its verdict changed, how many items per level, and an item's evidence overview."""

from dataclasses import dataclass

from esrkg.ask.context import AskContext, EditionInfo
from esrkg.ask.frame import Frame, LevelConstraint
from esrkg.ask.result import answer
from esrkg.ask.sparql_builder import Select, iri, text
from esrkg.ask.types.base import (
    CatalogueCall,
    Composed,
    QuestionType,
    Row,
    Worded,
    edition_note,
    editions_with,
    item_names,
    join,
    level_label,
    levels_on,
    named_editions,
)
from esrkg.ask.types.wording import estimate_answer, estimate_line
from esrkg.kinds import is_item_kind, item_kinds

PART_KINDS = {
    "element": ("element", "RelationshipElement"),
    "adaptation": ("adaptation", "Adaptation", "ClientCharacteristic"),
    "characteristic": ("characteristic", "ClientCharacteristic"),
}
PART_NAMES = {"element": "relationship elements", "adaptation": "ways of customizing therapy",
              "characteristic": "client characteristics", None: "items"}
# "Tell me about empathy", "an overview of the alliance": what the item is, then its evidence.
OVERVIEW_ASKS = frozenset(("about", "overview", "summary", "summarize", "summarise", "everything", "explain"))
DEFAULT_NOTE = "no edition named: the first task force's, as the info sheet gives them; add 'in 2011' for the second"


@dataclass(frozen=True)
class Check:
    """One verdict condition: the edition, and the levels allowed there."""

    edition: EditionInfo
    levels: tuple[str, ...]


def _kinds(frame: Frame) -> list[str]:
    return list(PART_KINDS[frame.part][1:]) if frame.part else list(item_kinds())


def _checks(frame: Frame, context: AskContext, any_level: bool = False) -> \
        tuple[list[Check], list[EditionInfo], str]:
    """The verdict conditions a frame states, the editions they cover, and the edition note.

    Constraints on one edition combine (all must hold: 'promising but not yet proven' is one level;
    with ``any_level``, as when counting 'how many were X, and how many Y', any may hold);
    constraints on different editions are separate checks that must all hold ('insufficient
    research in 2002 and demonstrably effective in 2011')."""
    named = named_editions(frame, context)
    per_edition: dict[str, set[str]] = {}
    order: list[EditionInfo] = []
    constraints = list(frame.levels) or [LevelConstraint("exact")]
    for constraint in constraints:
        targets = [context.edition(constraint.edition)] if constraint.edition else (named or [context.first])
        for edition in (e for e in targets if e is not None):
            levels = set(levels_on(constraint, edition)) if frame.levels else {lv for lv, _ in edition.levels}
            if edition.iri in per_edition and any_level:
                per_edition[edition.iri] |= levels
            elif edition.iri in per_edition:
                # Two levels that cannot both hold ("either demonstrably or probably effective"): either one.
                per_edition[edition.iri] = (per_edition[edition.iri] & levels) or (per_edition[edition.iri] | levels)
            else:
                per_edition[edition.iri] = levels
                order.append(edition)
    if frame.edition_mode == "all" and len(order) > 1:
        # "ever", "across 2002 and 2011": any of the editions; one check over their (edition, level) pairs.
        first = Check(order[0], tuple(sorted(per_edition[order[0].iri])))
        others = [Check(e, tuple(sorted(per_edition[e.iri]))) for e in order[1:]]
        checks = [first, *others]
        return checks, order, edition_note(frame, context, order, DEFAULT_NOTE)
    # The earliest edition's verdict is on the item itself; later editions may judge narrower items.
    order.sort(key=lambda e: e.position)
    checks = [Check(e, tuple(lv for lv, _ in e.levels if lv in per_edition[e.iri])) for e in order]
    return checks, order, edition_note(frame, context, order, DEFAULT_NOTE)


def _without_verdicts(editions: list[EditionInfo], context: AskContext) -> str:
    missing = [e for e in editions if not e.has_verdicts]
    if not missing:
        return ""
    ids = " and ".join(e.id for e in missing)
    totals = "only its totals" if all(e.has_totals for e in missing) else "none"
    return (f"The {ids} per-item verdicts are not recorded in the graph: the sources esrkg was built from give "
            f"{totals}.")


def _totals_select(editions: list[EditionInfo]) -> Select:
    select = Select(["editionId", "levelLabel", "count", "outOf", "part", "sourceLabel"])
    select.bind_one("edition", *(iri(e.iri) for e in editions))
    select.where("?total a esr:EditionTotal ; esr:edition ?edition ; esr:level ?level ; esr:part ?part ;",
                 "       esr:itemCount ?count ; esr:outOf ?outOf ; dcterms:source ?source .",
                 "?edition dcterms:identifier ?editionId ; esr:scale/esr:step ?step .",
                 "?step esr:level ?level ; esr:position ?levelOrder .",
                 "?level rdfs:label ?levelLabel . ?source rdfs:label ?sourceLabel .")
    return select.order("?editionId", "?levelOrder")


# --- which items are at a level ---------------------------------------------------------------

def _verdict_pattern(group: Select, check: Check, suffix: str, scoped: bool, level: str = "") -> None:
    """The item has a verdict of this edition at one of these levels (directly, or when scoped, on an
    item within it); ``level`` names the level variable (the outer one: the same level as there)."""
    subject = f"?subject{suffix}" if scoped else "?item"
    level = level or f"level{suffix}"
    group.bind((f"edition{suffix}", level),
               [(iri(check.edition.iri), iri(level)) for level in check.levels] or
               [(iri(check.edition.iri), iri("https://w3id.org/esrkg/no-level"))])
    if scoped:
        # A characteristic's later verdicts are those on the adaptations tailored to it (2011 judged
        # "Attachment style" as a means of adaptation).
        group.where(f"{subject} esr:within|esr:tailoredTo|^esr:tailoredTo ?item .")
    group.where(f"?verdict{suffix} a esr:Verdict ; esr:about {subject} ; esr:level ?{level} ;"
                f" esr:edition ?edition{suffix} .")


def compose_items(frame: Frame, context: AskContext) -> Composed:
    if frame.no_verdict:
        return compose_unjudged(frame, context)
    if not frame.editions and any(o.kind == "TherapyFormat" for o in frame.others):
        # "couples counselling - what works?": the 2002 sheet names no formats; every edition with verdicts.
        frame = frame.but(editions=tuple(e.iri for e in editions_with(context, "verdicts")), edition_mode="all")
    checks, editions, note = _checks(frame, context)
    missing = _without_verdicts(editions, context)
    if missing:
        return Composed(None, f"the {PART_NAMES[frame.part]} by verdict {note}", missing, _totals_select(editions))
    select = Select(["item", "label", "editionId", "levelLabel", "listPosition"])
    select.bind_one("kind", *(iri(f"https://w3id.org/esrkg/{kind}") for kind in _kinds(frame)))
    any_edition = frame.edition_mode == "all" and len(checks) > 1
    scoped = bool(frame.items)
    main = Check(checks[0].edition, checks[0].levels) if not any_edition else None
    if any_edition:
        select.bind(("edition", "level"), [(iri(c.edition.iri), iri(lv)) for c in checks for lv in c.levels])
        select.where("?verdict a esr:Verdict ; esr:about ?item ; esr:level ?level ; esr:edition ?edition .")
    elif main is not None:
        _verdict_pattern(select, main, "", scoped)
    select.where("?item a ?kind ; rdfs:label ?label .",
                 "?level rdfs:label ?levelLabel . ?edition dcterms:identifier ?editionId .")
    if not any_edition:
        for number, check in enumerate(checks[1:], start=1):
            group = select.exists_group()
            # "the same verdict in 2002 and 2011": the later verdict's level is the outer ?level itself.
            _verdict_pattern(group, check, str(number), True, "level" if frame.same_level else "")
    if frame.items:
        select.bind_one("scope", *(iri(i.iri) for i in frame.items))
        select.where("?item esr:within ?scope .")
        if frame.narrower_only:
            select.filter("?item != ?scope")
    narrowed = [said for said in (in_formats(select, frame, "?item"), exclude(select, frame, "?item")) if said]
    select.optional("?item esr:listPosition ?listPosition")
    _estimate_conditions(select, frame, checks)
    select.order("?listPosition", "?label")
    wanted = (" or " if any_edition else ", ").join(
        f"{join([level_label(context, lv) for lv in c.levels], 'or') or 'no level on its scale'} in {c.edition.id}"
        for c in checks)
    if frame.same_level:
        wanted = "the same level in " + " and ".join(c.edition.id for c in checks)
    scope = f" within {item_names(frame)}" if frame.items else ""
    assumed = f" ({note.split('(', 1)[1]}" if "(" in note else ""
    narrowing = "".join(f", {said}" for said in narrowed)
    return Composed(select, f"the {PART_NAMES[frame.part]}{scope} whose verdict was {wanted}{assumed}{narrowing}",
                    facts={"checks": checks})


def verdict_condition(select: Select, frame: Frame, context: AskContext, subject: str, within: bool = False) -> str:
    """Restrict a subject to the items of the frame's part at the frame's levels (another question type's
    query, 'the glossary entries ... of the elements demonstrably effective in 2002'); says what it did.

    With ``within`` the verdict may be on an item the subject falls under (an estimate on the alliance in
    individual psychotherapy counts for the 2002 verdict on the alliance). Levels are read on the named
    editions that have verdicts (the estimates may come from another: 'the customizations the sheet calls
    promising, and their 2018 effect sizes')."""
    judged = "?judged" if within else subject
    if within:
        select.where(f"{subject} esr:within ?judged .")
    select.bind_one("judgedKind", *(iri(f"https://w3id.org/esrkg/{kind}") for kind in _kinds(frame)))
    select.where(f"{judged} a ?judgedKind .")
    if not frame.levels:
        return PART_NAMES[frame.part]
    with_verdicts = tuple(e for e in frame.editions if (info := context.edition(e)) and info.has_verdicts)
    checks, _, _ = _checks(frame.but(editions=with_verdicts or frame.editions), context)
    for number, check in enumerate(checks):
        group = select.exists_group()
        group.bind((f"vEdition{number}", f"vLevel{number}"), [(iri(check.edition.iri), iri(lv)) for lv in check.levels])
        group.where(f"?v{number} a esr:Verdict ; esr:about {judged} ; esr:level ?vLevel{number} ;"
                    f" esr:edition ?vEdition{number} .")
    return PART_NAMES[frame.part] + " whose verdict was " + ", ".join(
        f"{join([level_label(context, lv) for lv in c.levels], 'or')} in {c.edition.id}" for c in checks)


def exclude(select: Select, frame: Frame, variable: str) -> str:
    """'other than culture', 'not specific to group work': the items the question leaves out (and the items
    within them), and those recorded as specific to a format it leaves out; says what it left out."""
    items = [c for c in frame.excluded if is_item_kind(c.kind)]
    formats = [c for c in frame.excluded if c.kind == "TherapyFormat"]
    said = []
    if items:
        group = select.exists_group(negated=True)
        group.bind_one("excluded", *(iri(c.iri) for c in items))
        group.where(f"{variable} esr:within ?excluded .")
        said.append(f"other than {join([c.label for c in items])}")
    if formats:
        group = select.exists_group(negated=True)
        group.bind_one("excludedFormat", *(iri(c.iri) for c in formats))
        group.where(f"?excludedFormatted esr:within {variable} ; esr:appliesTo ?excludedFormat .")
        said.append(f"leaving out those recorded as specific to {join([c.label for c in formats])}")
    return ", ".join(said)


def in_formats(select: Select, frame: Frame, variable: str) -> str:
    """'the 2011 demonstrably effective elements for group therapy': the items recorded as specific to a
    format named (the item, or an item within it); says what it kept."""
    formats = [c for c in frame.others if c.kind == "TherapyFormat"]
    if not formats:
        return ""
    select.bind_one("format", *(iri(c.iri) for c in formats))
    select.where(f"?formatted esr:within {variable} ; esr:appliesTo ?format .")
    return (f"recorded as specific to {join([c.label for c in formats])} (esrkg records a format only for the "
            "items the task forces named by one)")


def compose_unjudged(frame: Frame, context: AskContext) -> Composed:
    """'Which items on the 2002 sheet got no verdict in 2011?', 'elements without a verdict in 2018': items
    reviewed (a verdict or an estimate) in one edition with no verdict of another, or of the same one."""
    named = named_editions(frame, context)
    absent = [e for e in (context.edition(i) for i in frame.absent_editions) if e is not None] or \
        editions_with(context, "verdicts")
    # "on the sheet": the first edition's items, when the sheet names no edition of its own.
    reviewed = [e for e in named if e not in absent] or ([context.first] if frame.on_sheet and context.first not in
                                                         absent else absent)
    select = Select(["item", "label", "listPosition"])
    select.bind_one("kind", *(iri(f"https://w3id.org/esrkg/{kind}") for kind in _kinds(frame)))
    select.bind_one("reviewedIn", *(iri(e.iri) for e in reviewed))
    select.bind_one("reviewKind", iri("https://w3id.org/esrkg/Verdict"), iri("https://w3id.org/esrkg/EffectSizeEstimate"))
    select.where("?item a ?kind ; rdfs:label ?label .",
                 "?review a ?reviewKind ; esr:about ?item ; esr:edition ?reviewedIn .")
    if frame.items:
        select.bind_one("scope", *(iri(i.iri) for i in frame.items))
        select.where("?item esr:within ?scope .")
    if frame.levels:
        # "Which of the 2002 promising elements did 2011 not evaluate?": the levels are the reviewed edition's.
        verdict_condition(select, frame.but(editions=tuple(e.iri for e in reviewed)), context, "?item")
    group = select.exists_group(negated=True)
    group.bind_one("absentEdition", *(iri(e.iri) for e in absent))
    # Related both ways: an item new in 2011 that a 2002 verdict covered under a broader name is not new.
    group.where("?absentSubject esr:within|^esr:within|esr:tailoredTo|^esr:tailoredTo ?item .",
                "?absentVerdict a esr:Verdict ; esr:about ?absentSubject ; esr:edition ?absentEdition .")
    select.optional("?item esr:listPosition ?listPosition")
    select.order("?listPosition", "?label")
    ids = " and ".join(e.id for e in absent)
    how = "a verdict" if reviewed == absent and all(e.has_verdicts for e in reviewed) else "a verdict or an estimate"
    reading = (f"the {PART_NAMES[frame.part]} {'on the sheet of' if frame.on_sheet else 'reviewed in'} "
               f"{' and '.join(e.id for e in reviewed)} ({how}) with no {ids} verdict in the graph")
    unrecorded = [e.id for e in absent if not e.has_verdicts]
    if unrecorded:
        reading += (f"; esrkg's sources give no per-item verdicts of {' and '.join(unrecorded)}, so every item it "
                    "reviewed is listed")
    return Composed(select, reading)


def _estimate_conditions(select: Select, frame: Frame, checks: list[Check]) -> None:
    """Compositional questions: items at a level whose estimates pass thresholds too."""
    if not frame.thresholds:
        return
    from esrkg.ask.types.estimates import threshold_filters

    select.where("?estimateSubject esr:within ?item .",
                 "?estimate a esr:EffectSizeEstimate ; esr:about ?estimateSubject ; esr:edition ?estimateEdition .")
    other = [e for e in frame.editions if e not in {c.edition.iri for c in checks}]
    if other:
        select.bind_one("estimateEdition", *(iri(e) for e in other))
    elif checks and len({c.edition.iri for c in checks}) == 1:
        select.bind_one("estimateEdition", iri(checks[0].edition.iri))
    threshold_filters(select, frame.thresholds, "?estimate")


def word_items(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    labels = [r["label"] for r in rows]
    answers = [answer(r["label"], iri=r["item"], edition=r.get("editionId"), level=r.get("levelLabel"))
               for r in {r["item"]: r for r in rows}.values()]
    what = PART_NAMES[frame.part].capitalize()
    return Worded(f"{what}: {join(labels)}." if labels else "None.", answers)


ITEMS = QuestionType(
    "items_at_level", "Items at an evidence level",
    lambda f: f.asks == "items" and not f.polar, compose_items, word_items,
    ("Which relationship elements are demonstrably effective?",
     "Which ways of customizing therapy were probably effective in 2011?",
     "Which elements were demonstrably effective in both 2002 and 2011?",
     "Which items went from insufficient research in 2002 to demonstrably effective in 2011?",
     "Which 2011 elements were not demonstrably effective?",
     "Which relationship elements did the second task force rate at least probably effective?",
     "which items on the 2002 sheet got no verdict in 2011?",
     "2011 demonstrably effective adaptations other than culture",
     "Which 2011 demonstrably effective elements are not specific to group therapy?",
     "Which elements were new in 2018?"),
)


# --- what level an item got, and is it at a level -----------------------------------------------

def _verdicts_select(frame: Frame, editions: list[EditionInfo]) -> Select:
    select = Select(["item", "subject", "subjectLabel", "editionId", "year", "level", "levelLabel", "levelOrder",
                     "sourceLabel"])
    select.bind_one("item", *(iri(i.iri) for i in frame.items))
    if editions:
        select.bind_one("edition", *(iri(e.iri) for e in editions))
    select.where("?subject esr:within ?item .",
                 "?verdict a esr:Verdict ; esr:about ?subject ; esr:level ?level ; esr:edition ?edition ;",
                 "         dcterms:source ?source .",
                 "?subject rdfs:label ?subjectLabel . ?level rdfs:label ?levelLabel .",
                 "?source rdfs:label ?sourceLabel .",
                 "?edition dcterms:identifier ?editionId ; esr:year ?year ; esr:scale/esr:step ?step .",
                 "?step esr:level ?level ; esr:position ?levelOrder .")
    return select.order("?year", "?subjectLabel")


def compose_level(frame: Frame, context: AskContext) -> Composed:
    named = named_editions(frame, context)
    missing = _without_verdicts(named, context)
    editions = named or editions_with(context, "verdicts")
    note = edition_note(frame, context, editions, "no edition named: every edition with verdicts")
    if missing and all(not e.has_verdicts for e in named):
        return Composed(None, f"the verdict on {item_names(frame)} {note}", missing, _totals_select(named))
    return Composed(_verdicts_select(frame, editions), f"the verdict on {item_names(frame)} {note}")


def word_level(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    parts = [f"{r['editionId']}{'' if r['subjectLabel'] == frame.items[0].label else ' (' + r['subjectLabel'] + ')'}:"
             f" {r['levelLabel']}" for r in rows]
    answers = [answer(r["levelLabel"], iri=r["level"], level=r["levelLabel"], item=r["subjectLabel"],
                      item_iri=r["subject"], edition=r["editionId"], source=r["sourceLabel"]) for r in rows]
    return Worded(f"{item_names(frame)}: " + "; ".join(parts) + ".", answers)


LEVEL = QuestionType(
    "item_level", "The verdict on an item",
    lambda f: f.asks == "level" and not f.polar, compose_level, word_level,
    ("What is the evidence level of self-disclosure?", "How did the 2011 task force rate goal consensus?",
     "What level did the 2011 task force give preferences?"),
)


def word_level_check(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    """Yes when the latest verdict asked about is at the level named (in every edition named 'both')."""
    answers = word_level(frame, rows, composed).answers
    by_edition: dict[str, list[Row]] = {}
    for row in rows:
        by_edition.setdefault(row["editionId"], []).append(row)
    constraints = list(frame.levels) or [LevelConstraint("top"), LevelConstraint("probably")]
    verdicts = "; ".join(f"{edition}: {join([r['levelLabel'] for r in group])}"
                         for edition, group in by_edition.items())

    def at_level(row: Row) -> bool:
        return any(row["level"] in [lv for e in composed.facts["editions"] if e.id == row["editionId"]
                                    for lv in levels_on(constraint, e)] for constraint in constraints)

    def holds(group: list[Row]) -> bool:
        # "Feedback was in the top tier along with empathy, wasn't it?": every item named must be there.
        by_item: dict[str, list[Row]] = {}
        for row in group:
            by_item.setdefault(str(row.get("item", row["subject"])), []).append(row)
        return all(any(at_level(row) for row in rows_) for rows_ in by_item.values())

    decided = list(by_edition.values()) if frame.edition_mode == "both" else list(by_edition.values())[-1:]
    yes = all(holds(group) for group in decided)
    asked = join([c.cue if c.level is None else "that level" for c in constraints])
    return Worded(f"{'Yes' if yes else 'No'}: {item_names(frame)} — {verdicts}.", answers) if asked else \
        Worded("No.", answers)


def compose_level_check(frame: Frame, context: AskContext) -> Composed:
    composed = compose_level(frame, context)
    named = named_editions(frame, context)
    judged = named or editions_with(context, "verdicts")
    lacking = [e for e in named if not e.has_verdicts]
    if lacking and (frame.edition_mode == "both" or max(named, key=lambda e: e.position) in lacking):
        # "Empathy was demonstrably effective in 2011 - did 2018 keep it?": 2018 gave no per-item verdicts, so
        # the claim about 2018 cannot be checked; the 2011 verdict is shown as the closest fact, never as the answer.
        known = [e for e in named if e.has_verdicts]
        closest = _verdicts_select(frame, known) if known else _totals_select(lacking)
        return Composed(None, "whether " + composed.reading + " is at the level named",
                        _without_verdicts(lacking, context) + " The claim cannot be checked for "
                        + " and ".join(e.id for e in lacking) + ".", closest, facts={"editions": judged})
    # No verdict where the editions asked about have verdicts: the claim does not hold ("Does the 2002
    # sheet list the real relationship as an element?" -> No).
    missing = composed.missing or (f"No: the graph records no verdict of {' or '.join(e.id for e in judged)} on "
                                   f"{item_names(frame)}.")
    return Composed(composed.select, "whether " + composed.reading + " is at the level named", missing,
                    composed.closest, facts={"editions": judged})


LEVEL_CHECK = QuestionType(
    "level_check", "Is an item at a level?",
    lambda f: f.polar and f.asks in ("level", "items", "evidence") and bool(f.items),
    compose_level_check, word_level_check,
    ("Is empathy demonstrably effective?", "Was self-disclosure rated demonstrably effective by the 2002 task force?",
     "Were client preferences a demonstrably effective adaptation in 2011?"),
)


# --- how a verdict changed ----------------------------------------------------------------------

def compose_change(frame: Frame, context: AskContext) -> Composed:
    named = named_editions(frame, context)
    editions = named if len(named) > 1 else editions_with(context, "verdicts")
    missing = _without_verdicts(named, context)
    note = "" if frame.editions else " (no editions named: every edition with verdicts)"
    reading = f"how the verdict on {item_names(frame)} changed between {' and '.join(e.id for e in editions)}{note}"
    select = _verdicts_select(frame, [e for e in editions if e.has_verdicts])
    select.variables.append("scale")
    select.where("?edition esr:scale ?scale .")
    if missing:
        # A change to or from an edition without per-item verdicts cannot be told: show what there is.
        return Composed(None, reading, missing, select)
    return Composed(select, reading, facts={"editions": editions})


def describe_change(rows: list[Row]) -> tuple[str, bool]:
    """The sentence for a sequence of verdicts, and whether the verdict changed."""
    if len(rows) < 2:
        return "", False
    first, last = rows[0], rows[-1]
    changed = first["level"] != last["level"]
    steps = " -> ".join(f"{r['editionId']} {r['levelLabel']}" for r in rows)
    if not changed:
        return f"unchanged: {steps}", False
    if first.get("scale") == last.get("scale"):
        direction = "upgraded" if int(last["levelOrder"]) < int(first["levelOrder"]) else "downgraded"
        return f"{direction}: {steps}", True
    return (f"{steps}. The two editions grade on different scales, so this is not called an upgrade or a "
            "downgrade"), True


def word_change(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    by_subject: dict[str, list[Row]] = {}
    for row in rows:
        by_subject.setdefault(row["subjectLabel"], []).append(row)
    answers = []
    sentences, changed_any = [], False
    for subject, group in by_subject.items():
        sentence, changed = describe_change(group)
        change = sentence.split(":", 1)[0] if sentence.startswith(("unchanged", "upgraded", "downgraded")) else \
            "different scales" if "different scales" in sentence else ""
        answers += [answer(r["levelLabel"], iri=r["level"], level=r["levelLabel"], item=subject,
                           edition=r["editionId"], change=change or None) for r in group]
        changed_any |= changed
        only = f"one verdict only, {group[0]['editionId']} {group[0]['levelLabel']}"
        sentences.append(f"{subject}: {sentence or only}")
    if len(rows) >= 1 and len(by_subject) > 1:
        sentences.append("(the later editions judged narrower items)")
    text_ = "; ".join(sentences) + "."
    ups = {a.to_dict().get("change") for a in answers}
    claimed = frame.words & UP_DOWN_WORDS
    if frame.polar and claimed and changed_any and "different scales" in ups:
        # "Was congruence downgraded in 2011?": it changed, but across scales no source calls it either.
        text_ = "The sources do not say: the verdict changed, but the two editions grade on different scales. " + text_
    elif frame.polar and claimed and changed_any:
        asked_up = bool(claimed & frozenset(("upgraded", "promoted", "up", "raised", "rose")))
        text_ = ("Yes. " if ("upgraded" in ups) == asked_up else "No. ") + text_
    elif frame.polar:
        text_ = ("Yes, it changed. " if changed_any else "No, it did not change. ") + text_
    return Worded(text_, answers)


# Words that claim a direction of a verdict's change ("downgraded", "demoted", "moved up").
UP_DOWN_WORDS = frozenset(("upgraded", "downgraded", "promoted", "demoted", "up", "down", "raised", "lowered",
                           "rose", "fell", "dropped"))


CHANGE = QuestionType(
    "verdict_change", "How a verdict changed between editions",
    lambda f: f.asks == "change" and bool(f.items), compose_change, word_change,
    ("How did the verdict on preferences change from 2002 to 2011?", "congruence verdict 2002 vs 2011",
     "Did empathy's evidence level change between 2002 and 2011?"),
)


# --- an item's evidence, all of it --------------------------------------------------------------

def compose_evidence(frame: Frame, context: AskContext) -> Composed:
    named = named_editions(frame, context)
    bindings = {"item": iri(frame.items[0].iri)}
    if len(named) == 1:
        bindings["edition"] = iri(named[0].iri)
    note = edition_note(frame, context, named[:1], "") if len(named) < 2 else "in every edition"
    defined = any(entry.iri == frame.items[0].iri for entry in context.glossary)
    what = "the glossary definition of and the evidence on" if frame.words & OVERVIEW_ASKS and defined else \
        "the evidence on"
    return Composed(CatalogueCall("evidence_on_item", bindings), f"{what} {item_names(frame)} {note}".strip())


def word_evidence(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    label = frame.items[0].label
    parts, answers = [], []
    for row in rows:
        subject = "" if row["subjectLabel"] == label else f" ({row['subjectLabel']})"
        if row.get("kind") == "verdict":
            parts.append(f"{row['editionId']}{subject}: {row['levelLabel']}")
            answers.append(answer(row["subjectLabel"], iri=row["subject"], edition=row["editionId"],
                                  level=row["levelLabel"], source=row.get("sourceLabel")))
        else:
            parts.append(estimate_line(row, item_label=label))
            answers.append(estimate_answer(row))
    text_ = f"Evidence on {label}: " + "; ".join(parts) + "."
    definition = next((r["itemDefinition"] for r in rows if r.get("itemDefinition")), None)
    if definition and frame.words & OVERVIEW_ASKS:
        text_ = f"{label}: {definition} (glossary). {text_}"
    return Worded(text_, answers)



EVIDENCE = QuestionType(
    "evidence", "The evidence on one item, across editions",
    lambda f: f.asks == "evidence" and not f.polar and bool(f.items), compose_evidence, word_evidence,
    ("What is the evidence for empathy?", "tell me about the therapeutic alliance"),
)


# --- counts ------------------------------------------------------------------------------------

def compose_count(frame: Frame, context: AskContext) -> Composed:
    counted = frame.words
    if counted & {"recommendation"} or frame.audience:
        bindings = {"audience": iri(frame.audience.iri)} if frame.audience else {}
        return Composed(CatalogueCall("recommendations", bindings), "the number of recommendations"
                        + (f" for {frame.audience.label}" if frame.audience else ""), facts={"what": "recommendations"})
    if counted & {"component", "components"}:
        owner = next((i for i in frame.items if i.label.lower().endswith("alliance")), None)
        target = owner.iri if owner else "https://w3id.org/esrkg/therapeutic-alliance"
        return Composed(CatalogueCall("components", {"item": iri(target)}),
                        f"the number of components of {owner.label if owner else 'Therapeutic alliance'}",
                        facts={"what": "components"})
    if counted & {"estimate", "estimates", "finding", "findings", "analyses", "analysis"} and not frame.levels:
        return _count_estimates(frame, context)
    if counted & {"term", "glossary", "entry", "entries"}:
        return Composed(CatalogueCall("glossary", {}), "the number of glossary terms", facts={"what": "terms"})
    if counted & {"stage", "stages"} or frame.stages or any(i.iri in context.stages for i in frame.items):
        sequence = next((i.iri for i in frame.items if i.iri in context.stages), None) or next(
            (s for s in context.stages if ("assimilation" in s) == bool(counted & {"apes", "assimilation"})),
            next(iter(context.stages)))
        return Composed(CatalogueCall("stages", {"item": iri(sequence)}),
                        f"the number of stages of {context.sequence_labels.get(sequence, 'the sequence')}",
                        facts={"what": "stages"})
    checks, editions, note = _checks(frame, context, any_level=True)
    if any(not e.has_verdicts for e in editions):
        totals = [e for e in editions if e.has_totals]
        return Composed(_totals_select(totals or editions), f"the totals {' and '.join(e.id for e in editions)} "
                        "reported (it published no per-item verdicts in esrkg's sources)", facts={"what": "totals"})
    select = Select(["editionId", "levelLabel", "levelOrder", "(COUNT(DISTINCT ?item) AS ?count)"])
    select.bind_one("kind", *(iri(f"https://w3id.org/esrkg/{k}") for k in _kinds(frame)))
    select.bind(("edition", "level"), [(iri(c.edition.iri), iri(level)) for c in checks for level in c.levels])
    select.where("?item a ?kind .",
                 "?verdict a esr:Verdict ; esr:about ?item ; esr:level ?level ; esr:edition ?edition .",
                 "?level rdfs:label ?levelLabel . ?edition dcterms:identifier ?editionId ;",
                 "   esr:scale/esr:step ?step . ?step esr:level ?level ; esr:position ?levelOrder .")
    select.group_by = ["?editionId", "?levelLabel", "?levelOrder"]
    select.order("?editionId", "?levelOrder")
    what = PART_NAMES[frame.part]
    return Composed(select, f"the number of {what} per evidence level {note}".strip(), facts={"what": "levels"})


def _count_estimates(frame: Frame, context: AskContext) -> Composed:
    """'How many of the 2018 estimates are Hedges' g?': estimates per edition and metric."""
    named = named_editions(frame, context)
    select = Select(["editionId", "metric", "(COUNT(DISTINCT ?estimate) AS ?count)"])
    select.where("?estimate a esr:EffectSizeEstimate ; esr:edition ?edition ; esr:about ?subject .",
                 "?edition dcterms:identifier ?editionId .")
    select.optional("?estimate esr:metric ?metric")
    if named:
        select.bind_one("edition", *(iri(e.iri) for e in named))
    if frame.metrics:
        select.where("?estimate esr:metric ?metric .")
        select.bind_one("metric", *(text(m) for m in frame.metrics))
    if frame.part:
        select.bind_one("kind", *(iri(f"https://w3id.org/esrkg/{k}") for k in _kinds(frame)))
        select.where("?subject a ?kind .")
    if frame.thresholds:
        from esrkg.ask.types.estimates import threshold_filters

        threshold_filters(select, frame.thresholds)
    select.group_by = ["?editionId", "?metric"]
    select.order("?editionId", "?metric")
    which = " and ".join(e.id for e in named) or "every edition"
    metric = f" in {join(list(frame.metrics))}" if frame.metrics else " per metric"
    return Composed(select, f"the number of estimates{metric} in {which}", facts={"what": "estimates"})


def word_count(frame: Frame, rows: list[Row], composed: Composed) -> Worded:
    what = composed.facts.get("what")
    if what == "estimates":
        parts = [f"{r['editionId']} {r.get('metric', 'no pooled figure')}: {r['count']}" for r in rows]
        answers = [answer(str(r.get("metric", "qualitative")), edition=r["editionId"], metric=r.get("metric"),
                          count=r["count"]) for r in rows]
        return Worded("Number of estimates — " + "; ".join(parts) + ".", answers)
    if what in ("recommendations", "terms", "stages", "components"):
        return Worded(f"{len(rows)} {what}: " + join([str(r.get("text", r.get("label", r.get("glossaryLabel", ""))))
                                                      for r in rows]) + ".",
                      [answer(what, count=len(rows))])
    if what == "totals":
        parts = [f"{r['levelLabel']}: {r['count']} of {r['outOf']} {r['part']}s" for r in rows]
        answers = [answer(r["levelLabel"], edition=r["editionId"], count=r["count"], out_of=r["outOf"]) for r in rows]
        return Worded(f"{rows[0]['editionId'] if rows else ''} totals — " + "; ".join(parts) + ".", answers)
    total = sum(int(r["count"]) for r in rows)
    parts = [f"{r['editionId']} {r['levelLabel']}: {r['count']}" for r in rows]
    answers = [answer(r["levelLabel"], edition=r["editionId"], count=r["count"]) for r in rows]
    tail = f" ({total} in total)" if len(rows) > 1 else ""
    return Worded(f"Number of {PART_NAMES[frame.part]} — " + "; ".join(parts) + f"{tail}.", answers)


COUNT = QuestionType(
    "count", "How many items per level, recommendations, stages or terms",
    lambda f: f.asks == "count", compose_count, word_count,
    ("How many relationship elements are there at each evidence level?",
     "How many elements did the 2018 task force find demonstrably effective?",
     "how many recommendations for researchers does the sheet give?",
     "how many of the 2018 estimates are Hedges' g?", "how many components does the alliance have?"),
)
