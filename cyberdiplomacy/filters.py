"""The filters shared by every page, read from and written to the URL (pure: no Streamlit)."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from cyberdiplomacy import defaults, state_names
from cyberdiplomacy.vocabulary import MEETING_FORMATS, TRACKS

EARLIEST_YEAR = 1946  # first General Assembly session: the floor of any year range when the warehouse is empty
MAX_VALUE_LENGTH = 200  # longer parameters are refused, not parsed
TRACK_ALIASES = {"criminal_ict": "criminal_ict", "crime": "criminal_ict", "criminal": "criminal_ict",
                 "international_security": "international_security", "security": "international_security"}
URL_KEYS = ("state", "track", "from", "to", "resolution", "body", "format", "search", "view")
MAX_SEARCH_LENGTH = 100  # the Data & sources row filter


@dataclass(frozen=True)
class Filters:
    states: tuple[str, ...] = ()
    tracks: tuple[str, ...] = TRACKS
    from_year: int | None = None  # None: not narrowed; each page starts at its own default
    to_year: int | None = None
    resolution: str | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)
    bodies: tuple[str, ...] = ()  # meeting bodies by short name; each page checks them against its data
    formats: tuple[str, ...] = ()  # meeting formats, MEETING_FORMATS
    search: str = ""  # Data & sources: rows containing this text
    view: str = ""  # the open section of a page with sections; empty: its first (each page checks the name)


def _shown(value: str) -> str:
    """A safe, short rendering of a rejected value for a message."""
    text = value if len(value) <= 40 else value[:40] + "…"
    return repr(text)


def _values(params: Mapping[str, Sequence[str] | str], key: str) -> list[str]:
    raw = params.get(key, [])
    items = [raw] if isinstance(raw, str) else list(raw)
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def _year(text: str, name: str, warnings: list[str], bounds: tuple[int, int]) -> int | None:
    if re.fullmatch(r"\d{4}", text) and bounds[0] <= int(text) <= bounds[1]:
        return int(text)
    warnings.append(f"Ignored {name}={_shown(text)}: expected a year between {bounds[0]} and {bounds[1]}.")
    return None


def year_span(filters: Filters, first: int, last: int) -> tuple[int, int]:
    """The years a page draws: its own range [first, last], narrowed by the URL's from/to when given."""
    low = first if filters.from_year is None else min(max(filters.from_year, first), last)
    high = last if filters.to_year is None else max(min(filters.to_year, last), first)
    return (low, high) if low <= high else (high, low)


def clamped_text(filters: Filters, first: int, last: int, what: str) -> str | None:
    """What a page did with a URL's years beyond its data, or None when they fit (or none were asked)."""
    asked = [y for y in (filters.from_year, filters.to_year) if y is not None]
    if not asked or all(first <= y <= last for y in asked):
        return None
    low, high = year_span(filters, first, last)
    start, end = filters.from_year, filters.to_year
    asked_text = (f"{start}–{end}" if start is not None and end is not None
                  else f"{start} onwards" if start is not None else f"years up to {end}")
    shown = str(low) if low == high else f"{low}–{high}"
    return f"The link asks for {asked_text}, but {what} run {first}–{last}: showing {shown}."


def years_from_range(years: tuple[int, int], filters: Filters, first: int, last: int) -> dict[str, int | None]:
    """A range chosen on a page's slider as filter values: the page's own bounds mean 'not narrowed', and an
    unmoved slider keeps the URL's years (a 1975 start asked for elsewhere survives a page with a 1998 floor)."""
    if tuple(years) == year_span(filters, first, last):
        return {"from_year": filters.from_year, "to_year": filters.to_year}
    return {"from_year": None if years[0] <= first else int(years[0]),
            "to_year": None if years[1] >= last else int(years[1])}


def normalise_symbol(text: str) -> str:
    """Accept '73/187' as shorthand for 'A/RES/73/187'."""
    return f"A/RES/{text}" if re.fullmatch(r"\d{2}/\d{1,3}", text) else text


def parse(params: Mapping[str, Sequence[str] | str], known_states: set[str] | Mapping[str, str],
          known_resolutions: set[str], years: tuple[int, int]) -> Filters:
    """Valid filters from URL parameters; anything unknown or malformed is dropped with a plain warning.

    `years` bounds the years a URL may ask for: pass the data's earliest and latest year. `known_states` is a set
    of ISO3 codes, or a dict of every accepted spelling (state_names.lookup)."""
    warnings: list[str] = []  # in the order of the parameters below
    clean = _known_params(params, warnings)
    states = _states(clean.get("state", []), known_states, warnings)
    tracks = _tracks(clean.get("track", []), warnings) or TRACKS
    from_year, to_year = _years(clean, years, warnings)
    resolution = _resolution(clean.get("resolution", []), known_resolutions, warnings)
    bodies = tuple(list(dict.fromkeys(clean.get("body", [])))[:defaults.MAX_URL_BODIES])
    formats = _formats(clean.get("format", []), warnings)
    search = _search(params, clean, warnings)
    view = _view(clean.get("view", []), warnings)
    return Filters(states, tracks, from_year, to_year, resolution, tuple(warnings), bodies, formats, search, view)


def _known_params(params: Mapping[str, Sequence[str] | str], warnings: list[str]) -> dict[str, list[str]]:
    clean: dict[str, list[str]] = {}
    for key in params:
        if key not in URL_KEYS:
            warnings.append(f"Ignored unknown parameter {_shown(key)}.")
            continue
        values = _values(params, key)
        if any(len(v) > MAX_VALUE_LENGTH for v in values):
            warnings.append(f"Ignored parameter {key}: value too long.")
            continue
        clean[key] = values
    return clean


def _states(names: list[str], known_states: set[str] | Mapping[str, str], warnings: list[str]) -> tuple[str, ...]:
    states: list[str] = []
    spellings = known_states if isinstance(known_states, Mapping) else {code: code for code in known_states}
    for code in names:
        iso3 = state_names.resolve(code, spellings)
        if iso3 is None:
            warnings.append(f"Unknown state code {_shown(code)}: use ISO 3166 alpha-3 codes such as RUS or USA, "
                            "or a name such as Brazil.")
        elif iso3 not in states:
            states.append(iso3)
    if len(states) > defaults.MAX_URL_STATES:
        warnings.append(f"Kept the first {defaults.MAX_URL_STATES} of {len(states)} states "
                        f"(left out: {', '.join(states[defaults.MAX_URL_STATES:])}).")
        states = states[:defaults.MAX_URL_STATES]
    return tuple(states)


def _tracks(names: list[str], warnings: list[str]) -> tuple[str, ...]:
    tracks: list[str] = []
    for name in names:
        track = TRACK_ALIASES.get(name.lower())
        if track and track not in tracks:
            tracks.append(track)
        elif not track:
            warnings.append(f"Unknown track {_shown(name)}: use crime or security.")
    return tuple(tracks)


def _years(clean: dict[str, list[str]], bounds: tuple[int, int], warnings: list[str]) -> tuple[int | None, int | None]:
    from_year = _year(clean["from"][0], "from", warnings, bounds) if clean.get("from") else None
    to_year = _year(clean["to"][0], "to", warnings, bounds) if clean.get("to") else None
    if from_year is not None and to_year is not None and from_year > to_year:
        warnings.append("The start year was after the end year; they were swapped.")
        from_year, to_year = to_year, from_year
    return from_year, to_year


def _resolution(asked: list[str], known_resolutions: set[str], warnings: list[str]) -> str | None:
    if not asked:
        return None
    symbol = normalise_symbol(asked[0])
    if symbol in known_resolutions:
        return symbol
    warnings.append(f"Unknown resolution {_shown(asked[0])}; showing the default.")
    return None


def _formats(names: list[str], warnings: list[str]) -> tuple[str, ...]:
    formats: list[str] = []
    for name in names:
        if name.lower() in MEETING_FORMATS and name.lower() not in formats:
            formats.append(name.lower())
        elif name.lower() not in MEETING_FORMATS:
            warnings.append(f"Unknown meeting format {_shown(name)}: use {', '.join(MEETING_FORMATS)}.")
    return tuple(formats)


def _search(params: Mapping[str, Sequence[str] | str], clean: dict[str, list[str]], warnings: list[str]) -> str:
    raw_search = params.get("search", "") if "search" in clean else ""  # not split at commas: it is free text
    search = (raw_search if isinstance(raw_search, str) else next(iter(raw_search), "")).strip()
    if len(search) > MAX_SEARCH_LENGTH:
        warnings.append(f"Ignored search: longer than {MAX_SEARCH_LENGTH} characters.")
        return ""
    return "".join(ch for ch in search if ch.isprintable())  # a pasted control character is not a search


def _view(asked: list[str], warnings: list[str]) -> str:
    view = next(iter(asked), "").lower()
    if view and not re.fullmatch(r"[a-z-]{1,30}", view):
        warnings.append(f"Ignored view={_shown(view)}: expected a section name such as 'cohesion'.")
        return ""
    return view


def to_params(filters: Filters) -> dict[str, str]:
    """URL parameters for filters, leaving out defaults so shared links stay short."""
    params: dict[str, str] = {}
    if filters.states:
        params["state"] = ",".join(filters.states)
    if set(filters.tracks) != set(TRACKS):
        params["track"] = ",".join("crime" if t == "criminal_ict" else "security" for t in filters.tracks)
    if filters.from_year is not None:
        params["from"] = str(filters.from_year)
    if filters.to_year is not None:
        params["to"] = str(filters.to_year)
    if filters.resolution:
        params["resolution"] = filters.resolution
    if filters.bodies:
        params["body"] = ",".join(filters.bodies)
    if filters.formats:
        params["format"] = ",".join(filters.formats)
    if filters.search:
        params["search"] = filters.search
    if filters.view:
        params["view"] = filters.view
    return params


def with_changes(filters: Filters, **changes) -> Filters:
    return replace(filters, warnings=(), **changes)


def describe(filters: Filters) -> str:
    """The selection in words, for export subtitles and file headers."""
    parts = []
    if filters.states:
        parts.append("States: " + ", ".join(filters.states))
    if set(filters.tracks) != set(TRACKS):
        parts.append("Track: " + ", ".join("criminal use of ICTs" if t == "criminal_ict" else "international security"
                                           for t in filters.tracks))
    if filters.from_year is not None and filters.to_year is not None:
        parts.append(f"Years {filters.from_year}–{filters.to_year}")
    elif filters.from_year is not None:
        parts.append(f"Years from {filters.from_year}")
    elif filters.to_year is not None:
        parts.append(f"Years up to {filters.to_year}")
    if filters.resolution:
        parts.append(f"Resolution {filters.resolution}")
    if filters.bodies:
        parts.append("Bodies: " + ", ".join(filters.bodies))
    if filters.formats:
        parts.append("Format: " + ", ".join(filters.formats))
    if filters.search:
        parts.append(f"Rows containing {filters.search!r}")
    return " · ".join(parts) or "All states, both tracks, all years"
