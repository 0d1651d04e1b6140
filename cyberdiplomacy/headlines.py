"""Headline facts for the overview, derived from the history table (pure)."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import formatting

KEY_TEXTS = ("A/RES/73/187", "A/RES/74/247", "A/RES/79/243")


def tally_text(row: pd.Series) -> str:
    """Announced plenary totals if known, else the per-state rows, else how it was adopted."""
    if row.get("adoption_mode") == "without_vote":
        return "without a vote"
    announced = formatting.announced_tally(row)
    if announced:
        return announced
    if row.get("has_state_votes"):
        return formatting.tally(row["plenary_state_yes_count"], row["plenary_state_no_count"],
                                row["plenary_state_abstain_count"]) + " (per-state record)"
    return "unknown"


def key_text_rows(history: pd.DataFrame) -> pd.DataFrame:
    """The three texts of the treaty story, in order, with their tally text; missing ones are left out."""
    rows = history[history["symbol"].isin(KEY_TEXTS)].copy()
    rows["tally"] = rows.apply(tally_text, axis=1)
    rows["order"] = rows["symbol"].map({s: i for i, s in enumerate(KEY_TEXTS)})
    return rows.sort_values("order")[["symbol", "title", "adopted_date", "tally", "adoption_mode", "document_url"]]
