"""Figures of the bodies' sessions (Meeting timelines): lanes per body with the milestones, days per year."""
from __future__ import annotations

from cyberdiplomacy import queries, views
from cyberdiplomacy.charts import meetings as charts
from cyberdiplomacy.figures.registry import Drawn, FigureUnavailable, built_date, figure, track_years, years
from cyberdiplomacy.figures.source import Source
from cyberdiplomacy.filters import Filters


def sessions(src: Source, filters: Filters):
    """The sessions in the filters' tracks, bodies, formats and years."""
    span = years(src, filters)
    meetings = views.meetings.with_formats(src.query(queries.meeting_timeline, bodies=list(filters.bodies), **span),
                               filters.formats)
    if meetings.empty:
        raise FigureUnavailable("no session in this selection; widen the years or clear the body and format filters")
    return meetings


@figure("meeting-timeline", "every body's sessions, lane by lane, with the milestones (--track, --from, --to)")
def meeting_timeline(src: Source, filters: Filters) -> Drawn:
    meetings = sessions(src, filters)
    span = years(src, filters)
    context = src.query(queries.meeting_timeline, **span)
    treaty = src.query(queries.treaty_status)
    milestones = views.meetings.milestones(src.query(queries.resolution_history, **span), context, treaty)
    window = views.meetings.window((span["from_year"], span["to_year"]), track_years(src), src.query(queries.meeting_timeline))
    fig = charts.lanes(meetings, milestones, built_date(src), window, views.meetings.entry_into_force_note(treaty))
    return Drawn(fig, views.meetings.meeting_table(meetings))


@figure("meeting-days", "meeting days per body per year (--track, --from, --to)")
def meeting_days(src: Source, filters: Filters) -> Drawn:
    meetings = sessions(src, filters)
    days = views.meetings.meeting_days(meetings)
    return Drawn(charts.days_per_year(days, built_date(src), views.meetings.undated_terms(meetings)), days)
