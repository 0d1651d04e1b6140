"""Short titles for resolutions, so a pack names every text by symbol and what it is about ('73/187 Countering
criminal use of ICTs'), not by a number a minister cannot place.

The General Assembly reuses a handful of long titles year after year; each gets one short form here. A title not
listed is cut at a word boundary and marked with an ellipsis, so a new text still reads as words."""
from __future__ import annotations

import unicodedata

MAX_LENGTH = 40

SHORT_TITLES = {
    "developments in the field of information and telecommunications in the context of international security":
        "ICT developments and security",
    "advancing responsible state behaviour in cyberspace in the context of international security":
        "Responsible State behaviour in cyberspace",
    "countering the use of information and communications technologies for criminal purposes":
        "Countering criminal use of ICTs",
    "programme of action to advance responsible state behaviour in the use of information and communications "
    "technologies in the context of international security": "Programme of action on ICT security",
    "open-ended working group on security of and in the use of information and communications technologies "
    "2021-2025 established pursuant to general assembly resolution 75/240": "Open-ended working group 2021-2025",
    "developments in the field of information and telecommunications in the context of international security, "
    "and advancing responsible state behaviour in the use of information and communications technologies":
        "ICT developments and responsible behaviour",
    "united nations convention against cybercrime": "UN Convention against Cybercrime",
    "combating the criminal misuse of information technologies": "Combating criminal misuse of IT",
    "strengthening the united nations crime prevention and criminal justice programme, in particular its technical "
    "cooperation capacity": "UN crime prevention programme",
    "twelfth united nations congress on crime prevention and criminal justice": "Twelfth UN Crime Congress",
    "promoting technical assistance and capacity-building to strengthen national measures and international "
    "cooperation to combat cybercrime, including information-sharing": "Capacity-building against cybercrime",
    "ad hoc committee to elaborate a comprehensive international convention on countering the use of information "
    "and communications technologies for criminal purposes": "Ad Hoc Committee on a cybercrime convention",
    "promotion of activities relating to combating cybercrime, including technical assistance and capacity-building":
        "Activities against cybercrime",
}


def _key(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).replace("\u2013", "-").replace("\u2011", "-")
    return " ".join(text.split()).casefold()


def short_title(title) -> str:
    """The short form of a resolution's title; '' when the record has no title."""
    if not isinstance(title, str) or not title.strip():
        return ""
    known = SHORT_TITLES.get(_key(title))
    if known:
        return known
    text = " ".join(title.split())
    if len(text) <= MAX_LENGTH:
        return text
    cut = text[:MAX_LENGTH].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def named(symbol: str, title) -> str:
    """'73/187 Countering criminal use of ICTs' (the symbol alone when no title is on record)."""
    number = str(symbol).replace("A/RES/", "")
    words = short_title(title)
    return f"{number} {words}" if words else number


def reference_title(title) -> str:
    """A reference's title as a pack's list prints it: 'Draft of 77/37 Programme of action on ICT security' for
    'Draft of A/RES/77/37: Programme of action to advance ...' (the full titles are in the workbook)."""
    if not isinstance(title, str) or not title:
        return ""
    head, sep, rest = title.partition(": ")
    if sep and head.startswith("Draft of "):
        return f"Draft of {named(head.removeprefix('Draft of '), rest)}"
    return short_title(title)


def grouped(texts) -> str:
    """Several texts, each title said once: 'ICT developments and security 73/27, 74/29; Countering criminal use of
    ICTs 73/187' for [(symbol, title), ...] (a title repeated per text filled a table cell with nine lines)."""
    by_title: dict[str, list[str]] = {}
    for symbol, title in texts:
        by_title.setdefault(short_title(title), []).append(str(symbol).replace("A/RES/", ""))
    return "; ".join(f"{title} {', '.join(numbers)}".strip() for title, numbers in by_title.items())
