"""The words of the record's texts: paragraphs and the documents they cite, from the UN's Akoma Ntoso texts
(github.com/UNxml/GAresolutions) and, for a draft the source does not hold, from its plain text.

Parsed with ElementTree, never with patterns over markup; what comes out is plain text (outside input: stored
and shown as text). A paragraph's footnotes are not part of its text, but the documents they cite are its
citations.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree import ElementTree

from etl.unxml import AKN, WORK_NUMBER, _clean, unsafe_text

UNDOCS = re.compile(r"^https?://undocs\.org/(?:(?:en|fr|es|ar|ru|zh)/)?(?P<symbol>[^?#]+)$")
# Resolutions named by number in running text ("its resolutions 53/70 of 4 December 1998, 54/49 ..."); a number
# after a slash belongs to a document symbol (A/74/130), not to a resolution.
RESOLUTION_NUMBER = re.compile(r"(?<![/\w])(\d{1,2})/(\d{1,3})(?![/\w])")
DOCUMENT = re.compile(r"(?<![\w/])(?:A|E|S)/(?:[A-Z0-9.\-]+/)*[A-Z0-9.\-]*\d[A-Z0-9.\-]*(?<![.\-])")
HEADING = re.compile(r"^(Chapter|Article|Part|Section) [\w.]+$")


def _text(element, skip=("authorialNote", "num")) -> str:
    """The words of an element, its footnotes and its number left out."""
    parts = [element.text or ""]
    for child in element:
        if child.tag.removeprefix(AKN) not in skip:
            parts.append(_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _links(element) -> list[tuple[str, str]]:
    """(symbol, text as written) of every undocs.org link inside, footnotes included."""
    found = []
    for link in element.iter(f"{AKN}a"):
        match = UNDOCS.match((link.get("href") or "").strip())
        if match:
            found.append((match["symbol"].strip(), _clean(_text(link, skip=()))))
    return found


def cited_in_text(text: str) -> list[tuple[str, str]]:
    """(symbol, text as written) of the resolutions and documents a paragraph names in its words. Numbers in a
    paragraph that names the Commission on Crime Prevention and Criminal Justice are the Commission's."""
    commission = "Commission on Crime Prevention" in text
    found = []
    if re.search(r"\b(resolutions?|decisions?)\b", text, re.IGNORECASE):
        for match in RESOLUTION_NUMBER.finditer(text):
            session, number = match.groups()
            symbol = f"CCPCJ {session}/{number}" if commission else f"A/RES/{session}/{number}"
            found.append((symbol, match.group(0)))
    found += [(m.group(0), m.group(0)) for m in DOCUMENT.finditer(text)]
    return found


class Headings:
    """The heading path of an annex: 'Chapter I. General provisions › Article 1. Statement of purpose'; the
    Convention writes each chapter and article as two subheadings, its number and then its title."""

    def __init__(self):
        self.top, self.chapter, self.article, self.pending = None, None, None, None

    def add(self, heading: str) -> None:
        kind = HEADING.match(heading)
        if kind and kind.group(1) in ("Chapter", "Part"):
            self.top, self.chapter, self.article, self.pending = None, heading, None, "chapter"
        elif kind:
            self.article, self.pending = heading, "article"
        elif self.pending == "chapter":
            self.chapter, self.pending = f"{self.chapter}. {heading}", None
        elif self.pending == "article":
            self.article, self.pending = f"{self.article}. {heading}", None
        else:
            self.top, self.chapter, self.article = heading, None, None

    @property
    def path(self) -> str | None:
        return " › ".join(p for p in (self.top, self.chapter, self.article) if p) or None


def _body(body, part: str) -> Iterator[tuple[str, str | None, str | None, str, list]]:
    """(part, number, heading path, text, links) per paragraph of a main body or an annex."""
    headings = Headings()
    for paragraph in body.iter(f"{AKN}paragraph"):
        heading = paragraph.find(f"{AKN}subheading")
        if heading is not None:
            headings.add(_clean(_text(heading)))
            continue
        text = _clean(_text(paragraph))
        if text:
            number = paragraph.find(f"{AKN}num")
            yield (part, _clean(number.text) if number is not None else None,
                   headings.path if part == "annex" else None, text, _links(paragraph))


def parse_akn(data: bytes, source: str) -> tuple[str | None, list[dict], list[dict]]:
    """The text's symbol, its paragraphs in order and their citations."""
    root = ElementTree.fromstring(data)
    work = root.find(f".//{AKN}FRBRWork/{AKN}FRBRthis")
    number = WORK_NUMBER.search(work.get("value", "")) if work is not None else None
    if number is None:
        return None, [], []
    session, resolution, part = number.groups()
    symbol = f"A/RES/{session}/{resolution}" + (f" {part}" if part else "")
    found = []
    preamble = root.find(f".//{AKN}preamble")
    for container in (preamble.findall(f"{AKN}container") if preamble is not None else []):
        text = _clean(_text(container))
        if text:
            found.append(("preamble", None, None, text, _links(container)))
    main = root.find(f"{AKN}*/{AKN}mainBody")
    if main is not None:
        found += list(_body(main, "operative"))
    for annex in root.iter(f"{AKN}attachment"):
        for body in annex.iter(f"{AKN}mainBody"):
            found += list(_body(body, "annex"))
    return symbol, *rows(symbol, found, source)


def parse_plain(text: str, symbol: str, source: str) -> tuple[list[dict], list[dict]]:
    """A draft as published in plain text: the paragraphs after 'The General Assembly,' up to the end, footnotes
    (lines starting with a superscript digit or '*') and page furniture left out; numbered paragraphs are
    operative."""
    blocks = [_clean(b) for b in re.split(r"\n\s*\n", text)]
    start = next((i for i, b in enumerate(blocks) if b.startswith("The General Assembly")), None)
    found = []
    for block in blocks[start + 1:] if start is not None else []:
        if not block or re.match(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰*]", block):
            continue
        numbered = re.match(r"^(\d+)\.\s+(.*)$", block)
        if numbered:
            found.append(("operative", f"{numbered.group(1)}.", None, numbered.group(2).replace("*", ""), []))
        else:
            found.append(("preamble", None, None, block.replace("*", ""), []))
    return rows(symbol, found, source)


def rows(symbol: str, found: list, source: str) -> tuple[list[dict], list[dict]]:
    paragraphs, citations = [], []
    for order, (part, number, heading, text, links) in enumerate(found, start=1):
        text = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", text).strip()  # footnote markers of a plain-text draft
        paragraphs.append({"text_symbol": symbol, "paragraph_order": order, "part": part, "paragraph_number": number,
                           "heading_path": heading, "paragraph_text": text, "source": source})
        seen = set()
        for cited, written in [*links, *cited_in_text(text)]:
            if cited != symbol and cited not in seen:
                seen.add(cited)
                citations.append({"text_symbol": symbol, "paragraph_order": order, "cited_symbol": cited,
                                  "cited_as": written, "source": source})
    return paragraphs, citations


def unsafe(paragraphs: list[dict]) -> list[dict]:
    """Paragraphs whose text breaks the rule for outside text (none in the source today)."""
    return [p for p in paragraphs if unsafe_text(p["paragraph_text"])]
