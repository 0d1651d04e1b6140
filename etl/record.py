"""Assemble the record: imports (newest release per key), the bundled history, and the curated tables
become one `resolutions` and one `votes` (see sql/06_record.sql for the precedence rules)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import yaml

from etl import history, undl
from etl.schema import Catalog
from etl.validate import Issue, ValidationFailed

SQL_DIR = Path(__file__).parent / "sql"
IMPORT_KINDS = ("votes", "vote_records", "resolutions")
RULES_FILE = "track_rules.yml"


def _run(con: duckdb.DuckDBPyConnection, name: str) -> None:
    con.execute((SQL_DIR / name).read_text(encoding="utf-8"))


def _stage_imports(con: duckdb.DuckDBPyConnection, files: dict[str, list[str]]) -> None:
    """Temp tables imported_<kind> with the core table's columns; files of older releases lack some."""
    for kind in IMPORT_KINDS:  # table names from this constant tuple, file lists bound
        temp, core = f"imported_{kind}", f"core.undl_{kind}"
        if files.get(kind):
            con.execute(f"CREATE TEMP TABLE {temp} AS SELECT * FROM read_parquet($files, union_by_name = true)",
                        {"files": files[kind]})
        else:
            con.execute(f"CREATE TEMP TABLE {temp} AS SELECT * FROM {core} LIMIT 0")
        have = {row[0] for row in con.execute(f"DESCRIBE {temp}").fetchall()}
        for name, column_type, *_ in con.execute(f"DESCRIBE {core}").fetchall():
            if name not in have:
                con.execute(f"ALTER TABLE {temp} ADD COLUMN {name} {column_type}")  # names from our own DDL


def load_rules(data_dir: Path) -> tuple[list[tuple[str, str, int]], list[tuple[str, str]]]:
    """(track, phrase, priority) and (symbol, reason) from data/track_rules.yml."""
    path = data_dir / RULES_FILE
    shown = f"{data_dir.name}/{RULES_FILE}"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        phrases = [(track, str(phrase).strip().lower(), priority)
                   for track, items in (raw.get("tracks") or {}).items()
                   for priority, phrase in enumerate(items or [])]
        excluded = [(str(symbol), str(reason)) for symbol, reason in (raw.get("exclude") or {}).items()]
    except FileNotFoundError:
        return [], []
    except (yaml.YAMLError, AttributeError, TypeError) as exc:
        raise ValidationFailed([Issue(shown, 0, "", "", "yaml", f"cannot read the matching rules: {exc}")]) from exc
    bad = [Issue(shown, 0, "tracks", track, "allowed", "track must be criminal_ict or international_security")
           for track in {t for t, _, _ in phrases} - {"criminal_ict", "international_security"}]
    bad += [Issue(shown, 0, "tracks", phrase, "length", "a phrase needs at least 6 characters")
            for _, phrase, _ in phrases if len(phrase) < 6]
    if bad:
        raise ValidationFailed(bad)
    return phrases, excluded


def build(con: duckdb.DuckDBPyConnection, catalog: Catalog, data_dir: Path, import_files: dict[str, list[str]]) -> None:
    """Load imports and the history into core, then the record tables and the public views over them."""
    _stage_imports(con, import_files)
    _run(con, "undl_load_releases.sql")
    _run(con, "05_import_views.sql")
    history.load(con, catalog, data_dir)
    phrases, excluded = load_rules(data_dir)
    con.execute("CREATE TEMP TABLE track_phrases (track VARCHAR, phrase VARCHAR, priority INTEGER)")
    con.execute("CREATE TEMP TABLE excluded_symbols (symbol VARCHAR, reason VARCHAR)")
    if phrases:
        con.executemany("INSERT INTO track_phrases VALUES (?, ?, ?)", phrases)
    if excluded:
        con.executemany("INSERT INTO excluded_symbols VALUES (?, ?)", excluded)
    _run(con, "06_record.sql")
    _run(con, "08_texts.sql")


def import_files(import_dir: Path | None = None, staged: Path | None = None,
                 removed: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """Every kept import, with staged files (an import in progress) replacing kept files of the same name,
    less the stored names being removed."""
    files = {}
    for kind in IMPORT_KINDS:
        kept = {Path(p).name: p for p in undl.imported_files(kind, import_dir)}
        if staged is not None:
            kept.update({Path(p).name: p for p in undl.imported_files(kind, staged)})
        files[kind] = sorted(path for name, path in kept.items() if name not in removed)
    return files
