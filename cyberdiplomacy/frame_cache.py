"""A cache of query results shared by every session, bounded by the bytes it holds (least recently used first).

Streamlit's cache_data pickles each result and unpickles it on every read, and bounds it only by count; the
whole-history vote rows alone are tens of MB, read several times per Alignment run. Here a hit costs a
shallow copy: with pandas' copy-on-write, a caller that changes its copy never changes the cached frame.
"""
from __future__ import annotations

import dataclasses
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import pandas as pd


def frame_bytes(frame: pd.DataFrame) -> int:
    return int(frame.memory_usage(index=True, deep=True).sum())


class FrameCache:
    """`size` and `copy` default to DataFrames; derived results pass their own (see ui/data.derive)."""

    def __init__(self, budget_bytes: int, size: Callable[[Any], int] = frame_bytes,
                 copy: Callable[[Any], Any] = lambda frame: frame.copy(deep=False)):
        self.budget_bytes = budget_bytes
        self._size, self._copy = size, copy
        self._frames: OrderedDict[Hashable, tuple[pd.DataFrame, int]] = OrderedDict()
        self._held_bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @property
    def held_bytes(self) -> int:
        return self._held_bytes

    def __len__(self) -> int:
        return len(self._frames)

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            entry = self._frames.get(key)
            if entry is not None:
                self._frames.move_to_end(key)
                self.hits += 1
                return self._copy(entry[0])
            self.misses += 1
        frame = compute()  # outside the lock: other sessions' hits must not wait for a slow query
        size = self._size(frame)
        with self._lock:
            if key not in self._frames and size <= self.budget_bytes:
                self._frames[key] = (frame, size)
                self._held_bytes += size
                while self._held_bytes > self.budget_bytes:
                    _, (_, evicted) = self._frames.popitem(last=False)
                    self._held_bytes -= evicted
        return self._copy(frame)

    def clear(self) -> None:
        with self._lock:
            self._frames.clear()
            self._held_bytes = 0


def result_bytes(value: Any) -> int:
    """Bytes held by a derived result: its frames and arrays, walking dataclasses, tuples and dicts."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return int(value.memory_usage(deep=True).sum()) if isinstance(value, pd.DataFrame) else \
            int(value.memory_usage(deep=True))
    if hasattr(value, "nbytes"):
        return int(value.nbytes)
    if hasattr(value, "to_json") and hasattr(value, "layout"):  # a plotly figure: measured at ~1.8x its JSON in memory
        return 2 * len(value.to_json())
    if dataclasses.is_dataclass(value):
        return sum(result_bytes(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, (tuple, list)):
        return sum(result_bytes(v) for v in value)
    if isinstance(value, dict):
        return sum(result_bytes(v) for v in value.values())
    return sys.getsizeof(value)
