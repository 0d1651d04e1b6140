"""Shaping for State explorer: the states a visit starts with, what a filter means, bloc tables, and
agreement of chosen pairs year by year (on the ICT resolutions and on every recorded vote, with the votes behind
each year; a year without one is a gap, never a zero)."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from cyberdiplomacy import defaults, metrics, vocabulary

MAX_PAIRS = defaults.MAX_COMPARED_STATES  # six lines are as many as one chart keeps readable


SCOPES = ("cyber", "all")


COLUMNS = ["iso3", "other_iso3", "scope", "year", "shared_vote_count", "agreement_share"]


def pair_key(iso3: str, other_iso3: str) -> str:
    return f"{iso3}-{other_iso3}"


def parse_pair(key: str) -> tuple[str, str]:
    iso3, _, other = key.partition("-")
    return iso3, other


def pair_options(states) -> list[str]:
    """Every pair of the chosen states, in the order chosen."""
    return [pair_key(a, b) for a, b in combinations(states, 2)]


def pair_namer(states: pd.DataFrame):
    """A pair's key as words for a picker: 'India – United States of America'."""
    names = dict(zip(states["iso3"], states["name"], strict=True))
    return lambda key: " – ".join(names.get(iso3, iso3) for iso3 in parse_pair(key))


def default_pairs(states) -> list[str]:
    """The first state with each of the others: 'India with the United States and with Russia'."""
    return [pair_key(states[0], other) for other in states[1:MAX_PAIRS + 1]]


def _year_agreement(rows: pd.DataFrame, method: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    matrix = metrics.vote_matrix(rows)
    return metrics.agreement(matrix, method), metrics.shared_votes(matrix)


def agreement_by_year(rows: pd.DataFrame, pairs: tuple[tuple[str, str], ...], method: str,
                      cyber_years: tuple[int, int], all_years: tuple[int, int]) -> pd.DataFrame:
    """One row per pair, scope ('cyber', 'all') and year from that scope's first to its last; rows are those of
    queries.pair_votes. shared_vote_count: the votes both cast (Yes, No or Abstain); agreement_share NaN without one
    (or, for yes_no_only, without a vote on which both voted Yes or No)."""
    records = []
    for scope in SCOPES:
        part = rows if scope == "all" else rows[rows["is_cyber"].astype(bool)]
        by_year = dict(tuple(part.groupby("vote_year")))
        first, last = cyber_years if scope == "cyber" else all_years
        for year in range(first, last + 1):
            share, shared = _year_agreement(by_year[year], method) if year in by_year else (None, None)
            for a, b in pairs:
                known = shared is not None and a in shared.index and b in shared.index
                count = int(shared.at[a, b]) if known else 0
                value = float(share.at[a, b]) if count else np.nan
                records.append((a, b, scope, year, count, value))
    return pd.DataFrame.from_records(records, columns=COLUMNS)


def with_names(table: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    return table.assign(state_name=table["iso3"].map(names).fillna(table["iso3"]),
                        other_state_name=table["other_iso3"].map(names).fillna(table["other_iso3"]))


def pair_label(row) -> str:
    return f"{row['state_name']} – {row['other_state_name']}"


def headline(table: pd.DataFrame) -> str:
    """The finding on all recorded votes: one pair's move from its first to its last year with shared votes, or
    which of several pairs agreed most and least in the last such year (ties said as ties)."""
    drawn = table[(table["scope"] == "all") & table["agreement_share"].notna()]
    if drawn.empty:
        return "No recorded vote that both states of a pair cast in these years"
    last_year = int(drawn["year"].max())
    last = drawn[drawn["year"] == last_year]
    if table[["iso3", "other_iso3"]].drop_duplicates().shape[0] == 1:
        start, end = drawn.iloc[0], drawn.iloc[-1]
        moved = "" if start["year"] == end["year"] else f", against {start['agreement_share']:.0%} in {start['year']}"
        return (f"{pair_label(end)}: {end['agreement_share']:.0%} agreement on all recorded votes in {last_year} "
                f"({end['shared_vote_count']} shared){moved}")
    top, low = last["agreement_share"].max(), last["agreement_share"].min()
    if len(last) == 1 or top == low:
        listed = " and ".join(pair_label(r) for _, r in last.iterrows())
        return f"In {last_year}, on all recorded votes: {listed} {'each ' if len(last) > 1 else ''}agreed {top:.0%}"
    most = " and ".join(pair_label(r) for _, r in last[last["agreement_share"] == top].iterrows())
    least = " and ".join(pair_label(r) for _, r in last[last["agreement_share"] == low].iterrows())
    return f"In {last_year}, on all recorded votes, {most} agreed most ({top:.0%}), {least} least ({low:.0%})"


def bloc_table(blocs: pd.DataFrame) -> pd.DataFrame:
    columns = ["state_name", "bloc", "joined_date", "left_date", "is_member_now", "as_of_date", "confidence", "notes"]
    return blocs[columns]


MAX_EXPLORER_STATES = defaults.MAX_COMPARED_STATES


@dataclass(frozen=True)
class ExplorerStart:
    states: tuple[str, ...]
    is_default: bool
    message: str = ""


def explorer_start(url_states: tuple[str, ...], known: set[str]) -> ExplorerStart:
    """The states the explorer opens on: the URL's (at most six, saying so when more were asked for),
    else the default pair, saying so and how to change it."""
    if url_states:
        kept = tuple(url_states[:MAX_EXPLORER_STATES])
        message = ""
        if len(url_states) > MAX_EXPLORER_STATES:
            message = (f"The explorer compares up to {MAX_EXPLORER_STATES} states side by side: showing the first "
                       f"{MAX_EXPLORER_STATES} of the {len(url_states)} in the link ({', '.join(kept)}); left out: "
                       f"{', '.join(url_states[MAX_EXPLORER_STATES:])}.")
        return ExplorerStart(kept, False, message)
    pair = tuple(s for s in defaults.DEFAULT_STATE_PAIR if s in known)
    return ExplorerStart(pair, True, "Showing the Russian Federation and the United States, the two poles of both "
                         "tracks, as an example. Pick other states in the box above (up to six), or open a link "
                         "such as ?state=BRA,IND.")


def explorer_url_states(chosen: list[str], start: ExplorerStart) -> tuple[str, ...]:
    """States to keep in the URL: an untouched default pair is an example, not a filter for other pages."""
    if start.is_default and tuple(chosen) == start.states:
        return ()
    return tuple(chosen)


def lens_text(votes: pd.DataFrame, iso3s) -> str:
    """How the chosen states voted, for a caption next to a vote map ('' without a state filter)."""
    if not len(iso3s):
        return ""
    rows = votes.set_index("iso3")
    parts = []
    for iso3 in iso3s:
        if iso3 in rows.index:
            row = rows.loc[iso3]
            parts.append(f"{row['state_name']} ({iso3}): {vocabulary.vote_label(row['vote'])}")
        else:
            parts.append(f"{iso3}: no vote on record (not a member then, or no record)")
    return "Your states, outlined on the map and listed first: " + "; ".join(parts) + "."


def rows_for_states(table: pd.DataFrame, iso3s) -> tuple[pd.DataFrame, str]:
    """A table narrowed to the chosen states where it is per state; the note says what was done."""
    if not len(iso3s):
        return table, ""
    codes = ", ".join(iso3s)
    if "iso3" not in table.columns:
        return table, f"This table is not per state, so the state filter ({codes}) does not narrow it."
    return (table[table["iso3"].isin(list(iso3s))],
            f"Only the rows of {codes} (the state filter from the link); remove ?state= to see every state.")
