"""Regenerate the bundled UN record of sessions 74-80 (data/history/un_ga_*.parquet) from a local checkout of
the UN's machine-readable GA resolutions: python scripts/make_un_record.py CHECKOUT [--commit SHA]
[--plain-text SYMBOL=FILE ...]

The record's texts (the curated ones and those data/track_rules.yml selects) are kept paragraph by paragraph
with the documents they cite; a draft the source does not hold (A/C.3/73/L.9/Rev.1, the 2018 seed) can be
added from its public document as plain text with --plain-text.

CHECKOUT holds `data_extract/*.json` and `<N>session/English/` (github.com/UNxml/GAresolutions). The product
never downloads: this script is run by a maintainer, and the commit it read is recorded in every row's source
and in data/datapackage.json. A voter's name that does not map to data/states.csv stops it with file:line.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl import record, untexts, unxml  # noqa: E402  (the project root is put on the path first)
from etl.validate import Issue, ValidationFailed  # noqa: E402

DATASET = "un_ga_resolutions"
SCHEMAS = {
    "resolutions": pa.schema([
        ("resolution_symbol", pa.string()), ("session", pa.string()), ("adopted_date", pa.date32()),
        ("title", pa.string()), ("meeting_record", pa.string()), ("draft_symbol", pa.string()),
        ("draft_date", pa.date32()), ("committee", pa.string()), ("agenda_title", pa.string()),
        ("subjects", pa.string()), ("adoption_mode", pa.string()), ("announced_yes_count", pa.int32()),
        ("announced_no_count", pa.int32()), ("announced_abstain_count", pa.int32()), ("listed_yes_count", pa.int32()),
        ("listed_no_count", pa.int32()), ("listed_abstain_count", pa.int32()), ("unmapped_sponsor_text", pa.string()),
        ("source", pa.string()), ("confidence", pa.string())]),
    "votes": pa.schema([
        ("resolution_symbol", pa.string()), ("iso3", pa.string()), ("source_state_name", pa.string()),
        ("vote", pa.string()), ("source", pa.string()), ("confidence", pa.string())]),
    "sponsors": pa.schema([
        ("resolution_symbol", pa.string()), ("draft_symbol", pa.string()), ("iso3", pa.string()),
        ("role", pa.string()), ("source_sponsor_text", pa.string()), ("on_behalf_of", pa.string()),
        ("source", pa.string()), ("confidence", pa.string())]),
    "texts": pa.schema([
        ("text_symbol", pa.string()), ("paragraph_order", pa.int32()), ("part", pa.string()),
        ("paragraph_number", pa.string()), ("heading_path", pa.string()), ("paragraph_text", pa.string()),
        ("source", pa.string())]),
    "citations": pa.schema([
        ("text_symbol", pa.string()), ("paragraph_order", pa.int32()), ("cited_symbol", pa.string()),
        ("cited_as", pa.string()), ("source", pa.string())]),
}


def _commit(checkout: Path) -> str | None:
    done = subprocess.run(["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


def record_symbols(resolutions: list[dict], data_dir: Path) -> set[str]:
    """The texts of the record: curated, or selected by data/track_rules.yml as the build selects them."""
    with (data_dir / "resolutions.csv").open(encoding="utf-8") as handle:
        curated = {row["symbol"] for row in csv.DictReader(handle)}
    phrases, excluded = record.load_rules(data_dir)
    refused = {symbol for symbol, _ in excluded}
    matched = {r["resolution_symbol"] for r in resolutions
               if any(phrase in " ".join(filter(None, (r["title"], r["agenda_title"], r["subjects"]))).lower()
                      for _, phrase, _ in phrases)}
    return (curated | matched) - refused


def texts(checkout: Path, wanted: set[str], commit: str, plain: dict[str, Path]) -> dict[str, list[dict]]:
    """Paragraphs and citations of the wanted texts the source holds, and of the plain-text drafts given."""
    found = {"texts": [], "citations": []}
    for folder in sorted(checkout.glob("*session")):
        for name, data in unxml.texts_of(folder):
            file_name, _, member = name.partition(".zip/")  # a text inside session 74's zip: its member as anchor
            source = (f"{unxml.REPOSITORY}/blob/{commit}/{quote(folder.name + '/' + file_name)}"
                      + (f".zip#{quote(member)}" if member else ""))
            symbol, paragraphs, citations = untexts.parse_akn(data, source)
            if symbol in wanted:
                found["texts"] += paragraphs
                found["citations"] += citations
    for symbol, path in plain.items():
        paragraphs, citations = untexts.parse_plain(path.read_text(encoding="utf-8"), symbol, symbol)
        found["texts"] += paragraphs
        found["citations"] += citations
    bad = untexts.unsafe(found["texts"])
    if bad:
        raise ValidationFailed([Issue(p["source"], p["paragraph_order"], "paragraph_text", p["paragraph_text"][:40],
                                      "text", "a control character or more than 5,000 characters") for p in bad])
    return found


def write(checkout: Path, data_dir: Path, commit: str, plain: dict[str, Path] | None = None) -> dict[str, int]:
    """Write the bundled files under data_dir/history and their row counts into data_dir/datapackage.json."""
    with (data_dir / "states.csv").open(encoding="utf-8") as handle:
        states = [(row["iso3"], row["name"]) for row in csv.DictReader(handle)]
    rows = unxml.read(checkout, states, commit)
    rows |= texts(checkout, record_symbols(rows["resolutions"], data_dir), commit, plain or {})
    package_path = data_dir / "datapackage.json"
    package = json.loads(package_path.read_text(encoding="utf-8"))
    files = package["bundled"][DATASET]["files"]
    counts = {}
    for key, schema in SCHEMAS.items():
        out = data_dir / files[key]["path"]
        out.parent.mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pylist(rows[key], schema=schema)
        pq.write_table(table, out, compression="zstd", compression_level=19)
        files[key]["rowCount"] = counts[key] = table.num_rows
        files[key]["columns"] = schema.names
    package["bundled"][DATASET]["commit"] = commit
    package_path.write_text(replace_block(package_path.read_text(encoding="utf-8"), DATASET,
                                          package["bundled"][DATASET]), encoding="utf-8")
    return counts


def replace_block(text: str, key: str, value: dict) -> str:
    """The descriptor with one bundled dataset's block rewritten and every other line as the curators wrote it."""
    start = text.index(f'"{key}": ') + len(f'"{key}": ')
    _, length = json.JSONDecoder().raw_decode(text[start:])
    indent = start - text.rfind("\n", 0, start) - 1 - len(f'"{key}": ')
    block = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + " " * indent)
    return text[:start] + block + text[start + length:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path, help="folder with data_extract/ and <N>session/English/")
    parser.add_argument("--commit", help="the source's commit (default: git rev-parse HEAD in CHECKOUT)")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder to write into")
    parser.add_argument("--plain-text", action="append", default=[], metavar="SYMBOL=FILE",
                        help="a draft the source does not hold, as the plain text of its public document")
    args = parser.parse_args()
    plain = {}
    for item in args.plain_text:
        symbol, _, path = item.partition("=")
        if not path or not Path(path).is_file():
            sys.exit(f"error: --plain-text wants SYMBOL=FILE with an existing file, not {item!r}")
        plain[symbol] = Path(path)
    commit = args.commit or _commit(args.checkout)
    if not commit:
        sys.exit("error: CHECKOUT is not a git checkout; name the source's commit with --commit")
    try:
        counts = write(args.checkout, args.data, commit, plain)
    except ValidationFailed as failed:
        for issue in failed.issues:
            print(issue, file=sys.stderr)
        sys.exit(1)
    for key, count in counts.items():
        print(f"{key}: {count:,} rows")


if __name__ == "__main__":
    main()
