"""Shaping for Data & sources: browsable tables, row filters, data quality, the origins and coverage
of the per-state votes, and their notes."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import provenance

CONFIDENCE_TEXT = (
    "- **confirmed**: a UN document (symbol, UN page, the UN's machine-readable resolutions) or the body's own "
    "official page gives it, or two independent reputable sources agree.\n"
    "- **single-source**: press reports, a secondary dataset or an encyclopedia: no UN document or official page.\n"
    "- **inferred**: derived by reasoning from other facts; the row's notes say how.\n\n"
    "Empty cells are unknown, never zero.")


def _span(first, last) -> str:
    first, last = int(first), int(last)
    return str(first) if first == last else f"{first}–{last}"


SHORT_ORIGIN_NAMES = {"unxml": "UN machine-readable resolutions"}  # the others: their source name's first part


def vote_coverage_text(coverage: pd.DataFrame) -> str:
    """Where per-state votes start and stop, per origin, for a caption on every page."""
    rows = coverage.dropna(subset=["first_year", "last_year"]) if len(coverage) else coverage
    if not len(rows):
        return f"No per-state votes on record; {provenance.IMPORT_HINT}."
    parts = [f"{SHORT_ORIGIN_NAMES.get(r.origin) or provenance.origin_source(r.origin).split(' (')[0]} "
             f"{_span(r.first_year, r.last_year)}" for r in rows.itertuples()]
    text = f"Per-state votes on record: {_span(rows['first_year'].min(), rows['last_year'].max())}"
    text += f" ({'; '.join(parts)})" if len(parts) > 1 else f" ({parts[0]})"
    if not {"undl", "unxml"} & set(rows["origin"]):
        text += f"; {provenance.IMPORT_HINT}"
    return text + "."


ORIGIN_LABELS = {"curated": "curated (data/)", "undl": "UN Digital Library imports",
                 "unxml": "UN machine-readable resolutions 2019–2026", "history": "Voeten history 1946–2019"}


# Data & sources: which origin each resolution's votes come from, and where the record has holes.
ORIGINS_NOTE = ("Each resolution's per-state votes come from one origin, the first holding it: curated rows, then "
                "imports, then the UN's machine-readable resolutions (sessions 74–80), then Voeten's history "
                "(1946–2019). The UN's lists name only states that voted, as Voeten's do: on the record's texts a "
                "member on the vote date without a row is shown as not voting (inferred).")


COVERAGE_NOTE = ("Recorded plenary votes per session: held by each bundled origin, and kept in the record. Voeten's "
                 "history has no vote after December for sessions 67, 70, 72 and 73 (the resumed sessions: e.g. "
                 "73/295 on the Chagos Archipelago, May 2019), and no origin here fills them; sessions 75–80 are "
                 "the UN's own lists, a few votes without names (75/254 A-C).")


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


def origin_table(counts: pd.DataFrame) -> pd.DataFrame:
    """Rows per table and origin, one column per origin (0 where an origin gives none: a count, not an unknown)."""
    table = counts.pivot_table(index="table_name", columns="origin", values="row_count", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=list(ORIGIN_LABELS), fill_value=0).rename(columns=ORIGIN_LABELS)
    return table.reset_index().rename(columns={"table_name": "table"})
