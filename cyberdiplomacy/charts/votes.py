"""Figures about recorded votes: history, map, regional groups, competing texts."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import formatting
from cyberdiplomacy.charts import geo, theme

VOTE_WORDS = {"Y": "yes_count", "N": "no_count", "A": "abstain_count", "X": "non_voting_count"}


def vote_history(history: pd.DataFrame, built) -> go.Figure:
    """Per-state tallies of every recorded plenary vote; texts adopted without a vote as markers."""
    recorded = history[history["has_state_votes"]].copy()
    recorded["label"] = recorded["symbol"].str.replace("A/RES/", "", regex=False) + " (" + \
        recorded["adopted_date"].astype(str).str[:4] + ")"
    fig = go.Figure()
    for code in theme.VOTE_ORDER:
        column = f"plenary_state_{VOTE_WORDS[code]}"
        fig.add_bar(y=recorded["label"], x=recorded[column], orientation="h", name=theme.VOTE_LABELS[code],
                    marker_color=theme.VOTE_COLOURS[code],
                    customdata=recorded[["title", "symbol"]],
                    hovertemplate="%{customdata[1]}<br>%{customdata[0]}<br>" + theme.VOTE_LABELS[code]
                    + ": %{x}<extra></extra>")
    fig.update_layout(barmode="stack", yaxis=dict(autorange="reversed", title=None),
                      xaxis_title="Member states", height=140 + 34 * max(len(recorded), 1))
    split = recorded.assign(margin=recorded["plenary_state_yes_count"] - recorded["plenary_state_no_count"])
    if len(split):
        closest = split.sort_values("margin").iloc[0]
        title = (f"{closest['symbol']} was the most divisive recorded vote: "
                 f"{closest['plenary_state_yes_count']}–{closest['plenary_state_no_count']}–"
                 f"{closest['plenary_state_abstain_count']}")
    else:
        title = "No recorded vote in this selection"
    without = int((history["adoption_mode"] == "without_vote").sum())
    subtitle = f"{len(recorded)} recorded plenary votes; {without} texts in this selection adopted without a vote"
    return theme.finish(fig, title, list(recorded["symbol"]) + ["Voeten UNGA voting data"], built, subtitle)


def adoption_timeline(history: pd.DataFrame, built) -> go.Figure:
    """Every text of both tracks on a time axis, coloured by how it was adopted."""
    dated = history[history["adopted_date"].notna()].copy()
    dated["track_label"] = dated["track"].map(theme.TRACK_LABELS)
    fig = go.Figure()
    for mode, label in theme.ADOPTION_LABELS.items():
        part = dated[dated["adoption_mode"] == mode]
        if part.empty:
            continue
        tally = part.apply(_tally_text, axis=1)
        fig.add_scatter(x=part["adopted_date"], y=part["track_label"], mode="markers", name=label,
                        marker=dict(size=13, color=theme.ADOPTION_COLOURS[mode], symbol="diamond",
                                    line=dict(width=1, color="white")),
                        customdata=pd.concat([part[["symbol", "title"]].fillna(""), tally.rename("tally")], axis=1),
                        hovertemplate="%{customdata[0]} (%{x|%d %b %Y})<br>%{customdata[1]}<br>%{customdata[2]}"
                        "<extra></extra>")
    fig.update_layout(height=330, yaxis_title=None, xaxis_title=None)
    voted = int((dated["adoption_mode"] == "recorded_vote").sum())
    title = f"{voted} of {len(dated)} dated texts went to a recorded vote"
    return theme.finish(fig, title, ["resolutions table"], built, "Each diamond is one adopted text")


def _tally_text(row) -> str:
    announced = formatting.announced_tally(row)
    if announced:
        return f"Announced: {announced}"
    if row.get("has_state_votes"):
        return "Per-state rows: " + formatting.tally(row["plenary_state_yes_count"], row["plenary_state_no_count"],
                                                     row["plenary_state_abstain_count"])
    return theme.ADOPTION_LABELS.get(row.get("adoption_mode"), "")


def vote_map(votes: pd.DataFrame, symbol: str, built) -> go.Figure:
    """Choropleth of one recorded vote; small States as markers; land outside the record stays grey."""
    labels = votes["vote"].map(theme.VOTE_LABELS)
    fig = go.Figure()
    for code in theme.VOTE_ORDER:
        part = votes[votes["vote"] == code]
        if not part.empty:
            geo.add_category(fig, part, theme.VOTE_LABELS[code], theme.VOTE_COLOURS[code], theme.VOTE_LABELS[code])
    geo.style(fig)
    counts = labels.value_counts()
    title = (f"{symbol}: {counts.get('Yes', 0)} yes, {counts.get('No', 0)} no, "
             f"{counts.get('Abstain', 0)} abstentions")
    return theme.finish(fig, title, [symbol, "Voeten UNGA voting data"], built, _map_note(votes["iso3"]))


def _map_note(iso3s: pd.Series) -> str:
    note = "Grey land: not a UN member at the time or no record · dots: small States"
    missing = geo.undrawn(iso3s)
    return note + (f" · not drawn: {', '.join(missing)} (see the table)" if missing else "")


def votes_by_group(votes: pd.DataFrame, symbol: str, built) -> go.Figure:
    """Stacked shares of each vote within each UN regional group."""
    table = (votes.groupby(["un_regional_group", "vote"]).size().unstack(fill_value=0)
             .reindex(index=[g for g in theme.REGIONAL_GROUP_ORDER if g in set(votes["un_regional_group"])],
                      columns=theme.VOTE_ORDER, fill_value=0))
    fig = go.Figure()
    for code in theme.VOTE_ORDER:
        fig.add_bar(y=table.index, x=table[code], orientation="h", name=theme.VOTE_LABELS[code],
                    marker_color=theme.VOTE_COLOURS[code],
                    hovertemplate="%{y}: %{x} " + theme.VOTE_LABELS[code].lower() + "<extra></extra>")
    fig.update_layout(barmode="stack", yaxis=dict(autorange="reversed", title=None), xaxis_title="Member states",
                      height=360)
    shares = table["Y"] / table[["Y", "N", "A"]].sum(axis=1).replace(0, pd.NA)
    if shares.notna().any():
        most, least = shares.idxmax(), shares.idxmin()
        title = f"{symbol}: strongest support from {most}, weakest from {least}"
    else:
        title = f"{symbol}: votes by regional group"
    return theme.finish(fig, title, [symbol, "Voeten UNGA voting data", "UN DGACM regional groups"], built)


CAMPS = {
    ("Y", "N"): "Yes on A, No on B", ("N", "Y"): "No on A, Yes on B", ("Y", "Y"): "Yes on both",
    ("N", "N"): "No on both",
}
CAMP_COLOURS = {"Yes on A, No on B": "#D55E00", "No on A, Yes on B": "#0072B2", "Yes on both": "#009E73",
                "No on both": "#000000", "Abstained on one or both": "#E69F00", "Did not vote / not a member": "#BBBBBB"}


def camp_of(vote_a: str | None, vote_b: str | None) -> str:
    if (vote_a, vote_b) in CAMPS:
        return CAMPS[(vote_a, vote_b)]
    if "A" in (vote_a, vote_b):
        return "Abstained on one or both"
    return "Did not vote / not a member"


def crosstab_counts(both: pd.DataFrame) -> pd.DataFrame:
    """Vote on A (rows) by vote on B (columns), in the fixed vote order; missing votes as 'X'."""
    a = both["vote_a"].fillna("X").map(theme.VOTE_LABELS)
    b = both["vote_b"].fillna("X").map(theme.VOTE_LABELS)
    order = [theme.VOTE_LABELS[v] for v in theme.VOTE_ORDER]
    return pd.crosstab(a, b).reindex(index=order, columns=order, fill_value=0)


def competing_crosstab(both: pd.DataFrame, symbol_a: str, symbol_b: str, built) -> go.Figure:
    counts = crosstab_counts(both)
    fig = go.Figure(go.Heatmap(z=counts.values, x=counts.columns, y=counts.index, colorscale="Blues",
                               text=counts.values, texttemplate="%{text}", showscale=False,
                               hovertemplate=f"{symbol_a}: %{{y}}<br>{symbol_b}: %{{x}}<br>%{{z}} states<extra></extra>"))
    fig.update_layout(xaxis_title=f"Vote on {symbol_b} (B)", yaxis_title=f"Vote on {symbol_a} (A)", height=420,
                      yaxis_autorange="reversed")
    opposite = int(counts.loc["Yes", "No"] + counts.loc["No", "Yes"])
    title = f"{opposite} states backed one text and opposed the other"
    return theme.finish(fig, title, [symbol_a, symbol_b, "Voeten UNGA voting data"], built)


def camps_map(both: pd.DataFrame, symbol_a: str, symbol_b: str, built) -> go.Figure:
    camps = both.assign(camp=[camp_of(a, b) for a, b in zip(both["vote_a"], both["vote_b"], strict=True)])
    fig = go.Figure()
    for camp, colour in CAMP_COLOURS.items():
        part = camps[camps["camp"] == camp]
        if not part.empty:
            geo.add_category(fig, part, camp, colour, camp)
    geo.style(fig)
    sizes = camps["camp"].value_counts()
    title = (f"Two camps: {sizes.get('Yes on A, No on B', 0)} states backed only {symbol_a}, "
             f"{sizes.get('No on A, Yes on B', 0)} only {symbol_b}")
    return theme.finish(fig, title, [symbol_a, symbol_b, "Voeten UNGA voting data"], built,
                        f"A = {symbol_a}, B = {symbol_b} · " + _map_note(camps["iso3"]))
