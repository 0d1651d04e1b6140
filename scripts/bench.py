"""Benchmarks (not tests): print a table of measured times and their ratio to the target.

    python scripts/bench.py [--only pages,browser,...] [--runs N] [--history FILE.csv.gz]

Targets come from the issues: server-side page render <= 1 s (median of AppTest runs), time to first
chart in the browser <= 3 s. Other sections add their own rows.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, PAGE_PATHS, streamlit_server  # noqa: E402

ROWS: list[tuple[str, float, float | None, str]] = []


def record(name: str, seconds: float, target: float | None, unit: str = "s") -> None:
    ROWS.append((name, seconds, target, unit))
    ratio = f"{seconds / target:.2f}" if target else "-"
    print(f"  {name:<58} {seconds:9.3f} {unit:<3} target {target if target else '-':>6}  ratio {ratio}", flush=True)


def bench_pages(runs: int) -> None:
    from streamlit.testing.v1 import AppTest

    pages = [None, *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))]
    for page in pages:
        times = []
        for _ in range(runs):
            at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
            if page:
                at.switch_page(page)
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
        # The first run fills the caches a real server keeps between visits: report the warm median.
        warm = times[1:] or times
        record(f"page render (AppTest, warm median) {page or 'dashboard.py'}", statistics.median(warm), 1.0)


def bench_browser(runs: int) -> None:
    from playwright.sync_api import sync_playwright

    db = Path(os.environ.get("CYBERDIPLOMACY_DB") or ROOT / "build" / "cyberdiplomacy.duckdb")
    with tempfile.TemporaryDirectory() as tmp, streamlit_server(db, Path(tmp) / "log") as url, \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for name, path in PAGE_PATHS.items():
            if name == "data_and_sources":
                continue
            query = "?state=RUS,USA" if name == "state_explorer" else ""
            cold, warm = [], []
            for _ in range(runs):
                # Cold: a fresh profile downloads the app's JavaScript; warm: a returning visitor's cache.
                context = browser.new_context(viewport={"width": 1400, "height": 1600})
                for times in (cold, warm):
                    page = context.new_page()
                    start = time.perf_counter()
                    page.goto(url + path + query)
                    page.wait_for_selector('[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg', timeout=60_000)
                    times.append(time.perf_counter() - start)
                    page.close()
                context.close()
            record(f"first chart, cold browser cache (median) {name}", statistics.median(cold), 3.0)
            record(f"first chart, warm browser cache (median) {name}", statistics.median(warm), 3.0)
        browser.close()


def bench_export(runs: int) -> None:
    import duckdb

    from cyberdiplomacy import briefing, exports, figures
    from cyberdiplomacy.filters import Filters

    db = Path(os.environ.get("CYBERDIPLOMACY_DB") or ROOT / "build" / "cyberdiplomacy.duckdb")
    con = duckdb.connect(str(db), read_only=True)
    bar, _ = figures.build("vote-history", con, Filters(), "bench")
    world, _ = figures.build("vote-map", con, Filters(), "bench")
    start = time.perf_counter()
    exports.figure_bytes(bar, "png")
    record("figure export, first (starts the browser), PNG bar chart", time.perf_counter() - start, None)
    for name, fig in (("bar chart", bar), ("world map", world)):
        for fmt in exports.FORMATS:
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                exports.figure_bytes(fig, fmt)
                times.append(time.perf_counter() - start)
            record(f"figure export warm (median) {fmt.upper()} {name}", statistics.median(times), 0.5)
    for fmt, write in (("PDF", briefing.to_pdf), ("PPTX", briefing.to_pptx)):
        start = time.perf_counter()
        write(briefing.for_states(con, ["RUS"]))
        record(f"briefing pack for one state (RUS), {fmt}, server warm", time.perf_counter() - start, 10.0)


SECTIONS = {"pages": bench_pages, "browser": bench_browser, "export": bench_export}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"{'measure':<60} {'value':>9}     {'target':>6}  ratio (<= 1 meets the target)")
    for section in args.only.split(","):
        print(f"[{section}]")
        SECTIONS[section](args.runs)
    missed = [r for r in ROWS if r[2] and r[1] > r[2]]
    print(f"\n{len(ROWS) - len(missed)} of {len(ROWS)} measures meet their target.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
