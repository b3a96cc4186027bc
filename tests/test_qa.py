"""Ask: free-text questions become frames, frames become composed SPARQL, answers say how the
question was read. The competency questions in their own words and in two more phrasings."""

import json

import pytest

from esrkg import queries
from esrkg.ask import execute
from esrkg.ask.types import QUESTION_TYPES, route
from esrkg.qa import QuestionAnswerer, ask
from esrkg.query_runner import run_query
from tests.expectations import CompetencyQuestion, check_answer, load_questions

QUESTIONS = load_questions()

# Where each query column lands in an ``ask`` answer.
ANSWER_FIELD = {
    "label": "label", "levelLabel": "level", "definition": "definition", "characteristicLabel": "label",
    "citation": "citation", "value": "value", "k": "k", "change": "change", "otherLabel": "label",
    "audienceLabel": "audience", "editionId": "edition", "relationLabel": "relation", "direction": "direction",
}


def as_answer_question(question: CompetencyQuestion) -> CompetencyQuestion:
    """The same expectation, read from ``ask`` answers instead of query rows."""
    fields = dict(question.__dict__)
    fields["column"] = ANSWER_FIELD[question.column] if question.kind != "count" else ""
    fields["where"] = {ANSWER_FIELD[k]: v for k, v in question.where.items()}
    fields["group_by"] = "label" if question.count_column else ANSWER_FIELD.get(question.group_by, "")
    fields["count_column"] = "count" if question.count_column else ""
    return CompetencyQuestion(**fields)


CASES = [(q, text) for q in QUESTIONS for text in (q.question, *q.phrasings)]


@pytest.fixture(scope="module")
def answerer(graph):
    return QuestionAnswerer(graph)


def test_every_question_has_two_phrasings_of_our_own():
    assert all(len(set(q.phrasings)) >= 2 and q.question not in q.phrasings for q in QUESTIONS)


@pytest.mark.parametrize(("question", "text"), CASES, ids=[f"{q.id}:{t}" for q, t in CASES])
def test_free_text_gives_the_expected_answer(answerer, question, text):
    result = answerer.ask(text)
    assert result.template is not None, result.text
    check_answer(as_answer_question(question), list(result.answers))


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_the_shown_sparql_reproduces_the_answer(graph, answerer, question):
    """Re-run as a user would (the safe runner, the text shown): the rows behind every answer come back."""
    result = answerer.ask(question.question)
    assert result.sparql
    rerun = run_query(graph, result.sparql, timeout=30)
    rows = [{k: str(v) for k, v in row.items()} for row in rerun.records()]
    assert len(rows) == len(execute(graph, result.sparql))
    values = {value for row in rows for value in row.values()}
    for answer in result.answers:
        assert answer["label"] in values, (answer["label"], result.sparql)


def test_every_type_has_examples_that_route_to_it(answerer):
    for kind in QUESTION_TYPES:
        assert kind.examples, kind.name
        for example in kind.examples:
            routed = route(answerer.read(example))
            assert routed is not None and routed.name == kind.name, (example, routed and routed.name)


def test_every_type_composes_a_query_whose_bindings_are_used_and_run(graph, answerer):
    import re

    for kind in QUESTION_TYPES:
        for example in kind.examples:
            frame = answerer.read(example)
            composed = kind.compose(frame, answerer.context)
            query = composed.select or composed.closest
            assert query is not None, example
            text = query.text()
            if hasattr(query, "query_id"):
                assert set(query.bindings) <= set(queries.get(query.query_id).params), example
            for names in re.findall(r"VALUES \(([^)]*)\)", text):
                for name in names.split():
                    assert text.count(name) >= 2, (example, name)  # bound, and used by a pattern
            execute(graph, text)


def test_every_answer_says_how_it_read_the_question(answerer):
    result = answerer.ask("What was the effect size of empathy in 2018?")
    assert result.reading == "Read as: the effect sizes of Empathy in TF3-2018."
    assert result.match == "exact"
    assert {a["edition"] for a in result.answers} == {"TF3-2018"}


def test_the_assumed_edition_is_named(answerer):
    result = answerer.ask("Which elements are demonstrably effective?")
    assert "no edition named" in result.reading and "TF1-2002" in result.reading
    assert "TF2-2011" not in {a.get("edition") for a in result.answers}


def test_yes_no_questions_start_with_yes_or_no(answerer):
    assert answerer.ask("Is empathy demonstrably effective?").text.startswith("Yes")
    assert answerer.ask("Was self-disclosure demonstrably effective in 2002?").text.startswith("No")


def test_a_bound_is_shown_as_a_bound_never_as_exact(answerer):
    result = answerer.ask("How many clients were in the 2011 alliance meta-analysis for individual therapy?")
    assert "more than 14,000" in result.text and "N = 14000" not in result.text and "N = 14,000" not in result.text
    assert result.answers[0]["n_more_than"] == 14000 and "n" not in result.answers[0]


def test_what_the_graph_lacks_is_said_and_the_closest_facts_shown(answerer):
    result = answerer.ask("What evidence level did the third task force give empathy?")
    assert result.answers == ()
    assert "not recorded in the graph" in result.text and "9" in result.text
    assert result.closest


def test_comparisons_compare_like_with_like(answerer):
    result = answerer.ask("preferences and dropout: 2011 vs 2018")
    assert "Not directly comparable" in result.text
    same = answerer.ask("How did the empathy-outcome correlation change from 2011 to 2018?")
    assert "r = .31 (TF2-2011) vs r = .28 (TF3-2018)" in same.text


def test_a_statistic_quoted_as_premise_is_not_what_is_asked(answerer):
    """'The r was .275 - what d does the source give?' asks the d equivalent, which the source never gives."""
    result = answerer.ask("The 2011 adult alliance r was .275 - what d does the source give for it?")
    assert result.answers == () and "d equivalent" in result.text and "not recorded" in result.text
    asked = answerer.ask("what CI does the source give for empathy in 2018?")
    assert "[.23, .33]" in asked.text and asked.template != "sources"


def test_a_short_word_with_two_letters_swapped_is_read(answerer):
    swapped = answerer.ask("what sits in the lowest evidence teir of the 2011 review?")
    spelled = answerer.ask("what sits in the lowest evidence tier of the 2011 review?")
    assert swapped.answers == spelled.answers and "Promising but insufficient research" in swapped.reading


def test_a_format_named_narrows_or_leaves_out_items_and_the_reading_says_so(answerer):
    kept = answerer.ask("which 2011 demonstrably effective elements are for group therapy?")
    assert [a["label"] for a in kept.answers] == ["Cohesion in group therapy"]
    assert "specific to group therapy" in kept.reading
    left = answerer.ask("Of the elements the first task force called demonstrably effective, which ones are not "
                        "specific to group work?")
    assert {a["label"] for a in left.answers} == {"Therapeutic alliance", "Empathy", "Goal consensus and collaboration"}
    assert "leaving out" in left.reading and "no level" not in left.reading


def test_counts_of_studies_compare_across_estimands(answerer):
    result = answerer.ask("Which 2018 meta-analysis pooled more studies, empathy or positive regard?")
    assert [a["label"] for a in result.answers] == ["Empathy"] and "k = 82" in result.text and "k = 64" in result.text
    unknown = answerer.ask("did empathy have more clients than positive regard in 2018?")
    assert unknown.text.startswith("The graph records nothing to decide this") and "Positive regard" in unknown.text


def test_spelled_numbers_and_a_leading_count_are_read(answerer):
    over = answerer.ask("Which relationship elements in the 2011 review rested on more than a thousand clients?")
    assert "N > 1000" in over.reading and "Empathy" in {a["label"] for a in over.answers}
    top = answerer.ask("Rank the three 2018 relationship elements with the highest r with outcome, highest first.")
    assert len(top.answers) == 3 and "3 largest" in top.reading


def test_items_whose_estimates_moved_are_found_like_with_like(answerer):
    down = answerer.ask("Which relationship elements show a weaker correlation with outcome in 2018 than in 2011?")
    assert down.template == "estimate_changes"
    assert {a["label"] for a in down.answers} >= {"Empathy", "Goal consensus", "Management of countertransference"}
    assert all(a["value"] < a["earlier_value"] for a in down.answers)
    # Management paired with management, never with the countertransference reactions estimate.
    assert "r = .56 (TF2-2011) to r = -.16" not in down.text
    up = answerer.ask("adaptations whose d went up between the 2011 and 2018 task forces")
    assert {a["label"] for a in up.answers} == {"Culture", "Matching intervention to coping style"}


def test_items_new_in_an_edition_had_no_verdict_before_under_any_name(answerer):
    new = answerer.ask("anything new that showed up in 2018?")
    assert {"Real relationship", "Emotional expression"} <= {a["label"] for a in new.answers}
    assert "Empathy" not in {a["label"] for a in new.answers}
    # The 2011 alliance formats were judged in 2002 as the alliance: not new.
    new_in_2011 = answerer.ask("which elements were new in 2011?")
    assert [a["label"] for a in new_in_2011.answers] == ["Collecting client feedback"]


def test_describe_and_refer_to_ask_for_the_meaning(answerer):
    assert answerer.ask("what does functional impairment refer to on the sheet?").template == "definition"
    assert answerer.ask("How does the sheet describe empathy?").template == "definition"


def test_a_dropout_claim_is_decided_by_the_odds_ratio_and_its_direction(answerer):
    """.59 (lower favours) in 2011 and 1.79 (higher favours) in 2018 both mean fewer dropouts."""
    for edition in ("2011", "2018"):
        result = answerer.ask(f"did preferences reduce dropout in {edition}?")
        assert result.text.startswith("Yes") and "fewer dropouts" in result.reading
    assert answerer.ask("did preferences mean more dropouts in 2018?").text.startswith("No")


def test_tell_me_about_gives_the_definition_then_the_evidence(answerer):
    result = answerer.ask("tell me about empathie")
    assert result.text.startswith("Empathy: the therapist's sensitive ability") and "r = .31" in result.text
    assert "definition" in result.reading
    assert "sensitive ability" not in answerer.ask("What is the evidence for empathy?").text


def test_all_estimates_lists_every_metric_and_a_narrowed_reading_says_so(answerer):
    every = answerer.ask("All estimates for preferences, 2011 and 2018, dropout odds ratios included.")
    assert {a["metric"] for a in every.answers} == {"d", "OR"} and every.template == "statistic"
    narrowed = answerer.ask("what was the correlation for countertransference reactions in 2018?")
    assert "the estimates on" in narrowed.reading and len(narrowed.answers) == 1


@pytest.mark.parametrize(("question", "term"), [
    ("What's the term for whatever keeps members coming back to a therapy group?", "Cohesion in group therapy"),
    ("what's the name for a therapist who stays non-defensive, attends to the bond and adjusts what they do?",
     "Repair of alliance ruptures"),
    ("when a therapist handles their own unresolved issues that a client stirs up, what's that?",
     "Management of countertransference"),
])
def test_a_term_asked_for_by_a_loose_description_is_found(answerer, question, term):
    result = answerer.ask(question)
    assert term in {a["label"] for a in result.answers}, result.reading


def test_not_significant_is_a_condition_on_p_or_the_ci_never_a_missing_p(graph, answerer):
    result = answerer.ask("Which 2018 estimates did not reach statistical significance?")
    assert [(a["label"], float(a["value"])) for a in result.answers] == [("Repair of alliance ruptures", 0.11)]
    assert "no p-value" not in result.reading
    # The same rows on rdflib's engine as on the Oxigraph copy Ask runs on.
    assert len(run_query(graph, result.sparql, timeout=30).records()) == len(result.answers)
    assert answerer.ask("was the 2018 rupture-resolution training correlation not significant?").text.startswith("Yes")
    assert answerer.ask("was the 2018 empathy correlation not significant?").text.startswith("No")


def test_people_in_a_description_are_not_an_audience(answerer):
    described = answerer.ask("what did the first task force put in its strongest category for what the therapist "
                             "brings to the relationship?")
    assert described.template == "items_at_level" and "Empathy" in {a["label"] for a in described.answers}
    advised = answerer.ask("what should the therapist do?")
    assert advised.template == "recommendations" and "practitioners" in advised.reading


def test_a_format_without_an_edition_reads_every_edition_with_verdicts(answerer):
    result = answerer.ask("what works in group therapy?")
    assert [a["label"] for a in result.answers] == ["Cohesion in group therapy"]
    assert "TF1-2002" in result.reading and "TF2-2011" in result.reading


def test_a_yes_no_on_the_recommendations_needs_one_that_says_it(answerer):
    assert answerer.ask("Should practitioners replace treatment with a good relationship?").text.startswith(
        "No: the sheet recommends to practitioners: \"Concurrently")
    only_therapist = answerer.ask("Should researchers study what the therapist contributes and leave the client aside?")
    assert only_therapist.text.startswith("No") and "both client and intervener" in only_therapist.text
    unrelated = answerer.ask("Does the sheet tell practitioners to charge lower fees?")
    assert not unrelated.text.startswith(("Yes", "No")) and unrelated.answers == ()
    assert "holds no answer" in unrelated.text


def test_answers_do_not_depend_on_the_stores_row_order():
    """rdflib's row order follows Python's string hashing, which changes between processes: the same
    question must get the same answer under any hash seed (it once gave Yes in one run, No in the next)."""
    import json
    import os
    import subprocess
    import sys

    from tests.ask_checks import DEV_SETS, load

    questions = ["Was the 2018 alliance-outcome correlation weaker for children and adolescents than for adults?",
                 *[e["question"] for name in DEV_SETS for e in load(name)][::9]]
    script = ("import json, sys\nfrom esrkg.graph import load_graph\nfrom esrkg.qa import QuestionAnswerer\n"
              "qa = QuestionAnswerer(load_graph())\n"
              "print(json.dumps([qa.ask(q).text for q in json.load(sys.stdin)]))")
    outputs = {subprocess.run([sys.executable, "-c", script], input=json.dumps(questions), capture_output=True,
                              text=True, check=True, timeout=300, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3")}
    assert len(outputs) == 1


def test_an_item_named_in_other_words_and_asked_what_it_is_called(answerer):
    called = answerer.ask("a therapist who is authentic with clients: what's that called?")
    assert [a["label"] for a in called.answers] == ["Congruence/genuineness"]
    assert answerer.ask("how good is the evidence for progress monitoring?").answers[0]["label"] == \
        "Collecting client feedback"


def test_researchers_named_in_other_words_get_their_recommendations(answerer):
    for question in ("What is the research agenda for investigators of the therapy relationship?",
                     "advice for people doing research on the alliance"):
        result = answerer.ask(question)
        assert result.template == "recommendations" and {a["audience"] for a in result.answers} == {"researchers"}


def test_a_yes_no_question_after_a_statement_or_a_dash_is_yes_no(answerer):
    after_statement = answerer.ask("The 2011 review gives an odds ratio of .59 for dropout. Does that mean "
                                   "accommodating preferences cut dropout?")
    assert after_statement.text.startswith("Yes")
    after_dash = answerer.ask("For clients of other ethnicities - did the 2002 sheet say tailoring to ethnicity works?")
    assert after_dash.text.startswith("No")
    assert answerer.ask("empathy was demonstrably effective in 2011, yes?").text.startswith("Yes")


def test_a_claim_about_an_edition_without_per_item_verdicts_is_not_decided_by_another(answerer):
    result = answerer.ask("Empathy was demonstrably effective in 2011 - did the 2018 task force keep it there?")
    assert result.answers == () and "not recorded" in result.text and not result.text.startswith(("Yes", "No"))
    assert "TF2-2011 Empathy: Demonstrably effective" in result.text  # shown as the closest fact


def test_a_statistic_of_an_adaptation_asked_with_client_words_is_a_statistic(answerer):
    result = answerer.ask("how big is the effect of matching directiveness for clients who resist? latest numbers")
    assert result.template == "statistic" and "d = .79" in result.text


def test_a_broader_items_estimate_answers_for_a_narrower_item(answerer):
    result = answerer.ask("how many studies did the 2018 review of self-disclosure include?")
    assert "k = 21" in result.text and "broader item Self-disclosure and immediacy" in result.reading


def test_a_ci_that_straddles_zero_is_checked_on_the_interval(answerer):
    assert answerer.ask("does the CI for the 2018 rupture-resolution training correlation straddle zero?"
                        ).text.startswith("Yes")
    assert answerer.ask("2011 countertransference reactions: does the CI cross 0?").text.startswith("No")


def test_a_total_the_source_gives_only_in_parts_is_not_recorded_but_its_parts_are_shown(answerer):
    result = answerer.ask("total N of the 2018 couple and family alliance meta-analysis?")
    assert result.answers == () and "not recorded" in result.text and "2,568 families and 1,545 couples" in result.text


def test_a_comparison_between_items_is_not_narrowed_by_one_sides_words(answerer):
    result = answerer.ask("In 2018, was the alliance stronger for adults in individual therapy than for children?")
    assert result.text.startswith("Yes") and "r = .19" in result.text


def test_examples_and_left_out_parts_do_not_restrict_the_list(answerer):
    examples = answerer.ask("which client factors, e.g. gender, had insufficient research in 2002?")
    assert {"Gender", "Ethnicity", "Attachment style"} <= {a["label"] for a in examples.answers}
    not_adaptations = answerer.ask("Which relationship elements (not the adaptations) were probably effective in 2011?")
    assert {a["label"] for a in not_adaptations.answers} == {"Collaboration", "Goal consensus", "Positive regard"}


def test_two_levels_that_cannot_both_hold_are_read_as_either(answerer):
    result = answerer.ask("which adaptations did the 2011 task force rate either demonstrably or probably effective?")
    assert {"Culture", "Stages of change"} <= {a["label"] for a in result.answers}
    assert "Demonstrably effective or Probably effective" in result.reading


def test_what_works_for_clients_with_a_characteristic_lists_what_is_tailored_to_it(answerer):
    result = answerer.ask("for very distressed, severely impaired clients, what did the 2002 task force say works?")
    assert "Lengthier, more intensive intervention to address higher functional impairment" in {
        a["label"] for a in result.answers}


def test_a_claim_quoting_figures_is_checked_against_the_graphs_figures(answerer):
    wrong_edition = answerer.ask("A paper says the 2018 empathy meta-analysis found r = .31. Is that right?")
    assert wrong_edition.text.startswith("No") and "r = .28" in wrong_edition.text
    assert "r = .31" in wrong_edition.reading
    right = answerer.ask("is it correct that the 2011 couple and family alliance had a 95% CI of .20-.33 and p < .005?")
    assert right.text.startswith("Yes")
    assert answerer.ask("was the 2011 empathy CI .25 to .34?").text.startswith("No")


def test_authors_and_year_shared_by_two_publications_name_both(answerer):
    result = answerer.ask("What I2 did Constantino et al. (2018) report for early outcome expectations?")
    assert "I² = 76%" in result.text


def test_at_least_one_is_no_ranking_and_which_two_ranks_two(answerer):
    few = answerer.ask("Which 2018 elements have at least one estimate resting on fewer than 20 studies?")
    assert "k < 20" in few.reading and "Real relationship" in {a["label"] for a in few.answers}
    two = answerer.ask("2018, correlations only: which two items have the highest r?")
    assert len(two.answers) == 2 and "2 largest" in two.reading


def test_a_client_asking_about_themselves(answerer):
    assert answerer.ask("If I get the kind of therapy I asked for, am I less likely to drop out?").text.startswith(
        "Yes")
    ready = answerer.ask("I'm not ready to change yet - does that matter for how therapy should go?")
    assert "Readiness to change" in ready.reading


def test_a_statement_before_the_question_is_a_premise_not_a_condition(answerer):
    printed = answerer.ask("The authors say the 2011 congruence effect was significant at p < .001. What p-value "
                           "was actually printed?")
    assert "p = .003" in printed.text
    checked = answerer.ask("A paper claims 2018 rupture-resolution training was significantly related to outcome "
                           "(r = .11). Was it significant?")
    assert checked.text.startswith("No")
    asked = answerer.ask("any 2011 correlations of .30 or higher? which items?")
    assert "r ≥ 0.30" in asked.reading or ">= 0.30" in asked.reading or ".30" in asked.reading


def test_a_claimed_up_or_downgrade_is_checked_and_never_made_across_scales(answerer):
    assert answerer.ask("Empathy got demoted by the 2011 task force, right?").text.startswith("No")
    across = answerer.ask("was congruence downgraded in 2011?")
    assert across.text.startswith("The sources do not say") and "different scales" in across.text


def test_a_tag_question_negates_nothing(answerer):
    assert answerer.ask("The 2018 rupture-resolution training finding was significant, wasn't it?").text.startswith(
        "No")
    assert answerer.ask("The 2011 empathy correlation was significant, wasn't it?").text.startswith("Yes")


def test_diagnoses_and_medication_are_outside_and_never_corrected_into_the_graphs_words(answerer):
    for question in ("What dose of sertraline should go with therapy for depression?",
                     "is CBT better than EMDR for trauma?"):
        assert answerer.ask(question).match == "not understood"


def test_leaving_aside_looked_good_and_no_earlier_task_force(answerer):
    aside = answerer.ask("Leaving the alliance aside, which elements did 2011 rate demonstrably effective?")
    assert {a["label"] for a in aside.answers} == {"Collecting client feedback", "Cohesion in group therapy", "Empathy"}
    promising = answerer.ask("which customizations did 2002 think looked good but not yet fully proven?")
    assert "Promising and probably effective" in promising.reading
    new = answerer.ask("which elements did 2018 review that no earlier task force had looked at?")
    assert "Real relationship" in {a["label"] for a in new.answers}


def test_every_item_named_in_a_level_claim_must_hold(answerer):
    result = answerer.ask("Feedback was in the 2002 top tier along with empathy, wasn't it?")
    assert result.text.startswith("No")


def test_a_statement_asked_as_a_question_or_marked_y_n_is_yes_no_and_a_request_is_not(answerer):
    assert answerer.ask("So the 2018 meta-analysis found rupture-resolution training significantly improved "
                        "outcomes?").text.startswith("No")
    assert answerer.ask("collecting client feedback 2011 - top rated y/n").text.startswith("Yes")
    assert "doi 10.1037/a0022063" in answerer.ask("Could you find me the DOI for the 2011 group cohesion paper?").text
    assert answerer.ask("empathy 2018 r?").template == "statistic"


def test_small_numbers_in_words_and_more_words_for_thin_research(answerer):
    assert "k < 10" in answerer.ask("Which 2018 estimates were based on fewer than ten studies?").reading
    thin = answerer.ask("which 2011 ways of fitting therapy to the client were judged too thinly researched?")
    assert {a["label"] for a in thin.answers} == {"Attachment style", "Expectations"}


@pytest.mark.parametrize(("question", "choice", "expected"), [
    ("Is empathy demonstrably effective?", False, True),
    ("In 2011, was empathy rated highly?", False, True),
    ("Empathy was significant, wasn't it?", False, True),
    ("empathy 2011 top rated y/n", False, True),
    ("So 2018 found that empathy improved outcomes?", False, True),
    ("Was it empathy or the alliance?", True, False),
    ("Could you find me the DOI of the 2011 empathy paper?", False, False),
    ("Is the N exact or a floor? What is it?", False, False),
    ("empathy 2018 r?", False, False),
])
def test_how_a_question_is_put(question, choice, expected):
    from esrkg.ask.shape import asks_yes_or_no

    assert asks_yes_or_no(question, choice=choice, names_item=True, states_level=False) is expected


def test_words_outside_the_sources_occur_nowhere_in_the_graph(graph):
    from esrkg import queries
    from esrkg.ask.lexicon import OUTSIDE_WORDS
    from esrkg.linking import fold

    texts = [str(r["text"]) for r in queries.rows(graph, "ask_words")] + [
        str(r["name"]) for r in queries.rows(graph, "labels")]
    assert not OUTSIDE_WORDS & set(fold(" ".join(texts)).split())


def test_in_plain_words_asks_the_meaning_and_a_stray_word_beside_a_diagnosis_names_nothing(answerer):
    assert answerer.ask("what does congruence mean in plain words?").template == "definition"
    assert answerer.ask("best treatment for bipolar disorder?").match == "not understood"


def test_changes_across_scales_are_not_called_up_or_downgrades(answerer):
    result = answerer.ask("congruence verdict 2002 vs 2011")
    assert "different scales" in result.text and "downgraded" not in result.text


@pytest.mark.parametrize("text", [
    "what is the capital of France", "asdfghjkl", "", "   ", "?!", "tell me a joke about lawyers",
    "how tall is the Eiffel tower",
])
def test_questions_outside_the_graph_are_not_understood_and_get_suggestions(answerer, text):
    result = answerer.ask(text)
    assert result.answers == () and result.template is None and result.match == "not understood"
    assert len(result.suggestions) == 3 and "could not match" in result.text


def test_user_text_is_bound_as_a_term_never_pasted(graph, answerer):
    result = answerer.ask('Which glossary definitions mention "} ; DROP ALL ; # empathy?')
    before = len(graph)
    assert "DROP ALL" not in result.sparql.replace('\\"', "").split("VALUES")[0]
    answerer.ask('"} ; DROP ALL ; #')
    assert len(graph) == before


def test_json_shape(graph):
    data = json.loads(json.dumps(ask(graph, "What is empathy?").to_dict(), default=str))
    assert set(data) >= {"question", "template", "answers", "text", "sparql", "reading", "match"}
    assert data["answers"][0]["label"] == "Empathy" and data["answers"][0]["iri"].endswith("/empathy")
    assert "suggestions" in ask(graph, "what is the capital of France").to_dict()


def test_inferred_graph_answers_the_same(graph, inferred_graph):
    assert ask(graph, "What is empathy?").answers == ask(inferred_graph, "What is empathy?").answers


def test_long_and_odd_input_is_answered_without_error(answerer):
    for text in ("empathy " * 500, "\x00\x01 empathy", "é" * 2000, "0.3" * 300):
        result = answerer.ask(text)
        assert result.match in ("exact", "partial", "not understood")
