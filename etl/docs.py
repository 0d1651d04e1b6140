"""Generated documentation, so it cannot drift from what it describes: the README's data contract, from
data/datapackage.json and etl/contract.py (the texts the build writes as the views' COMMENTs), and the build's steps
in docs/ARCHITECTURE.md, from etl/steps.py. `python -m etl.docs` prints the first, `python -m etl.docs steps` the
second."""
from __future__ import annotations

import sys
from pathlib import Path

from etl.contract import DERIVED, SECTIONS, Section
from etl.schema import Catalog, load_catalog


def contract_markdown(catalog: Catalog) -> str:
    parts = []
    for table in catalog.tables.values():
        parts.append(f"### `{table.name}`\n\n{table.title}. Grain: {table.grain}. "
                     f"Key: {', '.join(table.primary_key)}. Source: {table.producer} ({table.url}).\n\n"
                     "| column | type | description |\n|---|---|---|")
        for col in table.columns.values():
            checks = (["required"] if col.required else []) + \
                     ([f"one of {', '.join(f'`{a}`' for a in col.allowed)}"] if col.allowed else []) + \
                     ([f"matches `{col.pattern}`"] if col.pattern else []) + \
                     ([f"→ `{col.references[0]}.{col.references[1]}`"] if col.references else [])
            parts.append(f"| `{col.name}` | {col.type} | {col.description}"
                         + (f" ({'; '.join(checks)})" if checks else "") + " |")
        for name, col_type, description in DERIVED.get(table.name, ()):
            parts.append(f"| `{name}` | {col_type} | {description} (derived at build) |")
        parts.append("")
    return "\n".join(parts) + "\n" + "\n".join(map(section_markdown, SECTIONS)) + "\n" + bundled_markdown(catalog)


def section_markdown(section: Section) -> str:
    """A group of the views the build derives: its paragraph, then each view with its columns."""
    parts = [f"### {section.title}\n\n{section.intro}\n"]
    for view in section.views:
        parts.append(f"#### `{view.name}`\n\n{view.about}\n\n| column | type | description |\n|---|---|---|")
        parts += [f"| `{name}` | {col_type} | {description} |" for name, col_type, description in view.columns]
        parts.append("")
    return "\n".join(parts)


def bundled_markdown(catalog: Catalog) -> str:
    """The bundled datasets: what they are, where from, under which terms, and each file's grain."""
    parts = []
    for dataset in catalog.bundled.values():
        parts.append(f"### Bundled: {dataset.title}\n\nProducer: {dataset.producer}. Cite as: {dataset.citation} "
                     f"{dataset.distributed_as} Accessed {dataset.accessed}. Licence: {dataset.licence}\n")
        parts += [f"- `data/{spec.file}` ({spec.row_count:,} rows): {spec.grain}; columns "
                  + ", ".join(f"`{c}`" for c in spec.columns) + "." for spec in dataset.files.values()]
    return "\n".join(parts) + "\n"


def steps_markdown() -> str:
    """The build's steps in order: layer, Python part and SQL file (under etl/sql/), and the SQL a step's Python
    part or a command runs itself."""
    from etl.steps import FOLDERS, STEPS  # the steps import every loader; the contract alone needs none of them

    parts = ["| # | step | schema | Python part | SQL file | its other SQL |", "|---|---|---|---|---|---|"]
    for number, step in enumerate(STEPS, start=1):
        python = f"`{step.python.__name__}` ({step.python.__module__.replace('.', '/')}.py)" if step.python else ""
        parts.append(f"| {number} | {step.name} | `{step.layer}` | {python} | "
                     + (f"`{step.sql}`" if step.sql else "") + " | "
                     + (f"`{step.helpers}/`" if step.helpers else "") + " |")
    return "\n".join(parts) + f"\n\nFolders: {', '.join(f'`{folder}/` ({layer})' for layer, folder in FOLDERS.items())}.\n"


if __name__ == "__main__":
    if sys.argv[1:] == ["steps"]:
        sys.stdout.write(steps_markdown())
    else:
        sys.stdout.write(contract_markdown(load_catalog(Path(__file__).resolve().parent.parent / "data")))
