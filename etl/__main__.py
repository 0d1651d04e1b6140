"""Command line: python -m etl build | check."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl.schema import SchemaError, load_catalog
from etl.validate import ValidationFailed, validate

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    from cyberdiplomacy.db import warehouse_path

    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    parser.add_argument("command", choices=["build", "check"],
                        help="check: validate data/ only; build: validate, then write the warehouse")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "data", help="folder of curated CSVs (default: data/)")
    parser.add_argument("--db", type=Path, default=None,
                        help="warehouse file (default: $CYBERDIPLOMACY_DB or build/cyberdiplomacy.duckdb)")
    args = parser.parse_args(argv)
    try:
        catalog = load_catalog(args.data_dir)
        data = validate(catalog, args.data_dir)
    except SchemaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ValidationFailed as exc:
        for issue in exc.issues:
            print(f"error: {issue}", file=sys.stderr)
        print(f"{len(exc.issues)} problem(s); nothing was built, the previous warehouse is unchanged.",
              file=sys.stderr)
        return 1
    counts = ", ".join(f"{name} {len(rows)}" for name, rows in data.items())
    if args.command == "check":
        print(f"data/ is valid: {counts}")
        return 0
    from etl.build import write_warehouse

    target = args.db or warehouse_path()
    try:
        write_warehouse(catalog, data, target, args.data_dir)
    except ValidationFailed as exc:
        for issue in exc.issues:
            print(f"error: {issue}", file=sys.stderr)
        return 1
    print(f"built {target} ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
