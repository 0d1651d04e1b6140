"""Alignment: whether the cybercrime split is its own line or the old one — agreement, cohesion, vote space."""
import streamlit as st

from cyberdiplomacy import alignment_views as av
from cyberdiplomacy import views
from cyberdiplomacy.charts import alignment as charts
from cyberdiplomacy.charts import states as state_charts
from cyberdiplomacy.ui import data, layout

filters = layout.page("Alignment",
                      "Who votes with whom on these resolutions, how united the blocs are, and where each state "
                      "sits in the vote space.")
with layout.guard():
    status = data.query("import_status").iloc[0]
    scope = st.radio("Votes", av.SCOPES, format_func=av.scope_label, horizontal=True,
                     disabled=not status["imported_vote_count"],
                     help="All recorded votes need the UN Digital Library voting data: python -m etl import-undl FILE")
    method = st.selectbox("Agreement measure", av.METHODS, format_func=av.method_label)
    states = data.query("states")
    chosen = st.multiselect("States", list(states["iso3"]), default=list(filters.states) or av.DEFAULT_STATES,
                            format_func=views.state_namer(states), max_selections=12)
    filters = layout.url_filters.with_changes(filters, states=tuple(chosen))
    rows = data.query("vote_rows", scope=scope, from_year=filters.from_year, to_year=filters.to_year)
    built, scope_text = data.built_date(), av.scope_text(scope, status)
    if status["imported_vote_count"]:
        st.caption(av.UNDL_ATTRIBUTION)
    if rows.empty:
        layout.empty("No recorded vote in this selection.")
    else:
        result = av.agreement_result(rows, method)
        if len(chosen) >= 2:
            layout.chart(filters, charts.agreement_heatmap(result.matrix.loc[chosen, chosen], av.names(states),
                                                           method, scope_text, built, result.sources),
                         av.pairs_table(result.matrix, chosen, states), "agreement-heatmap")
        else:
            layout.empty("Choose two or more states for the agreement heatmap.")
        if chosen:
            partners = av.partners(result, chosen[0], states)
            layout.chart(filters, state_charts.agreement_bars(partners, av.names(states)[chosen[0]], built),
                         partners, "closest-farthest")
        space, explained = av.space(result, states)
        layout.chart(filters, charts.vote_space(space, explained, scope_text, built, result.sources, chosen), space,
                     "vote-space")
    st.header("Bloc cohesion over time")
    blocs = st.multiselect("Blocs", list(data.query("blocs")["bloc"]), default=av.DEFAULT_BLOCS)
    member_votes = data.query("bloc_member_votes", blocs=blocs, scope=scope, from_year=filters.from_year,
                              to_year=filters.to_year)
    if member_votes.empty:
        layout.empty("Choose at least one bloc with recorded votes in this selection.")
    else:
        by_year = av.cohesion_by_year(member_votes)
        layout.chart(filters, charts.cohesion_lines(by_year, scope_text, built, ["bloc_memberships", "votes"]),
                     by_year, "cohesion-over-time")
    st.header("Swing from 73/187 to 74/247")
    swings = av.swings(data.query("vote_rows", scope="cyber"), states)
    layout.chart(filters, charts.swing_bars(swings, av.SWING[0], av.SWING[1], built), swings, "swing")
    st.header("Cyber votes against all votes of the same sessions")
    if not status["imported_vote_count"]:
        layout.empty("Import the UN Digital Library voting data (python -m etl import-undl FILE) to compare each "
                     "state's alignment on cyber votes with all votes of the same sessions.")
    else:
        layout.show_table(av.alignment_table(data.query("vote_rows", scope="all"), method, states))
    layout.sync_url(filters)
    layout.footer()
