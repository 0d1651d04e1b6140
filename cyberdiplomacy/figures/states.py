"""Figures about chosen states (State explorer, Alignment): their votes over time and their voting partners."""
from __future__ import annotations

from cyberdiplomacy import defaults, queries, views, vocabulary
from cyberdiplomacy.charts import pairs as pair_charts
from cyberdiplomacy.charts import states
from cyberdiplomacy.figures.registry import Drawn, FigureUnavailable, built_date, figure, imported_on
from cyberdiplomacy.figures.source import Source, q
from cyberdiplomacy.figures.vote_data import agreement_result, drawn_text, need_states, vote_years, with_measure
from cyberdiplomacy.filters import Filters


@figure("state-votes", "votes of the chosen states over time (--state, required)")
def state_votes(src: Source, filters: Filters) -> Drawn:
    table = src.query(queries.state_votes, iso3s=need_states(filters))
    if table.empty:
        raise FigureUnavailable("no recorded vote on record for these states")
    return Drawn(states.vote_strip(table, built_date(src), imported_on(src)), table)


@figure("agreement", "closest and farthest voting partners of one state (--state; the first one given)")
def agreement(src: Source, filters: Filters, state: str | None = None, scope: str = "cyber",
              method: str = defaults.AGREEMENT_METHOD) -> Drawn:
    iso3 = state or need_states(filters)[0]
    result = agreement_result(src, filters, scope, method)
    labels = src.query(queries.state_labels)
    partners = views.alignment.partners(result, iso3, labels)
    name = views.alignment.names(labels).get(iso3, iso3)
    if partners.empty:
        raise FigureUnavailable(f"no shared votes on record for {name}")
    fig = states.agreement_bars(partners, name, built_date(src), sources=result.sources,
                                scope_text=f"{vocabulary.METHOD_LABELS[method]} · {drawn_text(src, filters, scope)}")
    return Drawn(with_measure(fig, method), partners)


@figure("agreement-over-time", "agreement of up to six pairs of states per year, ICT and all votes (--state: the first "
                               "with each of the others)")
def agreement_over_time(src: Source, filters: Filters, pairs: tuple[str, ...] = (),
                        method: str = defaults.AGREEMENT_METHOD) -> Drawn:
    chosen = [views.states.parse_pair(p) for p in (pairs or views.states.default_pairs(need_states(filters)))]
    if not chosen:
        raise FigureUnavailable("agreement over time needs two or more states (a pair)")
    cyber_years, all_years = vote_years(src, filters, "cyber"), vote_years(src, filters, "all")
    # Both panels run to the last year on record, so a pair's silence on ICT texts since then shows as a gap.
    cyber_years = (cyber_years[0], max(cyber_years[1], all_years[1]))
    rows = q(queries.pair_votes, iso3s=sorted({s for pair in chosen for s in pair}), from_year=all_years[0],
             to_year=all_years[1])
    table = src.derive(views.states.agreement_by_year, rows, tuple(chosen[:views.states.MAX_PAIRS]), method,
                       cyber_years, all_years)
    table = views.states.with_names(table, views.alignment.names(src.query(queries.state_labels)))
    sources = views.alignment.sources(rows.fetch(src), imported_on(src))
    fig = pair_charts.agreement_over_time(table, method, built_date(src), sources)
    return Drawn(with_measure(fig, method), table)
