"""Bloc membership spells as the warehouse reads them (bloc_memberships.start_date): each starts on its join day,
else on its bloc's founding date (blocs.csv), never before the bloc existed, and never overlaps another spell of the
same state in the same bloc (every bloc join on the vote date would count it twice); a state is in one UN regional
group at a time, and today in the one states.csv names, so votes by group, packs and cohesion count it alike.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from etl.issues import Issue, Row


def _start(row: Row, founded: dict[str, dt.date | None]) -> dt.date:
    """Where the warehouse starts the spell (start_date): the join day, else the bloc's founding date; a spell with
    neither is refused (membership-start) and sorts first here."""
    return row.values.get("joined_date") or founded.get(row.values.get("bloc")) or dt.date.min


def _spell_starts(rows: list[Row], blocs: list[Row], display: str, issues: list[Issue]) -> None:
    founded = {b.values.get("bloc"): b.values.get("founding_date") for b in blocs}
    for row in rows:
        bloc, joined = row.values.get("bloc"), row.values.get("joined_date")
        founding = founded.get(bloc)
        if joined is None and founding is None and bloc in founded:
            issues.append(Issue(display, row.line, "joined_date", "", "membership-start",
                                f"no join day and no founding date for {bloc} in blocs.csv: the spell has no start, "
                                "so it would count the state on every date; give one or the other"))
        elif joined is not None and founding is not None and joined < founding:
            issues.append(Issue(display, row.line, "joined_date", joined.isoformat(), "before-founding",
                                f"{bloc} was founded on {founding} (blocs.csv); a member cannot join before"))


def _one_regional_group(rows: list[Row], states: list[Row], blocs: list[Row], display: str,
                        issues: list[Issue]) -> None:
    """A state is in one UN regional group at a time, and today in the one states.csv names: every surface (votes
    by group, packs, cohesion) then counts it in the same group."""
    founded = {b.values.get("bloc"): b.values.get("founding_date") for b in blocs}
    group_today = {s.values.get("iso3"): s.values.get("un_regional_group") for s in states}
    spells: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.values.get("bloc_kind") == "un_regional_group":
            spells[row.values.get("iso3")].append(row)
    for iso3, group in spells.items():
        group.sort(key=lambda r: _start(r, founded))
        for earlier, later in zip(group, group[1:], strict=False):
            if _start(later, founded) < (earlier.values.get("left_date") or dt.date.max):
                issues.append(Issue(display, later.line, "bloc", str(later.values.get("bloc")), "regional-group",
                                    f"{iso3} is already in {earlier.values.get('bloc')} on that date (line "
                                    f"{earlier.line}); a state counts in one regional group at a time (for Türkiye, "
                                    "its group for elections: data/README.md)"))
        for row in group:
            today = group_today.get(iso3)
            if row.values.get("left_date") is None and row.values.get("bloc") != today:
                issues.append(Issue(display, row.line, "bloc", str(row.values.get("bloc")), "regional-group",
                                    f"states.csv puts {iso3} in {today or 'no regional group'} today; the open spell "
                                    "and the states table name one group"))


def _overlapping_spells(rows: list[Row], blocs: list[Row], display: str, issues: list[Issue]) -> None:
    """Spells are [start, left_date): the start is the join day or the bloc's founding date, an empty left date
    'still a member', exactly as the queries join them."""
    founded = {b.values.get("bloc"): b.values.get("founding_date") for b in blocs}
    spells: dict[tuple, list[Row]] = defaultdict(list)
    for row in rows:
        spells[(row.values.get("bloc"), row.values.get("iso3"))].append(row)
    for (bloc, iso3), group in spells.items():
        group.sort(key=lambda r: _start(r, founded))
        for earlier, later in zip(group, group[1:], strict=False):
            ends = earlier.values.get("left_date") or dt.date.max
            starts = _start(later, founded)
            if starts < ends:
                joined = later.values.get("joined_date")
                issues.append(Issue(display, later.line, "joined_date", joined.isoformat() if joined else "",
                                    "overlapping-membership",
                                    f"{iso3} is already in {bloc} on that date (spell on line {earlier.line}); "
                                    "overlapping spells would count the state twice in every bloc figure"))


def check(data: dict[str, list[Row]], displays: dict[str, str], issues: list[Issue]) -> None:
    if not {"bloc_memberships", "blocs"} <= data.keys():
        return
    memberships, blocs, shown = data["bloc_memberships"], data["blocs"], displays["bloc_memberships"]
    _overlapping_spells(memberships, blocs, shown, issues)
    _spell_starts(memberships, blocs, shown, issues)
    if "states" in data:
        _one_regional_group(memberships, data["states"], blocs, shown, issues)
