"""Voting partners a pack can name: ranked only among states that shared enough of the state's votes to mean
something, ties said as ties, and the part of the partner table a PDF prints.

Benin at 100% over 10 shared votes is not a closer partner than the Bahamas at 97% over all 17: a state must share
at least MIN_SHARED_VOTES of the state's votes and at least MIN_SHARED_SHARE of those it cast."""
from __future__ import annotations

import math

import pandas as pd

MIN_SHARED_VOTES = 8
MIN_SHARED_SHARE = 0.75
PRINTED_EACH_END = 10  # closest and farthest partners printed in the PDF; the workbook has all
COMPARED_EACH_END = 5  # per state in a comparison pack: four states' 20 each filled two pages


def minimum(cast_count: int) -> int:
    """Shared votes a state needs to be ranked as a partner of a state that cast `cast_count` votes."""
    return max(MIN_SHARED_VOTES, math.ceil(MIN_SHARED_SHARE * cast_count))


def rule_text(name: str, cast_count: int) -> str:
    return (f"ranked only among states sharing at least {minimum(cast_count)} of the {cast_count} votes {name} cast "
            f"(three quarters, and never fewer than {MIN_SHARED_VOTES})")


def rank(agreement: pd.DataFrame, cast_count: int) -> dict:
    """Closest and farthest partners among the eligible states, every tied state kept; {} when none is eligible."""
    if agreement.empty:
        return {}
    least = minimum(cast_count)
    eligible = agreement[agreement["shared_vote_count"] >= least].copy()
    if eligible.empty:
        return {}
    eligible["share"] = eligible["agreement_share"].round(6)
    eligible = eligible.sort_values(["share", "shared_vote_count", "other_state_name"], ascending=[False, False, True],
                                    ignore_index=True)
    top, bottom = eligible["share"].max(), eligible["share"].min()
    order = ["shared_vote_count", "other_state_name"]
    closest = eligible[eligible["share"] == top].sort_values(order, ascending=[False, True])
    farthest = eligible[eligible["share"] == bottom].sort_values(order, ascending=[False, True])
    return {"threshold": least, "cast": cast_count, "eligible": len(eligible), "ranked": eligible,
            "closest": closest, "closest_share": float(top), "farthest": farthest, "farthest_share": float(bottom)}


def _pct(value: float) -> str:
    return f"{value:.0%}"


def _names(rows: pd.DataFrame, limit: int) -> str:
    names = list(rows["other_state_name"])
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def phrase(rows: pd.DataFrame, share: float, limit: int = 5) -> str:
    """'the Bahamas (97% over 17 shared votes, the same vote on 16)' or '3 states tie at 100% (...)'."""
    counts = rows["shared_vote_count"].astype(int)
    if len(rows) == 1:
        r = rows.iloc[0]
        return (f"{r['other_state_name']} ({_pct(share)} over {int(r['shared_vote_count'])} shared votes, the same "
                f"vote on {int(r['same_vote_count'])})")
    each = (f"{counts.iloc[0]} shared votes each" if counts.nunique() == 1 else
            f"on {counts.min()} to {counts.max()} shared votes")
    return f"{len(rows)} states tie at {_pct(share)} ({each}): {_names(rows, limit)}"


KEY_FIGURE_NAMES = 3  # more tied partners are counted, not named, in a panel (the summary beside it names five)


def key_figure(rows: pd.DataFrame, share: float) -> str:
    """A panel value naming the partner, or the tied partners: 'Bahamas, 97% over 17 votes'."""
    counts = rows["shared_vote_count"].astype(int)
    over = f"{counts.iloc[0]}" if counts.nunique() == 1 else f"{counts.min()}–{counts.max()}"
    if len(rows) == 1:
        return f"{rows['other_state_name'].iloc[0]}, {_pct(share)} over {over} votes"
    if len(rows) > KEY_FIGURE_NAMES:
        return f"{len(rows)} tie at {_pct(share)} over {over} votes"
    return f"{len(rows)} tie at {_pct(share)} over {over} votes: {_names(rows, KEY_FIGURE_NAMES)}"


def printed(p: dict, each: int = PRINTED_EACH_END) -> tuple[pd.DataFrame, str] | None:
    """The rows a PDF prints of one state's ranked partners (`each` closest and farthest), and what they are; None
    when all fit."""
    ranked = p.get("ranked")
    if ranked is None or len(ranked) <= 2 * each:
        return None
    ends = pd.concat([ranked.head(each), ranked.tail(each)])
    return ends, (f"the {each} closest and {each} farthest of the {p['eligible']} states "
                  f"sharing at least {p['threshold']} of {p['cast']} votes cast (ties ordered by shared votes)")
