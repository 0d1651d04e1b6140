"""Load test (a measurement, not a pytest test): N concurrent browser sessions against ONE Streamlit server.

    .venv/bin/python scripts/load_test.py --sessions 20 --seconds 60 [--refresh-every 15] [--browser-cache]

- Builds a throwaway warehouse from data/ and serves it with one `streamlit run dashboard.py`.
- One headless Debian Chromium with N contexts; each tours the pages of tests.browser_support.PAGE_PATHS in a
  loop until the time is up, timing navigation -> first drawn chart (first data frame on Data & sources).
  Errors: a page showing stException or "Something went wrong", no first chart within 60 s, any other
  Playwright failure, a failed rebuild, a "lock" / "IO Error" / "Traceback" line in the server log.
- Every request not to localhost/127.0.0.1 is blocked and counted (target 0) with context.route, as in
  tests/test_browser.py. Routing turns Chromium's HTTP cache off, so every visit downloads the app's ~9 MB of
  JavaScript again (a worst case); --browser-cache blocks by --host-resolver-rules instead and counts outside
  requests from request events, so returning visitors use their cache as real ones do.
- Samples every 0.5 s the server's RSS (itself and children, /proc/<pid>/status VmRSS: the peak), the CPU time of
  the server and of Chromium + Playwright's driver during the load (who is using the cores?),
  and how long it takes to answer /_stcore/health (is the server itself stalling?).
- Every --refresh-every seconds (0: never) `python -m etl build` rebuilds the served warehouse as an operator
  would (temp file renamed over the old one). Afterwards build_info.built_at must have changed, a fresh session
  must render every page, and the server must hold no deleted (replaced) warehouse file open.
Exit code 0 when errors == 0 and outside requests == 0, else 1. Times include the client: N contexts of one
Chromium share the machine's cores with the server.
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
import urllib.request
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
EXCEPTION = '[data-testid="stException"]'
OOPS = "Something went wrong"
TIMEOUT_MS = 60_000
LOG_ERRORS = re.compile(r"(?i)\block|IO Error|Traceback")
PATHS = re.compile(r"\S*/\S*")  # dropped before matching: watchdog warnings list every watched folder
RESOLVER_BLOCK = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"


@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    cold: list[float] = field(default_factory=list)  # each session's first visit (empty browser cache)
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    rebuilds: list[tuple[int, float, str]] = field(default_factory=list)  # exit code, seconds, stderr tail
    health: list[float] = field(default_factory=list)  # seconds for /_stcore/health to answer
    loads: int = 0
    peak_mb: float = 0.0
    server_cpu: float = 0.0  # user + system seconds of the server process
    client_cpu: dict[int, float] = field(default_factory=dict)  # the same for Chromium and Playwright's driver
    cpu: tuple = ()  # CPU seconds used during the load: server, Chromium + driver, this script


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)] if ordered else float("nan")


def children(pid: int) -> list[int]:
    with contextlib.suppress(OSError):
        return [int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]
    return []


def server_pid() -> int:
    """The `streamlit run` child that tests.browser_support.streamlit_server started from this process."""
    pids = [c for c in children(os.getpid()) if b"streamlit" in Path(f"/proc/{c}/cmdline").read_bytes()]
    assert len(pids) == 1, f"expected one streamlit child, found {pids}"
    return pids[0]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime (not children's: no double count)


def tree(pid: int) -> list[int]:
    return [pid] + [d for c in children(pid) for d in tree(c)]


def tree_rss_mb(pid: int) -> float:
    total = 0
    for p in tree(pid):
        with contextlib.suppress(OSError):
            total += sum(int(line.split()[1]) for line in Path(f"/proc/{p}/status").read_text().splitlines()
                         if line.startswith("VmRSS:"))
    return total / 1024


def health_seconds(url: str) -> float:
    start = time.perf_counter()
    with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=30) as resp:
        resp.read()
        return time.perf_counter() - start
    return 30.0


def built_at(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        return str(con.execute("SELECT built_at FROM build_info").fetchone()[0])


def deleted_warehouse_handles(pid: int, db: Path) -> list[str]:
    """Replaced warehouse versions the server still holds open (db is a pointer to versions/, etl/publish.py)."""
    current = os.path.realpath(db)
    versions = str(Path(os.path.realpath(db.parent)) / "versions" / db.stem)
    targets = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir() if fd.is_symlink()]
    return [t for t in targets if t.startswith((str(db), versions)) and t.removesuffix(" (deleted)") != current]


async def every_half_second(stop: asyncio.Event, sample) -> None:
    while not stop.is_set():
        await sample()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.5)


async def new_offline_page(browser, stats: Stats, use_route: bool):
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})

    async def route(route):
        if route.request.url.startswith(LOCAL_PREFIXES):
            await route.continue_()
        else:
            stats.outside.append(route.request.url)
            await route.abort()

    if use_route:
        await context.route("**/*", route)
    else:  # Chromium's resolver blocks (RESOLVER_BLOCK); count what was attempted
        context.on("request", lambda r: None if r.url.startswith(LOCAL_PREFIXES) else stats.outside.append(r.url))
    return context, await context.new_page()


async def visit(page, url: str, name: str, stats: Stats, who: str) -> float | None:
    """One page load: time to first chart, then wait for the run to finish and look for errors."""
    query = "?state=RUS,USA" if name in ("state_explorer", "sponsor_blocs", "alignment") else ""
    first = CHART  # every page opens on a chart, Data & sources included
    start = time.perf_counter()
    stats.loads += 1
    try:  # one 60 s budget from navigation to first chart; stop waiting as soon as a chart or an error shows
        await page.goto(url + PAGE_PATHS[name] + query, timeout=TIMEOUT_MS, wait_until="commit")
        left = max(1_000, TIMEOUT_MS - (time.perf_counter() - start) * 1000)
        await page.locator(first).or_(page.locator(EXCEPTION)).or_(page.get_by_text(OOPS)).first.wait_for(timeout=left)
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
        stats.errors.append(f"{who} {name}: timeout after {time.perf_counter() - start:.0f} s: {str(exc)[:60]!r}")
    except Exception as exc:  # noqa: BLE001 - a crashed page is an error to count, not a reason to stop
        stats.errors.append(f"{who} {name}: {type(exc).__name__}: {str(exc)[:160]!r}")
    return None


async def session(i: int, browser, url: str, deadline: float, stats: Stats, use_route: bool) -> None:
    context, page = await new_offline_page(browser, stats, use_route)
    names = list(PAGE_PATHS)
    k = i  # sessions start on different pages so the pages are mixed
    while time.monotonic() < deadline:
        elapsed = await visit(page, url, names[k % len(names)], stats, f"session {i}")
        if k == i and elapsed is not None:
            stats.cold.append(elapsed)
        k += 1
    await context.close()


async def rebuild_loop(db: Path, every: float, start: float, deadline: float, stats: Stats) -> None:
    """Rebuild at start + every, start + 2 * every, ... while that is before the deadline."""
    env = {**os.environ, "CYBERDIPLOMACY_DB": str(db)}
    k = 1
    while every > 0 and start + k * every < deadline:
        await asyncio.sleep(max(0.0, start + k * every - time.monotonic()))
        k += 1
        began = time.perf_counter()
        proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "etl", "build", cwd=ROOT, env=env,
                                                    stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        _, err = await proc.communicate()
        stats.rebuilds.append((proc.returncode, time.perf_counter() - began, err.decode()[-2000:]))


async def run(args, db: Path, url: str, pid: int, stats: Stats) -> tuple[float, list[str]]:
    before, use_route, checks = built_at(db), not args.browser_cache, []

    async def sample_processes():
        stats.peak_mb = max(stats.peak_mb, tree_rss_mb(pid))
        with contextlib.suppress(OSError):
            stats.server_cpu = cpu_seconds(pid)
        server = set(tree(pid))
        for c in tree(os.getpid())[1:]:
            with contextlib.suppress(OSError):
                if c not in server and b"-m\x00etl\x00" not in Path(f"/proc/{c}/cmdline").read_bytes():
                    stats.client_cpu[c] = cpu_seconds(c)

    def cpu_now() -> tuple[float, float, float]:
        return stats.server_cpu, sum(stats.client_cpu.values()), sum(os.times()[:2])

    async def probe_health():
        stats.health.append(await asyncio.to_thread(health_seconds, url))

    async with async_playwright() as p:
        args_ = CHROMIUM_ARGS + ([] if use_route else [RESOLVER_BLOCK])
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=args_)
        stop, load_over = asyncio.Event(), asyncio.Event()
        samplers = [asyncio.create_task(every_half_second(stop, sample_processes)),
                    asyncio.create_task(every_half_second(load_over, probe_health))]
        await sample_processes()
        start, cpu0 = time.monotonic(), cpu_now()
        deadline = start + args.seconds
        await asyncio.gather(rebuild_loop(db, args.refresh_every, start, deadline, stats),
                             *(session(i, browser, url, deadline, stats, use_route) for i in range(args.sessions)))
        wall = time.monotonic() - start
        await sample_processes()
        stats.cpu = tuple(b - a for a, b in zip(cpu0, cpu_now(), strict=True))
        load_over.set()
        if stats.rebuilds:  # after the last rename a fresh session must see the new warehouse and render cleanly
            after = built_at(db)
            if after == before:
                stats.errors.append(f"build_info.built_at unchanged after {len(stats.rebuilds)} rebuild(s): {after}")
            checks.append(f"built_at before {before}, after last rebuild {after}")
            fresh = Stats()  # its times stay out of the table: it runs alone, after the load
            context, page = await new_offline_page(browser, fresh, use_route)
            for name in PAGE_PATHS:
                await visit(page, url, name, fresh, "fresh session")
            footer = await page.get_by_text("Data version").last.inner_text() if not fresh.errors else ""
            alone = [t for ts in fresh.times.values() for t in ts]
            checks.append(f"fresh session after last rebuild: {len(fresh.errors)} error(s), {len(alone)} pages, "
                          f"first chart p50 {pct(alone, 0.5):.2f} s; footer: {footer.strip()[:45]!r}")
            stats.errors += fresh.errors
            stats.outside += fresh.outside
            held = deleted_warehouse_handles(pid, db)
            checks.append(f"server holds {len(held)} replaced (pre-rebuild) warehouse version(s) open")
            stats.errors += [f"server still reads a replaced warehouse: {held}"] if held else []
            await context.close()
        stop.set()
        await asyncio.gather(*samplers)
        await browser.close()
    return wall, checks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions (default 20)")
    parser.add_argument("--seconds", type=float, default=60, help="duration of the load (default 60)")
    parser.add_argument("--refresh-every", type=float, default=15, help="rebuild the warehouse every S seconds (0: never)")
    parser.add_argument("--browser-cache", action="store_true",
                        help="block outside requests by DNS instead of context.route, keeping the HTTP cache")
    args = parser.parse_args()
    stats, load = Stats(), os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="loadtest-") as tmp:
        db = build(ROOT / "data", Path(tmp) / "w.duckdb")
        log = Path(tmp) / "streamlit.log"
        with streamlit_server(db, log) as url:
            wall, checks = asyncio.run(run(args, db, url, server_pid(), stats))
        log_lines = log.read_text().splitlines()
    log_hits = [line for line in log_lines if LOG_ERRORS.search(PATHS.sub("", line))]
    warnings = [line for line in log_lines if "Warning" in line]
    stats.errors += [f"server log: {line[:160]}" for line in log_hits]
    failed = [r for r in stats.rebuilds if r[0] != 0]
    stats.errors += [f"rebuild exit {code} after {secs:.1f} s: {err.strip()[-300:]}" for code, secs, err in failed]

    nan, everything = float("nan"), [t for ts in stats.times.values() for t in ts]
    rows = [("sessions", f"{args.sessions} ({'HTTP cache on, DNS block' if args.browser_cache else 'context.route'})"),
            ("duration (s)", f"{wall:.1f} (asked {args.seconds:g})"),
            ("page loads (successful)", f"{stats.loads} ({len(everything)})"),
            ("errors (target 0)", f"{len(stats.errors)}  (of which server log lines: {len(log_hits)})"),
            ("outside requests (target 0)", len(stats.outside)),
            ("server peak memory (MB)", f"{stats.peak_mb:.0f}"),
            ("CPU s during the load", "server {:.0f}, Chromium + driver {:.0f}, this script {:.0f}".format(*stats.cpu)),
            ("machine", f"{os.cpu_count()} cores, load average {load[0]:.1f} before, {os.getloadavg()[0]:.1f} after"),
            ("server /_stcore/health (s)", f"p50 {pct(stats.health, 0.5):.2f}, p95 {pct(stats.health, 0.95):.2f}, "
                                           f"max {max(stats.health, default=nan):.2f} ({len(stats.health)} probes)"),
            ("rebuilds done / failed", f"{len(stats.rebuilds)} / {len(failed)}  (seconds: "
                                       f"{', '.join(f'{r[1]:.1f}' for r in stats.rebuilds) or '-'})"),
            ("server log warnings", f"{len(warnings)}  {' | '.join(w[:100] for w in warnings[:2])}")]
    print("\n" + "\n".join(f"{label:<30}{value}" for label, value in rows))
    print(f"\n{'time to first chart (s)':<24}{'loads':>6}{'p50':>8}{'p95':>8}{'max':>8}")
    for name, ts in [*((n, stats.times.get(n, [])) for n in PAGE_PATHS), ("overall", everything),
                     ("(first visit/session)", stats.cold)]:
        print(f"{name:<24}{len(ts):>6}{pct(ts, 0.5):>8.2f}{pct(ts, 0.95):>8.2f}{max(ts, default=nan):>8.2f}")
    print("\n".join(checks))
    if stats.errors:
        print(f"\nerrors ({len(stats.errors)}, first 15):\n  " + "\n  ".join(stats.errors[:15]))
        print("\nserver log tail:\n" + "\n".join(line[:400] for line in log_lines[-40:]))
    if stats.outside:
        print("outside requests (first 10):\n  " + "\n  ".join(stats.outside[:10]))
    return 0 if not stats.errors and not stats.outside else 1


if __name__ == "__main__":
    sys.exit(main())
