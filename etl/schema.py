"""Read data/datapackage.json, the Frictionless Data Package that declares every curated table.

The Table Schema parts (types, constraints, keys) are checked by `frictionless` (etl/standard.py); this
module gives the rest of the code a typed view of the same declaration, so there is one source of truth.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

DESCRIPTOR = "datapackage.json"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type: string, integer, date
    description: str
    required: bool = False
    allowed: tuple[str, ...] | None = None
    pattern: str | None = None
    references: tuple[str, str] | None = None  # (table, column)


@dataclass(frozen=True)
class Table:
    name: str
    file: str
    title: str
    producer: str
    url: str
    accessed: str
    licence: str
    grain: str
    primary_key: tuple[str, ...]
    columns: dict[str, Column]
    ordered_dates: tuple[str, str] | None = None
    descriptor: dict = field(default_factory=dict, compare=False, repr=False)  # the resource as declared


@dataclass(frozen=True)
class BundledFile:
    """One file of a bundled dataset (Parquet, shipped in data/), with the row count it must hold."""
    name: str
    file: str
    grain: str
    row_count: int
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Bundled:
    """A dataset shipped inside the repository as it was published, not curated row by row."""
    name: str
    title: str
    producer: str
    citation: str
    url: str
    distributed_as: str
    accessed: str
    licence: str
    files: dict[str, BundledFile]


@dataclass(frozen=True)
class Catalog:
    data_version: str
    licence: str
    citation: str
    confidence_levels: dict[str, str]
    tables: dict[str, Table] = field(default_factory=dict)
    bundled: dict[str, Bundled] = field(default_factory=dict)
    package: dict = field(default_factory=dict, compare=False, repr=False)  # the descriptor as declared


class SchemaError(Exception):
    """datapackage.json itself is malformed."""


def _table(resource: dict) -> Table:
    schema = resource["schema"]
    references = {fk["fields"][0]: (fk["reference"]["resource"], fk["reference"]["fields"][0])
                  for fk in schema.get("foreignKeys", [])}
    columns = {}
    for spec in schema["fields"]:
        constraints = spec.get("constraints", {})
        columns[spec["name"]] = Column(
            name=spec["name"], type=spec["type"], description=spec.get("description", ""),
            required=bool(constraints.get("required", False)),
            allowed=tuple(constraints["enum"]) if "enum" in constraints else None,
            pattern=constraints.get("pattern"), references=references.get(spec["name"]))
    source = (resource.get("sources") or [{}])[0]
    ordered = resource.get("dateOrder")
    return Table(name=resource["name"], file=resource["path"], title=resource.get("title", ""),
                 producer=source.get("title", ""), url=source.get("path", ""), accessed=resource.get("accessed", ""),
                 licence=resource.get("terms", ""), grain=resource.get("grain", ""),
                 primary_key=tuple(schema.get("primaryKey", [])), columns=columns,
                 ordered_dates=tuple(ordered) if ordered else None, descriptor=resource)


def _bundled(name: str, spec: dict) -> Bundled:
    files = {key: BundledFile(key, f["path"], f["grain"], int(f["rowCount"]), tuple(f["columns"]))
             for key, f in spec["files"].items()}
    return Bundled(name=name, title=spec["title"], producer=spec["producer"], citation=spec["citation"],
                   url=spec["url"], distributed_as=spec.get("distributedAs", ""), accessed=spec["accessed"],
                   licence=spec["terms"], files=files)


def load_catalog(data_dir: Path) -> Catalog:
    path = data_dir / DESCRIPTOR
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
        version = str(package["version"])
        return Catalog(
            data_version=version,
            licence=package.get("licenceStatement", ""),
            citation=package.get("citation", "").replace("{data_version}", version),
            confidence_levels=package.get("confidenceLevels", {}),
            tables={r["name"]: _table(r) for r in package["resources"]},
            bundled={name: _bundled(name, spec) for name, spec in (package.get("bundled") or {}).items()},
            package=package,
        )
    except (OSError, ValueError) as exc:
        raise SchemaError(f"{path}: cannot read the table declarations: {exc}") from exc
    except (KeyError, TypeError, IndexError, AttributeError) as exc:
        raise SchemaError(f"{path}: missing or malformed entry {exc!s}") from exc
