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
years = None  # set once the controls are drawn; every section draws from this one range of years
with layout.guard():
    vote_years = data.query("vote_years")
    all_available = av.all_votes_available(vote_years)
    scope = st.radio("Votes", av.SCOPES, format_func=av.scope_label, horizontal=True, disabled=not all_available,
                     help=av.ALL_VOTES_HELP)
    method = st.selectbox("Agreement measure", av.METHODS, format_func=av.method_label)
    states, labels = data.query("states"), data.query("state_labels")  # labels also name former states
    known = list(states["iso3"])
    chosen = st.multiselect("States", known, default=list(filters.states) or [s for s in av.DEFAULT_STATES if s in known],
                            format_func=views.state_namer(states), max_selections=12)
    filters = layout.url_filters.with_changes(filters, states=tuple(chosen))
    bounds = av.scope_years(vote_years, scope)
    if bounds is None:
        layout.empty("No recorded vote is on record yet.")
    else:
        years = views.year_span(filters, *bounds)
        if bounds[0] < bounds[1]:
            years = st.slider("Years", bounds[0], bounds[1], years,
                              help="One range for every section of this page; the URL's from and to narrow it.")
        filters = layout.url_filters.with_changes(filters, **views.years_from_range(years, filters, *bounds))
        built, imported = data.built_date(), data.imported_on()
        rows = data.query("vote_rows", scope=scope, from_year=years[0], to_year=years[1])
        drawn = av.drawn_years(rows)
        if av.attribution_needed(rows):
            st.caption(av.UNDL_ATTRIBUTION)

if years is not None:
    st.header("Agreement and the vote space")
    with layout.guard():
        if rows.empty:
            layout.empty(f"No recorded vote in {years[0]}–{years[1]}.")
        else:
            result = data.derive(av.agreement_result, data.q("vote_rows", scope=scope, from_year=years[0],
                                                             to_year=years[1]), method, imported)
            kept, left_out = av.with_votes(result, chosen)
            if left_out:
                layout.empty(av.left_out_message(left_out, states, drawn))
            scope_text = av.scope_text(scope, drawn)
            if len(kept) >= 2:
                layout.chart(filters, charts.agreement_heatmap(result.matrix.loc[kept, kept], av.names(labels),
                                                               method, scope_text, built, result.sources),
                             av.pairs_table(result.matrix, kept, labels), "agreement-heatmap")
            else:
                layout.empty("Choose two or more states with recorded votes in these years for the agreement "
                             "heatmap.")
            if kept:
                partners = av.partners(result, kept[0], labels)
                layout.chart(filters, state_charts.agreement_bars(partners, av.names(labels)[kept[0]], built,
                                                                  sources=result.sources, scope_text=scope_text),
                             partners, "closest-farthest")
            space, explained = av.space(result, labels)
            layout.chart(filters, charts.vote_space(space, explained, scope_text, built, result.sources, kept),
                         space, "vote-space")

    st.header("Bloc cohesion over time")
    with layout.guard():
        bloc_options = list(data.query("blocs")["bloc"])
        blocs = st.multiselect("Blocs", bloc_options, default=av.default_blocs(bloc_options))
        member_votes = data.query("bloc_member_votes", blocs=blocs, scope=scope, from_year=years[0],
                                  to_year=years[1])
        if member_votes.empty:
            layout.empty("Choose at least one bloc with recorded votes in this selection.")
        else:
            by_year = av.cohesion_by_year(member_votes)
            layout.chart(filters, charts.cohesion_lines(by_year, av.scope_text(scope, av.drawn_years(by_year, "year")),
                                                        built, av.sources(member_votes, imported,
                                                                          ("bloc_memberships",))),
                         by_year, "cohesion-over-time")

    st.header("Swing from 73/187 to 74/247")
    with layout.guard():
        cyber_rows = data.query("vote_rows", scope="cyber", from_year=years[0], to_year=years[1])
        if not av.has_swing_votes(cyber_rows):
            layout.empty(f"{av.SWING[0]} and {av.SWING[1]} (2018–2019) are not both on record in {years[0]}–{years[1]}.")
        else:
            swings = av.swings(cyber_rows, labels)
            layout.chart(filters, charts.swing_bars(swings, av.SWING[0], av.SWING[1], built,
                                                    av.sources(cyber_rows, imported)), swings, "swing")

    st.header("Cyber votes against all votes of the same sessions")
    with layout.guard():
        if not all_available:
            layout.empty("No vote other than the ICT resolutions is on record, so there is nothing to compare "
                         "with; import the UN Digital Library voting data (python -m etl import-undl FILE).")
        else:
            all_votes = data.q("vote_rows", scope="all", from_year=years[0], to_year=years[1])
            table = data.derive(av.alignment_table, all_votes, method, data.q("state_labels"))
            if table.empty:
                layout.empty(f"No ICT resolution was put to a recorded vote in {years[0]}–{years[1]}.")
            else:
                st.caption(data.derive(av.alignment_caption, all_votes, imported))
                layout.show_table(table)
with layout.guard():
    layout.sync_url(filters)
    layout.footer()
