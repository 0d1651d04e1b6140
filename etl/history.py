"""Load the bundled origins (data/history/*.parquet, declared under `bundled` in datapackage.json): Voeten's
GA voting history 1946-2019 and the UN's machine-readable resolutions of sessions 74-80.

The files are shipped as published; the build refuses one whose columns, row count or values do not
match the declaration, so a truncated or hand-edited file cannot slip into the record.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from etl.contract import lit
from etl.validate import Issue, ValidationFailed

if TYPE_CHECKING:
    from etl.steps import Build

SQL_DIR = Path(__file__).parent / "sql"
HISTORY = "ga_voting_history"
# Each bundled dataset's files and the staging tables they load into, with the checks run over them.
TABLES = {
    HISTORY: ({"resolutions": "history_resolutions", "votes": "history_votes"}, "staging/bundled/history_checks.sql"),
    "un_ga_resolutions": ({"resolutions": "unxml_resolutions", "votes": "unxml_votes", "sponsors": "unxml_sponsors",
                           "texts": "unxml_paragraphs", "citations": "unxml_citations"},
                          "staging/bundled/unxml_checks.sql"),
}


def _check(con: duckdb.DuckDBPyConnection, shown: str, path: Path, columns: tuple[str, ...], row_count: int,
           table: str, grain: str) -> list[Issue]:
    if not path.exists():
        return [Issue(shown, 0, "", "", "bundled", "the bundled file is missing; restore it from the repository")]
    try:
        found = [row[0] for row in con.execute("DESCRIBE SELECT * FROM read_parquet($p)", {"p": str(path)}).fetchall()]
    except duckdb.Error as exc:
        return [Issue(shown, 0, "", "", "bundled", f"not a readable Parquet file: {str(exc).splitlines()[0]}")]
    if tuple(found) != columns:
        return [Issue(shown, 0, "(header)", ",".join(found), "bundled",
                      f"columns differ from datapackage.json, which declares {','.join(columns)}")]
    # Table name from this module's own constant mapping; the path is bound.
    con.execute(f"CREATE TABLE staging.{table} AS SELECT * FROM read_parquet($p)", {"p": str(path)})
    con.execute(f"COMMENT ON TABLE staging.{table} IS {lit(f'{shown} as bundled: {grain}.')}")
    actual = con.execute(f"SELECT count(*) FROM staging.{table}").fetchone()[0]
    if actual != row_count:
        return [Issue(shown, 0, "", str(actual), "row_count",
                      f"holds {actual:,} rows; datapackage.json declares {row_count:,}")]
    return []


def load(build: Build) -> None:
    """staging.history_* and staging.unxml_* from the bundled files, checked."""
    con, catalog, data_dir = build.con, build.catalog, build.data_dir
    issues: list[Issue] = []
    for name, (tables, checks) in TABLES.items():
        dataset = catalog.bundled.get(name)
        if dataset is None:
            raise ValidationFailed([Issue("datapackage.json", 0, "bundled", "", "bundled",
                                          f"the bundled dataset '{name}' is not declared")])
        found = []
        for key, table in tables.items():
            spec = dataset.files[key]
            found += _check(con, f"{data_dir.name}/{spec.file}", data_dir / spec.file, spec.columns, spec.row_count,
                            table, spec.grain)
        if not found:
            rows = con.execute((SQL_DIR / checks).read_text(encoding="utf-8")).fetchall()
            votes_file = f"{data_dir.name}/{dataset.files['votes'].file}"
            found += [Issue(votes_file, 0, column, value or "", rule, message) for column, value, rule, message in rows]
        issues += found
    if issues:
        raise ValidationFailed(issues)
