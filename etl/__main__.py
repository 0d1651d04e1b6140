"""Command line: python -m etl build | check | import-undl FILE [FILE ...] | imports [remove NAME] | package OUT.zip."""
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


def _print_disagreements(target: Path) -> None:
    import duckdb

    con = duckdb.connect(str(target), read_only=True)
    disagreements = con.execute(
        (ROOT / "etl" / "sql" / "public/reports/undl_disagreements.sql").read_text(encoding="utf-8")).fetchall()
    con.close()
    print(f"{len(disagreements)} imported vote(s) disagree with curated votes (curated kept):")
    for symbol, iso3, curated, imported, file_name in disagreements[:20]:
        print(f"  {file_name}: {symbol} {iso3}: curated {curated}, imported {imported}")


def _import(args, data) -> int:
    from cyberdiplomacy.db import warehouse_path
    from etl import imports, undl

    target = args.db or warehouse_path()
    try:
        done = imports.add([Path(p) for p in args.files], load_catalog(args.data_dir), data, target, args.data_dir)
    except undl.ImportRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("nothing was imported; the previous warehouse is unchanged.", file=sys.stderr)
        return 1
    except ValidationFailed as exc:
        return _report(exc, "nothing was imported")
    for item in done:
        print(f"imported {item.file_name}: {item.row_count:,} {item.kind} rows, {item.resolution_count:,} resolutions"
              + (" (replaces the earlier import of that name)" if item.replaced else ""))
    print(f"rebuilt {target}")
    _print_disagreements(target)
    return 0


def _imports(args, data) -> int:
    """python -m etl imports [remove NAME]"""
    from cyberdiplomacy.db import warehouse_path
    from etl import imports

    if not args.files:
        rows = imports.kept()
        if not rows:
            print("no UN Digital Library files imported (python -m etl import-undl FILE)")
        for row in rows:
            print(f"{row['file_name']}\t{row['kind']}\t{row['row_count']:,} rows\t{row['resolution_count']:,} "
                  f"resolutions\t{row['first_date']}–{row['last_date']}\timported {str(row['imported_at'])[:16]}")
        return 0
    if args.files[0] != "remove" or len(args.files) != 2:
        print("error: usage: python -m etl imports [remove NAME]", file=sys.stderr)
        return 2
    target = args.db or warehouse_path()
    try:
        removed = imports.remove(args.files[1], load_catalog(args.data_dir), data, target, args.data_dir)
    except imports.UnknownImport as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"removed {args.files[1]} ({len(removed)} file(s)); rebuilt {target}")
    return 0


def _package(args, data) -> int:
    """The warehouse's tables as a Data Package zip (built first when there is no warehouse yet)."""
    import duckdb

    from cyberdiplomacy import dataset
    from cyberdiplomacy.db import warehouse_path

    target = args.db or warehouse_path()
    if not target.exists():
        _build(args, data)
    out = Path(args.files[0])
    con = duckdb.connect(str(target), read_only=True)
    try:
        out.write_bytes(dataset.from_warehouse(con))
    finally:
        con.close()
    print(f"wrote {out}: a Data Package (datapackage.json, csv/, parquet/, README.md); "
          f"check it with: frictionless validate {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    parser.add_argument("command", choices=["build", "check", "import-undl", "imports", "package"],
                        help="check: validate data/ only; build: validate, then write the warehouse; "
                             "import-undl: check UN Digital Library CSVs, keep them in imports/, rebuild (all or "
                             "nothing); imports: list kept imports, or 'imports remove NAME' and rebuild; "
                             "package OUT.zip: every table as a Data Package zip")
    parser.add_argument("files", nargs="*", help="for import-undl: the CSV file(s), .csv or .csv.gz; "
                                                 "for imports: nothing, or remove NAME; for package: OUT.zip")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "data", help="folder of curated CSVs (default: data/)")
    parser.add_argument("--db", type=Path, default=None,
                        help="warehouse file (default: $CYBERDIPLOMACY_DB or build/cyberdiplomacy.duckdb)")
    args = parser.parse_args(argv)
    if args.command == "import-undl" and not args.files:
        parser.error("import-undl needs at least one file")
    if args.command == "package" and len(args.files) != 1:
        parser.error("package needs one output file, e.g. python -m etl package dataset.zip")
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
        commands = {"build": _build, "import-undl": _import, "imports": _imports, "package": _package}
        return commands[args.command](args, data)
    except ValidationFailed as exc:
        return _report(exc, "nothing was built")


if __name__ == "__main__":
    sys.exit(main())
