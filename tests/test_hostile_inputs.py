"""A corpus of corrupted inputs: each exits non-zero, names file, line and column, and leaves the
warehouse byte-identical. Synthetic corruptions of the fixture world and of UN Digital Library files."""
from __future__ import annotations

import ast
import hashlib
import re
from pathlib import Path

import pytest

from etl.__main__ import main as etl_main
from tests.conftest import ROOT, build
from tests.test_etl_validation import replace_in

UNDL_HEADER = "ms_code,ms_vote,date,resolution,total_yes\n"


def edit(file_name, old, new):
    return lambda d: replace_in(d / file_name, old, new)


def write(file_name, content: bytes | str):
    def apply(d: Path):
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (d / file_name).write_bytes(data)
    return apply


def append(file_name, text):
    def apply(d: Path):
        with (d / file_name).open("a", encoding="utf-8") as handle:
            handle.write(text)
    return apply


def latin1(file_name):
    def apply(d: Path):
        path = d / file_name
        path.write_bytes(path.read_bytes().replace(b"Holy See", "Holy S\xe9e".encode("latin-1")))
    return apply


def huge_votes(d: Path):
    """About 200,000 extra rows repeating one key: a huge file full of duplicates."""
    row = "A/RES/99/1,plenary,2010-12-01,CHN,Y,fixture,confirmed,\n"
    with (d / "votes.csv").open("a", encoding="utf-8") as handle:
        handle.write(row * 200_000)


CURATED = [  # (id, corruption, file, line, column, rule)
    ("wrong-delimiter", write("states.csv", "iso3;name;status\nCHN;China;member\n"),
     "states.csv", 1, "iso3;name;status", "undeclared-column"),
    ("latin-1-bytes", latin1("states.csv"), "states.csv", 7, "(byte 11)", "encoding"),
    ("truncated-line", edit("votes.csv", "2010-12-01,FRA,Y,fixture,confirmed,", "2010-12-01,FRA"),
     "votes.csv", 3, "vote", "field-count"),
    ("extra-field", edit("votes.csv", "2010-12-01,FRA,Y,fixture,confirmed,", "2010-12-01,FRA,Y,fixture,confirmed,,x"),
     "votes.csv", 3, "(field 9)", "field-count"),
    ("duplicate-key", edit("states.csv", "RUS,Russian Federation", "CHN,Russian Federation"),
     "states.csv", 4, "iso3", "unique"),
    ("unknown-iso3", edit("sponsorships.csv", "A/RES/99/2,RUS", "A/RES/99/2,XKX"),
     "sponsorships.csv", 3, "iso3", "reference"),
    ("vote-Q", edit("votes.csv", "2018-12-17,FRA,A", "2018-12-17,FRA,Q"), "votes.csv", 7, "vote", "allowed"),
    ("date-2018-02-30", edit("votes.csv", "2018-12-17,CHN,Y", "2018-02-30,CHN,Y"), "votes.csv", 6, "vote_date", "type"),
    ("end-before-start", edit("meetings.csv", "2011-01-17,2011-01-21", "2011-01-21,2011-01-17"), "meetings.csv", 2,
     "end_date", "date-order"),
    ("totals-mismatch", edit("resolutions.csv", "recorded_vote,2,1,1", "recorded_vote,3,1,1"), "resolutions.csv", 3,
     "plenary_yes_count", "vote-totals"),
    ("missing-column", edit("meetings.csv", ",chair,", ","), "meetings.csv", 1, "chair", "missing-column"),
    ("extra-column", edit("states.csv", ",notes\n", ",notes,colour\n"), "states.csv", 1, "colour", "undeclared-column"),
    ("empty-file", write("meetings.csv", b""), "meetings.csv", 1, "(header)", "header"),
    ("very-long-line", edit("states.csv", "VAT,Holy See,observer,,,fixture,confirmed,",
                            "VAT,Holy See,observer,,,fixture,confirmed," + "x" * 1_000_000), "states.csv", 7, "notes", "length"),
    ("huge-file", huge_votes, "votes.csv", 16, "resolution_symbol, stage, iso3", "unique"),
    ("unclosed-quote", edit("meetings.csv", "Fixture Expert Group,FEG,criminal_ict,first", '"Fixture Expert Group,FEG'),
     "meetings.csv", 2, "(row)", "csv"),
    ("nul-byte", edit("states.csv", "France", "Fra\x00nce"), "states.csv", 3, "name", "control-character"),
    ("float-count", edit("resolutions.csv", "recorded_vote,3,1,0", "recorded_vote,3.0,1,0"), "resolutions.csv", 2,
     "plenary_yes_count", "type"),
    ("non-member-votes", edit("votes.csv", "2010-12-01,RUS,Y", "2010-12-01,SSD,Y"),
     "votes.csv", 4, "iso3", "membership"),
    ("member-missing", edit("votes.csv", "A/RES/99/2,plenary,2018-12-17,SSD,X,fixture,inferred,\n", ""), "votes.csv", 6,
     "iso3", "membership"),
    ("undeclared-file", write("notes.csv", "a,b\n1,2\n"), "notes.csv", 1, "(file)", "undeclared-file"),
    ("lowercase-code", edit("states.csv", "FRA,France", "fra,France"), "states.csv", 3, "iso3", "pattern"),
    ("required-empty", edit("resolutions.csv", "A/RES/99/1,resolution", ",resolution"),
     "resolutions.csv", 2, "symbol", "required"),
    ("unknown-role", edit("sponsorships.csv", "RUS,original", "RUS,cosponsor"),
     "sponsorships.csv", 3, "role", "allowed"),
    ("left-before-joined", edit("bloc_memberships.csv", "1996-02-28,2022-03-16", "2022-03-16,1996-02-28"),
     "bloc_memberships.csv", 3, "left_date", "date-order"),
    ("trailing-space", edit("votes.csv", "2010-12-01,CHN,Y", "2010-12-01,CHN ,Y"),
     "votes.csv", 2, "iso3", "whitespace"),
    ("unknown-resolution", edit("votes.csv", "A/RES/99/1,plenary,2010-12-01,CHN", "A/RES/98/1,plenary,2010-12-01,CHN"),
     "votes.csv", 2, "resolution_symbol", "reference"),
    ("duplicate-column", edit("states.csv", ",notes\n", ",notes,notes\n"), "states.csv", 1, "notes", "duplicate-column"),
    ("missing-file", lambda d: (d / "meetings.csv").unlink(), "meetings.csv", 0, "(file)", "missing-file"),
    ("blank-row", edit("states.csv", "FRA,France", ",,\nFRA,France"), "states.csv", 3, "(row)", "blank-row"),
    ("overlapping-spell", edit("bloc_memberships.csv", "RUS,1996-02-28,2022-03-16,2026-01-01,fixture,confirmed,",
                               "RUS,1996-02-28,2022-03-16,2026-01-01,fixture,confirmed,\n"
                               "Council of Europe,organization,RUS,2000-01-01,,2026-01-01,fixture,confirmed,"),
     "bloc_memberships.csv", 4, "joined_date", "overlapping-membership"),
    ("sponsor-on-two-drafts", edit("sponsorships.csv", "A/C.3/99/L.2,A/RES/99/2,RUS,original,,,fixture,confirmed,",
                                   "A/C.3/99/L.2,A/RES/99/2,RUS,original,,,fixture,confirmed,\n"
                                   "A/C.3/99/L.9,A/RES/99/2,RUS,original,,,fixture,confirmed,"),
     "sponsorships.csv", 4, "draft_symbol", "sponsor-twice"),
]

UNDL = [  # (id, file content, line, column)
    ("undl-unknown-header", "country;vote\nCHN;Y\n", 1, None),
    ("undl-vote-Q", UNDL_HEADER + "CHN,Y,2018-12-17,A/RES/99/2,2\nFRA,Q,2018-12-17,A/RES/99/2,2\n", 3, "ms_vote"),
    ("undl-bad-date", UNDL_HEADER + "CHN,Y,2018-02-30,A/RES/99/2,2\n", 2, "date"),
    ("undl-float-total", UNDL_HEADER + "CHN,Y,2018-12-17,A/RES/99/2,2.5\n", 2, "total_yes"),
    ("undl-empty", "", 1, None),
    ("undl-ragged-row", UNDL_HEADER + "CHN,Y,2018-12-17,A/RES/99/2,2\nFRA,Y,2018-12-17,A/RES/99/2,2,9\n", 3,
     "(field 6)"),
    ("undl-duplicate-state", UNDL_HEADER + "CHN,Y,2018-12-17,A/RES/99/2,2\nCHN,N,2018-12-17,A/RES/99/2,2\n", 3,
     "resolution, ms_code"),
    ("undl-latin-1", (UNDL_HEADER + "CHN,Y,2018-12-17,A/RES/99/2,2\n").encode() + "CIV,Y,2018-12-17,Côte,2\n".encode(
        "latin-1"), 3, None),
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def warehouse(world_dir, tmp_path, monkeypatch):
    db = build(world_dir, tmp_path / "w.duckdb")
    monkeypatch.setenv("CYBERDIPLOMACY_IMPORTS", str(tmp_path / "imports"))
    return db


def validator_rules() -> set[str]:
    """Every rule the curated-data checks can report under a fixed name: the rule argument of each Issue(...)
    built by our own checks (validate.py, rules.py) and by the mapping of frictionless' errors (standard.py)."""
    rules = set()
    for name in ("validate.py", "standard.py", "rules.py"):
        tree = ast.parse((ROOT / "etl" / name).read_text(encoding="utf-8"))
        rules |= {call.args[4].value for call in ast.walk(tree) if isinstance(call, ast.Call)
                  and getattr(call.func, "id", None) == "Issue" and len(call.args) > 4
                  and isinstance(call.args[4], ast.Constant)}
    return rules


def test_the_corpus_reaches_every_validation_rule():
    # Each case below asserts the rule it fires (test_curated_corruption); a rule added to the validator
    # without a corrupted input that fires it, or a case that stops firing its rule, fails here or there.
    assert len(validator_rules()) >= 20
    assert {c[5] for c in CURATED} == validator_rules()
    assert len({c[0] for c in CURATED + UNDL}) == len(CURATED) + len(UNDL)


@pytest.mark.parametrize("case", CURATED, ids=[c[0] for c in CURATED])
def test_curated_corruption(case, world_dir, warehouse, capsys):
    _, corrupt, file_name, line, column, rule = case
    before = digest(warehouse)
    corrupt(world_dir)
    code = etl_main(["build", "--data-dir", str(world_dir), "--db", str(warehouse)])
    err = capsys.readouterr().err
    assert code == 1
    place = f"data/{file_name}:{line}: column '{column}'" if line else f"data/{file_name}: column '{column}'"
    assert any(place in row and f"[{rule}]" in row for row in err.splitlines()), err[:2000]
    assert "previous warehouse is unchanged" in err
    assert digest(warehouse) == before


@pytest.mark.parametrize("case", UNDL, ids=[c[0] for c in UNDL])
def test_undl_corruption(case, world_dir, warehouse, tmp_path, capsys):
    name, content, line, column = case
    path = tmp_path / f"{name}.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = digest(warehouse)
    code = etl_main(["import-undl", str(path), "--data-dir", str(world_dir), "--db", str(warehouse)])
    err = capsys.readouterr().err
    assert code == 1
    assert re.search(rf"{re.escape(path.name)}:{line}:", err), err
    if column:
        assert f"column '{column}'" in err, err
    assert "Traceback" not in err
    assert digest(warehouse) == before
    assert not list((tmp_path / "imports").rglob("*.parquet")) if (tmp_path / "imports").exists() else True
