"""Server-side figures from /proc: CPU seconds (utime + stime, all threads) and resident memory of process trees."""
from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def children(pid: int) -> list[int]:
    with contextlib.suppress(OSError):
        return [int(c) for t in Path(f"/proc/{pid}/task").iterdir() for c in (t / "children").read_text().split()]
    return []


def tree_rss_mb(pid: int) -> float:
    """The process and its descendants (kaleido's Chromium during an export), VmRSS summed."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children(p)
        with contextlib.suppress(OSError):
            total += sum(int(line.split()[1]) for line in Path(f"/proc/{p}/status").read_text().splitlines()
                         if line.startswith("VmRSS:"))
    return total / 1024


class Sampler:
    """Every 0.5 s: CPU seconds and peak RSS of the server processes `pids()` names (they may change when a
    replica is restarted: the last reading of a dead process still counts)."""

    def __init__(self, pids, every: float = 0.5):
        self.pids, self.every = pids, every
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.peak_mb: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def sample(self) -> None:
        for pid in self.pids():
            with contextlib.suppress(OSError):
                cpu = cpu_seconds(pid)
                self.first.setdefault(pid, cpu)
                self.last[pid] = cpu
                self.peak_mb[pid] = max(self.peak_mb.get(pid, 0.0), tree_rss_mb(pid))

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            self.sample()

    def __enter__(self) -> Sampler:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    @property
    def cpu(self) -> float:
        """CPU seconds used between start and stop, over every process seen."""
        return sum(self.last[p] - self.first[p] for p in self.last)
