"""Find a state by the name people use: the UN's name, ISO 3166 names from pycountry (official and common),
and the English short forms no library carries (Turkey, UK, Russia, Ivory Coast). Pure: no Streamlit."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pandas as pd
import pycountry

# Everyday English names that neither the UN nor ISO 3166 (pycountry) lists for the state.
EVERYDAY_NAMES = {
    "turkey": "TUR", "uk": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR", "us": "USA",
    "america": "USA", "united states": "USA", "russia": "RUS", "ivory coast": "CIV", "cape verde": "CPV",
    "swaziland": "SWZ", "burma": "MMR", "east timor": "TLS", "macedonia": "MKD", "vatican": "VAT",
    "holy see": "VAT", "palestine": "PSE", "czech republic": "CZE", "the gambia": "GMB", "dr congo": "COD",
    "drc": "COD", "congo brazzaville": "COG", "uae": "ARE", "south korea": "KOR", "north korea": "PRK",
}


def normalise(name: str) -> str:
    """Case, accents, punctuation and spacing do not matter: 'Côte d’Ivoire' == 'cote divoire'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()
    text = re.sub(r"[^a-z0-9 ]+", "", text.replace("&", " and ").replace("-", " "))
    return re.sub(r"\s+", " ", text).strip()


def _iso_names(iso3: str) -> list[str]:
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return []
    return [getattr(country, attr, None) or "" for attr in ("name", "common_name", "official_name")]


def lookup(states: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Every accepted spelling -> ISO3, for (iso3, UN name) pairs: codes as written (upper case), names
    normalised. A name shared by two states (none today) is dropped rather than guessed."""
    found: dict[str, set[str]] = {}
    pairs = list(states)
    codes = {iso3 for iso3, _ in pairs}
    for iso3, un_name in pairs:
        for name in (un_name, *_iso_names(iso3)):
            if name:
                found.setdefault(normalise(name), set()).add(iso3)
    for name, iso3 in EVERYDAY_NAMES.items():
        if iso3 in codes:
            found.setdefault(name, set()).add(iso3)
    names = {name: next(iter(iso3s)) for name, iso3s in found.items() if name and len(iso3s) == 1}
    return {**names, **{iso3: iso3 for iso3 in codes}}


def resolve(text: str, spellings: dict[str, str]) -> str | None:
    """The ISO3 code a URL or CLI value names, or None."""
    return spellings.get(text.strip().upper()) or spellings.get(normalise(text))


def short_name(iso3: str, un_name: str) -> str:
    """The name a chart writes beside a bar or a cell: ISO 3166's everyday name (pycountry's common name, else its
    name) where it is shorter than the UN's and reads as a name, not an inverted or bracketed form ('Congo, The
    Democratic Republic of the'); the UN's name otherwise. 'United Kingdom of Great Britain and Northern Ireland'
    becomes 'United Kingdom', 'Iran (Islamic Republic of)' 'Iran'; full names stay in hovers and tables."""
    country = pycountry.countries.get(alpha_3=str(iso3))
    for candidate in (getattr(country, "common_name", None), getattr(country, "name", None)):
        if candidate and not re.search(r"[,(]", candidate) and len(candidate) < len(str(un_name)):
            return candidate
    return str(un_name)


def short_names(iso3s: Iterable[str], un_names: Iterable[str]) -> list[str]:
    """`short_name` of each state; two states that would share one keep their UN names."""
    pairs = list(zip(iso3s, un_names, strict=True))
    short = [short_name(iso3, name) for iso3, name in pairs]
    taken = {s: {iso3 for (iso3, _), t in zip(pairs, short, strict=True) if t == s} for s in short}
    return [s if len(taken[s]) == 1 else str(name) for s, (_, name) in zip(short, pairs, strict=True)]


def state_namer(states: pd.DataFrame):
    names = dict(zip(states["iso3"], states["name"], strict=True))
    return lambda iso3: f"{names.get(iso3, iso3)} ({iso3})"
