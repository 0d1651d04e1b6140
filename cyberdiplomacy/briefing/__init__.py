"""Briefing packs a delegation hands to its minister: a first page that briefs, full-size figures with their
findings, an annex of full tables, numbered references; as PDF (with the tables' XLSX attached), PPTX or XLSX.

state_pack, comparison_pack, resolution_pack: the three kinds of pack, over a shared context (context, state_facts),
words (sentences), figures (shared_charts, resolution_charts) and tables; pdf, deck, workbook: the three renderings
(the deck drawn from deck_shapes, laid out by slide_layout); comparison_pdf: two texts compared, printed."""
from __future__ import annotations

from cyberdiplomacy.briefing.deck import to_pptx
from cyberdiplomacy.briefing.model import Briefing, Chart, Reference, Table
from cyberdiplomacy.briefing.pdf import to_html
from cyberdiplomacy.briefing.pdf import to_pdf as _pdf
from cyberdiplomacy.briefing.resolution_pack import for_resolution
from cyberdiplomacy.briefing.state_pack import for_states
from cyberdiplomacy.briefing.workbook import to_xlsx

__all__ = ["Briefing", "Chart", "Reference", "Table", "for_resolution", "for_states", "page_count", "slug", "to_html",
           "to_pdf", "to_pptx", "to_xlsx"]


def slug(briefing: Briefing) -> str:
    return "".join(c if c.isalnum() else "-" for c in briefing.title.split(":")[0]).strip("-").lower()[:60]


def to_pdf(briefing: Briefing, attach_tables: bool = True) -> bytes:
    """The PDF, with every table as an attached workbook (tables.xlsx) unless attach_tables is False."""
    workbook = to_xlsx(briefing) if attach_tables else None
    return _pdf(briefing, workbook, f"{slug(briefing)}-tables.xlsx")


def page_count(document: bytes) -> int:
    """Pages of a PDF, or slides of a PPTX."""
    import io

    if document[:4] == b"%PDF":
        from pypdf import PdfReader

        return len(PdfReader(io.BytesIO(document)).pages)
    from pptx import Presentation

    return len(Presentation(io.BytesIO(document)).slides)
