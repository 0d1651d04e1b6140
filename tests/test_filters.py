"""URL filters: valid values kept, anything else dropped with a plain message."""
from __future__ import annotations

from cyberdiplomacy.defaults import MAX_URL_STATES
from cyberdiplomacy.filters import (
    Filters,
    describe,
    parse,
    to_params,
    year_span,
    years_from_range,
)
from cyberdiplomacy.vocabulary import TRACKS

STATES = {"RUS", "USA", "CHN", "FRA"}
RESOLUTIONS = {"A/RES/73/187", "A/RES/74/247"}
YEARS = (1946, 2026)  # the data's first and last year, as the app passes them


def test_defaults():
    assert parse({}, STATES, RESOLUTIONS, YEARS) == Filters()
    assert to_params(Filters()) == {}


def test_valid_values_round_trip():
    filters = parse({"state": ["rus,USA"], "track": ["crime"], "from": ["2018"], "to": ["2019"],
                     "resolution": ["73/187"]}, STATES, RESOLUTIONS, YEARS)
    assert filters == Filters(("RUS", "USA"), ("criminal_ict",), 2018, 2019, "A/RES/73/187")
    assert filters.warnings == ()
    assert to_params(filters) == {"state": "RUS,USA", "track": "crime", "from": "2018", "to": "2019",
                                  "resolution": "A/RES/73/187"}
    assert parse(to_params(filters), STATES, RESOLUTIONS, YEARS) == filters


def test_repeated_parameters_are_merged():
    assert parse({"state": ["RUS", "USA", "RUS"]}, STATES, RESOLUTIONS, YEARS).states == ("RUS", "USA")


def test_unknown_and_hostile_values_give_messages():
    filters = parse({"state": ["XYZ", "'; DROP TABLE votes; --"], "track": ["war"], "from": ["abc"],
                     "to": ["1900"], "resolution": ["A/RES/1/1"], "utm": ["x"]}, STATES, RESOLUTIONS, YEARS)
    assert filters == Filters()
    assert len(filters.warnings) == 7
    assert "Unknown state code 'XYZ'" in filters.warnings[1]


def test_very_long_values_are_refused_without_echo():
    filters = parse({"state": ["A" * 10_000]}, STATES, RESOLUTIONS, YEARS)
    assert filters.states == ()
    assert filters.warnings == ("Ignored parameter state: value too long.",)


def test_swapped_years_and_state_cap():
    filters = parse({"from": ["2020"], "to": ["2010"]}, STATES, RESOLUTIONS, YEARS)
    assert (filters.from_year, filters.to_year) == (2010, 2020)
    many = {f"S{i:02d}" for i in range(20)}
    capped = parse({"state": [",".join(sorted(many))]}, {s.upper() for s in many}, RESOLUTIONS, YEARS)
    assert len(capped.states) == MAX_URL_STATES


def test_odd_unicode_is_just_unknown():
    filters = parse({"state": ["Ｒ\u0301US\u200b"], "track": ["🙂"]}, STATES, RESOLUTIONS, YEARS)
    assert filters.states == () and filters.tracks == TRACKS
    assert (filters.from_year, filters.to_year) == (None, None)


def test_years_are_bounded_by_the_data_not_by_1998():
    # The fixture world's earliest year on record is 1975 (its synthetic history): 1975 is accepted, 1974 is not.
    filters = parse({"from": ["1975"], "to": ["1980"]}, STATES, RESOLUTIONS, years=(1975, 2026))
    assert (filters.from_year, filters.to_year) == (1975, 1980) and filters.warnings == ()
    refused = parse({"from": ["1974"]}, STATES, RESOLUTIONS, years=(1975, 2026))
    assert refused.from_year is None
    assert refused.warnings == ("Ignored from='1974': expected a year between 1975 and 2026.",)
    assert parse({"from": ["1946"]}, STATES, RESOLUTIONS, YEARS).from_year == 1946  # the data's bounds: 1946 to 2026


def test_a_page_narrows_its_own_range_by_the_url():
    assert year_span(Filters(), 1998, 2026) == (1998, 2026)  # the track pages: both tracks' record
    assert year_span(Filters(), 1975, 2018) == (1975, 2018)  # the Alignment page: the data's range
    assert year_span(Filters(from_year=1980), 1975, 2018) == (1980, 2018)
    assert year_span(Filters(from_year=1980, to_year=2030), 1998, 2026) == (1998, 2026)  # clamped to the page


def test_slider_values_become_filters():
    assert years_from_range((1998, 2026), Filters(), 1998, 2026) == {"from_year": None, "to_year": None}
    assert years_from_range((2005, 2026), Filters(), 1998, 2026) == {"from_year": 2005, "to_year": None}
    # An unmoved slider keeps a 1975 start that the 1998 floor of a track page could not show.
    assert years_from_range((1998, 2026), Filters(from_year=1975), 1998, 2026) == {"from_year": 1975, "to_year": None}
    assert years_from_range((1980, 2018), Filters(), 1975, 2018) == {"from_year": 1980, "to_year": None}


def test_describe_states_the_years_asked_for():
    assert describe(Filters()) == "All states, both tracks, all years"
    assert describe(Filters(from_year=1975, to_year=2016)) == "Years 1975–2016"
    assert describe(Filters(from_year=1975)) == "Years from 1975"
    assert to_params(Filters(from_year=1998)) == {"from": "1998"}  # asked for explicitly: kept in the URL


def test_states_by_the_names_people_use():
    from cyberdiplomacy import state_names

    spellings = state_names.lookup([("BRA", "Brazil"), ("TUR", "Türkiye"), ("GBR", "United Kingdom of Great Britain "
                                    "and Northern Ireland"), ("KOR", "Republic of Korea"), ("CIV", "Côte d'Ivoire"),
                                    ("CZE", "Czechia"), ("USA", "United States of America")])
    result = parse({"state": "Brazil,turkey,UK,South Korea,cote d'ivoire,Czech Republic,usa,Türkiye"},
                           spellings, set(), YEARS)
    assert result.states == ("BRA", "TUR", "GBR", "KOR", "CIV", "CZE", "USA")
    assert result.warnings == ()
    unknown = parse({"state": "Atlantis"}, spellings, set(), YEARS)
    assert unknown.states == () and unknown.warnings == (
        "Unknown state code 'Atlantis': use ISO 3166 alpha-3 codes such as RUS or USA, or a name such as Brazil.",)


def test_the_data_and_sources_search_is_in_the_url():
    filters = parse({"search": ["Hanoi, Viet Nam"]}, STATES, RESOLUTIONS, YEARS)
    assert filters.search == "Hanoi, Viet Nam"  # free text: not split at the comma
    assert to_params(filters) == {"search": "Hanoi, Viet Nam"}
    assert describe(filters) == "Rows containing 'Hanoi, Viet Nam'"
    too_long = parse({"search": ["x" * 150]}, STATES, RESOLUTIONS, YEARS)
    assert too_long.search == "" and too_long.warnings == ("Ignored search: longer than 100 characters.",)
    assert parse({"search": ["Fra\x00nce"]}, STATES, RESOLUTIONS, YEARS).search == "France"


def test_the_open_section_is_in_the_url():
    filters = parse({"view": ["Cohesion"]}, STATES, RESOLUTIONS, YEARS)
    assert filters.view == "cohesion" and to_params(filters) == {"view": "cohesion"}
    bad = parse({"view": ["<script>"]}, STATES, RESOLUTIONS, YEARS)
    assert bad.view == "" and bad.warnings == ("Ignored view='<script>': expected a section name such as "
                                               "'cohesion'.",)
