"""Validate the curated CSVs against data/datapackage.json; every problem names file, line, column, value and rule.

Reading is ours (bytes, UTF-8, CSV quoting, the header by name, cell hygiene), so a problem is placed on the
physical line; the Table Schema rules are frictionless' (etl/standard.py); the record's own rules are in
etl/rules.py and etl/membership_rules.py, and what a source may confirm in etl/source_policy.py.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from pathlib import Path

from etl import rules, source_policy, standard
from etl.issues import Issue, Row, ValidationFailed
from etl.schema import Catalog, Table

__all__ = ["Issue", "Row", "ValidationFailed", "read_table", "validate"]

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_CELL_LENGTH = 5_000  # the longest curated note is far shorter; longer is a pasting accident


def _decode(path: Path, display: str, issues: list[Issue]) -> str | None:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):  # Excel writes a BOM; it carries no data
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        issues.append(Issue(display, line, f"(byte {col})", repr(raw[exc.start : exc.start + 1]), "encoding",
                            f"byte {col} of the line is not UTF-8; save the file as UTF-8"))
        return None


def _header_fits(table: Table, header: list[str], display: str, issues: list[Issue]) -> bool:
    """Columns are matched by name (curators reorder them); a header that does not fit leaves the rows unjudged."""
    before = len(issues)
    issues += [Issue(display, 1, name, name, "undeclared-column",
                     f"column is not declared in data/datapackage.json for table '{table.name}'")
               for name in header if name not in table.columns]
    issues += [Issue(display, 1, name, "", "missing-column", "declared column is missing from the header")
               for name in table.columns if name not in header]
    if dupes := [n for n, c in Counter(header).items() if c > 1]:
        issues.append(Issue(display, 1, ", ".join(dupes), "", "duplicate-column", "column appears twice in the header"))
    return len(issues) == before


def _hygiene(header: list[str], fields: list[str], display: str, line: int, issues: list[Issue]) -> None:
    for name, text in zip(header, fields, strict=False):
        if len(text) > MAX_CELL_LENGTH:
            issues.append(Issue(display, line, name, text[:40] + "…", "length",
                                f"{len(text):,} characters; a cell holds at most {MAX_CELL_LENGTH:,}"))
        elif CONTROL_CHARACTERS.search(text):
            issues.append(Issue(display, line, name, repr(text[:40]), "control-character",
                                "contains a control character (e.g. NUL); remove it"))
        elif text != text.strip():
            issues.append(Issue(display, line, name, text, "whitespace", "leading or trailing spaces"))
        elif not unicodedata.is_normalized("NFC", text):  # 'Côte' typed two ways would be two names
            issues.append(Issue(display, line, name, text[:40], "unicode-nfc",
                                "letters with accents written decomposed; save the text in Unicode NFC"))


def _parse(table: Table, path: Path, display: str, issues: list[Issue]) -> standard.Parsed | None:
    """The records and the line each starts on, or None when the file cannot be read as a CSV of this table."""
    text = _decode(path, display, issues)
    if text is None:
        return None
    if not text.strip():
        issues.append(Issue(display, 1, "(header)", "", "header", "the file is empty; expected a header line"))
        return None
    csv.field_size_limit(2**31 - 1)  # over-long cells get the clearer 'length' message
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        issues.append(Issue(display, 1, "(header)", "", "csv", f"unreadable header: {exc}"))
        return None
    parsed = standard.Parsed(table, display, header, [], [])
    line = reader.line_num
    while True:
        start = line + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            issues.append(Issue(display, start, "(row)", "", "csv", f"malformed CSV: {exc}"))
            return None
        line = reader.line_num
        if fields:
            _hygiene(header, fields, display, start, issues)
            parsed.records.append(fields)
            parsed.lines.append(start)
    return parsed if _header_fits(table, header, display, issues) else None


def read_table(table: Table, path: Path, display: str, issues: list[Issue]) -> list[Row] | None:
    """Parsed rows of one table checked on its own (no references), or None when the file cannot be read."""
    parsed = _parse(table, path, display, issues)
    return None if parsed is None else standard.check({table.name: parsed}, issues)[table.name]


def validate(catalog: Catalog, data_dir: Path) -> dict[str, list[Row]]:
    """Return the typed rows of every table, or raise ValidationFailed listing every problem."""
    issues: list[Issue] = []
    declared_files = {t.file for t in catalog.tables.values()}
    issues += [Issue(f"data/{path.name}", 1, "(file)", "", "undeclared-file",
                     "CSV file is not declared in data/datapackage.json")
               for path in sorted(data_dir.glob("*.csv")) if path.name not in declared_files]
    displays = {t.name: f"{data_dir.name}/{t.file}" for t in catalog.tables.values()}
    parsed: dict[str, standard.Parsed] = {}
    for table in catalog.tables.values():
        path = data_dir / table.file
        if not path.exists():
            issues.append(Issue(displays[table.name], 0, "(file)", "", "missing-file", "declared file does not exist"))
        elif (found := _parse(table, path, displays[table.name], issues)) is not None:
            parsed[table.name] = found
    data = standard.check(parsed, issues)
    rules.check(catalog, data, displays, issues)
    source_policy.check(source_policy.Policy.from_package(catalog.package), data, displays, issues)
    if issues:
        raise ValidationFailed(issues)
    return data
