"""Read the UN's machine-readable GA resolutions (DGACM, github.com/UNxml/GAresolutions) into the rows of
the bundled record: one row per resolution, per state that voted, and per sponsoring state.

`data_extract/<session>.json` (JSON lines) gives the adoption facts, the three name lists of a recorded
vote and the sponsors; the Akoma Ntoso texts (`<N>session/English/*.xml`, session 74 as a zip) give the
draft symbol in their `<workflow>`. Names are the UN's upper-case names, mapped to ISO3 through the
project's state names (cyberdiplomacy.state_names); a voter's name that does not map stops the
regeneration, so a state can never silently drop out of a vote.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from cyberdiplomacy import state_names
from etl.validate import Issue, ValidationFailed

REPOSITORY = "https://github.com/UNxml/GAresolutions"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
VOTE_LISTS = (("MS_in_favour", "Y"), ("MS_against", "N"), ("MS_abstaining", "A"))
COUNT_FIELDS = {"Y": "MS_in_favour_count", "N": "MS_against_count", "A": "MS_abstaining_count"}
SPONSOR_LISTS = (("sponsors", "original"), ("additional_sponsors", "additional"))
# Spellings in the source that no name table carries: session 79's lists write Türkiye with a Ý.
SOURCE_SPELLINGS = {"turkyye": "TUR"}
SYMBOL = re.compile(r"A/RES/(ES-\d+|S-\d+|\d+)/\d+(?: [A-Z](?:-[A-Z])?)?")
MEETING = re.compile(r"A/(?:ES-\d+/|S-\d+/)?\d*/?PV\.\d+")
# The text's number in its FRBR identifier: /akn/un/statement/deliberation/unga/2022-12-07/77-37/!main/
WORK_NUMBER = re.compile(r"/unga/[\d-]+/(ES-\d+|S-\d+|\d+)-(\d+)([A-Z](?:-[A-Z])?)?/")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MAX_TEXT_LENGTH = 5_000
ON_BEHALF = re.compile(r"^(?P<state>[^(,]+?)\s*(?:\(|,)\s*(?:ON|OF) BEHALF OF (?P<group>.+?)\)?$", re.IGNORECASE)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(text or "")).replace("\xa0", " ")).strip()


def unsafe_text(text: str) -> bool:
    """The rule imports and curated tables follow: no control character (tab and line feed aside), at most 5,000
    characters. _clean has already turned CR, tab and line feed into spaces."""
    return bool(CONTROL.search(text)) or len(text) > MAX_TEXT_LENGTH


def parse_date(text: str) -> dt.date | None:
    """'7 December 2022', '7\\xa0December 2022' or '2019-12-12 00:00:00'."""
    text = _clean(text)
    for pattern, fmt in ((r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d"), (r"\d{1,2} [A-Za-z]+ \d{4}", "%d %B %Y")):
        found = re.match(pattern, text)
        if found:
            return dt.datetime.strptime(found.group(0), fmt).date()
    return None


def _count(text: str, listed: int, recorded: bool) -> int | None:
    """The announced count of a recorded vote; the source writes 'N.A.' for an empty list (none against)
    and 0 for texts adopted without a vote, which have no counts."""
    if not recorded:
        return None
    text = _clean(text)
    if text.isdigit():
        return int(text)
    return 0 if listed == 0 else None


class Names:
    """ISO3 per source name, through the project's state names and the source's own spellings."""

    def __init__(self, states: list[tuple[str, str]]):
        self.spellings = state_names.lookup(states)

    def iso3(self, name: str) -> str | None:
        name = _clean(name)
        found = state_names.resolve(name, self.spellings)
        if found is None and name.upper().startswith("THE "):
            found = state_names.resolve(name[4:], self.spellings)
        return found or SOURCE_SPELLINGS.get(state_names.normalise(name))

    def sponsors(self, entry: str) -> tuple[list[tuple[str, str, str | None]], str | None]:
        """(iso3, text as written, on behalf of) for each state an entry names, and the entry when it names
        none (a Committee's chair, a Bureau): sponsors are kept as written, never guessed."""
        entry = _clean(entry)
        single = self._one(entry)
        if single:
            return [single], None
        parts = [p.strip() for p in re.split(r",\s*(?![^()]*\))|\s+and\s+(?![^()]*\))", entry) if p.strip()]
        found = [self._one(p) for p in parts]
        if len(parts) > 1 and all(found):
            return found, None
        return [], entry

    def _one(self, text: str) -> tuple[str, str, str | None] | None:
        iso3 = self.iso3(text)
        if iso3:
            return iso3, text, None
        behalf = ON_BEHALF.match(text)
        if behalf and self.iso3(behalf["state"]):
            return self.iso3(behalf["state"]), text, _clean(behalf["group"]).rstrip(")")
        return None


def _lines(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            if line.strip():
                yield line_number, json.loads(line)


def drafts(checkout: Path) -> dict[str, tuple[str, dt.date | None]]:
    """Draft symbol and date per resolution symbol, from the texts' <workflow> (a missing text: no entry)."""
    found: dict[str, tuple[str, dt.date | None]] = {}
    for folder in sorted(checkout.glob("*session")):
        for _name, text in texts_of(folder):
            root = ElementTree.fromstring(text)
            work = root.find(f".//{AKN}FRBRWork/{AKN}FRBRthis")
            step = root.find(f".//{AKN}workflow/{AKN}step[@outcome='draftResolution']")
            number = WORK_NUMBER.search(work.get("value", "")) if work is not None else None
            if number is None or step is None or not step.get("as"):
                continue
            session, resolution, part = number.groups()
            symbol = f"A/RES/{session}/{resolution}" + (f" {part}" if part else "")
            draft = re.match(r"[A-Z][^\s(]+", _clean(step.get("as")))  # "A/75/L.87/Rev.1 (as amended in ...)"
            if draft:
                found.setdefault(symbol, (draft.group(0), parse_date(step.get("date", ""))))
    return found


def texts_of(folder: Path) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) of each XML text of a session folder: under English/, or in a zip (session 74)."""
    for path in sorted(folder.glob("English/*.xml")):
        yield path.name, path.read_bytes()
    for archive in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for member in sorted(n for n in zipped.namelist() if n.endswith(".xml")):
                yield f"{archive.name}/{member}", zipped.read(member)

def _resolution_row(record: dict, symbol: str, votes: dict, draft_of: dict, source: str, unmapped: list[str]) -> dict:
    """One resolution's row: its facts as the source gives them, the announced and the listed counts."""
    recorded = _clean(record.get("adoption_type")).lower() == "by a recorded vote"
    listed = {code: sum(1 for v in votes.values() if v[0] == code) for code in "YNA"}
    draft, draft_date = draft_of.get(symbol, (None, None))
    meeting = MEETING.search(_clean(record.get("pv")))
    return {
        "resolution_symbol": symbol, "session": SYMBOL.match(symbol).group(1),
        "adopted_date": parse_date(record.get("adoption_date")), "title": _clean(record.get("title")),
        "meeting_record": meeting.group(0) if meeting else None, "draft_symbol": draft,
        "draft_date": draft_date, "committee": _clean(record.get("committee")) or None,
        "agenda_title": _clean(record.get("agenda_item_name")) or None,
        "subjects": " ; ".join(_clean(s[0] if isinstance(s, list) else s)
                           for s in record.get("subjects") or []) or None,
        "adoption_mode": "recorded_vote" if recorded else
                         "without_vote" if "without" in _clean(record.get("adoption_type")).lower() else None,
        **{f"announced_{word}_count": _count(record.get(COUNT_FIELDS[code]), listed[code], recorded)
           for code, word in (("Y", "yes"), ("N", "no"), ("A", "abstain"))},
        **{f"listed_{word}_count": listed[code] for code, word in (("Y", "yes"), ("N", "no"), ("A", "abstain"))},
        "unmapped_sponsor_text": " | ".join(unmapped) or None,
        "source": source, "confidence": "single-source"}


def _rows(texts: dict) -> dict[str, list[dict]]:
    """The three files' rows from the texts read, in the order read."""
    rows: dict[str, list[dict]] = {"resolutions": [], "votes": [], "sponsors": []}
    for symbol, (_, _, votes, text) in texts.items():
        rows["resolutions"].append(text["resolution"])
        rows["votes"] += [{"resolution_symbol": symbol, "iso3": iso3, "source_state_name": written, "vote": code,
                           "source": text["source"], "confidence": "single-source"}
                          for iso3, (code, written) in sorted(votes.items())]
        rows["sponsors"] += [{"resolution_symbol": symbol, "draft_symbol": text["draft"], **row,
                              "source": text["source"], "confidence": "single-source"} for row in text["sponsors"]]
    return rows


def read(checkout: Path, states: list[tuple[str, str]], commit: str) -> dict[str, list[dict]]:
    """Rows of the three bundled files from a checkout (or copy) of the source; ValidationFailed lists every
    voter name that does not map and every state listed with two different votes."""
    names, issues = Names(states), []
    draft_of = drafts(checkout)
    texts: dict[str, tuple[str, int, dict, dict]] = {}  # symbol -> (file, line, votes, resolution row, ...)
    files = sorted((checkout / "data_extract").glob("*.json"))
    if not files:
        raise ValidationFailed([Issue(str(checkout), 0, "", "", "layout", "no data_extract/*.json in this folder")])
    for path in files:
        shown = f"data_extract/{path.name}"
        source = f"{REPOSITORY}/blob/{commit}/{shown}"
        for line_number, record in _lines(path):
            symbol = _clean(record.get("symbol"))
            if not SYMBOL.fullmatch(symbol):
                issues.append(Issue(shown, line_number, "symbol", symbol, "pattern", "not a GA resolution symbol"))
                continue
            votes, vote_issues = _votes(record, names, shown, line_number)
            issues += vote_issues
            sponsors, unmapped = _sponsors(record, names)
            if symbol in texts:
                # Some texts are written twice (79.json repeats 79/263-79/334), the later line sometimes with the
                # sponsors who joined later: the votes must agree, and the fuller sponsor list is kept.
                first_file, first_line, first_votes, first = texts[symbol]
                if {k: v[0] for k, v in first_votes.items()} != {k: v[0] for k, v in votes.items()}:
                    issues.append(Issue(shown, line_number, "MS_in_favour", symbol, "unique",
                                        f"also on {first_file} line {first_line} with different votes"))
                elif len(sponsors) > len(first["sponsors"]):
                    first["sponsors"], first["resolution"]["unmapped_sponsor_text"] = sponsors, " | ".join(unmapped) or None
                continue
            resolution = _resolution_row(record, symbol, votes, draft_of, source, unmapped)
            issues += [Issue(shown, line_number, field, value[:40], "text",
                             "a control character or more than 5,000 characters: outside text is refused, not shown")
                       for field, value in resolution.items() if isinstance(value, str) and unsafe_text(value)]
            texts[symbol] = (shown, line_number, votes,
                             {"resolution": resolution, "sponsors": sponsors, "source": source,
                              "draft": resolution["draft_symbol"]})
    if issues:
        raise ValidationFailed(issues)
    return _rows(texts)


def _votes(record: dict, names: Names, shown: str, line: int) -> tuple[dict[str, tuple[str, str]], list[Issue]]:
    """iso3 -> (vote, name as written); a list repeated whole (75/290 A lists each voter twice) counts once."""
    votes, issues = {}, []
    for field, code in VOTE_LISTS:
        for written in record.get(field) or []:
            iso3 = names.iso3(written)
            if iso3 is None:
                issues.append(Issue(shown, line, field, written, "state name",
                                    "does not map to a state of data/states.csv (add the spelling to etl/unxml.py "
                                    "SOURCE_SPELLINGS only if it is the source's typo)"))
            elif iso3 in votes and votes[iso3][0] != code:
                issues.append(Issue(shown, line, field, written, "unique",
                                    f"also listed as {votes[iso3][0]} on {_clean(record.get('symbol'))}"))
            else:
                votes.setdefault(iso3, (code, _clean(written)))
    return votes, issues


def _sponsors(record: dict, names: Names) -> tuple[list[dict], list[str]]:
    rows, seen, unmapped = [], set(), []
    for field, role in SPONSOR_LISTS:
        for entry in record.get(field) or []:
            found, rest = names.sponsors(entry)
            if rest:
                unmapped.append(rest)
            for iso3, written, behalf in found:
                if iso3 not in seen:  # a state on the draft and again among those joining later: the draft
                    seen.add(iso3)
                    rows.append({"iso3": iso3, "role": role, "source_sponsor_text": written, "on_behalf_of": behalf})
    return rows, unmapped
