"""One vote state by state: a square per member in rows by regional group, those against their group's majority
first, outlined and labelled."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import safe_text, vocabulary
from cyberdiplomacy.charts import theme

# A row of squares fits a phone at this length (about 13 px a square in the 260 px beside the group names); longer
# groups wrap. Group names are the UN's own short forms, the full ones in hovers and the table.
ROW_LENGTH = 20
ROW_PX = 26
GROUP_GAP = 0.8  # rows of space between two groups
GROUP_SHORT = {"African States": "African", "Asia-Pacific States": "Asia-Pacific",
               "Eastern European States": "E. European", "Latin American and Caribbean States": "GRULAC",
               "Western European and other States": "WEOG", "No regional group": "No group"}
AGAINST_LABEL = "Against its group's majority"


def _placed(roll: pd.DataFrame) -> tuple[pd.DataFrame, list[float], list[str]]:
    """x, y of each state's square; the y of each group's first row and its label."""
    placed, ticks, labels, top = [], [], [], 0.0
    for group, rows in roll.groupby("un_regional_group", sort=False):
        position = pd.RangeIndex(len(rows))
        placed.append(rows.assign(x=position % ROW_LENGTH, y=-(top + position // ROW_LENGTH)))
        ticks.append(-top)
        labels.append(GROUP_SHORT.get(group, group))
        top += (len(rows) - 1) // ROW_LENGTH + 1 + GROUP_GAP
    return (pd.concat(placed) if placed else roll.assign(x=[], y=[])), ticks, labels


def vote_roll(roll: pd.DataFrame, symbol: str, built, sources: list[str]) -> go.Figure:
    """Each member a square coloured by its vote, in rows by regional group (roll_call.roll order)."""
    placed, ticks, labels = _placed(roll)
    drawn = safe_text.plotly_cells(placed[["state_name", "iso3", "un_regional_group", "group_position"]])
    fig = go.Figure()
    for code in vocabulary.VOTE_ORDER:
        part = placed["vote"] == code
        if not part.any():
            continue
        against = placed.loc[part, "is_against_group_majority"].to_numpy(dtype=bool)
        fig.add_scatter(x=placed.loc[part, "x"], y=placed.loc[part, "y"], mode="markers+text",
                        name=vocabulary.VOTE_LABELS[code], text=drawn.loc[part, "iso3"].where(against, ""),
                        # Above and below in turn: side by side, two codes are wider than two squares on a phone.
                        textposition=["top center" if x % 2 == 0 else "bottom center" for x in placed.loc[part, "x"]],
                        textfont=dict(size=9),
                        marker=dict(symbol="square", size=10, color=theme.VOTE_COLOURS[code],
                                    line=dict(color="#000000", width=[2.5 if a else 0 for a in against])),
                        customdata=drawn.loc[part, ["state_name", "un_regional_group", "group_position"]],
                        hovertemplate="%{customdata[0]}: " + vocabulary.VOTE_LABELS[code]
                        + "<br>%{customdata[1]}: %{customdata[2]}<extra></extra>")
    fig.add_scatter(x=[None], y=[None], mode="markers", name=AGAINST_LABEL,
                    marker=dict(symbol="square-open", size=10, color="#000000", line=dict(width=2.5)))
    fig.update_layout(xaxis=dict(visible=False, range=[-0.8, ROW_LENGTH - 0.2]),
                      yaxis=dict(tickvals=ticks, ticktext=labels, showgrid=False, zeroline=False, title=None,
                                 range=[min(placed["y"], default=0) - 0.8, 0.9]),
                      height=160 + int(ROW_PX * (1 - min(placed["y"], default=1))))
    count = int(roll["is_against_group_majority"].sum())
    title = (f"{symbol}: {count} {'state' if count == 1 else 'states'} voted against their regional group's majority"
             if count else f"{symbol}: no state voted against its regional group's majority")
    subtitle = ("Each square a member state, in rows by UN regional group; outlined and named: against the group's "
                "majority (more than half of its members casting a vote)")
    return theme.finish(fig, title, sources, built, subtitle)
