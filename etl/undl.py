"""Import the UN Digital Library bulk voting CSV (record 4060887) and its resolutions sibling (4060945).

Files are read by column name (every release layout: 2024 `NV`, 2025-26 `X` and `vote_note`, empty
votes, totals written `94.0`, sessions like `ES-10`, quoted titles with commas, a UTF-8 BOM), checked
row by row, and kept as normalised Parquet in imports/ (git-ignored), which every `etl build` re-applies.
They never overwrite curated facts: disagreements with data/votes.csv are reported.
"""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.validate import Issue, ValidationFailed

ROOT = Path(__file__).resolve().parent.parent
VOTE_COLUMNS = ("undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "draft",
                "committee_report", "meeting", "title", "agenda_title", "subjects", "vote_note", "total_yes",
                "total_no", "total_abstentions", "total_non_voting", "total_ms", "undl_link")
VOTE_REQUIRED = {"ms_code", "ms_vote", "date", "resolution"}
RESOLUTION_COLUMNS = ("undl_id", "date", "session", "resolution", "draft", "committee_report", "meeting", "title",
                      "agenda_title", "subjects", "vote_note", "total_yes", "total_no", "total_abstentions",
                      "total_non_voting", "total_ms", "undl_link", "adoption")
RESOLUTION_REQUIRED = {"resolution", "date"}
MAX_REPORTED = 20
MAX_HEADER_BYTES = 64 * 1024  # the 2026 header is 230 bytes
MAX_LINE_BYTES = 2 * 1024 * 1024  # DuckDB's own default max_line_size
MAX_INFLATED_BYTES = 2 * 1024 ** 3  # the whole 1946-2025 voting file is about 0.3 GB unpacked
SQL_DIR = Path(__file__).parent / "sql"


class ImportRefused(Exception):
    """The file cannot be imported; the message names file, line, column and the problem."""


@dataclass(frozen=True)
class ImportResult:
    kind: str
    row_count: int
    resolution_count: int
    parquet_path: Path
    seconds: float


def imports_dir() -> Path:
    return Path(os.environ.get("CYBERDIPLOMACY_IMPORTS") or ROOT / "imports")


def _open_binary(path: Path):
    return gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")


def _open_text(path: Path):
    return io.TextIOWrapper(_open_binary(path), encoding="utf-8-sig", newline="")


def _size_text(size: int) -> str:
    return f"{size / 1024 ** 3:g} GiB" if size >= 1024 ** 3 else f"{size / 1024 ** 2:g} MiB" if size >= 1024 ** 2 \
        else f"{size / 1024:g} KiB"


def check_inflated_size(path: Path, bound: int | None = None) -> None:
    """Refuse a gzip file that unpacks to more than the bound (a small file can unpack to gigabytes), before any
    reader holds it; read in chunks, so checking costs no memory."""
    bound = MAX_INFLATED_BYTES if bound is None else bound
    if path.suffix != ".gz":
        return
    total = 0
    try:
        with gzip.open(path, "rb") as handle:
            while chunk := handle.read(1024 * 1024):
                total += len(chunk)
                if total > bound:
                    raise ImportRefused(f"{path.name}:1: column '(file)': unpacks to more than {_size_text(bound)} "
                                        f"(the bound on an unpacked import, MAX_INFLATED_BYTES); is this the UN "
                                        "Digital Library file?")
    except (OSError, EOFError) as exc:
        raise ImportRefused(f"{path.name}:1: column '(file)': not a readable gzip file: {exc}") from exc


def read_header(path: Path) -> list[str]:
    try:
        with _open_binary(path) as handle:
            first = handle.readline(MAX_HEADER_BYTES + 1)
        if len(first) > MAX_HEADER_BYTES:
            raise ImportRefused(f"{path.name}:1: column '(header)': the header line is longer than "
                                f"{_size_text(MAX_HEADER_BYTES)} (the bound on a header); not a UN Digital Library file")
        if not first.strip():
            raise ImportRefused(f"{path.name}:1: column '(header)': the file is empty; expected a header line")
        text = first.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        return next(csv.reader([text]))
    except UnicodeDecodeError as exc:
        raise ImportRefused(f"{path.name}:1: column '(byte {exc.start + 1})': the header is not UTF-8") from exc
    except (OSError, csv.Error, EOFError) as exc:
        raise ImportRefused(f"{path.name}:1: column '(header)': cannot read the header: {exc}") from exc


def _first_undecodable_line(path: Path) -> tuple[int, int] | None:
    with _open_binary(path) as handle:
        for number, raw in enumerate(iter(lambda: handle.readline(MAX_LINE_BYTES + 1), b""), start=1):
            if len(raw) > MAX_LINE_BYTES:
                return None  # the parse error itself names the long line
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                return number, exc.start + 1
    return None


def detect_kind(path: Path, header: list[str]) -> str:
    names = [h.strip().lower() for h in header]
    if VOTE_REQUIRED <= set(names):
        kind, known = "votes", set(VOTE_COLUMNS)
    elif RESOLUTION_REQUIRED <= set(names) and "ms_vote" not in names:
        kind, known = "resolutions", set(RESOLUTION_COLUMNS)
    else:
        raise ImportRefused(f"{path.name}:1: unknown header, not a UN Digital Library voting or resolutions file: "
                            f"{','.join(header)}")
    unknown = [h for h in names if h not in known]
    if unknown or len(set(names)) != len(names):
        raise ImportRefused(f"{path.name}:1: unknown or repeated column(s) {', '.join(unknown) or '(repeated)'} "
                            f"in header: {','.join(header)}")
    return kind


def _stage(con: duckdb.DuckDBPyConnection, path: Path, header: list[str], known: tuple[str, ...],
           numbered: bool) -> None:
    """Every column as text, by name. Line numbers (row_number follows the file's order) cost a serial
    pass, so they are computed only to report problems."""
    columns = {name.strip().lower(): "VARCHAR" for name in header}
    sql = (SQL_DIR / ("staging/undl/stage_numbered.sql" if numbered else "staging/undl/stage.sql")).read_text(encoding="utf-8")
    con.execute(sql, {"path": str(path), "columns": columns})
    for name in known:  # older releases lack some columns (e.g. vote_note): add them empty
        if name not in columns:
            con.execute(f"ALTER TABLE staged ADD COLUMN {name} VARCHAR")  # name from our own constant list


def _bounded_lines(handle, path: Path):
    """The file's lines, refusing one longer than MAX_LINE_BYTES (a line is read whole otherwise)."""
    number = 0
    while line := handle.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(line) > MAX_LINE_BYTES:
            raise ImportRefused(f"{path.name}:{number}: column '(row)': the line is longer than "
                                f"{_size_text(MAX_LINE_BYTES)} (the bound on a line, MAX_LINE_BYTES)")
        yield line


def _parse_error(path: Path, header: list[str], exc: Exception) -> str:
    """Where DuckDB's parse failed, found again by a plain row scan (only on this error path)."""
    bad_bytes = _first_undecodable_line(path)
    if bad_bytes:
        return f"{path.name}:{bad_bytes[0]}: column '(byte {bad_bytes[1]})': not UTF-8; save the file as UTF-8"
    try:
        with _open_text(path) as handle:
            reader = csv.reader(_bounded_lines(handle, path), strict=True)
            next(reader)
            for fields in reader:
                if fields and len(fields) != len(header):
                    column = header[len(fields)] if len(fields) < len(header) else f"(field {len(header) + 1})"
                    return (f"{path.name}:{reader.line_num}: column '{column}': expected {len(header)} fields, "
                            f"got {len(fields)} (check delimiter and quoting)")
    except csv.Error as err:
        return f"{path.name}:{reader.line_num + 1}: column '(row)': malformed CSV: {err}"
    return f"{path.name}:?: column '(row)': the CSV cannot be parsed: {str(exc).splitlines()[0]}"


def _problem_count(con, kind: str, written: Path | None = None) -> int:
    params = {"written": str(written)} if written else None
    return con.execute((SQL_DIR / f"staging/undl/{kind}_problem_count.sql").read_text(encoding="utf-8"), params).fetchall()[0][0]


def _problems(con, path: Path, kind: str) -> list[Issue]:
    sql = (SQL_DIR / f"staging/undl/{kind}_problems.sql").read_text(encoding="utf-8")
    rows = con.execute(sql, {"limit": MAX_REPORTED}).fetchall()
    return [Issue(path.name, line, column, value or "", rule, message) for line, column, value, rule, message in rows]


def import_file(path: Path, target_dir: Path | None = None, progress=print) -> ImportResult:
    """Check a UNDL file and store it normalised as Parquet; raise ImportRefused / ValidationFailed if bad."""
    start = time.perf_counter()
    path = Path(path)
    if not path.exists():
        raise ImportRefused(f"{path}: no such file")
    check_inflated_size(path)
    header = read_header(path)
    kind = detect_kind(path, header)
    target_dir = target_dir or imports_dir()
    con = duckdb.connect(config={"memory_limit": "1GB"})
    if progress is not None:  # DuckDB draws its own progress bar on long reads
        con.execute("SET enable_progress_bar = true")
        con.execute("SET enable_progress_bar_print = true")
    try:
        progress and progress(f"reading {path.name} ({kind})…")
        known = VOTE_COLUMNS if kind == "votes" else RESOLUTION_COLUMNS
        try:
            _stage(con, path, header, known, numbered=False)
        except duckdb.Error as exc:
            raise ImportRefused(_parse_error(path, header, exc)) from exc
        con.execute((SQL_DIR / "staging/undl/macros.sql").read_text(encoding="utf-8"))
        # Votes are checked on the Parquet just written (one pass over the text); resolutions before writing.
        outputs = [] if kind == "votes" else [None]
        if kind == "votes":
            outputs.append(_write(con, kind, target_dir, path))
        if _problem_count(con, kind, outputs[0]):
            for tmp in filter(None, outputs):
                tmp.unlink(missing_ok=True)
            con.execute("DROP TABLE staged")
            _stage(con, path, header, known, numbered=True)
            raise ValidationFailed(_problems(con, path, kind))
        if kind == "votes":
            outputs.append(_write(con, "vote_records", target_dir, path))
        else:
            outputs = [_write(con, kind, target_dir, path)]
        counts = "staging/undl/vote_kept_counts.sql" if kind == "votes" else "staging/undl/kept_counts.sql"
        rows, resolutions = con.execute((SQL_DIR / counts).read_text(encoding="utf-8"),
                                        {"p": str(outputs[-1])}).fetchall()[0]
        for tmp in outputs:
            os.replace(tmp, tmp.with_suffix(""))
    finally:
        con.close()
    return ImportResult(kind, rows, resolutions, outputs[0].with_suffix(""), time.perf_counter() - start)


def _write(con: duckdb.DuckDBPyConnection, kind: str, base: Path, source: Path) -> Path:
    """Write one normalised Parquet file next to its final name (.tmp), to be renamed when all are written."""
    folder = base / f"undl_{kind}"
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / (stored_name(source.name) + ".tmp")
    normalise = (SQL_DIR / f"staging/undl/{kind}_normalise.sql").read_text(encoding="utf-8")
    params = {"import_file": source.name, "out": str(tmp)}
    if kind != "votes":
        params["imported_at"] = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    # The normalising SELECT is the project's own SQL file; only the values are bound.
    con.execute(f"COPY ({normalise}) TO $out (FORMAT parquet, COMPRESSION zstd)", params)
    return tmp


def stored_name(file_name: str) -> str:
    """The kept Parquet's name: the whole file name, so unga.2025.csv and unga.2026.csv never collide. A name with
    other characters also carries a digest of itself: 'unga 2026.csv' and 'unga_2026.csv' are two imports."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", file_name)
    if safe != file_name:
        safe += "-" + hashlib.sha256(file_name.encode("utf-8")).hexdigest()[:10]
    return safe + ".parquet"


def imported_files(kind: str, base: Path | None = None) -> list[str]:
    folder = (base or imports_dir()) / f"undl_{kind}"
    return sorted(str(p) for p in folder.glob("*.parquet")) if folder.exists() else []
