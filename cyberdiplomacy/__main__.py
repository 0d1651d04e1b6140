"""Command line for scripted briefings: figures and briefing packs from the warehouse, offline."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cyberdiplomacy import db, exports, figures, queries, state_names
from cyberdiplomacy import filters as url_filters


def _parser() -> argparse.ArgumentParser:
    names = "\n".join(f"  {name:<20} {f.description}" for name, f in figures.FIGURES.items())
    parser = argparse.ArgumentParser(prog="python -m cyberdiplomacy", description=__doc__,
                                     epilog=f"figure names:\n{names}", formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export", help="write one figure as PNG, SVG or PDF", epilog=f"figure names:\n{names}",
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    export.add_argument("--figure", required=True, choices=list(figures.FIGURES), metavar="NAME")
    export.add_argument("--state", action="append", default=[], help="ISO3 code or name (e.g. RUS, Brazil); repeat for several")
    export.add_argument("--track", action="append", default=[], help="crime or security")
    export.add_argument("--from", dest="from_year", help="first year")
    export.add_argument("--to", dest="to_year", help="last year")
    export.add_argument("--resolution", help="e.g. A/RES/73/187 or 73/187")
    export.add_argument("--search", help="a word or phrase (term-frequency)")
    export.add_argument("--format", choices=exports.FORMATS, help="default: from the --out suffix")
    export.add_argument("--size", choices=list(exports.SIZES), default="slide", help="slide (16:9) or a4")
    export.add_argument("--out", required=True, type=Path)
    brief = sub.add_parser("briefing", help="write a briefing pack (PDF, PPTX or XLSX) for 1-6 states or a resolution")
    brief.add_argument("--state", action="append", default=[], help="ISO3 code; repeat for several")
    brief.add_argument("--resolution", help="a resolution instead of states")
    brief.add_argument("--out", required=True, type=Path,
                       help="pack.pdf (tables attached), pack.pptx (tables written beside it) or pack.xlsx")
    return parser


def _filters(args, con) -> url_filters.Filters:
    params = {"state": args.state, "track": args.track}
    params.update({k: [v] for k, v in (("from", args.from_year), ("to", args.to_year),
                                       ("resolution", args.resolution), ("search", args.search)) if v})
    table = queries.states(con)
    states = state_names.lookup(zip(table["iso3"], table["name"], strict=True))  # codes or names people use
    resolutions = set(queries.resolution_history(con)["symbol"])
    bounds = queries.year_bounds(con).iloc[0]
    years = (int(bounds["first_year"]), int(bounds["last_year"])) if bounds.notna().all() else (
        url_filters.EARLIEST_YEAR, url_filters.EARLIEST_YEAR)
    chosen = url_filters.parse({k: v for k, v in params.items() if v}, states, resolutions, years)
    if chosen.warnings:
        raise figures.FigureUnavailable(" ".join(chosen.warnings))
    return chosen


def _write_pack(briefing, pack, out: Path, suffix: str) -> str:
    """Write the pack and say where, how many pages or slides, and where the full tables are."""
    if suffix == ".xlsx":
        out.write_bytes(briefing.to_xlsx(pack))
        return f"wrote {out} ({len(pack.tables)} tables, one sheet each)"
    document = briefing.to_pdf(pack) if suffix == ".pdf" else briefing.to_pptx(pack)
    out.write_bytes(document)
    count = briefing.page_count(document)
    if suffix == ".pdf":
        return f"wrote {out} ({count} pages; every table also attached to the PDF as {briefing.slug(pack)}-tables.xlsx)"
    tables = out.with_name(f"{out.stem}-tables.xlsx")
    tables.write_bytes(briefing.to_xlsx(pack))
    return f"wrote {out} ({count} slides) and {tables} (every table in full)"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        with db.connect() as con:
            if args.command == "export":
                fmt = args.format or args.out.suffix.lstrip(".").lower()
                if fmt not in exports.FORMATS:
                    raise figures.FigureUnavailable(f"cannot tell the format from {args.out.name}; use --format")
                chosen = _filters(args, con)
                drawn = figures.build(args.figure, figures.Direct(con), chosen)
                args.out.write_bytes(exports.figure_bytes(drawn.fig, fmt, args.size, url_filters.describe(chosen)))
            else:
                from cyberdiplomacy import briefing

                suffix = args.out.suffix.lower()
                if suffix not in (".pdf", ".pptx", ".xlsx"):
                    raise figures.FigureUnavailable("--out must end in .pdf, .pptx or .xlsx")
                if args.resolution:
                    symbol = url_filters.normalise_symbol(args.resolution)
                    pack = briefing.for_resolution(con, symbol)
                else:
                    pack = briefing.for_states(con, [s.upper() for s in args.state])
                print(_write_pack(briefing, pack, args.out, suffix))
                return 0
    except (figures.FigureUnavailable, exports.ExportUnavailable, db.WarehouseUnavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
