"""Two to six states compared: a side-by-side table of their facts on page 1, how often each pair agreed, the votes
side by side, and the figures of the state pack drawn for all of them."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import vocabulary, wording
from cyberdiplomacy.briefing import partners as ranking
from cyberdiplomacy.briefing import titles
from cyberdiplomacy.briefing.context import KEY_VOTES, REFERENCE_STATES, Context, references
from cyberdiplomacy.briefing.model import Briefing, Chart, Table, bar_chart
from cyberdiplomacy.briefing.sentences import (
    CLOSEST,
    FARTHEST,
    LEAD_MEASURE_TEXT,
    MEASURE_TEXT,
    label_votes,
    listing,
    pct,
)
from cyberdiplomacy.briefing.shared_charts import chart_sponsorships, chart_timeline, chart_vote_map, vote_sources
from cyberdiplomacy.briefing.state_facts import share_with
from cyberdiplomacy.briefing.tables import state_tables

Pair = tuple[str, float, int]  # ('Russian Federation – China', agreement share 0-1, shared votes)


def for_comparison(ctx: Context, facts: list[dict]) -> Briefing:
    names = [f["name"] for f in facts]
    pairs = agreement_pairs(facts)
    lead = _chart_pairs(ctx, facts, pairs)
    charts = _charts(ctx, facts)
    tables = state_tables(ctx, facts)
    tables.insert(0, Table("Votes side by side", "Votes side by side", _votes_wide(facts),
                           "One row per recorded plenary vote, one column per state briefed."))
    votes = next(t for t in tables if t.key == "Votes")  # the same votes, one row each: the PDF prints them once
    votes.shown, votes.cut = votes.frame.head(0), "none of its rows (every vote is in A1, side by side)"
    refs = references(ctx, [lead, *charts], tables)
    return Briefing("comparison", f"{listing(names)} compared: the UN cybercrime negotiations",
                    "Side by side: votes, group majorities, sponsorships, Convention status, partners",
                    comparison_summary(ctx, facts, pairs), [], lead, charts, tables, refs, ctx.build,
                    comparison=side_by_side(ctx, facts), facts={"states": facts, "pairs": pairs})


# ---------------------------------------------------------------- page 1

def side_by_side(ctx: Context, facts: list[dict]) -> pd.DataFrame:
    """Rows: facts; one column per state."""
    return pd.DataFrame({f["name"]: _column(ctx, f) for f in facts})


def _column(ctx: Context, f: dict) -> dict[str, str]:
    pv = f["per_vote"].set_index("symbol") if len(f["per_vote"]) else None
    col = {"Regional group": f["group"]}
    for s in KEY_VOTES:
        if pv is not None and s in pv.index:
            r = pv.loc[s]
            maj = r["group_position"]
            col[f"Vote on {ctx.named(s)}"] = (f"{vocabulary.vote_label(r['vote'])} (group: "
                                              f"{vocabulary.vote_label(maj) if maj != 'split' else 'tie'})")
        else:
            col[f"Vote on {ctx.named(s)}"] = "No vote on record"
    counts = f["vote_counts"]
    col["Recorded votes (Y–N–A)"] = f"{f['recorded']} ({counts.get('Y', 0)}–{counts.get('N', 0)}–{counts.get('A', 0)})"
    col["With its group's most common vote"] = f"{f['with_group']} of {f['cast']}"
    sp = f["sponsorships"].drop_duplicates("draft_symbol")
    col["Drafts sponsored"] = _sponsored_cell(ctx, sp)
    col["UN Convention"] = ("; ".join(f"{a.action} {str(a.action_date)[:10] if pd.notna(a.action_date) else ''}"
                                      for a in f["uncc"].itertuples())
                            or f"No signature on record ({ctx.built})")
    p = f["partners"]
    none = f"None ranked (no state shared {ranking.minimum(f['cast'])} of its votes)"
    col[CLOSEST] = ranking.key_figure(p["closest"], p["closest_share"]) if p else none
    col[FARTHEST] = ranking.key_figure(p["farthest"], p["farthest_share"]) if p else none
    col["Blocs (current)"] = ", ".join(f["current_blocs"]) or "None on record"
    return col


def _sponsored_cell(ctx: Context, sponsorships: pd.DataFrame) -> str:
    """'9, as an original sponsor: ICT developments and security 73/27, 74/29; ...' (each title once)."""
    if sponsorships.empty:
        return "None"
    parts = []
    for role, rows in sponsorships.groupby(sponsorships["role"] == "original", sort=False):
        texts = [(s, ctx.history.at[s, "title"] if s in ctx.history.index else None) for s in rows["resolution_symbol"]]
        parts.append(f"as {'an original' if role else 'a later'} sponsor: {titles.grouped(texts)}")
    return f"{len(sponsorships)}, " + "; ".join(parts)


def agreement_pairs(facts: list[dict]) -> list[Pair]:
    """Every pair of the chosen states that shared a vote, the most agreeing first."""
    pairs = []
    for i, a in enumerate(facts):
        for b in facts[i + 1:]:
            v = share_with(a["agreement"], b["iso3"])
            if v:
                pairs.append((f"{a['name']} – {b['name']}", v[0], v[1]))
    pairs.sort(key=lambda x: -x[1])
    return pairs


def comparison_summary(ctx: Context, facts: list[dict], pairs: list[Pair]) -> list[str]:
    votes = []
    for s in KEY_VOTES:
        by_vote: dict[str, list[str]] = {}
        for f in facts:
            pv = f["per_vote"].set_index("symbol") if len(f["per_vote"]) else None
            code = pv.loc[s, "vote"] if pv is not None and s in pv.index else None
            by_vote.setdefault(code, []).append(f["name"])
        votes.append(f"On {ctx.named(s)} ({ctx.text_tally(s)}): "
                     + "; ".join(wording.sentence(v, code) for code, v in by_vote.items()) + ".")
    summary = [" ".join(votes)]
    if pairs:
        top, low = pairs[0], pairs[-1]
        summary.append(f"Of the {len(pairs)} pairs, {top[0]} agreed most ({pct(top[1])} over {top[2]} shared votes) and "
                       f"{low[0]} least ({pct(low[1])} over {low[2]}).")
    signed = [f["name"] for f in facts if not f["uncc"].empty]
    unsigned = [f["name"] for f in facts if f["uncc"].empty]
    treaty = []
    if signed:
        treaty.append(f"{listing(signed)} signed the UN Convention against Cybercrime")
    if unsigned:
        treaty.append(f"{listing(unsigned)} {'has' if len(unsigned) == 1 else 'have'} no signature on record as of "
                      f"{ctx.built}")
    spons = [f"{f['name']} {f['sponsorships']['draft_symbol'].nunique()}" for f in facts]
    summary.append("; ".join(treaty) + f". Drafts sponsored on record: {listing(spons)}.")
    return summary


# ---------------------------------------------------------------- figures and tables

def _chart_pairs(ctx: Context, facts: list[dict], pairs: list[Pair]) -> Chart:
    return bar_chart(
        (f"{pairs[0][0]} agree most ({pct(pairs[0][1])}), {pairs[-1][0]} least ({pct(pairs[-1][1])})"
         if pairs else "No shared recorded votes among these states"),
        LEAD_MEASURE_TEXT,
        [p[0] for p in pairs], {"Agreement": [p[1] for p in pairs]}, sources=vote_sources(ctx, facts[0]["votes"]),
        built=ctx.built, horizontal=True, percent=True, colours={"Agreement": "#0072B2"})


def _charts(ctx: Context, facts: list[dict]) -> list[Chart]:
    """The vote map of 74/247 (when drawn), votes with the group and the world, agreement with the reference states,
    sponsorships and the timeline."""
    charts = [_chart_with_group(ctx, facts), _chart_references(ctx, facts)]
    map_chart = chart_vote_map(ctx, KEY_VOTES[1], "; ".join(
        wording.sentence([f["name"]], f["per_vote"].set_index("symbol")["vote"].get(KEY_VOTES[1])
                         if len(f["per_vote"]) else None)
        for f in facts) + ". Grey: not a member on the day or no record.")
    if map_chart:
        charts.insert(0, map_chart)
    return charts + [chart_sponsorships(ctx, [f["iso3"] for f in facts]), chart_timeline(ctx, facts)]


def _chart_with_group(ctx: Context, facts: list[dict]) -> Chart:
    with_group = {f["name"]: (f["with_group"] / f["cast"] if f["cast"] else None) for f in facts}
    with_world = {}
    for f in facts:
        cast = f["per_vote"][f["per_vote"]["vote"].isin(["Y", "N", "A"])]
        with_world[f["name"]] = (cast["vote"] == cast["world_position"]).mean() if len(cast) else None
    best = max(with_group, key=lambda k: with_group[k] or 0)
    worst = min(with_group, key=lambda k: with_group[k] or 0)
    return bar_chart(
        f"{best} cast its group's most common vote most often ({pct(with_group[best])}), {worst} least "
        f"({pct(with_group[worst])})",
        "Share of each state's recorded votes cast as most of its regional group and as most of all members voted "
        "(the most common vote, a majority or not).", [f["name"] for f in facts],
        {"With its group's most common vote": list(with_group.values()),
         "With the most common vote of all members": list(with_world.values())},
        sources=vote_sources(ctx, pd.concat([f["votes"] for f in facts])), built=ctx.built, percent=True,
        colours={"With its group's most common vote": "#56B4E9", "With the most common vote of all members": "#999999"})


def _chart_references(ctx: Context, facts: list[dict]) -> Chart:
    refs_series = {ctx.name(r): [f["reference_agreement"].get(r, (None, 0))[0] if f["iso3"] != r else 1.0
                                 for f in facts] for r in REFERENCE_STATES}
    return bar_chart(
        "Agreement with " + listing([ctx.name(r) for r in REFERENCE_STATES]) + ": "
        + "; ".join(f"{f['name']} closest to {ctx.name(_closest_reference(f))}" for f in facts
                    if any(f["reference_agreement"].values())),
        f"{MEASURE_TEXT} A state with itself: 100%.", [f["name"] for f in facts], refs_series,
        sources=vote_sources(ctx, pd.concat([f["votes"] for f in facts])), built=ctx.built, percent=True,
        colours=dict(zip([ctx.name(r) for r in REFERENCE_STATES], ["#D55E00", "#0072B2", "#E69F00"], strict=True)))


def _closest_reference(f: dict) -> str:
    shares = {r: v[0] for r, v in f["reference_agreement"].items() if v}
    return max(shares, key=shares.get)


def _votes_wide(facts: list[dict]) -> pd.DataFrame:
    frames = []
    for f in facts:
        pv = f["per_vote"][["symbol", "vote_date", "vote"]].rename(columns={"vote": f["name"]})
        frames.append(pv.set_index(["symbol", "vote_date"]))
    wide = pd.concat(frames, axis=1).reset_index().sort_values(["vote_date", "symbol"])
    wide = label_votes(wide, [f["name"] for f in facts]).rename(columns={"symbol": "Resolution", "vote_date": "Date"})
    return wide.fillna("No vote on record")
