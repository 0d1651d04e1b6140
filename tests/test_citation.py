"""'Cite this figure': the text carries version, build date, the view's URL and the sources, in APA and BibTeX."""
from __future__ import annotations

import datetime as dt
import re

from cyberdiplomacy.citation import figure_citation, view_url

BUILD = {"data_version": "2026.12.01", "data_built_date": dt.date(2026, 12, 1), "citation": "ignored here"}
URL = "http://localhost:8501/Resolution_history?resolution=74/247"


def test_apa_line_names_version_date_url_and_sources():
    cite = figure_citation(BUILD, URL, ["A/RES/74/247", "GA/12235", "A/RES/74/247", ""], "How states voted on 74/247")
    assert cite["apa"] == (
        "Cybercrime Diplomacy Dashboard contributors. (2026). How states voted on 74/247 (Data version 2026.12.01, "
        "built 2026-12-01) [Figure]. Cybercrime Diplomacy Dashboard. "
        "http://localhost:8501/Resolution_history?resolution=74/247 Sources: A/RES/74/247; GA/12235.")


def test_bibtex_entry_is_well_formed_and_escaped():
    cite = figure_citation(BUILD, URL + "&x=50%_off", ["A/RES/73/187"], "Votes & sponsors: 100% #1_{x}")
    bib = cite["bibtex"]
    assert bib.startswith("@misc{cyberdiplomacy_2026_votes_sponsors_100_1,\n") and bib.endswith("\n}")
    assert bib.count("{") == bib.count("}")
    assert r"title = {{Votes \& sponsors: 100\% \#1\_\{x\}}}" in bib  # braced: BibTeX keeps its capitals
    assert "version = {2026.12.01}" in bib and "year = {2026}" in bib
    assert "url = {" + URL + "&x=50%_off}" in bib
    assert r"note = {Figure. Data version 2026.12.01, built 2026-12-01. Sources: A/RES/73/187.}" in bib
    assert cite["text"] == cite["apa"] + "\n\n" + bib + "\n"


def test_unknown_build_and_long_source_lists_say_so():
    cite = figure_citation({}, "", [f"S{i}" for i in range(20)], "Pack", kind="Briefing pack")
    assert "(n.d.)" in cite["apa"] and "Data version unknown, built unknown" in cite["apa"]
    assert "[Briefing pack]" in cite["apa"] and "S11; and 8 more." in cite["apa"]
    assert "year = {n.d.}" in cite["bibtex"] and "url =" not in cite["bibtex"]


def test_view_url_keeps_filters_readable():
    assert view_url("http://h/State_explorer", {"state": "RUS,USA", "from": "2018", "to": ""}) == (
        "http://h/State_explorer?state=RUS,USA&from=2018")
    assert view_url("http://h/", {}) == "http://h/"
    assert view_url("", {"resolution": "73/187"}) == "?resolution=73/187"


def test_apa_year_matches_build_date():
    cite = figure_citation({"data_version": "v", "data_built_date": "2027-01-05 10:00"}, "", [], "T")
    assert re.search(r"\(2027\)\. T \(Data version v, built 2027-01-05\)", cite["apa"])


def test_citation_cff_names_software_and_the_current_dataset():
    import json
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parent.parent
    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "software"
    assert {"message", "title", "authors", "version", "license"} <= cff.keys()
    dataset, voeten, un_resolutions = cff["references"]
    declared = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert dataset["type"] == "data" and dataset["version"] == declared["version"]
    assert voeten["doi"] == "10.7910/DVN/LEJUQZ"
    assert un_resolutions["url"] == declared["bundled"]["un_ga_resolutions"]["url"]
