"""Sponsor blocs: who sponsored which draft, who sponsored together, how sponsors voted next, and bloc cohesion."""
import streamlit as st

from cyberdiplomacy import sponsor_views as sv
from cyberdiplomacy import views
from cyberdiplomacy.charts import sponsors as sponsor_charts
from cyberdiplomacy.ui import data, layout

filters = layout.page("Sponsor blocs",
                      "Which states put their names on the drafts, who sponsored together, how the sponsors of one "
                      "text voted on another, and how united each bloc voted.")
with layout.guard():
    states = data.query("states")
    chosen = st.multiselect("Only drafts sponsored by (optional; every chart below follows it)",
                            list(states["iso3"]), default=list(filters.states), format_func=views.state_namer(states))
    filters = layout.url_filters.with_changes(filters, states=tuple(chosen))
    matrix = data.query("sponsorship_matrix", iso3s=chosen)
    built, imported = data.built_date(), data.imported_on()
    if matrix.empty:
        layout.empty("No sponsorship on record for this selection. Clear the state filter to see all drafts.")
    else:
        cov = sv.coverage(matrix)
        st.caption(sv.coverage_text(cov))
        layout.chart(filters, sponsor_charts.matrix(matrix, built, chosen), matrix, "sponsorship-matrix")

        st.subheader("Who sponsored together")
        if chosen:
            st.caption(f"The grid shows every sponsor of the drafts that {', '.join(chosen)} sponsored "
                       f"({len(cov['sponsors_per_draft'])} draft(s)); your states are in bold.")
        most = sv.max_shared(matrix)
        threshold = st.slider("Show pairs that sponsored at least this many drafts together", 1, most, 1,
                              key="cosponsor_threshold", disabled=most == 1) if most > 1 else 1
        grid = sv.cosponsor_grid(matrix, threshold)
        if grid.empty:
            layout.empty("No two states sponsored a draft together in this selection.")
        else:
            names = dict(zip(states["iso3"], states["name"], strict=True))
            layout.chart(filters, sponsor_charts.cosponsor_heatmap(grid, names, threshold, built,
                                                                   list(cov["sponsors_per_draft"]), chosen),
                         grid.reset_index(names="iso3"), "cosponsor-grid")

        shares = sv.bloc_shares(data.query("sponsor_bloc_composition"), matrix)
        if not shares.empty:
            layout.chart(filters, sponsor_charts.bloc_shares(shares, built), shares, "sponsor-bloc-shares")

        st.subheader("From sponsoring one text to voting on another")
        texts = views.texts_by_sponsor_count(matrix)
        recorded = data.query("recorded_votes")
        vote_options = list(recorded.loc[recorded["stage"] == "plenary", "resolution_symbol"])
        left, right = st.columns(2)
        sponsored = left.selectbox("Sponsors of", texts, key="flow_sponsored", index=sv.default_sponsored(texts))
        voted = right.selectbox("Their votes on", vote_options, key=f"flow_voted_{sponsored}",
                                index=vote_options.index(sv.default_voted(sponsored, vote_options)))
        flows = data.query("sponsor_vote_flows", sponsored=sponsored, voted=voted)
        if flows.empty:
            layout.empty(f"No sponsor of {sponsored} is on record.")
        else:
            note = sv.chosen_flows_text(flows, chosen)
            if note:
                st.caption(note)
            layout.chart(filters, sponsor_charts.flow_sankey(flows, sv.flow_table(flows), sponsored, voted, built,
                                                             imported), flows, "sponsor-vote-flows")

    st.header("Bloc cohesion on each recorded vote")
    blocs = data.query("blocs")
    bloc_options = list(blocs["bloc"])
    if chosen:
        mine = sv.blocs_of_states(data.query("state_blocs", iso3s=chosen), bloc_options)
        st.caption(f"Blocs that {', '.join(chosen)} belong to now are chosen; add or remove blocs below.")
    else:
        mine = []
    picked = st.multiselect("Blocs", bloc_options, default=mine or [b for b in views.DEFAULT_BLOCS if b in bloc_options])
    cohesion = data.query("bloc_cohesion", blocs=picked)
    if not picked:
        layout.empty("Choose at least one bloc.")
    elif cohesion.empty:
        layout.empty("No recorded vote by members of these blocs is on record.")
    else:
        layout.chart(filters, sponsor_charts.cohesion(cohesion, built), cohesion, "bloc-cohesion")
    layout.sync_url(filters)
    layout.footer()
