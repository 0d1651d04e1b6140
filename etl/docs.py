"""The data-contract section of the README, generated from data/datapackage.json so the two cannot drift."""
from __future__ import annotations

import sys
from pathlib import Path

from etl.schema import Catalog, load_catalog

DERIVED = {
    "states": [("iso_name", "text", "ISO 3166-1 name of the code (pycountry), for comparison with the UN name")],
    "resolutions": [
        ("origin", "text", "Where the row comes from: `curated` (data/resolutions.csv), `undl` (an imported UN "
                           "Digital Library file), `unxml` (the UN's machine-readable resolutions, sessions 74-80) "
                           "or `history` (Voeten's voting history); only texts matching data/track_rules.yml join "
                           "from the last three"),
        ("filled_from_undl", "text", "Fields of a curated row left empty by curation and filled from an import, "
                                     "comma-separated (empty: none); the row keeps its curated source"),
        ("filled_from_unxml", "text", "Fields of a curated row left empty by curation (and by imports) and filled "
                                      "from the UN's machine-readable resolutions, comma-separated (empty: none)"),
        ("imported_from", "text", "The imported file that filled or contributed the row"),
        ("document_url", "text", "Link to the document on undocs.org"),
    ],
    "votes": [("origin", "text", "Where the per-state votes of this resolution come from: `curated`, `undl`, "
                                 "`unxml` or `history`; one origin per resolution, in that order of precedence")],
    "sponsorships": [("origin", "text", "`curated` (data/sponsorships.csv) or `unxml` (the UN's machine-readable "
                                        "resolutions, for the record's texts and the states curation does not name)")],
    "bloc_memberships": [("start_date", "date", "First day of the spell as every figure reads it: `joined_date`, else the "
                                                "bloc's `founding_date` (blocs.csv); a member counts on a vote when "
                                                "start_date <= vote date < left_date")],
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

### The record: one `resolutions`, one `votes`, one `all_votes`

`resolutions`, `votes` and `sponsorships` hold the record whatever its origin. Per-state plenary votes
come from one origin per resolution: curated rows (`data/votes.csv`) first, then the newest UN Digital
Library import, then the UN's machine-readable resolutions (sessions 74-80, `unxml`), then Voeten's
history (1946-2019); where the two bundled origins both hold a vote (session 74) the UN's own lists win.
Both list only states that voted: a member on the vote date with no row is shown as not voting (`X`,
confidence `inferred`). Imports and the UN's resolutions fill only what curation left empty
(`filled_from_undl`, `filled_from_unxml`), and a text the curated record lacks joins only when
`data/track_rules.yml` matches its title or subjects.

- `all_votes`: the recorded GA plenary votes per state that the origins hold, 1946 onwards (see the README
  on coverage and its gaps): `resolution_symbol`, `vote_date`, `iso3` (historic codes such as `YUG` kept),
  `vote`, `session` (text: `74`, `ES-11`), `origin` (`curated`, `undl`, `unxml`, `history`), `is_cyber`
  (the resolution is in `resolutions`).
- `state_labels`: a display name for every state code in the record (`iso3`, `name`, `un_regional_group`,
  `is_current`); former states of the history (`CSK`, `DDR`, `YUG` before 2000, …) carry the dataset's name.
- `vote_disagreements`: every state whose vote two origins record differently, for each pair of origins
  holding the same vote: `resolution_symbol`, `iso3`, `kept_vote`, `kept_origin` (the first-ranked of the
  two, which the record keeps), `other_vote`, `other_origin`, `other_file`. A state missing from a bundled
  origin's lists counts as not voting there.
- `text_disagreements`: facts of a curated text that the UN's machine-readable resolutions give
  differently (curated kept): `resolution_symbol`, `column_name`, `curated_value`, `unxml_value`,
  `unxml_source`.
- `sponsor_disagreements`: curated sponsorships whose role (on the draft or joined later) the UN's lists
  give differently (curated kept): `resolution_symbol`, `iso3`, `curated_role`, `unxml_role`,
  `unxml_draft_symbol`, `unxml_source`.
- `text_paragraphs`: the record's texts paragraph by paragraph (the UN's machine-readable resolutions, and
  the 2018 draft A/C.3/73/L.9/Rev.1 from its public document): `text_symbol`, `resolution_symbol` (the
  resolution adopted from a draft), `paragraph_order`, `part` (`preamble`, `operative`, `annex`),
  `paragraph_number`, `heading_path` (the Convention's chapter and article), `paragraph_text` (plain text,
  footnotes left out), `source`.
- `text_citations`: the resolutions, decisions and documents each paragraph cites (undocs.org links, footnotes
  included, and symbols named in its words): `text_symbol`, `resolution_symbol`, `paragraph_order`,
  `cited_symbol`, `cited_as`, `cited_in_record`, `source`.
- `text_lineage`: per text, the record's texts it cites and those citing it, beside the curated lineage (the
  text before it in its track): `resolution_symbol`, `track`, `adopted_date`, `previous_in_track`,
  `cites_previous_in_track`, `cited_record_symbols`, `cited_by_symbols`.
- `vote_coverage_by_session`: per GA session, the recorded votes each origin holds and those the record
  keeps: `session`, `first_vote_date`, `last_vote_date`, `history_vote_count`, `unxml_vote_count`,
  `unxml_listed_vote_count` (with per-state lists), `kept_vote_count`.

### Imported UN Digital Library data (empty until `python -m etl import-undl FILE`)

- `undl_votes`: one row per resolution × state (the newest imported release wins): `resolution_symbol`,
  `iso3` (as in the file), `vote` (`Y`/`N`/`A`/`X`; `NV` and empty become `X`), `vote_date`, `import_file`.
- `undl_vote_records`: one row per resolution of those files: `resolution_symbol`, `vote_date`,
  `session` (text: `73`, `ES-10`), `title`, `agenda_title`, `subjects`, `draft_symbol`, `meeting_record`,
  `announced_yes_count`, `announced_no_count`, `announced_abstain_count`, `state_row_count`, `undl_link`,
  `import_file`, `imported_at`.
- `undl_resolutions`: the resolutions dataset (record 4060945), one row per resolution, with
  `adoption_mode` (`recorded_vote`, or `without_vote_or_unknown` when no totals are given).
- `undl_disagreements`: imported votes that differ from curated ones, for review.

The UN Digital Library data are published for non-commercial use with attribution (© United Nations);
the app and every export show that attribution whenever they draw them.
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
                     ([f"matches `{col.pattern}`"] if col.pattern else []) + \
                     ([f"→ `{col.references[0]}.{col.references[1]}`"] if col.references else [])
            parts.append(f"| `{col.name}` | {col.type} | {col.description}"
                         + (f" ({'; '.join(checks)})" if checks else "") + " |")
        for name, col_type, description in DERIVED.get(table.name, []):
            parts.append(f"| `{name}` | {col_type} | {description} (derived at build) |")
        parts.append("")
    return "\n".join(parts) + "\n" + EXTRA_VIEWS + "\n" + bundled_markdown(catalog)


def bundled_markdown(catalog: Catalog) -> str:
    """The bundled datasets: what they are, where from, under which terms, and each file's grain."""
    parts = []
    for dataset in catalog.bundled.values():
        parts.append(f"### Bundled: {dataset.title}\n\nProducer: {dataset.producer}. Cite as: {dataset.citation} "
                     f"{dataset.distributed_as} Accessed {dataset.accessed}. Licence: {dataset.licence}\n")
        parts += [f"- `data/{spec.file}` ({spec.row_count:,} rows): {spec.grain}; columns "
                  + ", ".join(f"`{c}`" for c in spec.columns) + "." for spec in dataset.files.values()]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    sys.stdout.write(contract_markdown(load_catalog(Path(__file__).resolve().parent.parent / "data")))
