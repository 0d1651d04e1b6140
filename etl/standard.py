"""The Table Schema rules of data/datapackage.json (types, required, enum, pattern, primary and foreign keys),
checked by the standard's own library, `frictionless`, and told in our words: file, line, column, value, rule."""
from __future__ import annotations

import re
from dataclasses import dataclass

from frictionless import Check, Checklist, Package, Resource, Schema

from etl.issues import Issue, Row
from etl.schema import Table

TYPE_WORDS = {"integer": "expected a whole number", "date": "expected a valid date YYYY-MM-DD",
              "number": "expected a number"}
CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"', re.S)
POSITION = re.compile(r"position (\d+)")
SHOWN = 80  # longer values are cut in messages: a pasting accident, not something to read


@dataclass
class Parsed:
    """A table as our CSV reader found it, with the line each record starts on: quoted cells may span lines,
    so frictionless' row positions are not line numbers."""
    table: Table
    display: str
    header: list[str]
    records: list[list[str]]
    lines: list[int]

    def line(self, row_number: int | None) -> int:
        return self.lines[row_number - 2] if row_number and 2 <= row_number < len(self.lines) + 2 else 1


def _shown(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= SHOWN else text[:40] + "…"


def _cell_issue(p: Parsed, error, line: int) -> Issue:
    column = error.field_name
    if error.type == "type-error":
        col_type = p.table.columns[column].type
        return Issue(p.display, line, column, _shown(error.cell), "type", TYPE_WORDS.get(col_type, f"expected {col_type}"))
    match = CONSTRAINT.match(error.note or "")
    kind = match.group(1) if match else error.type
    if kind == "required":
        return Issue(p.display, line, column, "", "required", "a value is required")
    if kind == "enum":
        return Issue(p.display, line, column, _shown(error.cell), "allowed",
                     f"expected one of: {', '.join(p.table.columns[column].allowed or ())}")
    if kind == "pattern":
        return Issue(p.display, line, column, _shown(error.cell), "pattern", f"must match {match.group(2)}")
    return Issue(p.display, line, column, _shown(error.cell), kind, error.message)


def _issue(p: Parsed, error) -> Issue:
    line = p.line(getattr(error, "row_number", None))
    if error.type in ("type-error", "constraint-error"):
        return _cell_issue(p, error, line)
    if error.type in ("missing-cell", "extra-cell"):
        got = len(p.records[getattr(error, "row_number", 2) - 2])
        column = error.field_name if error.type == "missing-cell" else f"(field {error.field_number})"
        return Issue(p.display, line, column, "", "field-count",
                     f"expected {len(p.header)} fields, got {got} (check delimiter and quoting)")
    if error.type == "primary-key":
        key = " | ".join(_shown(error.cells[p.header.index(c)]) for c in p.table.primary_key)
        first = POSITION.search(error.note or "")
        said = f"duplicate key; first seen on line {p.line(int(first.group(1)))}" if first else "every key column is empty"
        return Issue(p.display, line, ", ".join(p.table.primary_key), key, "unique", said)
    if error.type == "foreign-key":
        ref = f"{error.reference_name}.{', '.join(error.reference_field_names)}"
        return Issue(p.display, line, ", ".join(error.field_names), " | ".join(map(_shown, error.field_cells)),
                     "reference", f"not found in {ref}")
    if error.type == "blank-row":
        return Issue(p.display, line, "(row)", "", "blank-row", "every cell of the row is empty")
    return Issue(p.display, line, getattr(error, "field_name", "") or "", _shown(getattr(error, "cell", "")),
                 error.type, error.message)


def _resource(p: Parsed, present: set[str]) -> Resource:
    """The declared resource with the rows we read: fields in the file's order (the header was checked by name),
    and references only to tables that could be read, so one unreadable file does not fail every row pointing at it."""
    schema = dict(p.table.descriptor["schema"])
    fields = {f["name"]: f for f in schema["fields"]}
    schema["fields"] = [fields[name] for name in p.header]
    schema["foreignKeys"] = [fk for fk in schema.get("foreignKeys", []) if fk["reference"]["resource"] in present]
    if not schema["foreignKeys"]:
        del schema["foreignKeys"]
    # Rows as tuples: frictionless deep-copies a referenced table for each foreign key, and tuples of strings
    # are not copied (the outer list must stay a list: frictionless reads a tuple as a path)
    rows = [tuple(r) for r in [p.header, *p.records]]
    return Resource(name=p.table.name, data=rows, schema=Schema.from_descriptor(schema))


def check(parsed: dict[str, Parsed], issues: list[Issue]) -> dict[str, list[Row]]:
    """Validate the tables as one package; return each table's rows as frictionless typed them (one reading)."""
    kept: dict[str, list[Row]] = {name: [] for name in parsed}

    class KeepRows(Check):
        type = "keep-rows"

        def validate_row(self, row):
            kept[self.resource.name].append(Row(parsed[self.resource.name].line(row.row_number), row.to_dict()))
            yield from ()

    if not parsed:
        return kept
    package = Package(resources=[_resource(p, set(parsed)) for p in parsed.values()])
    report = package.validate(checklist=Checklist(checks=[KeepRows()]), limit_errors=1000)
    for task in report.tasks:
        p = parsed[task.name]
        counted: set[int] = set()  # frictionless names every missing cell; one field-count issue per row says it
        for error in task.errors:
            issue = _issue(p, error)
            if issue.rule == "field-count":
                if issue.line in counted:
                    continue
                counted.add(issue.line)
            issues.append(issue)
    issues += [Issue("datapackage.json", 0, "", "", error.type, error.message) for error in report.errors]
    return kept
