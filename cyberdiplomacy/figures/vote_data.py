"""The recorded votes, agreement and bloc cohesion that several pages' figures draw from (State explorer,
Alignment, Sponsor blocs, the packs): one place, so a figure module never imports another."""
from __future__ import annotations

from cyberdiplomacy import measures, metrics, queries, views
from cyberdiplomacy.figures.registry import FigureUnavailable, imported_on
from cyberdiplomacy.figures.source import Source, q
from cyberdiplomacy.filters import Filters, year_span


def need_states(filters: Filters) -> list[str]:
    if not filters.states:
        raise FigureUnavailable("this figure needs at least one --state (a code or a name, e.g. RUS or Brazil)")
    return list(filters.states)


def vote_years(src: Source, filters: Filters, scope: str) -> tuple[int, int]:
    """The years of recorded votes in a scope, narrowed by the URL's from/to."""
    bounds = views.alignment.scope_years(src.query(queries.vote_years), scope)
    if bounds is None:
        raise FigureUnavailable("no recorded vote is on record yet")
    return year_span(filters, *bounds)


def vote_rows(src: Source, filters: Filters, scope: str):
    """The recorded plenary votes a vote figure draws, as a query (so derived results are cached by it)."""
    first, last = vote_years(src, filters, scope)
    return q(queries.vote_rows, scope=scope, from_year=first, to_year=last)


def drawn_years(src: Source, filters: Filters, scope: str) -> str:
    """The years the vote rows of a figure actually span, e.g. '2005–2019'."""
    return views.alignment.drawn_years(vote_rows(src, filters, scope).fetch(src))


def drawn_text(src: Source, filters: Filters, scope: str) -> str:
    """The subtitle's statement of the votes drawn: scope and years."""
    return views.alignment.scope_text(scope, drawn_years(src, filters, scope))


def agreement_result(src: Source, filters: Filters, scope: str, method: str) -> views.alignment.AgreementResult:
    """The one agreement measure (metrics.agreement on recorded plenary votes), for pages, CLI and packs."""
    rows = vote_rows(src, filters, scope)
    if rows.fetch(src).empty:
        raise FigureUnavailable("no recorded vote in these years")
    return src.derive(views.alignment.agreement_result, rows, method, imported_on(src))


def with_measure(fig, method: str):
    """The measure's definition and source travel in the figure, to every export of it and of its table."""
    return fig.update_layout(meta={**(fig.layout.meta or {}), "measure": measures.definition(method)})


def cohesion_per_vote(src: Source, blocs, scope: str = "cyber", from_year: int = queries.ANY_YEAR[0],
                      to_year: int = queries.ANY_YEAR[1]):
    """Per bloc and recorded vote: the agreement index (the one cohesion measure, metrics.bloc_cohesion)."""
    rows = q(queries.bloc_member_votes, blocs=list(blocs), scope=scope, from_year=from_year, to_year=to_year)
    member_votes = rows.fetch(src)
    if member_votes.empty:
        raise FigureUnavailable("no recorded vote by members of these blocs is on record; choose at least one bloc")
    return member_votes, src.derive(metrics.bloc_cohesion, rows)
