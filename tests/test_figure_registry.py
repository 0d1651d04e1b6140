"""One set of named figures: every chart a page draws is the registry's figure of that name, built by the same code
as `python -m cyberdiplomacy export --figure NAME` and the briefing packs; pages hold no string dispatch."""
from __future__ import annotations

import json
import re
from pathlib import Path

import plotly.io as pio
import pytest
from streamlit.testing.v1 import AppTest

from cyberdiplomacy import figures, queries, state_names
from cyberdiplomacy import filters as url_filters
from cyberdiplomacy.__main__ import _parser
from cyberdiplomacy.charts import narrow

ROOT = Path(__file__).resolve().parent.parent
# Each page's sections (the `view` URL parameter), each once without parameters (the newcomer's first view) and once
# with a state (the researcher's lens).
VIEWS = {None: [""], "pages/1_Resolution_history.py": ["lineage", "text", "competing"],
         "pages/2_Sponsor_blocs.py": ["drafts", "together", "flows", "cohesion"],
         "pages/3_Meeting_timelines.py": ["days", "sessions"], "pages/4_State_explorer.py": ["partners", "over-time", "record"],
         "pages/5_Data_and_sources.py": ["confidence", "origins", "browse", "sources"],
         "pages/6_Alignment.py": ["agreement", "space", "cohesion", "swing", "all-votes"],
         "pages/7_Texts.py": ["read", "compare", "search"]}
VISITS = [(page, {**params, **({"view": view} if view else {})}) for page, views in VIEWS.items() for view in views
          for params in ({}, {"state": "RUS,CHN"})]
VISITS.append(("pages/7_Texts.py", {"view": "search", "search": "capacity-building"}))  # the search draws a chart


@pytest.fixture(scope="module")
def drawn_on_pages(real_db) -> list[dict]:
    import os

    os.environ["CYBERDIPLOMACY_DB"] = str(real_db)
    specs = []
    for page, params in VISITS:
        at = AppTest.from_file("../dashboard.py", default_timeout=90)
        for key, value in params.items():
            at.query_params[key] = value
        if page:
            at.switch_page(page)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert not [i.value for i in at.info if i.value.startswith("Unknown view")], (page, params)
        specs += [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    return specs


def _filters(con, view: dict) -> url_filters.Filters:
    states = queries.states(con)
    bounds = queries.year_bounds(con).iloc[0]
    return url_filters.parse(view, state_names.lookup(zip(states["iso3"], states["name"], strict=True)),
                             set(queries.resolution_history(con)["symbol"]),
                             (int(bounds["first_year"]), int(bounds["last_year"])))


def test_every_chart_on_a_page_is_the_registry_figure_of_its_name(drawn_on_pages, real_con):
    seen = set()
    for spec in drawn_on_pages:
        meta = spec["layout"]["meta"]
        name, choices = meta["figure"], {k: tuple(v) if isinstance(v, list) else v for k, v in meta["choices"].items()}
        # A page shows the figure's screen form: its title is page text above it, row labels above their rows (see
        # narrow.for_screen).
        rebuilt = narrow.for_screen(figures.build(name, figures.Direct(real_con), _filters(real_con, meta["view"]),
                                                 **choices).fig)
        assert json.loads(pio.to_json(rebuilt)) == {"data": spec["data"], "layout": spec["layout"]}, name
        seen.add(name)
    # Every registered figure is drawn by some page's section (no CLI-only or dead figure).
    assert seen == set(figures.FIGURES)


def test_the_cli_offers_every_registered_figure_and_nothing_else():
    export = next(a for a in _parser()._subparsers._group_actions[0].choices["export"]._actions if a.dest == "figure")
    assert list(export.choices) == list(figures.FIGURES)


def test_pages_name_queries_and_figures_by_function_not_by_string():
    for path in [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py"))]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"data\.(query|q)\(\s*[\"']", text), path.name
        assert "plotly_chart" not in text and "getattr(" not in text, path.name


def test_an_unknown_figure_name_is_a_plain_error(real_con):
    with pytest.raises(figures.FigureUnavailable, match="unknown figure 'vote-mapp'; choose one of: overview-timeline"):
        figures.build("vote-mapp", figures.Direct(real_con), url_filters.Filters())
