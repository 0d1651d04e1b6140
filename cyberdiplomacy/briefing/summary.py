"""Packs built from the warehouse: every sentence, number and figure title is generated from the data."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from cyberdiplomacy import alignment_views, defaults, figures, formatting, group_support, headlines, measures, queries, wording
from cyberdiplomacy.briefing import partners as ranking
from cyberdiplomacy.briefing import titles
from cyberdiplomacy.briefing.model import Briefing, Chart, Reference, Table, bar_chart, image_chart
from cyberdiplomacy.briefing.pdf import TWO_COLUMN_ROWS
from cyberdiplomacy.charts import theme
from cyberdiplomacy.filters import Filters

KEY_VOTES = defaults.KEY_TEXTS[:2]  # 73/187 and 74/247: the votes that launched the treaty
REFERENCE_STATES = defaults.REFERENCE_STATES
MAX_STATES = defaults.MAX_COMPARED_STATES
WORLD = "World"
# Every agreement figure of a pack uses the one default measure: its captions say which, and what it counts.
MEASURE = measures.MEASURES[defaults.AGREEMENT_METHOD]
MEASURE_TEXT = f"Agreement by the {MEASURE.label}: {MEASURE.formula}"
# On page 1, beside the side-by-side table, the measure by name; the partner table's note defines it in full.
LEAD_MEASURE_TEXT = f"Agreement by the {MEASURE.label}; defined in full with the partner table (annex)."
GROUP_SHORT = {"African States": "African", "Asia-Pacific States": "Asia-Pacific",
               "Eastern European States": "Eastern European", "Latin American and Caribbean States": "GRULAC",
               "Western European and other States": "WEOG", "No regional group": "no group"}


# ---------------------------------------------------------------- words and numbers

def short(symbol: str) -> str:
    return str(symbol).replace("A/RES/", "")


def pct(value) -> str:
    return "unknown" if value is None or pd.isna(value) else f"{value:.0%}"


def day(value) -> str:
    if value is None or pd.isna(value):
        return "an unknown date"
    value = pd.Timestamp(value)
    return f"{value.day} {value:%B %Y}"


def listing(items: list[str], limit: int = 0) -> str:
    """'A', 'A and B', 'A, B and C'; beyond `limit` items: 'A, B, C and 12 more'."""
    items = list(items)
    if limit and len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def with_article(name: str) -> str:
    """'the Russian Federation', 'the United States of America'; 'China' as it is."""
    definite = ("Russian Federation", "United ", "Republic of", "Netherlands", "Philippines", "Democratic ",
                "Islamic Republic", "Syrian Arab", "Lao People", "Czech", "Dominican Republic", "Central African")
    return f"the {name}" if name.startswith(definite) else name


def label_votes(frame: pd.DataFrame, columns=("vote",)) -> pd.DataFrame:
    out = frame.copy()
    for column in columns:
        if column in out.columns:
            out[column] = out[column].map(lambda v: theme.VOTE_LABELS.get(v, v) if isinstance(v, str) else v)
    return out


# ---------------------------------------------------------------- shared context

class Context:
    """What every pack reads once: build info, states, per-group tallies, texts, treaty status."""

    def __init__(self, con):
        self.con = con
        info = queries.build_info(con)
        self.build = info.iloc[0].to_dict() if len(info) else {}
        self.built = str(self.build.get("data_built_date", ""))[:10]
        self.states = queries.states(con).set_index("iso3")
        self.history = queries.resolution_history(con).set_index("symbol")
        self.groups = queries.briefing_group_votes(con)
        self.src = figures.Direct(con)  # figures drawn here are the pages' figures, built by the same code
        self.imported = figures.imported_on(self.src)

    def partners(self, iso3: str) -> pd.DataFrame:
        """Every state's agreement with iso3: the one measure of the Alignment page and State explorer."""
        try:
            result = figures.states.agreement_result(self.src, Filters(), "cyber", defaults.AGREEMENT_METHOD)
        except figures.FigureUnavailable:
            return alignment_views.partners_frame()
        partners = alignment_views.partners(result, iso3, self.src.query(queries.state_labels))
        return partners.sort_values(["agreement_share", "shared_vote_count", "other_state_name"],
                                    ascending=[False, False, True], ignore_index=True)

    def named(self, symbol: str) -> str:
        """'73/187 Countering criminal use of ICTs': every text a pack mentions, by symbol and short title."""
        title = self.history.at[symbol, "title"] if symbol in self.history.index else None
        return titles.named(symbol, title)

    def name(self, iso3: str) -> str:
        return str(self.states.at[iso3, "name"]) if iso3 in self.states.index else iso3

    def group(self, iso3: str) -> str:
        value = self.states.at[iso3, "un_regional_group"] if iso3 in self.states.index else None
        return value if isinstance(value, str) and value else "No regional group"

    def tally(self, symbol: str, group: str, stage: str = "plenary") -> pd.Series | None:
        rows = self.groups[(self.groups["resolution_symbol"] == symbol) & (self.groups["stage"] == stage)
                           & (self.groups["un_regional_group"] == group)]
        return rows.iloc[0] if len(rows) else None

    def text_tally(self, symbol: str) -> str:
        if symbol not in self.history.index:
            return "not on record"
        return headlines.tally_text(self.history.loc[symbol].rename(symbol))


def group_standing(tally: pd.Series | None) -> wording.Standing | None:
    """A group's largest position on a vote (a majority, a plurality or a tie); None without votes."""
    if tally is None:
        return None
    return wording.standing(tally["yes_count"], tally["no_count"], tally["abstain_count"])


def most_common(tally: pd.Series | None) -> str | None:
    """The position most members of a group cast (Y, N or A), majority or not; 'split' on a tie; None without votes."""
    st = group_standing(tally)
    return None if st is None else st.code


def same_share(tally: pd.Series | None, vote: str | None) -> float | None:
    """Share of members casting a vote (Y, N or A) who cast `vote`."""
    if tally is None or vote not in ("Y", "N", "A"):
        return None
    cast = tally["yes_count"] + tally["no_count"] + tally["abstain_count"]
    column = {"Y": "yes_count", "N": "no_count", "A": "abstain_count"}[vote]
    return tally[column] / cast if cast else None


# ---------------------------------------------------------------- one state's facts

def state_facts(ctx: Context, iso3: str) -> dict:
    """The numbers behind a state's summary (tested against the warehouse)."""
    name, group = ctx.name(iso3), ctx.group(iso3)
    votes = queries.state_votes(ctx.con, [iso3])
    plenary = votes[votes["stage"] == "plenary"].drop_duplicates("resolution_symbol").set_index("resolution_symbol")
    per_vote = []
    for symbol, row in plenary.iterrows():
        mine = row["vote"]
        group_tally, world_tally = ctx.tally(symbol, group), ctx.tally(symbol, WORLD)
        per_vote.append({"symbol": symbol, "vote_date": row["vote_date"], "vote": mine,
                         "group_position": most_common(group_tally), "world_position": most_common(world_tally),
                         "group_same_share": same_share(group_tally, mine),
                         "world_same_share": same_share(world_tally, mine),
                         "group_yes": None if group_tally is None else int(group_tally["yes_count"]),
                         "group_no": None if group_tally is None else int(group_tally["no_count"]),
                         "group_abstain": None if group_tally is None else int(group_tally["abstain_count"]),
                         "group_members": None if group_tally is None else int(
                             group_tally[["yes_count", "no_count", "abstain_count", "non_voting_count"]].sum())})
    per_vote = pd.DataFrame(per_vote, columns=["symbol", "vote_date", "vote", "group_position", "world_position",
                                               "group_same_share", "world_same_share", "group_yes", "group_no",
                                               "group_abstain", "group_members"])
    cast = per_vote[per_vote["vote"].isin(["Y", "N", "A"])]
    with_group = int((cast["vote"] == cast["group_position"]).sum())
    sponsorships = queries.state_sponsorships(ctx.con, [iso3])
    treaty = queries.state_treaty_actions(ctx.con, [iso3])
    uncc = treaty[treaty["treaty"] == headlines.UNCC]
    blocs = queries.state_blocs(ctx.con, [iso3])
    current = sorted(set(blocs.loc[blocs["is_member_now"] & (blocs["bloc_kind"] != "un_regional_group"), "bloc"]))
    agreement = ctx.partners(iso3)
    return {"iso3": iso3, "name": name, "group": group, "votes": votes, "per_vote": per_vote,
            "vote_counts": plenary["vote"].value_counts().to_dict(), "recorded": len(plenary),
            "cast": len(cast), "with_group": with_group, "sponsorships": sponsorships, "treaty": treaty,
            "uncc": uncc, "blocs": blocs, "current_blocs": current, "agreement": agreement,
            "partners": ranking.rank(agreement, len(cast)), "reference_agreement": {
                r: _share_with(agreement, r) for r in REFERENCE_STATES if r != iso3}}


def _share_with(agreement: pd.DataFrame, other: str) -> tuple[float, int] | None:
    row = agreement[agreement["other_iso3"] == other]
    return (float(row["agreement_share"].iloc[0]), int(row["shared_vote_count"].iloc[0])) if len(row) else None


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
    name, group = f["name"], f["group"]
    pv = f["per_vote"].set_index("symbol") if len(f["per_vote"]) else f["per_vote"]
    key = []
    for symbol in KEY_VOTES:
        tally = ctx.text_tally(symbol)
        if symbol not in getattr(pv, "index", []):
            key.append(f"on {ctx.named(symbol)} ({tally}) no vote of {name} is on record")
            continue
        row = pv.loc[symbol]
        st = group_standing(ctx.tally(symbol, group))
        same = {"Y": "group_yes", "N": "group_no", "A": "group_abstain"}.get(row["vote"])
        if st is None:
            relation = f"no {group} vote is on record"
        elif same is None:
            relation = wording.standing_text(group, st)
        else:
            relation = wording.relation(row["vote"], group, st, int(row[same]))
        key.append(f"on {ctx.named(symbol)} ({tally}) it {wording.voted(row['vote'])}, {relation}")
    counts = f["vote_counts"]
    did_not_vote = f", did not vote on {counts['X']}" if counts.get("X") else ""
    first = (f"{name} ({group}): {key[0]}; {key[1]}. Of the {f['recorded']} recorded plenary votes on these texts "
             f"it voted yes on {counts.get('Y', 0)}, no on {counts.get('N', 0)} and abstained on "
             f"{counts.get('A', 0)}{did_not_vote}, and cast its group's most common vote on {f['with_group']} of the "
             f"{f['cast']} votes it cast.")
    sp = f["sponsorships"]
    all_drafts = int(queries.run(ctx.con, "table_sponsorships")["draft_symbol"].nunique())
    if sp.empty:
        second = f"It sponsored none of the {all_drafts} drafts whose sponsors are on record."
    else:
        # By role, each text named once: nine drafts listed with their symbols pushed page 1 onto a second page
        # (the drafts are in figure 3 and the Sponsorships table).
        by_role: dict[str, list[str]] = {}
        for r in sp.drop_duplicates("draft_symbol").itertuples():
            by_role.setdefault("an original" if r.role == "original" else "a later", []).append(
                ctx.named(r.resolution_symbol))
        parts = [f"as {role} sponsor, the draft{'s' if len(texts) > 1 else ''} of {listing(texts)}"
                 for role, texts in by_role.items()]
        second = (f"It sponsored {sp['draft_symbol'].nunique()} of the {all_drafts} drafts whose sponsors are on "
                  f"record ({'; '.join(parts)}).")
    third = treaty_sentence(ctx, name, f["uncc"])
    p = f["partners"]
    if p:
        fourth = (f"Partners are {ranking.rule_text(name, p['cast'])}: of these {p['eligible']} states, closest: "
                  f"{ranking.phrase(p['closest'], p['closest_share'])}; farthest: "
                  f"{ranking.phrase(p['farthest'], p['farthest_share'])}.")
    else:
        fourth = (f"No state shared at least {ranking.minimum(f['cast'])} of the {f['cast']} votes {name} cast, so no "
                  "voting partner is ranked.")
    refs = [f"{ctx.name(r)} {pct(v[0])} ({v[1]} shared)" for r, v in f["reference_agreement"].items() if v]
    if refs:
        fourth += f" Agreement with {listing(refs)}."
    blocs = f["current_blocs"]
    fifth = (f"Current memberships on record: {listing(blocs)}." if blocs else
             "No bloc membership beyond its regional group is on record.")
    return [first, " ".join([second, third]), " ".join([fourth, fifth])]


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


# ---------------------------------------------------------------- charts for states

def _vote_sources(ctx: Context, frame: pd.DataFrame) -> list[str]:
    symbols = list(dict.fromkeys(frame["resolution_symbol"])) if "resolution_symbol" in frame.columns else []
    return symbols + theme.table_sources(frame, ctx.imported)


def chart_votes_vs_group(ctx: Context, f: dict) -> Chart:
    pv = f["per_vote"]
    name, group = f["name"], f["group"]
    cats = [f"{ctx.named(r.symbol)} ({pd.Timestamp(r.vote_date).year}): {theme.vote_label(r.vote)}"
            for r in pv.itertuples()]
    series = {f"{group}": list(pv["group_same_share"]), "All members": list(pv["world_same_share"])}
    title = (f"{name} cast the most common vote of the {group} on {f['with_group']} of the {f['cast']} recorded votes "
             "it cast")
    caption = (f"Each pair of bars: share of the {group} and of all members casting a vote who voted as {name} did "
               "(label: its vote). Below 50%: it was in the minority.")
    return bar_chart(title, caption, cats, series, sources=_vote_sources(ctx, f["votes"]), built=ctx.built,
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
                     sources=_vote_sources(ctx, f["votes"]), built=ctx.built, horizontal=True, percent=True,
                     colours={"Agreement": "#0072B2"}, table=table)


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
        frame = pd.DataFrame(milestones, columns=["state", "date", "what"])
        fig.add_scatter(x=pd.to_datetime(frame["date"]), y=frame["state"], mode="markers", name="Milestones of the "
                        "states briefed", marker=dict(symbol="star", size=13, color="#000000"),
                        text=frame["what"], hovertemplate="%{y}: %{text} · %{x|%d %b %Y}<extra></extra>")
    existing = list(fig.layout.yaxis.categoryarray or [])
    fig.update_layout(yaxis=dict(categoryarray=rows + [r for r in existing if r not in rows]),
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


# ---------------------------------------------------------------- tables

def _tidy(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    present = {k: v for k, v in columns.items() if k in frame.columns}
    return frame[list(present)].rename(columns=present)


def state_tables(ctx: Context, facts: list[dict]) -> list[Table]:
    votes = pd.concat([f["votes"] for f in facts], ignore_index=True)
    majorities = []
    for f in facts:
        pv = f["per_vote"].assign(iso3=f["iso3"], group=f["group"])
        majorities.append(pv)
    maj = pd.concat(majorities, ignore_index=True).rename(columns={"symbol": "resolution_symbol"})
    votes = votes.merge(maj[["iso3", "resolution_symbol", "group_position", "world_position"]],
                        on=["iso3", "resolution_symbol"], how="left")
    votes.loc[votes["stage"] != "plenary", ["group_position", "world_position"]] = None
    votes = label_votes(votes, ("vote", "group_position", "world_position"))
    votes["short_title"] = votes["title"].map(titles.short_title) if "title" in votes.columns else ""
    votes[["group_position", "world_position"]] = votes[["group_position", "world_position"]].replace({"split": "Tie"})
    vote_table = _tidy(votes, {"state_name": "State", "resolution_symbol": "Resolution", "short_title": "Short title",
                               "stage": "Stage", "vote_date": "Date", "title": "Title", "vote": "Vote",
                               "group_position": "Group's most common vote",
                               "world_position": "World's most common vote",
                               "origin": "Origin", "confidence": "Confidence", "source": "Source"})
    spons = pd.concat([f["sponsorships"] for f in facts], ignore_index=True)
    blocs = pd.concat([f["blocs"] for f in facts], ignore_index=True)
    treaty = pd.concat([f["treaty"] for f in facts], ignore_index=True)
    tables = [
        Table("Votes", "Recorded votes", vote_table,
              "Every recorded vote of the states briefed on these texts, with the most common vote of their group and "
              "of all members (a majority or not; Tie when two positions drew as many votes).",
              *_printed_votes(vote_table)),
        Table("Sponsorships", "Sponsorships", _tidy(spons, {
            "state_name": "State", "draft_symbol": "Draft", "resolution_symbol": "Resolution", "adopted_date": "Adopted",
            "role": "Role", "joined_date": "Joined", "confidence": "Confidence", "source": "Source"})),
        Table("Blocs", "Bloc memberships", _tidy(blocs, {
            "state_name": "State", "bloc": "Bloc", "bloc_kind": "Kind", "joined_date": "Joined", "left_date": "Left",
            "confidence": "Confidence", "source": "Source"})),
        Table("Treaty actions", "Treaty actions", _tidy(treaty, {
            "state_name": "State", "treaty": "Treaty", "action": "Action", "action_date": "Date", "place": "Place",
            "confidence": "Confidence", "source": "Source"})),
        partner_table(facts),
    ]
    return tables


def _printed_votes(table: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The vote table as the PDF prints it: each text by its short title, in columns few enough to flow in two."""
    left_out = ["Origin", "Confidence", "World's most common vote"]
    if table["Stage"].nunique() <= 1:
        left_out.insert(0, "Stage")
    left_out = [c for c in left_out if c in table.columns]
    return (table.drop(columns=["Title", *left_out], errors="ignore"),
            f"every row, each text by its short title, without the columns {listing(left_out)}")


PARTNER_COLUMNS = {"state": "State", "other_state_name": "Partner", "other_un_regional_group": "Partner's group",
                   "shared_vote_count": "Shared votes", "same_vote_count": "Same votes", "agreement_share": "Agreement"}


def _partner_rows(frame: pd.DataFrame) -> pd.DataFrame:
    return _tidy(frame.assign(agreement_share=frame["agreement_share"].map(pct)), PARTNER_COLUMNS)


def partner_table(facts: list[dict]) -> Table:
    """Every partner in the workbook; the PDF prints each state's closest and farthest ranked partners."""
    every = pd.concat([f["agreement"].assign(state=f["name"]) for f in facts], ignore_index=True)
    parts, cuts = [], []
    for f in facts:
        p = f["partners"]
        if not p:
            rows = f["agreement"].head(0)
            text = f"no partner ranked (no state shared {ranking.minimum(f['cast'])} of its {f['cast']} votes cast)"
        else:
            each = ranking.PRINTED_EACH_END if len(facts) == 1 else ranking.COMPARED_EACH_END
            rows, text = ranking.printed(p, each) or (p["ranked"], f"all {p['eligible']} states sharing at least "
                                                             f"{p['threshold']} of {p['cast']} votes cast")
        parts.append(rows.assign(state=f["name"]))
        cuts.append(text if len(facts) == 1 else f"{f['name']}: {text}")
    printed = pd.concat(parts, ignore_index=True)
    shown = _partner_rows(printed) if len(printed) < len(every) else None
    return Table("Partners", "Voting partners", _partner_rows(every),
                 "Every state that cast a recorded vote alongside the states briefed, closest first; partners are "
                 f"ranked only among states sharing at least {ranking.MIN_SHARED_VOTES} and three quarters of the "
                 f"votes a state cast. {measures.definition(defaults.AGREEMENT_METHOD)}", shown, "; ".join(cuts))


# ---------------------------------------------------------------- references

def references(ctx: Context, charts: list[Chart], tables: list[Table], extra: list[str] = ()) -> list[Reference]:
    refs = [s for c in charts for s in c.sources] + list(extra)
    for t in tables:
        if "Source" in t.frame.columns:
            refs += [p.strip() for cell in t.frame["Source"].dropna() for p in str(cell).split(" ; ")]
    refs = list(dict.fromkeys(r for r in refs if r and r != "nan"))
    if not refs:
        return []
    found = queries.briefing_references(ctx.con, refs)
    out = []
    for r in found.itertuples():
        title = r.title if isinstance(r.title, str) else ""
        url = r.link_url if isinstance(r.link_url, str) else ""
        out.append(Reference(int(r.position), r.source_ref, title, url))
    return out


# ---------------------------------------------------------------- packs

def for_states(con, iso3s: list[str]) -> Briefing:
    ctx = Context(con)
    iso3s = list(dict.fromkeys(iso3s))
    unknown = [i for i in iso3s if i not in ctx.states.index]
    if unknown or not iso3s:
        raise figures.FigureUnavailable(f"unknown state code(s): {', '.join(unknown) or '(none given)'}")
    if len(iso3s) > MAX_STATES:
        raise figures.FigureUnavailable(f"a pack compares at most {MAX_STATES} states; {len(iso3s)} given")
    facts = [state_facts(ctx, i) for i in iso3s]
    if len(facts) > 1:
        return _comparison(ctx, facts)
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


def _comparison(ctx: Context, facts: list[dict]) -> Briefing:
    names = [f["name"] for f in facts]
    iso3s = [f["iso3"] for f in facts]
    # Side by side: one column per state.
    rows = {}
    for f in facts:
        pv = f["per_vote"].set_index("symbol") if len(f["per_vote"]) else None
        col = {"Regional group": f["group"]}
        for s in KEY_VOTES:
            if pv is not None and s in pv.index:
                r = pv.loc[s]
                maj = r["group_position"]
                col[f"Vote on {ctx.named(s)}"] = (f"{theme.vote_label(r['vote'])} (group: "
                                                  f"{theme.vote_label(maj) if maj != 'split' else 'tie'})")
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
        rows[f["name"]] = col
    comparison = pd.DataFrame(rows)
    # Pairwise agreement among the chosen states.
    pairs = []
    for i, a in enumerate(facts):
        for b in facts[i + 1:]:
            v = _share_with(a["agreement"], b["iso3"])
            if v:
                pairs.append((f"{a['name']} – {b['name']}", v[0], v[1]))
    pairs.sort(key=lambda x: -x[1])
    summary = []
    for s in KEY_VOTES:
        by_vote: dict[str, list[str]] = {}
        for f in facts:
            pv = f["per_vote"].set_index("symbol") if len(f["per_vote"]) else None
            code = pv.loc[s, "vote"] if pv is not None and s in pv.index else None
            by_vote.setdefault(code, []).append(f["name"])
        summary.append(f"On {ctx.named(s)} ({ctx.text_tally(s)}): "
                       + "; ".join(wording.sentence(v, code) for code, v in by_vote.items()) + ".")
    summary = [" ".join(summary)]
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
    lead = bar_chart(
        (f"{pairs[0][0]} agree most ({pct(pairs[0][1])}), {pairs[-1][0]} least ({pct(pairs[-1][1])})"
         if pairs else "No shared recorded votes among these states"),
        LEAD_MEASURE_TEXT,
        [p[0] for p in pairs], {"Agreement": [p[1] for p in pairs]}, sources=_vote_sources(ctx, facts[0]["votes"]),
        built=ctx.built, horizontal=True, percent=True, colours={"Agreement": "#0072B2"})
    with_group = {f["name"]: (f["with_group"] / f["cast"] if f["cast"] else None) for f in facts}
    with_world = {}
    for f in facts:
        cast = f["per_vote"][f["per_vote"]["vote"].isin(["Y", "N", "A"])]
        with_world[f["name"]] = (cast["vote"] == cast["world_position"]).mean() if len(cast) else None
    best = max(with_group, key=lambda k: with_group[k] or 0)
    worst = min(with_group, key=lambda k: with_group[k] or 0)
    group_chart = bar_chart(
        f"{best} cast its group's most common vote most often ({pct(with_group[best])}), {worst} least "
        f"({pct(with_group[worst])})",
        "Share of each state's recorded votes cast as most of its regional group and as most of all members voted "
        "(the most common vote, a majority or not).", names,
        {"With its group's most common vote": list(with_group.values()),
         "With the most common vote of all members": list(with_world.values())},
        sources=_vote_sources(ctx, pd.concat([f["votes"] for f in facts])), built=ctx.built, percent=True,
        colours={"With its group's most common vote": "#56B4E9", "With the most common vote of all members": "#999999"})
    refs_series = {ctx.name(r): [f["reference_agreement"].get(r, (None, 0))[0] if f["iso3"] != r else 1.0
                                 for f in facts] for r in REFERENCE_STATES}
    alignment = bar_chart(
        "Agreement with " + listing([ctx.name(r) for r in REFERENCE_STATES]) + ": "
        + "; ".join(f"{f['name']} closest to {ctx.name(_closest_reference(f))}" for f in facts
                    if any(f["reference_agreement"].values())),
        f"{MEASURE_TEXT} A state with itself: 100%.", names, refs_series,
        sources=_vote_sources(ctx, pd.concat([f["votes"] for f in facts])), built=ctx.built, percent=True,
        colours=dict(zip([ctx.name(r) for r in REFERENCE_STATES], ["#D55E00", "#0072B2", "#E69F00"], strict=True)))
    charts = [group_chart, alignment]
    map_chart = chart_vote_map(ctx, KEY_VOTES[1], "; ".join(
        wording.sentence([f["name"]], f["per_vote"].set_index("symbol")["vote"].get(KEY_VOTES[1])
                         if len(f["per_vote"]) else None)
        for f in facts) + ". Grey: not a member on the day or no record.")
    if map_chart:
        charts.insert(0, map_chart)
    charts += [chart_sponsorships(ctx, iso3s), chart_timeline(ctx, facts)]
    tables = state_tables(ctx, facts)
    wide = _votes_wide(facts)
    tables.insert(0, Table("Votes side by side", "Votes side by side", wide,
                           "One row per recorded plenary vote, one column per state briefed."))
    votes = next(t for t in tables if t.key == "Votes")  # the same votes, one row each: the PDF prints them once
    votes.shown, votes.cut = votes.frame.head(0), "none of its rows (every vote is in A1, side by side)"
    refs = references(ctx, [lead, *charts], tables)
    return Briefing("comparison", f"{listing(names)} compared: the UN cybercrime negotiations",
                    "Side by side: votes, group majorities, sponsorships, Convention status, partners",
                    summary, [], lead, charts, tables, refs, ctx.build, comparison=comparison,
                    facts={"states": facts, "pairs": pairs})


# The ranking rule in the row's name: a row of its own pushed the side-by-side table onto a second page.
CLOSEST = f"Closest partners (sharing ≥ ¾ of its votes, ≥ {ranking.MIN_SHARED_VOTES})"
FARTHEST = "Farthest partners (same rule)"


def _sponsored_cell(ctx: Context, sponsorships: pd.DataFrame) -> str:
    """'9, as an original sponsor: ICT developments and security 73/27, 74/29; ...' (each title once)."""
    if sponsorships.empty:
        return "None"
    parts = []
    for role, rows in sponsorships.groupby(sponsorships["role"] == "original", sort=False):
        texts = [(s, ctx.history.at[s, "title"] if s in ctx.history.index else None) for s in rows["resolution_symbol"]]
        parts.append(f"as {'an original' if role else 'a later'} sponsor: {titles.grouped(texts)}")
    return f"{len(sponsorships)}, " + "; ".join(parts)


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


# ---------------------------------------------------------------- a resolution

def resolution_facts(ctx: Context, symbol: str) -> dict:
    row = ctx.history.loc[symbol]
    votes = queries.resolution_votes(ctx.con, symbol)
    committee = queries.resolution_votes(ctx.con, symbol, "committee")
    sponsors = queries.resolution_sponsors(ctx.con, symbol)
    groups = ctx.groups[(ctx.groups["resolution_symbol"] == symbol) & (ctx.groups["stage"] == "plenary")]
    pair = next(((a, b) for a, b in defaults.COMPETING_PAIRS.values() if symbol in (a, b)), None)
    return {"symbol": symbol, "row": row, "votes": votes, "committee": committee, "sponsors": sponsors,
            "groups": groups, "pair": pair}


def _committee_text(row) -> str | None:
    counts = [row.get(f"committee_{w}_count") for w in ("yes", "no", "abstain")]
    if all(c is None or pd.isna(c) for c in counts):
        return None
    return formatting.tally(*counts)


def resolution_summary(ctx: Context, f: dict) -> list[str]:
    row, symbol = f["row"], f["symbol"]
    title = row["title"] if isinstance(row["title"], str) and row["title"] else "title not on record"
    mode = row["adoption_mode"]
    announced = formatting.announced_tally(row)
    if mode == "without_vote":
        how = "without a vote"
    elif announced:
        y, n, a = (row[f"plenary_{w}_count"] for w in ("yes", "no", "abstain"))
        how = (f"by a recorded vote of {formatting.count_text(y)} in favour, {formatting.count_text(n)} against and "
               f"{formatting.count_text(a)} abstentions (announced)")
    elif row["has_state_votes"]:
        how = f"by a recorded vote of {headlines.tally_text(row.rename(symbol))}"
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
    sp = f["sponsors"]
    if sp.empty:
        second = "No sponsor is on record."
    else:
        main = row["main_sponsor_iso3"]
        by_group = sp["un_regional_group"].value_counts()
        parts = [f"{v} {GROUP_SHORT.get(k, k)}" for k, v in by_group.items()]
        lead = f"tabled by {with_article(ctx.name(main))} " if isinstance(main, str) and main else ""
        second = (f"The draft was {lead}with {len(sp)} sponsors on record in all ({listing(parts)}; "
                  f"{int((sp['role'] == 'original').sum())} original, {int((sp['role'] != 'original').sum())} joined "
                  "later).")
    groups = f["groups"][f["groups"]["un_regional_group"] != WORLD]
    third = ""
    if len(groups):
        parts = []
        for g in groups.itertuples():
            members = g.yes_count + g.no_count + g.abstain_count + g.non_voting_count
            parts.append(f"{g.un_regional_group} {g.yes_count} yes, {g.no_count} no, {g.abstain_count} abstaining of "
                         f"{members}")
        shares = group_support.yes_shares(groups.set_index("un_regional_group"), theme.REGIONAL_GROUP_ORDER)
        third = f"By regional group: {'; '.join(parts)}."
        if (ends := group_support.strongest_and_weakest(shares)) is not None:
            best, worst = ends
            third += (f" Support was strongest among {best} ({pct(shares[best])} of its members voted yes) and "
                      f"weakest among {worst} ({pct(shares[worst])}).")
    fourth = ""
    if f["pair"]:
        a, b = f["pair"]
        other = b if symbol == a else a
        both = queries.competing_votes(ctx.con, a, b)
        mine, theirs = ("vote_a", "vote_b") if symbol == a else ("vote_b", "vote_a")
        known = both[both[mine].notna() & both[theirs].notna()]
        same = int((known[mine] == known[theirs]).sum())
        fourth = (f"Related text: {other} ({ctx.text_tally(other)}). Of the {len(known)} members with a vote on both, "
                  f"{same} voted the same way on both and {len(known) - same} changed position.")
    return [first, second, " ".join(p for p in (third, fourth) if p)]


def resolution_key_figures(ctx: Context, f: dict) -> list[tuple[str, str]]:
    row = f["row"]
    out = [("Adopted", day(row["adopted_date"])), ("Plenary (yes–no–abstain)", ctx.text_tally(f["symbol"]))]
    if row["has_state_votes"]:
        out.append(("Members not voting", formatting.count_text(row["plenary_state_non_voting_count"])))
    if (committee := _committee_text(row)):
        out.append(("Committee (yes–no–abstain)", committee))
    out.append(("Sponsors on record", str(len(f["sponsors"]))))
    if isinstance(row["draft_symbol"], str) and row["draft_symbol"]:
        out.append(("Draft", row["draft_symbol"]))
    out.append(("Track", theme.TRACK_LABELS.get(row["track"], row["track"])))
    return out


def chart_by_group(ctx: Context, f: dict) -> Chart | None:
    groups = f["groups"][f["groups"]["un_regional_group"] != WORLD]
    if groups.empty:
        return None
    order = [g for g in theme.REGIONAL_GROUP_ORDER if g in set(groups["un_regional_group"])]
    groups = groups.set_index("un_regional_group").loc[order]
    series = {theme.VOTE_LABELS[c]: list(groups[col].astype(float)) for c, col in
              (("Y", "yes_count"), ("N", "no_count"), ("A", "abstain_count"), ("X", "non_voting_count"))}
    shares = group_support.yes_shares(groups, order)
    ends = group_support.strongest_and_weakest(shares)
    title = (f"{f['symbol']}: strongest support from {ends[0]} ({pct(shares[ends[0]])} of members yes), weakest from "
             f"{ends[1]} ({pct(shares[ends[1]])})" if ends else f"{f['symbol']}: votes by regional group")
    caption = "Members of each UN regional group by their vote; compare the blue (yes) and vermilion (no) shares."
    return bar_chart(title, caption, order, series, sources=[f["symbol"], *theme.table_sources(f["votes"], ctx.imported)],
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
    title = (f"{f['symbol']}: {formatting.tally(*committee)} in committee, {formatting.tally(*plenary)} in plenary"
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
    order = [g for g in theme.REGIONAL_GROUP_ORDER if g in set(sp["un_regional_group"])]
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
    cats = [f"{theme.VOTE_LABELS[v]} on {short(other)}" for v in theme.VOTE_ORDER] + [f"No vote on {short(other)}"]
    series = {}
    for v in theme.VOTE_ORDER:
        values = [float(((known[theirs] == o) & (known[mine] == v)).sum()) for o in theme.VOTE_ORDER]
        values.append(float((known[theirs].isna() & (known[mine] == v)).sum()))
        series[f"{theme.VOTE_LABELS[v]} on {short(symbol)}"] = values
    same = int(sum(series[f"{theme.VOTE_LABELS[v]} on {short(symbol)}"][i] for i, v in enumerate(theme.VOTE_ORDER)))
    title = f"{same} of {len(known)} members cast the same vote on {short(symbol)} as on {short(other)}"
    caption = f"Each bar: members by their vote on {short(other)}, split by their vote on {short(symbol)}."
    colours = {f"{theme.VOTE_LABELS[v]} on {short(symbol)}": theme.VOTE_COLOURS[v] for v in theme.VOTE_ORDER}
    sources = [a, b, *theme.origin_sources(list(both["origin_a"].dropna()) + list(both["origin_b"].dropna()),
                                           ctx.imported)]
    return bar_chart(title, caption, cats, series, sources=sources, built=ctx.built, stacked=True, horizontal=True,
                     colours=colours, axis_title="member states", table=both)


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
    votes = label_votes(f["votes"])
    tables = [_narrowed(Table("Votes", "Plenary votes", _tidy(votes, {
        "state_name": "State", "un_regional_group": "Regional group", "vote": "Vote", "vote_date": "Date",
        "origin": "Origin", "confidence": "Confidence", "source": "Source"}),
        "Every member's recorded plenary vote."), ["Date", "Origin", "Confidence"])] if len(votes) else []
    if len(f["committee"]):
        tables.append(_narrowed(Table("Committee votes", "Committee votes", _tidy(label_votes(f["committee"]), {
            "state_name": "State", "un_regional_group": "Regional group", "vote": "Vote", "vote_date": "Date",
            "confidence": "Confidence", "source": "Source"})), ["Date", "Confidence"]))
    tables.append(_narrowed(Table("Sponsors", "Sponsors", _tidy(f["sponsors"], {
        "draft_symbol": "Draft", "state_name": "State", "un_regional_group": "Regional group", "role": "Role",
        "joined_date": "Joined", "joined_in": "Joined in", "confidence": "Confidence", "source": "Source"})),
        ["Confidence"] + (["Draft"] if f["sponsors"]["draft_symbol"].nunique() == 1 else [])))
    extra = [symbol] + [s.strip() for s in str(row["source"] or "").split(" ; ")]
    refs = references(ctx, [c for c in (lead, *charts) if c], tables, extra)
    title = row["title"] if isinstance(row["title"], str) and row["title"] else "title not on record"
    return Briefing("resolution", f"{symbol}: {title}",
                    f"Adopted {day(row['adopted_date'])} · {ctx.text_tally(symbol)} · "
                    f"{theme.TRACK_LABELS.get(row['track'], row['track'])}",
                    resolution_summary(ctx, f), resolution_key_figures(ctx, f), lead, charts, tables, refs,
                    ctx.build, facts={"resolution": f})


def today() -> str:
    return dt.date.today().isoformat()
