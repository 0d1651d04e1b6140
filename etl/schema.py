"""Read data/sources.yml: the declaration of every curated table and its columns."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

COLUMN_TYPES = ("text", "integer", "date")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
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


class SchemaError(Exception):
    """sources.yml itself is malformed."""


def _column(table: str, name: str, spec: dict) -> Column:
    col_type = spec.get("type")
    if col_type not in COLUMN_TYPES:
        raise SchemaError(f"sources.yml: {table}.{name}: type must be one of {COLUMN_TYPES}, got {col_type!r}")
    ref = spec.get("references")
    if ref is not None:
        ref_table, _, ref_col = ref.partition(".")
        ref = (ref_table, ref_col)
    allowed = spec.get("allowed")
    return Column(
        name=name,
        type=col_type,
        description=spec.get("description", ""),
        required=bool(spec.get("required", False)),
        allowed=tuple(str(v) for v in allowed) if allowed is not None else None,
        pattern=spec.get("pattern"),
        references=ref,
    )


def load_catalog(data_dir: Path) -> Catalog:
    path = data_dir / "sources.yml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SchemaError(f"{path}: cannot read the table declarations: {exc}") from exc
    tables = {}
    for name, spec in (raw.get("tables") or {}).items():
        columns = {c: _column(name, c, s) for c, s in spec["columns"].items()}
        ordered = spec.get("ordered_dates")
        tables[name] = Table(
            name=name,
            file=spec["file"],
            title=spec.get("title", ""),
            producer=spec.get("producer", ""),
            url=spec.get("url", ""),
            accessed=str(spec.get("accessed", "")),
            licence=spec.get("licence", ""),
            grain=spec.get("grain", ""),
            primary_key=tuple(spec.get("primary_key", [])),
            columns=columns,
            ordered_dates=tuple(ordered) if ordered else None,
        )
    version = str(raw.get("data_version", ""))
    try:
        bundled = {name: _bundled(name, spec) for name, spec in (raw.get("bundled") or {}).items()}
    except (KeyError, TypeError, ValueError) as exc:
        raise SchemaError(f"{path}: bundled datasets: missing or malformed entry {exc}") from exc
    return Catalog(
        data_version=version,
        licence=raw.get("licence", "").strip(),
        citation=raw.get("citation", "").replace("{data_version}", version).strip(),
        confidence_levels=raw.get("confidence_levels", {}),
        tables=tables,
        bundled=bundled,
    )


def _bundled(name: str, spec: dict) -> Bundled:
    files = {key: BundledFile(key, f["file"], f["grain"], int(f["row_count"]), tuple(f["columns"]))
             for key, f in spec["files"].items()}
    return Bundled(name=name, title=spec["title"], producer=spec["producer"], citation=spec["citation"].strip(),
                   url=spec["url"], distributed_as=spec.get("distributed_as", "").strip(),
                   accessed=str(spec["accessed"]), licence=spec["licence"].strip(), files=files)
