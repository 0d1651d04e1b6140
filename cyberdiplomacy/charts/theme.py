"""The one visual language: colours (one fixed colour per vote value, colour-blind safe), fonts, the plotly
template, titles and where the source footer sits. The words and category orders are in vocabulary.py, the
footer's text in provenance.py."""
from __future__ import annotations

import re

import plotly.graph_objects as go
import plotly.io as pio

from cyberdiplomacy import vocabulary
from cyberdiplomacy.provenance import footer_text
from cyberdiplomacy.safe_text import plotly as plotly_text
from cyberdiplomacy.safe_text import plotly_lines

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
VOTE_COLOURS = {"Y": "#0072B2", "N": "#D55E00", "A": "#E69F00", "X": "#BBBBBB"}
VOTE_LABEL_COLOURS = {vocabulary.VOTE_LABELS[v]: c for v, c in VOTE_COLOURS.items()}
UNKNOWN_COLOUR = "#E8E8E8"

ADOPTION_COLOURS = {"recorded_vote": "#0072B2", "without_vote": "#009E73", "unknown": "#999999"}

REGIONAL_GROUP_COLOURS = dict(zip(vocabulary.REGIONAL_GROUP_ORDER,
                                  ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#999999"], strict=True))

CONFIDENCE_COLOURS = {"confirmed": "#009E73", "single-source": "#56B4E9", "inferred": "#CC79A7"}  # Okabe-Ito
TRACK_COLOURS = {"criminal_ict": "#D55E00", "international_security": "#0072B2"}

FONT_FAMILY = "Source Sans Pro, Helvetica Neue, Arial, sans-serif"  # system fonts only: works offline
FOOTER_MARGIN = 70
TOP_MARGIN = 100  # the title, its subtitle and the legend

pio.templates["cyberdiplomacy"] = go.layout.Template(
    layout=dict(
        font=dict(family=FONT_FAMILY, size=13, color="#222222"),
        title=dict(font=dict(size=17), x=0, xanchor="left", y=1, yref="container", yanchor="top",
                   pad=dict(t=14, l=16)),  # a margin from the figure's edge, also in exported PNG/SVG/PDF
        paper_bgcolor="white",
        plot_bgcolor="white",
        colorway=["#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"],
        xaxis=dict(gridcolor="#EEEEEE", zeroline=False, automargin=True),
        yaxis=dict(gridcolor="#EEEEEE", zeroline=False, automargin=True),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, traceorder="normal"),
        margin=dict(l=10, r=10, t=TOP_MARGIN, b=FOOTER_MARGIN),
        hoverlabel=dict(font=dict(family=FONT_FAMILY)),
    )
)


def finish(fig: go.Figure, title: str, sources: list[str], built, subtitle: str = "") -> go.Figure:
    """Apply the template, a title that states the finding, and the provenance footer (kept in exports). Titles,
    subtitles and sources name outside text (symbols, titles, states): escaped here, kept as written in meta."""
    text = f"<b>{plotly_text(title)}</b>" + (
        f"<br><span style='font-size:12px;color:#555'>{plotly_lines(subtitle)}</span>" if subtitle else "")
    fig.update_layout(template="cyberdiplomacy", title_text=text)
    fig.add_annotation(text=plotly_text(footer_text(sources, built)), xref="paper", yref="paper", x=0, y=0,
                       yshift=-FOOTER_MARGIN + 8, xanchor="left", yanchor="bottom", showarrow=False,
                       font=dict(size=10, color="#666666"), align="left")
    fig.update_layout(meta={"title": title, "subtitle": subtitle, "sources": list(sources)})
    return fig


def footer_annotation(fig: go.Figure):
    """The source footer that `finish` added, or None."""
    return next((a for a in fig.layout.annotations if str(a.text or "").startswith("Source:")), None)


SCREEN_TITLE_ROOM = 55  # px a title and subtitle take at the top of a figure (template: t=100)


FOOTER_LINE_CHARS = 60  # a footer line on a page: about 330 px in the footer's 10 px font, inside a phone's width
FOOTER_LINE_PX = 13


def footer_lines(text: str, width: int = FOOTER_LINE_CHARS) -> list[str]:
    """A footer broken into lines of at most `width` characters where it can be: after a comma or a '·'."""
    lines, line = [], ""
    for token in re.split(r"(?<=, )|(?<= · )", text):
        if line and len(line) + len(token.rstrip()) > width:
            lines.append(line.rstrip(" ·,") if line.endswith(" · ") else line.rstrip())
            line = ""
        line += token
    if lines and len(line.strip()) < 16:  # no orphan such as 'CC BY 4.0' on a line of its own
        return [*lines[:-1], lines[-1] + (" " if lines[-1].endswith(",") else " · ") + line.strip()]
    return [*lines, line.rstrip()]


def for_screen(fig: go.Figure) -> go.Figure:
    """The figure as a page shows it: without its title, which the page prints above it as text that wraps at any
    width, and with its source footer in short lines (plotly text does not wrap: on a phone both were cut mid-word,
    and the toolbar sat on the title). Exported figures keep the title and the one-line footer."""
    shown = go.Figure(fig)
    top = shown.layout.margin.t if shown.layout.margin.t is not None else 100
    shown.update_layout(title_text=None, margin_t=max(top - SCREEN_TITLE_ROOM, 30))
    footer = footer_annotation(shown)
    if footer is not None:
        lines = footer_lines(footer.text)
        # The footer grows downwards into a margin grown by as much: what sits above it keeps its room.
        extra = FOOTER_LINE_PX * (len(lines) - 1)
        bottom = shown.layout.margin.b if shown.layout.margin.b is not None else FOOTER_MARGIN
        footer.update(text="<br>".join(lines), yshift=(footer.yshift or 0) - extra)
        shown.update_layout(margin_b=bottom + extra)
    return shown


