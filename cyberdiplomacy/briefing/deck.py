"""The pack as a 16:9 PowerPoint deck: one message per slide, bar and line figures as native charts (restylable,
series equal to the figure's data), maps and the Gantt as pictures, speaker notes with caption and sources."""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import exports, provenance, vocabulary
from cyberdiplomacy.briefing.model import NATIVE_KINDS, Briefing, Chart, Table
from cyberdiplomacy.briefing.pdf import _cell
from cyberdiplomacy.charts import theme

SLIDE_ROWS = 10
PICTURE_HEIGHT_IN = 5.45  # top 1.3 in: ends at 6.75 in, above the caption at 6.85 in
VOTE_ROWS = 18  # one state's votes as a list: short rows, so more fit than of a wide table
VOTE_LIST_COLUMNS = ("Resolution", "Short title", "Stage", "Date", "Vote", "Group's most common vote")
REFERENCES_PER_SLIDE = 16


def _rgb(colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper()[:6])


def _notes(slide, *parts: str) -> None:
    slide.notes_slide.notes_text_frame.text = "\n\n".join(p for p in parts if p)


def _title(slide, text: str, size: int = 24) -> None:
    from pptx.util import Pt

    slide.shapes.title.text = text
    for p in slide.shapes.title.text_frame.paragraphs:
        p.font.size, p.font.bold = Pt(size), True


def _textbox(slide, text: str, left, top, width, height, size: int = 12, colour: str = "#444444"):
    from pptx.util import Pt

    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(text.split("\n")):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        p.text = line
        p.font.size = Pt(size)
        p.font.color.rgb = _rgb(colour)
    return box


def native_chart(slide, chart: Chart, left, top, width, height):
    """Add a python-pptx chart whose categories and series are exactly the chart's data."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Pt

    data = CategoryChartData(number_format="0%" if chart.percent else "General")
    data.categories = chart.categories
    for name, values in chart.series.items():
        data.add_series(name, values)
    kind = {("bar", True): XL_CHART_TYPE.BAR_CLUSTERED, ("bar", False): XL_CHART_TYPE.COLUMN_CLUSTERED,
            ("stacked_bar", True): XL_CHART_TYPE.BAR_STACKED, ("stacked_bar", False): XL_CHART_TYPE.COLUMN_STACKED,
            ("line", True): XL_CHART_TYPE.LINE_MARKERS, ("line", False): XL_CHART_TYPE.LINE_MARKERS}[
        (chart.kind, chart.horizontal)]
    graphic = slide.shapes.add_chart(kind, left, top, width, height, data).chart
    graphic.font.size = Pt(11)
    graphic.has_legend = len(chart.series) > 1
    if graphic.has_legend:
        graphic.legend.position = XL_LEGEND_POSITION.TOP
        graphic.legend.include_in_layout = False
    plot = graphic.plots[0]
    plot.has_data_labels = True
    plot.data_labels.number_format = "0%" if chart.percent else "0"
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.font.size = Pt(9)
    if chart.kind != "line":
        plot.gap_width = 60
        if chart.kind == "stacked_bar":
            plot.overlap = 100
    for series in plot.series:
        colour = chart.colours.get(series.name)
        if colour:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(colour)
    if chart.horizontal:
        graphic.category_axis.reverse_order = True  # first category on top, as in the figure
    value_axis = graphic.value_axis
    value_axis.has_major_gridlines = True
    value_axis.tick_labels.number_format = "0%" if chart.percent else "0"
    value_axis.tick_labels.number_format_is_linked = False
    if chart.percent and chart.kind != "stacked_bar":
        value_axis.maximum_scale, value_axis.minimum_scale = 1.0, 0.0
    return graphic


def _picture(fig: go.Figure) -> bytes:
    copy = go.Figure(fig)
    copy.update_layout(title_text="", margin=dict(t=50))
    return exports.figure_bytes(copy, "png", size="slide")


def _sources_note(chart: Chart) -> str:
    return "Sources: " + "; ".join(dict.fromkeys(s for s in chart.sources if s)) if chart.sources else ""


def _table_summary(t: Table) -> tuple[pd.DataFrame, str]:
    """A chosen summary for a slide and where the rest is: many states' votes become counts by group or state; one
    state's votes stay a list of its votes in words (counts per resolution would be a grid of 1s and 0s)."""
    frame = t.frame.drop(columns=[c for c in ("Source", "Title") if c in t.frame.columns])
    if "Vote" in frame.columns and not {"State", "Regional group"} & set(frame.columns):
        shown = frame[[c for c in VOTE_LIST_COLUMNS if c in frame.columns]]
        if len(shown) > VOTE_ROWS:
            return shown.head(VOTE_ROWS), f"The first {VOTE_ROWS} of {len(frame)} rows"
        return shown, f"All {len(frame)} rows"
    if "Vote" in frame.columns and len(frame) > SLIDE_ROWS:
        by = next((c for c in ("Regional group", "State", "Resolution") if c in frame.columns), None)
        if by:
            summary = pd.crosstab(frame[by], frame["Vote"]).reset_index()
            summary = summary[[by] + [v for v in vocabulary.VOTE_LABELS.values() if v in summary.columns]]
            return summary, f"Counts of the {len(frame)} rows by {by.lower()} and vote"
    if t.shown is not None and len(t.shown) > SLIDE_ROWS:  # the chosen part (closest partners first), not row 1-10
        shown = t.shown.drop(columns=[c for c in ("Source", "Title") if c in t.shown.columns])
        return shown.head(SLIDE_ROWS), f"The first {SLIDE_ROWS} rows of {t.cut}"
    if len(frame) > SLIDE_ROWS:
        return frame.head(SLIDE_ROWS), f"The first {SLIDE_ROWS} of {len(frame)} rows"
    return frame, f"All {len(frame)} rows"


@dataclass(frozen=True)
class _Provenance:
    """The lines every slide's notes end with: data version and build, the sources' attribution, the citation."""
    data_line: str
    attribution: str
    citation: str


def to_pptx(briefing: Briefing, images: dict[int, bytes] | None = None) -> bytes:
    """The deck: cover, summary, key figures (or side by side), a slide per figure and per table, the references.
    `images` maps a figure's index in `briefing.all_charts` to a PNG already drawn (else it is drawn here)."""
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    lines = _Provenance(f"Data version {briefing.build.get('data_version', '')}, built {briefing.data_date} · "
                        f"{provenance.ATTRIBUTION}", briefing.attribution,
                        f"Cite: {briefing.citation}" if briefing.citation else "")
    _cover_slide(deck, briefing, lines)
    _summary_slide(deck, briefing, lines)
    _key_figures_slide(deck, briefing, lines)
    for n, chart in enumerate(briefing.all_charts):
        _chart_slide(deck, chart, (images or {}).get(n), lines)
    for i, t in enumerate(briefing.tables, start=1):
        _table_slide(deck, t, i, lines)
    _reference_slides(deck, briefing, lines)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _cover_slide(deck, briefing: Briefing, lines: _Provenance) -> None:
    from pptx.util import Pt

    today = dt.date.today()
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    _title(cover, briefing.title, 36)
    cover.placeholders[1].text = (f"{briefing.subtitle}\nBriefing pack of {today.day} {today:%B %Y} · {lines.data_line}"
                                  + (f"\n{lines.attribution}" if lines.attribution else ""))
    for p in cover.placeholders[1].text_frame.paragraphs:
        p.font.size = Pt(16)
    _notes(cover, "Briefing pack generated from the Cybercrime Diplomacy Dashboard warehouse.", lines.data_line,
           lines.attribution, lines.citation)


def _summary_slide(deck, briefing: Briefing, lines: _Provenance) -> None:
    from pptx.util import Inches

    summary = deck.slides.add_slide(deck.slide_layouts[5])
    _title(summary, "In brief")
    _textbox(summary, "\n".join(briefing.summary), Inches(0.6), Inches(1.4), Inches(12.1), Inches(5.6), 15, "#222222")
    _notes(summary, "Every sentence is generated from the warehouse.", lines.data_line, lines.attribution)


def _key_figures_slide(deck, briefing: Briefing, lines: _Provenance) -> None:
    """The comparison's side-by-side table, or the key figures in rows of three."""
    from pptx.util import Inches

    slide = deck.slides.add_slide(deck.slide_layouts[5])
    if briefing.comparison is not None:
        _title(slide, "Side by side")
        frame = briefing.comparison.reset_index(names="")
        _grid(slide, frame, Inches(0.4), Inches(1.3), Inches(12.5), Inches(5.8), 11)
    else:
        _title(slide, "Key figures")
        for i, (label, value) in enumerate(briefing.key_figures):
            left = Inches(0.6 + (i % 3) * 4.1)
            top = Inches(1.5 + (i // 3) * 1.7)
            _textbox(slide, label.upper(), left, top, Inches(3.9), Inches(0.4), 11, "#555555")
            _textbox(slide, value, left, top + Inches(0.4), Inches(3.9), Inches(1.1), 20, "#0072B2")
    _notes(slide, "Key figures from the warehouse; the numbers behind each are in the annex tables.", lines.data_line,
           lines.attribution)


def _chart_slide(deck, chart: Chart, image: bytes | None, lines: _Provenance) -> None:
    """A native chart, or the figure as a picture, above its caption."""
    from pptx.util import Inches

    slide = deck.slides.add_slide(deck.slide_layouts[5])
    width = deck.slide_width
    _title(slide, chart.title, 22)
    if chart.kind in NATIVE_KINDS:
        native_chart(slide, chart, Inches(0.4), Inches(1.4), width - Inches(0.8), Inches(5.3))
    else:
        image = image or _picture(chart.fig)
        # 16:9 picture ending above the caption's top (6.85 in), centred
        height = Inches(PICTURE_HEIGHT_IN)
        left = int((width - height * 16 / 9) / 2)
        slide.shapes.add_picture(io.BytesIO(image), left, Inches(1.3), height=height)
    _textbox(slide, chart.caption, Inches(0.5), Inches(6.85), Inches(12.3), Inches(0.5), 12)
    _notes(slide, chart.caption, _sources_note(chart), lines.data_line, lines.attribution)


def _table_slide(deck, t: Table, number: int, lines: _Provenance) -> None:
    """A summary of annex table A`number` and where its every row is."""
    from pptx.util import Inches

    slide = deck.slides.add_slide(deck.slide_layouts[5])
    shown, what = _table_summary(t)
    where = (f"All {len(t.frame)} rows: PDF annex A{number} and the workbook (XLSX) sheet '{t.key}'."
             if t.shown is None else f"All {len(t.frame)} rows: the workbook (XLSX) sheet '{t.key}'; PDF annex "
                                     f"A{number} prints {t.cut}.")
    _title(slide, f"{t.title}: {len(t.frame)} row{'s' if len(t.frame) != 1 else ''}", 24)
    if shown.empty:
        _textbox(slide, "None on record.", Inches(0.6), Inches(1.6), Inches(12), Inches(1), 16)
    else:
        _grid(slide, shown, Inches(0.4), Inches(1.3), Inches(12.5), Inches(5.2), 10)
    _textbox(slide, f"{what}. {where}", Inches(0.5), Inches(6.85), Inches(12.3), Inches(0.5), 12)
    sources = sorted({p.strip() for cell in t.frame.get("Source", pd.Series(dtype=str)).dropna()
                      for p in str(cell).split(" ; ") if p.strip()})
    _notes(slide, f"{what}. {where}", ("Sources: " + "; ".join(sources)) if sources else "", lines.data_line,
           lines.attribution)


def _reference_slides(deck, briefing: Briefing, lines: _Provenance) -> None:
    """The references, REFERENCES_PER_SLIDE a slide, the provenance lines after the last."""
    from pptx.util import Inches

    refs = briefing.references
    pages = max(1, -(-len(refs) // REFERENCES_PER_SLIDE))
    for page in range(pages):
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        part = refs[page * REFERENCES_PER_SLIDE:(page + 1) * REFERENCES_PER_SLIDE]
        _title(slide, "References" + (f" ({page + 1} of {pages})" if pages > 1 else ""), 24)
        text = [f"[{r.number}] {r.ref}" + (f" — {r.title}" if r.title else "") + (f" · {r.url}" if r.url and
                                                                                  r.url != r.ref else "")
                for r in part]
        if page == pages - 1:
            text += (["", lines.data_line] + ([lines.attribution] if lines.attribution else [])
                     + ([lines.citation] if lines.citation else []))
        _textbox(slide, "\n".join(text), Inches(0.5), Inches(1.3), Inches(12.3), Inches(5.9), 10, "#222222")
        _notes(slide, "References cited in this pack, numbered as in the PDF.", lines.data_line, lines.attribution,
               lines.citation)


def _grid(slide, frame: pd.DataFrame, left, top, width, height, size: int) -> None:
    """A native table; every cell in full (text wraps, never cut)."""
    from pptx.util import Pt

    grid = slide.shapes.add_table(len(frame) + 1, len(frame.columns), left, top, width, height).table
    for c, name in enumerate(frame.columns):
        grid.cell(0, c).text = str(name)
        grid.cell(0, c).text_frame.paragraphs[0].font.size = Pt(size)
        for r, value in enumerate(frame[name], start=1):
            cell = grid.cell(r, c)
            cell.text = _cell(value)
            cell.text_frame.word_wrap = True
            cell.text_frame.paragraphs[0].font.size = Pt(size)
            _vote_colour(cell, cell.text)


def _vote_colour(cell, text: str) -> None:
    """A vote shown as its word on the vote's colour, as in the figures (dark colours take white text)."""
    colour = theme.VOTE_LABEL_COLOURS.get(text)
    if colour is None:
        return
    cell.fill.solid()
    cell.fill.fore_color.rgb = _rgb(colour)
    font = cell.text_frame.paragraphs[0].font
    font.bold = True
    font.color.rgb = _rgb("#FFFFFF" if text in ("Yes", "No") else "#222222")
