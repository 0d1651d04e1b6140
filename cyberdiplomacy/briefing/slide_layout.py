"""Where things sit on a 16:9 slide, and how much room text takes: a slide's title, figure or table and caption
each get a band of their own, and text is set at the largest size that fits its band.

PowerPoint grows a table row or an auto-fitting text box to fit its text, so a box that is too small overlaps what
lies below it: 74/247's three-line title sat on its chart, four states' partner caption ran off the slide. Text is
measured here by an estimate, no font metrics read: Carlito, Calibri's metric twin, averages 0.41-0.44 em a character
on a pack's text and 0.49 em in capitals, so the widths below err wide by about a sixth; a line takes 1.2 em."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy.briefing.pdf import _cell

SLIDE_WIDTH_IN, SLIDE_HEIGHT_IN = 13.333, 7.5
MARGIN_IN = 0.4
CONTENT_WIDTH_IN = SLIDE_WIDTH_IN - 2 * MARGIN_IN
TITLE_TOP_IN, TITLE_HEIGHT_IN = 0.2, 1.05  # ends at 1.25 in, above the figure or table at 1.3 in
CONTENT_TOP_IN = 1.3
TABLE_BOTTOM_IN = 6.75  # a table's rows, grown to fit their text, end above the caption
CAPTION_TOP_IN, CAPTION_HEIGHT_IN = 6.85, 0.6  # ends at 7.45 in, inside the slide
CHAR_EM, BOLD_CHAR_EM, CAPS_CHAR_EM = 0.5, 0.52, 0.58
LINE_EM = 1.2
TEXT_INSET_IN = (0.1, 0.05)  # a text box's inner margins (left and right; top and bottom): python-pptx's defaults
CELL_INSET_IN = (0.1, 0.05)  # and a table cell's
TITLE_SIZES_PT = (22, 20, 18, 16, 14)
CAPTION_SIZES_PT = (12, 11, 10, 9)


def char_width_pt(size_pt: float, bold: bool = False, caps: bool = False) -> float:
    return size_pt * (CAPS_CHAR_EM if caps else BOLD_CHAR_EM if bold else CHAR_EM)


def line_count(text: str, width_in: float, size_pt: float, bold: bool = False, caps: bool = False) -> int:
    """Lines `text` takes in a column `width_in` wide (its inner width), words wrapped as a text frame wraps them."""
    per_line = max(1, int(width_in * 72 / char_width_pt(size_pt, bold, caps)))
    lines = 0
    for paragraph in str(text).split("\n"):
        used = 0
        lines += 1
        for word in paragraph.split(" "):
            length = len(word)
            if used and used + 1 + length > per_line:
                lines += 1
                used = 0
            used += (1 if used else 0) + length
            if used > per_line:  # a word longer than the line breaks where the line ends
                lines += (used - 1) // per_line
                used = (used - 1) % per_line + 1
    return lines


def text_height_in(text: str, width_in: float, size_pt: float, bold: bool = False, caps: bool = False,
                   inset_in: tuple[float, float] = TEXT_INSET_IN) -> float:
    """Height of a box holding `text` in full, `width_in` its outer width."""
    lines = line_count(text, width_in - 2 * inset_in[0], size_pt, bold, caps)
    return lines * LINE_EM * size_pt / 72 + 2 * inset_in[1]


def fitting_size(text: str, width_in: float, height_in: float, sizes_pt: tuple[int, ...], bold: bool = False) -> int:
    """The first (largest) of `sizes_pt` at which `text` fits the box; the smallest when none does."""
    return next((s for s in sizes_pt if text_height_in(text, width_in, s, bold) <= height_in), sizes_pt[-1])


def column_widths(frame: pd.DataFrame, width_in: float, size_pt: float) -> list[float]:
    """Widths summing to `width_in`: each column the room its longest cell asks for (a header by its longest word,
    since headers wrap), so short codes do not take the room long titles need; what is left shared equally, or, when
    the table is too wide, every column narrowed in proportion. A cell's ask is capped at 60 characters, so that one
    long cell does not starve every other column."""
    wanted = []
    for column in frame.columns:
        longest = max([len(word) for word in str(column).split()] or [1])
        cells = frame[column].map(lambda v: len(_text(v)))
        longest = max(longest, int(cells.max()) if len(cells) else 0)
        wanted.append(min(longest, 60) * char_width_pt(size_pt) / 72 + 2 * CELL_INSET_IN[0])
    if sum(wanted) <= width_in:  # room to spare: each column gets an equal share of it
        return [w + (width_in - sum(wanted)) / len(wanted) for w in wanted]
    return [width_in * w / sum(wanted) for w in wanted]


def row_heights(frame: pd.DataFrame, widths_in: list[float], size_pt: float) -> list[float]:
    """The header's and each row's height with its longest cell in full."""
    def height(cells) -> float:
        return max(text_height_in(_text(c), w, size_pt, inset_in=CELL_INSET_IN) for c, w in zip(cells, widths_in,
                                                                                              strict=True))
    return [height(frame.columns)] + [height(row) for row in frame.itertuples(index=False)]


def _text(value) -> str:
    return str(value) if isinstance(value, str) else _cell(value)
