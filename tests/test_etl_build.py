"""The warehouse: atomic builds, the data contract, and exact values from the fixture world."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import duckdb
import pytest

from etl.validate import ValidationFailed
from tests.conftest import ROOT, build
from tests.test_etl_validation import replace_in

CONTRACT = {
    "states": {"iso3", "name", "un_regional_group", "un_member_since", "status", "iso_name"},
    "resolutions": {"symbol", "adopted_date", "adoption_mode", "plenary_yes_count", "draft_symbol", "document_url"},
    "votes": {"resolution_symbol", "stage", "iso3", "vote", "vote_date"},
    "sponsorships": {"draft_symbol", "resolution_symbol", "iso3", "role"},
    "meetings": {"body_short", "meeting", "start_date", "end_date", "city"},
    "bloc_memberships": {"bloc", "iso3", "joined_date", "left_date", "as_of_date"},
    "sources": {"source_ref", "link_url", "table_name", "row_count", "confirmed_count"},
    "datasets": {"table_name", "producer", "url", "accessed_date", "licence"},
    "build_info": {"data_version", "built_at", "data_built_date"},
}


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_contract_views_exist_with_comments(world_db):
    con = duckdb.connect(str(world_db), read_only=True)
    views = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'main'").fetchall())
    for view, columns in CONTRACT.items():
        assert views.get(view), f"view {view} missing or without COMMENT"
        present = {c for (c,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = $t AND schema_name = 'main'", {"t": view}
        ).fetchall()}
        assert columns <= present, f"{view} lacks {columns - present}"
    undocumented = con.execute(
        "SELECT table_name || '.' || column_name FROM duckdb_columns() "
        "WHERE schema_name = 'main' AND table_name IN ('states', 'votes', 'resolutions') AND comment IS NULL"
    ).fetchall()
    assert undocumented == []


def test_fixture_values(world_db):
    con = duckdb.connect(str(world_db), read_only=True)
    tally = con.execute(
        "SELECT vote, count(*) FROM votes WHERE resolution_symbol = 'A/RES/99/2' AND stage = 'plenary' "
        "GROUP BY vote ORDER BY vote").fetchall()
    assert tally == [("A", 1), ("N", 1), ("X", 1), ("Y", 2)]
    assert con.execute("SELECT iso_name FROM states WHERE iso3 = 'RUS'").fetchone() == ("Russian Federation",)
    assert con.execute("SELECT document_url FROM resolutions WHERE symbol = 'A/RES/99/1'").fetchone() == (
        "https://undocs.org/A/RES/99/1",)
    sources = con.execute("SELECT table_name, source_ref, row_count, inferred_count FROM sources ORDER BY table_name"
                          ).fetchall()
    # 13 confirmed curated rows cite the fixture's UN symbol; 1 inferred curated row and 5 from the fixture history
    # (2 inferred X) cite 'fixture'
    assert {("votes", "A/99/INF/1", 13, 0), ("votes", "fixture", 6, 3)} <= set(sources)


def test_failed_build_leaves_previous_warehouse_byte_identical(world_dir, tmp_path):
    db = build(world_dir, tmp_path / "w.duckdb")
    before = digest(db)
    replace_in(world_dir / "votes.csv", "2018-12-17,FRA,A", "2018-12-17,FRA,Q")
    with pytest.raises(ValidationFailed):
        build(world_dir, db)
    env = {**os.environ, "CYBERDIPLOMACY_DB": str(db)}
    result = subprocess.run([sys.executable, "-m", "etl", "build", "--data-dir", str(world_dir)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert digest(db) == before
    assert not (tmp_path / "w.duckdb.tmp").exists()


def test_failure_late_in_build_leaves_previous_warehouse(world_dir, tmp_path):
    db = build(world_dir, tmp_path / "w.duckdb")
    before = digest(db)
    # Passes the CSV pattern check but is no ISO 3166 code: fails inside the build itself.
    replace_in(world_dir / "states.csv", "VAT,Holy See", "XXZ,Holy See")
    with pytest.raises(ValidationFailed) as exc:
        build(world_dir, db)
    assert exc.value.issues[0].rule == "iso3166"
    assert digest(db) == before


def test_build_replaces_while_a_reader_is_open(world_dir, tmp_path):
    db = build(world_dir, tmp_path / "w.duckdb")
    reader = duckdb.connect(str(db), read_only=True)
    build(world_dir, db)
    assert reader.execute("SELECT count(*) FROM votes").fetchone() == (19,)
    reader.close()


def test_env_var_sets_default_path(world_dir, tmp_path):
    target = tmp_path / "custom" / "x.duckdb"
    env = {**os.environ, "CYBERDIPLOMACY_DB": str(target)}
    result = subprocess.run([sys.executable, "-m", "etl", "build", "--data-dir", str(world_dir)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert target.exists()
