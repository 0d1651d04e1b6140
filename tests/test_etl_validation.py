"""Every validation rule fires on a corrupted copy of the fixture world, naming file, line and column."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from etl.schema import load_catalog
from etl.validate import ValidationFailed, validate
from tests.conftest import ROOT


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def issues_of(data_dir: Path) -> list:
    with pytest.raises(ValidationFailed) as exc:
        validate(load_catalog(data_dir), data_dir)
    return exc.value.issues


def test_clean_world_is_valid(world_dir):
    data = validate(load_catalog(world_dir), world_dir)
    assert {name: len(rows) for name, rows in data.items()} == {
        "states": 6, "resolutions": 4, "votes": 14, "sponsorships": 2, "meetings": 2, "blocs": 2, "bloc_memberships": 3,
        "treaty_actions": 4, "state_code_variants": 0}


# (file, old text, new text, expected rule, expected line, expected column)
CORRUPTIONS = [
    ("votes.csv", "A/RES/99/2,plenary,2018-12-17,FRA,A", "A/RES/99/2,plenary,2018-12-17,FRA,Q", "allowed", 7, "vote"),
    ("votes.csv", "2010-12-01,CHN,Y", "2010-02-30,CHN,Y", "type", 2, "vote_date"),
    ("resolutions.csv", "A/RES/99/1,resolution,Fixture text one,international_security,General Assembly,99",
     "A/RES/99/1,resolution,Fixture text one,international_security,General Assembly,ninety-nine", "type", 2,
     "session_number"),
    ("states.csv", "CHN,China,member", "CHN,,member", "required", 2, "name"),
    ("states.csv", "FRA,France", "fr,France", "pattern", 3, "iso3"),
    ("states.csv", "RUS,Russian Federation", "CHN,Russian Federation", "unique", 4, "iso3"),
    ("meetings.csv", "2011-01-17,2011-01-21", "2011-01-21,2011-01-17", "date-order", 2, "end_date"),
    ("sponsorships.csv", "A/RES/99/2,RUS", "A/RES/99/2,GBR", "reference", 3, "iso3"),
    ("sponsorships.csv", "A/C.3/99/L.2,A/RES/99/2,RUS", "A/C.3/99/L.2,A/RES/98/2,RUS", "reference", 3,
     "resolution_symbol"),
    ("resolutions.csv", "recorded_vote,3,1,0", "recorded_vote,4,1,0", "vote-totals", 2, "plenary_yes_count"),
    ("votes.csv", "A/RES/99/1,plenary,2010-12-01,RUS,Y", "A/RES/99/1,plenary,2010-12-01,SSD,Y", "membership", 4,
     "iso3"),
    ("votes.csv", "A/RES/99/2,plenary,2018-12-17,SSD,X,fixture,inferred,\n", "", "membership", 6, "iso3"),
    ("bloc_memberships.csv", "1996-02-28,2022-03-16", "2022-03-16,1996-02-28", "date-order", 3, "left_date"),
    ("states.csv", "CHN,China,member", " CHN,China,member", "whitespace", 2, "iso3"),
    ("meetings.csv", "day,Vienna", "day;Vienna", "field-count", 2, "notes"),
    ("votes.csv", "resolution_symbol,stage", "resolution,stage", "undeclared-column", 1, "resolution"),
    ("votes.csv", ",notes\n", "\n", "missing-column", 1, "notes"),
    ("bloc_memberships.csv", "BRICS,organization,CHN", "Council of Europe,organization,RUS,2020-01-01,,2026-01-01,"
     "A/99/INF/1,confirmed,\nBRICS,organization,CHN", "overlapping-membership", 4, "joined_date"),
    ("sponsorships.csv", "A/C.3/99/L.2,A/RES/99/2,RUS", "A/C.3/99/L.2/Rev.1,A/RES/99/2,CHN,original,,,fixture,"
     "confirmed,\nA/C.3/99/L.2,A/RES/99/2,RUS", "sponsor-twice", 3, "draft_symbol"),
]


@pytest.mark.parametrize("file_name, old, new, rule, line, column", CORRUPTIONS,
                         ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CORRUPTIONS)])
def test_rule_fires_with_file_line_and_column(world_dir, file_name, old, new, rule, line, column):
    replace_in(world_dir / file_name, old, new)
    issues = issues_of(world_dir)
    matching = [i for i in issues if i.rule == rule]
    assert matching, f"rule {rule} did not fire; got {[str(i) for i in issues]}"
    issue = matching[0]
    assert issue.file == f"data/{file_name}"
    assert issue.line == line
    assert issue.column == column
    assert f"data/{file_name}:{line}" in str(issue)


def test_tally_discrepancy_note_excuses_a_documented_mismatch(world_dir):
    replace_in(world_dir / "resolutions.csv", "recorded_vote,3,1,0", "recorded_vote,4,1,0")
    replace_in(world_dir / "resolutions.csv", "A/99/PV.1,RUS,,", "A/99/PV.1,RUS,one delegation voted after the count,")
    validate(load_catalog(world_dir), world_dir)


def test_not_utf8_names_the_line(world_dir):
    path = world_dir / "states.csv"
    path.write_bytes(path.read_bytes().replace(b"Holy See", b"Holy S\xe9e"))
    (issue,) = issues_of(world_dir)
    assert (issue.rule, issue.file, issue.line) == ("encoding", "data/states.csv", 7)


def test_bom_is_accepted(world_dir):
    path = world_dir / "states.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    validate(load_catalog(world_dir), world_dir)


def test_empty_file(world_dir):
    (world_dir / "meetings.csv").write_text("", encoding="utf-8")
    (issue,) = issues_of(world_dir)
    assert (issue.rule, issue.file, issue.line) == ("header", "data/meetings.csv", 1)


def test_undeclared_and_missing_files(world_dir):
    (world_dir / "extra.csv").write_text("a\n1\n", encoding="utf-8")
    (world_dir / "meetings.csv").unlink()
    rules = {(i.rule, i.file) for i in issues_of(world_dir)}
    assert rules == {("undeclared-file", "data/extra.csv"), ("missing-file", "data/meetings.csv")}


def test_malformed_quote_is_reported(world_dir):
    replace_in(world_dir / "meetings.csv", "Fixture Expert Group,FEG,criminal_ict,first", '"Fixture Expert Group,FEG')
    rules = {i.rule for i in issues_of(world_dir)}
    assert rules & {"csv", "field-count"}


def test_cli_check_exits_non_zero_and_names_the_place(world_dir):
    replace_in(world_dir / "votes.csv", "2018-12-17,FRA,A", "2018-12-17,FRA,Q")
    result = subprocess.run([sys.executable, "-m", "etl", "check", "--data-dir", str(world_dir)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "data/votes.csv:7: column 'vote' value 'Q' [allowed]" in result.stderr
    assert "previous warehouse is unchanged" in result.stderr


def test_cli_check_passes_on_clean_world(world_dir):
    result = subprocess.run([sys.executable, "-m", "etl", "check", "--data-dir", str(world_dir)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "votes 14" in result.stdout
