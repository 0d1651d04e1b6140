"""The warehouse in named layers: one ordered list of steps, its SQL laid out by layer, staging and the record
out of the public schema, and every public column documented by the texts the README's contract is made from."""
from __future__ import annotations

import re

import duckdb
import pytest

from etl import contract, steps
from etl.schema import load_catalog
from tests.conftest import ROOT

SQL_DIR = ROOT / "etl" / "sql"
# DuckDB's types as the Table Schema types the contract names.
TYPES = {"VARCHAR": "string", "INTEGER": "integer", "BIGINT": "integer", "DATE": "date", "TIMESTAMP": "datetime",
         "BOOLEAN": "boolean", "VARCHAR[]": "array"}


@pytest.fixture
def con(world_db):
    connection = duckdb.connect(str(world_db), read_only=True)
    yield connection
    connection.close()


def test_each_step_file_is_numbered_by_its_place_and_lies_in_its_layers_folder():
    assert len({s.name for s in steps.STEPS}) == len(steps.STEPS)
    assert [s.layer for s in steps.STEPS] == sorted((s.layer for s in steps.STEPS),
                                                    key=[steps.STAGING, steps.RECORD, steps.PUBLIC].index)
    for number, step in enumerate(steps.STEPS, start=1):
        folder = steps.FOLDERS[step.layer]
        assert step.sql or step.python, step.name
        if step.sql:
            assert re.fullmatch(rf"{folder}/{number:02d}_\w+\.sql", step.sql), step
            assert (SQL_DIR / step.sql).is_file(), step.sql
        if step.helpers:
            assert step.helpers.startswith(f"{folder}/") and any((SQL_DIR / step.helpers).glob("*.sql")), step


def test_every_sql_file_belongs_to_exactly_one_step():
    for path in SQL_DIR.rglob("*.sql"):
        name = path.relative_to(SQL_DIR).as_posix()
        owners = [s.name for s in steps.STEPS if s.sql == name or (s.helpers and path.parent == SQL_DIR / s.helpers)]
        assert len(owners) == 1, f"etl/sql/{name} belongs to {owners or 'no step'} (etl/steps.py)"


def test_the_layers_are_three_schemas_and_main_holds_only_the_public_views(con):
    objects = con.execute(
        "SELECT schema_name, 'table' FROM duckdb_tables() WHERE database_name = current_database() "
        "UNION ALL SELECT schema_name, 'view' FROM duckdb_views() WHERE database_name = current_database() "
        "AND NOT internal").fetchall()
    assert {schema for schema, _ in objects} == {"staging", "record", "main"}
    assert {kind for schema, kind in objects if schema == "main"} == {"view"}
    public = sorted(contract.views(load_catalog(ROOT / "data")))
    assert [name for (name,) in con.execute("SHOW TABLES").fetchall()] == public
    assert [name for (name,) in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1").fetchall()] == public


def test_every_staging_and_record_table_says_what_it_holds(con):
    assert con.execute(
        "SELECT schema_name || '.' || table_name FROM duckdb_tables() WHERE schema_name IN ('staging', 'record') "
        "AND (comment IS NULL OR comment = '') UNION ALL "
        "SELECT schema_name || '.' || view_name FROM duckdb_views() WHERE schema_name IN ('staging', 'record') "
        "AND (comment IS NULL OR comment = '')").fetchall() == []


def test_every_public_column_has_a_comment(con):
    columns = con.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns() "
        "WHERE schema_name = 'main' AND database_name = current_database()").fetchall()
    assert len(columns) == 228
    assert [f"{table}.{column}" for table, column, comment in columns if not (comment or "").strip()] == []


def test_the_comments_are_the_contracts_texts_and_its_columns_the_views(con):
    """The columns etl/contract.py and datapackage.json declare are exactly the views' (name and type), and the
    warehouse's comments are their texts: what the README says is what the warehouse says."""
    declared = contract.views(load_catalog(ROOT / "data"))
    built = con.execute(
        "SELECT table_name, column_name, data_type, comment FROM duckdb_columns() "
        "WHERE schema_name = 'main' AND database_name = current_database()").fetchall()
    assert {(t, c): (TYPES[kind], text) for t, c, kind, text in built} == {
        (view, name): (kind, text) for view, (_, columns) in declared.items() for name, kind, text in columns}
    views = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'main' "
                             "AND database_name = current_database() AND NOT internal").fetchall())
    assert views == {view: about for view, (about, _) in declared.items()}
