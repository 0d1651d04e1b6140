"""Named figures, each built from the warehouse and the URL filters: for the CLI and briefing packs."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import queries, views
from cyberdiplomacy.charts import sponsors, states, timeline, votes
from cyberdiplomacy.filters import Filters, year_span


class FigureUnavailable(Exception):
    """The figure cannot be drawn for these filters; the message says why in plain words."""


@dataclass(frozen=True)
class NamedFigure:
    description: str
    build: Callable[..., tuple[go.Figure, pd.DataFrame]]


def _resolution(filters: Filters) -> str:
    return filters.resolution or "A/RES/73/187"


def _need_states(filters: Filters) -> list[str]:
    if not filters.states:
        raise FigureUnavailable("this figure needs at least one --state (ISO3 code, e.g. RUS)")
    return list(filters.states)


def _imported(con) -> str | None:
    """The date UN Digital Library data was last imported, for the source names in footers (None if never)."""
    status = queries.import_status(con)
    if not len(status) or "last_imported_at" not in status.columns or pd.isna(status["last_imported_at"].iloc[0]):
        return None
    return str(status["last_imported_at"].iloc[0])[:10]


def _years(filters: Filters) -> dict:
    first, last = year_span(filters)
    return {"tracks": list(filters.tracks), "from_year": first, "to_year": last}


def _overview(con, filters, built):
    meetings = queries.meeting_timeline(con, **_years(filters))
    return timeline.process_timeline(meetings, queries.resolution_history(con, **_years(filters)), built), meetings


def _vote_history(con, filters, built):
    history = queries.resolution_history(con, **_years(filters))
    return votes.vote_history(history, built, _imported(con)), views.history_table(history)


def _vote_map(con, filters, built):
    table = queries.resolution_votes(con, _resolution(filters))
    if table.empty:
        raise FigureUnavailable(f"no per-state votes on record for {_resolution(filters)}")
    return votes.vote_map(table, _resolution(filters), built, _imported(con)), table


def _votes_by_group(con, filters, built):
    table = queries.resolution_votes(con, _resolution(filters))
    if table.empty:
        raise FigureUnavailable(f"no per-state votes on record for {_resolution(filters)}")
    return votes.votes_by_group(table, _resolution(filters), built, _imported(con)), views.group_table(table)


def _competing(con, filters, built, pair="2018"):
    a, b = views.COMPETING_PAIRS[pair]
    both = queries.competing_votes(con, a, b)
    return votes.camps_map(both, a, b, built, _imported(con)), both


def _sponsorship_matrix(con, filters, built):
    table = queries.sponsorship_matrix(con, list(filters.states))
    if table.empty:
        raise FigureUnavailable("no sponsorship on record for these states")
    return sponsors.matrix(table, built), table


def _cohesion(con, filters, built):
    table = queries.bloc_cohesion(con, views.DEFAULT_BLOCS)
    return sponsors.cohesion(table, built), table


def _meeting_timeline(con, filters, built):
    meetings = queries.meeting_timeline(con, **_years(filters))
    if meetings.empty:
        raise FigureUnavailable("no session in these years and tracks")
    return timeline.process_timeline(meetings, queries.resolution_history(con, **_years(filters)), built), meetings


def _state_votes(con, filters, built):
    table = queries.state_votes(con, _need_states(filters))
    if table.empty:
        raise FigureUnavailable("no recorded vote on record for these states")
    return states.vote_strip(table, built, _imported(con)), table


def _agreement(con, filters, built):
    iso3 = _need_states(filters)[0]
    table = queries.state_agreement(con, [iso3])
    if table.empty:
        raise FigureUnavailable(f"no shared votes on record for {iso3}")
    name = queries.states(con).set_index("iso3").loc[iso3, "name"]
    return states.agreement_bars(table, name, built, imported_on=_imported(con)), table


FIGURES: dict[str, NamedFigure] = {
    "overview-timeline": NamedFigure("both tracks: bodies' sessions and adopted texts", _overview),
    "vote-history": NamedFigure("per-state tallies of every recorded plenary vote", _vote_history),
    "vote-map": NamedFigure("world map of one vote (--resolution, default 73/187)", _vote_map),
    "votes-by-group": NamedFigure("one vote by UN regional group (--resolution)", _votes_by_group),
    "camps-map": NamedFigure("map of the camps on 73/27 vs 73/266", _competing),
    "sponsorship-matrix": NamedFigure("state x draft sponsorships (--state narrows to their drafts)",
                                      _sponsorship_matrix),
    "bloc-cohesion": NamedFigure("cohesion of the main blocs on each recorded vote", _cohesion),
    "meeting-timeline": NamedFigure("Gantt of the sessions (--track, --from, --to)", _meeting_timeline),
    "state-votes": NamedFigure("votes of the chosen states over time (--state, required)", _state_votes),
    "agreement": NamedFigure("closest and farthest voting partners of the first --state", _agreement),
}


def build(name: str, con, filters: Filters, built: str) -> tuple[go.Figure, pd.DataFrame]:
    if name not in FIGURES:
        raise FigureUnavailable(f"unknown figure {name!r}; choose one of: {', '.join(FIGURES)}")
    return FIGURES[name].build(con, filters, built)
