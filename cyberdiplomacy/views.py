"""Table shaping and labels for the pages (pure pandas), so pages only wire widgets to data."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy.charts import theme
from cyberdiplomacy.filters import FIRST_YEAR, LAST_YEAR, year_span, years_from_range  # noqa: F401 - re-exported for pages
from cyberdiplomacy.queries import TRACKS

TRACK_OPTIONS = list(TRACKS)
VOTE_OPTIONS = list(theme.VOTE_ORDER)
COMPETING_PAIRS = {
    "2018": ("A/RES/73/27", "A/RES/73/266"),
    "2019": ("A/RES/74/29", "A/RES/74/28"),
    "2018–19 criminal track": ("A/RES/73/187", "A/RES/74/247"),
}
PAIR_NOTES = {
    "2018": "Russia's OEWG text vs the US GGE text",
    "2019": "Russia's text vs the US text",
    "2018–19 criminal track": "Russia's 2018 and 2019 drafts on criminal use of ICTs",
}


def track_label(track: str) -> str:
    return theme.TRACK_LABELS.get(track, track)


vote_label = theme.vote_label  # one labelling of votes, in the theme


def pair_label(pair: str) -> str:
    a, b = COMPETING_PAIRS[pair]
    return f"{a} vs {b} ({PAIR_NOTES[pair]})"


def default_resolution(options: list[str]) -> str:
    return "A/RES/73/187" if "A/RES/73/187" in options else options[-1]


ORIGIN_MARKS = {"undl": " · imported votes", "history": " · votes from the bundled history"}


def resolution_labels(recorded: pd.DataFrame) -> dict[str, str]:
    """Picker label per recorded vote, built once per run (a lookup per option scanned the frame each time)."""
    labels = {}
    for row in recorded.itertuples(index=False):
        mark = ORIGIN_MARKS.get(getattr(row, "vote_origin", None), "")
        labels.setdefault(row.resolution_symbol,
                          f"{row.resolution_symbol} · {str(row.vote_date)[:10]}{mark} · {row.title or ''}"[:120])
    return labels



def import_marks_text(history: pd.DataFrame) -> str | None:
    """What in this list came from imports or the history rather than curation; None when nothing did."""
    parts = []
    joined = int((history["text_origin"] == "undl").sum())
    filled = int(history["filled_from_undl"].notna().sum())
    imported_votes = int(history["vote_origins"].fillna("").str.contains("undl").sum())
    history_votes = int(history["vote_origins"].fillna("").str.contains("history").sum())
    if joined:
        parts.append(f"{joined} text(s) joined from UN Digital Library imports (text_origin = undl, single-source)")
    if filled:
        parts.append(f"{filled} curated text(s) completed from an import (filled_from_undl lists the fields)")
    if imported_votes:
        parts.append(f"per-state votes of {imported_votes} text(s) come from an import")
    if history_votes:
        parts.append(f"per-state votes of {history_votes} text(s) come from the bundled history")
    return ("Not curated row by row: " + "; ".join(parts) + ".") if parts else None


def history_table(history: pd.DataFrame) -> pd.DataFrame:
    columns = ["symbol", "adopted_date", "is_undated", "track", "title", "adoption_mode", "plenary_yes_count", "plenary_no_count",
               "plenary_abstain_count", "plenary_state_yes_count", "plenary_state_no_count",
               "plenary_state_abstain_count", "plenary_state_non_voting_count", "draft_symbol", "meeting_record",
               "source", "confidence", "vote_origins", "text_origin", "filled_from_undl", "imported_from"]
    return history[[c for c in columns if c in history.columns]]


def group_table(votes: pd.DataFrame) -> pd.DataFrame:
    table = votes.groupby(["un_regional_group", "vote"]).size().unstack(fill_value=0)
    table = table.reindex(columns=theme.VOTE_ORDER, fill_value=0).rename(columns=theme.VOTE_LABELS)
    return table.reset_index()


def states_by_vote(votes: pd.DataFrame, shown: list[str]) -> pd.DataFrame:
    table = votes[votes["vote"].isin(shown)].copy()
    table["vote"] = table["vote"].map(theme.VOTE_LABELS)
    return table[["state_name", "iso3", "un_regional_group", "vote", "confidence"]]


def row_for(history: pd.DataFrame, symbol: str) -> pd.Series | None:
    rows = history[history["symbol"] == symbol]
    return rows.iloc[0] if len(rows) else None


def _link(symbol) -> str:
    return f"[{symbol}](https://undocs.org/{symbol})"


def document_links(history_row: pd.Series | None) -> str:
    """Markdown list of the documents of one resolution, each linking to the UN record."""
    if history_row is None:
        return "No document on record."
    lines = [f"- Resolution: {_link(history_row['symbol'])}"]
    for label, column in (("Draft", "draft_symbol"), ("Meeting record", "meeting_record")):
        value = history_row.get(column)
        if isinstance(value, str) and value:
            lines.append(f"- {label}: {_link(value)}")
    lines.append(f"- Sources: {history_row['source']} (confidence: {history_row['confidence']})")
    return "\n".join(lines)


DEFAULT_BLOCS = ["EU", "BRICS", "SCO", "CSTO", "NATO", "G77", "NAM", "AU", "Arab League", "OIC"]


def state_namer(states: pd.DataFrame):
    names = dict(zip(states["iso3"], states["name"], strict=True))
    return lambda iso3: f"{names.get(iso3, iso3)} ({iso3})"



MAX_EXPLORER_STATES = 6


def bloc_table(blocs: pd.DataFrame) -> pd.DataFrame:
    columns = ["state_name", "bloc", "joined_date", "left_date", "is_member_now", "as_of_date", "confidence", "notes"]
    return blocs[columns]


BROWSABLE_TABLES = ["resolutions", "votes", "sponsorships", "meetings", "treaty_actions", "states", "bloc_memberships",
                    "state_code_variants"]
CONFIDENCE_LEVELS = ["confirmed", "single-source", "inferred"]
CONFIDENCE_TEXT = (
    "- **confirmed**: seen in a primary source (UN document, UN press release, treaty depositary), or two "
    "independent sources agree.\n"
    "- **single-source**: one source, not a primary record.\n"
    "- **inferred**: derived by reasoning from other facts; the row's notes say how.\n\n"
    "Empty cells are unknown, never zero.")


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


def symbol_from_point(point: dict) -> str | None:
    """The resolution symbol carried in a clicked point's customdata (second field), if any."""
    custom = point.get("customdata") if isinstance(point, dict) else None
    if isinstance(custom, list | tuple) and len(custom) > 1 and isinstance(custom[1], str):
        return custom[1]
    return None


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


def _span(first, last) -> str:
    first, last = int(first), int(last)
    return str(first) if first == last else f"{first}–{last}"


def vote_coverage_text(coverage: pd.DataFrame) -> str:
    """Where per-state votes start and stop, per origin, for a caption on every page."""
    rows = coverage.dropna(subset=["first_year", "last_year"]) if len(coverage) else coverage
    if not len(rows):
        return f"No per-state votes on record; {theme.IMPORT_HINT}."
    parts = [f"{theme.origin_source(r.origin).split(' (')[0]} {_span(r.first_year, r.last_year)}"
             for r in rows.itertuples()]
    text = f"Per-state votes on record: {_span(rows['first_year'].min(), rows['last_year'].max())}"
    text += f" ({'; '.join(parts)})" if len(parts) > 1 else f" ({parts[0]})"
    if "undl" not in set(rows["origin"]):
        text += f"; {theme.IMPORT_HINT}"
    return text + "."


ORIGIN_LABELS = {"curated": "curated (data/)", "history": "bundled history 1946–2019", "undl": "UN Digital Library imports"}


def origin_table(counts: pd.DataFrame) -> pd.DataFrame:
    """Rows per table and origin, one column per origin (0 where an origin gives none: a count, not an unknown)."""
    table = counts.pivot_table(index="table_name", columns="origin", values="row_count", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=list(ORIGIN_LABELS), fill_value=0).rename(columns=ORIGIN_LABELS)
    return table.reset_index().rename(columns={"table_name": "table"})
