"""The PowerPoint packs as a reader sees them, without LibreOffice: on every slide no two shapes overlap and none runs
off the slide, each shape taken at the size it renders at (a table row or an auto-fitting text box grows to hold its
text; a title grows about its middle), and the votes read as coloured words.

Text is measured by the deck's own estimate (briefing.slide_layout: no font metrics are read); rendered with
LibreOffice, slides passing this test showed no overlap (issue 26). No overlay is intended on any slide, so none is
allowed."""
from __future__ import annotations

import io
import itertools

import pytest
from pptx import Presentation
from pptx.util import Emu

from cyberdiplomacy import briefing
from cyberdiplomacy.briefing import deck, slide_layout

TOLERANCE_IN = 0.01
DEFAULT_SIZE_PT = 18  # python-pptx's template: a run without a size
TITLE_SIZE_PT = 44  # and the master's title style


@pytest.fixture(scope="module")
def decks(real_con):
    packs = {"Brazil": briefing.for_states(real_con, ["BRA"]),
             "four states": briefing.for_states(real_con, ["RUS", "USA", "CHN", "IND"]),
             "74/247": briefing.for_resolution(real_con, "A/RES/74/247")}
    return {name: Presentation(io.BytesIO(briefing.to_pptx(pack))) for name, pack in packs.items()}


def _inches(emu) -> float:
    return Emu(emu).inches


def _font(frame, default_pt: float) -> tuple[float, bool]:
    """The largest size in a text frame, and whether its text is bold."""
    sizes, bold = [], False
    for p in frame.paragraphs:
        for font in [p.font] + [r.font for r in p.runs]:
            if font.size is not None:
                sizes.append(font.size.pt)
            bold = bold or bool(font.bold)
    return (max(sizes) if sizes else default_pt), bold


def _table_height_in(shape) -> float:
    table = shape.table
    widths = [_inches(c.width) for c in table.columns]
    height = 0.0
    for row in table.rows:
        needed = 0.0
        for cell, width in zip(row.cells, widths, strict=True):
            size, bold = _font(cell.text_frame, DEFAULT_SIZE_PT)
            needed = max(needed, slide_layout.text_height_in(cell.text, width, size, bold,
                                                            inset_in=slide_layout.CELL_INSET_IN))
        height += max(_inches(row.height), needed)
    return height


def rendered_box(shape) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in inches, grown to hold the shape's text."""
    left, top, width, height = (_inches(v) for v in (shape.left, shape.top, shape.width, shape.height))
    if shape.has_table:
        return left, top, left + width, top + max(height, _table_height_in(shape))
    if shape.has_text_frame and shape.text_frame.text:
        text = shape.text_frame.text
        size, bold = _font(shape.text_frame, TITLE_SIZE_PT if shape.is_placeholder else DEFAULT_SIZE_PT)
        needed = slide_layout.text_height_in(text, width, size, bold, caps=text.isupper())
        if needed > height:
            if shape.is_placeholder:  # the template anchors titles at their middle
                top -= (needed - height) / 2
            height = needed
    return left, top, left + width, top + height


def layout_problems(presentation) -> list[str]:
    slide_width, slide_height = _inches(presentation.slide_width), _inches(presentation.slide_height)
    problems = []
    for number, slide in enumerate(presentation.slides, start=1):
        boxes = [(shape.name, rendered_box(shape)) for shape in slide.shapes]
        where = f"slide {number}"
        for name, (left, top, right, bottom) in boxes:
            if left < -TOLERANCE_IN or top < -TOLERANCE_IN or right > slide_width + TOLERANCE_IN or (
                    bottom > slide_height + TOLERANCE_IN):
                problems.append(f"{where}: {name} ({left:.2f}, {top:.2f})–({right:.2f}, {bottom:.2f}) in runs off the "
                                f"{slide_width:.2f} × {slide_height:.2f} in slide")
        for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
            across = min(box_a[2], box_b[2]) - max(box_a[0], box_b[0])
            down = min(box_a[3], box_b[3]) - max(box_a[1], box_b[1])
            if across > TOLERANCE_IN and down > TOLERANCE_IN:
                problems.append(f"{where}: {a} {box_a[1]:.2f}–{box_a[3]:.2f} in overlaps {b} {box_b[1]:.2f}–"
                                f"{box_b[3]:.2f} in (by {down:.2f} in)")
    return problems


@pytest.mark.parametrize("pack", ["Brazil", "four states", "74/247"])
def test_no_shape_overlaps_another_or_runs_off_the_slide(decks, pack):
    assert layout_problems(decks[pack]) == []


def test_the_old_map_geometry_is_caught(real_con, monkeypatch):
    # Issue 26: the map ran from 1.3 in to the slide's foot (7.5 in), over its caption at 6.85 in.
    monkeypatch.setattr(deck, "PICTURE_HEIGHT_IN", 6.2)
    pack = briefing.for_resolution(real_con, "A/RES/74/247")
    problems = layout_problems(Presentation(io.BytesIO(briefing.to_pptx(pack))))
    assert problems == ["slide 5: Picture 2 1.30–7.50 in overlaps TextBox 3 6.85–7.45 in (by 0.60 in)"]


def test_comparison_deck_shows_votes_as_coloured_words(real_con, decks):
    slide = next(s for s in decks["four states"].slides if s.shapes.title.text.startswith("Votes side by side"))
    grid = next(shape.table for shape in slide.shapes if shape.has_table)
    header = [cell.text for cell in grid.rows[0].cells]
    assert header == ["Resolution", "Date", "Russian Federation", "United States of America", "China", "India"]
    shown = {row.cells[0].text: [cell.text for cell in list(row.cells)[2:]] for row in list(grid.rows)[1:]}
    words = {"Y": "Yes", "N": "No", "A": "Abstain", "X": "Did not vote"}
    expected = {}
    for symbol, iso3, vote in real_con.execute(
            "SELECT resolution_symbol, iso3, vote FROM votes WHERE stage = 'plenary' AND iso3 IN "
            "('RUS', 'USA', 'CHN', 'IND') AND resolution_symbol IN ('A/RES/73/27', 'A/RES/73/187')").fetchall():
        expected.setdefault(symbol, dict.fromkeys(["RUS", "USA", "CHN", "IND"]))[iso3] = words[vote]
    assert {s: shown[s] for s in expected} == {s: list(v.values()) for s, v in expected.items()}
    assert shown["A/RES/73/187"] == ["Yes", "No", "Yes", "Yes"]
    colours = {cell.text: str(cell.fill.fore_color.rgb) for row in list(grid.rows)[1:] for cell in list(row.cells)[2:]}
    assert colours == {"Yes": "0072B2", "No": "D55E00"}
