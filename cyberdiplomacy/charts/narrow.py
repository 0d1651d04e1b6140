"""Figures that fit a phone: category labels written above their rows, inside the plot, instead of beside it.

Names such as "Criminal use of ICTs (Third Committee, CCPCJ)" beside a plot left it 80-190 px wide in a 358 px
chart; above their rows they take no width at all. Each row gets room for a label line over its bar, marker or
heatmap cells (rows grow when they are too low); hovers keep their full text."""
from __future__ import annotations

import datetime as dt
import numbers
import re
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from cyberdiplomacy.charts import theme

LABEL_PX = 15  # one line of 11 px text hanging from the top of its row
LABEL_FONT = dict(size=11, color="#444444")
PAD_PX = 3  # between a row's bar and the next row's label
MIN_BAR_PX = 12
MIN_CELL_PX = 16  # a heatmap cell with its number written in it
MIN_BLANK_CELL_PX = 8  # a heatmap cell that only shows a colour (the sponsor matrix's 155 rows)
KEEP_BESIDE_CHARS = 6  # 'AHC', 'CCPCJ': short labels beside the plot cost less than a label line per row
EDGE_PX = 20  # half of '2024' or '100%' written under a plot's edge: plotly hides a tick label that the figure would cut


@dataclass
class _Axis:
    key: str  # 'yaxis2'
    ref: str  # 'y2'
    categories: list
    labels: list[str]
    traces: list

    def has(self, kind: str) -> bool:
        return any(t.type == kind for t in self.traces)


def fit(fig: go.Figure) -> go.Figure:
    """The figure (changed in place) with nothing but tick numbers beside its plot: the labels of category y axes
    above their rows, group names above their rows, colour bars and y axis titles above the plot; and room at the
    edges for the first and last x tick labels."""
    _named_rows_above(fig)
    _colour_bars_above(fig)
    if any(x.type == "date" or x.range is not None for x in fig.select_xaxes()) or _numbers_across(fig):
        fig.update_layout(margin_r=max(_margin(fig, "r", 10), EDGE_PX))  # a tick can fall on the plot's right end
    _category_labels_above(fig)
    _footer_below_x_title(fig)
    _y_titles_above(fig)  # last: it places the legend by the plot's final height
    return fig


def _category_labels_above(fig: go.Figure) -> None:
    axes = [a for a in _category_axes(fig) if max(map(len, map(_plain, a.labels)), default=0) > KEEP_BESIDE_CHARS]
    if not axes:
        return
    # No label beside the plot: the x axis' first and last ticks ('0', '200') are at the figure's edges.
    fig.update_layout(margin_l=max(_margin(fig, "l", 10), EDGE_PX), margin_r=max(_margin(fig, "r", 10), EDGE_PX))
    scale = max(_needed_row_px(a) / _row_px(fig, a) for a in axes)
    if scale > 1:
        top, bottom = _margins(fig)
        fig.update_layout(height=round(top + bottom + (_height(fig) - top - bottom) * scale))
    for axis in axes:
        _label_above(fig, axis, _row_px(fig, axis))


def _plain(label) -> str:
    return re.sub(r"<[^>]+>", "", str(label))


def _margin(fig: go.Figure, side: str, default: float) -> float:
    value = fig.layout.margin[side]
    return default if value is None else value


def _height(fig: go.Figure) -> float:
    return fig.layout.height or 450


def _margins(fig: go.Figure) -> tuple[float, float]:
    margin = fig.layout.margin
    return (margin.t if margin.t is not None else 100), (margin.b if margin.b is not None else 80)


def _row_px(fig: go.Figure, axis: _Axis) -> float:
    top, bottom = _margins(fig)
    domain = fig.layout[axis.key].domain or (0, 1)
    return (_height(fig) - top - bottom) * (domain[1] - domain[0]) / _row_count(fig, axis)


def _row_count(fig: go.Figure, axis: _Axis) -> float:
    span = fig.layout[axis.key].range
    if span is not None and None not in span:
        return abs(span[1] - span[0])
    return len(axis.categories)


def _marker_px(axis: _Axis) -> float:
    sizes = [np.max(t.marker.size) if t.marker.size is not None else 6 for t in axis.traces
             if t.type == "scatter" and "markers" in (t.mode or "markers")]
    return float(max(sizes, default=0))


def _needed_row_px(axis: _Axis) -> float:
    if axis.has("heatmap"):
        written = any(t.texttemplate for t in axis.traces if t.type == "heatmap")
        return LABEL_PX + (MIN_CELL_PX if written else MIN_BLANK_CELL_PX)
    if axis.has("scatter"):  # a marker sits in the middle of its row: the label line above it, and as much below
        return max(_marker_px(axis), MIN_BAR_PX) + 2 * LABEL_PX
    return LABEL_PX + MIN_BAR_PX + PAD_PX


def _label_above(fig: go.Figure, axis: _Axis, row_px: float) -> None:
    yaxis = fig.layout[axis.key]
    reversed_axis = yaxis.autorange == "reversed" or (yaxis.range is not None and None not in yaxis.range
                                                      and yaxis.range[0] > yaxis.range[1])
    label = LABEL_PX / row_px  # rows are one unit of the category axis
    if axis.has("heatmap"):
        for trace in axis.traces:
            trace.update(ygap=LABEL_PX)
        yaxis.update(showgrid=False)  # a grid line would run through the gaps that hold the labels
        # The first label sits on the plot's top edge: half a label more room above the first row.
        n = len(axis.categories)
        yaxis.update(autorange=False, range=[n - 0.5, -0.5 - label / 2] if reversed_axis else [-0.5, n - 0.5 + label / 2])
    elif axis.has("scatter"):
        for trace in axis.traces:
            if trace.type == "bar":
                trace.update(width=1 - 2 * label)
    else:
        _bars_under_labels(fig, axis, label, PAD_PX / row_px, reversed_axis)
    yaxis.update(showticklabels=False, ticks="")
    xref = f"{yaxis.anchor or 'x'} domain" if yaxis.anchor not in (None, "free") else "paper"
    for category, text in zip(axis.categories, axis.labels, strict=True):
        fig.add_annotation(text=text, x=0, xref=xref, xanchor="left", y=category, yref=axis.ref,
                           yshift=row_px / 2, yanchor="middle" if axis.has("heatmap") else "top",
                           showarrow=False, font=LABEL_FONT, align="left")


def _bars_under_labels(fig: go.Figure, axis: _Axis, label: float, pad: float, reversed_axis: bool) -> None:
    """Each row's bars in the band under its label; bars that share a row side by side when they are grouped."""
    bars = [t for t in axis.traces if t.type == "bar"]
    band = 1 - label - pad
    grouped = (fig.layout.barmode or "group") == "group" and _share_rows(bars)
    for k, trace in enumerate(bars):
        width = band / len(bars) if grouped else band
        start = -0.5 + label if reversed_axis else -0.5 + pad  # bars run from offset to offset + width
        trace.update(width=width, offset=start + (k * width if grouped else 0))


def _share_rows(bars) -> bool:
    seen: set = set()
    for trace in bars:
        rows = set(_values(trace.y))
        if rows & seen:
            return True
        seen |= rows
    return False


def _values(values) -> list:
    return [] if values is None else list(values)


def _is_category(value) -> bool:
    return isinstance(value, str) and not _looks_like_date(value)


def _looks_like_date(text: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", text))


def _category_axes(fig: go.Figure) -> list[_Axis]:
    """The y axes whose rows are categories (names, symbols, bodies), with their labels in drawn order."""
    found = []
    cartesian = [t for t in fig.data if hasattr(t, "yaxis")]  # maps and flows have no y axis
    for ref in dict.fromkeys(t.yaxis or "y" for t in cartesian):
        key = "yaxis" + ref[1:]
        yaxis = fig.layout[key]
        on_axis = [t for t in cartesian if (t.yaxis or "y") == ref]
        traces = [t for t in on_axis if t.type in ("bar", "scatter", "heatmap") and (t.type != "bar" or t.orientation == "h")]
        if not traces or len(traces) < len(on_axis):  # another kind of trace (a vertical bar, a box) shares the axis
            continue
        values = list(dict.fromkeys(v for t in traces for v in _values(t.y)))
        if not values or not all(_is_category(v) for v in values) or any(isinstance(v, dt.date) for v in values):
            continue
        if yaxis.tickmode == "array" and yaxis.tickvals is not None:
            categories, labels = list(yaxis.tickvals), list(yaxis.ticktext or yaxis.tickvals)
        elif yaxis.categoryorder in (None, "trace"):
            categories = labels = values
        elif yaxis.categoryorder == "array":
            listed = list(yaxis.categoryarray or [])
            categories = labels = listed + [v for v in values if v not in listed]
        else:
            continue
        found.append(_Axis(key, ref, categories, [str(x) for x in labels], traces))
    return found


def _named_rows_above(fig: go.Figure) -> None:
    """Rows of markers at numbered places, their groups named by tick labels (the roll call's regional groups): each
    name on a line of its own above its group's first row and the markers' text, the groups moved apart by a line."""
    for key in [k for k in fig.layout.to_plotly_json() if k.startswith("yaxis")]:
        yaxis, ref = fig.layout[key], "y" + key[5:]
        traces = [t for t in fig.data if (getattr(t, "yaxis", None) or "y") == ref]
        ticks, names = list(yaxis.tickvals or []), [_plain(n) for n in yaxis.ticktext or []]
        if (not ticks or len(names) != len(ticks) or yaxis.range is None or None in yaxis.range
                or not all(isinstance(v, int | float) for v in ticks) or max(map(len, names)) <= KEEP_BESIDE_CHARS
                or not traces or any(t.type != "scatter" for t in traces)):
            continue
        bottom, top = yaxis.range
        down = -1 if top > bottom else 1  # the way to the next row, in axis units
        domain = yaxis.domain or (0, 1)
        axis_px = (_height(fig) - sum(_margins(fig))) * (domain[1] - domain[0])
        band = LABEL_PX * abs(top - bottom) / axis_px  # a label line in axis units
        top_first = np.array(sorted(ticks, key=lambda v: down * v))
        for trace in traces:
            if trace.y is not None:  # each marker moves down a line for its group and each group above it
                rows = np.array([np.nan if v is None else v for v in trace.y], dtype=float)
                group = np.clip((down * (rows[:, None] - top_first[None, :]) >= -1e-9).sum(axis=1) - 1, 0, None)
                trace.y = [None if np.isnan(v) else v + down * band * (g + 1) for v, g in zip(rows, group, strict=True)]
        room = _marker_px_of(traces) / 2 + max([(t.textfont.size or 12) + 2 for t in traces if "text" in (t.mode or "")
                                                and "top" in str(t.textposition)], default=0)
        xref = f"{yaxis.anchor or 'x'} domain" if yaxis.anchor not in (None, "free") else "paper"
        for k, (value, name) in enumerate(zip(top_first, (names[ticks.index(v)] for v in top_first), strict=True)):
            fig.add_annotation(text=name, x=0, xref=xref, xanchor="left", y=value + down * band * (k + 1), yref=ref,
                               yanchor="bottom", yshift=room, showarrow=False, font=LABEL_FONT)
        yaxis.update(range=[bottom + down * band * len(ticks), top], showticklabels=False, ticks="")
        fig.update_layout(height=round(_height(fig) + LABEL_PX * len(ticks) / (domain[1] - domain[0])))


def _marker_px_of(traces) -> float:
    return float(max([np.max(t.marker.size) if t.marker.size is not None else 6 for t in traces], default=6))


COLOUR_BAR_PX = 40  # a colour bar lying above the plot, its numbers under it


def _colour_bars_above(fig: go.Figure) -> None:
    """A heatmap's colour bar lies along the top of the plot, at its right (a y title may be at its left), instead of
    standing beside it: 70 px of a phone."""
    bars = [t for t in fig.data if t.type == "heatmap" and t.showscale is not False and t.coloraxis is None]
    for trace in bars:
        trace.update(colorbar=dict(orientation="h", x=1, xanchor="right", xref="paper", y=1, yanchor="bottom",
                                   yref="paper", len=min(trace.colorbar.len or 1, 0.5), thickness=10, ypad=6))
    if bars:
        fig.update_layout(margin_t=_margins(fig)[0] + COLOUR_BAR_PX)


TITLE_PX = 18  # a y axis title on a line above its plot
TITLE_FONT = dict(size=12, color="#444444")


def _y_titles_above(fig: go.Figure) -> None:
    """Each y axis title on a line above its plot, read across, instead of turned up beside it (20 px of a phone);
    the legend above the plot moves up a line to make room."""
    plot_px = _height(fig) - sum(_margins(fig))
    on_top = False
    for key in [k for k in fig.layout.to_plotly_json() if k.startswith("yaxis")]:
        yaxis = fig.layout[key]
        if not yaxis.title.text or yaxis.visible is False:
            continue
        top = (yaxis.domain or (0, 1))[1]
        on_top = on_top or top > 0.99
        fig.add_annotation(text=yaxis.title.text, x=0, xref="paper", xanchor="left", y=top, yref="paper",
                           yanchor="bottom", yshift=2, showarrow=False, font=TITLE_FONT, align="left")
        yaxis.update(title_text=None)
    legend = fig.layout.legend
    listed = [t for t in fig.data if t.type in ("scatter", "bar") and t.showlegend is not False]
    drawn = fig.layout.showlegend or (fig.layout.showlegend is None and (len(listed) > 1 or any(
        t.showlegend for t in listed)))  # plotly's rule: two entries, or one asked for
    if on_top and drawn and (legend.y is None or legend.y >= 1):
        fig.update_layout(legend_y=(1 if legend.y is None else legend.y) + TITLE_PX / plot_px,
                          margin_t=_margins(fig)[0] + TITLE_PX)


def _numbers_across(fig: go.Figure) -> bool:
    """Whether a trace's x values are numbers (years, shares, counts): an x axis whose last tick may be its end."""
    values = [v for t in fig.data if hasattr(t, "xaxis") and t.x is not None for v in t.x if v is not None]
    return bool(values) and all(isinstance(v, numbers.Real) and not isinstance(v, bool | np.bool_) for v in values)


X_AXIS_PX = 64  # tick labels and a title under a plot: where a footer below them can start


def _footer_below_x_title(fig: go.Figure) -> None:
    """The source footer under an x axis title: on a phone the centred title ran into the footer's first lines."""
    footer = theme.footer_annotation(fig)
    if footer is None or not any(x.title.text and x.visible is not False for x in fig.select_xaxes()):
        return
    top = -(footer.yshift or 0) - (str(footer.text).count("<br>") + 1) * theme.FOOTER_LINE_PX  # px below the plot
    if top < X_AXIS_PX:
        footer.update(yshift=(footer.yshift or 0) - (X_AXIS_PX - top))
        fig.update_layout(margin_b=_margins(fig)[1] + X_AXIS_PX - top)


def for_screen(fig: go.Figure) -> go.Figure:
    """The figure as a page draws it: theme.for_screen (title as page text, footer in short lines), then `fit`."""
    return fit(theme.for_screen(fig))
