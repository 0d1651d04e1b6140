"""A live Streamlit server on a free port and a Playwright-driven Debian Chromium, for browser tests."""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
LOCAL_PREFIXES = ("http://localhost", "http://127.0.0.1", "ws://localhost", "ws://127.0.0.1", "data:", "blob:",
                  "about:")
PAGE_PATHS = {
    "overview": "/",
    "resolution_history": "/Resolution_history",
    "sponsor_blocs": "/Sponsor_blocs",
    "meeting_timelines": "/Meeting_timelines",
    "state_explorer": "/State_explorer",
    "data_and_sources": "/Data_and_sources",
    "alignment": "/Alignment",
    "texts": "/Texts?view=search&search=human%20rights",  # the search draws the page's chart
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(db_path: Path, log_path: Path, script: str = "dashboard.py"):
    port = free_port()
    env = {**os.environ, "CYBERDIPLOMACY_DB": str(db_path)}
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("Streamlit did not become healthy:\n" + log_path.read_text())
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_for_run(page, timeout: int = 30_000) -> None:
    """A script run is over when the status widget is gone; then give the frontend a beat to paint."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=timeout)


def wait_for_charts(page, timeout: int = 30_000) -> None:
    page.wait_for_selector('[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg', timeout=timeout)


# Text a plot draws past its own box or the window's edge (plotly SVG text is never wrapped: it is cut there), and
# tick labels plotly hid because they would have been cut ("hide past div"); the width of each plot area.
CUT_TEXT = """() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
    const box = plot.getBoundingClientRect();
    const left = Math.max(box.left, 0), right = Math.min(box.right, window.innerWidth);
    const cut = [];
    for (const t of plot.querySelectorAll('svg.main-svg text')) {
        if (t.closest('.hoverlayer') || !t.textContent.trim()) continue;
        const style = getComputedStyle(t);
        if (style.display === 'none') {
            if (t.closest('[class$="tick"]')) cut.push(t.textContent + ' (hidden: no room)');
            continue;
        }
        const r = t.getBoundingClientRect();
        if (r.width === 0 || style.visibility === 'hidden') continue;
        if (r.left < left - 1 || r.right > right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
            cut.push(`${t.textContent.slice(0, 50)} (${Math.round(r.left)}-${Math.round(r.right)} px of ` +
                     `${Math.round(left)}-${Math.round(right)})`);
    }
    const areas = [...plot.querySelectorAll('.draglayer .nsewdrag, .geo > .layer.bg > rect')]
        .map(area => Math.round(area.getBoundingClientRect().width)).filter(width => width > 0);
    const meta = plot.layout && plot.layout.meta ? plot.layout.meta.figure : '';
    return {figure: meta || '(unnamed)', cut, areas};
})"""

# Labels of the Overview's key figures that Streamlit cut with an ellipsis (a metric label does not wrap).
CUT_METRIC_LABELS = """() => [...document.querySelectorAll('[data-testid="stMetricLabel"]')]
    .filter(label => [label, ...label.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1))
    .map(label => label.innerText)"""
ALL_CHARTS_DRAWN = """() => { const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
    return charts.length > 0 && [...charts].every(chart => chart.querySelector('.js-plotly-plot .main-svg')); }"""
