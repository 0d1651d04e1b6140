"""Figures of the Alignment page: agreement among chosen states, the vote space, cohesion over time, the swing."""
from __future__ import annotations

from cyberdiplomacy import defaults, metrics, queries, views
from cyberdiplomacy.charts import alignment
from cyberdiplomacy.figures.registry import Drawn, FigureUnavailable, built_date, figure, imported_on
from cyberdiplomacy.figures.source import Source, q
from cyberdiplomacy.figures.vote_data import (
    agreement_result,
    cohesion_per_vote,
    drawn_text,
    drawn_years,
    vote_rows,
    vote_years,
    with_measure,
)
from cyberdiplomacy.filters import Filters


def chosen(filters: Filters) -> list[str]:
    return list(filters.states) or list(defaults.DEFAULT_STATES)


@figure("agreement-heatmap", "agreement between the chosen states (--state; default six large states)")
def agreement_heatmap(src: Source, filters: Filters, scope: str = "cyber",
                      method: str = defaults.AGREEMENT_METHOD) -> Drawn:
    result = agreement_result(src, filters, scope, method)
    labels = src.query(queries.state_labels)
    kept, left_out = views.alignment.with_votes(result, chosen(filters))
    note = views.alignment.left_out_message(left_out, labels, drawn_years(src, filters, scope)) if left_out else ""
    if len(kept) < 2:
        raise FigureUnavailable((note + " " if note else "") + "Choose two or more states with recorded votes in "
                                "these years for the agreement heatmap.")
    fig = alignment.agreement_heatmap(result.matrix.loc[kept, kept], views.alignment.names(labels), method,
                                      drawn_text(src, filters, scope), built_date(src), result.sources)
    return Drawn(with_measure(fig, method), views.alignment.pairs_table(result.matrix, kept, labels), changed=note)


@figure("vote-space", "every state placed by its votes (principal components), chosen states labelled")
def vote_space(src: Source, filters: Filters, scope: str = "cyber", method: str = defaults.AGREEMENT_METHOD) -> Drawn:
    result = agreement_result(src, filters, scope, method)
    space, explained = views.alignment.space(result, src.query(queries.state_labels))
    kept, _ = views.alignment.with_votes(result, chosen(filters))
    fig = alignment.vote_space(space, explained, drawn_text(src, filters, scope), built_date(src), result.sources, kept)
    return Drawn(fig, space)


@figure("cohesion-over-time", "yearly agreement index of the blocs (--from, --to)")
def cohesion_over_time(src: Source, filters: Filters, scope: str = "cyber",
                       blocs: tuple[str, ...] = defaults.DEFAULT_BLOCS) -> Drawn:
    first, last = vote_years(src, filters, scope)
    member_votes, per_vote = cohesion_per_vote(src, blocs, scope, first, last)
    by_year = metrics.cohesion_by_year(per_vote)
    sources = views.alignment.sources(member_votes, imported_on(src), ("bloc_memberships",))
    scope_text = views.alignment.scope_text(scope, views.alignment.drawn_years(by_year, "year"))
    fig = alignment.cohesion_lines(by_year, scope_text, built_date(src),
                                   sources)
    return Drawn(fig, by_year)


@figure("swing", "each state's move between two votes (--step: criminal, oewg-2022, oewg-2023, poa-2023)")
def swing(src: Source, filters: Filters, step: str = defaults.DEFAULT_SWING) -> Drawn:
    rows = vote_rows(src, filters, "cyber")
    cyber_rows = rows.fetch(src)
    before, after = defaults.SWING_STEPS[step]
    if not views.alignment.has_swing_votes(cyber_rows, step):
        first, last = vote_years(src, filters, "cyber")
        raise FigureUnavailable(f"{before} and {after} are not both on record in {first}–{last}")
    swings = swing_table(src, filters, step)
    return Drawn(alignment.swing_bars(swings, before, after, built_date(src),
                                      views.alignment.sources(cyber_rows, imported_on(src))), swings)


def swing_table(src: Source, filters: Filters, step: str = defaults.DEFAULT_SWING):
    """Each state's move between a step's two votes, with its regional group on the later one (views.alignment)."""
    before, after = defaults.SWING_STEPS[step]
    return src.derive(views.alignment.swings, vote_rows(src, filters, "cyber"), q(queries.state_labels), step,
                      q(queries.resolution_votes, symbol=before, stage="plenary"),
                      q(queries.resolution_votes, symbol=after, stage="plenary"))
