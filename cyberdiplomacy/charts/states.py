"""Figures about chosen states: their votes over time and their closest and farthest partners."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import provenance, safe_text, state_names, vocabulary
from cyberdiplomacy.charts import footer, theme


def vote_strip(votes: pd.DataFrame, built, imported_on: str | None = None) -> go.Figure:
    plenary = votes[votes["stage"] == "plenary"].copy()
    plenary["label"] = plenary["resolution_symbol"].str.replace("A/RES/", "", regex=False) + \
        " (" + plenary["vote_date"].astype(str).str[:4] + ")"
    plenary["short_name"] = state_names.short_names(plenary["iso3"], plenary["state_name"])  # full names in hovers
    # Drawn names and symbols come from outside: escaped once, so categories and their order agree.
    drawn = safe_text.plotly_cells(plenary)
    order = list(dict.fromkeys(drawn.sort_values("vote_date")["label"]))
    fig = go.Figure()
    for code in vocabulary.VOTE_ORDER:
        part = drawn[drawn["vote"] == code]
        if part.empty:
            continue
        fig.add_scatter(x=part["label"], y=part["short_name"], mode="markers", name=vocabulary.VOTE_LABELS[code],
                        marker=dict(symbol="square", size=22, color=theme.VOTE_COLOURS[code]),
                        customdata=part[["resolution_symbol", "title", "state_name"]].fillna(""),
                        hovertemplate="%{customdata[2]} · %{customdata[0]}<br>%{customdata[1]}<br>"
                        + vocabulary.VOTE_LABELS[code] + "<extra></extra>")
    names = list(dict.fromkeys(plenary["state_name"]))
    fig.update_layout(xaxis=dict(categoryorder="array", categoryarray=order, title=None),
                      yaxis=dict(title=None, categoryorder="array",
                                 categoryarray=list(dict.fromkeys(drawn["short_name"]))[::-1]),
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
    fig = theme.finish(fig, title, list(dict.fromkeys(plenary["resolution_symbol"]))
                       + provenance.table_sources(plenary, imported_on), built)
    # Vote labels at a fixed angle with room reserved: on a phone plotly stood them upright, over the footer.
    depth = footer.rotated_categories(fig, order)
    fig.update_layout(height=fig.layout.height + depth)
    return footer.reserve(fig, depth)


AXIS_WITH_TITLE_PX = 48  # an x axis' tick labels and one-line title below the plot


def agreement_bars(agreement: pd.DataFrame, state_name: str, built, top_n: int = 10,
                   sources: list[str] | None = None, scope_text: str = "", imported_on: str | None = None
                   ) -> go.Figure:
    """Closest and farthest partners; the footer names the origin of the votes (`sources`, or the table's
    `origins` column)."""
    # Partners that shared only a few votes would top the list by chance: require half the most shared.
    min_shared = max(1, -(-int(agreement["shared_vote_count"].max()) // 2)) if len(agreement) else 1
    eligible = agreement[agreement["shared_vote_count"] >= min_shared]
    ranked = eligible.sort_values(["agreement_share", "shared_vote_count", "other_state_name"],
                                  ascending=[False, False, True])
    shown = pd.concat([ranked.head(top_n), ranked.tail(top_n)]).drop_duplicates("other_iso3")
    shown = shown.assign(short_name=state_names.short_names(shown["other_iso3"], shown["other_state_name"]))
    drawn = safe_text.plotly_cells(shown)
    fig = go.Figure()
    for group in [g for g in vocabulary.REGIONAL_GROUP_ORDER if g in set(shown["other_un_regional_group"])] + sorted(
            set(shown["other_un_regional_group"]) - set(vocabulary.REGIONAL_GROUP_ORDER)):
        part = drawn[shown["other_un_regional_group"] == group]
        fig.add_bar(x=part["agreement_share"], y=part["short_name"], orientation="h", name=group,
                    marker_color=theme.REGIONAL_GROUP_COLOURS.get(group, "#999999"),
                    customdata=part[["same_vote_count", "shared_vote_count", "other_un_regional_group",
                                     "other_state_name"]],
                    hovertemplate="%{customdata[3]} (%{customdata[2]}): same vote on %{customdata[0]} of "
                                  "%{customdata[1]}<extra></extra>")
    fig.update_layout(xaxis=dict(tickformat=".0%", range=[0, 1], title="Agreement (measure: see the subtitle)"),
                      yaxis=dict(title=None, categoryorder="array", categoryarray=list(drawn["short_name"])[::-1]),
                      height=260 + 22 * len(shown), legend=dict(title=None),
                      margin=dict(t=100 + 24 * -(-len(fig.data) // 2)))  # legend rows below the subtitle
    ties = ""
    if len(ranked) and ranked["agreement_share"].max() == 0:
        # Nobody to call closest: saying "most like 2 states tied at 0%" would read as a finding about them.
        title = (f"{state_name} voted unlike each of the {len(ranked)} states sharing at least {min_shared} of "
                 "its votes")
    elif len(ranked):
        (best, best_tied), (worst, worst_tied) = _partners(ranked, True), _partners(ranked, False)
        title = f"{state_name} {best} and {worst}"
        ties = " · ".join(t for t in (best_tied, worst_tied) if t)
    else:
        title = f"No shared votes on record for {state_name}"
    subtitle = ((f"{ties}<br>" if ties else "") + f"{top_n} closest and {top_n} farthest among states sharing at "
                f"least {min_shared} votes" + (f" · {scope_text}" if scope_text else ""))
    fig = theme.finish(fig, title, sources or provenance.table_sources(agreement, imported_on), built, subtitle)
    return footer.reserve(fig, AXIS_WITH_TITLE_PX)  # tick labels and the axis title sit above the footer


def _partners(ranked: pd.DataFrame, best: bool) -> tuple[str, str]:
    """('voted most like China (100% over 11 shared votes)', '') or a tie said as a tie, with how many states share
    the top (or bottom) share on the same number of shared votes, and the tied states named for the subtitle."""
    order = ranked.sort_values(["agreement_share", "shared_vote_count", "other_state_name"],
                               ascending=[not best, False, True])
    top = order.iloc[0]
    tied = order[(order["agreement_share"] == top["agreement_share"])
                 & (order["shared_vote_count"] == top["shared_vote_count"])]
    share, votes, names = top["agreement_share"], int(top["shared_vote_count"]), list(tied["other_state_name"])
    if len(tied) == 1:
        unit = " shared votes" if best else ""
        # 'over': under a measure that counts an abstention as half, 75% of 2 votes is not 1.5 votes.
        return f"{'voted most' if best else 'least'} like {names[0]} ({share:.0%} over {votes}{unit})", ""
    listed = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
    note = f"Tied {'closest' if best else 'farthest'}: {listed}"
    if best and share == 1:
        return f"voted identically with {len(tied)} states on all {votes} shared votes", note
    return (f"{'voted most' if best else 'least'} like {len(tied)} states tied at {share:.0%} over {votes}"
            f"{' shared votes' if best else ''}"), note
