"""One vote state by state, and who changed between two votes (pure pandas): members listed by UN regional group,
those who voted against their group's majority first, and the states that moved between two texts of a line.

A group's majority is a position (yes, no or abstain) taken by more than half of its members casting a vote, as
wording.standing says it; a group with only a plurality or an even split has no majority to vote against, and a
member that did not vote (X) did not vote against it. States outside any regional group break no group's ranks."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import safe_text, vocabulary, wording
from cyberdiplomacy.views.common import chosen_first

NO_GROUP = "No regional group"


CAST = ["Y", "N", "A"]


ROLL_COLUMNS = ["un_regional_group", "state_name", "iso3", "vote", "group_majority_vote", "is_against_group_majority",
                "group_position", "confidence", "origin"]


def group_order(groups) -> list[str]:
    """The groups present, in the theme's order (any other after them, by name)."""
    present = set(groups)
    return [g for g in vocabulary.REGIONAL_GROUP_ORDER if g in present] + sorted(present - set(vocabulary.REGIONAL_GROUP_ORDER))


def standings(votes: pd.DataFrame) -> dict[str, wording.Standing | None]:
    """Each regional group's largest position on one vote (None where no member cast a vote)."""
    cast = votes[votes["vote"].isin(CAST)]
    counts = (cast.groupby(["un_regional_group", "vote"]).size().unstack(fill_value=0)
              .reindex(columns=CAST, fill_value=0))
    return {group: wording.standing(*counts.loc[group]) if group in counts.index else None
            for group in group_order(votes["un_regional_group"])}


def _position_text(group: str, st: wording.Standing | None) -> str:
    if group == NO_GROUP:
        return "no regional group"
    if st is None:
        return "no member cast a vote"
    return wording.standing_text(group, st)


def roll(votes: pd.DataFrame) -> pd.DataFrame:
    """Every state with its vote (rows of queries.resolution_votes), by regional group in the theme's order; in each
    group those against its majority first, then by name."""
    if votes.empty:
        return pd.DataFrame(columns=ROLL_COLUMNS)
    by_group = standings(votes)
    majority = {g: st.code for g, st in by_group.items() if st is not None and st.kind == "majority" and g != NO_GROUP}
    table = votes.assign(group_majority_vote=votes["un_regional_group"].map(majority))
    table["is_against_group_majority"] = (table["group_majority_vote"].notna() & table["vote"].isin(CAST)
                                          & (table["vote"] != table["group_majority_vote"]))
    table["group_position"] = table["un_regional_group"].map({g: _position_text(g, st) for g, st in by_group.items()})
    rank = {g: i for i, g in enumerate(group_order(votes["un_regional_group"]))}
    table = table.assign(_group=table["un_regional_group"].map(rank), _against=~table["is_against_group_majority"])
    table = table.sort_values(["_group", "_against", "state_name"], kind="stable")
    return table[[c for c in ROLL_COLUMNS if c in table.columns]].reset_index(drop=True)


def against_majority(table: pd.DataFrame, group: str | None = None) -> pd.DataFrame:
    """The rows of a roll that voted against their group's majority (of one group, if given)."""
    rows = table[table["is_against_group_majority"]]
    return rows if group is None else rows[rows["un_regional_group"] == group]


def _names_with_votes(rows: pd.DataFrame) -> str:
    return ", ".join(f"{safe_text.markdown(name)} ({wording.voted(code)})"
                     for name, code in zip(rows["state_name"], rows["vote"], strict=True))


def group_lines(table: pd.DataFrame, groups: list[str] | None = None) -> list[str]:
    """One Markdown line per group: its position and who voted against its majority, by name."""
    lines = []
    for group in group_order(table["un_regional_group"]):
        if groups is not None and group not in groups:
            continue
        rows = table[table["un_regional_group"] == group]
        against = against_majority(rows)
        position = safe_text.markdown(rows["group_position"].iloc[0])
        if group == NO_GROUP:
            said = "no group majority to vote against"
        elif len(against):
            said = f"against its majority: {_names_with_votes(against)}"
        else:
            said = "nobody voted against a majority" if rows["group_majority_vote"].notna().any() else \
                "no majority to vote against"
        lines.append(f"- **{safe_text.markdown(group)}**: {position}; {said}.")
    return lines


def dated_groups(votes_from: pd.DataFrame, votes_to: pd.DataFrame) -> pd.Series:
    """Each state's regional group on the later of two votes (on the earlier one where it did not sit in the later),
    iso3 -> group, as resolution_votes reads a group on a vote date."""
    later = votes_to.set_index("iso3")["un_regional_group"]
    earlier = votes_from.set_index("iso3")["un_regional_group"]
    return pd.concat([later, earlier[~earlier.index.isin(later.index)]])


CHANGE_COLUMNS = ["un_regional_group", "state_name", "iso3", "vote_from", "vote_to", "change"]


def changers(swings: pd.DataFrame, groups: list[str] | None = None) -> pd.DataFrame:
    """The states whose recorded vote differs between the two votes of a swing (alignment_views.swings), by group
    and then towards no, towards yes, to or from not voting; `groups` narrows them."""
    both = swings[swings["vote_from"].notna() & swings["vote_to"].notna() & (swings["vote_from"] != swings["vote_to"])]
    if groups is not None:
        both = both[both["un_regional_group"].isin(groups)]
    change = both["swing_direction"].where(both["swing_direction"].isin(["towards yes", "towards no"]),
                                           "to or from not voting")
    table = both.assign(change=change)
    rank = {g: i for i, g in enumerate(group_order(table["un_regional_group"]))}
    kinds = {"towards no": 0, "towards yes": 1, "to or from not voting": 2}
    table = table.assign(_g=table["un_regional_group"].map(rank), _c=table["change"].map(kinds))
    return table.sort_values(["_g", "_c", "state_name"], kind="stable")[CHANGE_COLUMNS].reset_index(drop=True)


def in_words(table: pd.DataFrame) -> pd.DataFrame:
    """Vote codes as words, for reading on screen ('Yes', 'Did not vote'), never Y/N/A/X."""
    return table.assign(**{c: table[c].map(vocabulary.vote_label) for c in ("vote_from", "vote_to", "vote")
                           if c in table.columns})


def change_lines(table: pd.DataFrame) -> list[str]:
    """One Markdown line per group naming who moved, with both votes ('Benin (Yes → Abstain)')."""
    lines = []
    for group in group_order(table["un_regional_group"]):
        rows = table[table["un_regional_group"] == group]
        parts = []
        for change in dict.fromkeys(rows["change"]):
            moved = rows[rows["change"] == change]
            named = ", ".join(f"{safe_text.markdown(n)} ({vocabulary.vote_label(a)} → {vocabulary.vote_label(b)})"
                              for n, a, b in zip(moved["state_name"], moved["vote_from"], moved["vote_to"], strict=True))
            parts.append(f"{change} ({len(moved)}): {named}")
        lines.append(f"- **{safe_text.markdown(group)}**: " + "; ".join(parts) + ".")
    return lines


def roll_table(roll: pd.DataFrame, shown: list[str], groups: list[str], chosen=()) -> pd.DataFrame:
    """The states of a roll (roll_call.roll) that cast the votes shown, of the groups chosen (all when none), in the
    roll's order with the chosen states first."""
    table = roll[roll["vote"].isin(shown) & (roll["un_regional_group"].isin(groups) if groups else True)].copy()
    table["vote"] = table["vote"].map(vocabulary.VOTE_LABELS)
    columns = ["state_name", "iso3", "un_regional_group", "vote", "is_against_group_majority", "confidence"]
    return chosen_first(table[columns], chosen)
