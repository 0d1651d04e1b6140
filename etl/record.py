"""Python parts of the build's steps that feed the record (etl/steps.py): the kept UN Digital Library imports,
read as temp tables for staging, and the matching rules (data/track_rules.yml) by which a text the curated record
lacks joins it (see sql/record/08_resolutions.sql for the precedence rules)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from etl import undl
from etl.validate import Issue, ValidationFailed

if TYPE_CHECKING:
    from etl.steps import Build

IMPORT_KINDS = ("votes", "vote_records", "resolutions")
RULES_FILE = "track_rules.yml"


def stage_imports(build: Build) -> None:
    """Temp tables imported_<kind> with the staging table's columns; files of older releases lack some."""
    con, files = build.con, build.imports
    for kind in IMPORT_KINDS:  # table names from this constant tuple, file lists bound
        temp, staged = f"imported_{kind}", f"staging.undl_{kind}"
        if files.get(kind):
            con.execute(f"CREATE TEMP TABLE {temp} AS SELECT * FROM read_parquet($files, union_by_name = true)",
                        {"files": files[kind]})
        else:
            con.execute(f"CREATE TEMP TABLE {temp} AS SELECT * FROM {staged} LIMIT 0")
        have = {row[0] for row in con.execute(f"DESCRIBE {temp}").fetchall()}
        for name, column_type, *_ in con.execute(f"DESCRIBE {staged}").fetchall():
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


def load_track_rules(build: Build) -> None:
    """The rules as temp tables track_phrases and excluded_symbols, which the record's resolutions read."""
    con = build.con
    phrases, excluded = load_rules(build.data_dir)
    con.execute("CREATE TEMP TABLE track_phrases (track VARCHAR, phrase VARCHAR, priority INTEGER)")
    con.execute("CREATE TEMP TABLE excluded_symbols (symbol VARCHAR, reason VARCHAR)")
    if phrases:
        con.executemany("INSERT INTO track_phrases VALUES (?, ?, ?)", phrases)
    if excluded:
        con.executemany("INSERT INTO excluded_symbols VALUES (?, ?)", excluded)


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
