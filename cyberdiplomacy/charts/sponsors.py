"""Figures about sponsorship: matrix, co-sponsorship network, bloc composition, cohesion."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy.charts import theme

ROLE_VALUE = {"original": 2, "additional": 1}


def _group_rank(group: str) -> int:
    order = theme.REGIONAL_GROUP_ORDER
    return order.index(group) if group in order else len(order)


def matrix(sponsorships: pd.DataFrame, built) -> go.Figure:
    """State x draft: dark = printed on the draft, light = joined later."""
    states = (sponsorships[["state_name", "un_regional_group"]].drop_duplicates()
              .assign(rank=lambda d: d["un_regional_group"].map(_group_rank))
              .sort_values(["rank", "state_name"]))
    drafts = list(dict.fromkeys(sponsorships.sort_values("adopted_date")["draft_symbol"]))
    grid = (sponsorships.assign(value=sponsorships["role"].map(ROLE_VALUE))
            .pivot_table(index="state_name", columns="draft_symbol", values="value", aggfunc="max")
            .reindex(index=states["state_name"], columns=drafts))
    fig = go.Figure(go.Heatmap(
        z=grid.values, x=drafts, y=grid.index, zmin=0, zmax=2, showscale=False, xgap=2, ygap=1,
        colorscale=[[0, "#FFFFFF"], [0.5, "#9ECAE1"], [1, "#08519C"]],
        customdata=[[("printed on the draft" if v == 2 else "joined later" if v == 1 else "not on record")
                     for v in row] for row in grid.values],
        hovertemplate="%{y} · %{x}: %{customdata}<extra></extra>"))
    fig.update_layout(height=max(360, 130 + 14 * len(grid)), yaxis=dict(autorange="reversed", title=None,
                      tickfont=dict(size=10)), xaxis=dict(title=None, tickangle=-30))
    counts = sponsorships.groupby("iso3")["draft_symbol"].nunique()
    repeat = int((counts == len(drafts)).sum()) if drafts else 0
    title = (f"{len(counts)} states sponsored at least one draft; {repeat} sponsored all {len(drafts)}"
             if len(drafts) > 1 else f"{len(counts)} states sponsored {drafts[0] if drafts else 'no draft'}")
    return theme.finish(fig, title, drafts, built, "Dark: printed on the draft · light: joined later · "
                        "rows grouped by UN regional group")


def network_layout(nodes: pd.DataFrame) -> pd.DataFrame:
    """Deterministic circle, states grouped by regional group so blocs read as arcs."""
    ordered = (nodes.assign(rank=nodes["un_regional_group"].map(_group_rank))
               .sort_values(["rank", "state_name"]).reset_index(drop=True))
    angles = [2 * math.pi * i / max(len(ordered), 1) for i in range(len(ordered))]
    return ordered.assign(x=[math.cos(a) for a in angles], y=[math.sin(a) for a in angles])


def cosponsor_edges(sponsorships: pd.DataFrame) -> pd.DataFrame:
    pairs = sponsorships[["draft_symbol", "iso3"]].merge(sponsorships[["draft_symbol", "iso3"]], on="draft_symbol")
    pairs = pairs[pairs["iso3_x"] < pairs["iso3_y"]]
    return pairs.groupby(["iso3_x", "iso3_y"]).size().rename("shared_draft_count").reset_index()


def network(sponsorships: pd.DataFrame, built) -> go.Figure:
    nodes = network_layout(sponsorships[["iso3", "state_name", "un_regional_group"]].drop_duplicates())
    edges = cosponsor_edges(sponsorships)
    position = nodes.set_index("iso3")[["x", "y"]]
    fig = go.Figure()
    for weight, part in edges.groupby("shared_draft_count"):
        xs, ys = [], []
        for a, b in zip(part["iso3_x"], part["iso3_y"], strict=True):
            xs += [position.at[a, "x"], position.at[b, "x"], None]
            ys += [position.at[a, "y"], position.at[b, "y"], None]
        fig.add_scatter(x=xs, y=ys, mode="lines", line=dict(width=0.4 + 0.8 * weight, color="#BBBBBB"),
                        opacity=0.5, hoverinfo="skip", showlegend=False)
    for group in theme.REGIONAL_GROUP_ORDER:
        part = nodes[nodes["un_regional_group"] == group]
        if part.empty:
            continue
        fig.add_scatter(x=part["x"], y=part["y"], mode="markers+text", text=part["iso3"], name=group,
                        textposition="middle right", textfont=dict(size=9),
                        marker=dict(size=11, color=theme.REGIONAL_GROUP_COLOURS[group], line=dict(width=1,
                                    color="white")),
                        customdata=part["state_name"], hovertemplate="%{customdata}<extra></extra>")
    fig.update_layout(height=620, xaxis=dict(visible=False), yaxis=dict(visible=False, scaleanchor="x"))
    biggest = nodes["un_regional_group"].value_counts()
    title = (f"Co-sponsors came mostly from the {biggest.index[0]}" if len(biggest) else "No co-sponsors on record")
    return theme.finish(fig, title, list(dict.fromkeys(sponsorships["draft_symbol"])), built,
                        "Lines join states that sponsored the same draft; thicker: more drafts shared")


def composition(comp: pd.DataFrame, built) -> go.Figure:
    fig = go.Figure()
    for draft, part in comp.groupby("draft_symbol", sort=False):
        fig.add_bar(x=part["bloc"], y=part["sponsor_count"], name=draft,
                    hovertemplate="%{x}: %{y} sponsors of " + draft + "<extra></extra>")
    fig.update_layout(barmode="group", yaxis_title="Sponsors who were members on the adoption date",
                      xaxis=dict(title=None, categoryorder="total descending"), height=430)
    top = comp.groupby("bloc")["sponsor_count"].sum().sort_values(ascending=False)
    title = f"Most sponsors belonged to {top.index[0]}" if len(top) else "No sponsor bloc data"
    return theme.finish(fig, title, list(dict.fromkeys(comp["draft_symbol"])) + ["bloc_memberships"], built)


def rival_votes(rival: pd.DataFrame, sponsored: str, built) -> go.Figure:
    table = rival.pivot_table(index="voted_symbol", columns="vote", values="state_count", aggfunc="sum",
                              fill_value=0).reindex(columns=theme.VOTE_ORDER, fill_value=0)
    fig = go.Figure()
    for code in theme.VOTE_ORDER:
        fig.add_bar(y=table.index, x=table[code], orientation="h", name=theme.VOTE_LABELS[code],
                    marker_color=theme.VOTE_COLOURS[code])
    fig.update_layout(barmode="stack", yaxis=dict(title=None, autorange="reversed"), height=360,
                      xaxis_title=f"Sponsors of {sponsored}")
    against = table["N"].idxmax() if table["N"].sum() else None
    title = (f"Sponsors of {sponsored} voted most often against {against}" if against
             else f"How the sponsors of {sponsored} voted on the recorded votes")
    return theme.finish(fig, title, [sponsored] + list(table.index), built)


def cohesion(cohesion_df: pd.DataFrame, built) -> go.Figure:
    grid = cohesion_df.pivot_table(index="bloc", columns="resolution_symbol", values="cohesion_share")
    order = list(dict.fromkeys(cohesion_df.sort_values("vote_date")["resolution_symbol"]))
    grid = grid.reindex(columns=order)
    fig = go.Figure(go.Heatmap(z=grid.values, x=grid.columns, y=grid.index, zmin=0.3, zmax=1,
                               colorscale="Viridis", colorbar=dict(title="Cohesion", tickformat=".0%"),
                               text=[[f"{v:.0%}" if pd.notna(v) else "" for v in row] for row in grid.values],
                               texttemplate="%{text}", hovertemplate="%{y} on %{x}: %{z:.0%}<extra></extra>"))
    fig.update_layout(height=max(320, 110 + 34 * len(grid)), yaxis_title=None, xaxis_title=None)
    mean = grid.mean(axis=1).sort_values()
    title = (f"{mean.index[0]} was the least united bloc ({mean.iloc[0]:.0%} on average)" if len(mean)
             else "Bloc cohesion")
    return theme.finish(fig, title, order + ["bloc_memberships"], built,
                        "Share of the bloc's voting members who cast the bloc's most common vote")
