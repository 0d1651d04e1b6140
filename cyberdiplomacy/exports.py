"""Exports for briefings: figures as PNG/SVG/PDF (kaleido + local Chromium), tables as CSV/XLSX/Parquet."""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import os
import re
import shutil
import threading
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pyarrow as pa
import pyarrow.parquet as pq

from cyberdiplomacy import citation, provenance, safe_text, vocabulary
from cyberdiplomacy.frame_cache import FrameCache

TOPOJSON_DIR = Path(__file__).resolve().parent.parent / "static" / "topojson"
SIZES = {"slide": (1600, 900), "a4": (1123, 794)}  # 16:9 slide; A4 landscape at 96 px per inch
PNG_SCALE = 2  # 3200 x 1800 px for a slide: sharp on a projector and in print
FORMATS = ("png", "svg", "pdf")
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "parquet": "application/vnd.apache.parquet", "zip": "application/zip",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}
_server_lock = threading.Lock()  # kaleido's sync server answers one request at a time, in order


class ExportUnavailable(Exception):
    """Figure export cannot run here (no Chromium); the message says what to install."""


def chromium_path() -> str | None:
    return _find_chromium(os.environ.get("BROWSER_PATH", ""), os.environ.get("PATH", ""))


@functools.lru_cache(maxsize=8)
def _find_chromium(browser_path: str, search_path: str) -> str | None:
    """Asked on every page run (to offer figure downloads); a PATH search each time showed in profiles."""
    return browser_path or next(filter(None, (shutil.which(name, path=search_path)
                                              for name in ("chromium", "chromium-browser", "google-chrome"))), None)


def export_available() -> bool:
    return chromium_path() is not None


def _need_chromium() -> str:
    path = chromium_path()
    if path is None:
        raise ExportUnavailable("Figure export needs Chromium, which is not installed here. On Debian: "
                                "apt-get install chromium (or set BROWSER_PATH to a Chrome/Chromium binary).")
    return path


def _start_server() -> None:
    import kaleido

    os.environ.setdefault("BROWSER_PATH", _need_chromium())
    pio.defaults.topojson = TOPOJSON_DIR.as_uri() + "/"  # maps render offline from the bundled files
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)


def with_subtitle(fig: go.Figure, selection: str) -> go.Figure:
    """A copy whose subtitle names the selection, so an exported figure stands on its own."""
    copy = go.Figure(fig)
    meta = dict(copy.layout.meta or {})
    subtitle = " · ".join(s for s in (meta.get("subtitle"), selection) if s)
    title = meta.get("title") or ""
    copy.update_layout(title_text=f"<b>{safe_text.plotly(title)}</b><br>"  # meta keeps them as written
                                  f"<span style='font-size:12px;color:#555'>{safe_text.plotly_lines(subtitle)}</span>")
    return copy


def figure_bytes(fig: go.Figure, fmt: str, size: str = "slide", selection: str = "") -> bytes:
    """The figure as shown, with title, selection and source footer, as PNG, SVG or PDF."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    _need_chromium()  # said plainly before anything else, even when this figure was exported before
    width, height = SIZES[size]
    figure = with_subtitle(fig, selection) if selection else fig
    # Plotly ignores the title's top pad at the container's edge: place it 20 px down in the exported page.
    figure = go.Figure(figure).update_layout(title_y=1 - 20 / height)
    # The same figure (built once per selection by the registry) is often exported by many users: identical
    # requests are answered from memory instead of queueing for the one export browser.
    key = (hashlib.sha256(figure.to_json().encode()).hexdigest(), fmt, width, height)
    return _rendered.get(key, lambda: _render(figure, fmt, width, height))


EXPORT_CACHE_MB = int(os.environ.get("CYBERDIPLOMACY_EXPORT_CACHE_MB", "64"))
_rendered = FrameCache(EXPORT_CACHE_MB * 1024 * 1024, size=len, copy=lambda value: value)


def _render(figure: go.Figure, fmt: str, width: int, height: int) -> bytes:
    with _server_lock:
        _start_server()
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="The kopts argument is ignored")  # we run a server
                return pio.to_image(figure, format=fmt, width=width, height=height,
                                    scale=PNG_SCALE if fmt == "png" else 1)
        except Exception as exc:  # kaleido reports a missing or broken browser in many ways
            raise ExportUnavailable(f"Figure export failed in Chromium: {exc}") from exc


FILE_NAME_PART = 60  # a long search term or many states stay a readable, legal file name


def _name_part(text: str) -> str:
    """Letters, digits and hyphens: legal on every file system; a symbol keeps its case (A-RES-74-247)."""
    return re.sub(r"[^A-Za-z0-9]+", "-", str(text)).strip("-")[:FILE_NAME_PART].strip("-")


def selection_parts(filters) -> list[str]:
    """The selection of a page's filters, as the parts of a file name: the resolution, states, a narrowed track,
    years, bodies, formats, a search term (what describe() says in words)."""
    parts = [filters.resolution or "", "-".join(filters.states)]
    tracks = tuple(filters.tracks)
    if len(tracks) == 1:  # both tracks is the whole record, not a selection
        parts.append(tracks[0])
    if filters.from_year is not None or filters.to_year is not None:
        first, last = filters.from_year, filters.to_year
        parts.append(f"{first}-{last}" if first is not None and last is not None else
                     f"from-{first}" if first is not None else f"to-{last}")
    parts += ["-".join(filters.bodies), "-".join(filters.formats), filters.search]
    return [p for p in parts if p]


def file_name(what: str, parts, ext: str) -> str:
    """'vote-map_A-RES-74-247.png': what the file holds, then the selection; the bare name for the whole record."""
    words = [_name_part(p) for p in parts]
    return "_".join([_name_part(what), *(w for w in words if w)]) + f".{ext}"


def about(title: str, selection: str, sources: list[str], build: dict, view_url: str = "",
          kind: str = "Figure") -> dict[str, str]:
    """The provenance block written with every exported table, with the text to cite it."""
    cite = citation.figure_citation(build, view_url, sources, title, kind)
    return {
        "title": title,
        "selection": selection,
        "sources": "; ".join(dict.fromkeys(s for s in sources if s)),
        "data_version": str(build.get("data_version", "")),
        "data_built_date": str(build.get("data_built_date", ""))[:10],
        "exported_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "licence": provenance.ATTRIBUTION,
        "citation": str(build.get("citation", "")),
        **({"view_url": view_url} if view_url else {}),
        "cite_apa": cite["apa"],
        "cite_bibtex": cite["bibtex"],
        **({"attribution": attribution} if (attribution := provenance.attribution_for(sources)) else {}),
    }


def csv_bytes(table: pd.DataFrame, attribution: str = "", *, coded: bool = False) -> bytes:
    """Plain CSV (the provenance travels in the XLSX 'about' sheet and Parquet metadata).

    A figure's data says votes and tracks in words, as its Excel file does (a CSV is mostly opened in a spreadsheet);
    the Data Package (`coded=True`) and Parquet keep the codes its schema declares (Y, N, A, X).

    An attribution a licence requires (UN Digital Library data) travels as a last column on every row. Text cells a
    spreadsheet would run as a formula are written as text (safe_text.spreadsheet_frame)."""
    if not coded:
        table = with_labels(table)
    if attribution:
        table = table.assign(attribution=attribution)
    # RFC 4180's CRLF rows: the csv writer then quotes a cell holding a bare CR, which otherwise split its row.
    return safe_text.spreadsheet_frame(table).to_csv(index=False, lineterminator="\r\n").encode("utf-8")


CODE_COLUMNS = {"vote", "vote_a", "vote_b", "curated_vote", "kept_vote", "other_vote", "imported_vote"}
MAX_COLUMN_WIDTH = 60


def with_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """The app's words for coded cells: votes (Y -> Yes) and tracks; the codes stay in Parquet and the Data Package."""
    out = frame.copy()
    for column in out.columns:
        if column in CODE_COLUMNS:
            out[column] = out[column].map(lambda v: vocabulary.VOTE_LABELS.get(v, v) if isinstance(v, str) else v)
        elif column == "track":
            out[column] = out[column].map(lambda v: vocabulary.TRACK_LABELS.get(v, v) if isinstance(v, str) else v)
    return out


def _dates_as_dates(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.DatetimeTZDtype):  # Excel has no time zones
            out[column] = out[column].dt.tz_localize(None)
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.date
    return out


def write_sheet(writer: pd.ExcelWriter, name: str, frame: pd.DataFrame) -> None:
    """One readable sheet: labels, dates as dates, bold frozen header, filters, widths that fit the text; no text
    cell becomes a formula (openpyxl writes a string starting with '=' as one)."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    data = safe_text.spreadsheet_frame(_dates_as_dates(with_labels(frame)))
    data.to_excel(writer, sheet_name=name, index=False)
    sheet = writer.sheets[name]
    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, column in enumerate(data.columns, start=1):
        texts = [str(column)] + [str(v) for v in data[column].head(500) if v is not None and not pd.isna(v)]
        width = max(min(max(len(t) for t in texts) + 2, MAX_COLUMN_WIDTH), 8)
        sheet.column_dimensions[get_column_letter(i)].width = width
        cells = next(sheet.iter_cols(min_col=i, max_col=i, min_row=2), ())
        is_date = any(isinstance(v, dt.date) for v in data[column].head(20))
        for cell in cells:
            if is_date:
                cell.number_format = "yyyy-mm-dd"
            if width >= MAX_COLUMN_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def xlsx_bytes(table: pd.DataFrame, provenance: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        write_sheet(writer, "data", table)
        write_sheet(writer, "about", pd.DataFrame(list(provenance.items()), columns=["field", "value"]))
    return buffer.getvalue()


def parquet_bytes(table: pd.DataFrame, provenance: dict[str, str]) -> bytes:
    arrow = pa.Table.from_pandas(table, preserve_index=False)
    metadata = {**(arrow.schema.metadata or {}), b"cyberdiplomacy": json.dumps(provenance).encode("utf-8")}
    buffer = io.BytesIO()
    pq.write_table(arrow.replace_schema_metadata(metadata), buffer)
    return buffer.getvalue()


def dataset_zip(tables: dict[str, pd.DataFrame], readme: str, descriptor: dict | None = None) -> bytes:
    """Every table as CSV and Parquet, with a README (citation, licence, data contract, version) and, given one,
    the Data Package descriptor (cyberdiplomacy/dataset.py)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.md", readme)
        if descriptor is not None:
            archive.writestr("datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False, allow_nan=False))
        for name, table in tables.items():
            notices = provenance.attribution_for(provenance.table_sources(table, default=()))
            archive.writestr(f"csv/{name}.csv", csv_bytes(table, notices, coded=True))
            archive.writestr(f"parquet/{name}.parquet", parquet_bytes(table, {"table": name}))
    return buffer.getvalue()


def dataset_readme(build: dict, contract: pd.DataFrame, row_counts: dict[str, int], attribution: str = "") -> str:
    lines = [
        "# Cybercrime Diplomacy Dashboard — dataset export", "",
        f"Data version {build.get('data_version', '')}, built {str(build.get('data_built_date', ''))[:10]}.", "",
        "## Citation", "", str(build.get("citation", "")), "",
        "## Licence", "", str(build.get("licence", "")), "",
        "Every row cites its source (`source`: UN document symbols or URLs) and how sure it is (`confidence`: "
        "confirmed, single-source, inferred). Empty cells are unknown, never zero.", "",
        *([attribution, ""] if attribution else []),
        "## Data contract", "",
    ]
    for table_name, columns in contract.groupby("table_name", sort=False):
        lines += [f"### {table_name} ({row_counts.get(table_name, 0)} rows)", "",
                  "| column | type | description |", "|---|---|---|"]
        lines += [f"| `{r.column_name}` | {r.data_type} | {r.comment or ''} |" for r in columns.itertuples()]
        lines.append("")
    return "\n".join(lines)
