"""One record: curated rows, the bundled history and imports in the same views, with precedence and origin.

Expected values are worked out by hand from tests/fixtures/world, tests/fixtures/history and
tests/fixtures/undl (all synthetic), and from known facts of the real bundled history.
"""
from __future__ import annotations

import hashlib

import duckdb
import pytest

from etl import imports, undl
from etl.schema import load_catalog
from etl.validate import ValidationFailed, validate
from tests.conftest import ROOT, build

UNDL = ROOT / "tests" / "fixtures" / "undl"


def rows(db, sql, **params):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or None).fetchall()
    finally:
        con.close()


def import_into(world_dir, tmp_path, *names):
    catalog = load_catalog(world_dir)
    db, kept = tmp_path / "w.duckdb", tmp_path / "imports"
    done = imports.add([UNDL / n for n in names], catalog, validate(catalog, world_dir), db, world_dir, kept,
                       progress=None)
    return db, kept, done


def test_history_fills_votes_of_a_record_text_and_marks_non_voting_members(world_db):
    # A/RES/99/4 has no curated votes; the history lists CHN, RUS, USA; FRA and SSD were members: X, inferred.
    assert rows(world_db, "SELECT iso3, vote, origin, confidence FROM votes WHERE resolution_symbol = 'A/RES/99/4' "
                          "ORDER BY iso3") == [
        ("CHN", "Y", "history", "single-source"), ("FRA", "X", "history", "inferred"),
        ("RUS", "Y", "history", "single-source"), ("SSD", "X", "history", "inferred"),
        ("USA", "N", "history", "single-source")]


def test_all_votes_holds_the_whole_history_and_curated_wins(world_db):
    assert rows(world_db, "SELECT origin, is_cyber, count(*), min(year(vote_date)) FROM all_votes "
                          "GROUP BY ALL ORDER BY ALL") == [
        ("curated", True, 9, 2010), ("history", False, 13, 1975), ("history", True, 5, 2019)]
    # A/RES/99/1 is curated and in the history: the curated rows are the ones kept, and they agree.
    assert rows(world_db, "SELECT DISTINCT origin FROM all_votes WHERE resolution_symbol = 'A/RES/99/1'") == [
        ("curated",)]
    assert rows(world_db, "SELECT count(*) FROM vote_disagreements") == [(0,)]


def test_import_brings_votes_fills_empty_facts_and_never_overwrites(world_dir, tmp_path):
    db, _, done = import_into(world_dir, tmp_path, "unga.2025.csv")
    assert [(d.file_name, d.kind, d.row_count, d.resolution_count) for d in done] == [
        ("unga.2025.csv", "votes", 15, 4)]
    # The import outranks the history on A/RES/99/4 and carries its own non-voting row.
    assert rows(db, "SELECT iso3, vote, origin FROM votes WHERE resolution_symbol = 'A/RES/99/4' ORDER BY iso3") == [
        ("CHN", "Y", "undl"), ("FRA", "N", "undl"), ("RUS", "Y", "undl"), ("SSD", "X", "undl"), ("USA", "N", "undl")]
    assert rows(db, "SELECT adopted_date::VARCHAR, draft_symbol, adoption_mode, plenary_yes_count, plenary_no_count, "
                    "plenary_abstain_count, meeting_record, source, filled_from_undl, imported_from FROM resolutions "
                    "WHERE symbol = 'A/RES/99/4'") == [
        ("2019-12-09", "A/C.1/99/L.4", "recorded_vote", 2, 2, 0, "A/99/PV.4", "fixture",
         "adopted_date, draft_symbol, adoption_mode, plenary_yes_count, plenary_no_count, plenary_abstain_count, "
         "meeting_record", "unga.2025.csv")]
    # A/RES/99/2: curated draft and meeting kept, curated FRA abstention kept, the disagreement listed.
    assert rows(db, "SELECT draft_symbol, meeting_record, filled_from_undl FROM resolutions "
                    "WHERE symbol = 'A/RES/99/2'") == [("A/C.3/99/L.2", "A/99/PV.2", None)]
    assert rows(db, "SELECT vote, origin FROM votes WHERE resolution_symbol = 'A/RES/99/2' AND iso3 = 'FRA' "
                    "AND stage = 'plenary'") == [("A", "curated")]
    assert rows(db, "SELECT * FROM undl_disagreements") == [("A/RES/99/2", "FRA", "A", "Y", "unga.2025.csv")]


def test_a_cyber_titled_text_joins_the_record_and_another_does_not(world_dir, tmp_path):
    db, _, _ = import_into(world_dir, tmp_path, "unga.2025.csv")
    assert rows(db, "SELECT symbol, track, origin, confidence, adopted_date::VARCHAR, plenary_yes_count "
                    "FROM resolutions WHERE origin <> 'curated'") == [
        ("A/RES/100/5", "international_security", "undl", "single-source", "2020-12-07", 3)]
    assert rows(db, "SELECT is_cyber FROM all_votes WHERE resolution_symbol = 'A/RES/100/6' LIMIT 1") == [(False,)]
    assert rows(db, "SELECT count(*) FROM votes WHERE resolution_symbol = 'A/RES/100/5'") == [(4,)]


def test_excluded_symbol_stays_out(world_dir, tmp_path):
    rules = world_dir / "track_rules.yml"
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        "exclude:\n", "exclude:\n  A/RES/100/5: fixture exclusion\n"), encoding="utf-8")
    db, _, _ = import_into(world_dir, tmp_path, "unga.2025.csv")
    assert rows(db, "SELECT count(*) FROM resolutions WHERE symbol = 'A/RES/100/5'") == [(0,)]


def test_cumulative_releases_one_after_the_other_keep_one_row_per_vote(world_dir, tmp_path):
    import_into(world_dir, tmp_path, "unga.2025.csv")
    db, kept, done = import_into(world_dir, tmp_path, "unga.2026.csv")
    assert [d.replaced for d in done] == [False]  # distinct names: both releases are kept side by side
    assert sorted(p.name for p in (kept / "undl_votes").glob("*.parquet")) == [
        "unga.2025.csv.parquet", "unga.2026.csv.parquet"]
    assert rows(db, "SELECT count(*), count(DISTINCT (resolution_symbol, iso3)) FROM undl_votes") == [(20, 20)]
    # The newest release wins: its correction of RUS on A/RES/100/6 and its totals.
    assert rows(db, "SELECT vote, import_file FROM undl_votes WHERE resolution_symbol = 'A/RES/100/6' "
                    "AND iso3 = 'RUS'") == [("Y", "unga.2026.csv")]
    assert rows(db, "SELECT count(*) FROM undl_disagreements") == [(1,)]
    assert rows(db, "SELECT symbol FROM resolutions WHERE origin = 'undl' ORDER BY symbol") == [
        ("A/RES/100/5",), ("A/RES/101/9",)]


def test_a_partly_refused_import_keeps_nothing(world_dir, tmp_path):
    db, kept = tmp_path / "w.duckdb", tmp_path / "imports"
    build(world_dir, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    catalog = load_catalog(world_dir)
    with pytest.raises(ValidationFailed):
        imports.add([UNDL / "unga.2025.csv", UNDL / "bad_values.csv"], catalog, validate(catalog, world_dir), db,
                    world_dir, kept, progress=None)
    assert not list(kept.rglob("*.parquet"))
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    # The next build does not pick up the good file either.
    build(world_dir, db)
    assert rows(db, "SELECT count(*) FROM undl_votes") == [(0,)]


def test_imports_are_listed_and_removed(world_dir, tmp_path):
    db, kept, _ = import_into(world_dir, tmp_path, "unga.2025.csv")
    listed = imports.kept(kept)
    assert [(r["file_name"], r["kind"], r["row_count"], r["resolution_count"], str(r["first_date"]),
             str(r["last_date"])) for r in listed] == [("unga.2025.csv", "votes", 15, 4, "2018-12-17", "2020-12-10")]
    catalog = load_catalog(world_dir)
    with pytest.raises(imports.UnknownImport, match="imported files: unga.2025.csv"):
        imports.remove("nope.csv", catalog, validate(catalog, world_dir), db, world_dir, kept)
    imports.remove("unga.2025.csv", catalog, validate(catalog, world_dir), db, world_dir, kept)
    assert imports.kept(kept) == []
    assert rows(db, "SELECT count(*) FROM undl_votes") == [(0,)]
    assert rows(db, "SELECT DISTINCT origin FROM votes WHERE resolution_symbol = 'A/RES/99/4'") == [("history",)]


def test_the_same_name_twice_is_refused(world_dir, tmp_path):
    catalog = load_catalog(world_dir)
    with pytest.raises(undl.ImportRefused, match="given twice"):
        imports.add([UNDL / "unga.2025.csv", UNDL / "unga.2025.csv"], catalog, validate(catalog, world_dir),
                    tmp_path / "w.duckdb", world_dir, tmp_path / "imports", progress=None)


def test_a_bundled_file_that_does_not_match_its_declaration_is_refused(world_dir, tmp_path):
    votes = world_dir / "history" / "ga_votes_1946_2019.parquet"
    duckdb.execute("COPY (SELECT * FROM read_parquet($p) LIMIT 3) TO $out (FORMAT parquet)",
                   {"p": str(votes), "out": str(tmp_path / "short.parquet")})
    (tmp_path / "short.parquet").replace(votes)
    with pytest.raises(ValidationFailed) as exc:
        build(world_dir, tmp_path / "w.duckdb")
    assert [(i.file, i.rule) for i in exc.value.issues] == [("data/history/ga_votes_1946_2019.parquet", "row_count")]
    assert "holds 3 rows; datapackage.json declares 20" in str(exc.value.issues[0])


def test_former_states_of_the_history_are_named(world_db):
    assert rows(world_db, "SELECT iso3, name, is_current FROM state_labels WHERE NOT is_current") == [
        ("YUG", "Yugoslavia", False)]


@pytest.mark.parametrize("text, rule, value", [
    ("tracks:\n  weather: [climate change negotiations]\n", "allowed", "weather"),
    ("tracks:\n  criminal_ict: [ict]\n", "length", "ict"),
    ("tracks: [unclosed\n", "yaml", ""),
])
def test_malformed_track_rules_are_refused_with_the_file_named(world_dir, tmp_path, text, rule, value):
    (world_dir / "track_rules.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ValidationFailed) as exc:
        build(world_dir, tmp_path / "w.duckdb")
    assert [(i.file, i.rule, i.value) for i in exc.value.issues] == [("data/track_rules.yml", rule, value)]
    assert not (tmp_path / "w.duckdb").exists()
