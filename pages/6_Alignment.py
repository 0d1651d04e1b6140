"""Alignment: whether the cybercrime split is its own line or the old one — agreement, cohesion, vote space."""
import streamlit as st

from cyberdiplomacy import defaults, figures, queries, state_names, views
from cyberdiplomacy import filters as url_filters
from cyberdiplomacy.ui import data, navigation, render, widgets


def agreement(filters, scope, method):
    if not filters.states:
        render.empty("Choose two or more states for the agreement heatmap.")
        return
    render.figure(filters, figures.alignment.agreement_heatmap, scope=scope, method=method)
    render.figure(filters, figures.states.agreement, key="closest-farthest", state=filters.states[0], scope=scope,
                  method=method)


def cohesion(filters, scope):
    bloc_options = list(data.query(queries.blocs)["bloc"])
    blocs = widgets.kept(st.multiselect, "Blocs", bloc_options, key="alignment_blocs",
                        default=[b for b in defaults.DEFAULT_BLOCS if b in bloc_options])
    if not blocs:
        render.empty("Choose at least one bloc with recorded votes in this selection.")
    else:
        render.figure(filters, figures.alignment.cohesion_over_time, scope=scope, blocs=tuple(blocs))


def swing(filters):
    step = widgets.kept(st.selectbox, "Between", list(defaults.SWING_STEPS), key="swing_step",
                       default=defaults.DEFAULT_SWING, format_func=views.alignment.swing_label)
    if render.figure(filters, figures.alignment.swing, step=step) is None:
        return
    swings = figures.alignment.swing_table(data.source, filters, step)
    groups = st.multiselect("Regional groups", views.roll_call.group_order(swings["un_regional_group"]), key="swing_groups",
                            placeholder="Every group")
    moved = views.roll_call.changers(swings, groups or None)
    before, after = defaults.SWING_STEPS[step]
    st.markdown(f"**Who changed their vote from {before} to {after}**")
    if moved.empty:
        render.empty("No state of these groups voted differently on the two texts.")
    else:
        st.markdown("\n".join(views.roll_call.change_lines(moved)))
        render.show_table(views.common.readable(views.roll_call.in_words(moved)))


def against_all_votes(years, method, all_available):
    if not all_available:
        render.empty("No vote other than the ICT resolutions is on record, so there is nothing to compare "
                     "with; import the UN Digital Library voting data (python -m etl import-undl FILE).")
        return
    all_votes = data.q(queries.vote_rows, scope="all", from_year=years[0], to_year=years[1])
    table = data.derive(views.alignment.alignment_table, all_votes, method, data.q(queries.state_labels))
    if table.empty:
        render.empty(f"No ICT resolution was put to a recorded vote in {years[0]}–{years[1]}.")
    else:
        st.caption(data.derive(views.alignment.alignment_caption, all_votes, data.imported_on()))
        render.show_table(table)


filters = navigation.page("Alignment",
                      "Who votes with whom on these resolutions, how united the blocs are, and where each state "
                      "sits in the vote space.")
with render.guard():
    vote_years = data.query(queries.vote_years)
    all_available = views.alignment.all_votes_available(vote_years)
    scope = st.radio("Votes", views.alignment.SCOPES, format_func=views.alignment.scope_label, horizontal=True,
                     disabled=not all_available,
                     help=views.alignment.ALL_VOTES_HELP)
    method = st.selectbox("Agreement measure", views.alignment.METHODS,
                          index=views.alignment.METHODS.index(defaults.AGREEMENT_METHOD),
                          format_func=views.alignment.method_label, help=views.alignment.methods_help())
    states = data.query(queries.states)
    chosen = st.multiselect("States", list(states["iso3"]), default=views.alignment.default_states(filters.states, states),
                            format_func=state_names.state_namer(states), max_selections=defaults.MAX_URL_STATES)
    filters = url_filters.with_changes(filters, states=tuple(chosen))
    bounds = views.alignment.scope_years(vote_years, scope)
    if bounds is None:
        render.empty("No recorded vote is on record yet.")
    else:
        years = navigation.year_span(filters, *bounds, what=views.alignment.years_what(scope))
        if bounds[0] < bounds[1]:
            years = st.slider("Years", bounds[0], bounds[1], years,
                              help="One range for every section of this page; the URL's from and to narrow it.")
        filters = url_filters.with_changes(filters, **url_filters.years_from_range(years, filters,
                                                                                                 *bounds))
        if views.alignment.attribution_needed(data.query(queries.vote_rows, scope=scope, from_year=years[0], to_year=years[1])):
            st.caption(views.alignment.UNDL_ATTRIBUTION)
        filters = navigation.sections(filters, "alignment_view", [
            ("agreement", "Agreement", lambda shown: agreement(shown, scope, method)),
            ("space", "Vote space",
             lambda shown: render.figure(shown, figures.alignment.vote_space, scope=scope, method=method)),
            ("cohesion", "Bloc cohesion over time", lambda shown: cohesion(shown, scope)),
            ("swing", "Who changed their vote", swing),
            ("all-votes", "Cyber votes against all votes", lambda _: against_all_votes(years, method, all_available)),
        ])
    navigation.sync_url(filters)
    render.footer()
