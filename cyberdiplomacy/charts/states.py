"""Figures about chosen states: their votes over time and their closest and farthest partners."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy.charts import theme


def vote_strip(votes: pd.DataFrame, built, imported_on: str | None = None) -> go.Figure:
    plenary = votes[votes["stage"] == "plenary"].copy()
    plenary["label"] = plenary["resolution_symbol"].str.replace("A/RES/", "", regex=False) + \
        " (" + plenary["vote_date"].astype(str).str[:4] + ")"
    order = list(dict.fromkeys(plenary.sort_values("vote_date")["label"]))
    fig = go.Figure()
    for code in theme.VOTE_ORDER:
        part = plenary[plenary["vote"] == code]
        if part.empty:
            continue
        fig.add_scatter(x=part["label"], y=part["state_name"], mode="markers", name=theme.VOTE_LABELS[code],
                        marker=dict(symbol="square", size=22, color=theme.VOTE_COLOURS[code]),
                        customdata=part[["resolution_symbol", "title"]].fillna(""),
                        hovertemplate="%{y} · %{customdata[0]}<br>%{customdata[1]}<br>"
                        + theme.VOTE_LABELS[code] + "<extra></extra>")
    names = list(dict.fromkeys(plenary["state_name"]))
    fig.update_layout(xaxis=dict(categoryorder="array", categoryarray=order, title=None),
                      yaxis=dict(title=None, categoryorder="array", categoryarray=names[::-1]),
                      height=200 + 40 * len(names))
    split = plenary.pivot_table(index="resolution_symbol", columns="iso3", values="vote", aggfunc="first")
    differing = int((split.nunique(axis=1) > 1).sum()) if split.shape[1] > 1 else 0
    if len(names) > 1:
        title = f"{', '.join(names)} voted differently on {differing} of {len(split)} recorded votes"
    elif names:
        yes = int((plenary["vote"] == "Y").sum())
        title = f"{names[0]} voted yes on {yes} of {len(plenary)} recorded votes"
    else:
        title = "No recorded votes"
    return theme.finish(fig, title, list(dict.fromkeys(plenary["resolution_symbol"]))
                        + theme.table_sources(plenary, imported_on), built)


def agreement_bars(agreement: pd.DataFrame, state_name: str, built, top_n: int = 10,
                   sources: list[str] | None = None, scope_text: str = "", imported_on: str | None = None
                   ) -> go.Figure:
    """Closest and farthest partners; the footer names the origin of the votes (`sources`, or the table's
    `origins` column)."""
    # Partners that shared only a few votes would top the list by chance: require half the most shared.
    min_shared = max(1, -(-int(agreement["shared_vote_count"].max()) // 2)) if len(agreement) else 1
    eligible = agreement[agreement["shared_vote_count"] >= min_shared]
    ranked = eligible.sort_values(["agreement_share", "other_state_name"], ascending=[False, True])
    shown = pd.concat([ranked.head(top_n), ranked.tail(top_n)]).drop_duplicates("other_iso3")
    fig = go.Figure(go.Bar(
        x=shown["agreement_share"], y=shown["other_state_name"], orientation="h",
        marker_color=[theme.REGIONAL_GROUP_COLOURS.get(g, "#999999") for g in shown["other_un_regional_group"]],
        customdata=shown[["same_vote_count", "shared_vote_count", "other_un_regional_group"]],
        hovertemplate="%{y} (%{customdata[2]}): same vote on %{customdata[0]} of %{customdata[1]}<extra></extra>"))
    fig.update_layout(xaxis=dict(tickformat=".0%", range=[0, 1], title="Share of shared votes cast the same way"),
                      yaxis=dict(autorange="reversed", title=None), height=160 + 22 * len(shown))
    if len(ranked):
        best, worst = ranked.iloc[0], ranked.iloc[-1]
        title = (f"{state_name} voted most like {best['other_state_name']} ({best['agreement_share']:.0%}) "
                 f"and least like {worst['other_state_name']} ({worst['agreement_share']:.0%})")
    else:
        title = f"No shared votes on record for {state_name}"
    subtitle = (f"{top_n} closest and {top_n} farthest among states sharing at least {min_shared} votes; "
                "colour: UN regional group" + (f" · {scope_text}" if scope_text else ""))
    return theme.finish(fig, title, sources or theme.table_sources(agreement, imported_on), built, subtitle)
