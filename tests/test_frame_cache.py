"""The shared query cache is bounded by bytes, evicts the least recently used, and hands out safe copies."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy.frame_cache import FrameCache, frame_bytes


def frame(n: int) -> pd.DataFrame:
    return pd.DataFrame({"x": range(n)}, dtype="int64")  # synthetic: 8 bytes a row plus the index


def test_bounded_by_bytes_least_recently_used_first():
    size = frame_bytes(frame(1000))
    cache = FrameCache(budget_bytes=2 * size)
    calls = []
    for key in ("a", "b", "a", "c"):  # 'a' is used again before 'c' arrives, so 'b' goes
        cache.get(key, lambda key=key: calls.append(key) or frame(1000))
    assert calls == ["a", "b", "c"]
    assert len(cache) == 2 and cache.held_bytes == 2 * size
    cache.get("b", lambda: calls.append("b again") or frame(1000))
    assert calls[-1] == "b again" and (cache.hits, cache.misses) == (1, 4)


def test_a_result_larger_than_the_budget_is_returned_but_not_kept():
    cache = FrameCache(budget_bytes=100)
    assert len(cache.get("big", lambda: frame(1000))) == 1000
    assert len(cache) == 0 and cache.held_bytes == 0


def test_a_caller_changing_its_copy_does_not_change_the_cache():
    cache = FrameCache(budget_bytes=10**6)
    first = cache.get("k", lambda: frame(3))
    first["x"] = [7, 7, 7]
    first["y"] = 1
    again = cache.get("k", lambda: frame(0))
    assert list(again.columns) == ["x"] and again["x"].tolist() == [0, 1, 2]


def test_derived_results_are_sized_through_their_frames_and_arrays():
    import dataclasses

    import numpy as np

    from cyberdiplomacy.frame_cache import result_bytes

    @dataclasses.dataclass(frozen=True)
    class Result:  # synthetic stand-in for an agreement result
        matrix: pd.DataFrame
        values: np.ndarray
        sources: list

    result = Result(frame(100), np.zeros((10, 10), dtype=np.float32), ["a"])
    assert result_bytes(result) == frame_bytes(frame(100)) + 400 + result_bytes(["a"])
    cache = FrameCache(budget_bytes=10**6, size=result_bytes, copy=lambda value: value)
    assert cache.get("r", lambda: result) is result and cache.held_bytes == result_bytes(result)


def test_a_cached_figure_counts_against_the_budget():
    # Figures were sized as a bare Python object (56 bytes), so the byte bound did not hold them back.
    import plotly.graph_objects as go

    from cyberdiplomacy.frame_cache import result_bytes

    fig = go.Figure(go.Bar(x=list(range(1000)), y=list(range(1000))))
    assert result_bytes(fig) == 2 * len(fig.to_json()) > 10_000
