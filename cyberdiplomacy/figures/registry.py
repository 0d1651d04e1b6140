"""The one set of named figures: each is a typed function of (Source, Filters, choices) returning the figure and
the table behind it. Pages, `python -m cyberdiplomacy export` and the briefing packs all draw from FIGURES."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import queries
from cyberdiplomacy.figures.source import Source
from cyberdiplomacy.filters import EARLIEST_YEAR, Filters, to_params, year_span


class FigureUnavailable(Exception):
    """The figure cannot be drawn for these filters; the message says why in plain words."""


@dataclass(frozen=True)
class Drawn:
    fig: go.Figure
    table: pd.DataFrame
    note: str = ""  # what a reader must know about this view (coverage, what a filter means)
    changed: str = ""  # what was left out of or changed in the selection, and why (shown as a notice)


@dataclass(frozen=True)
class Unavailable:
    """A figure that cannot be drawn for a selection, kept (and cached) as a value so pages can say why."""
    message: str


@dataclass(frozen=True)
class NamedFigure:
    name: str
    description: str
    build: Callable[..., Drawn]

    def __call__(self, src: Source, filters: Filters, **choices) -> Drawn:
        drawn = self.build(src, filters, **choices)
        # The name, the view (as URL parameters) and the page's choices travel in the figure, so any figure seen in
        # a browser can be rebuilt and cited exactly, by the CLI or a test.
        drawn.fig.update_layout(meta={**(drawn.fig.layout.meta or {}), "figure": self.name, "view": to_params(filters),
                                      "choices": {k: list(v) if isinstance(v, tuple) else v for k, v in choices.items()}})
        return drawn

    def draw(self, src: Source, filters: Filters, **choices) -> Drawn | Unavailable:
        try:
            return self(src, filters, **choices)
        except FigureUnavailable as exc:
            return Unavailable(str(exc))


FIGURES: dict[str, NamedFigure] = {}


def figure(name: str, description: str) -> Callable[[Callable[..., Drawn]], NamedFigure]:
    def register(build: Callable[..., Drawn]) -> NamedFigure:
        if name in FIGURES:
            raise ValueError(f"figure {name!r} registered twice")
        FIGURES[name] = NamedFigure(name, description, build)
        return FIGURES[name]
    return register


def built_date(src: Source) -> str:
    info = src.query(queries.build_info)
    return str(info["data_built_date"].iloc[0])[:10] if len(info) else "unknown"


def imported_on(src: Source) -> str | None:
    """The date UN Digital Library data was last imported, for the source names in footers (None if never)."""
    status = src.query(queries.import_status)
    if not len(status) or "last_imported_at" not in status.columns or pd.isna(status["last_imported_at"].iloc[0]):
        return None
    return str(status["last_imported_at"].iloc[0])[:10]


def track_years(src: Source) -> tuple[int, int]:
    """The first and last year of both tracks' record: the range of every track page's year control."""
    bounds = src.query(queries.track_years)
    first, last = (bounds.iloc[0]["first_year"], bounds.iloc[0]["last_year"]) if len(bounds) else (None, None)
    if pd.isna(first) or pd.isna(last):
        return EARLIEST_YEAR, EARLIEST_YEAR
    return int(first), int(last)


def years(src: Source, filters: Filters) -> dict:
    """The tracks and years a track figure draws: the record's range narrowed by the URL's from/to."""
    first, last = year_span(filters, *track_years(src))
    return {"tracks": list(filters.tracks), "from_year": first, "to_year": last}
