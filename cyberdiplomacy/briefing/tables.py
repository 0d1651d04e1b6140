"""The annex tables of the state and comparison packs: recorded votes, sponsorships, blocs, treaty actions and
voting partners, every row in the workbook and the part a PDF prints said beside it."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import defaults, measures
from cyberdiplomacy.briefing import partners as ranking
from cyberdiplomacy.briefing import titles
from cyberdiplomacy.briefing.context import Context
from cyberdiplomacy.briefing.model import Table
from cyberdiplomacy.briefing.sentences import label_votes, listing, pct


def tidy(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
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
    vote_table = tidy(votes, {"state_name": "State", "resolution_symbol": "Resolution", "short_title": "Short title",
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
        Table("Sponsorships", "Sponsorships", tidy(spons, {
            "state_name": "State", "draft_symbol": "Draft", "resolution_symbol": "Resolution", "adopted_date": "Adopted",
            "role": "Role", "joined_date": "Joined", "confidence": "Confidence", "source": "Source"})),
        Table("Blocs", "Bloc memberships", tidy(blocs, {
            "state_name": "State", "bloc": "Bloc", "bloc_kind": "Kind", "joined_date": "Joined", "left_date": "Left",
            "confidence": "Confidence", "source": "Source"})),
        Table("Treaty actions", "Treaty actions", tidy(treaty, {
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
    return tidy(frame.assign(agreement_share=frame["agreement_share"].map(pct)), PARTNER_COLUMNS)


def partner_table(facts: list[dict]) -> Table:
    """Every partner in the workbook; the PDF prints each state's closest and farthest ranked partners."""
    every = pd.concat([f["agreement"].assign(state=f["name"]) for f in facts], ignore_index=True)
    parts, cuts = [], {}
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
        cuts.setdefault(text, []).append(f["name"])
    printed = pd.concat(parts, ignore_index=True)
    shown = _partner_rows(printed) if len(printed) < len(every) else None
    return Table("Partners", "Voting partners", _partner_rows(every),
                 "Every state that cast a recorded vote alongside the states briefed, closest first; partners are "
                 f"ranked only among states sharing at least {ranking.MIN_SHARED_VOTES} and three quarters of the "
                 f"votes a state cast. {measures.definition(defaults.AGREEMENT_METHOD)}", shown,
                 _said_once(cuts, len(facts)))


def _said_once(cuts: dict[str, list[str]], states: int) -> str:
    """What is printed of each state's partners, each wording once with the states it applies to: four states' same
    rule said four times made a slide's caption run off the slide."""
    if states == 1:
        return next(iter(cuts))
    return "; ".join(f"{listing(names)}: {text}" for text, names in cuts.items())
