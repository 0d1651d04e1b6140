"""Sponsor blocs: who sponsored which draft, the co-sponsorship network, and how blocs voted."""
import streamlit as st

from cyberdiplomacy import views
from cyberdiplomacy.charts import sponsors as sponsor_charts
from cyberdiplomacy.ui import data, layout

filters = layout.page("Sponsor blocs",
                      "Which states put their names on the drafts, which blocs they belong to, and how united "
                      "each bloc voted.")
with layout.guard():
    states = data.query("states")
    chosen = st.multiselect("Only drafts sponsored by (optional)", list(states["iso3"]),
                            default=list(filters.states), format_func=views.state_namer(states))
    filters = layout.url_filters.with_changes(filters, states=tuple(chosen))
    matrix = data.query("sponsorship_matrix", iso3s=chosen)
    built = data.built_date()
    if matrix.empty:
        layout.empty("No sponsorship on record for this selection. Clear the state filter to see all drafts.")
    else:
        layout.chart(filters, sponsor_charts.matrix(matrix, built), matrix, "sponsorship-matrix")
        layout.chart(filters, sponsor_charts.network(matrix, built), sponsor_charts.cosponsor_edges(matrix),
                     "cosponsor-network")
        composition = data.query("sponsor_bloc_composition")
        composition = composition[composition["draft_symbol"].isin(set(matrix["draft_symbol"]))]
        if not composition.empty:
            layout.chart(filters, sponsor_charts.composition(composition, built), composition, "sponsor-composition")
        texts = views.texts_by_sponsor_count(matrix)
        sponsored = st.selectbox("How did the sponsors of this text vote?", texts)
        rival = data.query("sponsors_on_rival_votes", symbol=sponsored)
        if rival.empty:
            layout.empty("None of these sponsors has a recorded vote on record.")
        else:
            layout.chart(filters, sponsor_charts.rival_votes(rival, sponsored, built), rival, "sponsors-rival-votes")

    st.header("Bloc cohesion on each recorded vote")
    blocs = data.query("blocs")
    picked = st.multiselect("Blocs", list(blocs["bloc"]), default=views.DEFAULT_BLOCS)
    cohesion = data.query("bloc_cohesion", blocs=picked)
    if not picked:
        layout.empty("Choose at least one bloc.")
    elif cohesion.empty:
        layout.empty("No recorded vote by members of these blocs is on record.")
    else:
        layout.chart(filters, sponsor_charts.cohesion(cohesion, built), cohesion, "bloc-cohesion")
    layout.sync_url(filters)
    layout.footer()
