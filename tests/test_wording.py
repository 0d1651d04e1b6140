"""Generated sentences say how states voted and how large a group's position was in plain, correct words."""
from __future__ import annotations

import pytest

from cyberdiplomacy import wording


@pytest.mark.parametrize(("code", "one", "several"), [
    ("Y", "Brazil voted yes", "Brazil and India voted yes"),
    ("N", "Brazil voted no", "Brazil and India voted no"),
    ("A", "Brazil abstained", "Brazil and India abstained"),
    ("X", "Brazil did not vote", "Brazil and India did not vote"),
    (None, "Brazil has no vote on record", "Brazil and India have no vote on record"),
])
def test_a_sentence_for_every_vote_value_in_singular_and_plural(code, one, several):
    assert wording.sentence(["Brazil"], code) == one
    assert wording.sentence(["Brazil", "India"], code) == several
    assert "voted abstained" not in one + several


def test_three_states_are_listed_with_and():
    assert wording.sentence(["China", "India", "the Russian Federation"], "A") == \
        "China, India and the Russian Federation abstained"


def test_more_than_half_is_a_majority_and_half_or_less_a_plurality():
    assert wording.standing(20, 6, 5) == wording.Standing("Y", "majority", 20, 31)
    assert wording.standing(8, 8, 15) == wording.Standing("A", "plurality", 15, 31)  # 15 of 31: not a majority
    assert wording.standing(3, 0, 3) == wording.Standing("split", "tie", 3, 6, ("Y", "A"))
    assert wording.standing(2, 2, 2).tied == ("Y", "N", "A")
    assert wording.standing(0, 0, 0) is None
    assert wording.standing(5, 5, 1).kind == "tie"
    assert wording.standing(6, 5, 0).kind == "majority"  # 6 of 11


def test_a_group_standing_in_words():
    latin = "Latin American and Caribbean States"
    assert wording.standing_text(latin, wording.standing(8, 8, 15)) == (
        "a plurality of the Latin American and Caribbean States (15 of 31 casting a vote, not a majority) abstained")
    assert wording.standing_text("African States", wording.standing(20, 6, 5)) == (
        "a majority of the African States (20 of 31 casting a vote) voted yes")
    assert wording.standing_text("WEOG", wording.standing(10, 10, 2)) == (
        "the WEOG split evenly between yes and no (10 each of 22 casting a vote)")
    assert wording.standing_text("EEG", wording.standing(3, 3, 3)) == (
        "the EEG split evenly between yes, no and abstention (3 each of 9 casting a vote)")


def test_a_states_vote_against_its_group():
    latin = "Latin American and Caribbean States"
    plurality = wording.standing(8, 8, 15)
    # Brazil on 74/247: with 14 others of 31 — said as a plurality, never as a majority.
    assert wording.relation("A", latin, plurality, 15) == (
        "with the Latin American and Caribbean States plurality (15 of 31 group members casting a vote did the same, "
        "not a majority)")
    # In the minority: apart from the plurality, and how many did as it did.
    assert wording.relation("Y", latin, plurality, 8) == (
        "apart from the Latin American and Caribbean States plurality, which abstained (15 of 31, not a majority; 8 "
        "did as it did)")
    majority = wording.standing(20, 6, 5)
    assert wording.relation("Y", "African States", majority, 20) == (
        "with the African States majority (20 of 31 group members casting a vote did the same)")
    assert wording.relation("N", "African States", majority, 6) == (
        "apart from the African States majority, which voted yes (20 of 31; 6 did as it did)")
    tie = wording.standing(10, 10, 2)
    assert wording.relation("N", "WEOG", tie, 10) == (
        "on one side of an even split of the WEOG (10 of 22 group members casting a vote did the same)")
    assert wording.relation("A", "WEOG", tie, 2) == (
        "outside an even split of the WEOG (2 of 22 group members casting a vote did the same)")
