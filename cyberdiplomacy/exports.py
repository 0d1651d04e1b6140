"""Exports for briefings: figures as PNG/SVG/PDF (kaleido + local Chromium), tables as CSV/XLSX/Parquet."""
from __future__ import annotations

import datetime as dt
import functools
import io
import json
import os
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

from cyberdiplomacy.charts import theme

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


def _start_server() -> None:
    import kaleido

    path = chromium_path()
    if path is None:
        raise ExportUnavailable("Figure export needs Chromium, which is not installed here. On Debian: "
                                "apt-get install chromium (or set BROWSER_PATH to a Chrome/Chromium binary).")
    os.environ.setdefault("BROWSER_PATH", path)
    pio.defaults.topojson = TOPOJSON_DIR.as_uri() + "/"  # maps render offline from the bundled files
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)


def with_subtitle(fig: go.Figure, selection: str) -> go.Figure:
    """A copy whose subtitle names the selection, so an exported figure stands on its own."""
    copy = go.Figure(fig)
    meta = dict(copy.layout.meta or {})
    subtitle = " · ".join(s for s in (meta.get("subtitle"), selection) if s)
    title = meta.get("title") or ""
    copy.update_layout(title_text=f"<b>{title}</b><br><span style='font-size:12px;color:#555'>{subtitle}</span>")
    return copy


def figure_bytes(fig: go.Figure, fmt: str, size: str = "slide", selection: str = "") -> bytes:
    """The figure as shown, with title, selection and source footer, as PNG, SVG or PDF."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    width, height = SIZES[size]
    figure = with_subtitle(fig, selection) if selection else fig
    with _server_lock:
        _start_server()
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="The kopts argument is ignored")  # we run a server
                return pio.to_image(figure, format=fmt, width=width, height=height,
                                    scale=PNG_SCALE if fmt == "png" else 1)
        except Exception as exc:  # kaleido reports a missing or broken browser in many ways
            raise ExportUnavailable(f"Figure export failed in Chromium: {exc}") from exc


def about(title: str, selection: str, sources: list[str], build: dict) -> dict[str, str]:
    """The provenance block written with every exported table."""
    return {
        "title": title,
        "selection": selection,
        "sources": "; ".join(dict.fromkeys(s for s in sources if s)),
        "data_version": str(build.get("data_version", "")),
        "data_built_date": str(build.get("data_built_date", ""))[:10],
        "exported_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "licence": theme.ATTRIBUTION,
        "citation": str(build.get("citation", "")),
        **({"attribution": attribution} if (attribution := theme.attribution_for(sources)) else {}),
    }


def csv_bytes(table: pd.DataFrame, attribution: str = "") -> bytes:
    """Plain CSV (machine-readable; the provenance travels in the XLSX 'about' sheet and Parquet metadata).

    An attribution a licence requires (UN Digital Library data) travels as a last column on every row."""
    if attribution:
        table = table.assign(attribution=attribution)
    return table.to_csv(index=False).encode("utf-8")


def _excel_safe(table: pd.DataFrame) -> pd.DataFrame:
    # Excel has no time zones and no nullable-integer NA; convert both to what it understands.
    out = table.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.DatetimeTZDtype):
            out[column] = out[column].dt.tz_localize(None)
    return out


def xlsx_bytes(table: pd.DataFrame, provenance: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _excel_safe(table).to_excel(writer, sheet_name="data", index=False)
        pd.DataFrame(list(provenance.items()), columns=["field", "value"]).to_excel(
            writer, sheet_name="about", index=False)
    return buffer.getvalue()


def parquet_bytes(table: pd.DataFrame, provenance: dict[str, str]) -> bytes:
    arrow = pa.Table.from_pandas(table, preserve_index=False)
    metadata = {**(arrow.schema.metadata or {}), b"cyberdiplomacy": json.dumps(provenance).encode("utf-8")}
    buffer = io.BytesIO()
    pq.write_table(arrow.replace_schema_metadata(metadata), buffer)
    return buffer.getvalue()


def dataset_zip(tables: dict[str, pd.DataFrame], readme: str) -> bytes:
    """Every table as CSV and Parquet, with a README (citation, licence, data contract, version)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.md", readme)
        for name, table in tables.items():
            archive.writestr(f"csv/{name}.csv",
                             csv_bytes(table, theme.attribution_for(theme.table_sources(table, default=()))))
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
