"""Briefing packs: cover, key facts, figures, tables and sources, as a multi-page PDF or a PPTX deck."""
from __future__ import annotations

import base64
import html
import io
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import exports, figures, formatting, headlines, queries
from cyberdiplomacy.charts import sponsors, theme
from cyberdiplomacy.filters import Filters

TABLE_ROW_LIMIT = 40  # longer tables are cut in the pack; the full data is one click away in the app


@dataclass
class Briefing:
    title: str
    subtitle: str
    key_facts: list[str]
    figures: list[go.Figure] = field(default_factory=list)
    tables: list[tuple[str, pd.DataFrame]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    build: dict = field(default_factory=dict)


def _build_info(con) -> dict:
    info = queries.build_info(con)
    return info.iloc[0].to_dict() if len(info) else {}


def _sources(figs: list[go.Figure], tables: list[tuple[str, pd.DataFrame]]) -> list[str]:
    refs = [s for f in figs for s in (f.layout.meta or {}).get("sources", [])]
    for _, table in tables:
        if "source" in table.columns:
            refs += [part.strip() for cell in table["source"].dropna() for part in str(cell).split(" ; ")]
    return list(dict.fromkeys(r for r in refs if r))


def for_states(con, iso3s: list[str]) -> Briefing:
    build = _build_info(con)
    built = str(build.get("data_built_date", ""))[:10]
    names = queries.states(con).set_index("iso3")
    unknown = [i for i in iso3s if i not in names.index]
    if unknown or not iso3s:
        raise figures.FigureUnavailable(f"unknown state code(s): {', '.join(unknown) or '(none given)'}")
    filters = Filters(states=tuple(iso3s))
    votes = queries.state_votes(con, iso3s)
    facts = []
    for iso3 in iso3s:
        mine = votes[votes["iso3"] == iso3].set_index("resolution_symbol")["vote"]
        key_votes = ", ".join(f"{s.replace('A/RES/', '')}: {theme.vote_label(mine.get(s))}"
                              for s in headlines.KEY_TEXTS[:2])
        facts.append(f"{names.at[iso3, 'name']} ({names.at[iso3, 'un_regional_group']}): {key_votes}.")
    treaty = queries.state_treaty_actions(con, iso3s)
    uncc = treaty[treaty["treaty"] == headlines.UNCC]
    for iso3 in iso3s:
        actions = uncc[uncc["iso3"] == iso3]
        text = "; ".join(f"{a.action} {a.action_date.date() if pd.notna(a.action_date) else '(date unknown)'}"
                         for a in actions.itertuples()) or "no signature on record"
        facts.append(f"{names.at[iso3, 'name']} and the UN Convention against Cybercrime: {text}.")
    status = headlines.entry_into_force(queries.treaty_status(con), pd.Timestamp.today().date())
    facts.append(headlines.entry_into_force_text(status))
    figs = [figures.build("state-votes", con, filters, built)[0],
            figures.build("vote-map", con, Filters(resolution="A/RES/73/187"), built)[0]]
    blocs = queries.state_blocs(con, iso3s)
    current = sorted(set(blocs.loc[blocs["left_date"].isna() & (blocs["bloc_kind"] == "organization"), "bloc"]))
    if current:
        figs.append(sponsors.cohesion(queries.bloc_cohesion(con, current), built))
    figs.append(figures.build("overview-timeline", con, Filters(), built)[0])
    tables = [("Votes", votes[["state_name", "resolution_symbol", "vote_date", "vote", "confidence"]]),
              ("Sponsorships", queries.state_sponsorships(con, iso3s)),
              ("Bloc memberships", blocs[["state_name", "bloc", "joined_date", "left_date", "source", "confidence"]]),
              ("Treaty actions", treaty)]
    title = "Briefing: " + ", ".join(names.loc[iso3s, "name"])
    return Briefing(title, "Cybercrime diplomacy at the United Nations, 1998–2025", facts, figs, tables,
                    _sources(figs, tables), build)


def for_resolution(con, symbol: str) -> Briefing:
    build = _build_info(con)
    built = str(build.get("data_built_date", ""))[:10]
    history = queries.resolution_history(con).set_index("symbol")
    if symbol not in history.index:
        raise figures.FigureUnavailable(f"unknown resolution {symbol}")
    row = history.loc[symbol]
    facts = [f"{symbol}: {row['title'] or 'title not on record'}.",
             f"Adopted {str(row['adopted_date'])[:10] if pd.notna(row['adopted_date']) else '(date unknown)'}; "
             f"{headlines.tally_text(row.rename({'symbol': symbol}))} (yes–no–abstain).",
             f"Draft: {row['draft_symbol'] or 'unknown'}; sources: {row['source']}."]
    if formatting.announced_tally(row) is None and row["has_state_votes"]:
        facts.append("No officially announced tally is on record; counts are from the per-state record.")
    filters = Filters(resolution=symbol)
    figs = [figures.build("overview-timeline", con, Filters(), built)[0]]
    tables = []
    if row["has_state_votes"]:
        figs = [figures.build("vote-map", con, filters, built)[0],
                figures.build("votes-by-group", con, filters, built)[0]] + figs
        tables.append(("Votes", queries.resolution_votes(con, symbol)))
    tables.append(("Sponsors", queries.resolution_sponsors(con, symbol)))
    return Briefing(f"Briefing: {symbol}", str(row["title"] or ""), facts, figs, tables,
                    _sources(figs, tables), build)


def _as_text(table: pd.DataFrame) -> pd.DataFrame:
    """Cells as display text: unknown stays empty, dates without a time."""
    def text(value) -> str:
        if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
            return ""
        return value.date().isoformat() if isinstance(value, pd.Timestamp) else str(value)

    return table.map(text)


def _table_html(table: pd.DataFrame) -> str:
    shown = _as_text(table.head(TABLE_ROW_LIMIT))
    more = f"<p class='note'>First {TABLE_ROW_LIMIT} of {len(table)} rows.</p>" if len(table) > TABLE_ROW_LIMIT else ""
    return shown.to_html(index=False, escape=True, border=0) + more


def to_html(briefing: Briefing, images: list[bytes]) -> str:
    e = html.escape
    build = briefing.build
    attribution = theme.attribution_for(briefing.sources)
    footer = (f"Data version {e(str(build.get('data_version', '')))} · built "
              f"{e(str(build.get('data_built_date', ''))[:10])} · {e(theme.ATTRIBUTION)}"
              + (f" · {e(attribution)}" if attribution else ""))
    pages = [f"<section class='cover'><h1>{e(briefing.title)}</h1><h2>{e(briefing.subtitle)}</h2>"
             f"<p>{footer}</p></section>",
             "<section><h2>Key facts</h2><ul>" + "".join(f"<li>{e(f)}</li>" for f in briefing.key_facts)
             + "</ul></section>"]
    for image in images:
        pages.append(f"<section class='figure'><img src='data:image/png;base64,{base64.b64encode(image).decode()}'>"
                     "</section>")
    for title, table in briefing.tables:
        pages.append(f"<section><h2>{e(title)}</h2>{_table_html(table) if len(table) else '<p>None on record.</p>'}"
                     "</section>")
    pages.append("<section><h2>Sources</h2><ul class='sources'>"
                 + "".join(f"<li>{e(s)}</li>" for s in briefing.sources) + f"</ul><p>{footer}</p>"
                 f"<p>{e(str(build.get('citation', '')))}</p></section>")
    style = """@page { size: A4 landscape; margin: 12mm; }
      body { font-family: Helvetica, Arial, sans-serif; color: #222; font-size: 10pt; }
      section { page-break-after: always; } section:last-child { page-break-after: auto; }
      .cover { padding-top: 50mm; } h1 { font-size: 26pt; } h2 { font-size: 15pt; color: #444; }
      .figure img { display: block; margin: 0 auto; max-width: 100%; max-height: 180mm; }
      table { border-collapse: collapse; font-size: 7.5pt; width: 100%; }
      th, td { border-bottom: 1px solid #ddd; padding: 2px 4px; text-align: left; vertical-align: top; }
      .sources { font-size: 7.5pt; } .note { color: #666; }"""
    return f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head><body>" + \
        "".join(pages) + "</body></html>"


def _images(briefing: Briefing) -> list[bytes]:
    selection = briefing.title.replace("Briefing: ", "")
    return [exports.figure_bytes(fig, "png", size="a4", selection=selection) for fig in briefing.figures]


def to_pdf(briefing: Briefing) -> bytes:
    """Print the pack's HTML to PDF with the local Chromium (offline)."""
    chromium = exports.chromium_path()
    if chromium is None:
        raise exports.ExportUnavailable("The briefing PDF needs Chromium: apt-get install chromium.")
    document = to_html(briefing, _images(briefing))
    with tempfile.TemporaryDirectory() as tmp:
        page, out = Path(tmp) / "pack.html", Path(tmp) / "pack.pdf"
        page.write_text(document, encoding="utf-8")
        result = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp}/profile",
             "--no-pdf-header-footer", f"--print-to-pdf={out}", page.as_uri()],
            capture_output=True, timeout=120, check=False)
        if not out.exists():
            raise exports.ExportUnavailable(f"Chromium could not print the pack: {result.stderr.decode()[-300:]}")
        return out.read_bytes()


def to_pptx(briefing: Briefing) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    cover.shapes.title.text = briefing.title
    cover.placeholders[1].text = (f"{briefing.subtitle}\nData built {str(briefing.build.get('data_built_date', ''))[:10]}"
                                  + (f"\n{theme.attribution_for(briefing.sources)}"
                                     if theme.attribution_for(briefing.sources) else ""))
    facts = deck.slides.add_slide(deck.slide_layouts[1])
    facts.shapes.title.text = "Key facts"
    body = facts.placeholders[1].text_frame
    for i, fact in enumerate(briefing.key_facts):
        paragraph = body.paragraphs[0] if i == 0 else body.add_paragraph()
        paragraph.text, paragraph.font.size = fact, Pt(16)
    blank = deck.slide_layouts[6]
    for fig in briefing.figures:
        image = exports.figure_bytes(fig, "png", size="slide", selection=briefing.title.replace("Briefing: ", ""))
        deck.slides.add_slide(blank).shapes.add_picture(io.BytesIO(image), 0, 0, width=deck.slide_width)
    for title, table in briefing.tables:
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        slide.shapes.title.text = f"{title} ({len(table)} rows)"
        shown = _as_text(table.head(12))
        columns = list(shown.columns)[:6]
        if shown.empty:
            continue
        grid = slide.shapes.add_table(len(shown) + 1, len(columns), Inches(0.4), Inches(1.5), Inches(12.5),
                                      Inches(5.5)).table
        for c, name in enumerate(columns):
            grid.cell(0, c).text = name
            for r, value in enumerate(shown[name], start=1):
                grid.cell(r, c).text = value[:60]
                grid.cell(r, c).text_frame.paragraphs[0].font.size = Pt(10)
    sources = deck.slides.add_slide(deck.slide_layouts[1])
    sources.shapes.title.text = "Sources"
    frame = sources.placeholders[1].text_frame
    attribution = theme.attribution_for(briefing.sources)
    frame.text = (attribution + "\n" if attribution else "") + "; ".join(briefing.sources)[:3000]
    frame.paragraphs[0].font.size = Pt(9)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
