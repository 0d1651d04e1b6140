"""The warehouse's build as one ordered list of steps, each naming its layer, its Python part and its SQL file.

Three layers, each a schema: `staging` (typed copies of the inputs: curated CSVs, bundled Parquet origins, kept
imports), `record` (one table per entity, origins merged) and the public views in `main`, the only schema
`SHOW TABLES` lists. A step runs its Python part, if any, then its SQL file, if any, bound to the parameters the
Python part returned. The SQL lives in etl/sql/<layer folder>/, its file named after the step's place in this
list (`09_votes.sql` is step 9); a subfolder holds SQL that a step's Python part or a command runs itself
(`helpers`: the checks of the bundled files, the UN Digital Library importer, the import report).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl import contract, curated, history, record
from etl.schema import Catalog
from etl.validate import Row

SQL_DIR = Path(__file__).parent / "sql"
STAGING, RECORD, PUBLIC = "staging", "record", "main"
FOLDERS = {STAGING: "staging", RECORD: "record", PUBLIC: "public"}  # main is DuckDB's default schema


@dataclass
class Build:
    """What the Python parts of the steps read: the open warehouse and the validated inputs."""
    con: duckdb.DuckDBPyConnection
    catalog: Catalog
    data: dict[str, list[Row]]
    data_dir: Path
    imports: dict[str, list[str]]


@dataclass(frozen=True)
class Step:
    name: str
    layer: str
    sql: str | None = None  # path under etl/sql/
    python: Callable[[Build], dict | None] | None = None  # returns the SQL file's parameters, if it has any
    helpers: str | None = None  # a folder under etl/sql/ of SQL run by the Python part or by a command


STEPS = (
    Step("curated_tables", STAGING, sql="staging/01_curated_tables.sql"),
    Step("curated_rows", STAGING, python=curated.load_rows),
    Step("undl_tables", STAGING, sql="staging/03_undl_tables.sql"),
    Step("undl_releases", STAGING, sql="staging/04_undl_releases.sql", python=record.stage_imports,
         helpers="staging/undl"),
    Step("bundled", STAGING, python=history.load, helpers="staging/bundled"),
    Step("history_codes", STAGING, sql="staging/06_history_votes_iso.sql"),
    Step("entities", RECORD, sql="record/07_entities.sql"),
    Step("resolutions", RECORD, sql="record/08_resolutions.sql", python=record.load_track_rules),
    Step("votes", RECORD, sql="record/09_votes.sql"),
    Step("sponsorships", RECORD, sql="record/10_sponsorships.sql"),
    Step("texts", RECORD, sql="record/11_texts.sql"),
    Step("build_info", RECORD, sql="record/12_build_info.sql", python=curated.register_datasets),
    Step("record_views", PUBLIC, sql="public/13_record.sql"),
    Step("text_views", PUBLIC, sql="public/14_texts.sql"),
    Step("origin_views", PUBLIC, sql="public/15_origins.sql"),
    Step("import_views", PUBLIC, sql="public/16_imports.sql", helpers="public/reports"),
    Step("provenance_views", PUBLIC, sql="public/17_provenance.sql"),
    Step("comments", PUBLIC, python=contract.comment),
)


def sql_text(name: str) -> str:
    """The text of an SQL file, by its path under etl/sql/ (`staging/undl/stage.sql`)."""
    return (SQL_DIR / name).read_text(encoding="utf-8")


def run(build: Build, steps: tuple[Step, ...] = STEPS) -> None:
    for step in steps:
        params = step.python(build) if step.python else None
        if step.sql:
            build.con.execute(sql_text(step.sql), params)
