"""The figures of a resolution's pack: votes by regional group, committee against plenary, sponsors by group, and
how members voted on its related text."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import group_support, provenance, queries, vocabulary, wording
from cyberdiplomacy.briefing.context import WORLD, Context
from cyberdiplomacy.briefing.model import Chart, bar_chart
from cyberdiplomacy.briefing.sentences import pct, short
from cyberdiplomacy.charts import theme


def chart_by_group(ctx: Context, f: dict) -> Chart | None:
    groups = f["groups"][f["groups"]["un_regional_group"] != WORLD]
    if groups.empty:
        return None
    order = [g for g in vocabulary.REGIONAL_GROUP_ORDER if g in set(groups["un_regional_group"])]
    groups = groups.set_index("un_regional_group").loc[order]
    series = {vocabulary.VOTE_LABELS[c]: list(groups[col].astype(float)) for c, col in
              (("Y", "yes_count"), ("N", "no_count"), ("A", "abstain_count"), ("X", "non_voting_count"))}
    shares = group_support.yes_shares(groups, order)
    ends = group_support.strongest_and_weakest(shares)
    title = (f"{f['symbol']}: strongest support from {ends[0]} ({pct(shares[ends[0]])} of members yes), weakest from "
             f"{ends[1]} ({pct(shares[ends[1]])})" if ends else f"{f['symbol']}: votes by regional group")
    caption = "Members of each UN regional group by their vote; compare the blue (yes) and vermilion (no) shares."
    return bar_chart(title, caption, order, series, sources=[f["symbol"], *provenance.table_sources(f["votes"], ctx.imported)],
                     built=ctx.built, stacked=True, horizontal=True, colours=theme.VOTE_LABEL_COLOURS,
                     axis_title="member states", table=groups.reset_index())


def chart_committee(ctx: Context, f: dict) -> Chart | None:
    row = f["row"]
    committee = [row.get(f"committee_{w}_count") for w in ("yes", "no", "abstain")]
    plenary = [row.get(f"plenary_{w}_count") for w in ("yes", "no", "abstain")]
    if all(pd.isna(c) for c in committee) or all(pd.isna(p) for p in plenary):
        return None
    cats = ["Yes", "No", "Abstain"]
    yes_change = (plenary[0] - committee[0]) if pd.notna(plenary[0]) and pd.notna(committee[0]) else None
    title = (f"{f['symbol']}: {wording.tally(*committee)} in committee, {wording.tally(*plenary)} in plenary"
             + (f" ({yes_change:+d} yes)" if yes_change is not None else ""))
    caption = "Announced totals at the Main Committee and in the plenary; look for votes lost or gained between them."
    return bar_chart(title, caption, cats, {"Committee": [float(c) if pd.notna(c) else None for c in committee],
                                            "Plenary": [float(p) if pd.notna(p) else None for p in plenary]},
                     sources=[s for s in (f["symbol"], row["draft_symbol"]) if isinstance(s, str)], built=ctx.built,
                     colours={"Committee": "#56B4E9", "Plenary": "#0072B2"}, axis_title="votes")


def chart_sponsors_by_group(ctx: Context, f: dict) -> Chart | None:
    sp = f["sponsors"]
    if sp.empty:
        return None
    order = [g for g in vocabulary.REGIONAL_GROUP_ORDER if g in set(sp["un_regional_group"])]
    original = [float(((sp["un_regional_group"] == g) & (sp["role"] == "original")).sum()) for g in order]
    later = [float(((sp["un_regional_group"] == g) & (sp["role"] != "original")).sum()) for g in order]
    counts = sp["un_regional_group"].value_counts()
    title = f"{len(sp)} sponsors on record, most from {counts.idxmax()} ({counts.max()})"
    caption = "Sponsors of the draft by UN regional group: printed on the draft (original) or joined later."
    return bar_chart(title, caption, order, {"Original": original, "Joined later": later},
                     sources=list(dict.fromkeys(sp["draft_symbol"])), built=ctx.built, stacked=True, horizontal=True,
                     colours={"Original": "#009E73", "Joined later": "#8FD1B8"}, axis_title="sponsors")


def chart_competing(ctx: Context, f: dict) -> Chart | None:
    if not f["pair"]:
        return None
    a, b = f["pair"]
    symbol = f["symbol"]
    other = b if symbol == a else a
    both = queries.competing_votes(ctx.con, a, b)
    mine, theirs = ("vote_a", "vote_b") if symbol == a else ("vote_b", "vote_a")
    known = both[both[mine].notna()]
    cats = [f"{vocabulary.VOTE_LABELS[v]} on {short(other)}" for v in vocabulary.VOTE_ORDER] + [f"No vote on {short(other)}"]
    series = {}
    for v in vocabulary.VOTE_ORDER:
        values = [float(((known[theirs] == o) & (known[mine] == v)).sum()) for o in vocabulary.VOTE_ORDER]
        values.append(float((known[theirs].isna() & (known[mine] == v)).sum()))
        series[f"{vocabulary.VOTE_LABELS[v]} on {short(symbol)}"] = values
    same = int(sum(series[f"{vocabulary.VOTE_LABELS[v]} on {short(symbol)}"][i] for i, v in enumerate(vocabulary.VOTE_ORDER)))
    title = f"{same} of {len(known)} members cast the same vote on {short(symbol)} as on {short(other)}"
    caption = f"Each bar: members by their vote on {short(other)}, split by their vote on {short(symbol)}."
    colours = {f"{vocabulary.VOTE_LABELS[v]} on {short(symbol)}": theme.VOTE_COLOURS[v] for v in vocabulary.VOTE_ORDER}
    sources = [a, b, *provenance.origin_sources(list(both["origin_a"].dropna()) + list(both["origin_b"].dropna()),
                                           ctx.imported)]
    return bar_chart(title, caption, cats, series, sources=sources, built=ctx.built, stacked=True, horizontal=True,
                     colours=colours, axis_title="member states", table=both)

