"""One state's pack: how it voted beside its group, what it sponsored, the Convention, its partners; and the entry
point for states, which hands two or more to the comparison pack."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import figures, queries, vocabulary, wording
from cyberdiplomacy.briefing import comparison_pack
from cyberdiplomacy.briefing import partners as ranking
from cyberdiplomacy.briefing.context import KEY_VOTES, MAX_STATES, REFERENCE_STATES, Context, group_standing, references
from cyberdiplomacy.briefing.model import Briefing, Chart, bar_chart
from cyberdiplomacy.briefing.sentences import MEASURE_TEXT, day, listing, pct
from cyberdiplomacy.briefing.shared_charts import chart_sponsorships, chart_timeline, chart_vote_map, vote_sources
from cyberdiplomacy.briefing.state_facts import state_facts
from cyberdiplomacy.briefing.tables import state_tables
from cyberdiplomacy.charts import theme


def for_states(con, iso3s: list[str]) -> Briefing:
    """One state's pack, or the comparison pack of two to MAX_STATES states."""
    ctx = Context(con)
    iso3s = list(dict.fromkeys(iso3s))
    unknown = [i for i in iso3s if i not in ctx.states.index]
    if unknown or not iso3s:
        raise figures.FigureUnavailable(f"unknown state code(s): {', '.join(unknown) or '(none given)'}")
    if len(iso3s) > MAX_STATES:
        raise figures.FigureUnavailable(f"a pack compares at most {MAX_STATES} states; {len(iso3s)} given")
    facts = [state_facts(ctx, i) for i in iso3s]
    if len(facts) > 1:
        return comparison_pack.for_comparison(ctx, facts)
    f = facts[0]
    lead = chart_votes_vs_group(ctx, f)
    vote = f["per_vote"].set_index("symbol")["vote"].get(KEY_VOTES[1]) if len(f["per_vote"]) else None
    charts = [c for c in (
        chart_vote_map(ctx, KEY_VOTES[1], "Colour: each member's vote; grey: not a member on the day or no record; "
                       "dots: small States.", f"{wording.sentence([f['name']], vote)} on {ctx.named(KEY_VOTES[1])}, "
                       f"adopted {ctx.text_tally(KEY_VOTES[1])}"),
        chart_alignment(ctx, f), chart_sponsorships(ctx, iso3s), chart_timeline(ctx, facts)) if c]
    tables = state_tables(ctx, facts)
    for t in tables:  # one state: its name on every row says nothing
        t.frame = t.frame.drop(columns=[c for c in ("State",) if c in t.frame.columns])
        if t.shown is not None:
            t.shown = t.shown.drop(columns=[c for c in ("State",) if c in t.shown.columns])
    refs = references(ctx, [lead, *charts], tables)
    return Briefing("state", f"{f['name']}: the UN cybercrime negotiations",
                    f"Votes, sponsorships, Convention status and partners · {f['group']}",
                    state_summary(ctx, f), state_key_figures(ctx, f), lead, charts, tables, refs, ctx.build,
                    facts={"states": facts})


def treaty_sentence(ctx: Context, name: str, uncc: pd.DataFrame) -> str:
    if uncc.empty:
        return (f"{name} has no signature or ratification of the UN Convention against Cybercrime on record as of "
                f"{ctx.built}.")
    parts = []
    for a in uncc.itertuples():
        where = f" in {a.place}" if isinstance(a.place, str) and a.place else ""
        parts.append(f"{'signed' if a.action == 'signature' else a.action + ' on'} "
                     f"{day(a.action_date) if pd.notna(a.action_date) else '(date not on record)'}{where}".replace(
                         "signed ", "signed it on ", 1))
    has_instrument = any(a != "signature" for a in uncc["action"])
    tail = "" if has_instrument else f"; no ratification on record as of {ctx.built}"
    return f"{name} {listing(parts)} (UN Convention against Cybercrime){tail}."


def state_summary(ctx: Context, f: dict) -> list[str]:
    """Page 1's three paragraphs: its votes; its sponsorships and the Convention; its partners and blocs."""
    blocs = f["current_blocs"]
    memberships = (f"Current memberships on record: {listing(blocs)}." if blocs else
                   "No bloc membership beyond its regional group is on record.")
    return [_votes_sentences(ctx, f), " ".join([_sponsored_sentence(ctx, f), treaty_sentence(ctx, f["name"], f["uncc"])]),
            " ".join([_partners_sentences(ctx, f), memberships])]


def _votes_sentences(ctx: Context, f: dict) -> str:
    name, group = f["name"], f["group"]
    key = [_key_vote_clause(ctx, f, symbol) for symbol in KEY_VOTES]
    counts = f["vote_counts"]
    did_not_vote = f", did not vote on {counts['X']}" if counts.get("X") else ""
    return (f"{name} ({group}): {key[0]}; {key[1]}. Of the {f['recorded']} recorded plenary votes on these texts "
            f"it voted yes on {counts.get('Y', 0)}, no on {counts.get('N', 0)} and abstained on "
            f"{counts.get('A', 0)}{did_not_vote}, and cast its group's most common vote on {f['with_group']} of the "
            f"{f['cast']} votes it cast.")


def _key_vote_clause(ctx: Context, f: dict, symbol: str) -> str:
    """'on 74/247 ... (79–60–33) it abstained, with the ... plurality (15 of 33 ...)'."""
    name, group = f["name"], f["group"]
    pv = f["per_vote"].set_index("symbol") if len(f["per_vote"]) else f["per_vote"]
    tally = ctx.text_tally(symbol)
    if symbol not in getattr(pv, "index", []):
        return f"on {ctx.named(symbol)} ({tally}) no vote of {name} is on record"
    row = pv.loc[symbol]
    st = group_standing(ctx.tally(symbol, group))
    same = {"Y": "group_yes", "N": "group_no", "A": "group_abstain"}.get(row["vote"])
    if st is None:
        relation = f"no {group} vote is on record"
    elif same is None:
        relation = wording.standing_text(group, st)
    else:
        relation = wording.relation(row["vote"], group, st, int(row[same]))
    return f"on {ctx.named(symbol)} ({tally}) it {wording.voted(row['vote'])}, {relation}"


def _sponsored_sentence(ctx: Context, f: dict) -> str:
    sp = f["sponsorships"]
    all_drafts = int(queries.run(ctx.con, "table_sponsorships")["draft_symbol"].nunique())
    if sp.empty:
        return f"It sponsored none of the {all_drafts} drafts whose sponsors are on record."
    # By role, each text named once: nine drafts listed with their symbols pushed page 1 onto a second page
    # (the drafts are in figure 3 and the Sponsorships table).
    by_role: dict[str, list[str]] = {}
    for r in sp.drop_duplicates("draft_symbol").itertuples():
        by_role.setdefault("an original" if r.role == "original" else "a later", []).append(
            ctx.named(r.resolution_symbol))
    parts = [f"as {role} sponsor, the draft{'s' if len(texts) > 1 else ''} of {listing(texts)}"
             for role, texts in by_role.items()]
    return (f"It sponsored {sp['draft_symbol'].nunique()} of the {all_drafts} drafts whose sponsors are on "
            f"record ({'; '.join(parts)}).")


def _partners_sentences(ctx: Context, f: dict) -> str:
    name, p = f["name"], f["partners"]
    if p:
        text = (f"Partners are {ranking.rule_text(name, p['cast'])}: of these {p['eligible']} states, closest: "
                f"{ranking.phrase(p['closest'], p['closest_share'])}; farthest: "
                f"{ranking.phrase(p['farthest'], p['farthest_share'])}.")
    else:
        text = (f"No state shared at least {ranking.minimum(f['cast'])} of the {f['cast']} votes {name} cast, so no "
                "voting partner is ranked.")
    refs = [f"{ctx.name(r)} {pct(v[0])} ({v[1]} shared)" for r, v in f["reference_agreement"].items() if v]
    if refs:
        text += f" Agreement with {listing(refs)}."
    return text


def state_key_figures(ctx: Context, f: dict) -> list[tuple[str, str]]:
    counts = f["vote_counts"]
    uncc = f["uncc"]
    if uncc.empty:
        convention = f"No signature on record ({ctx.built})"
    else:
        convention = "; ".join(
            f"{a.action.capitalize()} {str(a.action_date)[:10] if pd.notna(a.action_date) else '(date unknown)'}"
            for a in uncc.itertuples())
    p = f["partners"]
    figures_ = [("Recorded votes", f"{f['recorded']} (yes {counts.get('Y', 0)} · no {counts.get('N', 0)} · "
                                   f"abstain {counts.get('A', 0)})"),
                ("With its group's most common vote", f"{f['with_group']} of {f['cast']} votes cast"),
                ("Drafts sponsored", str(f["sponsorships"]["draft_symbol"].nunique())),
                ("UN Convention against Cybercrime", convention)]
    if p:
        for label, rows, share in (("Closest", p["closest"], p["closest_share"]),
                                   ("Farthest", p["farthest"], p["farthest_share"])):
            figures_.append((f"{label} partner{'s' if len(rows) > 1 else ''} (≥ {p['threshold']} shared votes)",
                             ranking.key_figure(rows, share)))
    # The reference states in one panel: one each made a third row that pushed the panel onto page 2.
    refs = {r: v for r, v in f["reference_agreement"].items() if v}
    if refs:
        counts = {v[1] for v in refs.values()}
        over = (f"over {counts.pop()} shared votes each" if len(counts) == 1 else
                "over " + ", ".join(str(v[1]) for v in refs.values()) + " shared votes")
        figures_.append((f"Agreement with {listing([ctx.name(r) for r in refs])}",
                         f"{' · '.join(pct(v[0]) for v in refs.values())} {over}"))
    return figures_

def chart_votes_vs_group(ctx: Context, f: dict) -> Chart:
    pv = f["per_vote"]
    name, group = f["name"], f["group"]
    cats = [f"{ctx.named(r.symbol)} ({pd.Timestamp(r.vote_date).year}): {vocabulary.vote_label(r.vote)}"
            for r in pv.itertuples()]
    series = {f"{group}": list(pv["group_same_share"]), "All members": list(pv["world_same_share"])}
    title = (f"{name} cast the most common vote of the {group} on {f['with_group']} of the {f['cast']} recorded votes "
             "it cast")
    caption = (f"Each pair of bars: share of the {group} and of all members casting a vote who voted as {name} did "
               "(label: its vote). Below 50%: it was in the minority.")
    return bar_chart(title, caption, cats, series, sources=vote_sources(ctx, f["votes"]), built=ctx.built,
                     colours={group: theme.REGIONAL_GROUP_COLOURS.get(group, "#56B4E9"), "All members": "#999999"},
                     percent=True, horizontal=True, axis_title=f"voted as {name} did", table=pv)


def chart_alignment(ctx: Context, f: dict) -> Chart | None:
    agreement, p = f["agreement"], f["partners"]
    if agreement.empty or not p:
        return None
    rows = []
    for r in REFERENCE_STATES:
        if r != f["iso3"] and (v := f["reference_agreement"].get(r)):
            rows.append((f"{ctx.name(r)} (reference)", v[0]))
    shown = {r for r in REFERENCE_STATES}
    for label, frame in (("closest", p["closest"]), ("farthest", p["farthest"])):
        for r in frame.head(3).itertuples():
            if r.other_iso3 not in shown:
                shown.add(r.other_iso3)
                rows.append((f"{r.other_state_name} ({label}, {int(r.shared_vote_count)} shared)", r.agreement_share))
    rows.sort(key=lambda x: -x[1])
    ref_text = listing([f"{ctx.name(r)} {pct(v[0])}" for r, v in f["reference_agreement"].items() if v])
    title = f"Agreement of {f['name']} with {ref_text} over their shared recorded votes"
    caption = (f"{MEASURE_TEXT} Reference states first in mind, with the closest and farthest partners among states "
               f"sharing at least {p['threshold']} of the {p['cast']} votes {f['name']} cast (ties: the three with most "
               "shared votes).")
    table = agreement.rename(columns={"other_state_name": "state"})
    return bar_chart(title, caption, [r[0] for r in rows], {"Agreement": [r[1] for r in rows]},
                     sources=vote_sources(ctx, f["votes"]), built=ctx.built, horizontal=True, percent=True,
                     colours={"Agreement": "#0072B2"}, table=table)

