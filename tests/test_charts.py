"""Chart builders: finding-stating titles, the provenance footer, fixed vote colours."""
from __future__ import annotations

import pytest

from cyberdiplomacy import queries
from cyberdiplomacy.charts import sponsors, states, theme, timeline, votes

BUILT = "2026-01-02"


@pytest.fixture(scope="module")
def con(world_con):
    return world_con


def footer_of(fig) -> str:
    return fig.layout.annotations[-1].text


def test_vote_map_title_footer_and_colours(con):
    fig = votes.vote_map(queries.resolution_votes(con, "A/RES/99/2"), "A/RES/99/2", BUILT)
    assert fig.layout.meta["title"] == "A/RES/99/2: 2 yes, 1 no, 1 abstentions"
    assert footer_of(fig) == ("Source: A/RES/99/2, Voeten UNGA voting data · Data built 2026-01-02 · "
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
    assert counts.loc["Did not vote", "Did not vote"] == 1  # South Sudan: not a member in 2010, X in 2018
    assert votes.camp_of("Y", "N") == "Yes on A, No on B"
    assert votes.camp_of(None, "X") == "Did not vote / not a member"


def test_timeline_rows_and_title(con):
    fig = timeline.process_timeline(queries.meeting_timeline(con), queries.resolution_history(con), BUILT)
    assert fig.layout.meta["title"] == "1 sessions of 1 bodies and 3 adopted texts since 2010"
    assert fig.layout.yaxis.categoryarray[-1] == "FEG"


def test_agreement_and_strip(con):
    agreement = queries.state_agreement(con, ["RUS"])
    fig = states.agreement_bars(agreement, "Russian Federation", BUILT)
    assert fig.layout.meta["title"].startswith("Russian Federation voted most like China (100%)")
    strip = states.vote_strip(queries.state_votes(con, ["RUS", "USA"]), BUILT)
    assert strip.layout.meta["title"] == "Russian Federation, United States of America voted differently on 2 of 2 recorded votes"


def test_sponsor_figures(con):
    matrix = queries.sponsorship_matrix(con)
    assert sponsors.matrix(matrix, BUILT).layout.meta["title"] == "2 states sponsored A/C.3/99/L.2"
    edges = sponsors.cosponsor_edges(matrix)
    assert edges.to_dict("records") == [{"iso3_x": "CHN", "iso3_y": "RUS", "shared_draft_count": 1}]
    layout = sponsors.network_layout(matrix[["iso3", "state_name", "un_regional_group"]].drop_duplicates())
    assert list(layout["iso3"]) == ["CHN", "RUS"]  # Asia-Pacific before Eastern European


def test_unknown_counts_are_question_marks():
    from cyberdiplomacy import formatting
    assert formatting.tally(129, None, float("nan")) == "129–?–?"
    assert theme.vote_label(None) == "Unknown"
