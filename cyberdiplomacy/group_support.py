"""Where a text's support was strongest and weakest, one reading for the page, its figure and the pack: the share
of each regional group's members on the vote date that voted yes. Members that abstained or did not vote count in
the denominator: they did not support the text, and the pack's sentence states each group as 'N yes ... of M'."""
from __future__ import annotations

import pandas as pd

COUNT_COLUMNS = ["yes_count", "no_count", "abstain_count", "non_voting_count"]


def yes_shares(counts: pd.DataFrame, order: list[str]) -> pd.Series:
    """Share voting yes per group (index), in `order` so ties resolve alike everywhere (first in order wins);
    groups without members are left out."""
    table = counts.reindex([g for g in order if g in counts.index])
    members = table[COUNT_COLUMNS].sum(axis=1)
    return (table["yes_count"] / members.where(members > 0)).dropna()


def strongest_and_weakest(shares: pd.Series) -> tuple[str, str] | None:
    if shares.empty:
        return None
    return str(shares.idxmax()), str(shares.idxmin())
