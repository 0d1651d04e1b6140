"""Meeting timelines: every body's sessions, lane by lane at day resolution, with the milestones on the same axis."""
import streamlit as st

from cyberdiplomacy import meeting_views as mv
from cyberdiplomacy import views
from cyberdiplomacy.charts import meetings as meeting_charts
from cyberdiplomacy.ui import data, layout

filters = layout.page("Meeting timelines",
                      "The Expert Group, the Ad Hoc Committee, the OEWGs and GGEs, the CCPCJ and the Crime "
                      "Congresses, session by session. Hover a session for dates, city, chair and outcome document; "
                      "drag the slider under the chart to move along the whole span.")
with layout.guard():
    all_meetings = data.query("meeting_timeline")
    asked_bodies, unknown = mv.known_bodies(filters.bodies, all_meetings["body_short"].unique())
    if unknown:
        st.info(unknown)
    for key, value in (("meeting_bodies", asked_bodies), ("meeting_formats", list(filters.formats))):
        if key not in st.session_state:  # seeded from the URL once; later picks are the user's
            st.session_state[key] = value
    left, right = st.columns(2)
    tracks = left.multiselect("Tracks", views.TRACK_OPTIONS, default=list(filters.tracks),
                              format_func=views.track_label)
    years = right.slider("Years", views.FIRST_YEAR, views.LAST_YEAR, views.year_span(filters))
    left, right = st.columns(2)
    bodies = left.multiselect("Bodies (all if empty)", sorted(all_meetings["body_short"].unique()),
                              key="meeting_bodies")
    formats = right.multiselect("Format (all if empty)", list(mv.MEETING_FORMATS), key="meeting_formats")
    filters = layout.url_filters.with_changes(filters, tracks=tuple(tracks) or filters.tracks, bodies=tuple(bodies),
                                              formats=tuple(formats), **views.years_from_range(years, filters))
    if filters.states:
        st.caption(mv.state_note(filters.states))
    meetings = mv.with_formats(data.query("meeting_timeline", tracks=tracks, bodies=bodies, from_year=years[0],
                                          to_year=years[1]), formats)
    context = data.query("meeting_timeline", tracks=tracks, from_year=years[0], to_year=years[1])
    texts = data.query("resolution_history", tracks=tracks, from_year=years[0], to_year=years[1])
    treaty = data.query("treaty_status")
    built = data.built_date()
    if not tracks:
        layout.empty("Choose at least one track.")
    elif meetings.empty:
        layout.empty("No session in this selection; widen the years or clear the body and format filters.")
    else:
        milestones = mv.milestones(texts, context, treaty)
        table = mv.meeting_table(meetings)
        window = mv.window(years, (views.FIRST_YEAR, views.LAST_YEAR))
        layout.chart(filters, meeting_charts.lanes(meetings, milestones, built, window,
                                                   mv.entry_into_force_note(treaty)), table, "meeting-timeline")
        st.subheader("Every session")
        st.caption("Click a column header to sort. Days are empty where only the month or year of a session is "
                   "known.")
        layout.show_table(table, **{"Document link": st.column_config.LinkColumn(
            "Document link", display_text=r"https://undocs\.org/(.*)")})
        days = mv.meeting_days(meetings)
        layout.chart(filters, meeting_charts.days_per_year(days, built, mv.undated_terms(meetings)), days,
                     "meeting-days")
    layout.sync_url(filters)
    layout.footer()
