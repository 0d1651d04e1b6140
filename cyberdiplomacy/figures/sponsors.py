"""Figures of sponsorship and blocs (Sponsor blocs): who sponsored what, with whom, how sponsors voted next,
and how united each bloc voted. --state narrows every one of them to the drafts those states sponsored."""
from __future__ import annotations

from cyberdiplomacy import defaults, provenance, queries, views
from cyberdiplomacy.charts import sponsors
from cyberdiplomacy.figures.registry import Drawn, FigureUnavailable, built_date, figure, imported_on
from cyberdiplomacy.figures.source import Source
from cyberdiplomacy.figures.vote_data import cohesion_per_vote
from cyberdiplomacy.filters import Filters


def sponsorships(src: Source, filters: Filters):
    matrix = src.query(queries.sponsorship_matrix, iso3s=list(filters.states))
    if matrix.empty:
        raise FigureUnavailable("no sponsorship on record for this selection; clear the state filter to see all drafts")
    return matrix


@figure("sponsorship-matrix", "state x draft sponsorships (--state narrows to their drafts)")
def sponsorship_matrix(src: Source, filters: Filters) -> Drawn:
    matrix = sponsorships(src, filters)
    coverage = views.sponsors.coverage_text(views.sponsors.coverage(matrix))
    return Drawn(sponsors.matrix(matrix, built_date(src), filters.states), matrix, coverage)


@figure("cosponsor-grid", "pairs of states by drafts sponsored together, ordered by clustering")
def cosponsor_grid(src: Source, filters: Filters, threshold: int = defaults.COSPONSOR_THRESHOLD) -> Drawn:
    matrix = sponsorships(src, filters)
    grid = views.sponsors.cosponsor_grid(matrix, threshold)
    if grid.empty:
        raise FigureUnavailable("no two states sponsored a draft together in this selection")
    states = src.query(queries.states)
    names = dict(zip(states["iso3"], states["name"], strict=True))
    drafts = list(views.sponsors.coverage(matrix)["sponsors_per_draft"])
    return Drawn(sponsors.cosponsor_heatmap(grid, names, threshold, built_date(src), drafts, filters.states),
                 grid.reset_index(names="iso3"))


@figure("sponsor-bloc-shares", "each bloc's share of a draft's sponsors")
def sponsor_bloc_shares(src: Source, filters: Filters) -> Drawn:
    shares = views.sponsors.bloc_shares(src.query(queries.sponsor_bloc_composition), sponsorships(src, filters))
    if shares.empty:
        raise FigureUnavailable("no bloc member among the sponsors on record")
    return Drawn(sponsors.bloc_shares(shares, built_date(src)), shares)


def flow_texts(src: Source, filters: Filters) -> tuple[list[str], list[str]]:
    """The texts whose sponsors a flow can start from (most sponsored first) and the votes it can end on."""
    recorded = src.query(queries.recorded_votes)
    return (views.sponsors.texts_by_sponsor_count(sponsorships(src, filters)),
            list(recorded.loc[recorded["stage"] == "plenary", "resolution_symbol"]))


@figure("sponsor-vote-flows", "the sponsors of one text to their votes on another (73/187 -> 74/247)")
def sponsor_vote_flows(src: Source, filters: Filters, sponsored: str | None = None, voted: str | None = None) -> Drawn:
    texts, votes = flow_texts(src, filters)
    sponsored = sponsored or texts[views.sponsors.default_sponsored(texts)]
    if not votes:
        raise FigureUnavailable("no per-state votes are on record yet")
    voted = voted or views.sponsors.default_voted(sponsored, votes)
    flows = src.query(queries.sponsor_vote_flows, sponsored=sponsored, voted=voted)
    if flows.empty:
        raise FigureUnavailable(f"no sponsor of {sponsored} is on record")
    fig = sponsors.flow_sankey(flows, views.sponsors.flow_table(flows), sponsored, voted, built_date(src), imported_on(src))
    return Drawn(fig, flows, views.sponsors.chosen_flows_text(flows, filters.states))


@figure("bloc-cohesion", "agreement index of each bloc on each recorded vote on the ICT resolutions")
def bloc_cohesion(src: Source, filters: Filters, blocs: tuple[str, ...] = defaults.DEFAULT_BLOCS) -> Drawn:
    member_votes, cohesion = cohesion_per_vote(src, blocs)
    sources = [*provenance.table_sources(member_votes, imported_on(src)), "bloc_memberships"]
    return Drawn(sponsors.cohesion(cohesion, built_date(src), sources), cohesion)
