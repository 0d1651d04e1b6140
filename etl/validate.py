"""Validate the curated CSVs against sources.yml; every problem names file, line, column, value and rule."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from etl.schema import Catalog, Table

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INTEGER_PATTERN = re.compile(r"^-?\d+$")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
VOTE_TO_TOTAL = {"Y": "yes", "N": "no", "A": "abstain"}
MAX_CELL_LENGTH = 5_000  # the longest curated note is far shorter; longer is a pasting accident


@dataclass(frozen=True)
class Issue:
    file: str
    line: int
    column: str
    value: str
    rule: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        col = f" column '{self.column}'" if self.column else ""
        val = f" value {self.value!r}" if self.value != "" else ""
        return f"{where}:{col}{val} [{self.rule}] {self.message}"


@dataclass
class Row:
    line: int
    values: dict


class ValidationFailed(Exception):
    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__(f"{len(issues)} problem(s) in the data")


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


def _parse_cell(table: Table, name: str, text: str, display: str, line: int, issues: list[Issue]):
    col = table.columns[name]
    if text == "":
        if col.required:
            issues.append(Issue(display, line, name, "", "required", "a value is required"))
        return None
    if len(text) > MAX_CELL_LENGTH:
        issues.append(Issue(display, line, name, text[:40] + "…", "length",
                            f"{len(text):,} characters; a cell holds at most {MAX_CELL_LENGTH:,}"))
        return None
    if CONTROL_CHARACTERS.search(text):
        issues.append(Issue(display, line, name, repr(text[:40]), "control-character",
                            "contains a control character (e.g. NUL); remove it"))
        return None
    if text != text.strip():
        issues.append(Issue(display, line, name, text, "whitespace", "leading or trailing spaces"))
    if col.type == "integer":
        if not INTEGER_PATTERN.match(text):
            issues.append(Issue(display, line, name, text, "type", "expected a whole number"))
            return None
        value = int(text)
    elif col.type == "date":
        try:
            if not DATE_PATTERN.match(text):
                raise ValueError
            value = dt.date.fromisoformat(text)
        except ValueError:
            issues.append(Issue(display, line, name, text, "type", "expected a valid date YYYY-MM-DD"))
            return None
    else:
        value = text
    if col.allowed is not None and text not in col.allowed:
        issues.append(Issue(display, line, name, text, "allowed", f"expected one of: {', '.join(col.allowed)}"))
    if col.pattern and not re.match(col.pattern, text):
        issues.append(Issue(display, line, name, text, "pattern", f"must match {col.pattern}"))
    return value


def read_table(table: Table, path: Path, display: str, issues: list[Issue]) -> list[Row] | None:
    """Parsed rows, or None when the file cannot be read at all (so other tables are not judged against it)."""
    text = _decode(path, display, issues)
    if text is None:
        return None
    if not text.strip():
        issues.append(Issue(display, 1, "(header)", "", "header", "the file is empty; expected a header line"))
        return None
    csv.field_size_limit(2**31 - 1)  # over-long cells get the clearer 'length' message below
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        issues.append(Issue(display, 1, "(header)", "", "csv", f"unreadable header: {exc}"))
        return None
    declared = list(table.columns)
    for name in header:
        if name not in table.columns:
            issues.append(Issue(display, 1, name, name, "undeclared-column",
                                f"column is not declared in data/sources.yml for table '{table.name}'"))
    for name in declared:
        if name not in header:
            issues.append(Issue(display, 1, name, "", "missing-column", "declared column is missing from the header"))
    if len(set(header)) != len(header):
        dupes = [n for n, c in Counter(header).items() if c > 1]
        issues.append(Issue(display, 1, ", ".join(dupes), "", "duplicate-column", "column appears twice in the header"))
    rows: list[Row] = []
    line = reader.line_num
    while True:
        start = line + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            issues.append(Issue(display, start, "(row)", "", "csv", f"malformed CSV: {exc}"))
            break
        line = reader.line_num
        if not fields:
            continue
        if len(fields) != len(header):
            column = header[len(fields)] if len(fields) < len(header) else f"(field {len(header) + 1})"
            issues.append(Issue(display, start, column, "", "field-count",
                                f"expected {len(header)} fields, got {len(fields)} (check delimiter and quoting)"))
            continue
        values = {}
        for name, cell in zip(header, fields, strict=False):
            if name in table.columns:
                values[name] = _parse_cell(table, name, cell, display, start, issues)
        rows.append(Row(start, values))
    return rows


def _check_keys(table: Table, rows: list[Row], display: str, issues: list[Issue]) -> None:
    seen: dict[tuple, int] = {}
    for row in rows:
        key = tuple(row.values.get(c) for c in table.primary_key)
        if key in seen:
            issues.append(Issue(display, row.line, ", ".join(table.primary_key), " | ".join(map(str, key)),
                                "unique", f"duplicate key; first seen on line {seen[key]}"))
        else:
            seen[key] = row.line


def _check_date_order(table: Table, rows: list[Row], display: str, issues: list[Issue]) -> None:
    if not table.ordered_dates:
        return
    first, last = table.ordered_dates
    for row in rows:
        a, b = row.values.get(first), row.values.get(last)
        if a is not None and b is not None and b < a:
            issues.append(Issue(display, row.line, last, b.isoformat(), "date-order", f"{last} is before {first} ({a})"))


def _check_references(catalog: Catalog, data: dict[str, list[Row]], displays: dict[str, str],
                      issues: list[Issue]) -> None:
    for table in catalog.tables.values():
        for col in table.columns.values():
            if not col.references or table.name not in data or col.references[0] not in data:
                continue
            ref_table, ref_col = col.references
            known = {r.values.get(ref_col) for r in data.get(ref_table, [])}
            for row in data[table.name]:
                value = row.values.get(col.name)
                if value is not None and value not in known:
                    issues.append(Issue(displays[table.name], row.line, col.name, str(value), "reference",
                                        f"not found in {ref_table}.{ref_col}"))


def _check_vote_totals(data: dict[str, list[Row]], displays: dict[str, str], issues: list[Issue]) -> None:
    """Per-state rows must add up to the officially announced totals, unless the resolution explains why not."""
    counts: dict[tuple, Counter] = defaultdict(Counter)
    for row in data.get("votes", []):
        counts[(row.values.get("resolution_symbol"), row.values.get("stage"))][row.values.get("vote")] += 1
    for res in data.get("resolutions", []):
        for stage in ("plenary", "committee"):
            tally = counts.get((res.values.get("symbol"), stage))
            if tally is None:
                continue
            for vote, word in VOTE_TO_TOTAL.items():
                announced = res.values.get(f"{stage}_{word}_count")
                if announced is None or announced == tally[vote]:
                    continue
                if res.values.get("tally_discrepancy_note"):
                    continue
                issues.append(Issue(displays["resolutions"], res.line, f"{stage}_{word}_count", str(announced),
                                    "vote-totals",
                                    f"{res.values['symbol']}: {tally[vote]} per-state '{vote}' rows in votes.csv "
                                    "but this total was announced; fix the rows or explain in tally_discrepancy_note"))


def _check_vote_membership(data: dict[str, list[Row]], displays: dict[str, str], issues: list[Issue]) -> None:
    """A recorded vote has exactly one row per member state on the vote date, and none for non-members."""
    members = {r.values.get("iso3"): r.values.get("un_member_since") for r in data.get("states", [])
               if r.values.get("status") == "member"}
    by_vote: dict[tuple, list[Row]] = defaultdict(list)
    for row in data.get("votes", []):
        by_vote[(row.values.get("resolution_symbol"), row.values.get("stage"), row.values.get("vote_date"))].append(row)
    for (symbol, stage, vote_date), rows in by_vote.items():
        if vote_date is None:
            continue
        present = {r.values.get("iso3") for r in rows}
        for row in rows:
            since = members.get(row.values.get("iso3"), "not a member")
            if since == "not a member" or (since is not None and since > vote_date):
                issues.append(Issue(displays["votes"], row.line, "iso3", str(row.values.get("iso3")), "membership",
                                    f"not a UN member on {vote_date} ({symbol}, {stage})"))
        missing = sorted(i for i, since in members.items()
                         if since is not None and since <= vote_date and i not in present)
        if missing:
            issues.append(Issue(displays["votes"], rows[0].line, "iso3", ", ".join(missing), "membership",
                                f"{symbol} ({stage}, {vote_date}): members on that date without a row; "
                                "record them as X if they did not vote"))


def validate(catalog: Catalog, data_dir: Path) -> dict[str, list[Row]]:
    """Return the parsed rows of every table, or raise ValidationFailed listing every problem."""
    issues: list[Issue] = []
    declared_files = {t.file for t in catalog.tables.values()}
    for path in sorted(data_dir.glob("*.csv")):
        if path.name not in declared_files:
            issues.append(Issue(f"data/{path.name}", 1, "(file)", "", "undeclared-file",
                                "CSV file is not declared in data/sources.yml"))
    data: dict[str, list[Row]] = {}
    displays = {t.name: f"{data_dir.name}/{t.file}" for t in catalog.tables.values()}
    for table in catalog.tables.values():
        path = data_dir / table.file
        if not path.exists():
            issues.append(Issue(displays[table.name], 0, "(file)", "", "missing-file", "declared file does not exist"))
            continue
        rows = read_table(table, path, displays[table.name], issues)
        if rows is None:
            continue
        _check_keys(table, rows, displays[table.name], issues)
        _check_date_order(table, rows, displays[table.name], issues)
        data[table.name] = rows
    _check_references(catalog, data, displays, issues)
    if {"votes", "resolutions"} <= data.keys():
        _check_vote_totals(data, displays, issues)
    if {"votes", "states"} <= data.keys():
        _check_vote_membership(data, displays, issues)
    if issues:
        raise ValidationFailed(issues)
    return data
