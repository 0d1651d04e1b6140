"""The one visual language: vote colours, category orders, fonts, titles and the source footer."""
from __future__ import annotations

import datetime as dt
import re

import plotly.graph_objects as go
import plotly.io as pio

from cyberdiplomacy import measures
from cyberdiplomacy.safe_text import plotly as plotly_text
from cyberdiplomacy.safe_text import plotly_lines

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
VOTE_ORDER = ["Y", "N", "A", "X"]
VOTE_LABELS = {"Y": "Yes", "N": "No", "A": "Abstain", "X": "Did not vote"}
VOTE_COLOURS = {"Y": "#0072B2", "N": "#D55E00", "A": "#E69F00", "X": "#BBBBBB"}
VOTE_LABEL_COLOURS = {VOTE_LABELS[v]: c for v, c in VOTE_COLOURS.items()}
UNKNOWN_COLOUR = "#E8E8E8"

ADOPTION_LABELS = {"recorded_vote": "Recorded vote", "without_vote": "Adopted without a vote", "unknown": "Mode unknown"}
ADOPTION_COLOURS = {"recorded_vote": "#0072B2", "without_vote": "#009E73", "unknown": "#999999"}

REGIONAL_GROUP_ORDER = [
    "African States", "Asia-Pacific States", "Eastern European States",
    "Latin American and Caribbean States", "Western European and other States", "No regional group",
]
REGIONAL_GROUP_COLOURS = dict(zip(REGIONAL_GROUP_ORDER,
                                  ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#999999"], strict=True))

TRACK_LABELS = {
    "criminal_ict": "Criminal use of ICTs (Third Committee, CCPCJ)",
    "international_security": "ICTs and international security (First Committee)",
}
TRACK_SHORT_LABELS = {"criminal_ict": "Crime track", "international_security": "Security track"}  # legends
CONFIDENCE_ORDER = ["confirmed", "single-source", "inferred"]
CONFIDENCE_COLOURS = {"confirmed": "#009E73", "single-source": "#56B4E9", "inferred": "#CC79A7"}  # Okabe-Ito
METHOD_LABELS = {key: m.label for key, m in measures.MEASURES.items()}  # the agreement measures, metrics.METHODS
TRACK_COLOURS = {"criminal_ict": "#D55E00", "international_security": "#0072B2"}

FONT_FAMILY = "Source Sans Pro, Helvetica Neue, Arial, sans-serif"  # system fonts only: works offline
ATTRIBUTION = "Cybercrime Diplomacy Dashboard · CC BY 4.0"
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


MAX_FOOTER_REFERENCES = 5  # the full list travels in the figure's meta and in every export's 'about'

# Where per-state votes come from: the `origin` column of votes / all_votes, named for footers and exports.
ORIGIN_ORDER = ["curated", "history", "unxml", "undl"]
CURATED_SOURCE = "curated record (data/votes.csv)"
HISTORY_SOURCE = "Voeten UNGA voting data (doi:10.7910/DVN/LEJUQZ)"
# Its terms ask that the United Nations be acknowledged as the source wherever its rows are used.
UNXML_SOURCE = "UN machine-readable GA resolutions"  # the repository is named in the data contract and citation
UNDL_NOTICE = "© United Nations"
UNDL_ATTRIBUTION = ("Includes the UN Digital Library's General Assembly Voting Data (record 4060887), "
                    f"{UNDL_NOTICE}, for non-commercial use with attribution.")
IMPORT_HINT = "import the UN voting file for later years (python -m etl import-undl FILE)"


def undl_source(imported_on: str | None = None) -> str:
    date = f", imported {str(imported_on)[:10]}" if imported_on and str(imported_on) not in ("NaT", "None") else ""
    return f"UN Digital Library voting data{date}, {UNDL_NOTICE}"


def origin_source(origin: str, imported_on: str | None = None) -> str:
    """The source name of one origin ('curated', 'history', 'unxml', 'undl')."""
    if origin == "undl":
        return undl_source(imported_on)
    return {"curated": CURATED_SOURCE, "history": HISTORY_SOURCE, "unxml": UNXML_SOURCE}.get(origin, str(origin))


def origin_sources(origins, imported_on: str | None = None) -> list[str]:
    """Source names for the origins present in the drawn rows, in a fixed order (curated, history, unxml, undl).

    `origins` is any iterable of origin values; a value may list several, comma-separated."""
    values = origins.unique() if hasattr(origins, "unique") else set(origins)  # a few distinct values, many rows
    present = {part.strip() for value in values if isinstance(value, str) for part in value.split(",")}
    present.discard("")
    ordered = [o for o in ORIGIN_ORDER if o in present] + sorted(present - set(ORIGIN_ORDER))
    return [origin_source(o, imported_on) for o in ordered]


def table_sources(table, imported_on: str | None = None, default: tuple[str, ...] = (CURATED_SOURCE,)) -> list[str]:
    """Origin source names from a table's `origin` (or comma-joined `origins`) column; `default` without one."""
    for column in ("origin", "origins"):
        if column in getattr(table, "columns", ()):
            return origin_sources(table[column].dropna(), imported_on) or list(default)
    return list(default)


UNXML_ATTRIBUTION = ("Includes the United Nations' machine-readable General Assembly resolutions "
                     "(github.com/UNxml/GAresolutions): unofficial copies, without warranty; source: United Nations.")


def attribution_for(sources) -> str:
    """The notices the sources' terms ask for: the UN Digital Library's and the UN resolutions' ('' for neither)."""
    texts = [str(s) for s in sources or ()]
    notices = [UNDL_ATTRIBUTION] if any(UNDL_NOTICE in t for t in texts) else []
    notices += [UNXML_ATTRIBUTION] if any(UNXML_SOURCE in t for t in texts) else []
    return " ".join(notices)


def footer_text(sources: list[str], built: dt.date | str | None) -> str:
    unique = list(dict.fromkeys(s for s in sources if isinstance(s, str) and s))  # keeps order, drops repeats and NaN
    # An attribution the source's terms require is never cut: the UN Digital Library's, the UN resolutions'.
    notices = [s for s in unique if UNDL_NOTICE in s or s == UNXML_SOURCE]
    unique = [s for s in unique if s not in notices]
    if len(unique) > MAX_FOOTER_REFERENCES:
        unique = [*unique[:2], f"… {len(unique) - 3} more …", unique[-1]]
    refs = ", ".join(unique + notices)
    built_text = built.isoformat() if isinstance(built, dt.date) else (built or "unknown")
    return f"Source: {refs or 'curated dataset'} · Data built {built_text} · {ATTRIBUTION}"


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


def vote_label(code: str | None) -> str:
    return VOTE_LABELS.get(code or "", "Unknown")
