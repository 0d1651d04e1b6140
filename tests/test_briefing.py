"""Briefing packs as a briefing officer gets them: page 1 briefs with numbers from the warehouse, no mostly empty
page, native PowerPoint charts equal to the figures' data, notes on every slide, nothing cut without saying so."""
from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess

import duckdb
import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pypdf import PdfReader

from cyberdiplomacy import briefing
from cyberdiplomacy.briefing import model, partners
from tests.conftest import ROOT, build

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils (pdftoppm)")


@pytest.fixture(scope="module")
def con(real_con):
    return real_con


@pytest.fixture(scope="module")
def committee_db(tmp_path_factory):
    """The real record plus per-state committee votes on A/RES/73/187 (plenary and committee rows for every state)."""
    data = tmp_path_factory.mktemp("committee") / "data"
    shutil.copytree(ROOT / "data", data)
    with open(data / "votes.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    extra = [{**r, "stage": "committee", "vote_date": "2018-11-16"} for r in rows
             if r["resolution_symbol"] == "A/RES/73/187" and r["stage"] == "plenary"]
    assert extra, "the record has per-state plenary votes on A/RES/73/187"
    with open(data / "votes.csv", "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=list(rows[0])).writerows(extra)
    with open(data / "resolutions.csv", encoding="utf-8", newline="") as handle:
        texts = list(csv.DictReader(handle))
    for text in texts:
        if text["symbol"] == "A/RES/73/187":
            text["tally_discrepancy_note"] = "Test: committee rows copied from the plenary vote."
    with open(data / "resolutions.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(texts[0]))
        writer.writeheader()
        writer.writerows(texts)
    return build(data, data.parent / "w.duckdb")


def page_fill(pdf: bytes, tmp_path) -> list[float]:
    """Per page: the share of the page covered by the bounding box of its non-white pixels (pdftoppm, 20 dpi)."""
    (tmp_path / "pack.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "20", "-gray", str(tmp_path / "pack.pdf"), str(tmp_path / "page")], check=True)
    fills = []
    for image in sorted(tmp_path.glob("page-*.pgm")):
        raw = image.read_bytes()
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", raw)
        width, height = int(header[1]), int(header[2])
        pixels = raw[header.end():]
        rows = [y for y in range(height) if min(pixels[y * width:(y + 1) * width]) < 200]
        cols = [x for x in range(width) if min(pixels[x::width][:height]) < 200]
        fills.append(0.0 if not rows else (rows[-1] - rows[0] + 1) * (cols[-1] - cols[0] + 1) / (width * height))
    return fills


def assert_no_empty_body_page(pdf: bytes, tmp_path) -> None:
    fills = page_fill(pdf, tmp_path)
    body = fills[1:-1]  # page 1 is the brief; the last page may end a list
    assert body and min(body) >= 0.4, [round(f, 2) for f in fills]


def assert_tables_whole(pack: briefing.Briefing) -> None:
    """Every annex table: the stated row count is the whole table's; the rows drawn are the table's, or the part it
    says it prints, with the workbook named for the rest; every cell in full."""
    document = briefing.to_html(pack)
    for i, table in enumerate(pack.tables, start=1):
        match = re.search(rf"<h3>A{i}\. [^<]*\((\d+) rows?;", document)
        assert match and int(match[1]) == len(table.frame), table.title
        if table.shown is not None:
            assert (f"Shown here: {briefing.pdf.e(table.cut)} ({len(table.shown)} of {len(table.frame)} rows). The full "
                    f"table is in the attached workbook (tables.xlsx), sheet '{table.key}'.") in document
    printed = [t for t in pack.tables if len(t.printed)]
    tbodies = re.findall(r"<tbody>(.*?)</tbody>", document, flags=re.S)
    annex = tbodies[-len(printed):]
    for body, table in zip(annex, printed, strict=True):
        assert body.count("<tr>") == len(table.printed), table.title
        for column in table.printed.columns:
            if column == "Source":
                continue
            for value in table.printed[column].dropna().astype(str):
                if value and "Timestamp" not in value and not value.endswith("00:00:00"):
                    assert f">{briefing.pdf.e(value)}<" in body, (table.title, column, value)


def assert_deck(pack: briefing.Briefing, deck_bytes: bytes) -> None:
    deck = Presentation(io.BytesIO(deck_bytes))
    assert deck.slide_width / deck.slide_height == pytest.approx(16 / 9, rel=1e-3)
    for slide in deck.slides:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), slide.shapes.title.text
    charts = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    natives = [c for c in pack.all_charts if c.kind in model.NATIVE_KINDS]
    assert len(charts) == len(natives) > 0
    for graphic, chart in zip(charts, natives, strict=True):
        plot = graphic.plots[0]
        assert list(plot.categories) == chart.categories
        drawn = {s.name: list(s.values) for s in plot.series}
        assert drawn == {k: [None if v is None else pytest.approx(v) for v in vals] for k, vals in chart.series.items()}
        for trace in chart.fig.data:  # the figure in the PDF shows the same numbers
            values = trace.x if chart.horizontal else trace.y
            assert [None if v is None else pytest.approx(v) for v in chart.series[trace.name]] == list(values)
    for slide in deck.slides:  # a table slide says where the rest is
        for shape in slide.shapes:
            if shape.has_table:
                title = slide.shapes.title.text
                text = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
                if title.startswith(("Side by side",)):
                    continue
                rows = int(re.search(r": (\d+) rows?", title)[1])
                assert f"All {rows} rows" in text and ("annex" in text or rows == len(shape.table.rows) - 1)


def test_state_with_plenary_and_committee_rows(committee_db, tmp_path):
    connection = duckdb.connect(str(committee_db), read_only=True)
    try:
        stages = connection.execute("SELECT DISTINCT stage FROM votes WHERE iso3 = 'IND' AND "
                                    "resolution_symbol = 'A/RES/73/187'").fetchall()
        assert sorted(s for (s,) in stages) == ["committee", "plenary"]
        pack = briefing.for_states(connection, ["IND"])
    finally:
        connection.close()
    assert "on 73/187 Countering criminal use of ICTs (94–59–33) it voted yes" in pack.summary[0]
    votes = next(t for t in pack.tables if t.key == "Votes").frame
    assert set(votes.loc[votes["Resolution"] == "A/RES/73/187", "Stage"]) == {"committee", "plenary"}


def test_fixture_world_state_pack_with_committee_rows(world_con):
    pack = briefing.for_states(world_con, ["RUS"])
    assert pack.summary and pack.lead is not None


def test_state_pack_ind(con, tmp_path):
    pack = briefing.for_states(con, ["IND"])
    built = str(con.execute("SELECT data_built_date FROM build_info").fetchone()[0])[:10]
    pdf = briefing.to_pdf(pack)
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 8
    first = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    text = " ".join(first.split())
    # Checked against the warehouse, not against the pack's own numbers.
    for symbol in ("A/RES/73/187", "A/RES/74/247"):
        vote, = con.execute("SELECT vote FROM votes WHERE iso3 = 'IND' AND stage = 'plenary' AND "
                            "resolution_symbol = ?", [symbol]).fetchone()
        same, cast = con.execute(
            "SELECT count(*) FILTER (WHERE v.vote = ?), count(*) FILTER (WHERE v.vote IN ('Y', 'N', 'A')) FROM votes v "
            "JOIN states s USING (iso3) WHERE v.stage = 'plenary' AND v.resolution_symbol = ? AND "
            "s.un_regional_group = 'Asia-Pacific States'", [vote, symbol]).fetchone()
        assert f"on {symbol[6:]} Countering criminal use of ICTs (" in text
        assert f"it voted {'yes' if vote == 'Y' else 'no'}" in text
        assert f"({same} of {cast} group members casting a vote did the same)" in text
    assert f"no signature or ratification of the UN Convention against Cybercrime on record as of {built}" in text
    drafts, = con.execute("SELECT count(DISTINCT draft_symbol) FROM sponsorships WHERE iso3 = 'IND'").fetchone()
    assert f"It sponsored {drafts} of the" in text
    # The default measure: an abstention against a Yes or No counts half.
    same, lone_abstentions, shared = con.execute(
        """SELECT count(*) FILTER (WHERE a.vote = b.vote), count(*) FILTER (WHERE a.vote <> b.vote AND 'A' IN
           (a.vote, b.vote)), count(*) FROM votes a JOIN votes b USING (resolution_symbol, stage)
           WHERE a.iso3 = 'IND' AND b.iso3 = 'USA' AND a.stage = 'plenary' AND a.vote <> 'X' AND b.vote <> 'X'"""
    ).fetchone()
    share = (same + lone_abstentions / 2) / shared
    assert (f"farthest: United States of America ({share:.0%} over {shared} shared votes, the same vote on {same})"
            in text)
    assert "states tie at 100%" in text  # ties are said as ties
    assert "BRICS" in text and "SCO" in text
    assert_no_empty_body_page(pdf, tmp_path)
    assert_tables_whole(pack)
    assert_deck(pack, briefing.to_pptx(pack))


def test_state_pack_says_abstained_and_a_plurality_as_such(con):
    # Brazil abstained on 74/247, as did fewer than half of its group casting a vote: "Brazil voted abstained" and
    # "majority" were wrong (issue 23), on the cover, in figure 1 and on the slides.
    pack = briefing.for_states(con, ["BRA"])
    yes, no, abstain = con.execute(
        "SELECT count(*) FILTER (WHERE v.vote = 'Y'), count(*) FILTER (WHERE v.vote = 'N'), count(*) FILTER (WHERE "
        "v.vote = 'A') FROM votes v JOIN states s USING (iso3) WHERE v.stage = 'plenary' AND v.resolution_symbol = "
        "'A/RES/74/247' AND s.un_regional_group = 'Latin American and Caribbean States'").fetchone()
    assert abstain > max(yes, no) and 2 * abstain <= yes + no + abstain  # the most, not more than half
    assert (f"on 74/247 Countering criminal use of ICTs (79–60–33) it abstained, with the Latin American and Caribbean "
            f"States plurality ({abstain} of {yes + no + abstain} group members casting a vote did the same, not a "
            "majority)") in pack.summary[0]
    deck = Presentation(io.BytesIO(briefing.to_pptx(pack)))
    slides = " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)
    document = briefing.to_pdf(pack)
    reader = PdfReader(io.BytesIO(document))
    pdf = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for text in (slides, pdf):
        assert "Brazil abstained on 74/247 Countering criminal use of ICTs" in text
        assert "voted abstained" not in text and "majority (15" not in text
    assert len(reader.pages) <= 8  # one state's pack briefs in 8 pages at most (it was 12)
    # The 192 partners are in the workbook; the PDF prints the ranked ends and says where the rest is.
    assert ("Shown here: the 10 closest and 10 farthest of the 165 states sharing at least 13 of 17 votes cast (ties "
            "ordered by shared votes) (20 of 192 rows). The full table is in the attached workbook "
            "(brazil-tables.xlsx), sheet 'Partners'.") in pdf
    book = openpyxl.load_workbook(io.BytesIO(reader.attachments["brazil-tables.xlsx"][0]))
    assert book["Partners"].max_row == 193
    assert ("Partners are ranked only among states sharing at least 13 of the 17 votes Brazil cast (three quarters, "
            "and never fewer than 8): of these 165 states, closest: Bahamas (97% over 17 shared votes, the same vote "
            "on 16); farthest: United States of America (44% over 17 shared votes, the same vote on 6).") in pdf


def test_state_deck_shows_votes_as_coloured_words(con):
    # The 'Recorded votes' slide was a grid of 1s and 0s, one column per kind of vote (issue 26).
    pack = briefing.for_states(con, ["BRA"])
    deck = Presentation(io.BytesIO(briefing.to_pptx(pack)))
    slide = next(s for s in deck.slides if s.shapes.title.text.startswith("Recorded votes"))
    grid = next(shape.table for shape in slide.shapes if shape.has_table)
    header = [cell.text for cell in grid.rows[0].cells]
    assert header == ["Resolution", "Short title", "Stage", "Date", "Vote", "Group's most common vote"]
    rows = {row.cells[0].text: row.cells for row in list(grid.rows)[1:]}
    expected = dict(con.execute("SELECT resolution_symbol, vote FROM votes WHERE iso3 = 'BRA' AND stage = 'plenary'"
                                ).fetchall())
    words = {"Y": "Yes", "N": "No", "A": "Abstain", "X": "Did not vote"}
    assert {symbol: cells[4].text for symbol, cells in rows.items()} == {s: words[v] for s, v in expected.items()}
    assert rows["A/RES/73/187"][1].text == "Countering criminal use of ICTs"
    assert str(rows["A/RES/74/247"][4].fill.fore_color.rgb) == "E69F00"  # abstain in the figures' orange
    assert str(rows["A/RES/73/187"][4].fill.fore_color.rgb) == "0072B2"


def test_resolution_pack_74_247(con, tmp_path):
    pack = briefing.for_resolution(con, "A/RES/74/247")
    pdf = briefing.to_pdf(pack)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(reader.pages[0].extract_text().split())
    row = con.execute("SELECT plenary_yes_count, plenary_no_count, plenary_abstain_count, committee_yes_count, "
                      "committee_no_count, committee_abstain_count FROM resolutions WHERE symbol = 'A/RES/74/247'"
                      ).fetchone()
    assert f"by a recorded vote of {row[0]} in favour, {row[1]} against and {row[2]} abstentions" in text
    assert f"by {row[3]}–{row[4]}–{row[5]}" in text
    sponsors, = con.execute("SELECT count(*) FROM sponsorships WHERE resolution_symbol = 'A/RES/74/247'").fetchone()
    assert f"with {sponsors} sponsors on record" in text
    weog, = con.execute("SELECT count(*) FILTER (WHERE vote = 'N') FROM votes JOIN states USING (iso3) WHERE "
                        "resolution_symbol = 'A/RES/74/247' AND un_regional_group = "
                        "'Western European and other States'").fetchone()
    assert f"Western European and other States 0 yes, {weog} no" in text
    assert "Related text: A/RES/73/187" in text
    assert "(193 rows; sheet 'Votes')" in " ".join(p.extract_text() for p in reader.pages)
    book = openpyxl.load_workbook(io.BytesIO(reader.attachments[next(iter(reader.attachments))][0]))
    sheet = book["Votes"]
    assert sheet.max_row == 194 and sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    votes = {c.value for c in next(sheet.iter_cols(min_col=3, max_col=3, min_row=2))}
    assert votes <= {"Yes", "No", "Abstain", "Did not vote"}
    assert hasattr(sheet["D2"].value, "year")  # dates as dates
    assert_no_empty_body_page(pdf, tmp_path)
    assert_tables_whole(pack)
    assert_deck(pack, briefing.to_pptx(pack))


def test_comparison_pack(con, tmp_path):
    pack = briefing.for_states(con, ["RUS", "USA", "CHN", "IND"])
    assert pack.kind == "comparison" and list(pack.comparison.columns) == [
        "Russian Federation", "United States of America", "China", "India"]
    pdf = briefing.to_pdf(pack)
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 8 + 4 * 3  # 8 for one state, 4 more per added state at most
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "compared" in text and "Vote on 73/187" in text and "Vote on 74/247" in text
    rus_usa = [p for p in pack.facts["pairs"] if p[0] == "Russian Federation – United States of America"][0]
    same, shared = con.execute("""SELECT count(*) FILTER (WHERE a.vote = b.vote), count(*) FROM votes a JOIN votes b
                                  USING (resolution_symbol, stage) WHERE a.iso3 = 'RUS' AND b.iso3 = 'USA'
                                  AND a.vote <> 'X' AND b.vote <> 'X'""").fetchone()
    assert rus_usa[1:] == (pytest.approx(same / shared), shared)
    assert_no_empty_body_page(pdf, tmp_path)
    assert_tables_whole(pack)
    assert_deck(pack, briefing.to_pptx(pack))


def test_too_many_or_unknown_states(con):
    from cyberdiplomacy import figures

    with pytest.raises(figures.FigureUnavailable, match="at most 6"):
        briefing.for_states(con, ["RUS", "USA", "CHN", "IND", "FRA", "GBR", "BRA"])
    with pytest.raises(figures.FigureUnavailable, match="XXX"):
        briefing.for_states(con, ["XXX"])


def test_partners_ranked_only_among_states_sharing_enough_votes():
    # Benin at 100% over 10 of Brazil's 17 votes was named its closest partner (issue 26): a partner must share at
    # least three quarters of the votes a state cast, and never fewer than 8.
    assert [partners.minimum(cast) for cast in (4, 8, 10, 11, 12, 17, 40)] == [8, 8, 8, 9, 9, 13, 30]
    agreement = pd.DataFrame({
        "other_iso3": ["BEN", "BHS", "TTO", "ZMB", "RUS", "USA", "DMA"],
        "other_state_name": ["Benin", "Bahamas", "Trinidad and Tobago", "Zambia", "Russian Federation",
                             "United States of America", "Dominica"],
        "agreement_share": [1.0, 0.97, 0.97, 0.95, 0.44, 0.44, 0.2],
        "shared_vote_count": [10, 17, 16, 13, 17, 17, 12],
        "same_vote_count": [10, 16, 15, 12, 6, 6, 2]})
    ranked = partners.rank(agreement, 17)
    assert (ranked["threshold"], ranked["cast"], ranked["eligible"]) == (13, 17, 5)
    assert list(ranked["ranked"]["other_iso3"]) == ["BHS", "TTO", "ZMB", "RUS", "USA"]
    assert partners.phrase(ranked["closest"], ranked["closest_share"]) == (
        "2 states tie at 97% (on 16 to 17 shared votes): Bahamas and Trinidad and Tobago")
    assert partners.phrase(ranked["farthest"], ranked["farthest_share"]) == (
        "2 states tie at 44% (17 shared votes each): Russian Federation and United States of America")
    assert partners.key_figure(ranked["closest"], ranked["closest_share"]) == (
        "2 tie at 97% over 16–17 votes: Bahamas and Trinidad and Tobago")
    assert partners.rule_text("Brazil", 17) == ("ranked only among states sharing at least 13 of the 17 votes Brazil "
                                                "cast (three quarters, and never fewer than 8)")
    assert partners.rank(agreement, 6)["threshold"] == 8  # a state with few votes: still 8 shared
    assert partners.rank(agreement.assign(shared_vote_count=7), 6) == {}  # nobody shared enough: none named


def test_a_long_name_and_many_tied_partners_still_brief_in_8_pages(con):
    # The United Kingdom's name wraps the title and its 4 tied partners fill the panel: page 1 still ends on page 1.
    pack = briefing.for_states(con, ["GBR"])
    reader = PdfReader(io.BytesIO(briefing.to_pdf(pack, attach_tables=False)))
    assert len(reader.pages) <= 8
    assert "Figure 1." in reader.pages[1].extract_text()  # page 2 is figure 1, not the rest of page 1
    assert ("Closest partners (≥ 13 shared votes)", "4 tie at 100% over 15–17 votes") in pack.key_figures


def test_a_full_page_figure_prints_its_whole_source_footer(con):
    # Drawn from the plot's left edge, after the long category labels, the Brazil pack's figure 2 footer ran off the
    # page at '... · Cybercrime' (issue 26): it is anchored at the plot's right edge, in lines that fit the page.
    built = str(con.execute("SELECT data_built_date FROM build_info").fetchone()[0])[:10]
    pack = briefing.for_states(con, ["BRA"])
    spec = briefing.pdf._plot_spec(pack.charts[1], briefing.pdf.FIGURE_SIZE)
    footer = next(a for a in spec["layout"]["annotations"] if a["text"].startswith("Source:"))
    assert (footer["x"], footer["xanchor"]) == (1, "right")
    assert footer["text"].split("<br>") == [
        "Source: A/RES/60/45, A/RES/61/54, … 16 more …, Voeten UNGA voting data (doi:10.7910/DVN/LEJUQZ), UN "
        f"machine-readable GA resolutions · Data built {built}", "Cybercrime Diplomacy Dashboard · CC BY 4.0"]
