"""Every table of a pack as one workbook: a sheet per table with the app's labels, dates as dates, a frozen
header row, filters and readable widths; an 'about' sheet with the provenance and a 'References' sheet."""
from __future__ import annotations

import io

import pandas as pd

from cyberdiplomacy import exports
from cyberdiplomacy.briefing.model import Briefing


def _sheet_name(name: str, used: set[str]) -> str:
    base = "".join(c for c in name if c not in "[]:*?/\\")[:31] or "Sheet"
    candidate, n = base, 2
    while candidate in used:
        candidate = f"{base[:28]} {n}"
        n += 1
    used.add(candidate)
    return candidate


def to_xlsx(briefing: Briefing) -> bytes:
    used: set[str] = set()
    provenance = exports.about(briefing.title, briefing.subtitle, briefing.sources, briefing.build,
                               briefing.view_url, "Briefing pack")
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
            exports.write_sheet(writer, sheet_name, frame)  # the one readable-sheet writer, shared with charts
        about = pd.DataFrame(list(provenance.items()), columns=["field", "value"])
        exports.write_sheet(writer, _sheet_name("about", used), about)
    return buffer.getvalue()
