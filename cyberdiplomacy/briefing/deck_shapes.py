"""The shapes a pack's slides are made of: a title, text boxes and tables set at the size that fits their band (see
slide_layout), votes as coloured words, and native charts whose series are the figure's data."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy.briefing import slide_layout as layout
from cyberdiplomacy.briefing.model import Chart
from cyberdiplomacy.briefing.pdf import _cell
from cyberdiplomacy.charts import theme


def rgb(colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper()[:6])


def notes(slide, *parts: str) -> None:
    slide.notes_slide.notes_text_frame.text = "\n\n".join(p for p in parts if p)


def title(slide, text: str, size: int = 24) -> None:
    """The slide's title across the slide above the content band, at `size` or smaller if it would not fit: the
    template's title box (9 in wide, to 1.55 in) sat off-centre on a 16:9 slide and over the figure below it."""
    from pptx.util import Inches, Pt

    shape = slide.shapes.title
    shape.left, shape.top = Inches(layout.MARGIN_IN), Inches(layout.TITLE_TOP_IN)
    shape.width, shape.height = Inches(layout.CONTENT_WIDTH_IN), Inches(layout.TITLE_HEIGHT_IN)
    shape.text = text
    sizes = tuple(s for s in layout.TITLE_SIZES_PT if s < size)
    chosen = layout.fitting_size(text, layout.CONTENT_WIDTH_IN, layout.TITLE_HEIGHT_IN, (size, *sizes), bold=True)
    for p in shape.text_frame.paragraphs:
        p.font.size, p.font.bold = Pt(chosen), True


def textbox(slide, text: str, box_in: tuple[float, float, float, float], sizes_pt: tuple[int, ...],
            colour: str = "#444444", caps: bool = False):
    """A text box at (left, top, width, height) inches, its text at the largest of `sizes_pt` that fits it."""
    from pptx.util import Inches, Pt

    left, top, width, height = box_in
    size = next((s for s in sizes_pt if layout.text_height_in(text, width, s, caps=caps) <= height), sizes_pt[-1])
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(text.split("\n")):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        p.text = line
        p.font.size = Pt(size)
        p.font.color.rgb = rgb(colour)
    return box


def caption(slide, text: str):
    """The line under a figure or table, in the band between the content and the slide's foot."""
    return textbox(slide, text, (layout.MARGIN_IN + 0.1, layout.CAPTION_TOP_IN, layout.CONTENT_WIDTH_IN - 0.2,
                                 layout.CAPTION_HEIGHT_IN), layout.CAPTION_SIZES_PT)


def grid(slide, frame: pd.DataFrame, top_in: float, bottom_in: float, sizes_pt: tuple[int, ...]) -> None:
    """A native table; every cell in full (text wraps, never cut). Columns are as wide as their text asks, rows as
    high as their longest cell, at the largest of `sizes_pt` at which the table ends above `bottom_in`."""
    from pptx.util import Inches, Pt

    for size in sizes_pt:
        widths = layout.column_widths(frame, layout.CONTENT_WIDTH_IN, size)
        heights = layout.row_heights(frame, widths, size)
        if top_in + sum(heights) <= bottom_in:
            break
    heights_emu = [Inches(h) for h in heights]
    shape = slide.shapes.add_table(len(frame) + 1, len(frame.columns), Inches(layout.MARGIN_IN), Inches(top_in),
                                   Inches(layout.CONTENT_WIDTH_IN), sum(heights_emu))
    table = shape.table
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Inches(width)
    for row, height in zip(table.rows, heights_emu, strict=True):
        row.height = height
    for c, name in enumerate(frame.columns):
        table.cell(0, c).text = str(name)
        table.cell(0, c).text_frame.paragraphs[0].font.size = Pt(size)
        for r, value in enumerate(frame[name], start=1):
            cell = table.cell(r, c)
            cell.text = _cell(value)
            cell.text_frame.word_wrap = True
            cell.text_frame.paragraphs[0].font.size = Pt(size)
            vote_colour(cell, cell.text)


def vote_colour(cell, text: str) -> None:
    """A vote shown as its word on the vote's colour, as in the figures (dark colours take white text)."""
    colour = theme.VOTE_LABEL_COLOURS.get(text)
    if colour is None:
        return
    cell.fill.solid()
    cell.fill.fore_color.rgb = rgb(colour)
    font = cell.text_frame.paragraphs[0].font
    font.bold = True
    font.color.rgb = rgb("#FFFFFF" if text in ("Yes", "No") else "#222222")


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
            series.format.fill.fore_color.rgb = rgb(colour)
    if chart.horizontal:
        graphic.category_axis.reverse_order = True  # first category on top, as in the figure
    value_axis = graphic.value_axis
    value_axis.has_major_gridlines = True
    value_axis.tick_labels.number_format = "0%" if chart.percent else "0"
    value_axis.tick_labels.number_format_is_linked = False
    if chart.percent and chart.kind != "stacked_bar":
        value_axis.maximum_scale, value_axis.minimum_scale = 1.0, 0.0
    return graphic
