"""Meeting timelines: every body's sessions, lane by lane at day resolution, with the milestones on the same axis."""
import streamlit as st

from cyberdiplomacy import figures, queries, safe_text, views, vocabulary
from cyberdiplomacy import filters as url_filters
from cyberdiplomacy.ui import data, navigation, render


def outcomes(table):
    st.caption("Each session's outcome document (its report, or the text it adopted), linked to the UN's document "
               "system by its symbol. \"Not on record\" means the record names none yet, not that there was none.")
    st.markdown("\n".join(views.meetings.outcome_lines(table)))


def session_table(table):
    st.caption("Click a column header to sort. Days are empty where only the month or year of a session is known.")
    render.show_table(views.common.readable(table), **{"Document link": st.column_config.LinkColumn(
        "Document link", display_text=r"https://undocs\.org/(.*)")})


filters = navigation.page("Meeting timelines",
                      "The Expert Group, the Ad Hoc Committee, the OEWGs and GGEs, the CCPCJ and the Crime "
                      "Congresses, session by session, and what came out of each (the list under the chart). Hover a "
                      "session for dates, city and chair; drag the slider under the chart to move along the whole span.")
with render.guard():
    all_meetings = data.query(queries.meeting_timeline)
    body_names = views.meetings.body_names(all_meetings)
    asked_bodies, unknown = views.meetings.known_bodies(filters.bodies, all_meetings)
    if unknown:
        st.info(safe_text.markdown(unknown))  # it quotes the URL's body names
    for key, value in (("meeting_bodies", asked_bodies), ("meeting_formats", list(filters.formats))):
        if key not in st.session_state:  # seeded from the URL once; later picks are the user's
            st.session_state[key] = value
    left, right = st.columns(2)
    tracks = left.multiselect("Tracks", vocabulary.TRACK_OPTIONS, default=list(filters.tracks),
                              format_func=vocabulary.track_label)
    span = navigation.track_years()
    years = right.slider("Years", *span, navigation.year_span(filters, *span, what="the sessions on record"))
    left, right = st.columns(2)
    bodies = left.multiselect("Bodies (all if empty)", body_names, key="meeting_bodies")
    formats = right.multiselect("Format (all if empty)", list(vocabulary.MEETING_FORMATS), key="meeting_formats")
    filters = url_filters.with_changes(filters, tracks=tuple(tracks) or filters.tracks, bodies=tuple(bodies),
                                              formats=tuple(formats),
                                              **url_filters.years_from_range(years, filters, *span))
    if filters.states:
        st.caption(views.meetings.state_note(filters.states))
    if not tracks:
        render.empty("Choose at least one track.")
    else:
        drawn = data.figure(figures.meetings.meeting_timeline, filters)
        render.figure(filters, figures.meetings.meeting_timeline)
        if not isinstance(drawn, figures.Unavailable):
            filters = navigation.sections(filters, "meetings_view", [
                ("outcomes", "What came out of each session", lambda _: outcomes(drawn.table)),
                ("days", "Meeting days per body and year",
                 lambda shown: render.figure(shown, figures.meetings.meeting_days)),
                ("sessions", "Every session (sortable table)", lambda _: session_table(drawn.table)),
            ])
    navigation.sync_url(filters)
    render.footer()
