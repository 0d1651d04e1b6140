"""Load test (a measurement, not a pytest test): N concurrent browser sessions against ONE Streamlit server.

    .venv/bin/python scripts/load_test.py --sessions 20 --seconds 60 [--refresh-every 15]

What it does and measures:
- builds a throwaway copy of the warehouse from data/ and serves it with one `streamlit run dashboard.py`;
- one headless Debian Chromium with N browser contexts; each tours every page of tests.browser_support.PAGE_PATHS
  in a loop until the time is up, and records the time from navigation to the first drawn chart (the first
  data frame on Data & sources). An error is: a page showing stException or "Something went wrong", a
  navigation or first chart that takes over 60 s, any other Playwright failure, a failed warehouse rebuild,
  or a "lock" / "IO Error" / "Traceback" line in the server log;
- every request not to localhost/127.0.0.1 is blocked and counted (target 0);
- the RSS of the server process and its children (/proc/<pid>/status VmRSS), sampled every 0.5 s: the peak;
- every --refresh-every seconds (0: never) `python -m etl build` rebuilds the served warehouse in a
  subprocess, as an operator would (temp file renamed over the old one). Afterwards build_info.built_at must
  have changed, a fresh session must render without errors, and the server must hold no deleted warehouse file.
Exit code 0 when errors == 0 and outside requests == 0, else 1. Times include the client: N contexts of one
Chromium share the machine with the server.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
from playwright.async_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, LOCAL_PREFIXES, PAGE_PATHS, streamlit_server  # noqa: E402
from tests.conftest import build  # noqa: E402

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'
TABLE = '[data-testid="stDataFrame"]'
EXCEPTION = '[data-testid="stException"]'
OOPS = "Something went wrong"
TIMEOUT_MS = 60_000
LOG_ERRORS = re.compile(r"(?i)\block|IO Error|Traceback")
PATHS = re.compile(r"\S*/\S*")  # file paths are dropped before matching: a watched folder named */lock is no error


def children(pid: int) -> list[int]:
    with contextlib.suppress(OSError):
        return [int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]
    return []


def server_pid() -> int:
    """The pid of the `streamlit run` child that tests.browser_support.streamlit_server started from this process."""
    pids = [c for c in children(os.getpid()) if b"streamlit" in Path(f"/proc/{c}/cmdline").read_bytes()]
    assert len(pids) == 1, f"expected one streamlit child, found {pids}"
    return pids[0]


def tree_rss_mb(pid: int) -> float:
    """VmRSS of pid and all its descendants, in MB (0 for processes that vanished meanwhile)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        todo += children(p)
    return total / 1024


def built_at(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        return str(con.execute("SELECT built_at FROM build_info").fetchone()[0])


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)] if ordered else float("nan")


@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    rebuilds: list[tuple[int, float, str]] = field(default_factory=list)  # (exit code, seconds, stderr tail)
    cold: list[float] = field(default_factory=list)  # each session's first visit: empty browser cache
    loads: int = 0
    peak_mb: float = 0.0
    server_cpu: float = 0.0  # CPU seconds (user + system) of the server process


async def new_offline_page(browser, stats: Stats):
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})

    async def route(route):
        if route.request.url.startswith(LOCAL_PREFIXES):
            await route.continue_()
        else:
            stats.outside.append(route.request.url)
            await route.abort()

    await context.route("**/*", route)
    return context, await context.new_page()


async def visit(page, url: str, name: str, stats: Stats, who: str) -> float | None:
    """One page load: time to first chart, then wait for the run to finish and look for errors."""
    query = "?state=RUS,USA" if name in ("state_explorer", "sponsor_blocs") else ""
    first = TABLE if name == "data_and_sources" else CHART
    start = time.perf_counter()
    stats.loads += 1
    try:
        await page.goto(url + PAGE_PATHS[name] + query, timeout=TIMEOUT_MS)
        # Stop waiting as soon as either the first chart or an error shows up.
        await (page.locator(first).or_(page.locator(EXCEPTION)).or_(page.get_by_text(OOPS))
               .first.wait_for(timeout=TIMEOUT_MS))
        elapsed = time.perf_counter() - start
        await page.wait_for_timeout(300)
        await page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT_MS)
        problems = [what for what, n in (("stException", await page.locator(EXCEPTION).count()),
                                         (OOPS, await page.get_by_text(OOPS).count())) if n]
        if problems:
            stats.errors.append(f"{who} {name}: page shows {', '.join(problems)}")
        elif await page.locator(first).count():
            stats.times[name].append(elapsed)
            return elapsed
        else:
            stats.errors.append(f"{who} {name}: no {first}")
    except PlaywrightTimeout as exc:
        stats.errors.append(f"{who} {name}: timeout after {time.perf_counter() - start:.0f} s: {str(exc)[:120]}")
    except Exception as exc:  # noqa: BLE001 - a crashed page is an error to count, not a reason to stop
        stats.errors.append(f"{who} {name}: {type(exc).__name__}: {str(exc)[:160]}")
    return None


async def session(i: int, browser, url: str, deadline: float, stats: Stats) -> None:
    context, page = await new_offline_page(browser, stats)
    names = list(PAGE_PATHS)
    k = i  # each session starts on a different page so the pages are mixed
    while time.monotonic() < deadline:
        elapsed = await visit(page, url, names[k % len(names)], stats, f"session {i}")
        if k == i and elapsed is not None:
            stats.cold.append(elapsed)
        k += 1
    await context.close()


async def rebuild_loop(db: Path, every: float, deadline: float, stats: Stats) -> None:
    env = {**os.environ, "CYBERDIPLOMACY_DB": str(db)}
    while every > 0 and time.monotonic() + every < deadline:
        await asyncio.sleep(every)
        start = time.perf_counter()
        proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "etl", "build", cwd=ROOT, env=env,
                                                    stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        _, err = await proc.communicate()
        stats.rebuilds.append((proc.returncode, time.perf_counter() - start, err.decode()[-2000:]))


async def sample_memory(pid: int, stop: asyncio.Event, stats: Stats) -> None:
    while not stop.is_set():
        stats.peak_mb = max(stats.peak_mb, tree_rss_mb(pid))
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            stats.server_cpu = sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.5)


def deleted_warehouse_handles(pid: int, db: Path) -> list[str]:
    """Files the server holds open that were the warehouse before a rename (should be none after a fresh visit)."""
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith(str(db)) and target.endswith("(deleted)"):
                found.append(target)
    return found


async def run(args, db: Path, url: str, pid: int, stats: Stats) -> tuple[float, list[str]]:
    before = built_at(db)
    checks: list[str] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        stop = asyncio.Event()
        sampler = asyncio.create_task(sample_memory(pid, stop, stats))
        start = time.monotonic()
        deadline = start + args.seconds
        await asyncio.gather(rebuild_loop(db, args.refresh_every, deadline, stats),
                             *(session(i, browser, url, deadline, stats) for i in range(args.sessions)))
        wall = time.monotonic() - start
        if stats.rebuilds:  # a fresh session after the last rename must see the new warehouse and render cleanly
            after = built_at(db)
            if after == before:
                stats.errors.append(f"build_info.built_at unchanged after {len(stats.rebuilds)} rebuild(s): {after}")
            checks.append(f"built_at before {before}, after last rebuild {after}")
            fresh = Stats()  # its times stay out of the table: it runs alone, after the load
            context, page = await new_offline_page(browser, fresh)
            for name in PAGE_PATHS:
                await visit(page, url, name, fresh, "fresh session")
            footer = await page.get_by_text("Data version").last.inner_text() if not fresh.errors else ""
            alone = [t for ts in fresh.times.values() for t in ts]
            checks.append(f"fresh session after last rebuild: {len(fresh.errors)} error(s), {len(alone)} pages, first chart "
                          f"p50 {pct(alone, 0.5):.2f} s; footer: {footer.strip()[:45]!r}")
            stats.errors += fresh.errors
            stats.outside += fresh.outside
            held = deleted_warehouse_handles(pid, db)
            checks.append(f"server holds {len(held)} deleted (pre-rebuild) warehouse file(s)")
            if held:
                stats.errors.append(f"server still reads a replaced warehouse: {held}")
            await context.close()
        stop.set()
        await sampler
        await browser.close()
    return wall, checks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions (default 20)")
    parser.add_argument("--seconds", type=float, default=60, help="duration of the load (default 60)")
    parser.add_argument("--refresh-every", type=float, default=15, help="rebuild the warehouse every S seconds (0: never)")
    args = parser.parse_args()
    stats, load = Stats(), os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="loadtest-") as tmp:
        db = build(ROOT / "data", Path(tmp) / "w.duckdb")
        log = Path(tmp) / "streamlit.log"
        with streamlit_server(db, log) as url:
            wall, checks = asyncio.run(run(args, db, url, server_pid(), stats))
        log_text = log.read_text()
    log_hits = [line for line in log_text.splitlines() if LOG_ERRORS.search(PATHS.sub("", line))]
    warnings = [line for line in log_text.splitlines() if "Warning" in line]
    stats.errors += [f"server log: {line[:160]}" for line in log_hits]
    failed = [r for r in stats.rebuilds if r[0] != 0]
    stats.errors += [f"rebuild exit {code} after {secs:.1f} s: {err.strip()[-300:]}" for code, secs, err in failed]

    everything = [t for ts in stats.times.values() for t in ts]
    print(f"\n{'sessions':<34}{args.sessions}\n{'duration (s)':<34}{wall:.1f} (asked {args.seconds:g})")
    print(f"{'page loads (successful)':<34}{stats.loads} ({len(everything)})")
    print(f"{'errors (target 0)':<34}{len(stats.errors)}  (of which server log lines: {len(log_hits)})")
    print(f"{'server log warnings':<34}{len(warnings)}  {' | '.join(w[:110] for w in warnings[:3])}")
    print(f"{'outside requests (target 0)':<34}{len(stats.outside)}")
    print(f"{'server peak memory (MB)':<34}{stats.peak_mb:.0f}")
    print(f"{'server CPU (s) / machine load':<34}{stats.server_cpu:.0f}  / load average {load[0]:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after ({os.cpu_count()} cores)")
    durations = ", ".join(f"{secs:.1f}" for _, secs, _ in stats.rebuilds) or "-"
    print(f"{'rebuilds done / failed':<34}{len(stats.rebuilds)} / {len(failed)}  (durations s: {durations})")
    print(f"\n{'time to first chart (s)':<24}{'loads':>6}{'p50':>8}{'p95':>8}{'max':>8}")
    for name in [*PAGE_PATHS, "overall"]:
        ts = everything if name == "overall" else stats.times.get(name, [])
        top = max(ts) if ts else float("nan")
        print(f"{name:<24}{len(ts):>6}{pct(ts, 0.5):>8.2f}{pct(ts, 0.95):>8.2f}{top:>8.2f}")
    cold = stats.cold
    print(f"{'(first visit/session)':<24}{len(cold):>6}{pct(cold, 0.5):>8.2f}{pct(cold, 0.95):>8.2f}"
          f"{max(cold, default=float('nan')):>8.2f}")
    for line in checks:
        print(line)
    if stats.errors:
        print(f"\nerrors ({len(stats.errors)}, first 15):")
        for line in stats.errors[:15]:
            print("  " + line)
        print("\nserver log tail:\n" + "\n".join(line[:400] for line in log_text.splitlines()[-40:]))
    if stats.outside:
        print("outside requests (first 10):\n  " + "\n  ".join(stats.outside[:10]))
    return 0 if not stats.errors and not stats.outside else 1


if __name__ == "__main__":
    sys.exit(main())
