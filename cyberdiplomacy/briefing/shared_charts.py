"""Figures more than one kind of pack prints: drafts and their sponsors, the process timeline, a vote's map."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import figures, provenance, queries, safe_text
from cyberdiplomacy.briefing.context import Context
from cyberdiplomacy.briefing.model import Chart, bar_chart, image_chart
from cyberdiplomacy.briefing.sentences import listing
from cyberdiplomacy.filters import Filters


def vote_sources(ctx: Context, frame: pd.DataFrame) -> list[str]:
    symbols = list(dict.fromkeys(frame["resolution_symbol"])) if "resolution_symbol" in frame.columns else []
    return symbols + provenance.table_sources(frame, ctx.imported)



def chart_sponsorships(ctx: Context, iso3s: list[str]) -> Chart:
    sponsorships = queries.run(ctx.con, "table_sponsorships")
    counts = sponsorships.groupby("draft_symbol").agg(sponsors=("iso3", "nunique"),
                                                      resolution=("resolution_symbol", "first")).reset_index()
    mine = sponsorships[sponsorships["iso3"].isin(iso3s)]
    names = {i: ctx.name(i) for i in iso3s}
    cats = []
    for r in counts.itertuples():
        who = [names[i] for i in mine.loc[mine["draft_symbol"] == r.draft_symbol, "iso3"]]
        cats.append(f"{r.draft_symbol} → {ctx.named(r.resolution)}" + (f" · {', '.join(who)}" if who else ""))
    n_mine = mine["draft_symbol"].nunique()
    who = names[iso3s[0]] if len(iso3s) == 1 else "These states"
    title = (f"{who} sponsored {n_mine} of the {len(counts)} drafts whose sponsors are on record" if n_mine else
             f"{who} sponsored none of the {len(counts)} drafts whose sponsors are on record")
    caption = "Bars: sponsors on record per draft; a name after the draft marks a sponsorship by the states briefed."
    return bar_chart(title, caption, cats, {"Sponsors on record": list(counts["sponsors"].astype(float))},
                     sources=list(counts["draft_symbol"]), built=ctx.built, horizontal=True,
                     colours={"Sponsors on record": "#009E73"}, table=counts)


def chart_timeline(ctx: Context, facts: list[dict]) -> Chart:
    drawn = figures.history.overview_timeline(ctx.src, Filters())
    fig, meetings = type(drawn.fig)(drawn.fig), drawn.table
    milestones = []
    for f in facts:
        for r in f["sponsorships"].drop_duplicates("draft_symbol").itertuples():
            date = ctx.history.at[r.resolution_symbol, "adopted_date"] if r.resolution_symbol in ctx.history.index \
                else None
            if pd.notna(date):
                milestones.append((f["name"], date, f"sponsored {r.draft_symbol}"))
        for r in f["uncc"].itertuples():
            if pd.notna(r.action_date):
                milestones.append((f["name"], r.action_date, f"Convention {r.action}"))
    rows = list(dict.fromkeys(f["name"] for f in facts))
    if milestones:
        # State names and draft symbols are outside text: escaped for plotly, the rows' categories below alike.
        frame = safe_text.plotly_cells(pd.DataFrame(milestones, columns=["state", "date", "what"]))
        fig.add_scatter(x=pd.to_datetime(frame["date"]), y=frame["state"], mode="markers", name="Milestones of the "
                        "states briefed", marker=dict(symbol="star", size=13, color="#000000"),
                        text=frame["what"], hovertemplate="%{y}: %{text} · %{x|%d %b %Y}<extra></extra>")
    existing = list(fig.layout.yaxis.categoryarray or [])
    drawn_rows = [safe_text.plotly(r) for r in rows]
    fig.update_layout(yaxis=dict(categoryarray=drawn_rows + [r for r in existing if r not in drawn_rows]),
                      height=(fig.layout.height or 500) + 28 * len(rows))
    n = len(milestones)
    names = listing(rows)
    title = (f"{names} on the process timeline: {n} milestone{'s' if n != 1 else ''} on record" if n else
             f"The process timeline: no dated milestone of {names} on record")
    caption = ("Stars: the briefed states' sponsored texts (adoption date) and Convention actions; bars: sessions "
               "of each body; diamonds: adopted texts.")
    return image_chart(fig, caption, meetings, title=title)


def chart_vote_map(ctx: Context, symbol: str, caption: str, title: str | None = None) -> Chart | None:
    try:
        drawn = figures.history.vote_map(ctx.src, Filters(resolution=symbol))
    except figures.FigureUnavailable:
        return None
    return image_chart(drawn.fig, caption, drawn.table, title=title)

