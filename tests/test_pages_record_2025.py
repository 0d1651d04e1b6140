"""The pages on the real record after 2019 (the UN's machine-readable resolutions): each link below failed before
the record reached 2025 (77/37 opened 73/187, the 2020 lineage raised a TypeError, Alignment's years snapped to
2019 without a word)."""
from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.markdown_support import markdown_shown


@pytest.fixture(autouse=True)
def real_warehouse(real_db, monkeypatch):
    monkeypatch.setenv("CYBERDIPLOMACY_DB", str(real_db))


def open_page(page: str, **params) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page)
    return at.run()


def titles(at: AppTest) -> list[str]:
    return [json.loads(el.proto.spec)["layout"]["meta"]["title"] for el in at.get("plotly_chart")]


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def test_a_link_to_the_2022_programme_of_action_opens_its_vote():
    at = open_page("pages/1_Resolution_history.py", resolution="77/37")
    assert_clean(at)
    assert at.selectbox(key="resolution").value == "A/RES/77/37"
    assert not [i.value for i in at.info if "no per-state votes" in i.value or "adopted without a vote" in i.value]
    assert "A/RES/77/37: 156 yes, 7 no, 14 abstentions" in titles(at)


def test_a_link_to_a_text_adopted_without_a_vote_opens_that_text_and_says_so():
    at = open_page("pages/1_Resolution_history.py", resolution="79/243")
    assert_clean(at)
    assert at.selectbox(key="resolution").value == "A/RES/79/243"
    assert [i.value for i in at.info if "79/243" in i.value] == [
        "A/RES/79/243 was adopted without a vote: there is no vote to draw. Its story, sponsors and documents follow."]
    assert titles(at) == []  # no vote chart of another text


def test_the_lineage_from_2020_draws_the_later_votes():
    at = open_page("pages/1_Resolution_history.py", view="lineage", **{"from": "2020"})
    assert_clean(at)
    history = next(t for t in titles(at) if "most divisive" in t)
    assert history == "A/RES/75/240 was the most divisive recorded vote: 92–50–21"


def test_the_lineage_of_years_without_a_recorded_vote_draws_and_says_so():
    at = open_page("pages/1_Resolution_history.py", view="lineage", **{"from": "2025"})
    assert_clean(at)
    assert "No recorded vote in this selection" in titles(at)


def test_alignment_from_2020_draws_2020_onwards():
    at = open_page("pages/6_Alignment.py", view="agreement", **{"from": "2020"})
    assert_clean(at)
    assert at.slider[0].value == (2020, 2023)
    assert not [i.value for i in at.info if "The link asks for" in i.value]


def test_alignment_says_what_it_clamped():
    at = open_page("pages/6_Alignment.py", view="agreement", **{"from": "2024"})
    assert_clean(at)
    assert "The link asks for 2024 onwards, but the recorded votes on ICT resolutions run 2005–2023: showing 2023." \
        in [i.value for i in at.info]


def test_the_swing_follows_the_oewg_line():
    at = open_page("pages/6_Alignment.py", view="swing")
    at.selectbox(key="swing_step").set_value("oewg-2022").run()
    assert_clean(at)
    assert titles(at) == ["From A/RES/75/240 to A/RES/77/36: 6 states moved towards no, 16 towards yes"]
    at.selectbox(key="swing_step").set_value("oewg-2023").run()
    assert titles(at) == ["From A/RES/77/36 to A/RES/78/237: 2 states moved towards no, 1 towards yes"]


def test_the_2022_camps_side_by_side():
    at = open_page("pages/1_Resolution_history.py", view="competing")
    at.selectbox(key="competing_pair").set_value("2022").run()
    assert_clean(at)
    # 77/36 (the OEWG line) and 77/37 (the Programme of Action), 7 December 2022: the seven against 77/37 backed only
    # 77/36; the 52 against 77/36 backed only 77/37.
    assert titles(at) == ["59 states backed one text and opposed the other",
                          "Two camps: 7 states backed only A/RES/77/36, 52 only A/RES/77/37"]


def test_a_link_to_a_text_of_a_pair_opens_that_pair():
    at = open_page("pages/1_Resolution_history.py", view="competing", resolution="A/RES/73/187")
    assert_clean(at)
    assert at.selectbox(key="competing_pair").value == "2018–19 criminal track"
    at = open_page("pages/1_Resolution_history.py", view="competing", resolution="A/RES/78/16")
    assert at.selectbox(key="competing_pair").value == "2023"


def test_texts_open_on_the_convention_with_its_articles():
    at = open_page("pages/7_Texts.py")
    assert_clean(at)
    assert at.selectbox(key="text_read").value == "A/RES/79/243"
    words = "\n".join(m.value for m in at.markdown)
    assert "Article 6\\. Respect for human rights" in words or "Article 6. Respect for human rights" in words


def test_the_2022_camps_compared_paragraph_by_paragraph():
    at = open_page("pages/7_Texts.py", view="compare")
    assert_clean(at)
    assert at.selectbox(key="compare_pair").value == "2022: 77/36 vs 77/37 (the OEWG text vs the Programme of " \
                                                     "Action text)"
    assert any(markdown_shown(m.value).startswith("**77/37 against 77/36: 5 operative paragraphs (4 new, 6 dropped)")
               for m in at.markdown)


def test_a_link_to_a_text_compares_it_with_the_one_before_it_in_its_line():
    at = open_page("pages/7_Texts.py", view="compare", resolution="75/282")
    assert_clean(at)
    assert at.selectbox(key="compare_pair").value == "74/247 → 75/282 (the text before it in its line)"


def test_a_search_counts_paragraphs_per_year_and_keeps_the_term_in_the_link():
    at = open_page("pages/7_Texts.py", view="search", search="Budapest")
    assert_clean(at)
    assert at.query_params["search"] == "Budapest"
    assert titles(at) == ["“Budapest” appears in no paragraph of the record's texts"]
    at.text_input(key="text_search").set_value("capacity-building").run()
    assert_clean(at)
    assert at.query_params["search"] == "capacity-building"
    assert titles(at)[0].startswith("“capacity-building” appears in ")


def test_a_hostile_search_term_is_shown_as_text():
    at = open_page("pages/7_Texts.py", view="search", search="![x](http://127.0.0.1:9/b.png) <a href='https://e.x'>")
    assert_clean(at)
    from markdown_it import MarkdownIt

    render = MarkdownIt("commonmark", {"html": True}).render
    shown = [render(m.value) for m in [*at.markdown, *at.info, *at.caption]]
    assert any("127.0.0.1:9/b.png" in html for html in shown)  # the term is shown ...
    assert not any("<img" in html or "<a href='https://e.x'" in html for html in shown)  # ... as text
