"""Regenerate the bundled GA voting history (data/history/*.parquet) from Voeten's dataset in the UN
Digital Library CSV layout: python scripts/make_history.py FILE.csv[.gz]

The history is a faithful copy: one vote row per state that voted (Y, N, A), per-vote details as given.
Non-voting members have no row; the warehouse marks them as not voting, flagged as inferred.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = ROOT / "etl" / "sql"
OUT_DIR = ROOT / "data" / "history"
SOURCE = "https://doi.org/10.7910/DVN/LEJUQZ"
OUTPUTS = {"staging/bundled/history_votes_from_undl_layout.sql": "ga_votes_1946_2019.parquet",
           "staging/bundled/history_resolutions_from_undl_layout.sql": "ga_resolutions_1946_2019.parquet"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="Voeten's UNGA votes in the UN Digital Library layout (.csv or .csv.gz)")
    args = parser.parse_args()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    for sql_file, out_name in OUTPUTS.items():
        select = (SQL_DIR / sql_file).read_text(encoding="utf-8")
        # The SELECT is the project's own file; path and source are bound values.
        con.execute(f"COPY ({select}) TO $out (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 19)",
                    {"path": str(args.file), "source": SOURCE, "out": str(OUT_DIR / out_name)})
        rows = con.execute("SELECT count(*) FROM read_parquet($p)", {"p": str(OUT_DIR / out_name)}).fetchone()[0]
        print(f"wrote data/history/{out_name}: {rows:,} rows, {(OUT_DIR / out_name).stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
