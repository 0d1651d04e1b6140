"""Figures about sponsorship: matrix, co-sponsorship network, bloc composition, cohesion."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import provenance, safe_text, state_names, vocabulary, wording
from cyberdiplomacy.charts import footer, theme

ROLE_VALUE = {"original": 2, "additional": 1}


def _group_rank(group: str) -> int:
    order = vocabulary.REGIONAL_GROUP_ORDER
    return order.index(group) if group in order else len(order)


def _bold(labels, chosen_labels) -> list[str]:
    return [f"<b>{label}</b>" if label in chosen_labels else str(label) for label in labels]


def _short(states: pd.DataFrame, chosen_names) -> list[str]:
    """Row labels: each state's short name (full names stay in the hover), the chosen states in bold."""
    shorts = [safe_text.plotly(s) for s in state_names.short_names(states["iso3"], states["state_name"])]
    return [f"<b>{s}</b>" if name in chosen_names else s for name, s in zip(states["state_name"], shorts, strict=True)]


def matrix(sponsorships: pd.DataFrame, built, chosen=()) -> go.Figure:
    """State x draft: dark = printed on the draft, light = joined later. Draft labels sit upright above the grid
    (under a 50-row grid they were off-screen) with room reserved for them; rows name the states by their short
    names, the chosen states' rows in bold."""
    states = (sponsorships[["state_name", "iso3", "un_regional_group"]].drop_duplicates("state_name")
              .assign(rank=lambda d: d["un_regional_group"].map(_group_rank))
              .sort_values(["rank", "state_name"]))
    drafts = list(dict.fromkeys(sponsorships.sort_values("adopted_date")["draft_symbol"]))
    per_draft = sponsorships.groupby("draft_symbol")["iso3"].nunique()
    grid = (sponsorships.assign(value=sponsorships["role"].map(ROLE_VALUE))
            .pivot_table(index="state_name", columns="draft_symbol", values="value", aggfunc="max")
            .reindex(index=states["state_name"], columns=drafts))
    chosen_names = set(states.loc[states["iso3"].isin(list(chosen)), "state_name"])
    fig = go.Figure(go.Heatmap(
        z=grid.values, x=drafts, y=list(grid.index), zmin=0, zmax=2, showscale=False, xgap=2, ygap=1,
        colorscale=[[0, "#FFFFFF"], [0.5, "#9ECAE1"], [1, "#08519C"]],
        customdata=[[("printed on the draft" if v == 2 else "joined later" if v == 1 else "not on record")
                     + f" · {per_draft.get(d, 0)} sponsor(s) of this draft on record" for v, d in zip(row, drafts,
                                                                                                   strict=True)]
                    for row in grid.values],
        hovertemplate="%{y} · %{x}: %{customdata}<extra></extra>"))
    # Upright labels: at 45 degrees above the grid they rose past its right edge, and needed as much room beside
    # the plot as above it (a phone's grid was 225 px wide).
    depth = footer.rotated_categories(fig, drafts, angle=-90)
    fig.update_layout(height=max(360, 170 + 14 * len(grid) + depth),
                      yaxis=dict(autorange="reversed", title=None, tickfont=dict(size=10), tickmode="array",
                                 tickvals=list(grid.index), ticktext=_short(states, chosen_names)),
                      xaxis=dict(title=None))
    fig.update_xaxes(side="top")
    with_cosponsors = int((per_draft > 1).sum())
    if len(drafts) > 1 and with_cosponsors < len(drafts):
        title = (f"{len(states)} states on record as sponsors; co-sponsors are on record for only {with_cosponsors} "
                 f"of the {len(drafts)} drafts")
    elif len(drafts) > 1:
        title = f"{len(states)} states sponsored at least one of the {len(drafts)} drafts"
    else:
        title = f"{len(states)} state(s) on record as sponsors of {drafts[0] if drafts else 'no draft'}"
    fig = theme.finish(fig, title, drafts, built, "Dark: printed on the draft · light: joined later · rows grouped "
                       "by UN regional group · drafts with one row list only their main sponsor")
    fig.update_layout(margin=dict(t=theme.TOP_MARGIN + depth))
    return footer.reserve(fig, 0)


def cosponsor_heatmap(grid: pd.DataFrame, names: dict[str, str], threshold: int, built, drafts: list[str],
                      chosen=()) -> go.Figure:
    """State x state: how many drafts each pair sponsored together (pairs below the threshold left blank),
    ordered so that states sponsoring together sit together; the chosen states in bold."""
    labels = list(grid.index)
    values = grid.to_numpy(dtype=float)
    text = [["" if np.isnan(v) else f"{int(v)}" for v in row] for row in values]
    fig = go.Figure(go.Heatmap(
        z=values, x=labels, y=[names.get(i, i) for i in labels], colorscale=[[0, "#C6DBEF"], [1, "#08306B"]],
        zmax=max(float(np.nanmax(values)) if values.size and not np.isnan(values).all() else 1, 1), zmin=0.0,
        xgap=1, ygap=1, showscale=True, colorbar=dict(title="Drafts", thickness=12, dtick=1),
        text=text, hovertemplate="%{y} and %{x}: %{z} draft(s) sponsored together<extra></extra>"))
    fig.update_layout(height=max(380, 190 + 15 * len(labels) + 40),
                      yaxis=dict(autorange="reversed", title=None, tickfont=dict(size=10), tickmode="array",
                                 tickvals=[names.get(i, i) for i in labels],
                                 ticktext=_short(pd.DataFrame({"iso3": labels,
                                                               "state_name": [names.get(i, i) for i in labels]}),
                                                 {names.get(i, i) for i in chosen})),
                      xaxis=dict(title=None, tickmode="array", tickvals=labels, ticktext=_bold(labels, set(chosen))))
    depth = footer.rotated_categories(fig, labels, angle=-90, font_size=10)
    pairs = _pair_count(values)
    if pairs:
        off_diagonal = values
        top = int(np.nanmax(off_diagonal))
        rows, cols = np.nonzero(np.nan_to_num(off_diagonal, nan=0) == top)
        at_top = len(set(rows) | set(cols))
        title = (f"{at_top} states sponsored {top} drafts together" if top > 1
                 else f"{len(labels)} states co-sponsored a draft; no two shared more than one")
    else:
        title = "No two states shared a draft at this threshold"
    subtitle = (f"{pairs} pairs sharing at least {threshold} draft(s) · blank: fewer · "
                "ordered so co-sponsors sit together (spectral seriation)")
    fig = theme.finish(fig, title, drafts, built, subtitle)
    return footer.reserve(fig, depth)


def _pair_count(values) -> int:
    return int(np.triu(~np.isnan(values), k=1).sum()) if values.size else 0


def flow_sankey(flows: pd.DataFrame, counts: pd.DataFrame, sponsored: str, voted: str, built,
                imported_on: str | None = None) -> go.Figure:
    """Sponsors of one text, by regional group, flowing to their recorded vote on another; sponsors with no
    recorded vote on it are left out of the flows and counted in the subtitle."""
    recorded = counts[counts["vote_label"].isin(list(vocabulary.VOTE_LABELS.values()))]
    groups = [g for g in vocabulary.REGIONAL_GROUP_ORDER if g in set(recorded["un_regional_group"])]
    votes_present = [vocabulary.VOTE_LABELS[c] for c in vocabulary.VOTE_ORDER if vocabulary.VOTE_LABELS[c] in set(
        recorded["vote_label"])]
    group_totals = recorded.groupby("un_regional_group")["state_count"].sum()
    vote_totals = recorded.groupby("vote_label")["state_count"].sum()
    node_labels = ([f"{g} ({int(group_totals[g])})" for g in groups]
                   + [f"{v} on {voted} ({int(vote_totals[v])})" for v in votes_present])
    node_colours = ([theme.REGIONAL_GROUP_COLOURS.get(g, "#999999") for g in groups]
                    + [theme.VOTE_LABEL_COLOURS[v] for v in votes_present])
    index = {**{g: i for i, g in enumerate(groups)}, **{v: len(groups) + i for i, v in enumerate(votes_present)}}
    fig = go.Figure(go.Sankey(
        arrangement="fixed",
        textfont=dict(size=12, color="#222222", shadow="none"),  # plotly's white halo blurred labels over the flows
        node=dict(label=node_labels, color=node_colours, pad=14, thickness=16, line=dict(width=0)),
        link=dict(source=[index[g] for g in recorded["un_regional_group"]],
                  target=[index[v] for v in recorded["vote_label"]],
                  value=list(recorded["state_count"]),
                  color=[_translucent(theme.VOTE_LABEL_COLOURS[v]) for v in recorded["vote_label"]],
                  hovertemplate="%{value} sponsor(s) from %{source.label} voted %{target.label}<extra></extra>")))
    fig.update_layout(height=max(360, 170 + 44 * max(len(groups), len(votes_present))))
    total, with_vote = len(flows), int(flows["vote"].notna().sum())
    if with_vote:
        top_vote = vote_totals.sort_values(ascending=False)
        verbs = {vocabulary.VOTE_LABELS[code]: wording.voted(code) for code in vocabulary.VOTE_ORDER}
        parts = [f"{int(n)} {verbs.get(label, label)}" for label, n in top_vote.items()]
        title = f"Of the {total} sponsors of {sponsored}, {', '.join(parts)} on {voted}"
    else:
        title = f"None of the {total} sponsors of {sponsored} has a recorded vote on {voted}"
    subtitle = f"Flows: the {with_vote} sponsors with a recorded vote on {voted}, by UN regional group"
    if total > with_vote:
        subtitle += f" · {total - with_vote} without one (not a member then, or no record) left out"
    return theme.finish(fig, title, [sponsored, voted, *provenance.table_sources(flows.dropna(subset=["vote"]),
                                                                            imported_on)], built, subtitle)


def _translucent(hex_colour: str, alpha: float = 0.45) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def bloc_shares(shares: pd.DataFrame, built) -> go.Figure:
    """Bloc x draft: the bloc's members as a share of the draft's sponsors on record (members on the adoption date)."""
    drafts = list(dict.fromkeys(shares["draft_symbol"]))
    grid = shares.pivot_table(index="bloc", columns="draft_symbol", values="share", aggfunc="max")
    grid = grid.reindex(columns=drafts)
    grid = grid.loc[grid.max(axis=1).sort_values(ascending=False).index]
    counts = shares.pivot_table(index="bloc", columns="draft_symbol", values="sponsor_count", aggfunc="max") \
        .reindex(index=grid.index, columns=drafts)
    totals = shares.groupby("draft_symbol")["draft_sponsor_count"].max()
    text = [["" if pd.isna(v) else f"{v:.0%} ({int(n)})" for v, n in zip(row, crow, strict=True)]
            for row, crow in zip(grid.values, counts.values, strict=True)]
    fig = go.Figure(go.Heatmap(
        z=grid.values, x=[f"{d} ({int(totals[d])})" for d in drafts], y=list(grid.index), zmin=0, zmax=1,
        colorscale="Blues", xgap=2, ygap=1, showscale=False,  # each cell writes its share
        text=text, texttemplate="%{text}", hovertemplate="%{y}: %{text} of the sponsors of %{x}<extra></extra>"))
    fig.update_layout(height=max(320, 170 + 24 * len(grid)), yaxis=dict(autorange="reversed", title=None),
                      xaxis=dict(title=None))
    labels = [f"{d} ({int(totals[d])})" for d in drafts]
    # Upright: slanted, the first draft's label ran past the figure's left edge (at 1400 px as on a phone).
    depth = footer.rotated_categories(fig, labels, angle=-90)
    if len(shares):
        biggest = totals.sort_values(ascending=False).index[0]
        top = shares[shares["draft_symbol"] == biggest].sort_values(["share", "bloc"], ascending=[False, True]).iloc[0]
        title = (f"{top['share']:.0%} of the {int(top['draft_sponsor_count'])} sponsors of {biggest} were "
                 f"{top['bloc']} members")
    else:
        title = "No sponsor bloc data"
    fig = theme.finish(fig, title, drafts + ["bloc_memberships"], built,
                       "Members on the adoption date as a share of the draft's sponsors on record (count in "
                       "brackets; the draft's sponsors after its symbol)")
    return footer.reserve(fig, depth)


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
    for group in vocabulary.REGIONAL_GROUP_ORDER:
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
                              fill_value=0).reindex(columns=vocabulary.VOTE_ORDER, fill_value=0)
    fig = go.Figure()
    for code in vocabulary.VOTE_ORDER:
        fig.add_bar(y=table.index, x=table[code], orientation="h", name=vocabulary.VOTE_LABELS[code],
                    marker_color=theme.VOTE_COLOURS[code])
    fig.update_layout(barmode="stack", yaxis=dict(title=None, autorange="reversed"), height=360,
                      xaxis_title=f"Sponsors of {sponsored}")
    against = table["N"].idxmax() if table["N"].sum() else None
    title = (f"Sponsors of {sponsored} voted most often against {against}" if against
             else f"How the sponsors of {sponsored} voted on the recorded votes")
    return theme.finish(fig, title, [sponsored] + list(table.index), built)


def cohesion(cohesion_df: pd.DataFrame, built, sources: list[str]) -> go.Figure:
    """Per bloc and recorded vote: the Hix-Noury-Roland agreement index (metrics.bloc_cohesion)."""
    grid = cohesion_df.pivot_table(index="bloc", columns="resolution_symbol", values="agreement_index")
    order = list(dict.fromkeys(cohesion_df.sort_values("vote_date")["resolution_symbol"]))
    grid = grid.reindex(columns=order)
    fig = go.Figure(go.Heatmap(z=grid.values, x=grid.columns, y=grid.index, zmin=0, zmax=1,
                               colorscale="Viridis", showscale=False,  # each cell writes its index
                               text=[[f"{v:.2f}" if pd.notna(v) else "" for v in row] for row in grid.values],
                               texttemplate="%{text}", hovertemplate="%{y} on %{x}: %{z:.2f}<extra></extra>"))
    # Upright vote labels: slanted, the first ran past the figure's left edge on a phone.
    depth = footer.rotated_categories(fig, order, angle=-90)
    fig.update_layout(height=max(320, 150 + 34 * len(grid) + depth), yaxis_title=None, xaxis_title=None)
    mean = grid.mean(axis=1).sort_values()
    title = (f"{mean.index[0]} was the least united bloc (mean agreement index {mean.iloc[0]:.2f})" if len(mean)
             else "Bloc cohesion")
    fig = theme.finish(fig, title, sources, built,
                       "Agreement index (Hix, Noury and Roland): 1 = every voting member voted alike, 0 = an even "
                       "three-way split")
    return footer.reserve(fig, depth)
