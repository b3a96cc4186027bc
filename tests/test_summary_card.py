"""The summary card of an item: definition and source, verdicts, changes, every statistic, cite this."""

from esrkg.namespaces import ESR
from esrkg.summary_card import doi_link, estimate_facts, summary_card
from tests.constants import ALLIANCE, PREFERENCES


def test_card_of_the_alliance_has_every_statistic_of_the_2011_estimate(graph):
    card = summary_card(graph, str(ALLIANCE))
    assert card is not None and card.kind_label == "relationship element"
    assert card.definition.startswith("the quality and strength") and card.definition_source == "Norcross & Hill (2004)"
    facts = next(estimate_facts(e) for e in card.estimates if e.printed_value == ".275")
    assert facts["95% CI"] == "[.25, .30]" and facts["p"] == "p < .0001"
    assert facts["k"] == "190 independent data sources" and facts["N"] == "more than 14,000 treatments"
    assert facts["DOI"] == "10.1037/a0022186" and "14,000" in facts["Quoted"]
    assert {v.edition for v in card.verdicts} == {"TF1-2002", "TF2-2011"}


def test_changes_across_scales_are_not_called_upgrades(graph):
    card = summary_card(graph, str(PREFERENCES))
    assert [c.change for c in card.changes] == ["different scales"]
    assert card.changes[0].sentence() == ("TF1-2002 Insufficient research → TF2-2011 Demonstrably effective: "
                                          "different scales")


def test_an_odds_ratio_says_its_event_and_direction(graph):
    card = summary_card(graph, str(ESR["preferences-adaptation"]))
    odds = [estimate_facts(e)["What it estimates"] for e in card.estimates if e.metric == "OR"]
    assert any("odds of" in text and "favour the adaptation" in text for text in odds)


def test_cite_this_names_the_graph_the_entry_and_the_sources(graph):
    text = summary_card(graph, str(ALLIANCE)).cite_this()
    assert "esrkg" in text and str(ALLIANCE) in text and "Horvath, Del Re" in text


def test_other_nodes_have_no_card_and_dois_resolve(graph):
    assert summary_card(graph, str(ESR["TF1-2002"])) is None
    assert doi_link("10.1037/a0022186") == "https://doi.org/10.1037/a0022186" and doi_link("") == ""
