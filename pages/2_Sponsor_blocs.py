"""Sponsor blocs: who sponsored which draft, who sponsored together, how sponsors voted next, and bloc cohesion."""
import streamlit as st

from cyberdiplomacy import figures, queries, state_names, views
from cyberdiplomacy import filters as url_filters
from cyberdiplomacy.ui import data, navigation, render, widgets


def drafts(filters):
    render.figure(filters, figures.sponsors.sponsorship_matrix)
    render.figure(filters, figures.sponsors.sponsor_bloc_shares)


def together(filters):
    matrix = data.query(queries.sponsorship_matrix, iso3s=list(filters.states))
    if filters.states:
        st.caption(views.sponsors.chosen_drafts_text(matrix, list(filters.states)))
    most = views.sponsors.max_shared(matrix)
    threshold = st.slider("Show pairs that sponsored at least this many drafts together", 1, most, 1,
                          key="cosponsor_threshold") if most > 1 else 1
    render.figure(filters, figures.sponsors.cosponsor_grid, threshold=threshold)


def flows(filters):
    texts, vote_options = figures.sponsors.flow_texts(data.source, filters)
    if not vote_options:
        render.empty("No per-state votes are on record yet.")
        return
    left, right = st.columns(2)
    sponsored = widgets.kept(left.selectbox, "Sponsors of", texts, key="flow_sponsored",
                            default=texts[views.sponsors.default_sponsored(texts)])
    voted = widgets.kept(right.selectbox, "Their votes on", vote_options, key=f"flow_voted_{sponsored}",
                        default=views.sponsors.default_voted(sponsored, vote_options))
    render.figure(filters, figures.sponsors.sponsor_vote_flows, sponsored=sponsored, voted=voted)


def cohesion(filters):
    bloc_options = list(data.query(queries.blocs)["bloc"])
    chosen = list(filters.states)
    mine = views.sponsors.blocs_of_states(data.query(queries.state_blocs, iso3s=chosen), bloc_options) if chosen else []
    if mine:
        st.caption(f"Blocs that {', '.join(chosen)} belong to now are chosen; add or remove blocs below.")
    picked = st.multiselect("Blocs", bloc_options, default=mine or views.sponsors.default_blocs(bloc_options))
    if not picked:
        render.empty("Choose at least one bloc.")
    else:
        render.figure(filters, figures.sponsors.bloc_cohesion, blocs=tuple(picked))


filters = navigation.page("Sponsor blocs",
                      "Which states put their names on the drafts, who sponsored together, how the sponsors of one "
                      "text voted on another, and how united each bloc voted.")
with render.guard():
    states = data.query(queries.states)
    chosen = st.multiselect("Only drafts sponsored by (optional; every section below follows it)",
                            list(states["iso3"]), default=list(filters.states), format_func=state_names.state_namer(states))
    filters = url_filters.with_changes(filters, states=tuple(chosen))
    if missing := views.sponsors.unsponsored_text(data.query(queries.sponsorship_matrix, iso3s=chosen), chosen,
                                      state_names.state_namer(states)):
        render.empty(missing)
    filters = navigation.sections(filters, "sponsors_view", [
        ("drafts", "Sponsors of each draft", drafts),
        ("together", "Who sponsored together", together),
        ("flows", "From sponsoring one text to voting on another", flows),
        ("cohesion", "Bloc cohesion on each vote", cohesion),
    ])
    navigation.sync_url(filters)
    render.footer()
