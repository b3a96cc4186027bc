"""Links to pages: every parameter read in the library, a bad value one sentence and the default."""

import pytest

from esrkg.page_params import Choice, Choices, Switch, Text, Whole, explore_params, read_params
from esrkg.viz import DEFAULT_KINDS, ViewModel
from tests.constants import DEMONSTRABLY_EFFECTIVE, EMPATHY, TF1

DEPTH = Whole("depth", "neighbourhood depth", 1, 4, default=1)


@pytest.fixture(scope="module")
def explore(graph):
    return explore_params(ViewModel.from_graph(graph))


def one_sentence(text: str) -> bool:
    return text.endswith(".") and text.count(". ") == 0 and "\n" not in text


@pytest.mark.parametrize("value", ["abc", "1.5", "9" * 500, "9" * 5000, "0", "5", "-1", "+2", "1_0", "٣", " ", "2 3"])
def test_a_bad_depth_is_one_sentence_and_the_default(value):
    link = read_params([DEPTH], {"depth": [value]})
    assert link["depth"] == 1
    if value.strip():
        assert len(link.problems) == 1 and one_sentence(link.message)
        assert link.message.startswith("The link's neighbourhood depth must be a whole number from 1 to 4, not ")
        assert len(link.message) < 200, "a 5,000-digit value is quoted shortened"


@pytest.mark.parametrize(("value", "depth"), [("1", 1), ("4", 4), (" 2 ", 2)])
def test_a_good_depth_is_read(value, depth):
    link = read_params([DEPTH], {"depth": [value]})
    assert link["depth"] == depth and not link.problems


def test_nothing_in_the_link_gives_the_defaults_and_no_sentence(explore):
    link = read_params(explore, {})
    assert link.message == "" and link["kinds"] == DEFAULT_KINDS and link["depth"] == 1 and link["physics"] is False


def test_explore_values_map_to_iris(explore):
    link = read_params(explore, {"focus": ["empathy"], "levels": ["demonstrably-effective"], "editions": ["TF1-2002"],
                                 "kinds": ["RelationshipElement,EvidenceLevel"], "depth": ["3"], "physics": ["0"]})
    assert link.message == ""
    assert link["focus"] == str(EMPATHY) and link["levels"] == (str(DEMONSTRABLY_EFFECTIVE),)
    assert link["editions"] == (str(TF1),) and link["kinds"] == ("RelationshipElement", "EvidenceLevel")
    assert link["depth"] == 3 and link["physics"] is False


def test_duplicates_are_dropped(explore):
    link = read_params(explore, {"kinds": ["RelationshipElement,RelationshipElement", "RelationshipElement"],
                                 "depth": ["2", "2"]})
    assert link["kinds"] == ("RelationshipElement",) and link["depth"] == 2 and link.message == ""


def test_a_one_value_parameter_given_twice_uses_the_first_and_says_so():
    link = read_params([DEPTH], {"depth": ["2", "3"]})
    assert link["depth"] == 2
    assert link.message == "The link gives neighbourhood depth 2 times ('2', '3'); using the first."


def test_unknown_kinds_are_named_and_the_known_ones_kept(explore):
    link = read_params(explore, {"kinds": ["RelationshipElement,Unicorn,<script>alert(1)</script>"]})
    assert link["kinds"] == ("RelationshipElement",)
    assert link.message == ("The link names kinds of node the graph does not have: 'Unicorn', "
                            "'<script>alert(1)</script>'; they are left out.")


def test_only_unknown_kinds_give_the_default_kinds(explore):
    link = read_params(explore, {"kinds": ["Unicorn"]})
    assert link["kinds"] == DEFAULT_KINDS
    assert link.message.endswith("'Unicorn'; showing the default kinds instead.")


def test_many_unknown_values_are_named_up_to_five(explore):
    link = read_params(explore, {"editions": [",".join(f"ed{n}" for n in range(40))]})
    assert "'ed4' and 35 more; showing every edition instead." in link.message and one_sentence(link.message)


def test_an_unknown_focus_says_so(explore):
    link = read_params(explore, {"focus": ["no-such-term"]})
    assert link["focus"] == ""
    assert link.message == "The link's term to focus on 'no-such-term' is not in the graph; showing no focus."


@pytest.mark.parametrize("value", ["yes please", "2", "\x00"])
def test_a_bad_physics_value(explore, value):
    link = read_params(explore, {"physics": [value]})
    assert link["physics"] is False and link.message.startswith("The link's physics setting must be 1 (on) or 0 (off)")


def test_several_bad_parameters_get_one_sentence_each(explore):
    link = read_params(explore, {"depth": ["abc"], "kinds": ["Unicorn"], "focus": ["nowhere"]})
    assert len(link.problems) == 3 and all(one_sentence(p) for p in link.problems)


def test_parameters_the_page_does_not_use_are_named_but_streamlits_own_are_not(explore):
    link = read_params(explore, {"colour": ["red"], "embed": ["true"]})
    assert link.message == "This page does not use 'colour' in its link; it is ignored."


def test_control_characters_are_quoted_escaped():
    link = read_params([Choice("focus", "term to focus on", {})], {"focus": ["a\nb\x1b[31m"]})
    assert "\n" not in link.message and "\\n" in link.message and "\x1b" not in link.message


def test_text_and_choices_defaults():
    spec = [Text("q", "search", max_chars=10), Choices("levels", "levels", {"a": "A"}, default=("A",))]
    assert read_params(spec, {"q": ["short"], "levels": [""]}).values == {"q": "short", "levels": ("A",)}
    too_long = read_params(spec, {"q": ["x" * 11]})
    assert too_long["q"] == "" and "is 11 characters long" in too_long.message


def test_switch_words():
    spec = [Switch("physics", "physics", default=False)]
    assert read_params(spec, {"physics": ["ON"]})["physics"] is True
    assert read_params(spec, {"physics": ["false"]})["physics"] is False
