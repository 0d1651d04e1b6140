"""Rendering: a chart under its title with its table and downloads, registered figures or the plain message that
says why one cannot be drawn, tables, the page footer, and the guard that keeps tracebacks from users."""
from __future__ import annotations

import contextlib
import logging

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from cyberdiplomacy import exports, figures, queries, safe_text, views
from cyberdiplomacy import filters as url_filters
from cyberdiplomacy.ui import data
from cyberdiplomacy.ui.downloads import downloads

log = logging.getLogger("cyberdiplomacy")
PLOTLY_CONFIG = {"topojsonURL": "/app/static/topojson/", "displaylogo": False,
                 "toImageButtonOptions": {"format": "png", "scale": 2}}


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


def chart(filters: url_filters.Filters, fig: go.Figure, screen: go.Figure, table: pd.DataFrame, key: str, *,
          on_select: bool = False, caption: str = ""):
    """A chart under its title, its table as the accessible alternative, and downloads of both with their provenance.

    `screen` is the figure as drawn on the page (theme.for_screen: its title printed here, as text that wraps);
    downloads export `fig`, title included."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    if meta.get("title"):
        st.markdown(f"**{safe_text.markdown(meta['title'])}**")
        if meta.get("subtitle"):
            st.caption(safe_text.plotly_text_as_markdown(meta["subtitle"]))
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
            show_table(views.common.readable(table))  # words on screen; the downloads keep the warehouse's names
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


def show_table(table: pd.DataFrame, **column_config) -> None:
    """A dataframe with dates shown as dates (DuckDB DATE arrives as a timestamp)."""
    config = {c: st.column_config.DateColumn(format="YYYY-MM-DD") for c in table.columns
              if pd.api.types.is_datetime64_any_dtype(table[c]) and not c.endswith("_at")}
    config.update(column_config)
    st.dataframe(table, hide_index=True, width="stretch", column_config=config)


def vote_coverage() -> None:
    """Where per-state votes start and stop, on every page."""
    with guard():
        st.caption(views.sources.vote_coverage_text(data.query(queries.vote_coverage)))


def footer() -> None:
    info = data.query(queries.build_info)
    version = info["data_version"].iloc[0] if len(info) else "unknown"
    st.divider()
    vote_coverage()
    st.caption(f"Data version {version} · built {data.built_date()} · every row cites its source "
               "(see Data & sources) · Cybercrime Diplomacy Dashboard, CC BY 4.0")
