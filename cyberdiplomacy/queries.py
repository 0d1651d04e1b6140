"""Named queries: one .sql file each, run with bound parameters, returning DataFrames."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from cyberdiplomacy.vocabulary import TRACKS

SQL_DIR = Path(__file__).parent / "sql"
TABLES = ("states", "resolutions", "votes", "sponsorships", "meetings", "blocs", "bloc_memberships", "treaty_actions",
          "state_code_variants", "sources",
          "datasets")


@cache
def sql_text(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run sql/<name>.sql on a fresh cursor: a DuckDB connection is not safe to share between threads."""
    cursor = con.cursor()
    try:
        return cursor.execute(sql_text(name), params or None).df()
    finally:
        cursor.close()


def build_info(con) -> pd.DataFrame:
    return run(con, "build_info")


def headline_counts(con) -> pd.DataFrame:
    return run(con, "headline_counts")


ANY_YEAR = (0, 9999)  # a query's default: not narrowed by year (the data's own range is in year_bounds)


def resolution_history(con, tracks=TRACKS, from_year: int = ANY_YEAR[0], to_year: int = ANY_YEAR[1]) -> pd.DataFrame:
    return run(con, "resolution_history", tracks=list(tracks), from_year=from_year, to_year=to_year)


def recorded_votes(con) -> pd.DataFrame:
    return run(con, "recorded_votes")


def resolution_votes(con, symbol: str, stage: str = "plenary") -> pd.DataFrame:
    return run(con, "resolution_votes", symbol=symbol, stage=stage)


def resolution_sponsors(con, symbol: str) -> pd.DataFrame:
    return run(con, "resolution_sponsors", symbol=symbol)


def competing_votes(con, symbol_a: str, symbol_b: str) -> pd.DataFrame:
    return run(con, "competing_votes", symbol_a=symbol_a, symbol_b=symbol_b)


def states(con) -> pd.DataFrame:
    return run(con, "states")


def meeting_timeline(con, tracks=TRACKS, bodies=(), from_year: int = ANY_YEAR[0], to_year: int = ANY_YEAR[1]) -> pd.DataFrame:
    return run(con, "meeting_timeline", tracks=list(tracks), bodies=list(bodies), from_year=from_year,
               to_year=to_year)


def table(con, name: str) -> pd.DataFrame:
    """A whole contract table; the name is checked against the list, never put into SQL."""
    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}")
    return run(con, f"table_{name}")


def state_votes(con, iso3s) -> pd.DataFrame:
    return run(con, "state_votes", iso3s=list(iso3s))


def state_sponsorships(con, iso3s) -> pd.DataFrame:
    return run(con, "state_sponsorships", iso3s=list(iso3s))


def state_blocs(con, iso3s) -> pd.DataFrame:
    return run(con, "state_blocs", iso3s=list(iso3s))


def sponsorship_matrix(con, iso3s=()) -> pd.DataFrame:
    return run(con, "sponsorship_matrix", iso3s=list(iso3s))


def sponsor_bloc_composition(con) -> pd.DataFrame:
    return run(con, "sponsor_bloc_composition")


def blocs(con) -> pd.DataFrame:
    return run(con, "blocs")


def treaty_status(con) -> pd.DataFrame:
    return run(con, "treaty_status")


def state_treaty_actions(con, iso3s) -> pd.DataFrame:
    return run(con, "state_treaty_actions", iso3s=list(iso3s))


def contract_columns(con) -> pd.DataFrame:
    return run(con, "contract_columns")


def vote_rows(con, scope: str = "cyber", from_year: int = ANY_YEAR[0], to_year: int = ANY_YEAR[1]) -> pd.DataFrame:
    return run(con, "vote_rows", scope=scope, from_year=from_year, to_year=to_year)


def pair_votes(con, iso3s, from_year: int = ANY_YEAR[0], to_year: int = ANY_YEAR[1]) -> pd.DataFrame:
    return run(con, "pair_votes", iso3s=list(iso3s), from_year=from_year, to_year=to_year)


def bloc_member_votes(con, blocs, scope: str = "cyber", from_year: int = ANY_YEAR[0], to_year: int = ANY_YEAR[1]) -> pd.DataFrame:
    return run(con, "bloc_member_votes", blocs=list(blocs), scope=scope, from_year=from_year, to_year=to_year)


def import_status(con) -> pd.DataFrame:
    return run(con, "import_status")


def track_years(con) -> pd.DataFrame:
    return run(con, "track_years")


def year_bounds(con) -> pd.DataFrame:
    return run(con, "year_bounds")


def vote_years(con) -> pd.DataFrame:
    return run(con, "vote_years")


def vote_coverage(con) -> pd.DataFrame:
    return run(con, "vote_coverage")


def origin_counts(con) -> pd.DataFrame:
    return run(con, "origin_counts")


def vote_disagreements(con) -> pd.DataFrame:
    return run(con, "vote_disagreements")


def text_disagreements(con) -> pd.DataFrame:
    return run(con, "text_disagreements")


def vote_coverage_by_session(con) -> pd.DataFrame:
    return run(con, "vote_coverage_by_session")


def briefing_group_votes(con) -> pd.DataFrame:
    return run(con, "briefing_group_votes")


def briefing_references(con, refs) -> pd.DataFrame:
    return run(con, "briefing_references", refs=list(refs))


def state_labels(con) -> pd.DataFrame:
    return run(con, "state_labels")


def sponsor_vote_flows(con, sponsored: str, voted: str) -> pd.DataFrame:
    return run(con, "sponsor_vote_flows", sponsored=sponsored, voted=voted)


def text_list(con) -> pd.DataFrame:
    return run(con, "text_list")


def text_paragraphs(con, symbol: str) -> pd.DataFrame:
    return run(con, "text_paragraphs", symbol=symbol)


def text_citations_of(con, symbol: str) -> pd.DataFrame:
    return run(con, "text_citations_of", symbol=symbol)


def text_lineage(con) -> pd.DataFrame:
    return run(con, "text_lineage")


def text_search(con, term: str, tracks=TRACKS) -> pd.DataFrame:
    return run(con, "text_search", term=term, tracks=list(tracks))
