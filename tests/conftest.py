"""Shared fixtures: throwaway warehouses built from the hand-written world and from the real data/."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl.build import write_warehouse
from etl.schema import load_catalog
from etl.validate import validate

ROOT = Path(__file__).resolve().parent.parent
WORLD = Path(__file__).parent / "fixtures" / "world"


def make_world(target: Path) -> Path:
    """Copy the synthetic fixture CSVs next to the project's real sources.yml."""
    target.mkdir(parents=True, exist_ok=True)
    for csv_file in WORLD.glob("*.csv"):
        shutil.copy(csv_file, target / csv_file.name)
    shutil.copy(ROOT / "data" / "sources.yml", target / "sources.yml")
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
def real_db(tmp_path_factory) -> Path:
    return build(ROOT / "data", tmp_path_factory.mktemp("real") / "real.duckdb")


@pytest.fixture(scope="session")
def world_con(world_db):
    """A read-only connection to the fixture world's warehouse."""
    import duckdb

    connection = duckdb.connect(str(world_db), read_only=True)
    yield connection
    connection.close()
