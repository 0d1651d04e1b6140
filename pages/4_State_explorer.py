"""State explorer: one state or several side by side: votes, sponsorships, blocs and voting partners."""
import streamlit as st

from cyberdiplomacy import defaults, figures, measures, queries, state_names, views
from cyberdiplomacy import filters as url_filters
from cyberdiplomacy.ui import data, downloads, navigation, render, widgets


def partners(filters):
    with st.expander("How agreement is measured"):
        st.markdown(measures.definition(defaults.AGREEMENT_METHOD))
    for iso3 in filters.states:
        render.figure(filters, figures.states.agreement, key=f"agreement-{iso3}", state=iso3)


def over_time(filters):
    if len(filters.states) < 2:
        render.empty("Choose two or more states above to follow their agreement year by year.")
        return
    options = views.states.pair_options(filters.states)
    pairs = widgets.kept(st.multiselect, "Pairs", options, key="explorer_pairs",
                        default=views.states.default_pairs(filters.states), max_selections=views.states.MAX_PAIRS,
                        format_func=views.states.pair_namer(data.query(queries.states)))
    if not pairs:
        render.empty("Choose at least one pair.")
        return
    with st.expander("How agreement is measured"):
        st.markdown(measures.definition(defaults.AGREEMENT_METHOD))
    render.figure(filters, figures.states.agreement_over_time, pairs=tuple(pairs))


def record(filters):
    chosen = list(filters.states)
    st.subheader("Sponsorships")
    sponsorships = data.query(queries.state_sponsorships, iso3s=chosen)
    if sponsorships.empty:
        render.empty("No sponsorship on record for these states (the sponsor lists are still incomplete).")
    else:
        render.show_table(views.common.readable(sponsorships))
    st.subheader("Bloc memberships")
    render.show_table(views.common.readable(views.states.bloc_table(data.query(queries.state_blocs, iso3s=chosen))))
    st.subheader("Treaty status")
    treaty_actions = data.query(queries.state_treaty_actions, iso3s=chosen)
    if treaty_actions.empty:
        render.empty("No signature, ratification or accession of the UN Convention or the Budapest "
                     "Convention is on record for these states.")
    else:
        render.show_table(views.common.readable(treaty_actions))


filters = navigation.page("State explorer",
                      "Pick up to six states: how they voted, what they sponsored, which blocs they belong to, "
                      "and whom they vote with.")
with render.guard():
    states = data.query(queries.states)
    start = views.states.explorer_start(filters.states, set(states["iso3"]))
    if "explorer_states" not in st.session_state:  # seeded once: later picks are the user's, not the URL's
        st.session_state["explorer_states"] = list(start.states)
    chosen = st.multiselect("States", list(states["iso3"]), key="explorer_states",
                            format_func=state_names.state_namer(states), max_selections=views.states.MAX_EXPLORER_STATES)
    filters = url_filters.with_changes(filters, states=views.states.explorer_url_states(chosen, start))
    if start.message and (not start.is_default or tuple(chosen) == start.states):
        st.info(start.message)
    if not chosen:
        render.empty("Choose one or more states above, for example the Russian Federation and the United States.")
    else:
        shown = url_filters.with_changes(filters, states=tuple(chosen))
        downloads.briefing_downloads("states", chosen, ", ".join(chosen))
        render.figure(shown, figures.states.state_votes)
        opened = navigation.sections(shown, "explorer_view", [
            ("partners", "Voting partners", partners),
            ("over-time", "Agreement over time", over_time),
            ("record", "Sponsorships, blocs and treaty status", record),
        ])
        # The URL keeps its own states: the default pair is an example, not a filter to carry to other pages.
        filters = url_filters.with_changes(filters, view=opened.view)
    navigation.sync_url(filters)
    render.footer()
