"""Navigation and URL state: the page frame, the filters read from and written to the URL, links between pages
that keep them, and a page's sections (the open one named in the URL)."""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from cyberdiplomacy import figures, queries, safe_text, state_names
from cyberdiplomacy import filters as url_filters
from cyberdiplomacy.ui import data
from cyberdiplomacy.ui.render import guard
from cyberdiplomacy.ui.widgets import seed

log = logging.getLogger("cyberdiplomacy")


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


def year_span(filters: url_filters.Filters, first: int, last: int, what: str) -> tuple[int, int]:
    """The URL's years within [first, last], saying so when they had to be moved."""
    note = url_filters.clamped_text(filters, first, last, what)
    if note:
        st.info(note)
    return url_filters.year_span(filters, first, last)


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
