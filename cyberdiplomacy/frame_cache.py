"""A cache of query results shared by every session, bounded by the bytes it holds (least recently used first).

Streamlit's cache_data pickles each result and unpickles it on every read, and bounds it only by count; the
whole-history vote rows alone are tens of MB, read several times per Alignment run. Here a hit costs a
shallow copy: with pandas' copy-on-write, a caller that changes its copy never changes the cached frame.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

import pandas as pd


def frame_bytes(frame: pd.DataFrame) -> int:
    return int(frame.memory_usage(index=True, deep=True).sum())


class FrameCache:
    def __init__(self, budget_bytes: int):
        self.budget_bytes = budget_bytes
        self._frames: OrderedDict[Hashable, tuple[pd.DataFrame, int]] = OrderedDict()
        self._held_bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @property
    def held_bytes(self) -> int:
        return self._held_bytes

    def __len__(self) -> int:
        return len(self._frames)

    def get(self, key: Hashable, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        with self._lock:
            entry = self._frames.get(key)
            if entry is not None:
                self._frames.move_to_end(key)
                self.hits += 1
                return entry[0].copy(deep=False)
            self.misses += 1
        frame = compute()  # outside the lock: other sessions' hits must not wait for a slow query
        size = frame_bytes(frame)
        with self._lock:
            if key not in self._frames and size <= self.budget_bytes:
                self._frames[key] = (frame, size)
                self._held_bytes += size
                while self._held_bytes > self.budget_bytes:
                    _, (_, evicted) = self._frames.popitem(last=False)
                    self._held_bytes -= evicted
        return frame.copy(deep=False)

    def clear(self) -> None:
        with self._lock:
            self._frames.clear()
            self._held_bytes = 0
