"""Figures about recorded votes: history, map, regional groups, competing texts."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import group_support, provenance, safe_text, vocabulary, wording
from cyberdiplomacy.charts import geo, theme

VOTE_WORDS = {"Y": "yes_count", "N": "no_count", "A": "abstain_count", "X": "non_voting_count"}


def vote_history(history: pd.DataFrame, built, imported_on: str | None = None) -> go.Figure:
    """Per-state tallies of every recorded plenary vote; texts adopted without a vote as markers."""
    recorded = history[history["has_state_votes"]].copy()
    # An empty selection maps to an empty float column, which cannot be joined to text.
    years = recorded["adopted_date"].map(_year_text).astype("string")
    recorded["label"] = recorded["symbol"].astype("string").str.replace("A/RES/", "", regex=False) + " (" + years + ")"
    fig = go.Figure()
    for code in vocabulary.VOTE_ORDER:
        column = f"plenary_state_{VOTE_WORDS[code]}"
        fig.add_bar(y=safe_text.plotly_cells(recorded[["label"]])["label"], x=recorded[column], orientation="h",
                    name=vocabulary.VOTE_LABELS[code], marker_color=theme.VOTE_COLOURS[code],
                    customdata=safe_text.plotly_cells(recorded[["title", "symbol"]]),
                    hovertemplate="%{customdata[1]}<br>%{customdata[0]}<br>" + vocabulary.VOTE_LABELS[code]
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
    subtitle = f"{len(recorded)} recorded plenary votes with per-state rows · " + adoption_counts_text(history)
    origins = recorded["vote_origins"] if "vote_origins" in recorded.columns else ["curated"]
    return theme.finish(fig, title, list(recorded["symbol"]) + provenance.origin_sources(origins, imported_on), built,
                        subtitle)


def _year_text(date) -> str:
    return "undated" if pd.isna(date) else str(date)[:4]


def adoption_counts_text(history: pd.DataFrame) -> str:
    """How the texts in a selection were adopted: recorded vote, without a vote, unknown; and how many are undated."""
    modes = history["adoption_mode"].fillna("unknown").value_counts()
    text = (f"of {len(history)} texts: {modes.get('recorded_vote', 0)} recorded vote, "
            f"{modes.get('without_vote', 0)} without a vote, {modes.get('unknown', 0)} adoption mode unknown")
    undated = int(history["adopted_date"].isna().sum())
    return text + (f"; {undated} undated" if undated else "")


def adoption_timeline(history: pd.DataFrame, built) -> go.Figure:
    """Every text of both tracks on a time axis, coloured by how it was adopted."""
    dated = history[history["adopted_date"].notna()].copy()
    dated["track_label"] = dated["track"].map(vocabulary.TRACK_LABELS)
    fig = go.Figure()
    for mode, label in vocabulary.ADOPTION_LABELS.items():
        part = dated[dated["adoption_mode"] == mode]
        if part.empty:
            continue
        tally = part.apply(_tally_text, axis=1)
        fig.add_scatter(x=part["adopted_date"], y=part["track_label"], mode="markers", name=label,
                        marker=dict(size=13, color=theme.ADOPTION_COLOURS[mode], symbol="diamond",
                                    line=dict(width=1, color="white")),
                        customdata=safe_text.plotly_cells(
                            pd.concat([part[["symbol", "title"]].fillna(""), tally.rename("tally")], axis=1)),
                        hovertemplate="%{customdata[0]} (%{x|%d %b %Y})<br>%{customdata[1]}<br>%{customdata[2]}"
                        "<extra></extra>")
    fig.update_layout(height=330, yaxis_title=None, xaxis_title=None)
    modes = dated["adoption_mode"].fillna("unknown").value_counts()
    title = (f"Of {len(dated)} dated texts: {modes.get('recorded_vote', 0)} recorded vote, "
             f"{modes.get('without_vote', 0)} adopted without a vote, {modes.get('unknown', 0)} adoption mode unknown")
    undated = len(history) - len(dated)
    subtitle = "Each diamond is one adopted text" + (
        f" · {undated} undated {'text' if undated == 1 else 'texts'} not placed on the time axis "
        "(listed as undated in the table)" if undated else "")
    return theme.finish(fig, title, ["resolutions table"], built, subtitle)


def _tally_text(row) -> str:
    announced = wording.announced_tally(row)
    if announced:
        return f"Announced: {announced}"
    if row.get("has_state_votes"):
        return "Per-state rows: " + wording.tally(row["plenary_state_yes_count"], row["plenary_state_no_count"],
                                                     row["plenary_state_abstain_count"])
    return vocabulary.ADOPTION_LABELS.get(row.get("adoption_mode"), "")


def vote_map(votes: pd.DataFrame, symbol: str, built, imported_on: str | None = None) -> go.Figure:
    """Choropleth of one recorded vote; small States as markers; land outside the record stays grey."""
    labels = votes["vote"].map(vocabulary.VOTE_LABELS)
    fig = go.Figure()
    for code in vocabulary.VOTE_ORDER:
        part = votes[votes["vote"] == code]
        if not part.empty:
            geo.add_category(fig, part, vocabulary.VOTE_LABELS[code], theme.VOTE_COLOURS[code], vocabulary.VOTE_LABELS[code])
    geo.style(fig)
    counts = labels.value_counts()
    abstain_count = counts.get("Abstain", 0)
    title = (f"{symbol}: {counts.get('Yes', 0)} yes, {counts.get('No', 0)} no, "
             f"{abstain_count} abstention{'' if abstain_count == 1 else 's'}")
    return theme.finish(fig, title, [symbol, *provenance.table_sources(votes, imported_on)], built,
                        _map_note(votes, lambda row: wording.sentence([row.state_name], row.vote)))


def _map_note(states: pd.DataFrame, say) -> str:
    """Says (`say(row)`) what each state the map cannot draw did: an exported PNG has no table beside it."""
    note = "Grey land: not a UN member at the time or no record · dots: small States"
    named = states[states["iso3"].isin(geo.undrawn(states["iso3"]))].sort_values("iso3")
    return note + (f" · not drawn: {'; '.join(say(row) for row in named.itertuples())}" if len(named) else "")


def votes_by_group(votes: pd.DataFrame, symbol: str, built, imported_on: str | None = None) -> go.Figure:
    """Stacked shares of each vote within each UN regional group."""
    table = (votes.groupby(["un_regional_group", "vote"]).size().unstack(fill_value=0)
             .reindex(index=[g for g in vocabulary.REGIONAL_GROUP_ORDER if g in set(votes["un_regional_group"])],
                      columns=vocabulary.VOTE_ORDER, fill_value=0))
    fig = go.Figure()
    for code in vocabulary.VOTE_ORDER:
        fig.add_bar(y=table.index, x=table[code], orientation="h", name=vocabulary.VOTE_LABELS[code],
                    marker_color=theme.VOTE_COLOURS[code],
                    hovertemplate="%{y}: %{x} " + vocabulary.VOTE_LABELS[code].lower() + "<extra></extra>")
    fig.update_layout(barmode="stack", yaxis=dict(autorange="reversed", title=None), xaxis_title="Member states",
                      height=360)
    counts = table.rename(columns=dict(zip(vocabulary.VOTE_ORDER, group_support.COUNT_COLUMNS, strict=True)))
    shares = group_support.yes_shares(counts, list(table.index))
    if (ends := group_support.strongest_and_weakest(shares)) is not None:
        most, least = ends
        title = (f"{symbol}: strongest support from {most} ({shares[most]:.0%} of members yes), "
                 f"weakest from {least} ({shares[least]:.0%})")
    else:
        title = f"{symbol}: votes by regional group"
    return theme.finish(fig, title, [symbol, *provenance.table_sources(votes, imported_on), "UN DGACM regional groups"],
                        built)


CAMPS = {
    ("Y", "N"): "Yes on A, No on B", ("N", "Y"): "No on A, Yes on B", ("Y", "Y"): "Yes on both",
    ("N", "N"): "No on both",
}
NOT_MEMBER, NO_RECORD = "Not a member", "No record"
CAMP_COLOURS = {"Yes on A, No on B": "#D55E00", "No on A, Yes on B": "#0072B2", "Yes on both": "#009E73",
                "No on both": "#000000", "Abstained on one or both": "#E69F00", "Did not vote on one or both": "#BBBBBB",
                "Not a member at one vote": "#DDDDDD", "No record of one vote (unknown)": theme.UNKNOWN_COLOUR}


def camp_of(vote_a: str | None, vote_b: str | None, member_a: bool | None = True,
            member_b: bool | None = True) -> str:
    """A state's camp on two texts. No vote row is 'not a member' when the state was not a member on that
    date (or is an observer), and unknown otherwise; 'did not vote' is only a recorded X."""
    vote_a, vote_b = (None if _missing(v) else v for v in (vote_a, vote_b))
    if (vote_a, vote_b) in CAMPS:
        return CAMPS[(vote_a, vote_b)]
    if "A" in (vote_a, vote_b):
        return "Abstained on one or both"
    if "X" in (vote_a, vote_b):
        return "Did not vote on one or both"
    if (_missing(vote_a) and _false(member_a)) or (_missing(vote_b) and _false(member_b)):
        return "Not a member at one vote"
    return "No record of one vote (unknown)"


def _missing_label(votes: pd.Series, members: pd.Series | None) -> pd.Series:
    """Vote labels; a missing vote reads 'Not a member' (not a member on the vote date) or 'No record'."""
    labels = votes.map(vocabulary.VOTE_LABELS)
    if members is None:
        members = pd.Series(True, index=votes.index)
    return labels.where(votes.notna(), members.map(lambda m: NOT_MEMBER if _false(m) else NO_RECORD))


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _false(flag) -> bool:
    """Known to be false (a missing flag is unknown, not false)."""
    return not _missing(flag) and not bool(flag)


def crosstab_counts(both: pd.DataFrame) -> pd.DataFrame:
    """Vote on A (rows) by vote on B (columns), in the fixed vote order; a missing vote is 'Not a member'
    (not a member on that date, or an observer) or 'No record', never 'Did not vote'."""
    a = _missing_label(both["vote_a"], both.get("member_a"))
    b = _missing_label(both["vote_b"], both.get("member_b"))
    order = [vocabulary.VOTE_LABELS[v] for v in vocabulary.VOTE_ORDER]
    extra = [label for label in (NOT_MEMBER, NO_RECORD) if label in set(a) | set(b)]
    return pd.crosstab(a, b).reindex(index=order + extra, columns=order + extra, fill_value=0)


def _pair_sources(both: pd.DataFrame, imported_on: str | None) -> list[str]:
    if {"origin_a", "origin_b"} <= set(both.columns):
        return provenance.origin_sources(pd.concat([both["origin_a"], both["origin_b"]]), imported_on)
    return provenance.table_sources(both, imported_on)


def competing_crosstab(both: pd.DataFrame, symbol_a: str, symbol_b: str, built,
                       imported_on: str | None = None) -> go.Figure:
    counts = crosstab_counts(both)
    fig = go.Figure(go.Heatmap(z=counts.values, x=counts.columns, y=counts.index, colorscale="Blues",
                               text=counts.values, texttemplate="%{text}", showscale=False,
                               hovertemplate=f"{symbol_a}: %{{y}}<br>{symbol_b}: %{{x}}<br>%{{z}} states<extra></extra>"))
    fig.update_layout(xaxis_title=f"Vote on {symbol_b} (B)", yaxis_title=f"Vote on {symbol_a} (A)", height=420,
                      yaxis_autorange="reversed")
    opposite = int(counts.loc["Yes", "No"] + counts.loc["No", "Yes"])
    title = f"{opposite} states backed one text and opposed the other"
    return theme.finish(fig, title, [symbol_a, symbol_b, *_pair_sources(both, imported_on)], built)


def camps_map(both: pd.DataFrame, symbol_a: str, symbol_b: str, built, imported_on: str | None = None) -> go.Figure:
    members_a = both["member_a"] if "member_a" in both.columns else pd.Series(True, index=both.index)
    members_b = both["member_b"] if "member_b" in both.columns else pd.Series(True, index=both.index)
    camps = both.assign(camp=[camp_of(a, b, ma, mb) for a, b, ma, mb in
                              zip(both["vote_a"], both["vote_b"], members_a, members_b, strict=True)])
    fig = go.Figure()
    for camp, colour in CAMP_COLOURS.items():
        part = camps[camps["camp"] == camp]
        if not part.empty:
            geo.add_category(fig, part, camp, colour, camp)
    geo.style(fig)
    sizes = camps["camp"].value_counts()
    title = (f"Two camps: {sizes.get('Yes on A, No on B', 0)} states backed only {symbol_a}, "
             f"{sizes.get('No on A, Yes on B', 0)} only {symbol_b}")
    return theme.finish(fig, title, [symbol_a, symbol_b, *_pair_sources(both, imported_on)], built,
                        f"A = {symbol_a}, B = {symbol_b} · " + _map_note(camps, lambda row: f"{row.state_name}: {row.camp}"))
def symbol_from_point(point: dict) -> str | None:
    """The resolution symbol carried in a clicked point's customdata (second field), if any."""
    custom = point.get("customdata") if isinstance(point, dict) else None
    if isinstance(custom, list | tuple) and len(custom) > 1 and isinstance(custom[1], str):
        return custom[1]
    return None
