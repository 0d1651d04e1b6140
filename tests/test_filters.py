"""URL filters: valid values kept, anything else dropped with a plain message."""
from __future__ import annotations

from cyberdiplomacy.filters import FIRST_YEAR, LAST_YEAR, MAX_STATES, Filters, parse, to_params
from cyberdiplomacy.queries import TRACKS

STATES = {"RUS", "USA", "CHN", "FRA"}
RESOLUTIONS = {"A/RES/73/187", "A/RES/74/247"}


def test_defaults():
    assert parse({}, STATES, RESOLUTIONS) == Filters()
    assert to_params(Filters()) == {}


def test_valid_values_round_trip():
    filters = parse({"state": ["rus,USA"], "track": ["crime"], "from": ["2018"], "to": ["2019"],
                     "resolution": ["73/187"]}, STATES, RESOLUTIONS)
    assert filters == Filters(("RUS", "USA"), ("criminal_ict",), 2018, 2019, "A/RES/73/187")
    assert filters.warnings == ()
    assert to_params(filters) == {"state": "RUS,USA", "track": "crime", "from": "2018", "to": "2019",
                                  "resolution": "A/RES/73/187"}
    assert parse(to_params(filters), STATES, RESOLUTIONS) == filters


def test_repeated_parameters_are_merged():
    assert parse({"state": ["RUS", "USA", "RUS"]}, STATES, RESOLUTIONS).states == ("RUS", "USA")


def test_unknown_and_hostile_values_give_messages():
    filters = parse({"state": ["XYZ", "'; DROP TABLE votes; --"], "track": ["war"], "from": ["abc"],
                     "to": ["1900"], "resolution": ["A/RES/1/1"], "utm": ["x"]}, STATES, RESOLUTIONS)
    assert filters == Filters()
    assert len(filters.warnings) == 7
    assert "Unknown state code 'XYZ'" in filters.warnings[1]


def test_very_long_values_are_refused_without_echo():
    filters = parse({"state": ["A" * 10_000]}, STATES, RESOLUTIONS)
    assert filters.states == ()
    assert filters.warnings == ("Ignored parameter state: value too long.",)


def test_swapped_years_and_state_cap():
    filters = parse({"from": ["2020"], "to": ["2010"]}, STATES, RESOLUTIONS)
    assert (filters.from_year, filters.to_year) == (2010, 2020)
    many = {f"S{i:02d}" for i in range(20)}
    capped = parse({"state": [",".join(sorted(many))]}, {s.upper() for s in many}, RESOLUTIONS)
    assert len(capped.states) == MAX_STATES


def test_odd_unicode_is_just_unknown():
    filters = parse({"state": ["Ｒ\u0301US\u200b"], "track": ["🙂"]}, STATES, RESOLUTIONS)
    assert filters.states == () and filters.tracks == TRACKS
    assert (FIRST_YEAR, LAST_YEAR) == (filters.from_year, filters.to_year)
