"""Resolution history: the lineage of both tracks, one resolution's story and vote, and competing texts side by side."""
import streamlit as st

from cyberdiplomacy import defaults, figures, queries, views, vocabulary
from cyberdiplomacy import filters as url_filters
from cyberdiplomacy.charts import votes
from cyberdiplomacy.ui import data, downloads, navigation, render, widgets


def lineage(filters):
    tracks = st.multiselect("Tracks", vocabulary.TRACK_OPTIONS, default=list(filters.tracks),
                            format_func=vocabulary.track_label)
    span = navigation.track_years()
    years = st.slider("Years adopted", *span, navigation.year_span(filters, *span, what="the texts of both tracks"))
    filters = url_filters.with_changes(filters, tracks=tuple(tracks) or filters.tracks,
                                              **url_filters.years_from_range(years, filters, *span))
    if not tracks:
        render.empty("Choose at least one track to see its resolutions.")
        return filters
    marks = views.history.import_marks_text(data.query(queries.resolution_history, tracks=tracks, from_year=years[0],
                                                to_year=years[1]))
    if marks:
        st.caption(marks)
    render.figure(filters, figures.history.adoption_timeline)
    render.figure(filters, figures.history.vote_history, on_select=True,
                  caption=f"Click a bar to open that vote in “{views.history.HISTORY_SECTIONS['text']}”.")
    return filters


def one_text(filters):
    recorded = data.query(queries.recorded_votes)
    history = data.query(queries.resolution_history)
    voted = list(recorded.loc[recorded["stage"] == "plenary", "resolution_symbol"])
    # A link to a text of the record without per-state votes opens that text (its story), never another one.
    asked = filters.resolution if filters.resolution and filters.resolution not in voted else None
    options = voted + ([asked] if asked else [])
    if not options:
        render.empty("No per-state votes are on record yet.")
        return filters
    default = filters.resolution if filters.resolution in options else views.history.default_resolution(options)
    widgets.seed("resolution", default, options)
    names = {**views.history.resolution_labels(recorded), **views.history.text_labels(history, [asked] if asked else [])}
    symbol = st.selectbox("Resolution", options, key="resolution", format_func=names.__getitem__)
    filters = url_filters.with_changes(filters, resolution=symbol)
    row = views.history.row_for(history, symbol)
    sponsors = data.query(queries.resolution_sponsors, symbol=symbol)
    if symbol not in voted:
        st.info(views.history.no_state_votes_text(symbol, row.get("adoption_mode") if row is not None else None))
    st.markdown(views.history.resolution_story(row, sponsors, data.query(queries.states)))
    if symbol in voted:
        state_votes(filters, symbol)
    st.subheader("Sponsors")
    if sponsors.empty:
        render.empty("No sponsor of this text is on record yet (unknown, not none).")
    else:
        render.show_table(views.common.readable(sponsors))
    if symbol in voted:
        downloads.briefing_downloads("resolution", symbol, symbol)
    st.subheader("Documents")
    st.markdown(views.history.document_links(row))
    return filters


def state_votes(filters, symbol):
    render.figure(filters, figures.history.vote_map)
    render.figure(filters, figures.history.votes_by_group)
    render.figure(filters, figures.history.vote_roll)
    roll = data.derive(views.roll_call.roll, data.q(queries.resolution_votes, symbol=symbol, stage="plenary"))
    groups = st.multiselect("Regional groups", views.roll_call.group_order(roll["un_regional_group"]), key="roll_groups",
                            placeholder="Every group")
    st.markdown("\n".join(views.roll_call.group_lines(roll, groups or None)))
    every_state = st.expander("Every state's vote by regional group, those against its majority first",
                              key="states_by_vote", on_change="rerun", expanded=bool(filters.states))
    if every_state.open:  # built when opened, like the chart tables: it is the list behind the squares, sortable
        with every_state:
            shown = st.multiselect("Show states that voted", vocabulary.VOTE_OPTIONS, default=vocabulary.VOTE_OPTIONS,
                                   format_func=vocabulary.vote_label)
            render.show_table(views.common.readable(views.roll_call.roll_table(roll, shown, groups, filters.states)))


def competing(filters):
    pair = widgets.kept(st.selectbox, "Pair", list(defaults.COMPETING_PAIRS), key="competing_pair",
                       default=defaults.pair_of(filters.resolution), format_func=views.history.pair_label)
    render.figure(filters, figures.history.competing_crosstab, pair=pair)
    render.figure(filters, figures.history.camps_map, pair=pair)


filters = navigation.page("Resolution history",
                      "Every text of both tracks since 1998: how it was adopted, who voted how, who sponsored it.")
with render.guard():
    # A bar clicked in the lineage opens that text: read before the sections, since it changes which one is open.
    clicked = widgets.adopt_selection(st.session_state.get("vote-history"), "resolution", votes.symbol_from_point)
    filters = navigation.sections(filters, "history_view", [
        (name, views.history.HISTORY_SECTIONS[name], draw)
        for name, draw in (("lineage", lineage), ("text", one_text), ("competing", competing))
    ], start="text" if filters.resolution else None, force="text" if clicked else None)
    navigation.sync_url(filters)
    render.footer()
