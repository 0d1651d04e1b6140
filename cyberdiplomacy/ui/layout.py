"""Page frame: config, URL filters, navigation that keeps them, chart blocks, empty states, error guard."""
from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.errors import StreamlitAPIException

from cyberdiplomacy import exports, figures, labels, queries, safe_text, state_names, state_views
from cyberdiplomacy import filters as url_filters
from cyberdiplomacy.ui import data

# Download widgets live in ui/downloads; pages keep calling them from here.
from cyberdiplomacy.ui.downloads import (  # noqa: F401
    briefing_downloads,
    comparison_download,
    dataset_download,
    downloads,
    sourced_downloads,
    table_downloads,
)

log = logging.getLogger("cyberdiplomacy")
PLOTLY_CONFIG = {"topojsonURL": "/app/static/topojson/", "displaylogo": False,
                 "toImageButtonOptions": {"format": "png", "scale": 2}}
PAGES = [
    ("dashboard.py", "Overview"),
    ("pages/1_Resolution_history.py", "Resolution history"),
    ("pages/2_Sponsor_blocs.py", "Sponsor blocs"),
    ("pages/3_Meeting_timelines.py", "Meeting timelines"),
    ("pages/4_State_explorer.py", "State explorer"),
    ("pages/5_Data_and_sources.py", "Data & sources"),
    ("pages/6_Alignment.py", "Alignment"),
    ("pages/7_Texts.py", "Texts"),
]


def page(title: str, intro: str) -> url_filters.Filters:
    """Set up a page and return the filters from the URL (unknown values dropped with a message)."""
    st.set_page_config(page_title=f"{title} · Cybercrime Diplomacy Dashboard", layout="wide")
    st.title(title)
    st.caption(intro)
    filters = url_filters.Filters()
    with guard():
        states = data.query(queries.states)
        resolutions = data.query(queries.resolution_history)
        params = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
        spellings = state_names.lookup(zip(states["iso3"], states["name"], strict=True))
        filters = url_filters.parse(params, spellings, set(resolutions["symbol"]), year_bounds())
        for warning in filters.warnings:  # they quote the URL's values: shown as text, never as markdown
            st.info(safe_text.markdown(warning))
    return filters


def year_bounds() -> tuple[int, int]:
    """The years a URL may ask for: the earliest and latest year on record (resolutions, meetings, all votes)."""
    bounds = data.query(queries.year_bounds)
    first, last = (bounds.iloc[0]["first_year"], bounds.iloc[0]["last_year"]) if len(bounds) else (None, None)
    if pd.isna(first) or pd.isna(last):
        return url_filters.EARLIEST_YEAR, url_filters.EARLIEST_YEAR
    return int(first), int(last)


def track_years() -> tuple[int, int]:
    """The first and last year of both tracks' record: every track page's year control spans it."""
    return figures.track_years(data.source)


def vote_coverage() -> None:
    """Where per-state votes start and stop, on every page."""
    with guard():
        st.caption(labels.vote_coverage_text(data.query(queries.vote_coverage)))


PAGE_QUESTIONS = {
    "pages/1_Resolution_history.py": "every text of both tracks, its vote map and sponsors; competing texts side by side",
    "pages/2_Sponsor_blocs.py": "who sponsored which draft, and how united each bloc voted",
    "pages/3_Meeting_timelines.py": "the Expert Group, the Ad Hoc Committee, OEWGs and GGEs session by session",
    "pages/4_State_explorer.py": "one state or several: votes, sponsorships, blocs, treaty status, partners",
    "pages/5_Data_and_sources.py": "every table, its sources, data quality and downloads",
    "pages/6_Alignment.py": "agreement, bloc cohesion over time and the vote space",
    "pages/7_Texts.py": "what each text says, what changed from the one before it, and where a word is used",
}


def explore_links(filters: url_filters.Filters) -> None:
    """Links into each page that keep the current filters."""
    for path, label in PAGES[1:]:
        try:  # the link is the page's name and the question under it: a link label does not wrap on a phone
            st.page_link(path, label=f"**{label}**",
                         query_params=url_filters.to_params(url_filters.with_changes(filters, view="")))
            st.caption(PAGE_QUESTIONS[path][:1].upper() + PAGE_QUESTIONS[path][1:] + ".")
        except StreamlitAPIException:
            log.debug("no page link to %s", path)


def link(container, path: str, label: str, query_params: dict) -> None:
    """A link to another page, left out where the app runs a page on its own (no page list to find it in)."""
    try:
        container.page_link(path, label=label, query_params=query_params)
    except StreamlitAPIException:
        log.debug("no page link to %s", path)


def sync_url(filters: url_filters.Filters) -> None:
    """Write the page's filters back to the URL and draw navigation links that carry them."""
    wanted = url_filters.to_params(filters)
    if {k: st.query_params.get(k) for k in st.query_params.keys()} != wanted:
        st.query_params.from_dict(wanted)
    carried = url_filters.to_params(url_filters.with_changes(filters, view=""))  # a view names this page's section
    with st.sidebar:
        st.markdown("**Pages** (keep your filters)")
        for path, label in PAGES:
            try:
                st.page_link(path, label=label, query_params=carried)
            except StreamlitAPIException:  # a page run on its own (not from dashboard.py) has no siblings
                log.debug("no page link to %s", path)


@contextlib.contextmanager
def guard():
    """No traceback reaches a user: log it, show a plain message."""
    try:
        yield
    except data.db.WarehouseUnavailable as exc:
        st.error(str(exc))
    except Exception:  # noqa: BLE001 - the last line of defence for the page
        log.exception("page failed")
        st.error("Something went wrong while preparing this view. The data is unaffected; "
                 "try another selection or reload the page.")


def empty(message: str) -> None:
    st.info(message)


def year_span(filters: url_filters.Filters, first: int, last: int, what: str) -> tuple[int, int]:
    """The URL's years within [first, last], saying so when they had to be moved."""
    note = url_filters.clamped_text(filters, first, last, what)
    if note:
        st.info(note)
    return url_filters.year_span(filters, first, last)


def chart(filters: url_filters.Filters, fig: go.Figure, screen: go.Figure, table: pd.DataFrame, key: str, *,
          on_select: bool = False, caption: str = ""):
    """A chart under its title, its table as the accessible alternative, and downloads of both with their provenance.

    `screen` is the figure as drawn on the page (theme.for_screen: its title printed here, as text that wraps);
    downloads export `fig`, title included."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    if meta.get("title"):
        st.markdown(f"**{safe_text.markdown(meta['title'])}**")
        if meta.get("subtitle"):
            st.caption(labels.plotly_text_as_markdown(meta["subtitle"]))
    event = st.plotly_chart(screen, key=key, config=PLOTLY_CONFIG, width="stretch",
                            on_select="rerun" if on_select else "ignore",
                            selection_mode=("points", "box") if on_select else ("points",))
    if caption:
        st.caption(caption)
    # Built only when opened: a page of seven charts otherwise sends and draws seven tables and twenty download
    # buttons before anyone asks for them, which made the first chart appear later than in a bare app.
    expander = st.expander("Table and downloads", key=f"{key}-table", on_change="rerun")
    if expander.open:
        with expander:
            show_table(state_views.readable(table))  # words on screen; the downloads keep the warehouse's names
            downloads(fig, table, key, url_filters.describe(filters), tuple(exports.selection_parts(filters)))
    return event


def figure(filters: url_filters.Filters, named: figures.NamedFigure, *, key: str | None = None, on_select: bool = False,
           caption: str = "", **choices):
    """A registered figure for these filters and choices (built once and shared), or a plain message saying why
    it cannot be drawn; its note (coverage, what a filter means) above it."""
    drawn = data.figure(named, filters, **choices)
    if isinstance(drawn, figures.Unavailable):
        empty(drawn.message[:1].upper() + drawn.message[1:].rstrip(".") + ".")
        return None
    if drawn.changed:
        st.info(drawn.changed)
    if drawn.note:
        st.caption(drawn.note)
    return chart(filters, drawn.fig, data.screen_figure(named, filters, **choices), drawn.table, key or named.name,
                 on_select=on_select, caption=caption)


def selected_points(event) -> list[dict]:
    if not event:
        return []
    selection = event.get("selection") if isinstance(event, dict) else getattr(event, "selection", None)
    if not selection:
        return []
    points = selection.get("points") if isinstance(selection, dict) else getattr(selection, "points", [])
    return list(points or [])


def footer() -> None:
    info = data.query(queries.build_info)
    version = info["data_version"].iloc[0] if len(info) else "unknown"
    st.divider()
    vote_coverage()
    st.caption(f"Data version {version} · built {data.built_date()} · every row cites its source "
               "(see Data & sources) · Cybercrime Diplomacy Dashboard, CC BY 4.0")


def seed(key: str, default, options: list) -> None:
    """Give a widget its starting value (from the URL) once, and repair a value no longer offered."""
    if st.session_state.get(key) not in options:
        st.session_state[key] = default


def kept(widget, label: str, options: list, *, key: str, default, **kwargs):
    """A control in a section that keeps its value while another section is open: Streamlit forgets the state of a
    widget that a run does not draw. `default` is its value on first sight (a list for a multiselect)."""
    shadow = f"_kept_{key}"
    if key not in st.session_state:
        remembered = st.session_state.get(shadow, default)
        fits = set(remembered) <= set(options) if isinstance(remembered, list) else remembered in options
        st.session_state[key] = remembered if fits else default
    value = widget(label, options, key=key, **kwargs)
    st.session_state[shadow] = value
    return value


def adopt_selection(event, key: str, to_value) -> bool:
    """A newly clicked chart point sets the widget `key` (before that widget is drawn); True when it did."""
    points = selected_points(event)
    values = [v for v in (to_value(p) for p in points) if v]
    marker = f"_{key}_last_selection"
    if not values:  # the chart was redrawn without a selection: clicking the same point again counts as new
        st.session_state.pop(marker, None)
        return False
    if st.session_state.get(marker) != values[0]:
        st.session_state[marker] = values[0]
        st.session_state[key] = values[0]
        return True
    return False


Section = tuple[str, str, Callable[[url_filters.Filters], object]]  # a draw may return the filters it changed


def sections(filters: url_filters.Filters, key: str, parts: Sequence[Section], *, start: str | None = None,
             force: str | None = None) -> url_filters.Filters:
    """A page's sections as tabs, of which only the open one runs; returns the filters it leaves.

    A hidden section sends nothing: a data grid anywhere in the first view loads its script beside plotly's and
    delayed the first chart by a third against a one-chart app. The open section is in the URL (`view`, left out
    for the one a visit opens anyway), so a shared link opens it. `parts` are (name in the URL, tab label, draw);
    `start` is the section a visit opens when the URL names none, `force` one that a click elsewhere asks for."""
    labels_by_name = {name: label for name, label, _ in parts}
    default = start or parts[0][0]
    if filters.view and filters.view not in labels_by_name:
        st.info(safe_text.markdown(f"Unknown view {filters.view!r}; showing {labels_by_name[default]!r}. This page's "
                                   f"views: {', '.join(labels_by_name)}."))
    asked = filters.view if filters.view in labels_by_name else default
    marker = f"_{key}_written"  # the section the last run wrote to the URL: a link asking for another one wins
    if force or st.session_state.get(marker, asked) != asked:
        st.session_state[key] = labels_by_name[force or asked]
    seed(key, labels_by_name[asked], list(labels_by_name.values()))
    tabs = st.tabs(list(labels_by_name.values()), key=key, on_change="rerun")
    for (name, _, draw), tab in zip(parts, tabs, strict=True):
        if tab.open:
            st.session_state[marker] = name
            shown = url_filters.with_changes(filters, view="" if name == default else name)
            with tab, guard():
                left = draw(shown)
                return left if isinstance(left, url_filters.Filters) else shown
            return shown
    return filters


def show_table(table: pd.DataFrame, **column_config) -> None:
    """A dataframe with dates shown as dates (DuckDB DATE arrives as a timestamp)."""
    config = {c: st.column_config.DateColumn(format="YYYY-MM-DD") for c in table.columns
              if pd.api.types.is_datetime64_any_dtype(table[c]) and not c.endswith("_at")}
    config.update(column_config)
    st.dataframe(table, hide_index=True, width="stretch", column_config=config)
