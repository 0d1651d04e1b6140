"""The checks no standard expresses: they read across rows and tables with the record's own meaning.

Per-state votes against announced totals, membership on the vote date, date order, and one double count waiting
to happen: one state on two drafts of the same resolution (sponsor counts would take it twice). Bloc spells:
etl/membership_rules.py; sources against their confidence: etl/source_policy.py.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from etl import membership_rules
from etl.issues import Issue, Row
from etl.schema import Catalog

VOTE_TO_TOTAL = {"Y": "yes", "N": "no", "A": "abstain"}


def _date_order(catalog: Catalog, data: dict[str, list[Row]], displays: dict[str, str], issues: list[Issue]) -> None:
    for table in catalog.tables.values():
        if not table.ordered_dates or table.name not in data:
            continue
        first, last = table.ordered_dates
        for row in data[table.name]:
            a, b = row.values.get(first), row.values.get(last)
            if a is not None and b is not None and b < a:
                issues.append(Issue(displays[table.name], row.line, last, b.isoformat(), "date-order",
                                    f"{last} is before {first} ({a})"))


def _vote_totals(data: dict[str, list[Row]], displays: dict[str, str], issues: list[Issue]) -> None:
    """Per-state rows must add up to the officially announced totals, unless the resolution explains why not."""
    counts: dict[tuple, Counter] = defaultdict(Counter)
    for row in data["votes"]:
        counts[(row.values.get("resolution_symbol"), row.values.get("stage"))][row.values.get("vote")] += 1
    for res in data["resolutions"]:
        for stage in ("plenary", "committee"):
            tally = counts.get((res.values.get("symbol"), stage))
            if tally is None or res.values.get("tally_discrepancy_note"):
                continue
            for vote, word in VOTE_TO_TOTAL.items():
                announced = res.values.get(f"{stage}_{word}_count")
                if announced is not None and announced != tally[vote]:
                    issues.append(Issue(displays["resolutions"], res.line, f"{stage}_{word}_count", str(announced),
                                        "vote-totals",
                                        f"{res.values['symbol']}: {tally[vote]} per-state '{vote}' rows in votes.csv "
                                        "but this total was announced; fix the rows or explain in tally_discrepancy_note"))


def _vote_membership(data: dict[str, list[Row]], displays: dict[str, str], issues: list[Issue]) -> None:
    """A recorded vote has exactly one row per member state on the vote date, and none for non-members."""
    members = {r.values.get("iso3"): r.values.get("un_member_since") for r in data["states"]
               if r.values.get("status") == "member"}
    by_vote: dict[tuple, list[Row]] = defaultdict(list)
    for row in data["votes"]:
        by_vote[(row.values.get("resolution_symbol"), row.values.get("stage"), row.values.get("vote_date"))].append(row)
    for (symbol, stage, vote_date), rows in by_vote.items():
        if vote_date is None:
            continue
        present = {r.values.get("iso3") for r in rows}
        for row in rows:
            since = members.get(row.values.get("iso3"), "not a member")
            if since == "not a member" or (since is not None and since > vote_date):
                issues.append(Issue(displays["votes"], row.line, "iso3", str(row.values.get("iso3")), "membership",
                                    f"not a UN member on {vote_date} ({symbol}, {stage})"))
        missing = sorted(i for i, since in members.items()
                         if since is not None and since <= vote_date and i not in present)
        if missing:
            issues.append(Issue(displays["votes"], rows[0].line, "iso3", ", ".join(missing), "membership",
                                f"{symbol} ({stage}, {vote_date}): members on that date without a row; "
                                "record them as X if they did not vote"))


def _sponsor_on_two_drafts(rows: list[Row], display: str, issues: list[Issue]) -> None:
    first: dict[tuple, Row] = {}
    for row in rows:
        key = (row.values.get("resolution_symbol"), row.values.get("iso3"))
        seen = first.setdefault(key, row)
        if seen.values.get("draft_symbol") != row.values.get("draft_symbol"):
            issues.append(Issue(display, row.line, "draft_symbol", str(row.values.get("draft_symbol")),
                                "sponsor-twice",
                                f"{key[1]} already sponsors {key[0]} on draft {seen.values.get('draft_symbol')} "
                                f"(line {seen.line}); list a state on one draft of a resolution, or sponsor counts "
                                "take it twice"))


def check(catalog: Catalog, data: dict[str, list[Row]], displays: dict[str, str], issues: list[Issue]) -> None:
    _date_order(catalog, data, displays, issues)
    if {"votes", "resolutions"} <= data.keys():
        _vote_totals(data, displays, issues)
    if {"votes", "states"} <= data.keys():
        _vote_membership(data, displays, issues)
    membership_rules.check(data, displays, issues)
    if "sponsorships" in data:
        _sponsor_on_two_drafts(data["sponsorships"], displays["sponsorships"], issues)
