"""Figures for the alignment analysis: agreement heatmap, cohesion over time, vote space, swings."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import provenance, safe_text, state_names, vocabulary
from cyberdiplomacy.charts import footer, theme

CODE_AXIS_PX = 28  # one line of state codes under the plot


def agreement_heatmap(agreement: pd.DataFrame, labels: dict[str, str], method: str, scope_text: str, built,
                      sources: list[str]) -> go.Figure:
    """Pairs of chosen states, the share written in each cell (no colour bar to read it from). Rows name the state
    ('United States (USA)'), columns give its code: names rotated under a phone's narrow columns ran off its edge."""
    codes = list(agreement.index)
    names = [labels.get(i, i) for i in codes]
    text = safe_text.plotly  # names from the record are drawn as text
    rows = [text(f"{short} ({code})") for short, code in zip(state_names.short_names(codes, names), codes, strict=True)]
    pair_names = [[f"{text(a)} and {text(b)}" for b in names] for a in names]
    values = agreement.to_numpy()
    fig = go.Figure(go.Heatmap(z=values, x=[text(c) for c in codes], y=rows, zmin=0, zmax=1, colorscale="Cividis",
                               showscale=False,
                               text=[[f"{v:.0%}" if pd.notna(v) else "" for v in row] for row in values],
                               customdata=pair_names, texttemplate="%{text}",
                               hovertemplate="%{customdata}: %{z:.0%}<extra></extra>"))
    fig.update_layout(height=max(360, 150 + 45 * len(names)), yaxis=dict(autorange="reversed"),
                      xaxis=dict(side="bottom", tickangle=0))
    pairs = agreement.where(~pd.DataFrame(pd.Index(agreement.index).to_numpy()[:, None] ==
                                          pd.Index(agreement.columns).to_numpy()[None, :],
                                          index=agreement.index, columns=agreement.columns)).stack()
    if len(pairs):
        low = pairs.idxmin()
        title = f"{labels.get(low[0], low[0])} and {labels.get(low[1], low[1])} agreed least: {pairs.min():.0%}"
    else:
        title = "Agreement among the chosen states"
    fig = theme.finish(fig, title, sources, built, f"{vocabulary.METHOD_LABELS[method]} · {scope_text}")
    return footer.reserve(fig, CODE_AXIS_PX)


def cohesion_lines(by_year: pd.DataFrame, scope_text: str, built, sources: list[str]) -> go.Figure:
    fig = go.Figure()
    for bloc, part in by_year.groupby("bloc"):
        fig.add_scatter(x=part["year"], y=part["mean_agreement_index"], mode="lines+markers", name=bloc,
                        customdata=part["vote_count"],
                        hovertemplate=bloc + " %{x}: %{y:.2f} over %{customdata} votes<extra></extra>")
    fig.update_layout(yaxis=dict(range=[0, 1.02], title="Agreement index (Hix, Noury and Roland)"),
                      xaxis_title=None, height=420)
    means = by_year.groupby("bloc")["mean_agreement_index"].mean().sort_values()
    title = (f"{means.index[0]} was the least cohesive bloc, {means.index[-1]} the most" if len(means) > 1
             else "Bloc cohesion over time")
    return theme.finish(fig, title, sources, built, f"Yearly mean of the agreement index · {scope_text}")


def vote_space(points: pd.DataFrame, explained: tuple[float, float], scope_text: str, built,
               sources: list[str], highlight: list[str]) -> go.Figure:
    fig = go.Figure()
    for group in vocabulary.REGIONAL_GROUP_ORDER:
        part = points[points["un_regional_group"] == group]
        if part.empty:
            continue
        chosen = part["iso3"].isin(highlight)
        fig.add_scatter(x=part["x"], y=part["y"], mode="markers+text", name=group,
                        text=part["iso3"].where(chosen, ""), textposition="top center",
                        marker=dict(size=[14 if c else 8 for c in chosen], color=theme.REGIONAL_GROUP_COLOURS[group],
                                    line=dict(width=[2 if c else 0.5 for c in chosen], color="#222222")),
                        customdata=part["state_name"], hovertemplate="%{customdata}<extra></extra>")
    fig.update_layout(xaxis=dict(title=f"Dimension 1 ({explained[0]:.0%} of variance; USA to the right)",
                                 zeroline=True), yaxis=dict(title=f"Dimension 2 ({explained[1]:.0%})", zeroline=True),
                      height=560)
    if len(points):
        ends = points.sort_values("x")
        title = (f"One dimension explains {explained[0]:.0%} of the voting differences, from "
                 f"{ends['state_name'].iloc[0]} to {ends['state_name'].iloc[-1]}")
    else:
        title = "Too few votes to place the states"
    return theme.finish(fig, title, sources, built, f"Principal components of the vote matrix · {scope_text}")


def swing_bars(swings: pd.DataFrame, symbol_from: str, symbol_to: str, built,
               sources: list[str] | None = None) -> go.Figure:
    order = ["towards yes", "same", "towards no", "not comparable"]
    colours = {"towards yes": theme.VOTE_COLOURS["Y"], "same": "#999999", "towards no": theme.VOTE_COLOURS["N"],
               "not comparable": theme.UNKNOWN_COLOUR}
    table = swings.groupby(["un_regional_group", "swing_direction"]).size().unstack(fill_value=0)
    table = table.reindex(columns=order, fill_value=0)
    fig = go.Figure()
    for direction in order:
        fig.add_bar(y=table.index, x=table[direction], orientation="h", name=direction,
                    marker_color=colours[direction])
    fig.update_layout(barmode="stack", yaxis=dict(autorange="reversed", title=None), height=360,
                      xaxis_title="States")
    towards_no, towards_yes = int(table["towards no"].sum()), int(table["towards yes"].sum())
    title = f"From {symbol_from} to {symbol_to}: {towards_no} states moved towards no, {towards_yes} towards yes"
    return theme.finish(fig, title, [symbol_from, symbol_to, *(sources or provenance.table_sources(swings))], built)
