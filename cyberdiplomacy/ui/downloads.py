"""Download widgets: a chart's figure and data, a table, the whole dataset, and briefing packs (PDF, PPTX, XLSX)."""
from __future__ import annotations

import dataclasses
import functools

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from cyberdiplomacy import citation, dataset, exports, provenance
from cyberdiplomacy.ui import data


def _view_url() -> str:
    """The page's address with its filters, as the reader's browser shows it (empty outside a browser session)."""
    return citation.view_url(st.context.url or "", st.query_params.to_dict())


def downloads(fig: go.Figure, table: pd.DataFrame, key: str, selection: str, name_parts: tuple[str, ...] = ()) -> None:
    """Figure as PNG/SVG/PDF (rendered on click by the local Chromium), its data as CSV/XLSX, and how to cite it.

    Files are named after the figure and the selection (`name_parts`, e.g. the resolution), so ten downloaded maps
    are ten names, not vote-map.png (1) ... (9)."""
    meta = fig.layout.meta or {}
    provenance = exports.about(meta.get("title", key), selection, meta.get("sources", []), data.build_dict(),
                               _view_url())
    if meta.get("measure"):  # an agreement figure: its table's numbers mean nothing without the measure's definition
        provenance = {**provenance, "measure": meta["measure"]}
    columns = st.columns(5)
    if exports.export_available():
        for fmt, column in zip(exports.FORMATS, columns, strict=False):
            column.download_button(fmt.upper(), data=functools.partial(exports.figure_bytes, fig, fmt, "slide",
                                                                       selection),
                                   file_name=exports.file_name(key, name_parts, fmt), mime=exports.MIME[fmt],
                                   key=f"{key}-{fmt}",
                                   on_click="ignore", help="16:9, with title, selection, sources and build date")
    else:
        columns[0].caption("Figure export needs Chromium on the server (apt-get install chromium).")
    columns[3].download_button("CSV", functools.partial(exports.csv_bytes, table, provenance.get("attribution", "")),
                               file_name=exports.file_name(key, name_parts, "csv"), mime=exports.MIME["csv"],
                               key=f"{key}-csv", on_click="ignore")
    columns[4].download_button("Excel", data=functools.partial(exports.xlsx_bytes, table, provenance),
                               file_name=exports.file_name(key, name_parts, "xlsx"), mime=exports.MIME["xlsx"],
                               key=f"{key}-xlsx",
                               on_click="ignore", help="Sheet 'data' and sheet 'about' with source, selection, date")
    st.caption("Cite this figure (APA, then BibTeX; the copy button is at the right)")
    st.code(f"{provenance['cite_apa']}\n\n{provenance['cite_bibtex']}", language=None, wrap_lines=True)




def table_downloads(name: str, table: pd.DataFrame, text: str, confidence: list[str]) -> None:
    """One table of the data contract as CSV, XLSX (with an 'about' sheet) and Parquet (provenance in its metadata)."""
    selection = f"rows containing {text!r}; " if text else ""
    selection += "confidence: " + ", ".join(confidence)
    sourced_downloads(name, table, selection,
                      [f"data/{name}.csv", *provenance.table_sources(table, data.imported_on(), default=())])


def sourced_downloads(name: str, table: pd.DataFrame, selection: str, sources: list[str]) -> None:
    """A table shown on a page as CSV, XLSX and Parquet, each carrying its selection, sources and build date."""
    provenance = exports.about(f"Table {name}", selection, sources, data.build_dict())
    columns = st.columns(3)
    columns[0].download_button("CSV", functools.partial(exports.csv_bytes, table, provenance.get("attribution", "")),
                               file_name=f"cyberdiplomacy-{name}.csv",
                               mime=exports.MIME["csv"], on_click="ignore")
    columns[1].download_button("Excel", data=functools.partial(exports.xlsx_bytes, table, provenance),
                               file_name=f"cyberdiplomacy-{name}.xlsx", mime=exports.MIME["xlsx"], on_click="ignore")
    columns[2].download_button("Parquet", data=functools.partial(exports.parquet_bytes, table, provenance),
                               file_name=f"cyberdiplomacy-{name}.parquet", mime=exports.MIME["parquet"],
                               on_click="ignore")


def comparison_download(aligned: pd.DataFrame, before: str, after: str, name: str) -> None:
    """The comparison the page shows, as a PDF (changed, new and dropped paragraphs with their marks), printed on
    click."""
    from cyberdiplomacy.briefing import comparison_pdf

    st.download_button("Comparison as PDF",
                       functools.partial(comparison_pdf.to_pdf, aligned, before, after, data.build_dict()),
                       file_name=f"cyberdiplomacy-{name}.pdf", mime=exports.MIME["pdf"], on_click="ignore",
                       disabled=not exports.export_available(), help="Needs the local Chromium")


def _dataset_zip() -> bytes:
    from cyberdiplomacy import queries

    tables = {name: data.query(queries.table, name=name) for name in queries.TABLES}
    sources = [s for t in tables.values() for s in provenance.table_sources(t, data.imported_on(), default=())]
    return dataset.package_zip(tables, data.query(queries.contract_columns), data.build_dict(),
                               provenance.attribution_for(sources))


def dataset_download() -> None:
    version = data.build_dict().get("data_version", "")
    st.download_button("Download every table (CSV + Parquet) as a Data Package, with a README", data=_dataset_zip,
                       file_name=f"cyberdiplomacy-data-{version}.zip", mime=exports.MIME["zip"], on_click="ignore",
                       help="datapackage.json (Frictionless Data Package); citation, licence, data contract and "
                            "version in README.md")


@functools.lru_cache(maxsize=8)
def _pack(kind: str, value, version: str):
    """The pack's content for one warehouse version (the three formats share it)."""
    from cyberdiplomacy import briefing

    with data.reading() as con:  # holds this version's connection open until the pack is built
        return briefing.for_states(con, list(value)) if kind == "states" else briefing.for_resolution(con, value)


def _pack_bytes(kind: str, value, fmt: str, view_url: str = "") -> bytes:
    from cyberdiplomacy import briefing

    pack = dataclasses.replace(_pack(kind, value, str(data.build_dict().get("data_version", ""))), view_url=view_url)
    return {"pdf": briefing.to_pdf, "pptx": briefing.to_pptx, "xlsx": briefing.to_xlsx}[fmt](pack)


PACK_HELP = {
    "pdf": "Page 1 briefs (summary, key figures, one figure); full-size figures; every table in the annex; "
           "references. The tables' workbook is attached to the PDF.",
    "pptx": "16:9, one message per slide, native charts you can restyle, speaker notes with captions and sources.",
    "xlsx": "Every table of the pack, one sheet each, with an 'about' sheet (sources, data version, licence).",
}


PACK_FORMATS = {"pdf": "PDF", "pptx": "PowerPoint", "xlsx": "Excel"}


def pack_label(fmt: str, label: str) -> str:
    """What the button gives first: a narrow column cuts the end of a label, and the three packs' selection is the
    same ('PDF briefing pack: IND, BRA, ...', 'PowerPoint briefing pack: ...')."""
    return f"{PACK_FORMATS[fmt]} briefing pack: {label}"


def pack_file_name(kind: str, value, fmt: str) -> str:
    return exports.file_name("briefing-pack", ["-".join(value)] if kind == "states" else [str(value)], fmt)


def briefing_downloads(kind: str, value, label: str) -> None:
    """A briefing pack for 1-6 states (compared side by side) or one resolution, as PDF, PPTX and XLSX."""
    if not exports.export_available():
        st.caption("Briefing packs need Chromium on the server (apt-get install chromium).")
        return
    value = tuple(value) if kind == "states" else value
    columns = st.columns(3)
    for column, fmt in zip(columns, PACK_FORMATS, strict=True):
        column.download_button(pack_label(fmt, label),
                               data=functools.partial(_pack_bytes, kind, value, fmt, _view_url()),
                               file_name=pack_file_name(kind, value, fmt), mime=exports.MIME[fmt], on_click="ignore",
                               key=f"briefing-{kind}-{fmt}", help=PACK_HELP[fmt])
