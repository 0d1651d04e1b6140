"""Where the warehouse lives, and read-only connections to it (built on first use if missing)."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WAREHOUSE = ROOT / "build" / "cyberdiplomacy.duckdb"
_build_lock = threading.Lock()


class WarehouseUnavailable(Exception):
    """The warehouse is missing and could not be built; the message says why in plain words."""


def warehouse_path() -> Path:
    return Path(os.environ.get("CYBERDIPLOMACY_DB") or DEFAULT_WAREHOUSE)


def ensure_warehouse(path: Path | None = None) -> Path:
    """Build the warehouse from data/ when it does not exist yet."""
    path = path or warehouse_path()
    if path.exists():
        return path
    with _build_lock:
        if not path.exists():
            from etl.build import write_warehouse
            from etl.schema import SchemaError, load_catalog
            from etl.validate import ValidationFailed, validate

            try:
                catalog = load_catalog(ROOT / "data")
                write_warehouse(catalog, validate(catalog, ROOT / "data"), path, ROOT / "data")
            except (SchemaError, ValidationFailed) as exc:
                raise WarehouseUnavailable(
                    f"The data warehouse could not be built: {exc}. Run `python -m etl check` for details."
                ) from exc
    return path


def connect(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection: the app never writes, and readers never block a rebuild."""
    return duckdb.connect(str(ensure_warehouse(path)), read_only=True)
