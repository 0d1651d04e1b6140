"""Command line: python -m etl build | check | import-undl FILE [FILE ...]."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl.schema import SchemaError, load_catalog
from etl.validate import ValidationFailed, validate

ROOT = Path(__file__).resolve().parent.parent


MAX_PRINTED = 50


def _report(exc: ValidationFailed, what: str) -> int:
    for issue in exc.issues[:MAX_PRINTED]:
        print(f"error: {issue}", file=sys.stderr)
    if len(exc.issues) > MAX_PRINTED:
        print(f"… and {len(exc.issues) - MAX_PRINTED} more", file=sys.stderr)
    print(f"{len(exc.issues)} problem(s); {what}; the previous warehouse is unchanged.", file=sys.stderr)
    return 1


def _build(args, data) -> int:
    from cyberdiplomacy.db import warehouse_path
    from etl.build import write_warehouse

    target = args.db or warehouse_path()
    write_warehouse(load_catalog(args.data_dir), data, target, args.data_dir)
    print(f"built {target} ({', '.join(f'{name} {len(rows)}' for name, rows in data.items())})")
    return 0


def _import(args, data) -> int:
    import duckdb

    from cyberdiplomacy.db import warehouse_path
    from etl import undl

    written = []
    try:
        for path in args.files:
            result = undl.import_file(Path(path))
            written += [result.parquet_path, result.parquet_path.parent.parent / "undl_vote_records" /
                        result.parquet_path.name]
            print(f"checked {path}: {result.row_count:,} {result.kind} rows, {result.resolution_count:,} "
                  f"resolutions in {result.seconds:.1f} s")
        _build(args, data)
    except undl.ImportRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("nothing was imported; the previous warehouse is unchanged.", file=sys.stderr)
        return 1
    except ValidationFailed as exc:
        return _report(exc, "nothing was imported")
    except BaseException:
        for parquet in written:  # a build that fails must not leave the import behind
            parquet.unlink(missing_ok=True)
        raise
    con = duckdb.connect(str(args.db or warehouse_path()), read_only=True)
    disagreements = con.execute("SELECT resolution_symbol, iso3, curated_vote, imported_vote, import_file "
                                "FROM undl_disagreements").fetchall()
    con.close()
    print(f"{len(disagreements)} imported vote(s) disagree with curated votes (curated kept):")
    for symbol, iso3, curated, imported, file_name in disagreements[:20]:
        print(f"  {file_name}: {symbol} {iso3}: curated {curated}, imported {imported}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    parser.add_argument("command", choices=["build", "check", "import-undl"],
                        help="check: validate data/ only; build: validate, then write the warehouse; "
                             "import-undl: check UN Digital Library CSVs, keep them in imports/, rebuild")
    parser.add_argument("files", nargs="*", help="for import-undl: the CSV file(s), .csv or .csv.gz")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "data", help="folder of curated CSVs (default: data/)")
    parser.add_argument("--db", type=Path, default=None,
                        help="warehouse file (default: $CYBERDIPLOMACY_DB or build/cyberdiplomacy.duckdb)")
    args = parser.parse_args(argv)
    if args.command == "import-undl" and not args.files:
        parser.error("import-undl needs at least one file")
    try:
        data = validate(load_catalog(args.data_dir), args.data_dir)
    except SchemaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ValidationFailed as exc:
        return _report(exc, "nothing was built")
    if args.command == "check":
        print(f"data/ is valid: {', '.join(f'{name} {len(rows)}' for name, rows in data.items())}")
        return 0
    try:
        return _build(args, data) if args.command == "build" else _import(args, data)
    except ValidationFailed as exc:
        return _report(exc, "nothing was built")


if __name__ == "__main__":
    sys.exit(main())
