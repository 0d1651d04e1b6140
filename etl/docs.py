"""The data-contract section of the README, generated from sources.yml so the two cannot drift."""
from __future__ import annotations

import sys
from pathlib import Path

from etl.schema import Catalog, load_catalog

DERIVED = {
    "states": [("iso_name", "text", "ISO 3166-1 name of the code (pycountry), for comparison with the UN name")],
    "resolutions": [("document_url", "text", "Link to the document on undocs.org")],
}
EXTRA_VIEWS = """### `sources`

Every reference cited by the curated rows (a row may cite several, separated by ` ; `), per table:
`source_ref`, `source_kind` (`document` or `url`), `link_url` (undocs.org for A/… and E/… symbols),
`table_name`, `row_count`, `confirmed_count`, `single_source_count`, `inferred_count`.

### `datasets`

One row per curated table: `table_name`, `file_name`, `title`, `producer`, `url`, `accessed_date`,
`licence`, `grain`, `row_count`.

### `build_info`

One row: `data_version`, `built_at` (timestamp), `data_built_date`, `licence`, `citation`.
"""


def contract_markdown(catalog: Catalog) -> str:
    parts = []
    for table in catalog.tables.values():
        parts.append(f"### `{table.name}`\n\n{table.title}. Grain: {table.grain}. "
                     f"Key: {', '.join(table.primary_key)}. Source: {table.producer} ({table.url}).\n\n"
                     "| column | type | description |\n|---|---|---|")
        for col in table.columns.values():
            checks = (["required"] if col.required else []) + \
                     ([f"one of {', '.join(f'`{a}`' for a in col.allowed)}"] if col.allowed else []) + \
                     ([f"→ `{col.references[0]}.{col.references[1]}`"] if col.references else [])
            parts.append(f"| `{col.name}` | {col.type} | {col.description}"
                         + (f" ({'; '.join(checks)})" if checks else "") + " |")
        for name, col_type, description in DERIVED.get(table.name, []):
            parts.append(f"| `{name}` | {col_type} | {description} (derived at build) |")
        parts.append("")
    return "\n".join(parts) + "\n" + EXTRA_VIEWS


if __name__ == "__main__":
    sys.stdout.write(contract_markdown(load_catalog(Path(__file__).resolve().parent.parent / "data")))
