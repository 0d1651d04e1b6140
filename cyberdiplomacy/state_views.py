"""Shaping for the State explorer and the state lens on other pages (pure pandas, no Streamlit)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cyberdiplomacy import defaults, vocabulary

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


def chosen_first(table: pd.DataFrame, iso3s, column: str = "iso3") -> pd.DataFrame:
    """The rows of the chosen states first (in the order chosen), the rest as they were."""
    if not len(iso3s) or column not in table.columns:
        return table
    rank = {iso3: i for i, iso3 in enumerate(iso3s)}
    order = table[column].map(rank).fillna(len(rank))
    return table.assign(_rank=order).sort_values("_rank", kind="stable").drop(columns="_rank")


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
