"""UN Digital Library imports as a set: add several files all or nothing, list them, remove one.

Files are checked into a staging folder inside imports/; only when every file passes are they moved into
place and the warehouse rebuilt, one import at a time; a refused file, a failed build or a killed import
leaves imports/ and the warehouse as they were (etl/import_journal.py).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl import import_journal, record, undl
from etl.build import write_warehouse
from etl.schema import Catalog
from etl.validate import Row

SQL_DIR = Path(__file__).parent / "sql"


@dataclass(frozen=True)
class Imported:
    file_name: str
    kind: str
    row_count: int
    resolution_count: int
    replaced: bool


class UnknownImport(Exception):
    """No kept import has that name; the message lists the names there are."""


def add(paths: list[Path], catalog: Catalog, data: dict[str, list[Row]], target: Path, data_dir: Path,
        import_dir: Path | None = None, progress: Callable[[str], None] | None = print) -> list[Imported]:
    """Check every file, keep them and rebuild with every kept import; a failed build keeps nothing.

    Files are checked side by side with other imports; keeping them and the build run one import at a time
    (import_journal), so each build reads every import kept before it."""
    import_dir = import_dir or undl.imports_dir()
    names = [Path(p).name for p in paths]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise undl.ImportRefused(f"{repeated[0]}: given twice; each file name is kept once")
    with import_journal.staging(import_dir) as staging:
        results = []
        for path in paths:
            result = undl.import_file(Path(path), staging, progress=progress)
            results.append(result)
            if progress:
                progress(f"checked {Path(path).name}: {result.row_count:,} {result.kind} rows, "
                         f"{result.resolution_count:,} resolutions in {result.seconds:.1f} s")
        with import_journal.locked(import_dir), import_journal.moved_in(staging, import_dir) as replaced:
            write_warehouse(catalog, data, target, data_dir, import_dir=import_dir)  # lists imports under its lock
    return [Imported(Path(p).name, r.kind, r.row_count, r.resolution_count, undl.stored_name(Path(p).name) in replaced)
            for p, r in zip(paths, results, strict=True)]


def kept(import_dir: Path | None = None) -> list[dict]:
    """One row per kept file: name, kind, rows, resolutions, first and last date, when imported."""
    import_dir = import_dir or undl.imports_dir()
    files = record.import_files(import_dir)
    con = duckdb.connect()
    rows = []
    try:
        for kind, sql_name in (("vote_records", "staging/undl/kept_vote_files.sql"),
                               ("resolutions", "staging/undl/kept_resolution_files.sql")):
            if files[kind]:
                cursor = con.execute((SQL_DIR / sql_name).read_text(encoding="utf-8"), {"files": files[kind]})
                columns = [d[0] for d in cursor.description]
                rows += [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]
    finally:
        con.close()
    return sorted(rows, key=lambda r: (str(r["imported_at"] or ""), r["file_name"]))


def remove(file_name: str, catalog: Catalog, data: dict[str, list[Row]], target: Path, data_dir: Path,
           import_dir: Path | None = None) -> list[Path]:
    """Rebuild without one kept file, then delete it; a failed build deletes nothing."""
    import_dir = import_dir or undl.imports_dir()
    stored = undl.stored_name(file_name)
    if not import_dir.exists():
        raise UnknownImport(f"no import named {file_name!r}; imported files: none")
    with import_journal.locked(import_dir):  # no import keeps files between this list and the deletion
        doomed = list(import_dir.glob(f"undl_*/{stored}"))
        if not doomed:
            names = ", ".join(r["file_name"] for r in kept(import_dir)) or "none"
            raise UnknownImport(f"no import named {file_name!r}; imported files: {names}")
        write_warehouse(catalog, data, target, data_dir,
                        imports=record.import_files(import_dir, removed=frozenset({stored})))
        for path in doomed:
            path.unlink(missing_ok=True)
    return doomed
