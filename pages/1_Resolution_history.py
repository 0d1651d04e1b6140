"""Resolution history: the lineage of both tracks, one resolution's vote, and competing texts side by side."""
import streamlit as st

from cyberdiplomacy import state_views, views
from cyberdiplomacy.charts import lens
from cyberdiplomacy.charts import votes as vote_charts
from cyberdiplomacy.ui import data, layout

filters = layout.page("Resolution history",
                      "Every text of both tracks since 1998: how it was adopted, who voted how, who sponsored it.")
with layout.guard():
    built, imported = data.built_date(), data.imported_on()
    tracks = st.multiselect("Tracks", views.TRACK_OPTIONS, default=list(filters.tracks),
                            format_func=views.track_label)
    years = st.slider("Years adopted", views.FIRST_YEAR, views.LAST_YEAR, views.year_span(filters))
    filters = layout.url_filters.with_changes(filters, tracks=tuple(tracks) or filters.tracks,
                                              **views.years_from_range(years, filters))
    history = data.query("resolution_history", tracks=list(filters.tracks), from_year=years[0], to_year=years[1])
    if not tracks:
        layout.empty("Choose at least one track to see its resolutions.")
    elif history.empty:
        layout.empty("No resolution in this selection; widen the years or add a track.")
    else:
        marks = views.import_marks_text(history)
        if marks:
            st.caption(marks)
        layout.chart(filters, vote_charts.adoption_timeline(history, data.built_date()), views.history_table(history),
                     "adoption-timeline")
        event = layout.chart(filters, vote_charts.vote_history(history, built, imported), views.history_table(history),
                             "vote-history", on_select=True, caption="Click a bar to open that vote below.")
        layout.adopt_selection(event, "resolution", views.symbol_from_point)

    st.header("One recorded vote")
    recorded = data.query("recorded_votes")
    options = list(recorded.loc[recorded["stage"] == "plenary", "resolution_symbol"])
    if not options:
        layout.empty("No per-state votes are on record yet.")
    else:
        default = filters.resolution if filters.resolution in options else views.default_resolution(options)
        layout.seed("resolution", default, options)
        symbol = st.selectbox("Resolution", options, key="resolution",
                              format_func=views.resolution_labels(recorded).__getitem__)
        filters = layout.url_filters.with_changes(filters, resolution=symbol)
        state_votes = data.query("resolution_votes", symbol=symbol, stage="plenary")
        if filters.states:
            st.caption(state_views.lens_text(state_votes, filters.states))
        layout.chart(filters, lens.outline_states(vote_charts.vote_map(state_votes, symbol, built, imported), state_votes,
                                                  filters.states),
                     state_views.chosen_first(state_votes, filters.states), "vote-map")
        layout.chart(filters, vote_charts.votes_by_group(state_votes, symbol, built, imported),
                     views.group_table(state_votes), "votes-by-group")
        shown = st.multiselect("Show states that voted", views.VOTE_OPTIONS, default=views.VOTE_OPTIONS,
                               format_func=views.vote_label)
        layout.show_table(state_views.chosen_first(views.states_by_vote(state_votes, shown), filters.states))
        sponsors = data.query("resolution_sponsors", symbol=symbol)
        st.subheader("Sponsors")
        if sponsors.empty:
            layout.empty("No sponsor of this text is on record yet (unknown, not none).")
        else:
            layout.show_table(sponsors)
        layout.briefing_downloads("resolution", symbol, symbol)
        st.subheader("Documents")
        st.markdown(views.document_links(history_row=views.row_for(data.query("resolution_history"), symbol)))

    st.header("Competing texts")
    pair = st.selectbox("Pair", list(views.COMPETING_PAIRS), format_func=views.pair_label)
    symbol_a, symbol_b = views.COMPETING_PAIRS[pair]
    both = data.query("competing_votes", symbol_a=symbol_a, symbol_b=symbol_b)
    if both.empty:
        layout.empty("No per-state votes are on record for this pair.")
    else:
        layout.chart(filters, vote_charts.competing_crosstab(both, symbol_a, symbol_b, built, imported),
                     vote_charts.crosstab_counts(both).reset_index(names="vote_on_a"), "competing-crosstab")
        layout.chart(filters, vote_charts.camps_map(both, symbol_a, symbol_b, built, imported), both, "camps-map")
    layout.sync_url(filters)
    layout.footer()
