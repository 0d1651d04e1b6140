"""Words the pages show, on the synthetic fixture world: a text's story says unknowns as unknown."""
from __future__ import annotations

from cyberdiplomacy import queries, safe_text, views


def story(con, symbol: str) -> str:
    history = queries.resolution_history(con)
    return views.history.resolution_story(views.history.row_for(history, symbol), queries.resolution_sponsors(con, symbol),
                                   queries.states(con))


def test_a_text_with_its_whole_story_on_record(world_con):
    assert story(world_con, "A/RES/99/2").splitlines() == [
        r"**A\/RES\/99\/2**: Fixture text two",  # outside text escaped: it reads the same, and cannot link
        r"- Draft [A\/C\.3\/99\/L\.2](https://undocs.org/A/C.3/99/L.2), tabled by Russian Federation",
        "- Sponsors on record: 1 printed on the draft, 1 joined later (2 states, listed below)",
        "- Third Committee: approved by a recorded vote of 2–2–0 on 14 November 2018",
        "- General Assembly: adopted by a recorded vote of 2–1–1 on 17 December 2018, "
        r"[A\/99\/PV\.2](https://undocs.org/A/99/PV.2)"]


def test_unknown_facts_are_said_to_be_unknown(world_con):
    assert story(world_con, "A/RES/99/4").splitlines() == [
        r"**A\/RES\/99\/4**: Fixture text four",
        "- Draft: not on record",
        "- Sponsors: not on record (unknown, not none)",
        "- First Committee: its decision is not on record",
        "- General Assembly: adopted (how and date not on record)"]
    assert views.history.resolution_story(None, queries.resolution_sponsors(world_con, "x"), queries.states(world_con)) == \
        "No text on record."


def test_a_link_to_a_text_without_recorded_votes_says_why_there_is_no_vote_chart():
    assert views.history.no_state_votes_text("A/RES/79/243", "without_vote") == (
        "A/RES/79/243 was adopted without a vote: there is no vote to draw. Its story, sponsors and documents follow.")
    assert views.history.no_state_votes_text("A/DEC/78/549", None).startswith(
        "A/DEC/78/549 has no per-state votes on record (how it was adopted is not on record)")


def test_bodies_by_the_names_people_use():
    import pandas as pd

    from cyberdiplomacy import views

    bodies = pd.DataFrame({"body_short": ["AHC", "GGE 2004-2005", "GGE 2019-2021", "IEG"], "body": [
        "Ad Hoc Committee to Elaborate a Comprehensive International Convention",
        "Group of Governmental Experts on Developments", "Group of Governmental Experts on Advancing",
        "Open-ended intergovernmental Expert Group to Conduct a Comprehensive Study on Cybercrime"]})
    assert views.meetings.matching_bodies("Ad Hoc", bodies) == ["AHC"]
    assert views.meetings.matching_bodies("ahc", bodies) == ["AHC"]
    assert views.meetings.matching_bodies("GGE", bodies) == ["GGE 2004-2005", "GGE 2019-2021"]
    assert views.meetings.matching_bodies("expert group", bodies) == ["IEG"]
    assert views.meetings.matching_bodies("a", bodies) == []  # too short to mean anything
    assert views.meetings.known_bodies(("Ad Hoc", "Atlantis"), bodies) == (["AHC"], (
        "Unknown body 'Atlantis': choose from the Bodies list (a short name such as AHC, or words of the name such "
        "as Ad Hoc)."))


def test_a_chart_title_shows_as_written_in_markdown():
    assert safe_text.markdown("A/RES/73/187: 94–59–33, $5 *not* :red[x]") == (
        r"A\/RES\/73\/187\: 94–59–33\, \$5 \*not\* \:red\[x\]")
    assert safe_text.plotly_text_as_markdown("Tied: China<br>10 closest · <i>votes</i>") == (
        "Tied\\: China  \n10 closest · votes")


def test_session_dates_say_only_what_is_known():
    from cyberdiplomacy.views.meetings import when

    assert when("2022-05-30", "2022-06-10", "day") == "30 May – 10 Jun 2022"
    assert when("2021-05-10", "2021-05-12", "day") == "10–12 May 2021"
    assert when("2022-02-24", "2022-02-24", "day") == "24 Feb 2022"
    assert when("2019-12-01", "2021-05-31", "day") == "1 Dec 2019 – 31 May 2021"
    assert when("2012-08-01", "2013-06-30", "month") == "Aug 2012 – Jun 2013"
    assert when("2004-01-01", "2005-12-31", "year") == "2004–2005"


def test_an_outcome_links_only_un_symbols_and_only_to_undocs():
    from cyberdiplomacy.views.meetings import outcome_text

    assert outcome_text("A/76/135") == r"outcome: [A\/76\/135](https://undocs.org/A/76/135)"
    assert outcome_text("E/2013/30 ; ETS No. 185") == (
        r"outcome: [E\/2013\/30](https://undocs.org/E/2013/30), ETS No\. 185")
    assert outcome_text(None) == outcome_text(" ; ") == "outcome document not on record"
    # A symbol written to escape its link stays text in the link, and the address stays on undocs.org.
    hostile = outcome_text("A/1](https://evil.example) ; [x](javascript:alert(1))")
    assert hostile == (r"outcome: [A\/1\]\(https\:\/\/evil\.example\)](https://undocs.org/A/1%5D%28https%3A//evil.example%29)"
                       r", \[x\]\(javascript\:alert\(1\)\)")
