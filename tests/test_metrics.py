"""Metrics equal values computed by hand on tiny vote sets."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from cyberdiplomacy import metrics

# Four votes; AAA and BBB: same, same, Y/A, Y/N; CCC votes only on the first; DDD only X.
ROWS = pd.DataFrame([
    ("AAA", "v1", "Y"), ("BBB", "v1", "Y"), ("CCC", "v1", "N"), ("DDD", "v1", "X"),
    ("AAA", "v2", "N"), ("BBB", "v2", "N"),
    ("AAA", "v3", "Y"), ("BBB", "v3", "A"),
    ("AAA", "v4", "Y"), ("BBB", "v4", "N"),
], columns=["iso3", "resolution_symbol", "vote"])


def test_vote_matrix_codes():
    matrix = metrics.vote_matrix(ROWS)
    assert matrix.states == ["AAA", "BBB", "CCC", "DDD"] and matrix.votes == ["v1", "v2", "v3", "v4"]
    assert matrix.values[1].tolist() == [1.0, 0.0, 0.5, 0.0]
    assert all(math.isnan(v) for v in matrix.values[3])


def test_three_agreement_measures_by_hand():
    # AAA and BBB: Y/Y, N/N, Y/A, Y/N; the second fixture adds an A/A pair and an X, which every measure leaves out.
    matrix = metrics.vote_matrix(ROWS)
    same_vote = metrics.agreement(matrix, "same_vote")
    assert same_vote.loc["AAA", "BBB"] == 2 / 4  # Y/A is a disagreement
    abstention_half = metrics.agreement(matrix, "abstention_half")
    assert abstention_half.loc["AAA", "BBB"] == (1 + 1 + 0.5 + 0) / 4
    yes_no_only = metrics.agreement(matrix, "yes_no_only")
    assert yes_no_only.loc["AAA", "BBB"] == 2 / 3  # v3 left out: an abstention
    assert same_vote.loc["AAA", "CCC"] == 0.0
    assert math.isnan(same_vote.loc["AAA", "DDD"])
    assert metrics.shared_votes(matrix).loc["AAA", "BBB"] == 4
    assert metrics.same_votes(matrix).loc["AAA", "BBB"] == 2
    with_abstentions = metrics.vote_matrix(pd.concat([ROWS, pd.DataFrame(
        [("AAA", "v5", "A"), ("BBB", "v5", "A"), ("AAA", "v6", "N"), ("BBB", "v6", "A"), ("AAA", "v7", "X"),
         ("BBB", "v7", "Y")], columns=ROWS.columns)]))
    # Y/Y, N/N, Y/A, Y/N, A/A, N/A; v7 (AAA absent) counts for none.
    assert metrics.agreement(with_abstentions, "same_vote").loc["AAA", "BBB"] == 3 / 6
    assert metrics.agreement(with_abstentions, "abstention_half").loc["AAA", "BBB"] == (3 + 0.5 + 0.5) / 6
    assert metrics.agreement(with_abstentions, "yes_no_only").loc["AAA", "BBB"] == 2 / 3
    assert metrics.same_votes(with_abstentions).loc["AAA", "BBB"] == 3
    with pytest.raises(ValueError):
        metrics.agreement(matrix, "identical")


def test_agreement_index_of_hix_noury_roland():
    assert metrics.agreement_index([10], [0], [0])[0] == 1.0
    assert metrics.agreement_index([1], [1], [1])[0] == 0.0
    assert metrics.agreement_index([6], [3], [1])[0] == pytest.approx((6 - 0.5 * 4) / 10)
    assert math.isnan(metrics.agreement_index([0], [0], [0])[0])


def test_bloc_cohesion_and_by_year():
    member_votes = pd.DataFrame({"bloc": ["B"] * 4, "resolution_symbol": ["v1", "v1", "v1", "v2"],
                                 "vote_date": pd.to_datetime(["2018-01-01"] * 3 + ["2019-01-01"]),
                                 "vote": ["Y", "Y", "N", "X"]})
    cohesion = metrics.bloc_cohesion(member_votes)
    assert cohesion[["yes_count", "no_count", "abstain_count"]].values.tolist() == [[2, 1, 0]]
    assert cohesion["agreement_index"].iloc[0] == pytest.approx((2 - 0.5) / 3)
    assert metrics.cohesion_by_year(cohesion)["year"].tolist() == [2018]


def test_swing():
    swings = metrics.swing(ROWS, "v1", "v4").set_index("iso3")
    assert swings.loc["AAA", "swing_direction"] == "same"
    assert swings.loc["BBB", "swing_direction"] == "towards no" and swings.loc["BBB", "swing_value"] == -1.0
    assert swings.loc["CCC", "swing_direction"] == "not comparable"


def test_alignment_cyber_versus_all_votes_of_the_same_sessions():
    rows = ROWS.assign(session=["73"] * 4 + ["73"] * 2 + ["74"] * 4, is_cyber=[True] * 4 + [False] * 6)
    table = metrics.alignment(rows, ["AAA"], "same_vote").set_index("iso3")
    # Cyber: only v1 -> BBB agrees with AAA (1/1). Same sessions (73): v1, v2 -> 2/2.
    assert table.loc["BBB", "cyber_agreement_share"] == 1.0
    assert table.loc["BBB", "all_votes_agreement_share"] == 1.0
    assert table.loc["CCC", "difference"] == 0.0


def test_vote_space_is_deterministic_and_sign_normalised():
    rows = pd.DataFrame([(s, f"v{i}", v) for i, votes in enumerate(["YYNN", "YYNA", "NYYN", "YNNY"])
                         for s, v in zip(["USA", "GBR", "RUS", "CHN"], votes, strict=True)],
                        columns=["iso3", "resolution_symbol", "vote"])
    first, explained = metrics.vote_space(metrics.vote_matrix(rows), right="USA", up="RUS")
    second, _ = metrics.vote_space(metrics.vote_matrix(rows), right="USA", up="RUS")
    pd.testing.assert_frame_equal(first, second)
    coords = first.set_index("iso3")
    assert coords.loc["USA", "x"] > 0 and coords.loc["RUS", "y"] > 0
    assert 0 < explained[0] <= 1 and explained[0] >= explained[1]


def test_vote_space_leaves_out_a_vote_no_kept_state_cast():
    # Five states: FRA cast only v9, so the 50% participation cut leaves FRA out and nobody kept voted on v9; its
    # missing votes had no mean to be filled with, and the SVD raised LinAlgError.
    four = [(s, f"v{i}", v) for i, votes in enumerate(["YYNN", "YYNA", "NYYN", "YNNY"])
            for s, v in zip(["USA", "GBR", "RUS", "CHN"], votes, strict=True)]
    five = pd.DataFrame([*four, ("FRA", "v9", "Y")], columns=["iso3", "resolution_symbol", "vote"])
    points, explained = metrics.vote_space(metrics.vote_matrix(five))
    expected, expected_explained = metrics.vote_space(metrics.vote_matrix(five[five["iso3"] != "FRA"]))
    assert list(points["iso3"]) == ["CHN", "GBR", "RUS", "USA"]  # FRA: 1 of 5 votes, under the cut
    pd.testing.assert_frame_equal(points, expected)
    assert explained == expected_explained


def test_vote_space_of_states_that_all_voted_alike():
    rows = pd.DataFrame([(s, v, "Y") for s in ("AAA", "BBB", "CCC") for v in ("v1", "v2")],
                        columns=["iso3", "resolution_symbol", "vote"])
    points, explained = metrics.vote_space(metrics.vote_matrix(rows))
    assert points[["x", "y"]].abs().to_numpy().max() == 0 and all(math.isnan(e) for e in explained)
