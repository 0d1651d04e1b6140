"""Room for the source footer: axis labels and range sliders below a plot never print over it."""
from __future__ import annotations

import math

import plotly.graph_objects as go

from cyberdiplomacy.charts import theme

CHAR_WIDTH = 0.62  # average glyph width as a share of the font size, generous for the template's sans fonts


def label_depth(labels, font_size: int = 11, angle: float = 45) -> int:
    """Pixels that category labels rotated by `angle` degrees take below an axis (estimate on the generous side)."""
    longest = max((len(str(label)) for label in labels), default=0)
    radians = math.radians(abs(angle))
    return int(longest * CHAR_WIDTH * font_size * math.sin(radians) + font_size * math.cos(radians)) + 14


def reserve(fig: go.Figure, below_plot_px: int) -> go.Figure:
    """Set the bottom margin to what sits below the plot plus the footer, and put the footer (the
    annotation theme.finish adds) at the very bottom: the two can no longer overlap."""
    bottom = theme.FOOTER_MARGIN + below_plot_px
    fig.update_layout(margin=dict(b=bottom))
    theme.footer_annotation(fig).yshift = -bottom + 8
    return fig


def rotated_categories(fig: go.Figure, labels, angle: float = -45, font_size: int = 11) -> int:
    """Fix the x axis' category labels at `angle` (no automatic re-rotation, no automargin) and return the room
    they need below the plot, for `reserve`."""
    fig.update_xaxes(tickangle=angle, automargin=False, tickfont=dict(size=font_size))
    return label_depth(labels, font_size, angle)
