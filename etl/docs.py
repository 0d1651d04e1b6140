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

### Imported UN Digital Library data (empty until `python -m etl import-undl FILE`)

- `undl_votes`: one row per state × resolution of the imported voting files: `resolution_symbol`,
  `iso3` (as in the file; historic codes such as `YUG` kept), `vote` (`Y`/`N`/`A`/`X`; `NV` and empty
  become `X`), `vote_date`, `import_file`.
- `undl_vote_records`: one row per resolution of those files: `resolution_symbol`, `vote_date`,
  `session` (text: `73`, `ES-10`), `title`, `draft_symbol`, `meeting_record`, `announced_yes_count`,
  `announced_no_count`, `announced_abstain_count`, `state_row_count`, `import_file`.
- `undl_resolutions`: the resolutions dataset (record 4060945), one row per resolution, with
  `adoption_mode` (`recorded_vote`, or `without_vote_or_unknown` when no totals are given).
- `all_votes`: curated plenary votes plus imported votes on resolutions the curated record lacks
  (`origin` = `curated` or `undl`; `is_cyber` marks the ICT resolutions). Curated facts always win.
- `undl_disagreements`: imported votes that differ from curated ones, for review.

The UN Digital Library data are published for non-commercial use with attribution (© United Nations);
the app shows that attribution whenever they are loaded.
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
