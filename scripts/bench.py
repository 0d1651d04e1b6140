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


def _first_chart_seconds(browser, url: str, runs: int) -> tuple[list[float], list[float]]:
    """Seconds from navigation to the first drawn chart: with a fresh profile (cold: the app's JavaScript is
    downloaded) and again in the same profile (warm: a returning visitor's cache)."""
    cold, warm = [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1400, "height": 1600})
        for times in (cold, warm):
            page = context.new_page()
            start = time.perf_counter()
            page.goto(url)
            page.wait_for_selector('[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg', timeout=60_000)
            times.append(time.perf_counter() - start)
            page.close()
        context.close()
    return cold, warm


def bench_browser(runs: int, pages: list[str] | None = None) -> None:
    """Time to first chart per page against a one-chart bare Streamlit app (target <= 1.3x), measured pair by pair:
    each run times the bare app and then the page, both with a cold browser profile and a warm server, so a
    noisy machine moves both sides of a ratio alike."""
    from playwright.sync_api import sync_playwright

    db = Path(os.environ.get("CYBERDIPLOMACY_DB") or ROOT / "build" / "cyberdiplomacy.duckdb")
    with tempfile.TemporaryDirectory() as tmp, streamlit_server(db, Path(tmp) / "log") as url, \
            streamlit_server(db, Path(tmp) / "bare-log", "scripts/bare_app.py") as bare_url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        _first_chart_seconds(browser, bare_url, 1)  # warm the bare server as each page's is warmed below
        for name, path in PAGE_PATHS.items():
            if pages and name not in pages:
                continue
            _first_chart_seconds(browser, url + path, 1)  # warm server: its caches hold this view
            pairs = []
            for _ in range(runs):
                bare = _first_chart_seconds(browser, bare_url, 1)[0][0]
                page = _first_chart_seconds(browser, url + path, 1)[0][0]
                pairs.append((page, bare))
            record(f"first chart, cold browser (median s) {name}", statistics.median(p for p, _ in pairs), None)
            record(f"  bare one-chart app in the same pairs (median s) {name}", statistics.median(b for _, b in pairs),
                   None)
            record(f"  page / bare (median of {runs} pairs) {name}", statistics.median(p / b for p, b in pairs), 1.3,
                   unit="x")
        browser.close()


def bench_export(runs: int) -> None:
    import duckdb

    from cyberdiplomacy import briefing, exports, figures
    from cyberdiplomacy.filters import Filters

    db = Path(os.environ.get("CYBERDIPLOMACY_DB") or ROOT / "build" / "cyberdiplomacy.duckdb")
    con = duckdb.connect(str(db), read_only=True)
    bar = figures.build("vote-history", figures.Direct(con), Filters()).fig
    world = figures.build("vote-map", figures.Direct(con), Filters()).fig
    start = time.perf_counter()
    exports.figure_bytes(bar, "png")
    record("figure export, first (starts the browser), PNG bar chart", time.perf_counter() - start, None)
    for name, fig in (("bar chart", bar), ("world map", world)):
        for fmt in exports.FORMATS:
            times = []
            for _ in range(runs):
                exports._rendered.clear()  # time the render in the browser, not the bytes cache
                start = time.perf_counter()
                exports.figure_bytes(fig, fmt)
                times.append(time.perf_counter() - start)
            record(f"figure export warm (median) {fmt.upper()} {name}", statistics.median(times), 0.5)
            start = time.perf_counter()
            exports.figure_bytes(fig, fmt)
            record(f"  the same export again (bytes cache) {fmt.upper()} {name}", time.perf_counter() - start, 0.05)
    for fmt, write in (("PDF", briefing.to_pdf), ("PPTX", briefing.to_pptx)):
        start = time.perf_counter()
        write(briefing.for_states(con, ["RUS"]))
        record(f"briefing pack for one state (RUS), {fmt}, server warm", time.perf_counter() - start, 10.0)


HISTORY_DIR = ROOT / "data" / "history"


def _history_as_undl_csv(folder: Path) -> Path:
    """The bundled history written back in the UN Digital Library voting layout (gzip), as an import input
    of realistic size: 715k rows. Empty columns are empty in the source dataset too."""
    import duckdb

    out = folder / "ga_votes_1946_2019_undl_layout.csv.gz"
    duckdb.execute(
        "COPY (SELECT '' AS undl_id, v.iso3 AS ms_code, v.dataset_state_name AS ms_name, v.vote AS ms_vote, "
        "r.vote_date AS date, r.session_number AS session, v.resolution_symbol AS resolution, '' AS draft, "
        "'' AS committee_report, '' AS meeting, r.title, '' AS agenda_title, '' AS subjects, '' AS vote_note, "
        "r.dataset_yes_count AS total_yes, r.dataset_no_count AS total_no, r.dataset_abstain_count AS total_abstentions, "
        "'' AS total_non_voting, '' AS total_ms, '' AS undl_link "
        "FROM read_parquet($votes) v JOIN read_parquet($resolutions) r USING (resolution_symbol) "
        "ORDER BY r.vote_date, v.resolution_symbol, v.iso3) TO $out (HEADER, COMPRESSION gzip)",
        {"votes": str(HISTORY_DIR / "ga_votes_1946_2019.parquet"),
         "resolutions": str(HISTORY_DIR / "ga_resolutions_1946_2019.parquet"), "out": str(out)})
    return out


def _import_in_child(path: Path, imports: Path) -> tuple[float, float]:
    """Import in a fresh process: wall time and that process's peak memory (MB)."""
    import json
    import subprocess

    code = ("import json, resource, sys, time; from pathlib import Path; from etl import undl; "
            "t = time.perf_counter(); undl.import_file(Path(sys.argv[1]), Path(sys.argv[2]), progress=None); "
            "print(json.dumps([time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))")
    out = subprocess.run([sys.executable, "-c", code, str(path), str(imports)], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    seconds, peak_mb = json.loads(out.strip().splitlines()[-1])
    return seconds, peak_mb


def _bare_read(path: Path) -> float:
    import duckdb

    con = duckdb.connect()
    start = time.perf_counter()
    con.execute("CREATE TABLE t AS SELECT * FROM read_csv($p, header = true, all_varchar = true)", {"p": str(path)})
    seconds = time.perf_counter() - start
    con.close()
    return seconds


def bench_analytics(runs: int, history: Path | None = None) -> None:
    import duckdb
    import pandas as pd

    from cyberdiplomacy import metrics
    from tests.conftest import build

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        history = history or _history_as_undl_csv(tmp)
        synthetic = tmp / "SYNTHETIC_1500k_votes.csv"
        # SYNTHETIC: the real file twice (second copy's symbols suffixed -SYNTHETIC), cut at 1.5M rows.
        duckdb.execute("COPY (SELECT * FROM (SELECT * FROM read_csv($p, header = true, all_varchar = true) UNION ALL "
                       "SELECT * REPLACE (resolution || '-SYNTHETIC' AS resolution) FROM read_csv($p, header = true, "
                       "all_varchar = true) UNION ALL SELECT * REPLACE (resolution || '-SYNTHETIC-2' AS resolution) "
                       "FROM read_csv($p, header = true, all_varchar = true)) LIMIT 1500000) TO '"
                       + str(synthetic) + "' (HEADER)", {"p": str(history)})
        for label, path in (("real 715k rows, gzip", history), ("SYNTHETIC 1.5M rows", synthetic)):
            bare = statistics.median(_bare_read(path) for _ in range(runs))
            results = [_import_in_child(path, tmp / f"imports-{label[:4]}") for _ in range(runs)]
            seconds = statistics.median(r[0] for r in results)
            record(f"import ({label}) vs bare read_csv {bare:.2f} s: ratio", seconds / bare, 2.0, "x")
            record(f"import peak memory ({label})", max(r[1] for r in results), 1536.0, "MB")
        os.environ["CYBERDIPLOMACY_IMPORTS"] = str(tmp / "imports-real")
        db = build(ROOT / "data", tmp / "full.duckdb")
        rows = duckdb.connect(str(db), read_only=True).sql("SELECT resolution_symbol, iso3, vote FROM all_votes").df()
        matrix = metrics.vote_matrix(rows)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            metrics.agreement(metrics.vote_matrix(rows), "abstention_half")
            times.append(time.perf_counter() - start)
        fast = statistics.median(times)
        record(f"agreement matrix {len(matrix.states)} states x {len(matrix.votes)} votes (incl. matrix build)",
               fast, 0.5)
        wide = pd.DataFrame(matrix.values, index=matrix.states)
        pairs = [(a, b) for a in matrix.states[:20] for b in matrix.states]
        start = time.perf_counter()
        for a, b in pairs:  # the naive way: one pandas comparison per pair of states
            both = wide.loc[a].notna() & wide.loc[b].notna()
            (wide.loc[a][both] == wide.loc[b][both]).mean()
        naive = (time.perf_counter() - start) / len(pairs) * len(matrix.states) ** 2
        record(f"naive pandas pairwise loop (estimated from {len(pairs)} pairs)", naive, None)
        record("speed-up of the vectorised agreement over the naive loop", naive / fast, None, "x")
        os.environ["CYBERDIPLOMACY_DB"] = str(db)
        from streamlit.testing.v1 import AppTest

        renders = []
        for _ in range(runs + 1):
            at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
            at.switch_page("pages/6_Alignment.py")
            at.run()
            start = time.perf_counter()
            at.radio[0].set_value("all").run()
            renders.append(time.perf_counter() - start)
        record("Alignment page render, full history loaded (median)", statistics.median(renders[1:]), 2.0)


def bench_record(runs: int) -> None:
    """The bundled origins' size (target: under 1 MB each) and the warehouse build against its floor: DuckDB
    reading the same Parquet and CSV files into tables with nothing checked or derived."""
    import json

    import duckdb

    from etl.build import write_warehouse
    from etl.schema import load_catalog
    from etl.validate import validate

    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for name, dataset in package["bundled"].items():
        size = sum((ROOT / "data" / f["path"]).stat().st_size for f in dataset["files"].values())
        record(f"bundled origin {name} on disk", size / 1e6, 1.0, "MB")
    files = [ROOT / "data" / f["path"] for d in package["bundled"].values() for f in d["files"].values()]
    csvs = sorted((ROOT / "data").glob("*.csv"))
    builds, bare = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            start = time.perf_counter()
            catalog = load_catalog(ROOT / "data")
            write_warehouse(catalog, validate(catalog, ROOT / "data"), Path(tmp) / f"w{run}.duckdb", ROOT / "data")
            builds.append(time.perf_counter() - start)
            start = time.perf_counter()
            con = duckdb.connect(str(Path(tmp) / f"bare{run}.duckdb"))
            for i, path in enumerate([*files, *csvs]):  # table names are counters; paths are bound
                reader = "read_parquet" if path.suffix == ".parquet" else "read_csv"
                con.execute(f"CREATE TABLE t{i} AS SELECT * FROM {reader}($p)", {"p": str(path)})
            con.close()
            bare.append(time.perf_counter() - start)
    build, floor = statistics.median(builds), statistics.median(bare)
    record(f"warehouse build in-process (median; bare DuckDB load {floor:.2f} s)", build, None)
    record("warehouse build / bare DuckDB load of the same files", build / floor, None, "x")


def bench_texts(runs: int) -> None:
    """The Texts page's work on the built warehouse: the Convention (79/243) compared with every other text (the
    slowest), and a search over every paragraph."""
    import duckdb

    from cyberdiplomacy import db, queries, views

    con = duckdb.connect(str(db.warehouse_path()), read_only=True)
    texts = list(queries.text_list(con)["resolution_symbol"])
    convention = queries.text_paragraphs(con, "A/RES/79/243")
    slowest = 0.0
    for symbol in texts:
        other = queries.text_paragraphs(con, symbol)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            views.text_compare.align(other, convention)
            times.append(time.perf_counter() - start)
        slowest = max(slowest, statistics.median(times))
    record(f"compare the Convention with each of {len(texts)} texts (slowest, median)", slowest, 1.0)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        queries.text_search(con, "human rights")
        times.append(time.perf_counter() - start)
    record("search every paragraph for 'human rights' (median)", statistics.median(times), 0.3)
    con.close()


SECTIONS = {"pages": bench_pages, "browser": bench_browser, "export": bench_export, "analytics": bench_analytics,
            "record": bench_record, "texts": bench_texts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--history", type=Path, default=None,
                        help="UN Digital Library-layout voting file for the analytics section "
                             "(default: the bundled history data/history/, written back in that layout)")
    parser.add_argument("--pages", default="", help="browser section: comma-separated pages (default: all), e.g. "
                        "resolution_history,alignment")
    args = parser.parse_args()
    print(f"{'measure':<60} {'value':>9}     {'target':>6}  ratio (<= 1 meets the target)")
    for section in args.only.split(","):
        print(f"[{section}]")
        if section == "analytics":
            bench_analytics(args.runs, args.history)
        elif section == "browser":
            bench_browser(args.runs, [p for p in args.pages.split(",") if p])
        else:
            SECTIONS[section](args.runs)
    missed = [r for r in ROWS if r[2] and r[1] > r[2]]
    print(f"\n{len(ROWS) - len(missed)} of {len(ROWS)} measures meet their target.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
