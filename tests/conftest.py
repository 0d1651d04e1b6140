"""Shared fixtures: throwaway warehouses built from the hand-written world and from the real data/."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import duckdb
import pytest

from etl.build import write_warehouse
from etl.schema import load_catalog
from etl.validate import validate
from scripts import make_un_record

ROOT = Path(__file__).resolve().parent.parent
WORLD = Path(__file__).parent / "fixtures" / "world"
HISTORY = Path(__file__).parent / "fixtures" / "history"
UNXML = Path(__file__).parent / "fixtures" / "unxml"
UNXML_EMPTY = Path(__file__).parent / "fixtures" / "unxml_empty"

# Hermetic: the tests never read the user's imports/ folder (an import made by following the README
# must not change what the tests see). Tests that import set their own folder.
os.environ["CYBERDIPLOMACY_IMPORTS"] = tempfile.mkdtemp(prefix="cyberdiplomacy-test-imports-")


def write_history(target: Path, package: dict) -> None:
    """The synthetic fixture history as Parquet under the names datapackage.json declares, with its row counts."""
    con = duckdb.connect()
    for key, spec in package["bundled"]["ga_voting_history"]["files"].items():  # Voeten's: hand-written rows
        out = target / spec["path"]
        out.parent.mkdir(parents=True, exist_ok=True)
        con.execute("COPY (SELECT * FROM read_csv($csv, header = true, auto_detect = true)) TO $out (FORMAT parquet)",
                    {"csv": str(HISTORY / f"{key}.csv"), "out": str(out)})
        spec["rowCount"] = con.execute("SELECT count(*) FROM read_parquet($p)", {"p": str(out)}).fetchone()[0]
    con.close()


def make_world(target: Path, unxml: Path = UNXML_EMPTY) -> Path:
    """Copy the synthetic fixture CSVs next to the project's real datapackage.json (history counts set to the
    fixture's); the UN's resolutions regenerated from `unxml` (none by default: the world is worked out without)."""
    target.mkdir(parents=True, exist_ok=True)
    for csv_file in WORLD.glob("*.csv"):
        shutil.copy(csv_file, target / csv_file.name)
    shutil.copy(ROOT / "data" / "track_rules.yml", target / "track_rules.yml")
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    write_history(target, package)
    (target / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False), encoding="utf-8")
    make_un_record.write(unxml, target, "fixture")  # the UN's: regenerated from a fixture in the source's layout
    return target


def build(data_dir: Path, db_path: Path) -> Path:
    catalog = load_catalog(data_dir)
    return write_warehouse(catalog, validate(catalog, data_dir), db_path, data_dir)


@pytest.fixture
def world_dir(tmp_path: Path) -> Path:
    return make_world(tmp_path / "data")


@pytest.fixture(scope="session")
def world_db(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("world")
    return build(make_world(base / "data"), base / "world.duckdb")


@pytest.fixture(scope="session")
def un_world_db(tmp_path_factory) -> Path:
    """The world with the UN fixture's texts (tests/fixtures/unxml) as the bundled UN origin."""
    base = tmp_path_factory.mktemp("un-world")
    return build(make_world(base / "data", UNXML), base / "world.duckdb")


@pytest.fixture(scope="session")
def real_db(tmp_path_factory) -> Path:
    return build(ROOT / "data", tmp_path_factory.mktemp("real") / "real.duckdb")


@pytest.fixture(scope="session")
def real_con(real_db):
    """A read-only connection to the warehouse built from the real data/."""
    connection = duckdb.connect(str(real_db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def world_con(world_db):
    """A read-only connection to the fixture world's warehouse."""
    import duckdb

    connection = duckdb.connect(str(world_db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def server(real_db, tmp_path_factory):
    """A live `streamlit run` on the real warehouse, for the browser and protocol tests; its log is printed
    (and shown by pytest when a test fails)."""
    from tests.browser_support import streamlit_server

    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    try:
        with streamlit_server(real_db, log) as url:
            yield url
    finally:
        print(log.read_text()[-5000:])
