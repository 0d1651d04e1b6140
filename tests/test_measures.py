"""One definition per measure: agreement and cohesion are computed once (metrics), and every consumer — State
explorer, Alignment, Sponsor blocs, the CLI and the briefing packs — gets the same numbers. Hand-counted on the
synthetic fixture world (tests/fixtures/world and tests/fixtures/history)."""
from __future__ import annotations

import pytest

from cyberdiplomacy import defaults, figures, metrics, queries
from cyberdiplomacy.briefing.context import Context
from cyberdiplomacy.filters import Filters


@pytest.fixture(scope="module")
def src(world_con):
    return figures.Direct(world_con)


def test_agreement_counts_each_recorded_plenary_vote_once(src):
    # Cyber texts with per-state plenary votes: 99/1 (2010), 99/2 (2018; its committee vote is not a second vote),
    # 99/4 (2019, from the history).
    partners = figures.states.agreement(src, Filters(states=("RUS",))).table.set_index("other_iso3")
    # RUS and CHN: Y/Y on 99/1, 99/2 and 99/4 -> 3 of 3.
    assert partners.loc["CHN", ["shared_vote_count", "same_vote_count", "agreement_share"]].tolist() == [3, 3, 1.0]
    # RUS and FRA: Y/Y on 99/1, Y/A on 99/2; FRA has no row on 99/4 (not voting) -> the same vote on 1 of 2, and by
    # the default measure (an abstention against a Yes counts half) (1 + 0.5) / 2.
    assert partners.loc["FRA", ["shared_vote_count", "same_vote_count", "agreement_share"]].tolist() == [2, 1, 0.75]
    # RUS and USA: Y/N on all three -> 0 of 3.
    assert partners.loc["USA", ["shared_vote_count", "agreement_share"]].tolist() == [3, 0.0]
    assert "SSD" not in partners.index  # never cast a vote (X only): not a partner


def test_every_consumer_of_agreement_gets_the_same_numbers(src, world_con):
    explorer = figures.states.agreement(src, Filters(states=("RUS",))).table  # State explorer, CLI --figure agreement
    alignment = figures.states.agreement(src, Filters(), state="RUS", scope="cyber",
                                         method=defaults.AGREEMENT_METHOD).table  # Alignment's closest-farthest
    pack = Context(world_con).partners("RUS")  # briefing packs
    columns = ["other_iso3", "shared_vote_count", "agreement_share"]
    by_state = [t[columns].sort_values("other_iso3", ignore_index=True) for t in (explorer, alignment, pack)]
    assert by_state[0].equals(by_state[1]) and by_state[0].equals(by_state[2])
    heatmap = figures.alignment.agreement_heatmap(src, Filters(states=("RUS", "FRA"))).table
    assert heatmap.set_index(["iso3", "other_iso3"]).loc[("RUS", "FRA"), "agreement_share"] == 0.75


def test_cohesion_is_the_agreement_index_everywhere(src):
    # Council of Europe members on the vote date: 99/1 FRA Y, RUS Y -> 1.0; 99/2 FRA A, RUS Y ->
    # (1 - 0.5 * 1) / 2 = 0.25; 99/4 RUS Y (FRA not voting) -> 1.0.
    per_vote = figures.sponsors.bloc_cohesion(src, Filters(), blocs=("Council of Europe",)).table
    assert dict(zip(per_vote["resolution_symbol"], per_vote["agreement_index"], strict=True)) == {
        "A/RES/99/1": 1.0, "A/RES/99/2": 0.25, "A/RES/99/4": 1.0}
    by_year = figures.alignment.cohesion_over_time(src, Filters(), blocs=("Council of Europe",)).table
    assert dict(zip(by_year["year"], by_year["mean_agreement_index"], strict=True)) == {2010: 1.0, 2018: 0.25,
                                                                                        2019: 1.0}
    assert metrics.agreement_index([1], [0], [1])[0] == 0.25  # the index itself, on the 99/2 split


def test_no_second_definition_of_a_measure_remains():
    assert not hasattr(queries, "state_agreement") and not hasattr(queries, "bloc_cohesion")
