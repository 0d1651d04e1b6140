"""Where figures get their data: a Source runs functions of cyberdiplomacy.queries and pure derivations.

The app's Source (ui/data.source) shares cached results between sessions; Direct runs them on one connection
(CLI, briefing packs, tests). Figures take either, so a page's figure and the CLI's are built by the same code.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, Protocol

import duckdb
import pandas as pd


class Query(NamedTuple):
    """A query as an argument of derive(): run only when the derived result is not already at hand."""
    query_fn: Callable[..., pd.DataFrame]
    params: tuple

    def fetch(self, src: Source) -> pd.DataFrame:
        return src.query(self.query_fn, **dict(self.params))


def params_key(params: dict) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


def q(query_fn: Callable[..., pd.DataFrame], /, **params) -> Query:
    return Query(query_fn, params_key(params))


class Source(Protocol):
    def query(self, query_fn: Callable[..., pd.DataFrame], /, **params) -> pd.DataFrame: ...

    def derive(self, fn: Callable[..., Any], /, *args) -> Any: ...


class Direct:
    """A Source on one connection; repeated queries within one use are run once."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self._memo: dict = {}

    def query(self, query_fn, /, **params) -> pd.DataFrame:
        key = (query_fn, params_key(params))
        if key not in self._memo:
            self._memo[key] = query_fn(self.con, **params)
        return self._memo[key].copy(deep=False)

    def derive(self, fn, /, *args):
        return fn(*[a.fetch(self) if isinstance(a, Query) else a for a in args])
