"""A comparison of two texts as a readable PDF: each changed, new and dropped paragraph with its marks (added words
underlined, removed ones struck through), printed by the local Chromium like the briefing packs."""
from __future__ import annotations

import html

import pandas as pd

from cyberdiplomacy import provenance, views

e = html.escape
STYLE = """@page { size: A4; margin: 16mm; }
body { font-family: "Source Sans Pro", "Helvetica Neue", Arial, sans-serif; color: #222; font-size: 10pt; }
h1 { font-size: 16pt; margin: 0 0 2mm; } .sub { color: #444; margin: 0 0 4mm; } .meta { font-size: 8pt; color: #666; }
p.row { margin: 0 0 3mm; break-inside: avoid; } .kind { font-weight: 600; }
ins { text-decoration: underline; color: #0072B2; } del { color: #D55E00; }
footer { font-size: 8pt; color: #666; margin-top: 6mm; border-top: 1px solid #ccc; padding-top: 2mm; }"""


def _marked_html(text: str) -> str:
    return views.texts.render_marks(text, e, "<ins>{}</ins>", "<del>{}</del>")


def _row(row) -> str:
    numbers = [n for n in (row.left_number, row.right_number) if isinstance(n, str)]
    where = f", ¶ {e(' → '.join(n if isinstance(n, str) else '–' for n in (row.left_number, row.right_number)))}" \
        if numbers else ""
    heading = f" · {e(row.heading_path)}" if isinstance(row.heading_path, str) else ""
    body = (_marked_html(row.marked_text) if row.change == "changed" else
            f"<del>{e(row.left_text)}</del>" if row.change == "removed" else e(row.marked_text))
    return (f"<p class='row'><span class='kind'>{views.texts.CHANGE_WORDS[row.change]}</span> "
            f"({views.texts.PART_WORDS.get(row.part, row.part)}{where}{heading}): {body}</p>")


def to_html(aligned: pd.DataFrame, before: str, after: str, build: dict) -> str:
    rows = "".join(_row(r) for r in aligned.itertuples(index=False) if r.change != "same")
    built = str(build.get("data_built_date", "unknown"))[:10]
    sources = [before, after, provenance.UNXML_SOURCE]
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{e(after)} against {e(before)}</title>"
            f"<style>{STYLE}</style></head><body>"
            f"<h1>{e(views.texts.comparison_title(before, after, aligned))}</h1>"
            f"<p class='sub'>Changed, new and dropped paragraphs of {e(after)} against {e(before)}: "
            "<ins>added words</ins>, <del>removed words</del>.</p>"
            f"<p class='meta'>Data version {e(str(build.get('data_version', 'unknown')))}, built {e(built)}</p>"
            + (rows or "<p>The two texts have the same paragraphs.</p>")
            + f"<footer>{e(provenance.footer_text(sources, built))}<br>{e(provenance.attribution_for(sources))}<br>"
            f"{e(views.texts.SOURCE_NOTE)}</footer></body></html>")


def to_pdf(aligned: pd.DataFrame, before: str, after: str, build: dict) -> bytes:
    from cyberdiplomacy.briefing.pdf import print_pdf

    return print_pdf(to_html(aligned, before, after, build))
