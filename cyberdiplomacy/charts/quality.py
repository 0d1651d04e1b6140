"""Figures about the record itself (Data & sources): how sure each table's rows are."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import vocabulary
from cyberdiplomacy.charts import footer, theme
from cyberdiplomacy.charts.states import AXIS_WITH_TITLE_PX


def confidence_bars(quality: pd.DataFrame, built) -> go.Figure:
    """Each table's rows by confidence as shares of the table (tables.data_quality), row counts in the labels:
    tables differ a hundredfold in size, and stacked bars on a log axis would misdraw the parts."""
    rows = quality[quality["row_count"] > 0].sort_values("row_count")
    labels = [f"{name} ({count:,} rows)" for name, count in zip(rows["table_name"], rows["row_count"], strict=True)]
    fig = go.Figure()
    for level in vocabulary.CONFIDENCE_ORDER:
        counts = rows[f"{level}_row_count"]
        fig.add_bar(x=counts / rows["row_count"], y=labels, orientation="h", name=level, customdata=counts,
                    marker_color=theme.CONFIDENCE_COLOURS[level],
                    hovertemplate="%{y}: %{customdata:,} " + level + " rows (%{x:.0%})<extra></extra>")
    fig.update_layout(barmode="stack", height=200 + 34 * len(rows),
                      xaxis=dict(title="Share of the table's rows", tickformat=".0%", range=[0, 1]),
                      yaxis=dict(title=None), legend=dict(title=None, traceorder="normal"))
    total = int(rows["row_count"].sum())
    confirmed = int(rows["confirmed_row_count"].sum())
    title = (f"{confirmed:,} of {total:,} rows ({confirmed / total:.0%}) are confirmed by a UN or official source "
             "or two reputable ones"
             if total else "No rows on record")
    fig = theme.finish(fig, title, ["every table of the data contract (data/ and the bundled history)"], built,
                       "Each table's rows by how sure the fact is; its size after its name")
    return footer.reserve(fig, AXIS_WITH_TITLE_PX)  # the axis title sat on the footer's first line
