"""What a briefing pack holds: a page-1 brief, figures with their findings, annex tables and references.

A chart's figure is drawn from the same categories and series that a PowerPoint native chart gets, so the
deck and the PDF show the same numbers (tests compare them)."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import citation, provenance
from cyberdiplomacy.charts import theme

NATIVE_KINDS = ("bar", "stacked_bar", "line")


@dataclass
class Chart:
    """One figure: its finding as the title, a one-line caption saying what to look at, its sources.

    kind 'bar' / 'stacked_bar' / 'line' carry categories and series (a native chart in the deck);
    'image' (maps, Gantt) is drawn only as a picture."""
    kind: str
    title: str
    caption: str
    fig: go.Figure
    sources: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    series: dict[str, list[float]] = field(default_factory=dict)
    horizontal: bool = False
    percent: bool = False
    colours: dict[str, str] = field(default_factory=dict)
    table: pd.DataFrame | None = None


@dataclass
class Table:
    """An annex table: every row, with app labels, in the workbook.

    A table too long to brief from (192 partners) is printed as `shown`, a chosen part, with `cut` saying which part
    (the PDF then says the full table is in the attached workbook): never cut without saying so."""
    key: str  # sheet name in the XLSX
    title: str
    frame: pd.DataFrame
    intro: str = ""
    shown: pd.DataFrame | None = None
    cut: str = ""  # 'the 10 closest and 10 farthest partners', said beside the shown rows

    @property
    def printed(self) -> pd.DataFrame:
        return self.frame if self.shown is None else self.shown


@dataclass
class Reference:
    number: int
    ref: str
    title: str
    url: str


@dataclass
class Briefing:
    kind: str  # 'state', 'comparison' or 'resolution'
    title: str
    subtitle: str
    summary: list[str]  # paragraphs of page 1, every sentence generated from the warehouse
    key_figures: list[tuple[str, str]]  # (label, value) for the panel
    lead: Chart | None
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    build: dict = field(default_factory=dict)
    comparison: pd.DataFrame | None = None  # side-by-side facts for comparison packs (rows: facts, columns: states)
    facts: dict = field(default_factory=dict)  # the numbers behind the summary, for tests and notes
    view_url: str = ""  # the app view the pack was made from, for its citation (empty from the command line)

    @property
    def sources(self) -> list[str]:
        return [r.ref for r in self.references]

    @property
    def attribution(self) -> str:
        return provenance.attribution_for(self.sources)

    @property
    def data_date(self) -> str:
        return str(self.build.get("data_built_date", ""))[:10] or "unknown"

    @property
    def cite(self) -> dict:
        """APA line and BibTeX entry for the pack: data version, build date, view and sources."""
        return citation.figure_citation(self.build, self.view_url, self.sources, self.title, "Briefing pack")

    @property
    def citation(self) -> str:
        return self.cite["apa"]

    @property
    def all_charts(self) -> list[Chart]:
        return ([self.lead] if self.lead else []) + self.charts

    def reference_numbers(self, cell) -> str:
        """'[2], [5]' for a source cell ('A ; B'), so annex tables cite the numbered reference list."""
        numbers = {r.ref: r.number for r in self.references}
        parts = [p.strip() for p in str(cell or "").split(" ; ") if p.strip()]
        return ", ".join(f"[{numbers[p]}]" if p in numbers else p for p in parts)


def _percent_text(values) -> list[str]:
    return [f"{v:.0%}" if pd.notna(v) else "" for v in values]


def bar_chart(title: str, caption: str, categories: list[str], series: dict[str, list[float]], *,
              sources: list[str], built: str, colours: dict[str, str] | None = None, stacked: bool = False,
              horizontal: bool = False, percent: bool = False, axis_title: str = "", subtitle: str = "",
              table: pd.DataFrame | None = None) -> Chart:
    """A bar chart drawn from `series` (one trace per series, values in category order)."""
    colours = colours or {}
    fig = go.Figure()
    for name, values in series.items():
        text = _percent_text(values) if percent else [f"{v:g}" if pd.notna(v) else "" for v in values]
        kwargs = dict(x=values, y=categories, orientation="h") if horizontal else dict(x=categories, y=values)
        fig.add_bar(name=name, text=text, textposition="inside" if stacked else "outside",
                    marker_color=colours.get(name), cliponaxis=False, **kwargs)
    value_axis = dict(title=axis_title or None, tickformat=".0%" if percent else None,
                      range=[0, 1.08] if percent and not stacked else None)
    category_axis = dict(title=None, autorange="reversed") if horizontal else dict(title=None, type="category")
    fig.update_layout(barmode="stack" if stacked else "group",
                      xaxis=value_axis if horizontal else category_axis,
                      yaxis=category_axis if horizontal else value_axis,
                      uniformtext=dict(minsize=9, mode="hide"))
    theme.finish(fig, title, sources, built, subtitle)
    return Chart("stacked_bar" if stacked else "bar", title, caption, fig, list(sources), list(categories),
                 {k: [float(v) if pd.notna(v) else None for v in vals] for k, vals in series.items()},
                 horizontal, percent, dict(colours), table)


def image_chart(fig: go.Figure, caption: str, table: pd.DataFrame | None = None, title: str | None = None) -> Chart:
    meta = fig.layout.meta or {}
    return Chart("image", title or meta.get("title", ""), caption, fig, list(meta.get("sources", [])), table=table)


def figure_sources(chart: Chart) -> list[str]:
    return list(dict.fromkeys(s for s in chart.sources if s))
