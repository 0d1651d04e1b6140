"""An import reaches every consumer at once: pages, the CLI's figures and the briefing packs.

The fixture world (synthetic) plus tests/fixtures/undl/unga.2025.csv, which brings the per-state votes
on A/RES/99/4, a curated text that has none of its own.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from etl import imports
from etl.schema import load_catalog
from etl.validate import validate
from tests.conftest import ROOT, make_world
from tests.markdown_support import markdown_shown

UNDL = ROOT / "tests" / "fixtures" / "undl"


@pytest.fixture(scope="module")
def imported_db(tmp_path_factory):
    base = tmp_path_factory.mktemp("imported")
    world = make_world(base / "data")
    catalog = load_catalog(world)
    db = base / "w.duckdb"
    imports.add([UNDL / "unga.2025.csv"], catalog, validate(catalog, world), db, world, base / "imports",
                progress=None)
    return db


def cli(*args, db):
    env = {**os.environ, "CYBERDIPLOMACY_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "cyberdiplomacy", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=180)


def test_cli_vote_map_draws_imported_votes_and_credits_them(imported_db, tmp_path):
    out = tmp_path / "map.svg"
    result = cli("export", "--figure", "vote-map", "--resolution", "99/4", "--out", str(out), db=imported_db)
    assert result.returncode == 0, result.stderr
    text = "".join(ET.fromstring(out.read_bytes()).itertext())
    assert "A/RES/99/4" in text and "2 yes, 2 no" in text
    assert "UN Digital Library" in text


def test_resolution_pack_draws_imported_votes(imported_db, tmp_path):
    pdf = tmp_path / "pack.pdf"
    result = cli("briefing", "--resolution", "99/4", "--out", str(pdf), db=imported_db)
    assert result.returncode == 0, result.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "no per-state votes" not in text.lower()
    assert "UN Digital Library" in text


def test_resolution_history_page_maps_imported_votes(imported_db, monkeypatch):
    monkeypatch.setenv("CYBERDIPLOMACY_DB", str(imported_db))
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    at.query_params["resolution"] = "A/RES/99/4"
    at.switch_page("pages/1_Resolution_history.py")
    at.run()
    assert not at.exception
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    maps = [s for s in specs if any(trace.get("type") == "choropleth" for trace in s["data"])]
    assert maps, "no vote map drawn for the imported votes"
    assert any("UN Digital Library" in json.dumps(s["layout"].get("annotations", [])) for s in maps)


def test_overview_says_what_was_imported_and_history_marks_it(imported_db, monkeypatch):
    monkeypatch.setenv("CYBERDIPLOMACY_DB", str(imported_db))
    at = AppTest.from_file("../dashboard.py", default_timeout=60).run()
    assert not at.exception
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert any(markdown_shown(c.value) == f"UN Digital Library data last added {today} from unga.2025.csv (1 file(s) imported, "
               "15 per-state votes 2018–2020); © United Nations, non-commercial use with attribution."
               for c in at.caption)
    at.switch_page("pages/1_Resolution_history.py").run()
    assert any(c.value == "Not curated row by row: 1 text(s) joined from UN Digital Library imports (text_origin = "
               "undl, single-source); 1 curated text(s) completed from an import (filled_from_undl lists the "
               "fields); per-state votes of 2 text(s) come from an import." for c in at.caption)
