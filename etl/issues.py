"""What every check reports: one problem at a file, line, column and value, with the rule and plain words."""
from __future__ import annotations

from dataclasses import dataclass


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
