"""Where the warehouse lives, and read-only connections to it. The app never builds: `make build` does."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WAREHOUSE = ROOT / "build" / "cyberdiplomacy.duckdb"


class WarehouseUnavailable(Exception):
    """The warehouse is missing or unreadable; the message says why in plain words."""


def warehouse_path() -> Path:
    """The pointer: a symlink to the current version file (see etl/publish.py), or a plain file."""
    return Path(os.environ.get("CYBERDIPLOMACY_DB") or DEFAULT_WAREHOUSE)


def current_version(path: Path | None = None) -> Path:
    """The version file the pointer names right now; a rebuild moves the pointer, never this file's contents."""
    path = path or warehouse_path()
    if not path.exists():
        raise WarehouseUnavailable(f"The data warehouse has not been built yet ({path} is missing). "
                                   "Run `make build` (or `python -m etl build`), then reload.")
    resolved = Path(os.path.realpath(path))
    if not resolved.is_file():
        raise WarehouseUnavailable(f"{path} is not a warehouse file. Run `make build` to build it, "
                                   "or point CYBERDIPLOMACY_DB at a .duckdb file.")
    return resolved


def connect(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the current version: the app never writes, and readers never block a rebuild.

    Opening the resolved file, not the pointer, keeps DuckDB's per-path instance cache from handing back
    an older version still open under the pointer's name.
    """
    con = duckdb.connect(str(current_version(path)), read_only=True)
    # No replacement scans: a query naming a missing view must fail, not read a Python variable of that name.
    # SET GLOBAL, not a connect-time config: DuckDB refuses a second config for a file already open in-process.
    con.execute("SET GLOBAL python_enable_replacements = false")
    return con
