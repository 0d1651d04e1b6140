"""Tables for the pages: the columns a reader needs, counts per group, filters over rows (pure pandas)."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import vocabulary
from cyberdiplomacy.labels import ORIGIN_LABELS
from cyberdiplomacy.state_views import chosen_first


def history_table(history: pd.DataFrame) -> pd.DataFrame:
    columns = ["symbol", "adopted_date", "is_undated", "track", "title", "adoption_mode", "plenary_yes_count", "plenary_no_count",
               "plenary_abstain_count", "plenary_state_yes_count", "plenary_state_no_count",
               "plenary_state_abstain_count", "plenary_state_non_voting_count", "draft_symbol", "meeting_record",
               "source", "confidence", "vote_origins", "text_origin", "filled_from_undl", "imported_from"]
    return history[[c for c in columns if c in history.columns]]


def group_table(votes: pd.DataFrame) -> pd.DataFrame:
    table = votes.groupby(["un_regional_group", "vote"]).size().unstack(fill_value=0)
    table = table.reindex(columns=vocabulary.VOTE_ORDER, fill_value=0).rename(columns=vocabulary.VOTE_LABELS)
    return table.reset_index()


def roll_table(roll: pd.DataFrame, shown: list[str], groups: list[str], chosen=()) -> pd.DataFrame:
    """The states of a roll (roll_call.roll) that cast the votes shown, of the groups chosen (all when none), in the
    roll's order with the chosen states first."""
    table = roll[roll["vote"].isin(shown) & (roll["un_regional_group"].isin(groups) if groups else True)].copy()
    table["vote"] = table["vote"].map(vocabulary.VOTE_LABELS)
    columns = ["state_name", "iso3", "un_regional_group", "vote", "is_against_group_majority", "confidence"]
    return chosen_first(table[columns], chosen)


def row_for(history: pd.DataFrame, symbol: str) -> pd.Series | None:
    rows = history[history["symbol"] == symbol]
    return rows.iloc[0] if len(rows) else None


def bloc_table(blocs: pd.DataFrame) -> pd.DataFrame:
    columns = ["state_name", "bloc", "joined_date", "left_date", "is_member_now", "as_of_date", "confidence", "notes"]
    return blocs[columns]


BROWSABLE_TABLES = ["resolutions", "votes", "sponsorships", "meetings", "treaty_actions", "states", "blocs",
                    "bloc_memberships", "state_code_variants"]


CONFIDENCE_LEVELS = ["confirmed", "single-source", "inferred"]


def filter_rows(table: pd.DataFrame, text: str, confidence: list[str]) -> pd.DataFrame:
    """Rows whose confidence is chosen and where any cell contains the text (case-insensitive, literal)."""
    rows = table[table["confidence"].isin(confidence)] if "confidence" in table.columns else table
    if text:
        needle = text.strip().lower()
        hit = rows.astype(str).apply(lambda col: col.str.lower().str.contains(needle, regex=False)).any(axis=1)
        rows = rows[hit]
    return rows


def source_table(sources: pd.DataFrame) -> pd.DataFrame:
    return sources[["source_ref", "link_url", "table_name", "row_count", "confirmed_count", "single_source_count",
                    "inferred_count"]]


def data_quality(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per table: rows, cells known and unknown (empty), and how the rows' confidence splits."""
    records = []
    for name, table in tables.items():
        cells = table.drop(columns=[c for c in ("notes",) if c in table.columns])
        known = int(cells.notna().sum().sum())
        confidence = table["confidence"].value_counts() if "confidence" in table.columns else pd.Series(dtype=int)
        records.append({
            "table_name": name, "row_count": len(table), "known_cell_count": known,
            "unknown_cell_count": int(cells.size - known),
            "known_cell_share": round(known / cells.size, 3) if cells.size else None,
            **{f"{level}_row_count": int(confidence.get(level, 0)) for level in CONFIDENCE_LEVELS},
        })
    return pd.DataFrame.from_records(records)


def texts_by_sponsor_count(matrix: pd.DataFrame) -> list[str]:
    """Resolutions of the sponsorship rows, the most sponsored first (the most telling default)."""
    return list(matrix.groupby("resolution_symbol")["iso3"].nunique().sort_values(ascending=False, kind="stable").index)


def origin_table(counts: pd.DataFrame) -> pd.DataFrame:
    """Rows per table and origin, one column per origin (0 where an origin gives none: a count, not an unknown)."""
    table = counts.pivot_table(index="table_name", columns="origin", values="row_count", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=list(ORIGIN_LABELS), fill_value=0).rename(columns=ORIGIN_LABELS)
    return table.reset_index().rename(columns={"table_name": "table"})

