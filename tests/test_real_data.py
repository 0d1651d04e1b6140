"""Known facts of the public record, asserted on a warehouse built from the real data/."""
from __future__ import annotations

import datetime as dt

import pytest

# The 23 sponsors printed on A/C.3/73/L.9/Rev.1 (2 November 2018).
L9_REV1_SPONSORS = {
    "DZA", "AZE", "BLR", "BOL", "BRA", "KHM", "CHN", "CUB", "PRK", "IND", "IRN", "KAZ", "MDG", "MMR", "NIC", "RUS",
    "ZAF", "SDN", "SYR", "TJK", "TKM", "UZB", "VEN",
}


@pytest.fixture(scope="module")
def con(real_con):
    return real_con


def tally(con, symbol: str, stage: str = "plenary") -> dict[str, int]:
    return dict(con.execute("SELECT vote, count(*) FROM votes WHERE resolution_symbol = $s AND stage = $st "
                            "GROUP BY vote", {"s": symbol, "st": stage}).fetchall())


@pytest.mark.parametrize("symbol, expected", [
    ("A/RES/73/187", (94, 59, 33)),
    ("A/RES/74/247", (79, 60, 33)),
    ("A/RES/73/27", (119, 46, 14)),
])
def test_per_state_rows_sum_to_announced_totals(con, symbol, expected):
    counts = tally(con, symbol)
    assert (counts["Y"], counts["N"], counts["A"]) == expected
    announced = con.execute("SELECT plenary_yes_count, plenary_no_count, plenary_abstain_count FROM resolutions "
                            "WHERE symbol = $s", {"s": symbol}).fetchone()
    assert announced == expected


def test_every_member_on_the_vote_date_has_a_row(con):
    # 193 members from 14 July 2011 (South Sudan); 191 in December 2005 (before Montenegro).
    assert sum(tally(con, "A/RES/73/187").values()) == 193
    assert sum(tally(con, "A/RES/60/45").values()) == 191
    assert tally(con, "A/RES/73/187")["X"] == 193 - 94 - 59 - 33


def test_sponsors_printed_on_l9_rev1(con):
    rows = con.execute("SELECT iso3 FROM sponsorships WHERE draft_symbol = 'A/C.3/73/L.9/Rev.1' "
                       "AND role = 'original'").fetchall()
    assert {r[0] for r in rows} == L9_REV1_SPONSORS
    assert con.execute("SELECT DISTINCT resolution_symbol FROM sponsorships "
                       "WHERE draft_symbol = 'A/C.3/73/L.9/Rev.1'").fetchall() == [("A/RES/73/187",)]


def test_original_sponsors_of_the_2019_draft(con):
    rows = con.execute("SELECT iso3 FROM sponsorships WHERE resolution_symbol = 'A/RES/74/247' "
                       "AND role = 'original'").fetchall()
    assert {r[0] for r in rows} == {"BLR", "KHM", "CHN", "PRK", "MMR", "NIC", "RUS", "VEN"}


@pytest.mark.parametrize("start, end", [
    ("2011-01-17", "2011-01-21"), ("2013-02-25", "2013-02-28"), ("2017-04-10", "2017-04-13"),
    ("2018-04-03", "2018-04-05"),
])
def test_expert_group_meetings_named_in_the_draft(con, start, end):
    row = con.execute("SELECT city, status FROM meetings WHERE body_short = 'IEG' AND start_date = $s "
                      "AND end_date = $e", {"s": dt.date.fromisoformat(start), "e": dt.date.fromisoformat(end)}
                      ).fetchone()
    assert row == ("Vienna", "held")


def test_states_table(con):
    assert con.execute("SELECT status, count(*) FROM states GROUP BY status ORDER BY status").fetchall() == [
        ("member", 193), ("observer", 2)]
    assert con.execute("SELECT un_member_since FROM states WHERE iso3 = 'SSD'").fetchone() == (dt.date(2011, 7, 14),)
    assert con.execute("SELECT count(*) FROM states WHERE status = 'member' AND un_regional_group IS NULL"
                       ).fetchone() == (0,)


def test_the_convention_was_adopted_without_a_vote(con):
    row = con.execute("SELECT adopted_date, adoption_mode, plenary_yes_count FROM resolutions "
                      "WHERE symbol = 'A/RES/79/243'").fetchone()
    assert row == (dt.date(2024, 12, 24), "without_vote", None)


def test_dated_bloc_membership(con):
    left = con.execute("SELECT left_date FROM bloc_memberships WHERE bloc = 'Council of Europe' AND iso3 = 'RUS'"
                       ).fetchone()
    assert left == (dt.date(2022, 3, 16),)
    assert con.execute("SELECT left_date FROM bloc_memberships WHERE bloc = 'EU' AND iso3 = 'GBR'").fetchone() == (
        dt.date(2020, 1, 31),)


def test_every_row_cites_a_source_and_a_confidence(con):
    for table in ("states", "resolutions", "votes", "sponsorships", "meetings", "bloc_memberships"):
        missing = con.execute(f"SELECT count(*) FROM {table} WHERE source IS NULL OR trim(source) = '' "  # noqa: S608
                              "OR confidence IS NULL").fetchone()
        assert missing == (0,), table


def test_hanoi_signatures(con):
    assert con.execute("SELECT count(*) FROM treaty_actions WHERE treaty = 'UN Convention against Cybercrime' "
                       "AND action = 'signature' AND place = 'Hanoi'").fetchone() == (72,)
    assert con.execute("SELECT action_date FROM treaty_actions WHERE treaty = 'UN Convention against Cybercrime' "
                       "AND iso3 = 'VNM' AND action = 'signature'").fetchone() == (dt.date(2025, 10, 25),)
    assert con.execute("SELECT count(*) FROM treaty_actions WHERE party_name = 'European Union' AND iso3 IS NULL"
                       ).fetchone()[0] >= 1


def test_bundled_history_holds_the_whole_recorded_ga_history(con):
    # Voeten's 4,864 recorded votes less the 90 of session 74 that the UN's own lists hold, plus the UN's 727.
    kept = dict(con.execute("SELECT origin, count(DISTINCT resolution_symbol) FROM all_votes GROUP BY 1").fetchall())
    assert (kept["history"], kept["unxml"], kept["curated"]) == (4_767, 727, 10)
    assert con.execute("SELECT count(*) FROM staging.history_votes").fetchone() == (715_171,)
    assert con.execute("SELECT count(*) FROM staging.history_resolutions").fetchone() == (4_864,)
    assert con.execute("SELECT min(vote_date)::VARCHAR FROM all_votes").fetchone() == ("1946-01-02",)


@pytest.mark.parametrize("symbol, expected", [("A/RES/73/187", (94, 59, 33)), ("A/RES/74/247", (79, 60, 33))])
def test_history_recomputes_the_cybercrime_tallies(con, symbol, expected):
    counts = dict(con.execute("SELECT vote, count(*) FROM staging.history_votes WHERE resolution_symbol = $s "
                              "GROUP BY vote", {"s": symbol}).fetchall())
    assert (counts["Y"], counts["N"], counts["A"]) == expected


def test_history_and_curated_votes_agree_where_they_overlap(con):
    overlap = con.execute("SELECT count(*) FROM staging.curated_votes v "
                          "JOIN staging.history_votes_iso h USING (resolution_symbol, iso3) "
                          "WHERE v.stage = 'plenary'").fetchone()[0]
    assert overlap == 1_777
    assert con.execute("SELECT count(*) FROM vote_disagreements").fetchone() == (0,)


def test_history_completes_a_curated_text_without_votes(con):
    # A/RES/62/17 (5 December 2007) went to a recorded vote: the United States alone against.
    assert tally(con, "A/RES/62/17") == {"Y": 179, "N": 1, "X": 12}
    # The dataset writes Serbia as YUG; data/state_code_variants.csv maps it from 2000-11-01.
    assert con.execute("SELECT vote, notes FROM votes WHERE resolution_symbol = 'A/RES/62/17' AND iso3 = 'SRB'"
                       ).fetchone() == ("Y", "Dataset code YUG (data/state_code_variants.csv)")
    assert con.execute("SELECT iso3 FROM votes WHERE resolution_symbol = 'A/RES/62/17' AND vote = 'N'").fetchall() == [
        ("USA",)]
    assert con.execute("SELECT DISTINCT origin FROM votes WHERE resolution_symbol = 'A/RES/62/17'").fetchall() == [
        ("history",)]


def test_the_bundled_origins_bring_only_the_texts_the_track_rules_select(con):
    # The OEWG texts of 2024 and 2025, adopted without a vote; 79/175 (privacy) is excluded in track_rules.yml.
    assert con.execute("SELECT symbol, origin, track FROM resolutions WHERE origin <> 'curated' ORDER BY symbol"
                       ).fetchall() == [("A/RES/79/237", "unxml", "international_security"),
                                        ("A/RES/80/16", "unxml", "international_security")]


# Facts the page tests asserted on the real data before they moved to the fixture world (issue #15).

def test_the_first_recorded_vote_a_res_60_45(con):
    # 8 December 2005: 177 in favour, the United States against; 13 members did not vote.
    assert tally(con, "A/RES/60/45") == {"Y": 177, "N": 1, "X": 13}
    assert con.execute("SELECT iso3 FROM votes WHERE resolution_symbol = 'A/RES/60/45' AND vote = 'N'").fetchall() == [
        ("USA",)]


@pytest.mark.parametrize("iso3, on_73_187, on_74_247", [
    ("RUS", "Y", "Y"), ("USA", "N", "N"), ("BRA", "Y", "A"), ("ARG", "A", "A"), ("AGO", "Y", "X")])
def test_votes_on_the_two_russian_drafts(con, iso3, on_73_187, on_74_247):
    rows = dict(con.execute("SELECT resolution_symbol, vote FROM votes WHERE iso3 = $i AND stage = 'plenary' "
                            "AND resolution_symbol IN ('A/RES/73/187', 'A/RES/74/247')", {"i": iso3}).fetchall())
    assert rows == {"A/RES/73/187": on_73_187, "A/RES/74/247": on_74_247}


def test_angola_sponsored_texts_of_both_camps(con):
    # Curated: it joined Russia's 2019 criminal-track draft; the UN's lists: Russia's 2019 First Committee text
    # on the draft, and the Programme of Action texts of 2022 and 2023 as a later co-sponsor.
    assert con.execute("SELECT draft_symbol, resolution_symbol, role, origin FROM sponsorships WHERE iso3 = 'AGO' "
                       "ORDER BY resolution_symbol").fetchall() == [
        ("A/C.3/74/L.11/Rev.1", "A/RES/74/247", "additional", "curated"),
        ("A/C.1/74/L.50/Rev.1", "A/RES/74/29", "original", "unxml"),
        ("A/C.1/77/L.73", "A/RES/77/37", "additional", "unxml"),
        ("A/C.1/78/L.60/Rev.1", "A/RES/78/16", "additional", "unxml")]
    blocs = {r[0] for r in con.execute("SELECT bloc FROM bloc_memberships WHERE iso3 = 'AGO' AND left_date IS NULL"
                                       ).fetchall()}
    assert "AU" in blocs and "EU" not in blocs


def test_russia_sponsored_a_res_73_27(con):
    assert ("RUS", "original") in con.execute("SELECT iso3, role FROM sponsorships "
                                              "WHERE resolution_symbol = 'A/RES/73/27'").fetchall()


def test_the_holy_see_observes_and_never_votes(con):
    assert con.execute("SELECT status FROM states WHERE iso3 = 'VAT'").fetchone() == ("observer",)
    assert con.execute("SELECT count(*) FROM all_votes WHERE iso3 = 'VAT'").fetchone() == (0,)


def test_the_vote_map_names_the_vote_of_a_state_it_cannot_draw(real_con):
    """A PNG has no table beside it: Tuvalu, which no shape or marker shows, is named with its vote."""
    from cyberdiplomacy import queries
    from cyberdiplomacy.charts import votes

    fig = votes.vote_map(queries.resolution_votes(real_con, "A/RES/74/247"), "A/RES/74/247", dt.date(2026, 1, 1))
    assert fig.layout.title.text.endswith("· not drawn: Tuvalu abstained</span>")
