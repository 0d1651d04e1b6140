"""The UN Digital Library importer on hand-written files in each layout, and its refusals."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from etl import undl
from etl.validate import ValidationFailed
from tests.conftest import ROOT, build

UNDL = Path(__file__).parent / "fixtures" / "undl"


def imported(tmp_path: Path, name: str) -> list[tuple]:
    result = undl.import_file(UNDL / name, tmp_path, progress=None)
    return duckdb.sql("SELECT * EXCLUDE (import_file) FROM read_parquet($p)",
                      params={"p": str(result.parquet_path)}).fetchall()


def test_2026_layout_with_bom_x_float_totals_es_session_and_quoted_commas(tmp_path):
    rows = imported(tmp_path, "votes_2026.csv")
    assert len(rows) == 5
    assert rows[0][:3] == ("A/RES/99/2", "CHN", "Y")
    assert rows[2][2] == "X"
    records = duckdb.sql("SELECT resolution_symbol, session, title, announced_yes_count, announced_no_count, "
                         "announced_abstain_count, state_row_count FROM read_parquet($p) ORDER BY 1",
                         params={"p": str(tmp_path / "undl_vote_records" / "votes_2026.csv.parquet")}).fetchall()
    assert records == [("A/RES/99/2", "73", "Fixture text two, with a comma", 2, 1, 1, 3),  # totals written 2.0
                       ("A/RES/ES-10/99", "ES-10", "Fixture emergency session text", 1, 1, 0, 2)]


def test_2024_layout_nv_and_empty_votes_become_x(tmp_path):
    rows = imported(tmp_path, "votes_2024.csv")
    assert [r[2] for r in rows] == ["Y", "X", "X"]


def test_resolutions_dataset(tmp_path):
    result = undl.import_file(UNDL / "resolutions.csv", tmp_path, progress=None)
    assert (result.kind, result.row_count) == ("resolutions", 2)
    modes = duckdb.sql("SELECT resolution_symbol, adoption_mode FROM read_parquet($p) ORDER BY 1",
                       params={"p": str(result.parquet_path)}).fetchall()
    assert modes == [("A/RES/99/2", "recorded_vote"), ("A/RES/99/3", "without_vote_or_unknown")]


def test_unknown_header_is_refused_with_the_header(tmp_path):
    with pytest.raises(undl.ImportRefused) as exc:
        undl.import_file(UNDL / "unknown_header.csv", tmp_path, progress=None)
    assert "unknown_header.csv:1: unknown header" in str(exc.value)
    assert "country;vote;resolution" in str(exc.value)


def test_bad_values_name_line_and_column(tmp_path):
    with pytest.raises(ValidationFailed) as exc:
        undl.import_file(UNDL / "bad_values.csv", tmp_path, progress=None)
    found = {(i.line, i.column, i.rule) for i in exc.value.issues}
    assert found == {(4, "ms_vote", "allowed"), (5, "date", "type"), (5, "total_yes", "type")}
    assert not list(tmp_path.rglob("*.parquet"))


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(undl.ImportRefused, match=r"empty.csv:1: column '\(header\)': the file is empty"):
        undl.import_file(empty, tmp_path, progress=None)


def run_etl(*args, db: Path, imports: Path, data_dir: Path):
    env = {**os.environ, "CYBERDIPLOMACY_DB": str(db), "CYBERDIPLOMACY_IMPORTS": str(imports)}
    return subprocess.run([sys.executable, "-m", "etl", *args, "--data-dir", str(data_dir)], cwd=ROOT,
                          capture_output=True, text=True, env=env, timeout=120)


def test_cli_import_reports_disagreements_and_rebuilds(world_dir, tmp_path):
    db, imports = tmp_path / "w.duckdb", tmp_path / "imports"
    result = run_etl("import-undl", str(UNDL / "votes_2026.csv"), db=db, imports=imports, data_dir=world_dir)
    assert result.returncode == 0, result.stderr
    assert "1 imported vote(s) disagree" in result.stdout
    assert "votes_2026.csv: A/RES/99/2 FRA: curated A, imported Y" in result.stdout
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM undl_votes").fetchone() == (5,)
    # Curated votes win; the ES-10 text is new and joins all_votes.
    assert con.execute("SELECT vote FROM all_votes WHERE resolution_symbol = 'A/RES/99/2' AND iso3 = 'FRA'"
                       ).fetchone() == ("A",)
    assert con.execute("SELECT count(*) FROM all_votes WHERE origin = 'undl'").fetchone() == (2,)
    con.close()
    rebuilt = run_etl("build", db=db, imports=imports, data_dir=world_dir)  # imports are re-applied
    assert rebuilt.returncode == 0
    assert duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM undl_votes").fetchone() == (5,)


def test_failed_import_leaves_warehouse_untouched(world_dir, tmp_path):
    db, imports = tmp_path / "w.duckdb", tmp_path / "imports"
    build(world_dir, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for name in ("bad_values.csv", "unknown_header.csv"):
        result = run_etl("import-undl", str(UNDL / name), db=db, imports=imports, data_dir=world_dir)
        assert result.returncode == 1
        assert name in result.stderr and "previous warehouse is unchanged" in result.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert not list(imports.rglob("*.parquet")) if imports.exists() else True
