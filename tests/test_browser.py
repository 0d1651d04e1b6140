"""Real-browser tour: Debian Chromium driven by Playwright against a live server, offline."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser_support import (
    ALL_CHARTS_DRAWN,
    CHROMIUM,
    CHROMIUM_ARGS,
    CUT_METRIC_LABELS,
    CUT_TEXT,
    LOCAL_PREFIXES,
    PAGE_PATHS,
    SCREENSHOTS,
    wait_for_charts,
    wait_for_run,
)

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium (.ci/run does)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def offline_page(browser):
    """A page whose every non-local request is blocked and recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 3000})
    outside: list[str] = []

    def route(route):
        if route.request.url.startswith(LOCAL_PREFIXES):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.outside_requests = outside
    yield page
    context.close()


def assert_no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Traceback" not in page.locator('[data-testid="stMain"]').inner_text()


@pytest.mark.parametrize("name", list(PAGE_PATHS))
def test_page_renders_charts_offline(server, offline_page, name):
    # No URL parameters: what a newcomer sees first. Every page draws a chart, Data & sources included.
    page = offline_page
    page.set_viewport_size({"width": 1400, "height": 1800})
    page.goto(server + PAGE_PATHS[name])
    wait_for_run(page)
    wait_for_charts(page)
    assert page.locator('[data-testid="stPlotlyChart"]').count() >= 1
    assert page.locator('[data-testid="stDataFrame"]').count() == 0  # no data grid delays the first chart
    assert_no_exception(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(800)  # charts redraw at the new width
    page.screenshot(path=str(SCREENSHOTS / f"{name}-phone.png"))
    page.set_viewport_size({"width": 390, "height": 3600})  # the page scrolls inside the app: a tall phone shows all
    page.wait_for_timeout(800)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-phone-long.png"))
    assert page.outside_requests == []


def test_a_section_opens_on_a_click_and_its_map_draws_offline(server, offline_page):
    page = offline_page
    page.goto(server + "/Resolution_history")
    wait_for_run(page)
    wait_for_charts(page)
    assert page.locator(".choroplethlocation").count() == 0  # the hidden sections sent nothing
    page.get_by_role("tab", name="One text: story and vote").click()
    page.wait_for_url("**view=text**")
    wait_for_run(page)
    page.wait_for_selector(".choroplethlocation", state="attached", timeout=30_000)
    assert page.locator(".choroplethlocation").count() > 100  # map shapes drawn from the bundled topojson
    assert_no_exception(page)
    assert page.outside_requests == []


def test_state_parameter_round_trips_across_pages(server, offline_page):
    page = offline_page
    page.goto(server + "/State_explorer?state=RUS,USA")
    wait_for_run(page)
    wait_for_charts(page)
    chosen = page.locator('[data-testid="stMultiSelect"]').first.inner_text()
    assert "Russian Federation (RUS)" in chosen and "United States of America (USA)" in chosen
    assert parse_qs(urlparse(page.url).query)["state"] == ["RUS,USA"]
    page.locator('[data-testid="stSidebar"] a', has_text="Resolution history").click()
    page.wait_for_url("**/Resolution_history**")
    wait_for_run(page)
    assert parse_qs(urlparse(page.url).query)["state"] == ["RUS,USA"]
    assert_no_exception(page)


def test_unknown_state_parameter_gives_a_plain_message(server, offline_page):
    page = offline_page
    page.goto(server + "/State_explorer?state=XYZ&from=abc")
    wait_for_run(page)
    page.get_by_text("Unknown state code 'XYZ'").wait_for()
    page.get_by_text("Ignored from='abc'").wait_for()
    assert_no_exception(page)


def test_clicking_a_bar_selects_that_vote(server, offline_page):
    page = offline_page
    page.goto(server + "/Resolution_history")
    wait_for_run(page)
    wait_for_charts(page)
    chart = page.locator('[data-testid="stPlotlyChart"]').nth(1)
    bar = chart.locator(".barlayer .point path").first  # first bar of the 'Yes' trace: the oldest vote
    for attempt in range(3):  # a click that lands while plotly.js is still wiring its handlers selects nothing
        bar.click(force=True)
        try:
            page.wait_for_url("**resolution=A%2FRES%2F60%2F45**", timeout=15_000)
            break
        except playwright_api.TimeoutError:
            if attempt == 2:
                raise
            page.wait_for_timeout(1_000)
    wait_for_run(page)
    # Chart titles are page text above each chart (they wrap at any width); exports keep them in the figure.
    page.locator('[data-testid="stMarkdownContainer"]', has_text="A/RES/60/45: 177 yes").first.wait_for()
    assert_no_exception(page)


def test_figure_download_arrives_as_png(server, offline_page, tmp_path):
    page = offline_page
    page.goto(server + "/Meeting_timelines")
    wait_for_run(page)
    wait_for_charts(page)
    page.get_by_text("Table and downloads").first.click()
    button = page.locator('[data-testid="stDownloadButton"] button', has_text="PNG").first
    button.wait_for(state="visible")
    for attempt in range(2):  # the first export starts Chromium; a click during the expander's opening is lost
        try:
            with page.expect_download(timeout=45_000) as info:
                button.click()
            break
        except playwright_api.TimeoutError:
            if attempt == 1:
                raise
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name == "meeting-timeline.png"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert_no_exception(page)


FOOTER_OVERLAPS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
    const foot = [...plot.querySelectorAll('.annotation-text')].find(t => t.textContent.startsWith('Source:'));
    if (!foot) return {title: 'no footer', overlaps: ['no footer']};
    const f = foot.getBoundingClientRect();
    const parts = [...plot.querySelectorAll('.xtick text, .ytick text, .rangeslider-container, .g-xtitle text')];
    const overlaps = parts.filter(t => {
        const r = t.getBoundingClientRect();
        return r.width > 0 && !(r.bottom <= f.top || r.top >= f.bottom || r.right <= f.left || r.left >= f.right);
    }).map(t => t.textContent || t.getAttribute('class'));
    const title = plot.querySelector('.gtitle');
    return {title: title ? title.textContent : '', overlaps};
})"""


@pytest.mark.parametrize("width,height", [(1400, 1800), (390, 844)])
@pytest.mark.parametrize("path", ["/Sponsor_blocs", "/Sponsor_blocs?view=together", "/Meeting_timelines",
                                  "/Alignment?state=RUS,USA,CHN,IND,BRA,ZAF,GBR,FRA,DEU,IRN,PRK,VEN", "/State_explorer"])
def test_axis_labels_never_overlap_the_footer(server, offline_page, path, width, height):
    # No state filter: the Sponsor blocs matrix draws its widest draft list (every draft on record), the grid every
    # sponsor; Alignment a heatmap of twelve states with long names.
    page = offline_page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(server + path)
    wait_for_run(page)
    wait_for_charts(page)
    page.wait_for_timeout(1000)
    plots = page.evaluate(FOOTER_OVERLAPS)
    assert plots
    assert [p for p in plots if p["overlaps"]] == []
    assert_no_exception(page)


PHONE = {"width": 390, "height": 3000}  # a phone's width; tall, so that every chart of the page is drawn
MIN_PLOT_PX = 300
# Every section (`view`) of every page, in the order of its tabs; the first as a visit opens it (PAGE_PATHS).
SECTIONS = {
    "overview": ["/"],
    "resolution_history": ["/Resolution_history", "/Resolution_history?view=text", "/Resolution_history?view=competing"],
    "sponsor_blocs": ["/Sponsor_blocs", "/Sponsor_blocs?view=together", "/Sponsor_blocs?view=flows",
                      "/Sponsor_blocs?view=cohesion"],
    "meeting_timelines": ["/Meeting_timelines", "/Meeting_timelines?view=days", "/Meeting_timelines?view=sessions"],
    "state_explorer": ["/State_explorer", "/State_explorer?view=over-time", "/State_explorer?view=record"],
    "data_and_sources": ["/Data_and_sources", "/Data_and_sources?view=origins", "/Data_and_sources?view=browse",
                         "/Data_and_sources?view=sources"],
    "alignment": ["/Alignment", "/Alignment?view=space", "/Alignment?view=cohesion", "/Alignment?view=swing",
                  "/Alignment?view=all-votes"],
    "texts": ["/Texts", "/Texts?view=compare", PAGE_PATHS["texts"]],
}
# Besides: the views a phone made hardest, partners of the state with the longest UN name and twelve states' agreement.
PHONE_PATHS = ["/State_explorer?state=GBR,BRA", "/Alignment?state=RUS,USA,CHN,IND,BRA,ZAF,GBR,FRA,DEU,IRN,PRK,VEN"]
PAGE_END = "every row cites its source"  # the footer's caption: the last element a page's script writes


def open_on_a_phone(page, url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(url)
    page.get_by_text(PAGE_END).wait_for(timeout=60_000)
    wait_for_run(page)
    if page.locator('[data-testid="stPlotlyChart"]').count():
        page.wait_for_function(ALL_CHARTS_DRAWN, timeout=30_000)
        page.wait_for_timeout(800)  # plotly places tick labels and annotations after the first paint


def phone_faults(page) -> dict:
    """By figure: chart text cut at its chart's or the screen's edge, tick labels hidden for want of room, plots
    narrower than MIN_PLOT_PX, axis labels on the source footer."""
    # One evaluation reads both from the same page: a chart drawn between two could pair a plot with another's footer.
    plots, footers = page.evaluate(f"() => [({CUT_TEXT})(), ({FOOTER_OVERLAPS})()]")
    faults = {p["figure"]: p["cut"] for p in plots if p["cut"]}
    for p, footer in zip(plots, footers, strict=True):
        if min(p["areas"], default=MIN_PLOT_PX) < MIN_PLOT_PX:
            faults.setdefault(p["figure"], []).append(f"plot {p['areas']} px wide")
        faults.setdefault(p["figure"], []).extend(f"{text} on the footer" for text in footer["overlaps"])
    faults = {figure: fault for figure, fault in faults.items() if fault}
    assert_no_exception(page)
    return faults


def test_every_section_of_every_page_is_checked_on_a_phone():
    assert list(SECTIONS) == list(PAGE_PATHS)
    assert all(PAGE_PATHS[name] in views for name, views in SECTIONS.items())


@pytest.mark.parametrize("name", list(SECTIONS))
def test_a_phone_shows_every_chart_of_every_section_whole(server, offline_page, name):
    # No chart text (panel titles, axis years, row names, footers) past its chart's or the screen's edge, no tick
    # label hidden for want of room, no plot squeezed under 300 px by the names beside it and no axis label on the
    # source footer, in any section.
    page, faults = offline_page, {}
    for k, path in enumerate(SECTIONS[name]):
        open_on_a_phone(page, server + path)
        if k == 0:  # a section added to the page and not to SECTIONS would go unchecked
            assert page.get_by_role("tab").count() == (len(SECTIONS[name]) if len(SECTIONS[name]) > 1 else 0)
        faults |= {f"{path} {figure}": fault for figure, fault in phone_faults(page).items()}
    assert faults == {}


@pytest.mark.parametrize("path", PHONE_PATHS)
def test_a_phone_shows_every_chart_whole(server, offline_page, path):
    open_on_a_phone(offline_page, server + path)
    assert offline_page.locator('[data-testid="stPlotlyChart"]').count()
    assert phone_faults(offline_page) == {}


@pytest.mark.parametrize("width", [1400, 390])
def test_overview_key_figures_keep_their_labels_whole(server, offline_page, width):
    page = offline_page
    page.set_viewport_size({"width": width, "height": 1800})
    page.goto(server + "/")
    wait_for_run(page)
    page.locator('[data-testid="stMetricLabel"]').last.wait_for()
    assert page.evaluate(CUT_METRIC_LABELS) == []
    assert page.locator('[data-testid="stMetricLabel"]').count() == 7  # three texts, four figures of the record
    assert_no_exception(page)
