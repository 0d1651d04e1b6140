"""One vote state by state, who changed between two votes, and agreement of pairs over time: exact values on a
hand-written vote, the fixture world and the real record."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from cyberdiplomacy import defaults, figures, queries, views
from cyberdiplomacy import filters as url_filters
from tests.markdown_support import markdown_shown

AF, AP, EE, WEOG = ("African States", "Asia-Pacific States", "Eastern European States",
                    "Western European and other States")
# One made-up vote: the African States 3 yes of 4 casting (Algeria no, Egypt did not vote), the Asia-Pacific three
# split evenly, the Eastern Europeans 2 no of 3 (Russia yes), the WEOG 3 no of 4 (Italy abstained), Kiribati in none.
VOTE = pd.DataFrame([
    ("AGO", "Angola", AF, "Y"), ("BEN", "Benin", AF, "Y"), ("CMR", "Cameroon", AF, "Y"), ("DZA", "Algeria", AF, "N"),
    ("EGY", "Egypt", AF, "X"), ("CHN", "China", AP, "Y"), ("IND", "India", AP, "A"), ("IRN", "Iran", AP, "N"),
    ("RUS", "Russian Federation", EE, "Y"), ("POL", "Poland", EE, "N"), ("UKR", "Ukraine", EE, "N"),
    ("USA", "United States", WEOG, "N"), ("FRA", "France", WEOG, "N"), ("DEU", "Germany", WEOG, "N"),
    ("ITA", "Italy", WEOG, "A"), ("KIR", "Kiribati", "No regional group", "Y"),
], columns=["iso3", "state_name", "un_regional_group", "vote"]).assign(confidence="confirmed", origin="curated")


def test_the_roll_lists_every_state_by_group_those_against_its_majority_first():
    roll = views.roll_call.roll(VOTE)
    assert list(roll["iso3"]) == ["DZA", "AGO", "BEN", "CMR", "EGY", "CHN", "IND", "IRN", "RUS", "POL", "UKR",
                                  "ITA", "FRA", "DEU", "USA", "KIR"]
    # Not voting is not voting against; an even split and no group have no majority to vote against.
    assert list(views.roll_call.against_majority(roll)["iso3"]) == ["DZA", "RUS", "ITA"]
    assert roll.set_index("iso3")["group_majority_vote"].dropna().to_dict() == {
        "DZA": "Y", "AGO": "Y", "BEN": "Y", "CMR": "Y", "EGY": "Y", "RUS": "N", "POL": "N", "UKR": "N", "ITA": "N",
        "FRA": "N", "DEU": "N", "USA": "N"}
    assert [markdown_shown(line) for line in views.roll_call.group_lines(roll, [AF, AP, "No regional group"])] == [
        "- **African States**: a majority of the African States (3 of 4 casting a vote) voted yes; against its "
        "majority: Algeria (voted no).",
        "- **Asia-Pacific States**: the Asia-Pacific States split evenly between yes, no and abstention (1 each of 3 "
        "casting a vote); no majority to vote against.",
        "- **No regional group**: no regional group; no group majority to vote against."]


def test_the_roll_of_a_fixture_vote(world_con):
    # The fixture world dates no regional group: its members on 99/1 are in none, and none broke a group's ranks.
    roll = views.roll_call.roll(queries.resolution_votes(world_con, "A/RES/99/1"))
    assert list(roll["iso3"]) == ["CHN", "FRA", "RUS", "USA"]
    assert not roll["is_against_group_majority"].any()
    assert set(roll["un_regional_group"]) == {"No regional group"}


def test_who_broke_ranks_on_73_187(real_con):
    # A/RES/73/187, 17 December 2018 (A/73/PV.55), 94-59-33: each member's regional group on that date. The Eastern
    # European States voted no, 18 of 23 casting a vote; the five that voted yes are named first and marked.
    roll = views.roll_call.roll(queries.resolution_votes(real_con, "A/RES/73/187"))
    eastern = roll[roll["un_regional_group"] == EE]
    assert eastern["group_majority_vote"].iloc[0] == "N"
    assert list(zip(eastern["state_name"], eastern["vote"], eastern["is_against_group_majority"], strict=True))[:6] == [
        ("Armenia", "Y", True), ("Azerbaijan", "Y", True), ("Belarus", "Y", True), ("Russian Federation", "Y", True),
        ("Serbia", "Y", True), ("Albania", "N", False)]
    assert list(views.roll_call.against_majority(roll, EE)["iso3"]) == ["ARM", "AZE", "BLR", "RUS", "SRB"]
    # The WEOG voted no, 28 of 29 casting a vote: Türkiye abstained.
    assert list(views.roll_call.against_majority(roll, WEOG)["iso3"]) == ["TUR"]


def test_who_changed_between_two_votes_by_group():
    swings = pd.DataFrame({"iso3": ["AGO", "BEN", "CHN", "FRA", "USA"], "vote_from": ["Y", "Y", "A", "N", None],
                           "vote_to": ["A", "X", "Y", "N", "N"],
                           "swing_value": [-0.5, math.nan, 0.5, 0.0, math.nan],
                           "swing_direction": ["towards no", "not comparable", "towards yes", "same", "not comparable"],
                           "state_name": ["Angola", "Benin", "China", "France", "United States"],
                           "un_regional_group": [AF, AF, AP, WEOG, WEOG]})
    moved = views.roll_call.changers(swings)
    assert list(zip(moved["iso3"], moved["change"], strict=True)) == [
        ("AGO", "towards no"), ("BEN", "to or from not voting"), ("CHN", "towards yes")]
    assert list(views.roll_call.changers(swings, [AP])["iso3"]) == ["CHN"]
    assert [markdown_shown(line) for line in views.roll_call.change_lines(moved)] == [
        "- **African States**: towards no (1): Angola (Yes → Abstain); to or from not voting (1): Benin (Yes → Did "
        "not vote).",
        "- **Asia-Pacific States**: towards yes (1): China (Abstain → Yes)."]


def test_a_swing_groups_states_by_their_group_on_the_later_vote():
    rows = pd.DataFrame({"iso3": ["AAA", "AAA"], "resolution_symbol": list(defaults.SWING), "vote": ["Y", "N"]})
    labels = pd.DataFrame({"iso3": ["AAA"], "name": ["Aland"], "un_regional_group": ["Asia-Pacific States"]})
    earlier = pd.DataFrame({"iso3": ["AAA"], "un_regional_group": [AF]})
    later = pd.DataFrame({"iso3": ["AAA"], "un_regional_group": [WEOG]})
    assert views.alignment.swings(rows, labels, "criminal", earlier, later)["un_regional_group"].tolist() == [WEOG]
    assert views.alignment.swings(rows, labels, "criminal")["un_regional_group"].tolist() == ["Asia-Pacific States"]


def _over_time(world_con, pairs: tuple[str, ...], method: str = defaults.AGREEMENT_METHOD) -> pd.DataFrame:
    drawn = figures.build("agreement-over-time", figures.Direct(world_con), url_filters.Filters(), pairs=pairs,
                          method=method)
    return drawn.table.set_index(["iso3", "other_iso3", "scope", "year"]).sort_index()


def test_agreement_over_time_of_a_pair_on_the_fixture_world(world_con):
    table = _over_time(world_con, ("FRA-RUS", "RUS-USA"))
    # 2010, all votes: 65/9 (France abstained, Russia yes: ½) and 99/1 (both yes: 1) -> 0.75 over 2 votes.
    assert table.loc[("FRA", "RUS", "all", 2010), ["shared_vote_count", "agreement_share"]].tolist() == [2, 0.75]
    # 2010, ICT votes: 99/1 only (both yes).
    assert table.loc[("FRA", "RUS", "cyber", 2010), ["shared_vote_count", "agreement_share"]].tolist() == [1, 1.0]
    # 1975: 30/1, both no -> 1; 1985: 40/5, Russia yes, the United States no -> 0.
    assert table.loc[("RUS", "USA", "all", 1975), "agreement_share"] == 1.0
    assert table.loc[("RUS", "USA", "all", 1985), "agreement_share"] == 0.0
    # No vote in 1976: a gap (no value, no votes), never a zero; the years run to the last on record (2019).
    gap = table.loc[("RUS", "USA", "all", 1976)]
    assert gap["shared_vote_count"] == 0 and math.isnan(gap["agreement_share"])
    assert table.xs(("RUS", "USA", "all"))["agreement_share"].index.max() == 2019
    assert table.xs(("RUS", "USA", "cyber")).index.min() == 2010
    # A same-vote share counts France's abstention against Russia's yes as a disagreement.
    same = _over_time(world_con, ("FRA-RUS",), "same_vote")
    assert same.loc[("FRA", "RUS", "all", 2010), "agreement_share"] == 0.5


def test_agreement_over_time_says_the_finding(world_con):
    fig = figures.build("agreement-over-time", figures.Direct(world_con), url_filters.Filters(states=("RUS", "USA")))
    # RUS-USA on all votes: 1975 agreed (30/1), 2019 not (99/4).
    assert fig.fig.layout.meta["title"] == ("Russian Federation – United States of America: 0% agreement on all "
                                            "recorded votes in 2019 (1 shared), against 100% in 1975")
    trace = next(t for t in fig.fig.data if t.yaxis == "y2")
    assert None in [None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in trace.y]
    # Each panel runs from its first year (ICT votes 2010, all 1975) to the last on record (2019), not a year on.
    assert [list(x.range) for x in fig.fig.select_xaxes()] == [[2009.5, 2019.5], [1974.5, 2019.5]]
    assert views.states.default_pairs(["IND", "USA", "RUS"]) == ["IND-USA", "IND-RUS"]


@pytest.mark.parametrize("states,expected", [(("IND",), []), (("IND", "USA", "RUS"), ["IND-USA", "IND-RUS", "USA-RUS"])])
def test_pair_options(states, expected):
    assert views.states.pair_options(states) == expected
