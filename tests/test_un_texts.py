"""The words of the record's texts (etl/untexts.py): paragraphs and citations, on the real bundled texts and on
plain strings written here."""
from __future__ import annotations

import re

import pytest

from etl import untexts

SEED_RECALLED = ["A/RES/53/70", "A/RES/54/49", "A/RES/55/28", "A/RES/56/19", "A/RES/57/53", "A/RES/58/32",
                 "A/RES/59/61", "A/RES/60/45", "A/RES/61/54", "A/RES/62/17", "A/RES/63/37", "A/RES/64/25",
                 "A/RES/65/41", "A/RES/66/24", "A/RES/66/181", "A/RES/67/27", "A/RES/68/193", "A/RES/68/243",
                 "A/RES/69/28", "A/RES/70/237", "A/RES/71/28", "A/RES/72/196"]


@pytest.fixture(scope="module")
def con(real_con):
    return real_con


def test_the_convention_has_its_68_articles_in_nine_chapters_in_order(con):
    paths = [r[0] for r in con.execute("SELECT heading_path FROM text_paragraphs WHERE text_symbol = 'A/RES/79/243' "
                                       "AND heading_path LIKE 'Chapter%' ORDER BY paragraph_order").fetchall()]
    articles = list(dict.fromkeys(p.split(" › ")[1] for p in paths))
    assert [int(re.match(r"Article (\d+)\.", a).group(1)) for a in articles] == list(range(1, 69))
    assert (articles[0], articles[5], articles[-1]) == (
        "Article 1. Statement of purpose", "Article 6. Respect for human rights", "Article 68. Depositary and languages")
    assert list(dict.fromkeys(p.split(" › ")[0] for p in paths)) == [
        "Chapter I. General provisions", "Chapter II. Criminalization", "Chapter III. Jurisdiction",
        "Chapter IV. Procedural measures and law enforcement", "Chapter V. International cooperation",
        "Chapter VI. Preventive measures", "Chapter VII. Technical assistance and information exchange",
        "Chapter VIII. Mechanism of implementation", "Chapter IX. Final provisions"]


def test_the_2020_oewg_text_decides_to_convene_the_working_group(con):
    first = con.execute("SELECT paragraph_number, paragraph_text FROM text_paragraphs WHERE text_symbol = 'A/RES/75/240' "
                        "AND part = 'operative' ORDER BY paragraph_order LIMIT 1").fetchone()
    assert first[0] == "1."
    assert first[1].startswith("Decides to convene, starting from 2021, with a view to ensuring the uninterrupted and "
                               "continuous nature of the democratic, inclusive and transparent negotiation process")
    assert "a new open-ended working group on security of and in the use of information and communications " \
           "technologies 2021–2025" in first[1]


def test_the_programme_of_action_cites_both_2018_texts(con):
    cited = {r[0] for r in con.execute("SELECT cited_symbol FROM text_citations WHERE text_symbol = 'A/RES/77/37'"
                                       ).fetchall()}
    assert {"A/RES/73/27", "A/RES/73/266"} <= cited
    words = " ".join(r[0] for r in con.execute("SELECT paragraph_text FROM text_paragraphs "
                                               "WHERE text_symbol = 'A/RES/77/37'").fetchall())
    assert "73/27" in words and "73/266" in words  # cited in the text itself, not only in a footnote


def test_the_seed_draft_recalls_the_22_resolutions(con):
    paragraph = con.execute("SELECT paragraph_order FROM text_paragraphs WHERE text_symbol = 'A/C.3/73/L.9/Rev.1' "
                            "AND paragraph_text LIKE 'Recalling its resolutions 53/70%'").fetchone()[0]
    assert sorted(r[0] for r in con.execute("SELECT cited_symbol FROM text_citations "
                                            "WHERE text_symbol = 'A/C.3/73/L.9/Rev.1' AND paragraph_order = $p",
                                            {"p": paragraph}).fetchall()) == sorted(SEED_RECALLED)
    # The draft's words belong to the resolution adopted from it.
    assert con.execute("SELECT DISTINCT resolution_symbol FROM text_paragraphs "
                       "WHERE text_symbol = 'A/C.3/73/L.9/Rev.1'").fetchall() == [("A/RES/73/187",)]


def test_the_texts_state_two_first_committee_lines(con):
    # Each 2023 text names its own 2022 predecessor and not the rival's: the OEWG line and the Programme of Action.
    lineage = dict(con.execute("SELECT resolution_symbol, cited_record_symbols FROM text_lineage").fetchall())
    assert "A/RES/77/36" in lineage["A/RES/78/237"] and "A/RES/77/37" not in lineage["A/RES/78/237"]
    assert "A/RES/77/37" in lineage["A/RES/78/16"] and "A/RES/77/36" not in lineage["A/RES/78/16"]


def test_numbers_in_words_are_resolutions_or_commission_resolutions():
    assert untexts.cited_in_text("Recalling its resolutions 53/70 of 4 December 1998 and 54/49, and A/74/130,") == [
        ("A/RES/53/70", "53/70"), ("A/RES/54/49", "54/49"), ("A/74/130", "A/74/130")]
    assert untexts.cited_in_text("Recalling resolution 22/8 of 26 April 2013 of the Commission on Crime Prevention "
                                 "and Criminal Justice,") == [("CCPCJ 22/8", "22/8")]
    assert untexts.cited_in_text("Noting the 2021–2025 period and 12/2020 figures") == []  # no 'resolution': no number
