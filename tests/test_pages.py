"""One AppTest per page: no exception, the key elements, and a filter change that changes the figure."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))


@pytest.fixture(autouse=True)
def warehouse(real_db, monkeypatch):
    monkeypatch.setenv("CYBERDIPLOMACY_DB", str(real_db))


def open_page(page: str | None = None, **params) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    return at.run()


def figures(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def titles(at: AppTest) -> list[str]:
    return [f["layout"]["meta"]["title"] for f in figures(at)]


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def test_every_page_has_an_apptest():
    covered = {"pages/1_Resolution_history.py", "pages/2_Sponsor_blocs.py", "pages/3_Meeting_timelines.py",
               "pages/4_State_explorer.py", "pages/5_Data_and_sources.py", "pages/6_Alignment.py"}
    assert set(PAGES) == covered


@pytest.mark.parametrize("page", [None, *PAGES])
def test_page_runs_with_hostile_url(page):
    at = open_page(page, state="'; DROP TABLE votes; --", resolution="x" * 10_000, track="🙂", bogus="1")
    assert_clean(at)
    assert any("Unknown state code" in i.value for i in at.info)


def test_overview():
    at = open_page()
    assert_clean(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["A/RES/73/187"] == "94–59–33"
    assert metrics["A/RES/74/247"] == "79–60–33"
    assert metrics["A/RES/79/243"] == "without a vote"
    before = figures(at)[0]
    at.multiselect[0].set_value(["criminal_ict"]).run()
    after = figures(at)[0]
    assert len(after["data"]) < len(before["data"])
    assert at.query_params["track"] == "crime"


def test_resolution_history():
    at = open_page("pages/1_Resolution_history.py")
    assert_clean(at)
    assert "A/RES/73/187: 94 yes, 59 no, 33 abstentions" in titles(at)
    assert "A/RES/74/247 was the most divisive recorded vote: 79–60–33" in titles(at)
    at.selectbox(key="resolution").set_value("A/RES/74/247").run()
    assert "A/RES/74/247: 79 yes, 60 no, 33 abstentions" in titles(at)
    assert at.query_params["resolution"] == "A/RES/74/247"
    at.multiselect[0].set_value(["international_security"]).run()
    history = next(f for f in figures(at) if "most divisive" in f["layout"]["meta"]["title"])
    assert "A/RES/73/187" not in history["layout"]["meta"]["sources"]


def test_resolution_history_from_url_and_chart_selection():
    at = open_page("pages/1_Resolution_history.py", resolution="74/247")
    assert at.selectbox(key="resolution").value == "A/RES/74/247"
    # A click on a bar of the history chart arrives as a selection; it opens that vote.
    at.session_state["vote-history"] = {"selection": {"points": [{"customdata": ["title", "A/RES/73/27"]}],
                                                      "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert at.selectbox(key="resolution").value == "A/RES/73/27"


def test_sponsor_blocs():
    at = open_page("pages/2_Sponsor_blocs.py")
    assert_clean(at)
    matrix = next(f for f in figures(at) if f["data"][0]["type"] == "heatmap")
    assert len(matrix["data"][0]["x"]) == 9  # drafts with at least one sponsor on record
    # State coverage said honestly: co-sponsors are on record for only two drafts.
    assert any(c.value.startswith("Co-sponsors are on record for only 2 of the 9 drafts") for c in at.caption)
    assert matrix["layout"]["meta"]["title"].endswith("co-sponsors are on record for only 2 of the 9 drafts")
    # The co-sponsorship grid: the threshold drops the pairs that shared fewer drafts.
    grid = next(f for f in figures(at) if f["layout"]["meta"]["title"].endswith("drafts together"))
    assert grid["layout"]["meta"]["title"] == "24 states sponsored 2 drafts together"
    assert grid["layout"]["meta"]["subtitle"].startswith("1130 pairs sharing at least 1 draft")
    states_before = len(grid["data"][0]["y"])
    at.slider(key="cosponsor_threshold").set_value(2).run()
    grid = next(f for f in figures(at) if f["layout"]["meta"]["subtitle"].startswith("276 pairs sharing at least 2"))
    assert len(grid["data"][0]["y"]) == 24 < states_before  # states left without a pair leave the grid
    # The flow from the sponsors of 73/187 to their votes on 74/247 sums to the sponsors with a recorded vote.
    sankey = next(f for f in figures(at) if f["data"][0]["type"] == "sankey")
    assert sankey["layout"]["meta"]["title"] == "Of the 26 sponsors of A/RES/73/187, 24 voted yes, 2 abstained on A/RES/74/247"
    assert sum(sankey["data"][0]["link"]["value"]) == 26
    at.selectbox(key="flow_sponsored").set_value("A/RES/73/27").run()
    sankey = next(f for f in figures(at) if f["data"][0]["type"] == "sankey")
    assert at.selectbox(key="flow_voted_A/RES/73/27").value == "A/RES/73/266"
    assert sum(sankey["data"][0]["link"]["value"]) == 1  # only Russia's sponsorship of 73/27 is on record
    shares = next(f for f in figures(at) if "were" in f["layout"]["meta"]["title"])
    assert shares["layout"]["meta"]["title"] == "87% of the 47 sponsors of A/C.3/74/L.11/Rev.1 were G77 members"

    at.multiselect[0].set_value(["AGO"]).run()  # Angola sponsored only the 2019 draft
    assert_clean(at)
    matrix = next(f for f in figures(at) if f["data"][0]["type"] == "heatmap")
    assert matrix["data"][0]["x"] == ["A/C.3/74/L.11/Rev.1"]
    assert at.query_params["state"] == "AGO"
    # Every chart follows the filter: the flow starts from Angola's text, cohesion opens on Angola's blocs.
    assert at.selectbox(key="flow_sponsored").options == ["A/RES/74/247"]
    assert any("Angola: Yes" in c.value for c in at.caption)
    assert "AU" in at.multiselect[1].value and "EU" not in at.multiselect[1].value


def test_meeting_timelines():
    at = open_page("pages/3_Meeting_timelines.py")
    assert_clean(at)
    before = sum(len(t.get("y", [])) for t in figures(at)[0]["data"] if t["type"] == "bar")
    lanes = figures(at)[0]
    # Opens on the Ad Hoc Committee era at day resolution (from its first planned session, August 2020, postponed),
    # with a range slider over the whole span.
    assert lanes["layout"]["xaxis"]["range"][0].startswith("2020-08-01")
    assert any(axis.get("rangeslider", {}).get("visible") for name, axis in lanes["layout"].items()
               if name.startswith("xaxis"))
    marks = {m for t in lanes["data"] if t.get("name") in ("Convention adopted", "Opened for signature")
             for m in t["customdata"][0][:1]}
    assert marks == {"A/RES/79/243", "Signing in Hanoi"}
    assert lanes["layout"]["meta"]["title"].startswith("AHC held the most sessions")
    table = next(df.value for df in at.dataframe if "Outcome document" in df.value.columns)
    assert {"Start", "End", "Days", "City", "Format", "Chair", "Document link", "Status"} <= set(table.columns)
    days = figures(at)[1]
    assert days["data"][0]["type"] == "heatmap" and "AHC" in days["data"][0]["y"]
    at.multiselect(key="meeting_bodies").set_value(["IEG"]).run()
    bars = [t for t in figures(at)[0]["data"] if t["type"] == "bar"]
    assert {y for t in bars for y in t["y"]} == {"IEG"}
    assert sum(len(t["y"]) for t in bars) < before
    assert at.query_params["body"] == "IEG"
    at.multiselect(key="meeting_formats").set_value(["hybrid"]).run()  # no IEG meeting is on record as hybrid
    assert any("No session in this selection" in i.value for i in at.info)
    assert at.query_params["format"] == "hybrid"


def test_meeting_timelines_from_url():
    at = open_page("pages/3_Meeting_timelines.py", body="ahc,Nowhere", format="virtual", state="BRA")
    assert_clean(at)
    assert at.multiselect(key="meeting_bodies").value == ["AHC"]
    assert any("Unknown body 'Nowhere'" in i.value for i in at.info)
    assert any("not recorded per state" in c.value for c in at.caption)
    # No AHC session on record was virtual: the page says so rather than drawing nothing.
    assert any("No session in this selection" in i.value for i in at.info)
    hybrid = open_page("pages/3_Meeting_timelines.py", body="AHC", format="hybrid", **{"from": "2023", "to": "2023"})
    assert figures(hybrid)[0]["layout"]["xaxis"]["range"][0].startswith("2023-01-01")  # narrowed years: opens on them
    table = next(df.value for df in hybrid.dataframe if "Outcome document" in df.value.columns)
    assert set(table["Format"]) == {"hybrid"} and set(table["Body"]) == {"AHC"}


def test_state_explorer():
    at = open_page("pages/4_State_explorer.py")
    assert_clean(at)
    # No empty first view: the default pair, said to be an example, and not pushed into the URL as a filter.
    assert any("Showing the Russian Federation and the United States" in i.value for i in at.info)
    assert "Russian Federation, United States of America voted differently on 10 of 11 recorded votes" in titles(at)
    assert "state" not in at.query_params
    at.multiselect[0].set_value(["RUS", "CHN"]).run()
    assert at.query_params["state"] == "RUS,CHN"
    at.multiselect[0].set_value([]).run()
    assert any("Choose one or more states" in i.value for i in at.info)


def test_state_explorer_says_what_it_left_out():
    at = open_page("pages/4_State_explorer.py", state="RUS,USA,CHN,IND,BRA,ZAF,FRA,DEU")
    assert_clean(at)
    assert any("showing the first 6 of the 8" in i.value and "left out: FRA, DEU" in i.value for i in at.info)
    assert at.multiselect[0].value == ["RUS", "USA", "CHN", "IND", "BRA", "ZAF"]


def test_data_and_sources():
    at = open_page("pages/5_Data_and_sources.py")
    assert_clean(at)
    origins = next(df.value for df in at.dataframe if "bundled history 1946–2019" in df.value.columns)
    votes = origins.set_index("table").loc["votes"]
    # 1,926 curated rows; A/RES/62/17's 192 rows (179 Y, 1 N, 12 not voting) come from the bundled history.
    assert (votes["curated (data/)"], votes["bundled history 1946–2019"], votes["UN Digital Library imports"]) == (
        1926, 192, 0)
    assert any("No curated vote is recorded differently" in c.value for c in at.caption)
    assert any("Uploading here is off" in c.value for c in at.caption)
    at.selectbox[0].set_value("votes").run()
    assert any("of 2118 rows" in c.value for c in at.caption)
    at.text_input[0].set_value("VNM").run()
    assert any(c.value.startswith("11 of 2118 rows") for c in at.caption)


def test_alignment():
    at = open_page("pages/6_Alignment.py", state="RUS,USA,ARG")
    assert_clean(at)
    heatmap = figures(at)[0]
    assert heatmap["layout"]["meta"]["title"] == "Russian Federation and United States of America agreed least: 9%"
    assert heatmap["layout"]["meta"]["subtitle"] == "identical votes · recorded plenary votes on ICT resolutions, 2005–2019"
    at.selectbox[0].set_value("half_abstain").run()  # Argentina abstained on 73/187 and 74/247
    assert figures(at)[0]["data"][0]["z"] != heatmap["data"][0]["z"]
    assert any("From A/RES/73/187 to A/RES/74/247" in t for t in titles(at))


def test_alignment_all_votes_on_a_fresh_clone():
    # The bundled history is in every build: the all-votes scope and the same-sessions table need no import.
    at = open_page("pages/6_Alignment.py", state="RUS,USA")
    assert not at.radio[0].disabled
    assert any(c.value.startswith("11 recorded votes on ICT resolutions against all 577 recorded votes of the same "
                                  "7 sessions (2005–2019)") for c in at.caption)
    at.radio[0].set_value("all").run()
    assert_clean(at)
    assert at.slider[0].value == (1946, 2020)
    subtitles = [f["layout"]["meta"]["subtitle"] for f in figures(at)]
    assert subtitles[0] == "identical votes · all recorded plenary votes, 1946–2020"
    assert "Voeten UNGA voting data (doi:10.7910/DVN/LEJUQZ)" in figures(at)[0]["layout"]["meta"]["sources"]


def test_alignment_leaves_out_a_state_without_votes():
    at = open_page("pages/6_Alignment.py", state="RUS,VAT")
    assert_clean(at)
    assert any(i.value.startswith("Left out: Holy See (VAT) cast no recorded vote in 2005–2019") for i in at.info)
    # Ties said as ties, with the number of shared votes (not "most like China (100%)" broken alphabetically).
    assert ("Russian Federation voted identically with 7 states on all 11 shared votes and least like United States "
            "of America (9% of 11)") in titles(at)
    partners = next(f for f in figures(at) if f["layout"]["meta"]["title"].startswith("Russian Federation voted"))
    assert partners["layout"]["meta"]["subtitle"].startswith("Tied closest: China, Cuba, Egypt")


def test_alignment_on_a_fixture_with_votes_before_1998(world_db, monkeypatch):
    monkeypatch.setenv("CYBERDIPLOMACY_DB", str(world_db))
    at = open_page("pages/6_Alignment.py", state="RUS,USA,VAT")
    at.radio[0].set_value("all").run()
    assert_clean(at)
    # Synthetic fixture: RUS and USA agree on 30/1 (1975) and 65/9 (2010), not on 40/5, 99/1, 99/2, 99/4.
    heatmap = figures(at)[0]["layout"]["meta"]
    assert heatmap["title"] == "Russian Federation and United States of America agreed least: 33%"
    assert heatmap["subtitle"] == "identical votes · all recorded plenary votes, 1975–2019"
    assert any(i.value.startswith("Left out: Holy See (VAT) cast no recorded vote in 1975–2019") for i in at.info)
    narrowed = open_page("pages/6_Alignment.py", state="RUS,USA", **{"from": "1980"})
    narrowed.radio[0].set_value("all").run()
    meta = figures(narrowed)[0]["layout"]["meta"]
    assert meta["title"] == "Russian Federation and United States of America agreed least: 20%"
    assert all("1985–2019" in f["layout"]["meta"]["subtitle"] for f in figures(narrowed)[:3])
    assert narrowed.query_params["from"] == "1980"


@pytest.mark.parametrize("page", [None, *PAGES])
def test_every_page_says_where_per_state_votes_stop(page):
    at = open_page(page)
    assert any(c.value.startswith("Per-state votes on record: 2005–2019") and "import-undl" in c.value
               for c in at.caption)


def test_alignment_with_imported_full_history(tmp_path, monkeypatch):
    from etl import undl
    from tests.conftest import ROOT as root
    from tests.conftest import build

    imports = tmp_path / "imports"
    undl.import_file(root / "tests" / "fixtures" / "undl" / "votes_2026.csv", imports, progress=None)
    monkeypatch.setenv("CYBERDIPLOMACY_IMPORTS", str(imports))
    db = build(root / "data", tmp_path / "full.duckdb")
    monkeypatch.setenv("CYBERDIPLOMACY_DB", str(db))
    at = open_page("pages/6_Alignment.py")
    assert not at.radio[0].disabled
    at.radio[0].set_value("all").run()
    assert_clean(at)
    assert any("UN Digital Library's General Assembly Voting Data" in c.value for c in at.caption)
    sources = [s for f in figures(at) for s in f["layout"]["meta"]["sources"]]
    assert any(s.startswith("UN Digital Library voting data") and s.endswith("© United Nations") for s in sources)


@pytest.mark.parametrize("page", [None, *PAGES])
def test_broken_warehouse_gives_a_plain_message(page, tmp_path, monkeypatch):
    monkeypatch.setenv("CYBERDIPLOMACY_DB", str(tmp_path))  # a folder, not a database file
    at = open_page(page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.error and all("Traceback" not in e.value for e in at.error)


def test_upload_appears_only_when_the_operator_switches_it_on(monkeypatch):
    assert not open_page("pages/5_Data_and_sources.py").get("file_uploader")
    monkeypatch.setenv("CYBERDIPLOMACY_ALLOW_IMPORT", "1")
    at = open_page("pages/5_Data_and_sources.py")
    assert_clean(at)
    assert len(at.get("file_uploader")) == 1
    assert any("changes the data for every user" in c.value for c in at.caption)


def test_the_state_filter_is_a_lens_on_resolution_history_and_data():
    at = open_page("pages/1_Resolution_history.py", state="BRA", resolution="74/247")
    assert_clean(at)
    vote_map = next(f for f in figures(at) if f["layout"]["meta"]["title"].startswith("A/RES/74/247: 79 yes"))
    outlined = [t for t in vote_map["data"] if t.get("name") == "Your states" and t["type"] == "choropleth"]
    assert outlined and list(outlined[0]["locations"]) == ["BRA"]
    assert any(c.value.startswith("Your states, outlined on the map and listed first: Brazil (BRA): Abstain")
               for c in at.caption)
    votes = next(df.value for df in at.dataframe if {"state_name", "vote"} <= set(df.value.columns))
    assert votes.iloc[0]["iso3"] == "BRA" and len(votes) > 150
    data = open_page("pages/5_Data_and_sources.py", state="BRA")
    assert_clean(data)
    assert any(c.value.startswith("This table is not per state") for c in data.caption)  # resolutions
    data.selectbox[0].set_value("votes").run()
    assert any(c.value.startswith("Only the rows of BRA") for c in data.caption)
    shown = next(c.value for c in data.caption if c.value.endswith(" rows") and " of " in c.value)
    assert 0 < int(shown.split(" of ")[0]) < 100


def test_state_explorer_tables_read_as_tables():
    at = open_page("pages/4_State_explorer.py")
    sponsorships = next(df.value for df in at.dataframe if "Draft" in df.value.columns)
    assert {"State", "Resolution", "Track", "Role"} <= set(sponsorships.columns) and "iso3" not in sponsorships.columns
    assert "criminal_ict" not in set(sponsorships["Track"]) and "None" not in sponsorships.astype(str).to_numpy()
    blocs = next(df.value for df in at.dataframe if "Bloc" in df.value.columns)
    assert not blocs["Joined"].astype(str).str.contains("00:00:00").any()
    assert blocs["Left"].isin([""]).any() and not blocs["Left"].isna().any()  # unknown: empty, never None


def test_states_in_the_url_by_name():
    at = open_page("pages/4_State_explorer.py", state="Brazil,Turkey")
    assert_clean(at)
    assert at.query_params["state"] == "BRA,TUR"  # written back as codes, so the link stays short and exact
