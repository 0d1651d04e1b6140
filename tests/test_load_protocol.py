"""The load tool's protocol client sees what Chromium sees: one run per page on the real warehouse, no errors,
and the same headings, metric labels and plotly charts (title and trace count from the figure JSON)."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from scripts.load.protocol import Session
from scripts.load.tour import TOUR
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, wait_for_run

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")
PAGES = list(dict.fromkeys(TOUR))  # every stop of the tour: each page, some in more than one section

# What the browser drew: the figure each Plotly div was given (gd.layout.title, gd.data) after Streamlit's
# frontend parsed the same JSON the protocol client received.
SNAPSHOT = """() => ({
  headings: [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stHeading"] :is(h1,h2,h3)')]
            .map(h => h.innerText.trim()),
  metrics: [...document.querySelectorAll('[data-testid="stMetricLabel"]')].map(m => m.innerText.trim()),
  charts: [...document.querySelectorAll('.js-plotly-plot')].map(gd => {
            const meta = gd.layout && gd.layout.meta ? gd.layout.meta : {};
            return [meta.title || '', (gd.data || []).length]; }),
})"""


def protocol_view(run) -> dict:
    charts = [[title, len(json.loads(c.spec).get("data", []))]
              for title, c in zip(run.chart_titles(), run.of_type("plotly_chart"), strict=True)]
    return {"headings": sorted(run.headings()), "metrics": sorted(run.metric_labels()), "charts": sorted(charts)}


def browser_view(page) -> dict:
    seen = page.evaluate(SNAPSHOT)
    return {k: sorted(v) for k, v in seen.items()}


def test_protocol_run_of_every_page_equals_the_browser(server):
    session = Session(server, timeout=60)
    expected = {}
    for path, query in PAGES:
        run = session.run(path, query)
        assert run.errors == [], (path, run.errors)
        assert run.headings(), f"{path or 'Overview'}: no heading received"
        expected[path, query] = protocol_view(run)
    session.close()
    assert {path for path, _ in expected} == set(session.pages)  # every page the app's navigation lists
    assert sum(len(v["charts"]) for v in expected.values()) >= 15

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium (.ci/run does)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 3000}).new_page()
        for path, query in PAGES:
            page.goto(f"{server}/{path}" + (f"?{query}" if query else ""))
            wait_for_run(page)
            deadline, seen = time.time() + 30, None
            while time.time() < deadline:  # Plotly draws charts after the run is over, one by one
                seen = browser_view(page)
                if seen == expected[path, query]:
                    break
                page.wait_for_timeout(250)
            assert seen == expected[path, query], (path or "Overview", query)
        browser.close()
