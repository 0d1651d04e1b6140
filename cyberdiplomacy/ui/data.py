"""Cached warehouse access for the app: one read-only connection per warehouse file version."""
from __future__ import annotations

import threading

import pandas as pd
import streamlit as st

from cyberdiplomacy import db, queries

_lock = threading.Lock()
_open: dict = {}


def warehouse_key() -> tuple[str, int, int]:
    """Identifies the warehouse file version; a rebuild (rename) changes inode and mtime."""
    path = db.ensure_warehouse()
    stat = path.stat()
    return str(path), stat.st_ino, stat.st_mtime_ns


def connection():
    key = warehouse_key()
    with _lock:
        con = _open.get(key)
        if con is None:
            # DuckDB hands back the old database while an old connection to the path is open.
            for old in _open.values():
                old.close()
            _open.clear()
            con = _open[key] = db.connect(db.warehouse_path())
        return con


@st.cache_data(max_entries=1024, show_spinner=False)
def _cached(key: tuple, query_name: str, items: tuple) -> pd.DataFrame:
    return getattr(queries, query_name)(connection(), **dict(items))


def query(query_name: str, /, **kwargs) -> pd.DataFrame:
    """Run queries.<query_name>(con, **kwargs), cached per warehouse version; list arguments become tuples."""
    items = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items()))
    return _cached(warehouse_key(), query_name, items)


def built_date() -> str:
    info = query("build_info")
    return str(info["data_built_date"].iloc[0])[:10] if len(info) else "unknown"
