"""The UN's machine-readable GA resolutions (sessions 74-80) as a bundled origin: the regeneration script on a
synthetic fixture in the source's layout (tests/fixtures/unxml), the record built from it, and known facts of
the real data (the meeting records cited in the tests)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from etl import unxml
from etl.validate import ValidationFailed
from tests.conftest import ROOT, UNXML
from tests.test_record import rows

WORLD_STATES = [("CHN", "China"), ("FRA", "France"), ("RUS", "Russian Federation"), ("SSD", "South Sudan"),
                ("USA", "United States of America"), ("VAT", "Holy See")]


def _fixture_copy(tmp_path, edit):
    """The fixture with its first record changed by edit(record)."""
    target = tmp_path / "unxml"
    shutil.copytree(UNXML, target)
    path = target / "data_extract" / "98.json"
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    edit(record)
    path.write_text("\n".join([json.dumps(record, ensure_ascii=False), *lines[1:]]) + "\n", encoding="utf-8")
    return target


# The regeneration script on the fixture.

def test_fixture_reads_into_votes_sponsors_and_facts():
    found = unxml.read(UNXML, WORLD_STATES, "abc123")
    assert [(r["iso3"], r["vote"], r["source_state_name"]) for r in found["votes"]] == [
        ("FRA", "Y", "FRANCE"), ("RUS", "N", "RUSSIAN FEDERATION"), ("SSD", "Y", "THE REPUBLIC OF SOUTH SUDAN"),
        ("USA", "Y", "UNITED STATES OF AMERICA")]
    first = found["resolutions"][0]
    assert (first["resolution_symbol"], str(first["adopted_date"]), first["draft_symbol"], first["meeting_record"],
            first["announced_yes_count"], first["announced_no_count"], first["announced_abstain_count"]) == (
        "A/RES/98/1", "2022-12-07", "A/C.1/98/L.73", "A/98/PV.40", 3, 1, 0)
    assert first["source"] == "https://github.com/UNxml/GAresolutions/blob/abc123/data_extract/98.json"
    # Written twice: the second line's fuller sponsor list is kept, once.
    assert [(r["resolution_symbol"], r["iso3"], r["role"], r["on_behalf_of"]) for r in found["sponsors"]] == [
        ("A/RES/98/1", "FRA", "original", None), ("A/RES/98/1", "USA", "original", None),
        ("A/RES/98/1", "SSD", "additional",
         "THE STATES MEMBERS OF THE UNITED NATIONS THAT ARE MEMBERS OF THE GROUP OF AFRICAN STATES"),
        ("A/RES/98/2", "CHN", "original",
         "THE STATES MEMBERS OF THE UNITED NATIONS THAT ARE MEMBERS OF THE GROUP OF 77 AND CHINA"),
        ("A/RES/99/3", "RUS", "original", None), ("A/RES/99/3", "CHN", "original", None)]
    second = found["resolutions"][1]
    assert (second["adoption_mode"], second["announced_yes_count"], second["unmapped_sponsor_text"]) == (
        "without_vote", None, "SUBMITTED BY THE CHAIR OF THE COMMITTEE")


def test_a_voter_name_that_does_not_map_stops_the_regeneration(tmp_path):
    checkout = _fixture_copy(tmp_path, lambda r: r["MS_against"].append("ATLANTIS"))
    with pytest.raises(ValidationFailed) as failed:
        unxml.read(checkout, WORLD_STATES, "abc123")
    assert [(i.file, i.line, i.column, i.value, i.rule) for i in failed.value.issues] == [
        ("data_extract/98.json", 1, "MS_against", "ATLANTIS", "state name")]


def test_a_state_with_two_votes_stops_the_regeneration(tmp_path):
    checkout = _fixture_copy(tmp_path, lambda r: r["MS_abstaining"].append("FRANCE"))
    with pytest.raises(ValidationFailed) as failed:
        unxml.read(checkout, WORLD_STATES, "abc123")
    assert [(i.line, i.column, i.value, i.rule) for i in failed.value.issues][0] == (
        1, "MS_abstaining", "FRANCE", "unique")


def test_outside_text_that_could_act_stops_the_regeneration(tmp_path):
    checkout = _fixture_copy(tmp_path, lambda r: r.update(title="Fixture\x00text", agenda_item_name="T" * 5_012))
    with pytest.raises(ValidationFailed) as failed:
        unxml.read(checkout, WORLD_STATES, "abc123")
    assert [(i.line, i.column, i.rule) for i in failed.value.issues] == [(1, "title", "text"), (1, "agenda_title", "text")]


def test_the_script_names_file_line_and_exits_non_zero(tmp_path):
    checkout = _fixture_copy(tmp_path, lambda r: r["MS_in_favour"].append("ATLANTIS"))
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    before = (data / "datapackage.json").read_bytes()
    done = subprocess.run([sys.executable, "scripts/make_un_record.py", str(checkout), "--commit", "abc123",
                           "--data", str(data)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1
    assert "data_extract/98.json:1: column 'MS_in_favour' value 'ATLANTIS' [state name]" in done.stderr
    assert (data / "datapackage.json").read_bytes() == before


# The record built from the fixture (tests/fixtures/world + tests/fixtures/unxml: the un_world_db fixture).

def test_a_matching_text_joins_with_its_votes_and_non_voters_inferred(un_world_db):
    assert rows(un_world_db, "SELECT symbol, track, origin, adopted_date::VARCHAR, draft_symbol, meeting_record, "
                          "plenary_yes_count, plenary_no_count, plenary_abstain_count FROM resolutions "
                          "WHERE origin = 'unxml'") == [
        ("A/RES/98/1", "international_security", "unxml", "2022-12-07", "A/C.1/98/L.73", "A/98/PV.40", 3, 1, 0)]
    assert rows(un_world_db, "SELECT iso3, vote, confidence FROM votes WHERE resolution_symbol = 'A/RES/98/1' "
                          "ORDER BY iso3") == [
        ("CHN", "X", "inferred"), ("FRA", "Y", "single-source"), ("RUS", "N", "single-source"),
        ("SSD", "Y", "single-source"), ("USA", "Y", "single-source")]
    assert rows(un_world_db, "SELECT count(*) FROM resolutions WHERE symbol = 'A/RES/98/2'") == [(0,)]


def test_sponsors_of_a_joined_text_come_with_it(un_world_db):
    assert rows(un_world_db, "SELECT iso3, role, origin, notes FROM sponsorships WHERE resolution_symbol = 'A/RES/98/1' "
                          "ORDER BY iso3") == [
        ("FRA", "original", "unxml", None),
        ("SSD", "additional", "unxml", 'Listed as "SOUTH SUDAN (ON BEHALF OF THE STATES MEMBERS OF THE UNITED '
                                       'NATIONS THAT ARE MEMBERS OF THE GROUP OF AFRICAN STATES)"'),
        ("USA", "original", "unxml", None)]


def test_a_curated_text_is_completed_and_a_differing_fact_listed_not_overwritten(un_world_db):
    # A/RES/99/3: curated adopted 2019-12-20 without a vote, no meeting record; the source says 21 December.
    assert rows(un_world_db, "SELECT adopted_date::VARCHAR, meeting_record, filled_from_unxml FROM resolutions "
                          "WHERE symbol = 'A/RES/99/3'") == [("2019-12-20", "A/99/PV.60", "meeting_record")]
    assert rows(un_world_db, "SELECT resolution_symbol, column_name, curated_value, unxml_value "
                          "FROM text_disagreements") == [("A/RES/99/3", "adopted_date", "2019-12-20", "2019-12-21")]


# Known facts of the real data.

@pytest.fixture(scope="module")
def con(real_con):
    return real_con


def tally(con, symbol):
    return dict(con.execute("SELECT vote, count(*) FROM votes WHERE resolution_symbol = $s AND stage = 'plenary' "
                            "GROUP BY vote", {"s": symbol}).fetchall())


def test_programme_of_action_2022(con):
    # A/77/PV.46 (7 December 2022): adopted 156-7-14.
    assert con.execute("SELECT adopted_date::VARCHAR, meeting_record, adoption_mode, plenary_yes_count, "
                       "plenary_no_count, plenary_abstain_count, draft_symbol FROM resolutions "
                       "WHERE symbol = 'A/RES/77/37'").fetchone() == (
        "2022-12-07", "A/77/PV.46", "recorded_vote", 156, 7, 14, "A/C.1/77/L.73")
    assert tally(con, "A/RES/77/37") == {"Y": 156, "N": 7, "A": 14, "X": 16}
    against = con.execute("SELECT iso3 FROM votes WHERE resolution_symbol = 'A/RES/77/37' AND vote = 'N' "
                          "ORDER BY iso3").fetchall()
    assert [r[0] for r in against] == ["CAF", "CHN", "IRN", "NIC", "PRK", "RUS", "SYR"]


@pytest.mark.parametrize("symbol, expected, adopted", [
    ("A/RES/78/237", (104, 53, 7), "2023-12-22"),
    ("A/RES/75/240", (92, 50, 21), "2020-12-31"),
    ("A/RES/77/36", (112, 52, 8), "2022-12-07"),
    ("A/RES/78/16", (161, 9, 11), "2023-12-04"),
])
def test_oewg_and_programme_of_action_tallies(con, symbol, expected, adopted):
    counts = tally(con, symbol)
    assert (counts["Y"], counts["N"], counts["A"]) == expected
    assert con.execute("SELECT plenary_yes_count, plenary_no_count, plenary_abstain_count, adopted_date::VARCHAR "
                       "FROM resolutions WHERE symbol = $s", {"s": symbol}).fetchone() == (*expected, adopted)


@pytest.mark.parametrize("symbol", ["A/RES/76/19", "A/RES/79/243", "A/RES/79/237"])
def test_texts_adopted_without_a_vote_have_no_tally(con, symbol):
    assert con.execute("SELECT adoption_mode, plenary_yes_count FROM resolutions WHERE symbol = $s",
                       {"s": symbol}).fetchone() == ("without_vote", None)
    assert tally(con, symbol) == {}


def test_session_74_agrees_with_the_curated_votes_state_by_state(con):
    overlap = con.execute("SELECT count(*) FROM staging.curated_votes c "
                          "JOIN staging.unxml_votes u USING (resolution_symbol, iso3) "
                          "WHERE c.resolution_symbol IN ('A/RES/74/28', 'A/RES/74/29', 'A/RES/74/247') "
                          "AND c.stage = 'plenary'").fetchone()[0]
    assert overlap == (163 + 10 + 6) + (129 + 6 + 45) + (79 + 60 + 33)
    assert con.execute("SELECT count(*) FROM vote_disagreements").fetchone() == (0,)


def test_the_un_lists_and_voeten_agree_on_session_74(con):
    assert con.execute("SELECT count(DISTINCT resolution_symbol) FROM staging.history_votes "
                       "JOIN staging.unxml_votes USING (resolution_symbol)").fetchone() == (90,)
    assert con.execute("SELECT count(*) FROM vote_disagreements WHERE other_origin = 'history'").fetchone() == (0,)


def test_recorded_votes_per_year_reach_2025(con):
    per_year = dict(con.execute("SELECT year(vote_date), count(DISTINCT resolution_symbol) FROM all_votes "
                                "WHERE year(vote_date) BETWEEN 2020 AND 2025 GROUP BY 1").fetchall())
    assert sorted(per_year) == [2020, 2021, 2022, 2023, 2024, 2025]
    assert con.execute("SELECT kept_vote_count, unxml_vote_count, unxml_listed_vote_count "
                       "FROM vote_coverage_by_session WHERE session = '75'").fetchone() == (99, 100, 99)


def test_the_camps_sponsor_their_own_texts(con):
    def sponsors(symbol):
        return {r[0] for r in con.execute("SELECT iso3 FROM sponsorships WHERE resolution_symbol = $s",
                                          {"s": symbol}).fetchall()}
    assert {"RUS", "CHN"} <= sponsors("A/RES/77/36") and "USA" not in sponsors("A/RES/77/36")
    assert {"FRA", "USA"} <= sponsors("A/RES/77/37") and "RUS" not in sponsors("A/RES/77/37")
    assert {"RUS"} <= sponsors("A/RES/78/237") and {"FRA"} <= sponsors("A/RES/78/16")
    # The UN's lists are alphabetical: no main sponsor is taken from them.
    assert con.execute("SELECT main_sponsor_iso3 FROM resolutions WHERE symbol = 'A/RES/78/16'").fetchone() == (None,)
