"""Text for numbers that may be unknown: an unknown count is shown as '?', never as 0."""
from __future__ import annotations

import pandas as pd


def count_text(value) -> str:
    return "?" if value is None or pd.isna(value) else str(int(value))


def tally(yes, no, abstain) -> str:
    """Yes–no–abstain, e.g. '94–59–33', or '129–?–?' when only the yes count was announced."""
    return "–".join(count_text(v) for v in (yes, no, abstain))


def announced_tally(row) -> str | None:
    """The announced plenary tally, or None when no part of it is known."""
    counts = [row.get(f"plenary_{w}_count") for w in ("yes", "no", "abstain")]
    if all(c is None or pd.isna(c) for c in counts):
        return None
    return tally(*counts)
