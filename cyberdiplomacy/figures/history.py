"""Figures of the record's texts: the Overview timeline, the resolution history and one vote (Resolution history)."""
from __future__ import annotations

from cyberdiplomacy import defaults, provenance, queries, views
from cyberdiplomacy.charts import lens, timeline, votes
from cyberdiplomacy.charts import roll_call as roll_chart
from cyberdiplomacy.figures.registry import Drawn, FigureUnavailable, built_date, figure, imported_on, years
from cyberdiplomacy.figures.source import Source, q
from cyberdiplomacy.filters import Filters


@figure("overview-timeline", "both tracks: bodies' sessions and adopted texts (--track, --from, --to)")
def overview_timeline(src: Source, filters: Filters) -> Drawn:
    meetings = src.query(queries.meeting_timeline, **years(src, filters))
    texts = src.query(queries.resolution_history, **years(src, filters))
    if meetings.empty and texts.empty:
        raise FigureUnavailable("no session or text in these years and tracks")
    return Drawn(timeline.process_timeline(meetings, texts, built_date(src)), meetings)


def _history(src: Source, filters: Filters):
    history = src.query(queries.resolution_history, **years(src, filters))
    if history.empty:
        raise FigureUnavailable("no resolution in this selection; widen the years or add a track")
    return history


@figure("adoption-timeline", "when each text was adopted, and how (--track, --from, --to)")
def adoption_timeline(src: Source, filters: Filters) -> Drawn:
    history = _history(src, filters)
    return Drawn(votes.adoption_timeline(history, built_date(src)), views.history.history_table(history))


@figure("vote-history", "per-state tallies of every recorded plenary vote (--track, --from, --to)")
def vote_history(src: Source, filters: Filters) -> Drawn:
    history = _history(src, filters)
    return Drawn(votes.vote_history(history, built_date(src), imported_on(src)), views.history.history_table(history))


def resolution(filters: Filters) -> str:
    return filters.resolution or defaults.DEFAULT_RESOLUTION


def _votes(src: Source, filters: Filters):
    table = src.query(queries.resolution_votes, symbol=resolution(filters), stage="plenary")
    if table.empty:
        raise FigureUnavailable(f"no per-state votes on record for {resolution(filters)} (adopted without a vote, "
                                "or the votes are not on record)")
    return table


@figure("vote-map", "world map of one vote, --state outlined (--resolution, default 73/187)")
def vote_map(src: Source, filters: Filters) -> Drawn:
    table = _votes(src, filters)
    fig = votes.vote_map(table, resolution(filters), built_date(src), imported_on(src))
    return Drawn(lens.outline_states(fig, table, filters.states), views.common.chosen_first(table, filters.states),
                 views.states.lens_text(table, filters.states))


@figure("votes-by-group", "one vote by UN regional group (--resolution)")
def votes_by_group(src: Source, filters: Filters) -> Drawn:
    table = _votes(src, filters)
    return Drawn(votes.votes_by_group(table, resolution(filters), built_date(src), imported_on(src)),
                 views.history.group_table(table))


@figure("vote-roll", "one vote state by state, by UN regional group, those against their group's majority first "
                    "(--resolution)")
def vote_roll(src: Source, filters: Filters) -> Drawn:
    table = src.derive(views.roll_call.roll, q(queries.resolution_votes, symbol=resolution(filters), stage="plenary"))
    if table.empty:
        _votes(src, filters)  # raises, saying why
    sources = [resolution(filters), *provenance.table_sources(table, imported_on(src)), "UN DGACM regional groups"]
    return Drawn(roll_chart.vote_roll(table, resolution(filters), built_date(src), sources), table)


def _both(src: Source, pair: str):
    a, b = defaults.COMPETING_PAIRS[pair]
    both = src.query(queries.competing_votes, symbol_a=a, symbol_b=b)
    if both.empty:
        raise FigureUnavailable(f"no per-state votes are on record for {a} and {b}")
    return a, b, both


@figure("competing-crosstab", "how each state voted on both texts of a competing pair (2018: 73/27 vs 73/266)")
def competing_crosstab(src: Source, filters: Filters, pair: str = defaults.DEFAULT_PAIR) -> Drawn:
    a, b, both = _both(src, pair)
    return Drawn(votes.competing_crosstab(both, a, b, built_date(src), imported_on(src)),
                 votes.crosstab_counts(both).reset_index(names="vote_on_a"))


@figure("camps-map", "map of the camps on a competing pair (2018: 73/27 vs 73/266)")
def camps_map(src: Source, filters: Filters, pair: str = defaults.DEFAULT_PAIR) -> Drawn:
    a, b, both = _both(src, pair)
    return Drawn(votes.camps_map(both, a, b, built_date(src), imported_on(src)), both)
