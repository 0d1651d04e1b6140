"""The pack as a 16:9 PowerPoint deck: one message per slide, bar and line figures as native charts (restylable,
series equal to the figure's data), maps and the Gantt as pictures, speaker notes with caption and sources."""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import exports, provenance, vocabulary
from cyberdiplomacy.briefing import slide_layout as layout
from cyberdiplomacy.briefing.deck_shapes import caption, grid, native_chart, notes, textbox, title
from cyberdiplomacy.briefing.model import NATIVE_KINDS, Briefing, Chart, Table

SLIDE_ROWS = 10
PICTURE_HEIGHT_IN = 5.45  # top 1.3 in: ends at 6.75 in, above the caption at 6.85 in
NATIVE_CHART_BOX_IN = (layout.MARGIN_IN, 1.4, layout.CONTENT_WIDTH_IN, 5.3)  # ends at 6.7 in
KEY_FIGURE_COLUMNS, KEY_FIGURE_WIDTH_IN, KEY_FIGURE_PITCH_IN = 3, 3.9, (4.1, 1.7)  # across, down
VOTE_ROWS = 18  # one state's votes as a list: short rows, so more fit than of a wide table
VOTE_LIST_COLUMNS = ("Resolution", "Short title", "Stage", "Date", "Vote", "Group's most common vote")
REFERENCES_PER_SLIDE = 16


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
        return shown.head(SLIDE_ROWS), f"The first {SLIDE_ROWS} of the {len(t.shown)} rows the PDF prints"
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
    """Title and subtitle centred on the 16:9 slide (the template's boxes are centred on a 4:3 one)."""
    from pptx.util import Inches, Pt

    today = dt.date.today()
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    subtitle = (f"{briefing.subtitle}\nBriefing pack of {today.day} {today:%B %Y} · {lines.data_line}"
                + (f"\n{lines.attribution}" if lines.attribution else ""))
    for shape, text, box, sizes, bold in ((cover.shapes.title, briefing.title, (0.9, 1.8, 11.53, 2.1), (36, 32, 28, 24),
                                           True),
                                          (cover.placeholders[1], subtitle, (1.5, 4.1, 10.33, 2.9), (16, 14, 12), False)):
        shape.left, shape.top, shape.width, shape.height = (Inches(v) for v in box)
        shape.text = text
        size = layout.fitting_size(text, box[2], box[3], sizes, bold)
        for p in shape.text_frame.paragraphs:
            p.font.size = Pt(size)
            p.font.bold = bold or None
    notes(cover, "Briefing pack generated from the Cybercrime Diplomacy Dashboard warehouse.", lines.data_line,
          lines.attribution, lines.citation)


def _summary_slide(deck, briefing: Briefing, lines: _Provenance) -> None:
    summary = deck.slides.add_slide(deck.slide_layouts[5])
    title(summary, "In brief")
    textbox(summary, "\n".join(briefing.summary), (0.6, 1.4, 12.1, 5.6), (15, 14, 13, 12), "#222222")
    notes(summary, "Every sentence is generated from the warehouse.", lines.data_line, lines.attribution)


def _key_figures_slide(deck, briefing: Briefing, lines: _Provenance) -> None:
    """The comparison's side-by-side table, or the key figures in rows of three, each label as high as the longest in
    its row so that the values line up below them."""
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    if briefing.comparison is not None:
        title(slide, "Side by side")
        grid(slide, briefing.comparison.reset_index(names=""), layout.CONTENT_TOP_IN, layout.SLIDE_HEIGHT_IN - 0.2,
             (11, 10, 9, 8))
    else:
        title(slide, "Key figures")
        figures = briefing.key_figures
        for start in range(0, len(figures), KEY_FIGURE_COLUMNS):
            row = figures[start:start + KEY_FIGURE_COLUMNS]
            top = 1.5 + (start // KEY_FIGURE_COLUMNS) * KEY_FIGURE_PITCH_IN[1]
            label_height = max(layout.text_height_in(label.upper(), KEY_FIGURE_WIDTH_IN, 11, caps=True)
                               for label, _ in row)
            for column, (label, value) in enumerate(row):
                left = 0.6 + column * KEY_FIGURE_PITCH_IN[0]
                textbox(slide, label.upper(), (left, top, KEY_FIGURE_WIDTH_IN, label_height), (11,), "#555555",
                        caps=True)
                textbox(slide, value, (left, top + label_height, KEY_FIGURE_WIDTH_IN,
                                       KEY_FIGURE_PITCH_IN[1] - 0.1 - label_height), (20, 18, 16, 14), "#0072B2")
    notes(slide, "Key figures from the warehouse; the numbers behind each are in the annex tables.", lines.data_line,
          lines.attribution)


def _chart_slide(deck, chart: Chart, image: bytes | None, lines: _Provenance) -> None:
    """A native chart, or the figure as a picture, above its caption."""
    from pptx.util import Inches

    slide = deck.slides.add_slide(deck.slide_layouts[5])
    title(slide, chart.title, 22)
    if chart.kind in NATIVE_KINDS:
        native_chart(slide, chart, *(Inches(v) for v in NATIVE_CHART_BOX_IN))
    else:
        image = image or _picture(chart.fig)
        # 16:9 picture ending above the caption's top (6.85 in), centred
        height = Inches(PICTURE_HEIGHT_IN)
        left = int((deck.slide_width - height * 16 / 9) / 2)
        slide.shapes.add_picture(io.BytesIO(image), left, Inches(layout.CONTENT_TOP_IN), height=height)
    caption(slide, chart.caption)
    notes(slide, chart.caption, _sources_note(chart), lines.data_line, lines.attribution)


def _table_slide(deck, t: Table, number: int, lines: _Provenance) -> None:
    """A summary of annex table A`number` and where its every row is."""
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    shown, what = _table_summary(t)
    rows = f"All {len(t.frame)} rows"
    if t.shown is not None:
        where = f"the workbook (XLSX) sheet '{t.key}'; PDF annex A{number} prints {t.cut}"
    else:
        where = f"PDF annex A{number} and the workbook (XLSX) sheet '{t.key}'"
    # 'All 17 rows. All 17 rows: ...' said the count twice when the slide shows every row
    text = f"{what}, also in {where}." if what == rows else f"{what}. {rows}: {where}."
    title(slide, f"{t.title}: {len(t.frame)} row{'s' if len(t.frame) != 1 else ''}", 24)
    if shown.empty:
        textbox(slide, "None on record.", (0.6, 1.6, 12, 1), (16,))
    else:
        grid(slide, shown, layout.CONTENT_TOP_IN, layout.TABLE_BOTTOM_IN, (10, 9, 8))
    caption(slide, text)
    sources = sorted({p.strip() for cell in t.frame.get("Source", pd.Series(dtype=str)).dropna()
                      for p in str(cell).split(" ; ") if p.strip()})
    notes(slide, text, ("Sources: " + "; ".join(sources)) if sources else "", lines.data_line, lines.attribution)


def _reference_slides(deck, briefing: Briefing, lines: _Provenance) -> None:
    """The references, REFERENCES_PER_SLIDE a slide, the provenance lines after the last."""
    refs = briefing.references
    pages = max(1, -(-len(refs) // REFERENCES_PER_SLIDE))
    for page in range(pages):
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        part = refs[page * REFERENCES_PER_SLIDE:(page + 1) * REFERENCES_PER_SLIDE]
        title(slide, "References" + (f" ({page + 1} of {pages})" if pages > 1 else ""), 24)
        text = [f"[{r.number}] {r.ref}" + (f" — {r.title}" if r.title else "") + (f" · {r.url}" if r.url and
                                                                                  r.url != r.ref else "")
                for r in part]
        if page == pages - 1:
            text += (["", lines.data_line] + ([lines.attribution] if lines.attribution else [])
                     + ([lines.citation] if lines.citation else []))
        textbox(slide, "\n".join(text), (0.5, 1.3, 12.3, 5.9), (10, 9, 8), "#222222")
        notes(slide, "References cited in this pack, numbered as in the PDF.", lines.data_line, lines.attribution,
              lines.citation)
