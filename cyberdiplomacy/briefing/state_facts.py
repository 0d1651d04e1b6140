"""The numbers behind one state's page of a pack, shared by the state and the comparison packs."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import queries, views
from cyberdiplomacy.briefing import partners as ranking
from cyberdiplomacy.briefing.context import REFERENCE_STATES, WORLD, Context, most_common, same_share


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
    uncc = treaty[treaty["treaty"] == views.overview.UNCC]
    blocs = queries.state_blocs(ctx.con, [iso3])
    current = sorted(set(blocs.loc[blocs["is_member_now"] & (blocs["bloc_kind"] != "un_regional_group"), "bloc"]))
    agreement = ctx.partners(iso3)
    return {"iso3": iso3, "name": name, "group": group, "votes": votes, "per_vote": per_vote,
            "vote_counts": plenary["vote"].value_counts().to_dict(), "recorded": len(plenary),
            "cast": len(cast), "with_group": with_group, "sponsorships": sponsorships, "treaty": treaty,
            "uncc": uncc, "blocs": blocs, "current_blocs": current, "agreement": agreement,
            "partners": ranking.rank(agreement, len(cast)), "reference_agreement": {
                r: share_with(agreement, r) for r in REFERENCE_STATES if r != iso3}}


def share_with(agreement: pd.DataFrame, other: str) -> tuple[float, int] | None:
    """(agreement share 0-1, shared votes) of a state with `other`; None when they shared no vote."""
    row = agreement[agreement["other_iso3"] == other]
    return (float(row["agreement_share"].iloc[0]), int(row["shared_vote_count"].iloc[0])) if len(row) else None
