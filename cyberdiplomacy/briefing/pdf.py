"""The pack as a PDF: HTML printed by the local Chromium, figures drawn in the page by the bundled plotly.js
(vector, offline: the library and the map topojson are read from disk), the XLSX of every table attached."""
from __future__ import annotations

import datetime as dt
import html
import io
import json
import subprocess
import tempfile
from pathlib import Path

import pandas as pd
import plotly
import plotly.io as pio

from cyberdiplomacy import exports, provenance
from cyberdiplomacy.briefing import titles
from cyberdiplomacy.briefing.model import Briefing, Chart, Table
from cyberdiplomacy.charts import theme

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
MM = 96 / 25.4  # CSS px per millimetre
FIGURE_SIZE = (int(273 * MM), int(158 * MM))  # a full landscape A4 page below the finding and caption
LEAD_SIZE = (int(128 * MM), int(96 * MM))
COMPARISON_LEAD_SIZE = (int(128 * MM), int(54 * MM))  # leaves room for the side-by-side table on page 1
TWO_COLUMN_ROWS, TWO_COLUMN_MAX_COLUMNS = 40, 7  # long narrow tables flow in two columns
NARROW_ROWS, NARROW_COLUMNS = 16, 5  # and shorter, narrower ones (20 partners) too: half the height on the page
SMALL_TICK_PX = 9
AXIS_TITLE_PX = 24
PANEL_COLUMNS = 4
LONG_TITLE_CHARS = 70  # room for a bottom axis title between the tick labels and the footer
FOOTER_CHAR_PX = 5.6  # the footer's 10 px font, for breaking it into lines
e = html.escape


def _cell(value) -> str:
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def table_html(briefing: Briefing, table: pd.DataFrame, cite: bool = True) -> str:
    """Every row and every cell in full; a 'Source' column cites the numbered references."""
    head = "".join(f"<th>{e(str(c))}</th>" for c in table.columns)
    rows = []
    for record in table.itertuples(index=False):
        cells = []
        for column, value in zip(table.columns, record, strict=True):
            text = briefing.reference_numbers(value) if cite and column == "Source" else _cell(value)
            cells.append(f"<td>{e(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _plot_spec(chart: Chart, size: tuple[int, int]) -> dict:
    spec = json.loads(pio.to_json(chart.fig))
    layout = spec["layout"]
    layout.pop("title", None)  # the finding is the page's heading
    margin = dict(layout.get("margin") or {})
    legend = layout.get("showlegend", True) and len(spec["data"]) > 1  # plotly shows no legend for one trace
    margin["t"] = 40 if legend else 16
    layout.update(width=size[0], height=size[1], margin=margin, autosize=False)
    if size[0] < FIGURE_SIZE[0]:  # a small figure: axis titles would collide with the source footer
        for axis in ("xaxis", "yaxis"):
            layout.setdefault(axis, {})["title"] = {"text": ""}
            # every label shown: plotly drops every other one when they crowd (a resolution named by its short title)
            layout[axis]["tickfont"] = {**layout[axis].get("tickfont", {}), "size": SMALL_TICK_PX}
    elif _axis_title(layout, "xaxis"):
        _footer_below_axis_title(layout)
    # At full width too: drawn from the plot's left edge, after long category labels, one line ran off the page (the
    # Brazil pack's figures 2 and 3 ended '... · Cybercrime').
    _wrap_footer(layout, size[0])
    return {"data": spec["data"], "layout": layout}


def _axis_title(layout: dict, axis: str) -> str:
    title = (layout.get(axis) or {}).get("title") or {}
    return str(title.get("text") or "") if isinstance(title, dict) else str(title)


def _footer_below_axis_title(layout: dict) -> None:
    """The bottom axis's title sat on the source footer (74/247 pack, figure 3): the footer moves down below it,
    into a margin grown by as much."""
    footer = next((a for a in layout.get("annotations", []) if str(a.get("text", "")).startswith("Source:")), None)
    if footer is None:
        return
    template_margin = ((layout.get("template") or {}).get("layout") or {}).get("margin") or {}
    margin = layout.setdefault("margin", {})
    margin["b"] = (margin.get("b") or template_margin.get("b") or theme.FOOTER_MARGIN) + AXIS_TITLE_PX
    footer.update(yshift=footer.get("yshift", 0) - AXIS_TITLE_PX)


def _wrap_footer(layout: dict, width: int) -> None:
    """The source footer in lines that fit the figure's width (on a half-width figure one line was cut after the first
    source)."""
    footer = next((a for a in layout.get("annotations", []) if str(a.get("text", "")).startswith("Source:")), None)
    if footer is None:
        return
    lines = theme.footer_lines(footer["text"], int(width / FOOTER_CHAR_PX))
    extra = theme.FOOTER_LINE_PX * (len(lines) - 1)
    # Anchored at the plot's right edge: from the left one (after the category labels) it ran off the figure.
    footer.update(text="<br>".join(lines), yshift=footer.get("yshift", 0) - extra, x=1, xanchor="right",
                  align="right")
    margin = layout.setdefault("margin", {})
    margin["b"] = (margin.get("b") or theme.FOOTER_MARGIN) + extra


def _plot_div(chart: Chart, index: int, size: tuple[int, int]) -> str:
    spec = _plot_spec(chart, size)
    config = {"staticPlot": True, "topojsonURL": exports.TOPOJSON_DIR.as_uri() + "/"}
    return (f"<div class='plot' id='plot{index}' style='width:{size[0]}px;height:{size[1]}px'></div>"
            f"<script>Plotly.newPlot('plot{index}', {json.dumps(spec['data'])}, {json.dumps(spec['layout'])}, "
            f"{json.dumps(config)});</script>")


def _footer(briefing: Briefing) -> str:
    build = briefing.build
    attribution = briefing.attribution
    return (f"Data version {e(str(build.get('data_version', '')))}, built {e(briefing.data_date)} · "
            f"{e(provenance.ATTRIBUTION)}" + (f" · {e(attribution)}" if attribution else ""))


def _first_page(briefing: Briefing) -> str:
    today = dt.date.today()
    # 'United Kingdom of Great Britain and Northern Ireland: ...' on two lines pushed the key figures to page 2
    long_title = " class='long'" if len(briefing.title) > LONG_TITLE_CHARS else ""
    paragraphs = "".join(f"<p>{e(p)}</p>" for p in briefing.summary)
    lead = ""
    if briefing.lead is not None:
        size = COMPARISON_LEAD_SIZE if briefing.comparison is not None else LEAD_SIZE
        lead = (f"<div class='lead'><h3>{e(briefing.lead.title)}</h3>{_plot_div(briefing.lead, 0, size)}"
                f"<p class='caption'>{e(briefing.lead.caption)}</p></div>")
    if briefing.comparison is not None:
        panel = ("<div class='compare'>" + table_html(briefing, briefing.comparison.reset_index(names=""), cite=False)
                 + "</div>")
    else:
        wide = " five" if len(briefing.key_figures) > PANEL_COLUMNS * 2 else ""  # two rows, not a third on page 2
        panel = f"<div class='panel{wide}'>" + "".join(
            f"<div class='kf'><span class='label'>{e(label)}</span><span class='value'>{e(value)}</span></div>"
            for label, value in briefing.key_figures) + "</div>"
    return (f"<section class='brief'><header><h1{long_title}>{e(briefing.title)}</h1><p class='sub'>{e(briefing.subtitle)}</p>"
            f"<p class='meta'>Briefing pack of {today.day} {today:%B %Y} · {_footer(briefing)}</p></header>"
            f"<div class='row'><div class='summary'>{paragraphs}</div>{lead}</div>{panel}</section>")


def _figure_page(chart: Chart, number: int) -> str:
    return (f"<section class='figure'><h2><span class='n'>Figure {number}.</span> {e(chart.title)}</h2>"
            f"<p class='caption'>{e(chart.caption)}</p>{_plot_div(chart, number, FIGURE_SIZE)}</section>")


def _annex(briefing: Briefing, workbook_name: str) -> str:
    parts = ["<section class='annex'><h2>Annex: tables</h2><p class='note'>Every table in full is in the attached "
             f"workbook ({e(workbook_name)}, one sheet each); a long table is shortened here, and says so. Source "
             "numbers refer to the references at the end.</p>"]
    for i, t in enumerate(briefing.tables, start=1):
        parts.append(_annex_table(briefing, t, i, workbook_name))
    parts.append("</section>")
    return "".join(parts)


def _annex_table(briefing: Briefing, t: Table, i: int, workbook_name: str) -> str:
    rows, printed = len(t.frame), t.printed
    head = f"<h3>A{i}. {e(t.title)} ({rows} row{'s' if rows != 1 else ''}; sheet '{e(t.key)}')</h3>"
    intro = f"<p class='note'>{e(t.intro)}</p>" if t.intro else ""
    if t.shown is not None:
        intro += (f"<p class='note cut'>Shown here: {e(t.cut)} ({len(printed)} of {rows} rows). The full table is in "
                  f"the attached workbook ({e(workbook_name)}), sheet '{e(t.key)}'.</p>")
    body = (table_html(briefing, printed) if len(printed) else
            "" if t.shown is not None else "<p class='note'>None on record.</p>")
    rows_, columns = len(printed), len(printed.columns)
    two = (rows_ > TWO_COLUMN_ROWS and columns <= TWO_COLUMN_MAX_COLUMNS) or (rows_ > NARROW_ROWS and
                                                                             columns <= NARROW_COLUMNS)
    flow = " two-col" if two else ""
    return f"<div class='annex-table'>{head}{intro}<div class='body{flow}'>{body}</div></div>"


def _references(briefing: Briefing, workbook_name: str) -> str:
    items = []
    for r in briefing.references:  # short titles: the full ones made the list two pages (workbook: 'References')
        short = titles.reference_title(r.title)
        title = f" — {e(short)}" if short else ""
        url = f" <span class='url'>{e(r.url)}</span>" if r.url and r.url != r.ref else ""
        ref = f"<span class='url'>{e(r.ref)}</span>" if r.ref.startswith("http") else f"<b>{e(r.ref)}</b>"
        items.append(f"<li value='{r.number}'>{ref}{title}.{url}</li>")
    # The citation before the list: kept whole, it follows the annex on its page instead of taking a page alone. The
    # BibTeX entry (a dozen lines) is in the workbook's 'about' sheet; the footer line carries the attribution.
    return (f"<section class='refs'><div class='cite'><h2>Cite this pack</h2><p>{e(briefing.citation)}</p>"
            f"<p>{e(briefing.build.get('citation', ''))}</p><p>{_footer(briefing)}</p>"
            f"<p class='note'>As BibTeX: the attached workbook ({e(workbook_name)}), sheet 'about', row "
            "'cite_bibtex'.</p></div>"
            "<h2>References <span class='note'>(short titles; full ones in the workbook's sheet 'References')</span></h2>"
            f"<ol class='sources'>{''.join(items)}</ol></section>")


STYLE = """@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Source Sans Pro", "Helvetica Neue", Arial, sans-serif; color: #222; font-size: 10pt; margin: 0; }
section { break-after: page; } section:last-child, section.annex { break-after: auto; }
.refs h2 { margin-top: 6mm; break-after: avoid; }
.refs .cite { break-inside: avoid; font-size: 8.5pt; }  /* the heading never ends a page apart from its citation */
.refs .cite p { margin: 0 0 1.5mm; }
h1 { font-size: 21pt; margin: 0 0 1mm; } h2 { font-size: 14pt; margin: 0 0 1mm; } h3 { font-size: 11pt; margin: 4mm 0 1mm; }
h1.long { font-size: 17pt; }
.sub { font-size: 12pt; color: #444; margin: 0; } .meta { font-size: 8pt; color: #666; margin: 1mm 0 3mm; }
header { border-bottom: 2px solid #0072B2; margin-bottom: 3mm; }
.row { display: flex; gap: 6mm; }  /* 10pt: a long name and many ties still leave the panel on page 1 */
.summary { flex: 1; font-size: 10pt; line-height: 1.3; }
.summary p { margin: 0 0 2.2mm; } .lead { width: 128mm; } .lead h3 { margin: 0 0 1mm; font-size: 10pt; }
.panel { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin-top: 2mm; }
.panel.five { grid-template-columns: repeat(5, 1fr); }
.kf { background: #F2F6FA; border-left: 3px solid #0072B2; padding: 1.5mm 2.5mm; }
.kf .label { display: block; font-size: 7.5pt; color: #555; text-transform: uppercase; letter-spacing: .02em; }
.kf .value { display: block; font-size: 11pt; font-weight: 600; }
.compare table { font-size: 7.5pt; table-layout: fixed; } .compare th:first-child { width: 13%; }
.compare td { padding: 0.5mm 1.5mm; } .compare td:first-child { font-weight: 600; color: #444; }
.caption { color: #555; font-size: 9pt; margin: 0 0 2mm; } .n { color: #0072B2; }
.figure .plot { margin: 0 auto; }
table { border-collapse: collapse; width: 100%; font-size: 7.5pt; }
thead { display: table-header-group; } tr { break-inside: avoid; }
th { background: #E9EEF3; text-align: left; padding: 1.2mm 1.5mm; }
td { border-bottom: 1px solid #ddd; padding: 0.8mm 1.5mm; vertical-align: top; overflow-wrap: anywhere; }
.annex h3 { break-after: avoid; } .note { color: #666; font-size: 8.5pt; margin: 0 0 1.5mm; }
.sources { font-size: 7pt; padding-left: 7mm; columns: 3; column-gap: 6mm; }
.sources li { break-inside: avoid; margin-bottom: 0.8mm; }
.two-col { columns: 2; column-gap: 8mm; } .two-col table { font-size: 7pt; }
.url { color: #0b5394; overflow-wrap: anywhere; }
"""


def _geo_assets(briefing: Briefing) -> str:
    """The world topojson inlined for plotly.js when a map is drawn: no fetch, so the page is complete on load."""
    if not any(trace.type in ("choropleth", "scattergeo") for c in briefing.all_charts for trace in c.fig.data):
        return ""
    world = (exports.TOPOJSON_DIR / "world_110m.json").read_text(encoding="utf-8")
    return f"<script>window.PlotlyGeoAssets = {{topojson: {{world_110m: {world}}}}};</script>"


def to_html(briefing: Briefing, workbook_name: str = "tables.xlsx") -> str:
    pages = [_first_page(briefing)]
    pages += [_figure_page(chart, i) for i, chart in enumerate(briefing.charts, start=1)]
    pages += [_annex(briefing, workbook_name), _references(briefing, workbook_name)]
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{e(briefing.title)}</title>"
            f"<style>{STYLE}</style>{_geo_assets(briefing)}<script src='{PLOTLY_JS.as_uri()}'></script></head><body>"
            + "".join(pages) + "</body></html>")


def print_pdf(document: str) -> bytes:
    chromium = exports.chromium_path()
    if chromium is None:
        raise exports.ExportUnavailable("The briefing PDF needs Chromium: apt-get install chromium.")
    with tempfile.TemporaryDirectory() as tmp:
        page, out = Path(tmp) / "pack.html", Path(tmp) / "pack.pdf"
        page.write_text(document, encoding="utf-8")
        result = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
             "--allow-file-access-from-files", f"--user-data-dir={tmp}/profile",
             "--no-pdf-header-footer", f"--print-to-pdf={out}", page.as_uri()],
            capture_output=True, timeout=120, check=False)
        if not out.exists():
            raise exports.ExportUnavailable(f"Chromium could not print the pack: {result.stderr.decode()[-300:]}")
        return out.read_bytes()


def attach(pdf: bytes, name: str, data: bytes, title: str) -> bytes:
    """Attach a file (the tables' workbook) to the PDF, with the pack's title in its metadata."""
    from pypdf import PdfWriter

    writer = PdfWriter(io.BytesIO(pdf), incremental=True)  # appends the attachment; pages are not rewritten
    writer.add_attachment(name, data)
    writer.add_metadata({"/Title": title, "/Creator": "Cybercrime Diplomacy Dashboard"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def to_pdf(briefing: Briefing, workbook: bytes | None = None, workbook_name: str = "tables.xlsx") -> bytes:
    pdf = print_pdf(to_html(briefing, workbook_name))
    return attach(pdf, workbook_name, workbook, briefing.title) if workbook is not None else pdf
