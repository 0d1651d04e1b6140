"""Words for the pages: option labels, picker labels, captions and document links (pure, no Streamlit)."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import defaults
from cyberdiplomacy.charts import theme
from cyberdiplomacy.queries import TRACKS

TRACK_OPTIONS = list(TRACKS)


VOTE_OPTIONS = list(theme.VOTE_ORDER)


def track_label(track: str) -> str:
    return theme.TRACK_LABELS.get(track, track)


def pair_label(pair: str) -> str:
    a, b = defaults.COMPETING_PAIRS[pair]
    return f"{a} vs {b} ({defaults.PAIR_NOTES[pair]})"


def default_resolution(options: list[str]) -> str:
    return defaults.DEFAULT_RESOLUTION if defaults.DEFAULT_RESOLUTION in options else options[-1]


def no_recorded_vote_text(asked: str, shown: str) -> str:
    """Why the vote picker does not open on the text a link asked for."""
    return (f"{asked} has no per-state votes on record (adopted without a vote, or its votes are not on record), so "
            f"this section shows {shown}; its story is in the chart and table above.")


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


def state_namer(states: pd.DataFrame):
    names = dict(zip(states["iso3"], states["name"], strict=True))
    return lambda iso3: f"{names.get(iso3, iso3)} ({iso3})"


CONFIDENCE_TEXT = (
    "- **confirmed**: seen in a primary source (UN document, UN press release, treaty depositary), or two "
    "independent sources agree.\n"
    "- **single-source**: one source, not a primary record.\n"
    "- **inferred**: derived by reasoning from other facts; the row's notes say how.\n\n"
    "Empty cells are unknown, never zero.")


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

