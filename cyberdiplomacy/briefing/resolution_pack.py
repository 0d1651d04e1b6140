"""One resolution's pack: how and when it was adopted, who tabled and sponsored it, how each regional group voted,
and how members moved between it and its related text."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import defaults, figures, group_support, queries, vocabulary, wording
from cyberdiplomacy.briefing.context import WORLD, Context, references
from cyberdiplomacy.briefing.model import Briefing, Table
from cyberdiplomacy.briefing.pdf import TWO_COLUMN_ROWS
from cyberdiplomacy.briefing.resolution_charts import (
    chart_by_group,
    chart_committee,
    chart_competing,
    chart_sponsors_by_group,
)
from cyberdiplomacy.briefing.sentences import GROUP_SHORT, day, label_votes, listing, pct, with_article
from cyberdiplomacy.briefing.shared_charts import chart_timeline, chart_vote_map
from cyberdiplomacy.briefing.tables import tidy


def for_resolution(con, symbol: str) -> Briefing:
    ctx = Context(con)
    if symbol not in ctx.history.index:
        raise figures.FigureUnavailable(f"unknown resolution {symbol}")
    f = resolution_facts(ctx, symbol)
    row = f["row"]
    lead = chart_by_group(ctx, f) or chart_committee(ctx, f)
    vote_map = chart_vote_map(ctx, symbol, "Colour: each member's vote; grey: not a member on the day or no record; "
                                           "dots: small States.") if row["has_state_votes"] else None
    charts = [c for c in (vote_map, chart_committee(ctx, f) if lead is not None and lead.kind != "bar" else None,
                          chart_sponsors_by_group(ctx, f), chart_competing(ctx, f)) if c]
    if not row["has_state_votes"]:
        charts.append(chart_timeline(ctx, []))
    tables = resolution_tables(f)
    extra = [symbol] + [s.strip() for s in str(row["source"] or "").split(" ; ")]
    refs = references(ctx, [c for c in (lead, *charts) if c], tables, extra)
    title = row["title"] if isinstance(row["title"], str) and row["title"] else "title not on record"
    return Briefing("resolution", f"{symbol}: {title}",
                    f"Adopted {day(row['adopted_date'])} · {ctx.text_tally(symbol)} · "
                    f"{vocabulary.TRACK_LABELS.get(row['track'], row['track'])}",
                    resolution_summary(ctx, f), resolution_key_figures(ctx, f), lead, charts, tables, refs,
                    ctx.build, facts={"resolution": f})


def resolution_facts(ctx: Context, symbol: str) -> dict:
    row = ctx.history.loc[symbol]
    votes = queries.resolution_votes(ctx.con, symbol)
    committee = queries.resolution_votes(ctx.con, symbol, "committee")
    sponsors = queries.resolution_sponsors(ctx.con, symbol)
    groups = ctx.groups[(ctx.groups["resolution_symbol"] == symbol) & (ctx.groups["stage"] == "plenary")]
    pair = next(((a, b) for a, b in defaults.COMPETING_PAIRS.values() if symbol in (a, b)), None)
    return {"symbol": symbol, "row": row, "votes": votes, "committee": committee, "sponsors": sponsors,
            "groups": groups, "pair": pair}


# ---------------------------------------------------------------- page 1

def resolution_summary(ctx: Context, f: dict) -> list[str]:
    third = _group_sentences(f)
    fourth = _related_sentence(ctx, f)
    return [_adoption_sentences(f), _sponsor_sentence(ctx, f), " ".join(p for p in (third, fourth) if p)]


def _adoption_sentences(f: dict) -> str:
    """How and when the plenary adopted it, members not voting, and the committee's vote on its draft."""
    row, symbol = f["row"], f["symbol"]
    title = row["title"] if isinstance(row["title"], str) and row["title"] else "title not on record"
    mode = row["adoption_mode"]
    announced = wording.announced_tally(row)
    if mode == "without_vote":
        how = "without a vote"
    elif announced:
        y, n, a = (row[f"plenary_{w}_count"] for w in ("yes", "no", "abstain"))
        how = (f"by a recorded vote of {wording.count_text(y)} in favour, {wording.count_text(n)} against and "
               f"{wording.count_text(a)} abstentions (announced)")
    elif row["has_state_votes"]:
        how = f"by a recorded vote of {wording.tally_text(row.rename(symbol))}"
    else:
        how = "by a procedure not on record"
    first = f"{symbol}, “{title}”, was adopted by the General Assembly on {day(row['adopted_date'])} {how}"
    if row["has_state_votes"] and pd.notna(row.get("plenary_state_non_voting_count")):
        first += f"; {int(row['plenary_state_non_voting_count'])} members did not vote"
    first += "."
    committee = _committee_text(row)
    draft = row["draft_symbol"] if isinstance(row["draft_symbol"], str) and row["draft_symbol"] else None
    if committee:
        when = f" on {day(row['committee_date'])}" if pd.notna(row["committee_date"]) else " (date not on record)"
        first += (f" The {row['main_committee'] or 'Main'} Committee had approved "
                  f"{'draft ' + draft if draft else 'the draft'}{when} by {committee}.")
    elif draft:
        first += f" Draft: {draft}; no committee vote is on record."
    return first


def _committee_text(row) -> str | None:
    counts = [row.get(f"committee_{w}_count") for w in ("yes", "no", "abstain")]
    if all(c is None or pd.isna(c) for c in counts):
        return None
    return wording.tally(*counts)


def _sponsor_sentence(ctx: Context, f: dict) -> str:
    sp = f["sponsors"]
    if sp.empty:
        return "No sponsor is on record."
    main = f["row"]["main_sponsor_iso3"]
    by_group = sp["un_regional_group"].value_counts()
    parts = [f"{v} {GROUP_SHORT.get(k, k)}" for k, v in by_group.items()]
    lead = f"tabled by {with_article(ctx.name(main))} " if isinstance(main, str) and main else ""
    return (f"The draft was {lead}with {len(sp)} sponsors on record in all ({listing(parts)}; "
            f"{int((sp['role'] == 'original').sum())} original, {int((sp['role'] != 'original').sum())} joined "
            "later).")


def _group_sentences(f: dict) -> str:
    """Each regional group's votes, and where support was strongest and weakest; '' without group tallies."""
    groups = f["groups"][f["groups"]["un_regional_group"] != WORLD]
    if not len(groups):
        return ""
    parts = []
    for g in groups.itertuples():
        members = g.yes_count + g.no_count + g.abstain_count + g.non_voting_count
        parts.append(f"{g.un_regional_group} {g.yes_count} yes, {g.no_count} no, {g.abstain_count} abstaining of "
                     f"{members}")
    shares = group_support.yes_shares(groups.set_index("un_regional_group"), vocabulary.REGIONAL_GROUP_ORDER)
    text = f"By regional group: {'; '.join(parts)}."
    if (ends := group_support.strongest_and_weakest(shares)) is not None:
        best, worst = ends
        text += (f" Support was strongest among {best} ({pct(shares[best])} of its members voted yes) and "
                 f"weakest among {worst} ({pct(shares[worst])}).")
    return text


def _related_sentence(ctx: Context, f: dict) -> str:
    """How many members kept their vote between this text and its related one; '' without a related text."""
    if not f["pair"]:
        return ""
    symbol = f["symbol"]
    a, b = f["pair"]
    other = b if symbol == a else a
    both = queries.competing_votes(ctx.con, a, b)
    mine, theirs = ("vote_a", "vote_b") if symbol == a else ("vote_b", "vote_a")
    known = both[both[mine].notna() & both[theirs].notna()]
    same = int((known[mine] == known[theirs]).sum())
    return (f"Related text: {other} ({ctx.text_tally(other)}). Of the {len(known)} members with a vote on both, "
            f"{same} voted the same way on both and {len(known) - same} changed position.")


def resolution_key_figures(ctx: Context, f: dict) -> list[tuple[str, str]]:
    row = f["row"]
    out = [("Adopted", day(row["adopted_date"])), ("Plenary (yes–no–abstain)", ctx.text_tally(f["symbol"]))]
    if row["has_state_votes"]:
        out.append(("Members not voting", wording.count_text(row["plenary_state_non_voting_count"])))
    if (committee := _committee_text(row)):
        out.append(("Committee (yes–no–abstain)", committee))
    out.append(("Sponsors on record", str(len(f["sponsors"]))))
    if isinstance(row["draft_symbol"], str) and row["draft_symbol"]:
        out.append(("Draft", row["draft_symbol"]))
    out.append(("Track", vocabulary.TRACK_LABELS.get(row["track"], row["track"])))
    return out


# ---------------------------------------------------------------- annex

def resolution_tables(f: dict) -> list[Table]:
    """Plenary votes, committee votes when on record, and sponsors; long ones printed with fewer columns."""
    votes = label_votes(f["votes"])
    tables = [_narrowed(Table("Votes", "Plenary votes", tidy(votes, {
        "state_name": "State", "un_regional_group": "Regional group", "vote": "Vote", "vote_date": "Date",
        "origin": "Origin", "confidence": "Confidence", "source": "Source"}),
        "Every member's recorded plenary vote."), ["Date", "Origin", "Confidence"])] if len(votes) else []
    if len(f["committee"]):
        tables.append(_narrowed(Table("Committee votes", "Committee votes", tidy(label_votes(f["committee"]), {
            "state_name": "State", "un_regional_group": "Regional group", "vote": "Vote", "vote_date": "Date",
            "confidence": "Confidence", "source": "Source"})), ["Date", "Confidence"]))
    tables.append(_narrowed(Table("Sponsors", "Sponsors", tidy(f["sponsors"], {
        "draft_symbol": "Draft", "state_name": "State", "un_regional_group": "Regional group", "role": "Role",
        "joined_date": "Joined", "joined_in": "Joined in", "confidence": "Confidence", "source": "Source"})),
        ["Confidence"] + (["Draft"] if f["sponsors"]["draft_symbol"].nunique() == 1 else [])))
    return tables


def _narrowed(table: Table, columns: list[str]) -> Table:
    """A long table printed with fewer columns, so it flows in two columns; the PDF says which are left out."""
    dropped = [c for c in columns if c in table.frame.columns]
    if len(table.frame) <= TWO_COLUMN_ROWS or not dropped:
        return table
    table.shown = table.frame.drop(columns=dropped)
    table.cut = f"every row, without the column{'s' if len(dropped) > 1 else ''} {listing(dropped)}"
    if "Regional group" in table.shown.columns:  # one line per row: 'GRULAC', not 'Latin American and ...' on two
        table.shown["Regional group"] = table.shown["Regional group"].map(lambda g: GROUP_SHORT.get(g, g))
        table.cut += ", regional groups by short name"
    return table
