"""Query functions on the hand-written fixture world: exact values."""
from __future__ import annotations

import pytest

from cyberdiplomacy import queries, views


@pytest.fixture(scope="module")
def con(world_con):
    return world_con


def test_resolution_history_tallies(con):
    history = queries.resolution_history(con).set_index("symbol")
    row = history.loc["A/RES/99/2"]
    assert (row["plenary_state_yes_count"], row["plenary_state_no_count"], row["plenary_state_abstain_count"],
            row["plenary_state_non_voting_count"]) == (2, 1, 1, 1)
    assert history.loc["A/RES/99/3", "adoption_mode"] == "without_vote"
    assert not history.loc["A/RES/99/3", "has_state_votes"]
    # A/RES/99/4 has no curated date: undated texts come last.
    assert list(queries.resolution_history(con, tracks=["international_security"])["symbol"]) == [
        "A/RES/99/1", "A/RES/99/4"]
    in_range = queries.resolution_history(con, from_year=2015, to_year=2018)
    # An undated text is kept in every range and flagged, so pages can say "undated" rather than drop it.
    assert list(zip(in_range["symbol"], in_range["is_undated"], strict=True)) == [
        ("A/RES/99/2", False), ("A/RES/99/4", True)]


def test_competing_votes(con):
    both = queries.competing_votes(con, "A/RES/99/1", "A/RES/99/2").set_index("iso3")
    assert both.loc["USA", ["vote_a", "vote_b"]].tolist() == ["N", "N"]
    assert both.loc["SSD", "vote_a"] is None or str(both.loc["SSD", "vote_a"]) in {"None", "nan", "<NA>"}
    assert "VAT" not in both.index


def test_sponsorship_queries(con):
    assert queries.sponsorship_matrix(con, ["CHN"])["iso3"].tolist() == ["CHN", "RUS"]
    assert queries.sponsorship_matrix(con, ["USA"]).empty
    assert queries.resolution_sponsors(con, "A/RES/99/2")["role"].tolist() == ["original", "additional"]


def test_meeting_timeline_filters(con):
    assert len(queries.meeting_timeline(con)) == 2
    assert queries.meeting_timeline(con, from_year=2012, to_year=2012)["meeting"].tolist() == [
        "second meeting (postponed)"]
    assert queries.meeting_timeline(con, bodies=["XYZ"]).empty


def test_table_names_are_checked(con):
    assert len(queries.table(con, "votes")) == 19  # 14 curated, 5 from the fixture history (A/RES/99/4)
    with pytest.raises(ValueError):
        queries.table(con, "votes; DROP TABLE votes")


def test_treaty_status_and_countdown(con):
    import datetime as dt


    status = queries.treaty_status(con)
    row = status.set_index("treaty").loc["UN Convention against Cybercrime"]
    assert (row["signature_count"], row["hanoi_signature_count"], row["state_instrument_count"]) == (3, 3, 1)
    state = views.overview.entry_into_force(status, dt.date(2026, 11, 28))
    assert state["instruments_needed"] == 39 and state["in_force_date"] is None
    assert views.overview.entry_into_force_text(state).startswith("1 of the 40 instruments")


def test_entry_into_force_after_the_fortieth_instrument():
    import datetime as dt

    import pandas as pd


    status = pd.DataFrame([{"treaty": views.overview.UNCC, "signature_count": 80, "hanoi_signature_count": 72,
                            "state_instrument_count": 41, "fortieth_instrument_date": pd.Timestamp("2027-01-10")}])
    state = views.overview.entry_into_force(status, dt.date(2027, 2, 1))
    assert state["in_force_date"] == dt.date(2027, 4, 10)
    assert views.overview.entry_into_force_text(state) == "Enters into force on 2027-04-10, in 68 days."


def test_data_quality_counts_unknown_cells(con):

    quality = views.sources.data_quality({"sponsorships": queries.table(con, "sponsorships")}).iloc[0]
    # 2 rows x 8 columns (notes excluded); unknown: CHN none... RUS joined_date and joined_in -> 2 cells.
    assert (quality["row_count"], quality["unknown_cell_count"], quality["confirmed_row_count"]) == (2, 2, 1)
