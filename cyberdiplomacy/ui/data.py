"""Cached warehouse access for the app: one read-only connection per warehouse version file.

A rebuild publishes a new version file and moves the pointer (etl/publish.py). Queries already running
keep their version's connection; a connection is closed only when no query holds it and the pointer
names a newer file, by whichever query finishes last on it. Nothing is ever closed under a running query.
"""
from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import db, figures, queries
from cyberdiplomacy.charts import narrow
from cyberdiplomacy.figures import Drawn, NamedFigure, Unavailable
from cyberdiplomacy.figures.source import Query, q  # noqa: F401 - q names a query for derive()
from cyberdiplomacy.filters import Filters
from cyberdiplomacy.frame_cache import FrameCache, result_bytes

log = logging.getLogger("cyberdiplomacy")
CONNECT_ATTEMPTS = 3  # a version can be cleaned up between resolving the pointer and opening it


@dataclass
class _Version:
    con: duckdb.DuckDBPyConnection
    in_flight: int = 0  # queries using con right now


_lock = threading.Lock()  # guards _open and every in_flight count; held only for bookkeeping, never for a query
_open: dict[str, _Version] = {}  # resolved version path -> its connection


_pointer_seen: dict[str, tuple[tuple[int, int], str]] = {}  # pointer path -> (its lstat identity, version)


def warehouse_key() -> str:
    """The current version file: the cache key, so cached frames never mix versions.

    Asked once per query, so it costs one lstat: the pointer is resolved again only when a rebuild has
    replaced it (a new symlink has a new inode)."""
    pointer = db.warehouse_path()
    try:
        stat = os.lstat(pointer)
    except OSError:
        return str(db.current_version())  # raises WarehouseUnavailable with the plain message
    identity = (stat.st_ino, stat.st_mtime_ns)
    seen = _pointer_seen.get(str(pointer))
    if seen is None or seen[0] != identity:
        seen = _pointer_seen[str(pointer)] = (identity, str(db.current_version()))
    return seen[1]


def _checkout(key: str) -> _Version:
    with _lock:
        version = _open.get(key)
        if version is None:
            # Opening is rare (once per version) and quick; doing it under the lock opens each version once.
            version = _open[key] = _Version(db.connect(Path(key)))
        version.in_flight += 1
        return version


def _checkin(version: _Version) -> None:
    try:
        current = warehouse_key()
    except db.WarehouseUnavailable:
        current = None  # pointer gone: keep what is open, a later query decides
    with _lock:
        version.in_flight -= 1
        retired = [key for key, v in _open.items() if v.in_flight == 0 and current and key != current]
        closing = [_open.pop(key) for key in retired]
    for old in closing:  # outside the lock: nobody can check these out any more
        try:
            old.con.close()
        except duckdb.Error:
            log.warning("closing a retired warehouse connection failed", exc_info=True)


@contextlib.contextmanager
def reading(key: str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to one warehouse version (the current one by default) for the length of the block.

    Run queries on a cursor of it (queries.run does); never close it, and do not keep it past the block.
    """
    for attempt in range(CONNECT_ATTEMPTS):
        try:
            version = _checkout(key or warehouse_key())
            break
        except duckdb.IOException:
            # Only "the current one" may move on to a newer file; a named version must not change under a cache key.
            if key or attempt + 1 == CONNECT_ATTEMPTS:
                raise
    try:
        yield version.con
    finally:
        _checkin(version)


CACHE_MB = int(os.environ.get("CYBERDIPLOMACY_CACHE_MB", "512"))  # per server process; see docs/RELIABILITY.md
results = FrameCache(CACHE_MB * 1024 * 1024)


def _items(kwargs: dict) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items()))


def _run(key: str, query_fn, items: tuple) -> pd.DataFrame:
    with reading(key) as con:
        return query_fn(con, **dict(items))


def query(query_fn: Callable[..., pd.DataFrame], /, **params) -> pd.DataFrame:
    """query_fn(con, **params) for a function of cyberdiplomacy.queries, cached per warehouse version and
    arguments; list arguments become tuples."""
    key = (warehouse_key(), query_fn, _items(params))
    return results.get(key, lambda: _run(*key))


DERIVED_MB = int(os.environ.get("CYBERDIPLOMACY_DERIVED_MB", "256"))
derived = FrameCache(DERIVED_MB * 1024 * 1024, size=result_bytes, copy=lambda value: value)


def derive(fn, /, *args):
    """fn(*args) for a pure core function, cached per warehouse version and arguments; a Query argument
    stands for that query's result. Results are shared by every session and treated as read-only."""
    key = (warehouse_key(), fn, args)
    return derived.get(key, lambda: fn(*[a.fetch(source) if isinstance(a, Query) else a
                                         for a in args]))


class _Cached:
    """The figure registry's Source over the shared caches: every session draws from the same results."""

    query = staticmethod(query)
    derive = staticmethod(derive)


source = _Cached()


def figure(named: NamedFigure, filters: Filters, **choices) -> Drawn | Unavailable:
    """A registered figure for these filters and choices, built once per warehouse version and shared by every
    session (figures are read-only: st.plotly_chart and the exports copy them)."""
    key = (warehouse_key(), named.name, filters, _items(choices))
    return derived.get(key, lambda: named.draw(source, filters, **choices))


def screen_figure(named: NamedFigure, filters: Filters, **choices) -> go.Figure:
    """The page's form of a figure (title as page text, row labels above their rows: narrow.for_screen), made once
    like the figure itself."""
    key = (warehouse_key(), named.name, filters, _items(choices), "screen")
    return derived.get(key, lambda: narrow.for_screen(figure(named, filters, **choices).fig))


def built_date() -> str:
    return figures.built_date(source)


def build_dict() -> dict:
    """The build_info row (data version, build date, licence, citation) as a dict; empty if missing."""
    info = query(queries.build_info)
    return info.iloc[0].to_dict() if len(info) else {}


def imported_on() -> str | None:
    """The date UN Digital Library data was last imported (for source names), or None."""
    return figures.imported_on(source)
