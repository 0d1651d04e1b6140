"""Two texts compared paragraph by paragraph (cyberdiplomacy/views/text_compare.py), on hand-written paragraphs, and the
comparison shown as Markdown with every outside word escaped (cyberdiplomacy/views/texts.py)."""
from __future__ import annotations

import pandas as pd
from markdown_it import MarkdownIt

from cyberdiplomacy import views


def text(*paragraphs: tuple[str, str | None, str]) -> pd.DataFrame:
    return pd.DataFrame([{"paragraph_order": i, "part": part, "paragraph_number": number, "heading_path": None,
                          "paragraph_text": words} for i, (part, number, words) in enumerate(paragraphs, start=1)])


BEFORE = text(("preamble", None, "Recalling its resolution 74/247 of 27 December 2019,"),
              ("operative", "1.", "Decides to establish an ad hoc committee of experts,"),
              ("operative", "2.", "Requests the Secretary-General to provide support,"),
              ("operative", "3.", "Decides to include the item in its provisional agenda;"))
AFTER = text(("preamble", None, "Recalling its resolution 74/247 of 27 December 2019,"),
             ("operative", "1.", "Decides to establish an open-ended ad hoc intergovernmental committee of experts,"),
             ("operative", "2.", "Invites Member States to contribute to the work of the committee;"),
             ("operative", "3.", "Decides to include the item in its provisional agenda;"))


def test_the_comparison_marks_exactly_the_words_added_and_removed():
    aligned = views.text_compare.align(BEFORE, AFTER)
    assert list(aligned["change"]) == ["same", "changed", "removed", "added", "same"]
    changed = aligned[aligned["change"] == "changed"].iloc[0]
    assert changed["marked_text"] == ("Decides to establish an [+open-ended+] ad hoc [+intergovernmental+] "
                                      "committee of experts,")
    assert (changed["words_added"], changed["words_removed"]) == (2, 0)
    assert aligned[aligned["change"] == "removed"].iloc[0]["left_number"] == "2."
    assert aligned[aligned["change"] == "added"].iloc[0]["right_number"] == "2."
    assert views.text_compare.summary(aligned) == "3 operative paragraphs (1 new, 1 changed, 1 dropped); " \
                                            "1 preambular paragraph (unchanged)"


def test_a_text_against_itself_is_unchanged():
    aligned = views.text_compare.align(AFTER, AFTER)
    assert set(aligned["change"]) == {"same"}
    assert views.texts.comparison_markdown(aligned) == "The two texts have the same paragraphs."


def rendered(source: str) -> str:
    """The HTML a CommonMark renderer makes of the page's Markdown (raw HTML allowed, as a permissive one would)."""
    return MarkdownIt("commonmark", {"html": True}).render(source)


def test_markdown_and_html_in_a_paragraph_stay_text():
    hostile = text(("operative", "1.", "Decides [to act](https://evil.example) <img src=x onerror=alert(1)> *now*"))
    empty = pd.DataFrame(columns=["paragraph_order", "cited_symbol", "cited_in_record"])
    for source in (views.texts.comparison_markdown(views.text_compare.align(text(("operative", "1.", "Decides")), hostile)),
                   views.texts.text_markdown(hostile, empty)):
        html = rendered(source)
        assert "<a " not in html and "<img" not in html and "<em>now</em>" not in html
        assert "[to act](https://evil.example) &lt;img src=x onerror=alert(1)&gt; *now*" in html  # shown as written


def test_the_comparison_pdf_marks_words_and_keeps_outside_text_as_text():
    from cyberdiplomacy.briefing import comparison_pdf

    hostile = text(("operative", "1.", "Decides to establish an <img src=x> committee"))
    page = comparison_pdf.to_html(views.text_compare.align(text(("operative", "1.", "Decides to establish a committee")),
                                                     hostile), "A/RES/1/1", "A/RES/1/2",
                                  {"data_version": "v", "data_built_date": "2026-12-06"})
    assert "<img" not in page and "&lt;img src=x&gt;" in page
    assert "<del>a</del> <ins>an &lt;img src=x&gt;</ins>" in page
    assert "United Nations" in page and "Data built 2026-12-06" in page


def test_a_tie_between_years_is_said_as_a_tie():
    from cyberdiplomacy.charts import texts

    counts = pd.DataFrame({"adopted_year": [2019, 2020, 2024], "track": ["criminal_ict"] * 3,
                           "paragraph_count": [3, 1, 3], "occurrence_count": [3, 1, 4], "text_count": [1, 1, 1]})
    fig = texts.term_bars(counts, "human rights", "2026-12-06", ["x"])
    assert fig.layout.meta["title"] == ("“human rights” appears in 7 paragraphs of the record's texts, most in 2019 "
                                        "and 2024 (3 each)")
