"""Words for votes in generated sentences, in one place: how a state voted ('Brazil abstained', never 'voted
abstained') and what a group's largest position was ('15 of 31' is a plurality, never a majority)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

VERBS = {"Y": "voted yes", "N": "voted no", "A": "abstained", "X": "did not vote"}
POSITIONS = {"Y": "yes", "N": "no", "A": "abstention"}  # what a group's votes split between


def voted(code: str | None, count: int = 1) -> str:
    """The predicate for `count` states that cast `code`: 'voted yes', 'abstained', 'did not vote'; a state with no
    row on the vote 'has no vote on record' (several: 'have')."""
    return VERBS.get(code or "", "has no vote on record" if count == 1 else "have no vote on record")


def sentence(names: list[str], code: str | None) -> str:
    """'Brazil abstained', 'China and the Russian Federation voted yes'."""
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{listed} {voted(code, len(names))}"


@dataclass(frozen=True)
class Standing:
    """A group's largest position among its members casting a vote (yes, no or abstain)."""
    code: str  # Y, N or A; 'split' when two or three positions tie for the most votes
    kind: str  # 'majority' (more than half), 'plurality' (the most, not more than half) or 'tie'
    top_count: int  # members casting the largest position (each tied one, on a tie)
    cast_count: int  # members casting a vote
    tied: tuple[str, ...] = ()  # the tied positions, on a tie


def standing(yes: int, no: int, abstain: int) -> Standing | None:
    """None when no member cast a vote."""
    counts = {"Y": int(yes), "N": int(no), "A": int(abstain)}
    cast, top = sum(counts.values()), max(counts.values())
    if not cast:
        return None
    leaders = tuple(code for code, count in counts.items() if count == top)
    if len(leaders) > 1:
        return Standing("split", "tie", top, cast, leaders)
    return Standing(leaders[0], "majority" if 2 * top > cast else "plurality", top, cast)


def standing_text(group: str, st: Standing) -> str:
    """'a majority of the African States (20 of 31 casting a vote) voted yes', 'a plurality of … (15 of 31 casting a
    vote, not a majority) abstained', 'the … split evenly between yes and no (10 each of 30 casting a vote)'; on a
    three-way tie 'between yes, no and abstention'."""
    if st.kind == "tie":
        names = [POSITIONS[c] for c in st.tied]
        between = " and ".join(names) if len(names) == 2 else ", ".join(names[:-1]) + " and " + names[-1]
        return f"the {group} split evenly between {between} ({st.top_count} each of {st.cast_count} casting a vote)"
    short = ", not a majority" if st.kind == "plurality" else ""
    return f"a {st.kind} of the {group} ({st.top_count} of {st.cast_count} casting a vote{short}) {voted(st.code)}"


def relation(mine: str, group: str, st: Standing, same_count: int) -> str:
    """How a state's vote (Y, N or A) stood to its group's, with how many members did the same."""
    did_same = f"{same_count} of {st.cast_count} group members casting a vote did the same"
    if st.kind == "tie":
        side = "on one side of" if mine in st.tied else "outside"
        return f"{side} an even split of the {group} ({did_same})"
    short = ", not a majority" if st.kind == "plurality" else ""
    if mine == st.code:
        return f"with the {group} {st.kind} ({did_same}{short})"
    return (f"apart from the {group} {st.kind}, which {voted(st.code)} ({st.top_count} of {st.cast_count}{short}; "
            f"{same_count} did as it did)")


def tally_text(row: pd.Series) -> str:
    """Announced plenary totals if known, else the per-state rows, else how it was adopted."""
    if row.get("adoption_mode") == "without_vote":
        return "without a vote"
    announced = announced_tally(row)
    if announced:
        return announced
    if row.get("has_state_votes"):
        return tally(row["plenary_state_yes_count"], row["plenary_state_no_count"],
                                row["plenary_state_abstain_count"]) + " (per-state record)"
    return "unknown"


def count_text(value) -> str:
    return "?" if value is None or pd.isna(value) else str(int(value))


def tally(yes, no, abstain) -> str:
    """Yes–no–abstain, e.g. '94–59–33', or '129–?–?' when only the yes count was announced."""
    return "–".join(count_text(v) for v in (yes, no, abstain))


def announced_tally(row) -> str | None:
    """The announced plenary tally, or None when no part of it is known."""
    counts = [row.get(f"plenary_{w}_count") for w in ("yes", "no", "abstain")]
    if all(c is None or pd.isna(c) for c in counts):
        return None
    return tally(*counts)
