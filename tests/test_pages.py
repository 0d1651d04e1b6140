"""One AppTest per page: no exception, the key elements, and a filter change that changes the figure."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.markdown_support import markdown_shown

ROOT = Path(__file__).resolve().parent.parent
# The default agreement measure, as a subtitle names it.
MEASURE = "agreement index, abstention against Yes/No = ½ (Voeten; State Department since 2017)"
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))


@pytest.fixture(autouse=True)
def warehouse(world_db, monkeypatch):
    """Pages run on the synthetic fixture world (tests/fixtures): every expected value below is counted by hand
    from those CSVs, so a new row in the real data/ never breaks a page test. Known facts of the real record
    live in test_real_data.py; the few real-data page tests here assert only facts that cannot grow."""
    monkeypatch.setenv("CYBERDIPLOMACY_DB", str(world_db))


@pytest.fixture
def real_warehouse(real_db, monkeypatch):
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


def opened_pages() -> dict[str, set[str]]:
    """For each test of this module, the pages it opens by name (open_page("pages/...") or at.switch_page)."""
    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    opened = {}
    for func in tree.body:
        if isinstance(func, ast.FunctionDef) and func.name.startswith("test_"):
            opened[func.name] = {node.args[0].value for node in ast.walk(func)
                                 if isinstance(node, ast.Call) and node.args
                                 and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("open_page",
                                                                                                     "switch_page")
                                 and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)}
    return opened


def test_every_page_has_an_apptest():
    # A page file nobody opens by name in a test of its own (beyond the parametrized smoke tests) fails here.
    opened = set().union(*opened_pages().values())
    assert set(PAGES) <= opened, f"pages without an AppTest of their own: {sorted(set(PAGES) - opened)}"
    assert opened <= set(PAGES), f"tests open pages that do not exist: {sorted(opened - set(PAGES))}"


@pytest.mark.parametrize("page", [None, *PAGES])
def test_page_runs_with_hostile_url(page):
    at = open_page(page, state="'; DROP TABLE votes; --", resolution="x" * 10_000, track="🙂", bogus="1")
    assert_clean(at)
    assert any("Unknown state code" in i.value for i in at.info)


def test_overview():
    at = open_page()
    assert_clean(at)
    # Fixture world: 1 held FEG session (the second is postponed); CHN and RUS sponsored A/C.3/99/L.2;
    # China, the European Union and France signed, France ratified.
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Sessions on record": "1", "Sponsoring states": "2", "Signatures": "3", "Ratifications": "1 / 40"}
    assert next(m for m in at.metric if m.label == "Sponsoring states").help == "2 sponsorships of the drafts on record"
    assert next(m for m in at.metric if m.label == "Ratifications").help.endswith("into force; 39 still needed")
    before = figures(at)[0]
    # Dated texts: 99/1 (2010), 99/2 (2018), 99/3 (2019); 99/4 is undated.
    assert before["layout"]["meta"]["title"] == "1 session of 1 body and 3 adopted texts since 2010"
    at.multiselect[0].set_value(["criminal_ict"]).run()
    after = figures(at)[0]
    assert after["layout"]["meta"]["title"] == "1 session of 1 body and 2 adopted texts since 2018"  # 99/2, 99/3
    assert len(after["data"]) < len(before["data"])
    assert at.query_params["track"] == "crime"


def test_overview_on_the_real_record(real_warehouse):
    # The key votes of the real record: facts of 2018, 2019 and 2024 that no data addition changes.
    at = open_page()
    assert_clean(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["A/RES/73/187"] == "94–59–33"
    assert metrics["A/RES/74/247"] == "79–60–33"
    assert metrics["A/RES/79/243"] == "without a vote"


def show(at: AppTest, key: str, label: str) -> AppTest:
    """Open a page's section (its tab), as a click on the tab does."""
    at.session_state[key] = label
    return at.run()


def test_resolution_history():
    at = open_page("pages/1_Resolution_history.py")
    assert_clean(at)
    assert [t.label for t in at.tabs] == ["Lineage of the texts", "One text: story and vote", "Competing texts"]
    # 99/1 and 99/2 recorded votes, 99/3 without a vote, 99/4 undated (its votes from the fixture history).
    assert titles(at) == ["Of 3 dated texts: 2 recorded vote, 1 adopted without a vote, 0 adoption mode unknown",
                          "A/RES/99/2 was the most divisive recorded vote: 2–1–1"]  # hidden sections draw nothing
    at.multiselect[0].set_value(["international_security"]).run()
    history = next(f for f in figures(at) if "most divisive" in f["layout"]["meta"]["title"])
    # Of 99/1 (3–1–0) and 99/4 (2–1–0), the closer margin.
    assert history["layout"]["meta"]["title"] == "A/RES/99/4 was the most divisive recorded vote: 2–1–0"
    assert "A/RES/99/2" not in history["layout"]["meta"]["sources"]
    show(at, "history_view", "One text: story and vote")
    assert_clean(at)
    assert at.query_params["view"] == "text" and at.query_params["track"] == "security"
    assert at.selectbox(key="resolution").value == "A/RES/99/4"  # the newest recorded vote when 73/187 is absent
    assert "A/RES/99/4: 2 yes, 1 no, 0 abstentions" in titles(at)
    at.selectbox(key="resolution").set_value("A/RES/99/2").run()
    assert "A/RES/99/2: 2 yes, 1 no, 1 abstention" in titles(at)
    # The fixture world dates no regional group: nobody broke a group's ranks, and the list says why.
    assert "A/RES/99/2: no state voted against its regional group's majority" in titles(at)
    assert any(markdown_shown(m.value) == "- **No regional group**: no regional group; no group majority to vote "
               "against." for m in at.markdown)
    assert at.query_params["resolution"] == "A/RES/99/2"
    sponsors = next(df.value for df in at.dataframe if "Role" in df.value.columns and "Vote" not in df.value.columns)
    assert dict(zip(sponsors["Code"], sponsors["Role"], strict=True)) == {"RUS": "printed on the draft",
                                                                          "CHN": "joined later"}
    assert "None" not in sponsors.astype(str).to_numpy() and "joined_in" not in sponsors.columns
    show(at, "history_view", "Competing texts")
    assert at.query_params["view"] == "competing" and at.query_params["resolution"] == "A/RES/99/2"
    assert not [t for t in titles(at) if t.startswith("A/RES/99/2: 2 yes")]


def test_one_vote_state_by_state_by_regional_group(real_warehouse):
    at = open_page("pages/1_Resolution_history.py", resolution="73/187")
    assert_clean(at)
    assert "A/RES/73/187: 33 states voted against their regional group's majority" in titles(at)
    lines = markdown_shown(next(m.value for m in at.markdown if "Eastern European States**" in m.value))
    assert ("- **Eastern European States**: a majority of the Eastern European States (18 of 23 casting a vote) voted "
            "no; against its majority: Armenia (voted yes), Azerbaijan (voted yes), Belarus (voted yes), Russian "
            "Federation (voted yes), Serbia (voted yes).") in lines.split("\n")
    at.multiselect(key="roll_groups").set_value(["Western European and other States"]).run()
    assert_clean(at)
    assert any(markdown_shown(m.value).startswith("- **Western European and other States**: a majority of the "
                                                  "Western European and other States (28 of 29 casting a vote) voted "
                                                  "no; against its majority: Türkiye (abstained).")
               for m in at.markdown)
    at.session_state["states_by_vote"] = True
    at.run()
    table = next(df.value for df in at.dataframe if {"State", "Vote"} <= set(df.value.columns))
    assert list(table["Code"][:2]) == ["TUR", "AND"]  # the WEOG only, Türkiye first, then by name
    assert set(table["UN regional group"]) == {"Western European and other States"}


def test_who_changed_their_vote_is_named_by_group(real_warehouse):
    # From 73/187 (2018) to 74/247 (2019), Russia's two drafts: the chart counts 14 towards no and 6 towards yes; the
    # list under it names them, with both votes, for the groups chosen.
    at = open_page("pages/6_Alignment.py", view="swing")
    assert_clean(at)
    at.multiselect(key="swing_groups").set_value(["Latin American and Caribbean States"]).run()
    assert_clean(at)
    named = [markdown_shown(m.value) for m in at.markdown if m.value.startswith("- **Latin American")]
    assert named == [
        "- **Latin American and Caribbean States**: towards no (7): Belize (Yes → No), Bolivia (Plurinational State "
        "of) (Yes → Abstain), Brazil (Yes → Abstain), Colombia (Abstain → No), Ecuador (Yes → Abstain), El Salvador "
        "(Yes → Abstain), Paraguay (Abstain → No); towards yes (1): Antigua and Barbuda (Abstain → Yes); to or from "
        "not voting (3): Dominica (Yes → Did not vote), Grenada (Abstain → Did not vote), Trinidad and Tobago (Did "
        "not vote → Abstain)."]
    table = next(df.value for df in at.dataframe if "Change" in df.value.columns)
    assert list(table["Code"]) == ["BLZ", "BOL", "BRA", "COL", "ECU", "SLV", "PRY", "ATG", "DMA", "GRD", "TTO"]
    assert set(table["Vote from"]) == {"Yes", "Abstain", "Did not vote"}


def test_resolution_history_from_url_and_chart_selection():
    at = open_page("pages/1_Resolution_history.py", resolution="99/1")
    assert at.selectbox(key="resolution").value == "A/RES/99/1"  # a link naming a text opens its story
    assert "view" not in at.query_params
    show(at, "history_view", "Lineage of the texts")
    assert at.query_params["view"] == "lineage"  # a reload keeps the lineage open, though the link names a text
    # A click on a bar of the history chart arrives as a selection; it opens that vote in its section.
    at.session_state["vote-history"] = {"selection": {"points": [{"customdata": ["title", "A/RES/99/2"]}],
                                                      "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert at.selectbox(key="resolution").value == "A/RES/99/2"
    assert "view" not in at.query_params
    unknown = open_page("pages/1_Resolution_history.py", view="nowhere")
    assert any(markdown_shown(i.value).startswith("Unknown view 'nowhere'; showing 'Lineage of the texts'") for i in unknown.info)


def test_the_network_threshold_changes_the_edge_count(real_warehouse):
    # The fixture world has one draft with co-sponsors, so no threshold: the real record has two (73/187, 74/247).
    at = open_page("pages/2_Sponsor_blocs.py", view="together")
    assert_clean(at)

    def pairs() -> int:
        grid = next(f for f in figures(at) if f["layout"]["meta"]["figure"] == "cosponsor-grid")
        return int(grid["layout"]["meta"]["subtitle"].split(" pairs sharing")[0])

    everyone = pairs()
    at.slider(key="cosponsor_threshold").set_value(2).run()
    assert_clean(at)
    assert 0 < pairs() < everyone


def test_a_link_within_a_session_opens_the_section_it_names():
    at = open_page("pages/2_Sponsor_blocs.py")
    show(at, "sponsors_view", "Who sponsored together")
    at.run()  # the URL now says view=together; a rerun keeps the section the user chose
    assert at.session_state["sponsors_view"] == "Who sponsored together"
    at.query_params["view"] = "cohesion"  # as a link followed inside the same session (the load tool's tour) does
    at.run()
    assert at.session_state["sponsors_view"] == "Bloc cohesion on each vote"
    assert any("united" in t for t in titles(at))


def test_a_chart_table_reads_as_a_table_when_opened():
    at = open_page("pages/1_Resolution_history.py")
    assert not at.dataframe and not at.get("download_button")  # built only when "Table and downloads" opens
    at.session_state["vote-history-table"] = True
    at.run()
    assert_clean(at)
    table = at.dataframe[0].value
    assert {"Symbol", "Adopted", "Plenary yes count"} <= set(table.columns) and not [c for c in table.columns if "_" in c]
    assert "criminal_ict" not in set(table["Track"])
    assert at.get("download_button")


def test_a_choice_in_a_section_survives_a_visit_to_another_section():
    at = open_page("pages/5_Data_and_sources.py", view="browse")
    at.selectbox(key="browse_table").set_value("votes").run()
    show(at, "sources_view", "How sure the rows are")  # the browser is not drawn: Streamlit forgets its widgets
    show(at, "sources_view", "Browse a table")
    assert at.selectbox(key="browse_table").value == "votes" and "19 of 19 rows" in [c.value for c in at.caption]
    at = open_page("pages/6_Alignment.py", view="cohesion")
    at.multiselect(key="alignment_blocs").set_value(["BRICS"]).run()
    show(at, "alignment_view", "Agreement")
    show(at, "alignment_view", "Bloc cohesion over time")
    assert at.multiselect(key="alignment_blocs").value == ["BRICS"]


@pytest.mark.parametrize("page", [None, *PAGES])
def test_the_first_view_holds_no_data_grid(page):
    # Speed: a data grid in the first view loads its script beside plotly's and delays the first chart by about a
    # third against a one-chart app (make bench). Tables sit in their own sections or behind "Table and downloads".
    at = open_page(page)
    assert_clean(at)
    assert not at.dataframe
    assert figures(at) or page == "pages/7_Texts.py"  # Texts opens on a text's words: no chart to wait for


def test_sponsor_blocs():
    at = open_page("pages/2_Sponsor_blocs.py")
    assert_clean(at)
    # Fixture world: one draft, A/C.3/99/L.2 (RUS printed on it, CHN joined later); CHN is the only BRICS member.
    matrix = next(f for f in figures(at) if f["layout"]["meta"]["title"].endswith("as sponsors of A/C.3/99/L.2"))
    assert matrix["data"][0]["x"] == ["A/C.3/99/L.2"]
    assert matrix["layout"]["meta"]["title"] == "2 state(s) on record as sponsors of A/C.3/99/L.2"
    assert "Co-sponsors are on record for 1 draft." in [c.value for c in at.caption]
    shares = next(f for f in figures(at) if " were " in f["layout"]["meta"]["title"])
    assert shares["layout"]["meta"]["title"] == "50% of the 2 sponsors of A/C.3/99/L.2 were BRICS members"
    assert [t.label for t in at.tabs] == ["Sponsors of each draft", "Who sponsored together",
                                          "From sponsoring one text to voting on another", "Bloc cohesion on each vote"]
    show(at, "sponsors_view", "Who sponsored together")
    grid = next(f for f in figures(at) if "co-sponsored" in f["layout"]["meta"]["title"])
    assert grid["layout"]["meta"]["title"] == "2 states co-sponsored a draft; no two shared more than one"
    assert grid["layout"]["meta"]["subtitle"].startswith("1 pairs sharing at least 1 draft")
    assert not at.slider  # no pair shared two drafts: no threshold to choose
    show(at, "sponsors_view", "From sponsoring one text to voting on another")
    assert at.query_params["view"] == "flows"
    # The sponsors of 99/2 (CHN, RUS) voted yes on 99/2 and on 99/1.
    sankey = next(f for f in figures(at) if f["data"][0]["type"] == "sankey")
    assert sankey["layout"]["meta"]["title"] == "Of the 2 sponsors of A/RES/99/2, 2 voted yes on A/RES/99/2"
    at.selectbox(key="flow_voted_A/RES/99/2").set_value("A/RES/99/1").run()
    sankey = next(f for f in figures(at) if f["data"][0]["type"] == "sankey")
    assert sankey["layout"]["meta"]["title"] == "Of the 2 sponsors of A/RES/99/2, 2 voted yes on A/RES/99/1"
    assert sum(sankey["data"][0]["link"]["value"]) == 2
    show(at, "sponsors_view", "Bloc cohesion on each vote")
    cohesion = next(f for f in figures(at) if "united" in f["layout"]["meta"]["title"])
    assert cohesion["layout"]["meta"]["title"] == "BRICS was the least united bloc (mean agreement index 1.00)"

    at.multiselect[0].set_value(["CHN"]).run()
    assert_clean(at)
    assert at.query_params["state"] == "CHN"
    assert at.multiselect[1].value == ["BRICS"]  # cohesion opens on China's blocs
    at = open_page("pages/2_Sponsor_blocs.py", state="USA", view="cohesion")  # the US sponsored nothing here
    assert_clean(at)
    assert not [f for f in figures(at) if f["layout"]["meta"]["title"].endswith("as sponsors of A/C.3/99/L.2")]
    assert "No sponsorship on record for United States of America \\(USA\\). Clear the state filter to see all " \
           "drafts." in [i.value for i in at.info]
    assert at.multiselect[1].value == ["BRICS"]  # in no bloc: the default blocs the warehouse knows
    at = open_page("pages/2_Sponsor_blocs.py", state="USA,CHN")
    assert "No sponsorship on record for United States of America \\(USA\\); the sections below show the other " \
           "states' drafts." in [i.value for i in at.info]


def test_meeting_timelines():
    at = open_page("pages/3_Meeting_timelines.py")
    assert_clean(at)
    lanes = figures(at)[0]
    # The FEG met once, 17-21 January 2011 (5 days); its second meeting was postponed. The only body: no "most".
    assert lanes["layout"]["meta"]["title"] == "FEG held 1 session in 2011"
    assert any(axis.get("rangeslider", {}).get("visible") for name, axis in lanes["layout"].items()
               if name.startswith("xaxis"))
    # What came out of each session, under the chart in the first view: FEG/1 is not a UN symbol, so no link.
    assert [markdown_shown(m.value) for m in at.markdown if "FEG" in m.value][-1] == (
        "**FEG**\n- **first meeting** · 17–21 Jan 2011 · Vienna — outcome: FEG/1\n"
        "- **second meeting (postponed)** · 2012 — outcome document not on record")
    assert "view" not in at.query_params
    show(at, "meetings_view", "Meeting days per body and year")
    days = figures(at)[1]
    assert days["data"][0]["type"] == "heatmap" and list(days["data"][0]["y"]) == ["FEG"]
    assert days["layout"]["meta"]["title"] == "FEG met 5 days in all, all in 2011"
    show(at, "meetings_view", "Every session (sortable table)")
    assert at.query_params["view"] == "sessions"
    table = next(df.value for df in at.dataframe if "Outcome document" in df.value.columns)
    assert {"Start", "End", "Days", "City", "Format", "Chair", "Document link", "Status"} <= set(table.columns)
    assert list(table["Session"]) == ["first meeting", "second meeting (postponed)"]
    assert list(table["City"].fillna("")) == ["Vienna", ""]
    assert list(table["Days"]) == ["5", ""]  # a term known only by its year: empty, never "None"
    at.multiselect(key="meeting_bodies").set_value(["FEG"]).run()
    assert at.query_params["body"] == "FEG"
    at.multiselect(key="meeting_formats").set_value(["hybrid"]).run()  # the FEG met in person
    assert any("No session in this selection" in i.value for i in at.info)
    assert at.query_params["format"] == "hybrid"


def test_meeting_timelines_from_url():
    at = open_page("pages/3_Meeting_timelines.py", body="feg,Nowhere", format="virtual", state="CHN")
    assert_clean(at)
    assert at.multiselect(key="meeting_bodies").value == ["FEG"]
    assert any("Unknown body 'Nowhere'" in markdown_shown(i.value) for i in at.info)
    assert any("not recorded per state" in c.value for c in at.caption)
    assert any("No session in this selection" in i.value for i in at.info)
    in_person = open_page("pages/3_Meeting_timelines.py", body="FEG", format="in person", view="sessions",
                          **{"from": "2011", "to": "2011"})
    assert figures(in_person)[0]["layout"]["xaxis"]["range"][0].startswith("2011-01-01")
    table = next(df.value for df in in_person.dataframe if "Outcome document" in df.value.columns)
    assert list(table["Session"]) == ["first meeting"]


def test_meeting_headlines_follow_the_body_filter(real_warehouse):
    # The real record to 2024 (past sessions, fixed): the AHC alone is not compared with "any other body".
    at = open_page("pages/3_Meeting_timelines.py", body="AHC", to="2024")
    assert_clean(at)
    assert titles(at) == ["AHC held 15 sessions in 2021–2024; the Convention was adopted on 24 Dec 2024"]
    assert ("- **reconvened concluding session** · 29 Jul – 9 Aug 2024 · New York — outcome: "
            "[A\\/AC\\.291\\/L\\.15](https://undocs.org/A/AC.291/L.15)") in \
        next(m.value for m in at.markdown if m.value.startswith("**AHC**")).split("\n")
    show(at, "meetings_view", "Meeting days per body and year")
    assert titles(at)[1] == "AHC met 109 days in all from 2021 to 2024; the busiest year: 2022 (43 days)"
    both = open_page("pages/3_Meeting_timelines.py", body="AHC,IEG", to="2024", view="days")
    assert titles(both) == [
        "AHC held the most sessions: 15 in 2021–2024; the Convention was adopted on 24 Dec 2024",
        "AHC met 109 days in all, the most of the 2 bodies shown; the busiest year: AHC in 2022 (43 days)"]


def test_state_explorer():
    at = open_page("pages/4_State_explorer.py")
    assert_clean(at)
    # No empty first view: the default pair, said to be an example, and not pushed into the URL as a filter.
    assert any("Showing the Russian Federation and the United States" in i.value for i in at.info)
    # RUS Y, USA N on 99/1, 99/2 and 99/4 (history): different on all three plenary votes.
    assert "Russian Federation, United States of America voted differently on 3 of 3 recorded votes" in titles(at)
    # Plenary votes only (a committee vote is not a second position): China agreed with Russia on all 3, the
    # United States on none.
    assert ("Russian Federation voted most like China (100% over 3 shared votes) and least like United States of "
            "America (0% over 3)") in titles(at)
    # The measure's definition and source, one click away.
    measured = next(e for e in at.expander if e.label == "How agreement is measured")
    assert measured.markdown[0].value.startswith("Agreement index, abstention against Yes/No = ½ (Voeten; State "
                                                 "Department since 2017): over the votes both states cast")
    assert "state" not in at.query_params
    at.multiselect[0].set_value(["RUS", "CHN"]).run()
    assert at.query_params["state"] == "RUS,CHN"
    at.multiselect[0].set_value([]).run()
    assert any("Choose one or more states" in i.value for i in at.info)


def test_state_explorer_agreement_over_time():
    at = open_page("pages/4_State_explorer.py", state="RUS,USA,FRA", view="over-time")
    assert_clean(at)
    # The first state with each of the others; in 2019 only 99/4, which France did not cast: RUS-FRA has a gap there.
    assert at.multiselect(key="explorer_pairs").value == ["RUS-USA", "RUS-FRA"]
    assert ("In 2019, on all recorded votes: Russian Federation – United States of America agreed 0%" in titles(at))
    at.multiselect(key="explorer_pairs").set_value(["RUS-FRA"]).run()
    assert_clean(at)
    # 2018: 99/2, France abstained and Russia voted yes (½); 1975: 30/1, France yes and Russia no.
    assert titles(at)[1:] == ["Russian Federation – France: 50% agreement on all recorded votes in 2018 (1 shared), "
                              "against 0% in 1975"]
    one = open_page("pages/4_State_explorer.py", state="RUS", view="over-time")
    assert any(i.value.startswith("Choose two or more states") for i in one.info)


def test_state_explorer_says_what_it_left_out(real_warehouse):
    # The fixture world has six states; the limit of six needs more, so this runs on the real states table.
    at = open_page("pages/4_State_explorer.py", state="RUS,USA,CHN,IND,BRA,ZAF,FRA,DEU")
    assert_clean(at)
    assert any("showing the first 6 of the 8" in i.value and "left out: FRA, DEU" in i.value for i in at.info)
    assert at.multiselect[0].value == ["RUS", "USA", "CHN", "IND", "BRA", "ZAF"]


def test_data_and_sources():
    at = open_page("pages/5_Data_and_sources.py")
    assert_clean(at)
    # The confidence chart (the page's first view), counted from the fixture CSVs: confirmed rows 2 resolutions +
    # 13 votes + 1 sponsorship + 1 meeting + 3 treaty actions + 5 states + 2 blocs + 2 memberships, of 42 rows.
    assert figures(at)[0]["layout"]["meta"]["title"] == ("29 of 42 rows (69%) are confirmed by a UN or official source "
                                                         "or two reputable ones")
    show(at, "sources_view", "Where the rows come from")
    origins = next(df.value for df in at.dataframe if "Voeten history 1946–2019" in df.value.columns)
    votes = origins.set_index("table").loc["votes"]
    # 14 curated rows (9 plenary, 5 committee); A/RES/99/4's 5 from the fixture history: its 3 rows (CHN, RUS,
    # USA) and the 2 members on the vote date it lacks (FRA, SSD), shown as not voting.
    assert (votes["curated (data/)"], votes["Voeten history 1946–2019"], votes["UN Digital Library imports"],
            votes["UN machine-readable resolutions 2019–2026"]) == (14, 5, 0, 0)
    assert any("No state's vote is recorded differently" in c.value for c in at.caption)
    coverage = next(df.value for df in at.dataframe if "kept_vote_count" in df.value.columns)
    # Session 99: the history holds 99/1 and 99/4; the record keeps those and the curated 99/2.
    assert list(coverage.loc[coverage["session"] == "99", ["history_vote_count", "kept_vote_count"]].iloc[0]) == [
        2, 3]
    assert any("Uploading here is off" in c.value for c in at.caption)
    show(at, "sources_view", "Browse a table")
    assert "4 of 4 rows" in [c.value for c in at.caption]  # resolutions
    at.selectbox[0].set_value("votes").run()
    assert "19 of 19 rows" in [c.value for c in at.caption]
    at.text_input[0].set_value("FRA").run()  # France: 99/1, 99/2 plenary and committee, 99/4 (not voting)
    assert "4 of 19 rows" in [c.value for c in at.caption]
    assert at.query_params["search"] == "FRA"  # the row filter is in the link, so the view can be shared
    assert at.query_params["view"] == "browse"


def test_data_and_sources_opens_on_a_shared_search():
    at = open_page("pages/5_Data_and_sources.py", search="Fixture text two")
    assert_clean(at)
    assert at.text_input[0].value == "Fixture text two"
    assert "1 of 4 rows" in [c.value for c in at.caption]


def test_alignment():
    at = open_page("pages/6_Alignment.py")
    assert_clean(at)
    # The default states that the warehouse knows (RUS, USA, CHN of RUS, USA, CHN, IND, BRA, ZAF).
    assert at.multiselect[0].value == ["RUS", "USA", "CHN"]
    heatmap = figures(at)[0]
    assert heatmap["layout"]["meta"]["title"] == "Russian Federation and United States of America agreed least: 0%"
    assert heatmap["layout"]["meta"]["subtitle"] == f"{MEASURE} · recorded plenary votes on ICT resolutions, 2010–2019"
    assert heatmap["layout"]["meta"]["measure"].startswith("Agreement index, abstention against Yes/No = ½")
    # Every measure's definition and source under the picker's help, the default first.
    assert at.selectbox[0].value == "abstention_half"
    assert [p.split(":")[0] for p in at.selectbox[0].help.split("\n\n")] == [
        "Agreement index, abstention against Yes/No = ½ (Voeten; State Department since 2017)",
        "Same-vote share, abstention against Yes/No = 0 (Imai)", "Yes/No votes only (State Department before 2017)"]
    # France abstained on 99/2: as a disagreement (same-vote share), its agreement with Russia and the US changes.
    at.multiselect[0].set_value(["RUS", "USA", "FRA"]).run()
    half = figures(at)[0]["data"][0]["z"]
    at.selectbox[0].set_value("same_vote").run()
    assert_clean(at)
    assert figures(at)[0]["data"][0]["z"] != half
    assert figures(at)[0]["layout"]["meta"]["subtitle"].startswith("same-vote share, abstention against Yes/No = 0")
    assert [t.label for t in at.tabs] == ["Agreement", "Vote space", "Bloc cohesion over time",
                                          "Who changed their vote", "Cyber votes against all votes"]
    show(at, "alignment_view", "Who changed their vote")
    assert at.selectbox(key="swing_step").value == "criminal"
    assert any(i.value.startswith("A/RES/73/187 and A/RES/74/247 are not both on record") for i in at.info)


def test_alignment_all_votes_on_a_fresh_clone():
    # The bundled history is in every build: the all-votes scope and the same-sessions table need no import.
    at = open_page("pages/6_Alignment.py", state="RUS,USA", view="all-votes")
    assert not at.radio[0].disabled
    # 99/1, 99/2 and 99/4 are the recorded votes of session 99, all of them on ICT resolutions.
    assert any(c.value.startswith("3 recorded votes on ICT resolutions against all 3 recorded votes of the same "
                                  "1 sessions (2010–2019)") for c in at.caption)
    show(at, "alignment_view", "Agreement")
    at.radio[0].set_value("all").run()
    assert_clean(at)
    assert at.slider[0].value == (1975, 2019)
    subtitles = [f["layout"]["meta"]["subtitle"] for f in figures(at)]
    assert subtitles[0] == f"{MEASURE} · all recorded plenary votes, 1975–2019"
    assert "Voeten UNGA voting data (doi:10.7910/DVN/LEJUQZ)" in figures(at)[0]["layout"]["meta"]["sources"]


def test_alignment_leaves_out_a_state_without_votes():
    at = open_page("pages/6_Alignment.py", state="RUS,VAT")
    assert_clean(at)
    assert any(i.value.startswith("Left out: Holy See (VAT) cast no recorded vote in 2010–2019") for i in at.info)
    assert ("Russian Federation voted most like China (100% over 3 shared votes) and least like United States of "
            "America (0% over 3)") in titles(at)


def test_alignment_says_ties_as_ties():
    # The United States voted unlike China and Russia on all 3 recorded votes, and unlike France on both shared (by
    # the same-vote share; France abstained once): nobody is "closest", and the tie is said as one (not broken
    # alphabetically into "least like China").
    at = open_page("pages/6_Alignment.py", state="USA")
    at.selectbox[0].set_value("same_vote").run()
    assert_clean(at)
    partners = next(f for f in figures(at) if f["layout"]["meta"]["title"].startswith("United States of America voted"))
    assert partners["layout"]["meta"]["title"] == ("United States of America voted unlike each of the 3 states sharing "
                                                   "at least 2 of its votes")
    assert sorted(y for trace in partners["data"] for y in trace["y"]) == ["China", "France", "Russian Federation"]


def test_alignment_on_a_fixture_with_votes_before_1998():
    at = open_page("pages/6_Alignment.py", state="RUS,USA,VAT")
    at.radio[0].set_value("all").run()
    assert_clean(at)
    # Synthetic fixture: RUS and USA agree on 30/1 (1975) and 65/9 (2010), not on 40/5, 99/1, 99/2, 99/4.
    heatmap = figures(at)[0]["layout"]["meta"]
    assert heatmap["title"] == "Russian Federation and United States of America agreed least: 33%"
    assert heatmap["subtitle"] == f"{MEASURE} · all recorded plenary votes, 1975–2019"
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
    # Curated votes 2010 (99/1) and 2018 (99/2); the fixture history's 99/4 in 2019.
    assert any(c.value.startswith("Per-state votes on record: 2010–2019 (curated record 2010–2018; Voeten UNGA "
                                  "voting data 2019)") and "import-undl" in c.value for c in at.caption)


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
    assert not open_page("pages/5_Data_and_sources.py", view="origins").get("file_uploader")
    monkeypatch.setenv("CYBERDIPLOMACY_ALLOW_IMPORT", "1")
    at = open_page("pages/5_Data_and_sources.py", view="origins")
    assert_clean(at)
    assert len(at.get("file_uploader")) == 1
    assert any("changes the data for every user" in c.value for c in at.caption)


def test_the_state_filter_is_a_lens_on_resolution_history_and_data():
    at = open_page("pages/1_Resolution_history.py", state="FRA", resolution="99/2")
    assert_clean(at)
    vote_map = next(f for f in figures(at) if f["layout"]["meta"]["title"].startswith("A/RES/99/2: 2 yes"))
    outlined = [t for t in vote_map["data"] if t.get("name") == "Your states" and t["type"] == "choropleth"]
    assert outlined and list(outlined[0]["locations"]) == ["FRA"]
    assert any(c.value.startswith("Your states, outlined on the map and listed first: France (FRA): Abstain")
               for c in at.caption)
    votes = next(df.value for df in at.dataframe if {"State", "Vote"} <= set(df.value.columns))
    assert list(votes["Code"]) == ["FRA", "CHN", "RUS", "SSD", "USA"]  # the five members on 17 December 2018
    data = open_page("pages/5_Data_and_sources.py", state="FRA", view="browse")
    assert_clean(data)
    assert any(c.value.startswith("This table is not per state") for c in data.caption)  # resolutions
    data.selectbox[0].set_value("votes").run()
    assert any(c.value.startswith("Only the rows of FRA") for c in data.caption)
    assert "4 of 19 rows" in [c.value for c in data.caption]


def test_state_explorer_tables_read_as_tables():
    at = open_page("pages/4_State_explorer.py", state="RUS,FRA,CHN", view="record")
    sponsorships = next(df.value for df in at.dataframe if "Draft" in df.value.columns)
    assert {"State", "Resolution", "Track", "Role"} <= set(sponsorships.columns) and "iso3" not in sponsorships.columns
    assert len(sponsorships) == 2 and set(sponsorships["Draft"]) == {"A/C.3/99/L.2"}
    assert "criminal_ict" not in set(sponsorships["Track"]) and "None" not in sponsorships.astype(str).to_numpy()
    blocs = next(df.value for df in at.dataframe if "Bloc" in df.value.columns)
    assert len(blocs) == 3  # FRA and RUS in the Council of Europe (RUS left in 2022), CHN in BRICS
    assert not blocs["Joined"].astype(str).str.contains("00:00:00").any()
    assert (blocs["Left"] == "").sum() == 2 and not blocs["Left"].isna().any()  # unknown: empty, never None
    assert (blocs["Joined"] == "").sum() == 1  # China's BRICS date is not on record


def test_states_in_the_url_by_name():
    at = open_page("pages/4_State_explorer.py", state="China,Russia")
    assert_clean(at)
    assert at.query_params["state"] == "CHN,RUS"  # written back as codes, so the link stays short and exact


def test_texts_on_a_record_without_words_says_so():
    # The fixture world has no text word for word (its UN origin is empty): a plain message, no section.
    at = open_page("pages/7_Texts.py", view="compare")
    assert_clean(at)
    assert [i.value for i in at.info] == ["No text of the record is on record word for word yet."]
    assert not at.tabs
