"""Figures about the words of the texts: how often a term appears, per year and track."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import vocabulary
from cyberdiplomacy.charts import theme


def term_bars(counts: pd.DataFrame, term: str, built, sources: list[str]) -> go.Figure:
    """Paragraphs using the term per year, stacked by track (input: text_views.term_counts)."""
    fig = go.Figure()
    for track in vocabulary.TRACK_LABELS:
        rows = counts[counts["track"] == track]
        fig.add_bar(x=rows["adopted_year"], y=rows["paragraph_count"], name=vocabulary.TRACK_SHORT_LABELS[track],
                    marker_color=theme.TRACK_COLOURS[track], customdata=rows[["occurrence_count", "text_count"]],
                    hovertemplate="%{x}: %{y} paragraphs in %{customdata[1]} texts (%{customdata[0]} uses)"
                                  "<extra></extra>")
    fig.update_layout(barmode="stack", xaxis=dict(title=None, dtick=1), yaxis_title="Paragraphs", height=380,
                      legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0))
    total, texts = int(counts["paragraph_count"].sum()), int(counts["text_count"].sum())
    if total:
        per_year = counts.groupby("adopted_year")["paragraph_count"].sum()
        top = [str(int(y)) for y in per_year[per_year == per_year.max()].index]  # a tie names every year in it
        most = (f"most in {top[0]} ({int(per_year.max())})" if len(top) == 1 else
                f"most in {', '.join(top[:-1])} and {top[-1]} ({int(per_year.max())} each)")
        title = f"“{term}” appears in {total} paragraph{'s' if total != 1 else ''} of the record's texts, {most}"
    else:
        title = f"“{term}” appears in no paragraph of the record's texts"
    subtitle = f"Paragraphs containing the term (any case), per year adopted and track · in {texts} texts"
    return theme.finish(fig, title, sources, built, subtitle)
