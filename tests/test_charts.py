"""Chart builders: finding-stating titles, the provenance footer, fixed vote colours."""
from __future__ import annotations

import html
import re

import plotly.graph_objects as go
import pytest

from cyberdiplomacy import figures, provenance, queries, views, vocabulary, wording
from cyberdiplomacy.charts import sponsors, states, theme, timeline, votes
from cyberdiplomacy.filters import Filters

BUILT = "2026-01-02"


@pytest.fixture(scope="module")
def con(world_con):
    return world_con


def footer_of(fig) -> str:
    return fig.layout.annotations[-1].text


def test_vote_map_title_footer_and_colours(con):
    fig = votes.vote_map(queries.resolution_votes(con, "A/RES/99/2"), "A/RES/99/2", BUILT)
    assert fig.layout.meta["title"] == "A/RES/99/2: 2 yes, 1 no, 1 abstention"
    assert footer_of(fig) == ("Source: A/RES/99/2, curated record (data/votes.csv) · Data built 2026-01-02 · "
                              "Cybercrime Diplomacy Dashboard · CC BY 4.0")
    colours = {trace.name: trace.colorscale[0][1] for trace in fig.data}
    assert colours == {"Yes": "#0072B2", "No": "#D55E00", "Abstain": "#E69F00", "Did not vote": "#BBBBBB"}


def test_vote_history_names_the_most_divisive_vote(con):
    fig = votes.vote_history(queries.resolution_history(con), BUILT)
    assert fig.layout.meta["title"] == "A/RES/99/2 was the most divisive recorded vote: 2–1–1"
    assert [t.name for t in fig.data] == ["Yes", "No", "Abstain", "Did not vote"]


def test_crosstab_and_camps(con):
    both = queries.competing_votes(con, "A/RES/99/1", "A/RES/99/2")
    counts = votes.crosstab_counts(both)
    assert counts.loc["Yes", "Yes"] == 2 and counts.loc["No", "No"] == 1 and counts.loc["Yes", "Abstain"] == 1
    # South Sudan: not a member in 2010 (no row: "Not a member", never "Did not vote"), X in 2018.
    assert counts.loc["Not a member", "Did not vote"] == 1
    assert counts.loc["Did not vote"].sum() == 0
    assert list(counts.index) == ["Yes", "No", "Abstain", "Did not vote", "Not a member"]
    assert votes.camp_of("Y", "N") == "Yes on A, No on B"
    assert votes.camp_of(None, "X", False, True) == "Did not vote on one or both"
    assert votes.camp_of(None, "Y", False, True) == "Not a member at one vote"
    assert votes.camp_of(None, "Y", True, True) == "No record of one vote (unknown)"
    ssd = both[both["iso3"] == "SSD"].iloc[0]
    assert (bool(ssd["member_a"]), bool(ssd["member_b"])) == (False, True)
    camps = votes.camps_map(both, "A/RES/99/1", "A/RES/99/2", BUILT)
    assert "Did not vote on one or both" in {t.name for t in camps.data}  # SSD: X on B outweighs no row on A


def test_timeline_rows_and_title(con):
    fig = timeline.process_timeline(queries.meeting_timeline(con), queries.resolution_history(con), BUILT)
    assert fig.layout.meta["title"] == "1 session of 1 body and 3 adopted texts since 2010"
    assert fig.layout.yaxis.categoryarray[-1] == "FEG"


def test_agreement_and_strip(con):
    agreement = figures.states.agreement(figures.Direct(con), Filters(states=("RUS",))).table
    fig = states.agreement_bars(agreement, "Russian Federation", BUILT)
    assert fig.layout.meta["title"] == ("Russian Federation voted most like China (100% over 3 shared votes) and least "
                                        "like United States of America (0% over 3)")
    assert {t.name for t in fig.data} <= set(vocabulary.REGIONAL_GROUP_ORDER) and fig.layout.showlegend is not False
    strip = states.vote_strip(queries.state_votes(con, ["RUS", "USA"]), BUILT)
    assert strip.layout.meta["title"] == "Russian Federation, United States of America voted differently on 3 of 3 recorded votes"


def test_sponsor_figures(con):
    matrix = queries.sponsorship_matrix(con)
    assert sponsors.matrix(matrix, BUILT).layout.meta["title"] == "2 state(s) on record as sponsors of A/C.3/99/L.2"
    edges = sponsors.cosponsor_edges(matrix)
    assert edges.to_dict("records") == [{"iso3_x": "CHN", "iso3_y": "RUS", "shared_draft_count": 1}]
    layout = sponsors.network_layout(matrix[["iso3", "state_name", "un_regional_group"]].drop_duplicates())
    assert list(layout["iso3"]) == ["CHN", "RUS"]  # Asia-Pacific before Eastern European


def test_unknown_counts_are_question_marks():
    assert wording.tally(129, None, float("nan")) == "129–?–?"
    assert vocabulary.vote_label(None) == "Unknown"


def test_adoption_counts_say_recorded_without_a_vote_and_unknown(con):
    history = queries.resolution_history(con)
    fig = votes.adoption_timeline(history, BUILT)
    # Fixture world: 99/1 and 99/2 recorded votes, 99/3 without a vote; 99/4 undated with its mode unknown.
    assert fig.layout.meta["title"] == ("Of 3 dated texts: 2 recorded vote, 1 adopted without a vote, "
                                        "0 adoption mode unknown")
    assert fig.layout.meta["subtitle"] == ("Each diamond is one adopted text · 1 undated text not placed on the time "
                                           "axis (listed as undated in the table)")
    assert votes.adoption_counts_text(history) == ("of 4 texts: 2 recorded vote, 1 without a vote, 1 adoption mode "
                                                   "unknown; 1 undated")


def test_undated_texts_are_kept_and_flagged(con):
    history = queries.resolution_history(con, from_year=2015, to_year=2016)
    assert history[["symbol", "is_undated"]].to_dict("records") == [{"symbol": "A/RES/99/4", "is_undated": True}]
    assert votes.vote_history(queries.resolution_history(con), BUILT).data[0].y[-1] == "99/4 (undated)"


def test_footer_names_the_origin_of_what_it_draws():
    assert provenance.origin_sources(["history", "curated", "history"]) == [
        "curated record (data/votes.csv)", "Voeten UNGA voting data (doi:10.7910/DVN/LEJUQZ)"]
    assert provenance.origin_sources(["undl"], "2026-12-01 10:00:00") == [
        "UN Digital Library voting data, imported 2026-12-01, © United Nations"]
    assert provenance.origin_sources(["curated,undl"]) == ["curated record (data/votes.csv)",
                                                      "UN Digital Library voting data, © United Nations"]
    # The licence's attribution is never cut from a long footer.
    sources = [f"A/RES/{i}/1" for i in range(8)] + provenance.origin_sources(["undl"], "2026-12-01")
    assert footer_of(theme.finish(states.go.Figure(), "t", sources, BUILT)).startswith(
        "Source: A/RES/0/1, A/RES/1/1, … 5 more …, A/RES/7/1, UN Digital Library voting data, imported 2026-12-01, "
        "© United Nations · ")
    assert provenance.attribution_for(sources) == provenance.UNDL_ATTRIBUTION
    assert provenance.attribution_for(["curated record (data/votes.csv)"]) == ""


def test_partner_chart_cites_the_origin_of_its_votes(con):
    fig = figures.states.agreement(figures.Direct(con), Filters(states=("RUS",))).fig
    assert fig.layout.meta["sources"] == ["curated record (data/votes.csv)",
                                          "Voeten UNGA voting data (doi:10.7910/DVN/LEJUQZ)"]  # 99/4: history
    strip = states.vote_strip(queries.state_votes(con, ["RUS"]), BUILT)
    assert strip.layout.meta["sources"] == ["A/RES/99/1", "A/RES/99/2", "A/RES/99/4", "curated record (data/votes.csv)",
                                            "Voeten UNGA voting data (doi:10.7910/DVN/LEJUQZ)"]


@pytest.fixture(scope="module")
def imported_con(tmp_path_factory):
    """The fixture world with the synthetic UN Digital Library release unga.2026.csv imported."""
    import os

    import duckdb

    from etl import undl
    from tests.conftest import ROOT, build, make_world

    base = tmp_path_factory.mktemp("imported")
    imports, before = base / "imports", os.environ.get("CYBERDIPLOMACY_IMPORTS")
    undl.import_file(ROOT / "tests" / "fixtures" / "undl" / "unga.2026.csv", imports, progress=None)
    os.environ["CYBERDIPLOMACY_IMPORTS"] = str(imports)
    try:
        db = build(make_world(base / "data"), base / "imported.duckdb")
    finally:
        os.environ["CYBERDIPLOMACY_IMPORTS"] = before or ""
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


def test_imported_votes_carry_the_un_attribution_into_every_export(imported_con):
    from cyberdiplomacy import briefing, exports

    drawn = figures.build("vote-map", figures.Direct(imported_con), Filters(resolution="A/RES/99/4"))
    fig, table = drawn.fig, drawn.table
    assert set(table["origin"]) == {"undl"}
    assert re.search(r"UN Digital Library voting data, imported \d{4}-\d{2}-\d{2}, © United Nations", footer_of(fig))
    about = exports.about("t", "", fig.layout.meta["sources"], {})
    assert about["attribution"] == provenance.UNDL_ATTRIBUTION
    csv = exports.csv_bytes(table, about["attribution"]).decode()
    assert csv.splitlines()[0].endswith(",attribution") and "© United Nations" in csv.splitlines()[1]
    pack = briefing.for_resolution(imported_con, "A/RES/99/4")
    assert html.escape(provenance.UNDL_ATTRIBUTION) in briefing.to_html(pack)  # cover, footer and sources page
    # Curated-only figures carry no UN attribution.
    curated = figures.build("vote-map", figures.Direct(imported_con), Filters(resolution="A/RES/99/2")).fig
    assert exports.about("t", "", curated.layout.meta["sources"], {}).get("attribution") is None


def test_meeting_lanes_keep_the_footer_below_the_range_slider(con):
    import pandas as pd

    from cyberdiplomacy.charts import meetings

    sessions = queries.meeting_timeline(con)
    marks = views.meetings.milestones(queries.resolution_history(con), sessions, queries.treaty_status(con))
    fig = meetings.lanes(sessions, marks, BUILT, ("2010-01-01", "2012-12-31"))
    assert fig.layout.meta["title"] == "FEG held 1 session in 2011"  # the only body: not "the most"
    assert fig.layout.xaxis.range[0] == pd.Timestamp("2010-01-01")
    assert footer_of(fig).startswith("Source: meetings and resolutions tables")
    assert fig.layout.annotations[-1].yshift == -fig.layout.margin.b + 8  # at the figure's bottom edge
    days = views.meetings.meeting_days(sessions)
    assert int(days["meeting_days"].sum()) == int(views.meetings.session_days(sessions).sum())
    assert meetings.days_per_year(days, BUILT).layout.meta["title"].startswith("FEG met")


def test_matrix_labels_sit_above_the_grid_clear_of_the_title_at_any_number_of_drafts():
    import pandas as pd

    from cyberdiplomacy.charts import footer

    for count in (1, 9, 60):  # up to far more drafts than the record holds, with the longest symbols
        drafts = [f"A/C.3/{70 + i % 30}/L.{i}/Rev.{i % 3 + 1}" for i in range(count)]
        rows = pd.DataFrame({"iso3": "RUS", "state_name": "Russian Federation", "un_regional_group": "Eastern European States",
                             "draft_symbol": drafts, "adopted_date": pd.date_range("2000-01-01", periods=count),
                             "role": "original"})
        fig = sponsors.matrix(rows, BUILT)
        assert fig.layout.xaxis.automargin is False and fig.layout.xaxis.tickangle == -90
        # Above the grid (seen first on a 50-row grid), upright with room above the plot and none taken beside it
        # (slanted labels rising to the right needed their depth beside the plot too: 225 px of grid on a phone).
        assert fig.layout.xaxis.side == "top"
        assert fig.layout.margin.t >= theme.TOP_MARGIN + footer.label_depth(drafts, angle=90)
        assert fig.layout.margin.r is None
        assert fig.layout.annotations[-1].yshift == -fig.layout.margin.b + 8  # the footer sits at the very bottom


def test_cosponsor_grid_threshold_and_flows(con):

    matrix = queries.sponsorship_matrix(con)
    grid = views.sponsors.cosponsor_grid(matrix, 1)
    assert list(grid.index) == ["CHN", "RUS"] and views.sponsors.pair_count(grid) == 1
    assert views.sponsors.cosponsor_grid(matrix, 2).empty
    fig = sponsors.cosponsor_heatmap(grid, {"CHN": "China", "RUS": "Russian Federation"}, 1, BUILT, ["A/C.3/99/L.2"])
    assert fig.layout.meta["title"] == "2 states co-sponsored a draft; no two shared more than one"


def test_a_page_shows_a_figure_without_its_title_and_with_its_footer_in_short_lines():
    fig = theme.finish(go.Figure(go.Bar(x=["a"], y=[1])), "A finding", ["A/C.1/73/L.27/Rev.1", "A/C.3/73/L.9/Rev.1",
                                                                       "A/RES/73/187", "A/73/PV.55"], "2026-12-02")
    shown = theme.for_screen(fig)
    footer = shown.layout.annotations[-1]
    # Lines of at most 60 characters, broken after a comma or a '·' (the '·' itself dropped at a line's end).
    assert footer.text.split("<br>") == ["Source: A/C.1/73/L.27/Rev.1, A/C.3/73/L.9/Rev.1,",
                                         "A/RES/73/187, A/73/PV.55 · Data built 2026-12-02",
                                         "Cybercrime Diplomacy Dashboard · CC BY 4.0"]
    assert (shown.layout.margin.b, footer.yshift) == (theme.FOOTER_MARGIN + 26, fig.layout.annotations[-1].yshift - 26)
    assert shown.layout.title.text is None and shown.layout.meta["title"] == "A finding"
    assert fig.layout.title.text.startswith("<b>A finding</b>")  # the export keeps its title and one-line footer
    assert "<br>" not in fig.layout.annotations[-1].text
