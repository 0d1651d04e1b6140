"""Shaping several pages share: chosen states first in a table, and tables in words (column names, vote and role labels)."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import vocabulary


def chosen_first(table: pd.DataFrame, iso3s, column: str = "iso3") -> pd.DataFrame:
    """The rows of the chosen states first (in the order chosen), the rest as they were."""
    if not len(iso3s) or column not in table.columns:
        return table
    rank = {iso3: i for i, iso3 in enumerate(iso3s)}
    order = table[column].map(rank).fillna(len(rank))
    return table.assign(_rank=order).sort_values("_rank", kind="stable").drop(columns="_rank")


COLUMN_LABELS = {
    "iso3": "Code", "state_name": "State", "draft_symbol": "Draft", "resolution_symbol": "Resolution",
    "adopted_date": "Adopted", "track": "Track", "role": "Role", "joined_date": "Joined", "joined_in": "Joined in",
    "left_date": "Left", "is_member_now": "Member now", "as_of_date": "Membership as of", "bloc": "Bloc",
    "bloc_kind": "Kind of bloc", "treaty": "Treaty", "action": "Action", "action_date": "Date", "place": "Place",
    "un_regional_group": "UN regional group", "vote": "Vote", "source": "Source", "confidence": "Confidence",
    "notes": "Notes", "origin": "Origin",
}


ROLE_LABELS = {"original": "printed on the draft", "additional": "joined later"}


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """A table for reading: column labels in words, tracks and roles in words, dates as dates, unknown cells
    empty (never 'None')."""
    out = table.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            out[column] = values.dt.strftime("%Y-%m-%d").fillna("")
        elif values.isna().all() or not (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values)):
            out[column] = values.astype(object).where(values.notna(), "")
        elif pd.api.types.is_integer_dtype(values) and values.isna().any():
            # A count that is unknown (a session's days known only by month): a grid writes 'None' in a number column.
            out[column] = values.map(lambda n: "" if pd.isna(n) else str(n))
    if "track" in out.columns:
        out["track"] = out["track"].map(lambda t: vocabulary.TRACK_LABELS.get(t, t))
    if "role" in out.columns:
        out["role"] = out["role"].map(lambda r: ROLE_LABELS.get(r, r))
    return out.rename(columns={c: COLUMN_LABELS.get(c, c.replace("_", " ").capitalize()) for c in out.columns})
