"""Agreement of chosen pairs of states over time: one line per pair, ICT votes above and all recorded votes below."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from cyberdiplomacy import safe_text, views, vocabulary
from cyberdiplomacy.charts import theme

PAIR_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#000000"]  # Okabe-Ito, one per pair
# Panel names as axis titles: a subplot title sat under the legend where a phone wraps it onto two lines.
PANELS = {"cyber": "ICT resolutions", "all": "All recorded votes"}


def agreement_over_time(table: pd.DataFrame, method: str, built, sources: list[str]) -> go.Figure:
    """Rows of views.states.agreement_by_year with names; a year without a shared vote breaks the line."""
    fig = make_subplots(rows=2, cols=1, vertical_spacing=0.12)
    pairs = table[["iso3", "other_iso3", "state_name", "other_state_name"]].drop_duplicates(["iso3", "other_iso3"])
    for i, (_, pair) in enumerate(pairs.iterrows()):
        label = safe_text.plotly(views.states.pair_label(pair))
        colour = PAIR_COLOURS[i % len(PAIR_COLOURS)]
        rows = table[(table["iso3"] == pair["iso3"]) & (table["other_iso3"] == pair["other_iso3"])]
        for row, scope in enumerate(PANELS, start=1):
            part = rows[rows["scope"] == scope]
            fig.add_scatter(x=part["year"], y=part["agreement_share"], mode="lines+markers+text" if scope == "cyber"
                            else "lines+markers", connectgaps=False, name=label, legendgroup=label,
                            showlegend=row == 1, line=dict(color=colour), marker=dict(color=colour, size=6),
                            text=part["shared_vote_count"].where(part["agreement_share"].notna(), "").astype(str),
                            textposition="top center", textfont=dict(size=9, color=colour),
                            customdata=part["shared_vote_count"], row=row, col=1,
                            hovertemplate=label + " %{x}: %{y:.0%} over %{customdata} shared votes<extra></extra>")
    fig.update_yaxes(range=[-0.05, 1.12], tickformat=".0%")
    for row, name in enumerate(PANELS.values(), start=1):
        fig.update_yaxes(title_text=name, title_font=dict(size=12), row=row, col=1)
    fig.update_xaxes(title=None, dtick=None)
    for row, scope in enumerate(PANELS, start=1):  # to the last year on record: autorange ran on past the data
        years = table.loc[table["scope"] == scope, "year"]
        if len(years):
            fig.update_xaxes(range=[int(years.min()) - 0.5, int(years.max()) + 0.5], row=row, col=1)
    fig.update_layout(height=620)
    subtitle = (f"{vocabulary.METHOD_LABELS[method]} · per year, over the recorded plenary votes both states cast (their "
                "number over each ICT point); a gap: no such vote that year")
    return theme.finish(fig, views.states.headline(table), sources, built, subtitle)
