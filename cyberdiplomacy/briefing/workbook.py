"""Every table of a pack as one workbook: a sheet per table with the app's labels, dates as dates, a frozen
header row, filters and readable widths; an 'about' sheet with the provenance and a 'References' sheet."""
from __future__ import annotations

import io

import pandas as pd

from cyberdiplomacy import exports
from cyberdiplomacy.briefing.model import Briefing

MAX_WIDTH = 60


def _sheet_name(name: str, used: set[str]) -> str:
    base = "".join(c for c in name if c not in "[]:*?/\\")[:31] or "Sheet"
    candidate, n = base, 2
    while candidate in used:
        candidate = f"{base[:28]} {n}"
        n += 1
    used.add(candidate)
    return candidate


def _for_excel(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.DatetimeTZDtype):
            out[column] = out[column].dt.tz_localize(None)
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.date  # dates as dates, without a time
    return out


def _format(sheet, frame: pd.DataFrame) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, column in enumerate(frame.columns, start=1):
        values = [str(column)] + [str(v) for v in frame[column].head(500) if v is not None and not pd.isna(v)]
        width = min(max(len(v) for v in values) + 2, MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(i)].width = max(width, 8)
        if pd.api.types.is_datetime64_any_dtype(frame[column]) or str(frame[column].dtype) == "object" and \
                any(hasattr(v, "isoformat") and not isinstance(v, str) for v in frame[column].head(20)):
            for cell in sheet.iter_cols(min_col=i, max_col=i, min_row=2).__next__():
                cell.number_format = "yyyy-mm-dd"
        if width >= MAX_WIDTH:
            for cell in sheet.iter_cols(min_col=i, max_col=i, min_row=2).__next__():
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def to_xlsx(briefing: Briefing) -> bytes:
    used: set[str] = set()
    provenance = exports.about(briefing.title, briefing.subtitle, briefing.sources, briefing.build)
    references = pd.DataFrame([(r.number, r.ref, r.title, r.url) for r in briefing.references],
                              columns=["No.", "Reference", "Title", "URL"])
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        sheets = []
        if briefing.comparison is not None:
            sheets.append(("Side by side", briefing.comparison.reset_index(names="Fact")))
        sheets += [(t.key, t.frame) for t in briefing.tables]
        sheets.append(("References", references))
        for name, frame in sheets:
            sheet_name = _sheet_name(name, used)
            data = _for_excel(frame)
            data.to_excel(writer, sheet_name=sheet_name, index=False)
            _format(writer.sheets[sheet_name], data)
        about = pd.DataFrame(list(provenance.items()), columns=["field", "value"])
        about.to_excel(writer, sheet_name=_sheet_name("about", used), index=False)
        _format(writer.sheets["about"], about)
    return buffer.getvalue()
