"""Meeting timelines: every body's sessions with the adopted texts as milestones."""
import streamlit as st

from cyberdiplomacy import views
from cyberdiplomacy.charts import timeline
from cyberdiplomacy.ui import data, layout

filters = layout.page("Meeting timelines",
                      "The Expert Group, the Ad Hoc Committee, the OEWGs and GGEs, the CCPCJ and the Crime "
                      "Congresses, session by session. Hover a bar for dates, city and outcome document.")
with layout.guard():
    all_meetings = data.query("meeting_timeline")
    left, right = st.columns(2)
    tracks = left.multiselect("Tracks", views.TRACK_OPTIONS, default=list(filters.tracks),
                              format_func=views.track_label)
    years = right.slider("Years", views.FIRST_YEAR, views.LAST_YEAR, views.year_span(filters))
    bodies = st.multiselect("Bodies (all if empty)", sorted(all_meetings["body_short"].unique()))
    filters = layout.url_filters.with_changes(filters, tracks=tuple(tracks) or filters.tracks,
                                              **views.years_from_range(years, filters))
    meetings = data.query("meeting_timeline", tracks=tracks, bodies=bodies, from_year=years[0], to_year=years[1])
    texts = data.query("resolution_history", tracks=tracks, from_year=years[0], to_year=years[1])
    if not tracks:
        layout.empty("Choose at least one track.")
    elif meetings.empty:
        layout.empty("No session in this selection; widen the years or clear the body filter.")
    else:
        layout.chart(filters, timeline.process_timeline(meetings, texts, data.built_date()), meetings, "meeting-timeline")
        st.metric("Sessions held in this selection", int((meetings["status"] == "held").sum()))
    layout.sync_url(filters)
    layout.footer()
