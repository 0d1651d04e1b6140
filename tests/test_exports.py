"""Exported files checked for what they are: PNG, SVG, PDF, XLSX, Parquet, zip; the CLI end to end."""
from __future__ import annotations

import datetime as dt
import io
import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest
from pypdf import PdfReader

from cyberdiplomacy import exports, figures, queries
from cyberdiplomacy.filters import Filters
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def con(world_con):
    return world_con


@pytest.fixture(scope="module")
def vote_map(con):
    drawn = figures.build("vote-map", figures.Direct(con), Filters(resolution="A/RES/99/2"))
    return drawn.fig, drawn.table


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_at_slide_and_a4_sizes(vote_map):
    fig, _ = vote_map
    assert png_size(exports.figure_bytes(fig, "png", "slide")) == (3200, 1800)
    assert png_size(exports.figure_bytes(fig, "png", "a4")) == (2246, 1588)


def test_svg_holds_title_selection_and_source(vote_map, con):
    fig, _ = vote_map
    built = str(queries.build_info(con)["data_built_date"].iloc[0])[:10]  # figures carry the warehouse's build date
    svg = exports.figure_bytes(fig, "svg", selection="Resolution A/RES/99/2")
    text = "".join(ET.fromstring(svg).itertext())
    assert "A/RES/99/2: 2 yes, 1 no, 1 abstention" in text
    assert "Resolution A/RES/99/2" in text
    assert f"Source: A/RES/99/2, curated record (data/votes.csv) · Data built {built}" in text


def test_pdf_page_and_text(con):
    fig = figures.build("vote-history", figures.Direct(con), Filters()).fig
    reader = PdfReader(io.BytesIO(exports.figure_bytes(fig, "pdf", "a4")))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    built = str(queries.build_info(con)["data_built_date"].iloc[0])[:10]
    assert "most divisive recorded vote" in text and "Source:" in text and f"Data built {built}" in text


def test_xlsx_has_data_and_about_sheets(vote_map):
    _, table = vote_map
    provenance = exports.about("A title", "Resolution A/RES/99/2", ["A/RES/99/2"], {"data_version": "x"})
    book = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(table, provenance)))
    assert book.sheetnames == ["data", "about"]
    assert book["data"].max_row == len(table) + 1 == 6
    about = {row[0]: row[1] for row in book["about"].iter_rows(min_row=2, values_only=True)}
    assert about["title"] == "A title" and about["sources"] == "A/RES/99/2"
    # Usable as it is: the app's words for votes, dates as dates, a frozen filtered header.
    data = book["data"]
    header = [cell.value for cell in data[1]]
    rows = [dict(zip(header, row, strict=True)) for row in data.iter_rows(min_row=2, values_only=True)]
    assert {r["iso3"]: r["vote"] for r in rows} == {"CHN": "Yes", "FRA": "Abstain", "RUS": "Yes",
                                                    "SSD": "Did not vote", "USA": "No"}
    assert {r["vote_date"] for r in rows} == {dt.datetime(2018, 12, 17)}
    assert data.freeze_panes == "A2" and data.auto_filter.ref == data.dimensions
    assert data[2][header.index("vote_date")].number_format == "yyyy-mm-dd"


def test_parquet_round_trips_with_provenance(vote_map):
    _, table = vote_map
    data = exports.parquet_bytes(table, {"title": "t"})
    back = pq.read_table(io.BytesIO(data))
    pd.testing.assert_frame_equal(back.to_pandas(), table, check_dtype=False)
    assert b'"title": "t"' in back.schema.metadata[b"cyberdiplomacy"]


def test_dataset_zip_has_readme(con):
    tables = {name: queries.table(con, name) for name in queries.TABLES}
    readme = exports.dataset_readme(queries.build_info(con).iloc[0].to_dict(), queries.contract_columns(con),
                                    {n: len(t) for n, t in tables.items()})
    archive = zipfile.ZipFile(io.BytesIO(exports.dataset_zip(tables, readme)))
    assert "README.md" in archive.namelist() and "csv/votes.csv" in archive.namelist()
    text = archive.read("README.md").decode()
    assert "## Citation" in text and "## Data contract" in text and "### votes (19 rows)" in text
    assert "| `vote` | VARCHAR | Y yes, N no, A abstain, X did not vote" in text


@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_missing_chromium_is_a_clear_message(vote_map, monkeypatch, fmt):
    # What a user meets: the figure export itself (not a helper) refuses with a message that says what to install,
    # before it starts kaleido, and the page is told not to offer the buttons.
    import kaleido

    started = []
    monkeypatch.setattr(exports, "chromium_path", lambda: None)
    monkeypatch.setattr(kaleido, "start_sync_server", lambda **kwargs: started.append(kwargs))
    assert not exports.export_available()
    fig, _ = vote_map
    with pytest.raises(exports.ExportUnavailable, match="needs Chromium, which is not installed here"):
        exports.figure_bytes(fig, fmt)
    assert started == []


def cli(*args, db=None, env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    if db:
        env["CYBERDIPLOMACY_DB"] = str(db)
    return subprocess.run([sys.executable, "-m", "cyberdiplomacy", *args], cwd=ROOT, capture_output=True,
                          text=True, env=env, timeout=180)


def test_cli_help_lists_figures():
    result = cli("--help")
    assert result.returncode == 0
    for name in figures.FIGURES:
        assert name in result.stdout


def test_cli_export_and_errors(real_db, tmp_path):
    out = tmp_path / "map.svg"
    result = cli("export", "--figure", "vote-map", "--resolution", "74/247", "--out", str(out), db=real_db)
    assert result.returncode == 0, result.stderr
    assert "A/RES/74/247: 79 yes, 60 no, 33 abstentions" in "".join(ET.fromstring(out.read_bytes()).itertext())
    bad = cli("export", "--figure", "state-votes", "--state", "XXX", "--out", str(tmp_path / "x.png"), db=real_db)
    assert bad.returncode == 2 and "Unknown state code 'XXX'" in bad.stderr and "Traceback" not in bad.stderr
    missing = cli("export", "--figure", "state-votes", "--out", str(tmp_path / "x.png"), db=real_db)
    assert missing.returncode == 2 and "needs at least one --state" in missing.stderr
    no_browser = cli("export", "--figure", "vote-map", "--out", str(tmp_path / "y.png"), db=real_db,
                     env_extra={"PATH": str(ROOT / ".venv" / "bin"), "BROWSER_PATH": ""})
    assert no_browser.returncode == 2 and "needs Chromium" in no_browser.stderr


def test_cli_briefing_pdf_and_pptx(real_db, tmp_path):
    pdf = tmp_path / "pack.pdf"
    result = cli("briefing", "--state", "RUS", "--state", "USA", "--out", str(pdf), db=real_db)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(pdf)
    assert f"wrote {pdf} ({len(reader.pages)} pages;" in result.stdout
    assert "Russian Federation and United States of America compared" in reader.pages[0].extract_text()
    # The citation comes whole before the references, so it never takes a page of its own.
    cite = [page.extract_text() for page in reader.pages if "Cite this pack" in page.extract_text()]
    assert len(cite) == 1 and "Cybercrime Diplomacy Dashboard contributors. (" in cite[0]
    assert list(reader.attachments) == ["russian-federation-and-united-states-of-america-compared-tables.xlsx"]
    from pptx import Presentation

    deck_path = tmp_path / "pack.pptx"
    result = cli("briefing", "--resolution", "73/187", "--out", str(deck_path), db=real_db)
    assert result.returncode == 0, result.stderr
    deck = Presentation(str(deck_path))
    assert f"wrote {deck_path} ({len(deck.slides)} slides) and {tmp_path / 'pack-tables.xlsx'}" in result.stdout
    assert deck.slides[0].shapes.title.text.startswith("A/RES/73/187: Countering the use of information")
    assert len(deck.slides) >= 6


def test_the_same_figure_exported_twice_is_rendered_once(vote_map):
    fig, _ = vote_map
    first = exports.figure_bytes(fig, "svg", selection="Resolution A/RES/99/2 (cache probe)")
    misses = exports._rendered.misses
    assert exports.figure_bytes(fig, "svg", selection="Resolution A/RES/99/2 (cache probe)") == first
    assert exports._rendered.misses == misses  # answered from memory, without queueing for the export browser
    exports.figure_bytes(fig, "svg", selection="Resolution A/RES/99/2 (another view)")
    assert exports._rendered.misses == misses + 1  # a different title is a different figure


def test_file_names_carry_the_figure_and_the_selection():
    # Every map was 'vote-map.png' whatever it showed (issue 26).
    from cyberdiplomacy.ui import downloads

    def name(figure, ext, **chosen):
        return exports.file_name(figure, exports.selection_parts(Filters(**chosen)), ext)

    assert name("vote-map", "png", resolution="A/RES/74/247") == "vote-map_A-RES-74-247.png"
    assert name("vote-history", "svg") == "vote-history.svg"  # the whole record: no selection to name
    assert name("state-votes", "csv", states=("RUS", "USA"), tracks=("criminal_ict",), from_year=2018,
                to_year=2024) == "state-votes_RUS-USA_criminal-ict_2018-2024.csv"
    assert name("meeting-timeline", "pdf", bodies=("AHC",), from_year=2019) == "meeting-timeline_from-2019_AHC.pdf"
    assert name("term-frequency", "xlsx", search="../../etc/passwd: \"x\"") == "term-frequency_etc-passwd-x.xlsx"
    six = ("IND", "BRA", "TUR", "ZAF", "IDN", "MEX")
    assert [downloads.pack_file_name("states", six, fmt) for fmt in ("pdf", "pptx", "xlsx")] == [
        "briefing-pack_IND-BRA-TUR-ZAF-IDN-MEX.pdf", "briefing-pack_IND-BRA-TUR-ZAF-IDN-MEX.pptx",
        "briefing-pack_IND-BRA-TUR-ZAF-IDN-MEX.xlsx"]
    assert downloads.pack_file_name("resolution", "A/RES/74/247", "pdf") == "briefing-pack_A-RES-74-247.pdf"
    # The three pack buttons differ in their first word, which a narrow column never cuts.
    assert [downloads.pack_label(fmt, ", ".join(six)) for fmt in ("pdf", "pptx", "xlsx")] == [
        "PDF briefing pack: IND, BRA, TUR, ZAF, IDN, MEX", "PowerPoint briefing pack: IND, BRA, TUR, ZAF, IDN, MEX",
        "Excel briefing pack: IND, BRA, TUR, ZAF, IDN, MEX"]


def test_a_figures_csv_says_votes_in_words_as_its_workbook_does_and_the_data_package_keeps_codes():
    frame = pd.DataFrame({"state_name": ["Brazil", "Tuvalu"], "vote": ["Y", "X"], "track": ["criminal_ict", None]})
    assert exports.csv_bytes(frame).decode().splitlines() == [
        "state_name,vote,track", 'Brazil,Yes,"Criminal use of ICTs (Third Committee, CCPCJ)"', "Tuvalu,Did not vote,"]
    assert exports.csv_bytes(frame, coded=True).decode().splitlines()[1] == "Brazil,Y,criminal_ict"
