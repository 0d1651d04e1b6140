"""Blocs exist from their founding (a member is counted on a vote only under a spell in force that day), each state
counts in one UN regional group, and every surface says the same of a vote's groups (issue 23, items 3 and 4)."""
from __future__ import annotations

import pandas as pd
import pytest

from cyberdiplomacy import briefing, metrics, queries
from cyberdiplomacy.charts import votes as vote_charts

GROUP_COUNTS = ["yes_count", "no_count", "abstain_count", "non_voting_count"]


def test_every_spell_starts_and_none_before_its_bloc(real_con):
    assert real_con.execute("SELECT count(*) FROM bloc_memberships WHERE start_date IS NULL").fetchone() == (0,)
    early = real_con.execute("SELECT count(*) FROM bloc_memberships m JOIN blocs b USING (bloc) "
                             "WHERE m.start_date < b.founding_date").fetchone()
    assert early == (0,)


def test_au_on_a_1990_vote_is_nothing(real_con):
    # The AU replaced the OAU on 9 July 2002 (GA/10038); the OAU is not a bloc of the record, so a 1990 vote has no
    # AU figures at all (it counted 53 of 54 AU members on every date before).
    assert real_con.execute("SELECT count(*) FROM all_votes WHERE year(vote_date) = 1990").fetchone()[0] > 0
    assert queries.bloc_member_votes(real_con, ["AU"], "all", 1990, 1990).empty
    every = queries.bloc_member_votes(real_con, ["AU"], "all", 1946, 2030)
    assert every["vote_date"].min() >= pd.Timestamp("2002-07-09")
    first, = real_con.execute("SELECT founding_date FROM blocs WHERE bloc = 'AU'").fetchone()
    assert str(first) == "2002-07-09"


@pytest.mark.parametrize("bloc, founded", [("G77", "1964-06-15"), ("NAM", "1961-09-01"), ("OIC", "1969-09-25"),
                                           ("BRICS", "2009-06-16"), ("African States", "1963-12-17")])
def test_no_bloc_votes_before_its_founding(real_con, bloc, founded):
    members = queries.bloc_member_votes(real_con, [bloc], "all", 1946, 2030)
    assert not members.empty and members["vote_date"].min() >= pd.Timestamp(founded)


def test_south_africa_counts_in_brics_from_december_2010(real_con):
    members = queries.bloc_member_votes(real_con, ["BRICS"], "all", 2009, 2010)
    assert set(members.loc[members["vote_date"] < "2010-12-23", "iso3"]) == {"BRA", "CHN", "IND", "RUS"}


def test_turkiye_counts_in_one_regional_group(real_con):
    groups = real_con.execute("SELECT bloc FROM bloc_memberships WHERE iso3 = 'TUR' AND bloc_kind = "
                              "'un_regional_group'").fetchall()
    assert groups == [("Western European and other States",)]
    assert real_con.execute("SELECT un_regional_group FROM states WHERE iso3 = 'TUR'").fetchone() == groups[0]


def page_counts(con, symbol: str) -> pd.DataFrame:
    """Resolution history's 'votes by group' figure: the bars drawn, per group and vote."""
    fig = vote_charts.votes_by_group(queries.resolution_votes(con, symbol), symbol, "2026-12-07")
    bars = {trace.name: dict(zip(trace.y, trace.x, strict=True)) for trace in fig.data}
    table = pd.DataFrame(bars).fillna(0).astype(int)
    return table.rename(columns={"Yes": "yes_count", "No": "no_count", "Abstain": "abstain_count",
                                 "Did not vote": "non_voting_count"})[GROUP_COUNTS]


def pack_counts(con, symbol: str) -> pd.DataFrame:
    groups = queries.briefing_group_votes(con)
    groups = groups[(groups["resolution_symbol"] == symbol) & (groups["stage"] == "plenary")]
    return groups.set_index("un_regional_group")[GROUP_COUNTS]


def cohesion_counts(con, symbol: str, group: str) -> dict:
    members = queries.bloc_member_votes(con, [group], "cyber", 2018, 2019)
    members = members[members["resolution_symbol"] == symbol]
    row = metrics.bloc_cohesion(members).iloc[0]
    return {c: int(row[c]) for c in ("yes_count", "no_count", "abstain_count")}


def test_73_187_asia_pacific_counts_equal_on_every_surface(real_con):
    symbol, group = "A/RES/73/187", "Asia-Pacific States"
    page = page_counts(real_con, symbol).loc[group].to_dict()
    pack = pack_counts(real_con, symbol).loc[group].to_dict()
    assert page == pack == {"yes_count": 36, "no_count": 9, "abstain_count": 8, "non_voting_count": 1}
    assert cohesion_counts(real_con, symbol, group) == {k: pack[k] for k in ("yes_count", "no_count", "abstain_count")}
    text = " ".join(briefing.for_resolution(real_con, symbol).summary)
    assert "Asia-Pacific States 36 yes, 9 no, 8 abstaining of 54" in text


def test_every_group_counts_alike_on_page_pack_and_cohesion(real_con):
    for symbol in ("A/RES/73/187", "A/RES/74/247"):
        page, pack = page_counts(real_con, symbol), pack_counts(real_con, symbol).drop(index="World")
        pd.testing.assert_frame_equal(page.sort_index(), pack.sort_index(), check_names=False, check_dtype=False)
        for group in page.index:
            assert cohesion_counts(real_con, symbol, group) == {
                k: int(page.loc[group, k]) for k in ("yes_count", "no_count", "abstain_count")}


def test_74_247_strongest_support_is_one_finding(real_con):
    symbol = "A/RES/74/247"
    page_title = vote_charts.votes_by_group(queries.resolution_votes(real_con, symbol), symbol, "2026-12-07"
                                            ).layout.title.text
    pack = briefing.for_resolution(real_con, symbol)
    sentence = " ".join(pack.summary)
    # 34 of Asia-Pacific's 54 members voted yes (63%), 31 of Africa's 54 (57%): the page said African States (yes
    # among votes cast), the pack Asia-Pacific (yes among members); both now read yes among members.
    assert "strongest support from Asia-Pacific States (63% of members yes)" in page_title
    assert "Support was strongest among Asia-Pacific States (63% of its members voted yes)" in sentence
    assert pack.lead.title.startswith(f"{symbol}: strongest support from Asia-Pacific States (63% of members yes)")
    for text in (page_title, sentence, pack.lead.title):
        assert "weakest" in text and "Western European and other States" in text.split("weakest", 1)[1]
