"""The state filter as a lens: the chosen states outlined and named on a map figure drawn elsewhere."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import vocabulary

LENS_COLOUR = "#000000"
CLEAR = [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]]


def outline_states(fig: go.Figure, votes: pd.DataFrame, iso3s, vote_column: str = "vote") -> go.Figure:
    """Outline the chosen states on a vote map (fill unchanged) and write their code and vote next to them."""
    chosen = votes[votes["iso3"].isin(list(iso3s))]
    if chosen.empty:
        return fig
    labels = chosen[vote_column].map(vocabulary.VOTE_LABELS).fillna("no record")
    hover = chosen["state_name"] + ": " + labels
    fig.add_choropleth(locations=chosen["iso3"], z=[1] * len(chosen), locationmode="ISO-3", colorscale=CLEAR,
                       showscale=False, marker_line_color=LENS_COLOUR, marker_line_width=2.5, name="Your states",
                       text=hover, hovertemplate="%{text}<extra></extra>", showlegend=False)
    fig.add_scattergeo(locations=chosen["iso3"], locationmode="ISO-3", mode="markers+text",
                       text=chosen["iso3"] + " · " + labels, textposition="top center",
                       textfont=dict(size=12, color=LENS_COLOUR), marker=dict(size=5, color=LENS_COLOUR),
                       hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", showlegend=True,
                       name="Outlined: your states")
    return fig
