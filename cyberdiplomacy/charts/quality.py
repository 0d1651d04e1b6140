"""Figures about the record itself (Data & sources): how sure each table's rows are."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy.charts import theme


def confidence_bars(quality: pd.DataFrame, built) -> go.Figure:
    """Rows per table by confidence (tables.data_quality), the most rows on top."""
    rows = quality.sort_values("row_count")
    fig = go.Figure()
    for level in theme.CONFIDENCE_ORDER:
        counts = rows[f"{level}_row_count"]
        fig.add_bar(x=counts, y=rows["table_name"], orientation="h", name=level,
                    marker_color=theme.CONFIDENCE_COLOURS[level],
                    hovertemplate="%{y}: %{x:,} " + level + " rows<extra></extra>")
    fig.update_layout(barmode="stack", height=200 + 34 * len(rows), xaxis=dict(title="Rows", type="log"),
                      yaxis=dict(title=None), legend=dict(title=None, traceorder="normal"))
    total = int(rows["row_count"].sum())
    confirmed = int(rows["confirmed_row_count"].sum())
    title = (f"{confirmed:,} of {total:,} rows ({confirmed / total:.0%}) are confirmed by a primary source or two"
             if total else "No rows on record")
    return theme.finish(fig, title, ["every table of the data contract (data/ and the bundled history)"], built,
                        "Rows per table by how sure the fact is; log scale, since votes outnumber texts a hundredfold")
