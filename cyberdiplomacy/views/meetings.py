"""Shaping for the Meeting timelines page: filters, the sessions table, meeting days and milestones (pure pandas)."""
from __future__ import annotations

import re
from urllib.parse import quote

import pandas as pd

from cyberdiplomacy import defaults, views
from cyberdiplomacy.safe_text import markdown
from cyberdiplomacy.vocabulary import MEETING_FORMATS

CONVENTION_RESOLUTION = "A/RES/79/243"


SIGNING_BODY = "Signing ceremony"


UN_SYMBOL = re.compile(r"^(A|E|S|UNODC)/\S+$")


def window(years: tuple[int, int], page_span: tuple[int, int], all_meetings: pd.DataFrame) -> tuple[str, str]:
    """The dates the lanes open on: the era of the bodies in defaults.TIMELINE_ERA_BODIES (the Ad Hoc Committee to
    the signing) as the data has it, unless the years were narrowed, then those years."""
    era = all_meetings[all_meetings["body_short"].isin(defaults.TIMELINE_ERA_BODIES)]
    if tuple(years) != tuple(page_span) or era.empty:
        return f"{years[0]}-01-01", f"{years[1]}-12-31"
    return (f"{pd.Timestamp(era['start_date'].min()):%Y-%m-%d}",
            f"{pd.Timestamp(era['end_date'].max()) + pd.Timedelta(days=30):%Y-%m-%d}")


def body_names(meetings: pd.DataFrame) -> list[str]:
    return sorted(meetings["body_short"].dropna().unique())


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", str(text).lower()).split())


def matching_bodies(asked: str, bodies: pd.DataFrame) -> list[str]:
    """Short names of the bodies a user means: the short name itself ('AHC'), a series by its first word ('GGE',
    'OEWG'), or words of the full name ('Ad Hoc', 'Expert Group'), regardless of case and punctuation."""
    wanted = _words(asked)
    if len(wanted) < 2:
        return []
    matches = []
    for short, full in bodies[["body_short", "body"]].drop_duplicates().itertuples(index=False):
        short_words, full_words = _words(short), _words(full)
        if wanted == short_words or short_words.startswith(wanted + " ") or \
                (len(wanted) >= 4 and f" {wanted} " in f" {full_words} "):
            matches.append(short)
    return sorted(set(matches))


def known_bodies(asked: tuple[str, ...], bodies: pd.DataFrame) -> tuple[list[str], str]:
    """The bodies the URL names (by short name, series or words of the full name); a message naming the rest."""
    kept, dropped = [], []
    for text in asked:
        found = matching_bodies(text, bodies)
        kept += [b for b in found if b not in kept]
        if not found:
            dropped.append(text)
    message = (f"Unknown body {', '.join(repr(d[:40]) for d in dropped)}: choose from the Bodies list "
               "(a short name such as AHC, or words of the name such as Ad Hoc)." if dropped else "")
    return kept, message


def format_of(meetings: pd.DataFrame) -> pd.Series:
    """Each session's format, 'unknown' where none is on record."""
    return meetings["format"].fillna("").replace("", "unknown").str.lower()


def with_formats(meetings: pd.DataFrame, formats) -> pd.DataFrame:
    """Sessions whose format is among `formats` (all when none is chosen)."""
    if not formats or set(formats) >= set(MEETING_FORMATS):
        return meetings
    return meetings[format_of(meetings).isin(list(formats))]


def session_days(meetings: pd.DataFrame) -> pd.Series:
    """Calendar days of each session; unknown (NA) unless its dates are known to the day."""
    days = (pd.to_datetime(meetings["end_date"]) - pd.to_datetime(meetings["start_date"])).dt.days + 1
    return days.where(meetings["date_precision"].fillna("day") == "day").astype("Int64")


def _first_link(symbols) -> str | None:
    if not isinstance(symbols, str):
        return None
    for part in symbols.split(";"):
        part = part.strip()
        if UN_SYMBOL.match(part):
            return f"https://undocs.org/{part}"
    return None


def meeting_table(meetings: pd.DataFrame) -> pd.DataFrame:
    """One row per session with column labels in words; unknown cells stay empty."""
    def text(column):
        return meetings[column].fillna("").astype(str)  # unknown shows as an empty cell

    table = pd.DataFrame({
        "Body": meetings["body_short"],
        "Session": meetings["meeting"],
        "Start": pd.to_datetime(meetings["start_date"]).dt.date,
        "End": pd.to_datetime(meetings["end_date"]).dt.date,
        "Days": session_days(meetings),
        "City": text("city"),
        "Format": text("format"),
        "Chair": text("chair"),
        "Outcome document": text("outcome_symbol"),
        "Document link": meetings["outcome_symbol"].map(_first_link),
        "Status": meetings["status"],
        "Dates known to the": meetings["date_precision"],
        "Source": meetings["source"],
        "Confidence": meetings["confidence"],
    })
    return table.reset_index(drop=True)


def when(start, end, precision: str | None) -> str:
    """A session's dates as short as they read unambiguously: '10–12 May 2021', '30 May – 10 Jun 2022', 'Aug 2012 –
    Jun 2013', '2004–2005'; only what is known (a group's term may be known by month or year)."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if precision == "year":
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if precision == "month":
        same = (start.year, start.month) == (end.year, end.month)
        return f"{start:%b %Y}" if same else f"{start:%b %Y} – {end:%b %Y}"
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def outcome_text(symbols) -> str:
    """Markdown naming a session's outcome documents: each UN symbol a link to undocs.org (the UN's resolver), any
    other reference ('ETS No. 185') as text. Symbols come from data: escaped, and percent-encoded in the address."""
    parts = [p.strip() for p in symbols.split(";") if p.strip()] if isinstance(symbols, str) else []
    if not parts:
        return "outcome document not on record"
    return "outcome: " + ", ".join(
        f"[{markdown(p)}](https://undocs.org/{quote(p, safe='/')})" if UN_SYMBOL.match(p) else markdown(p)
        for p in parts)


def outcome_lines(table: pd.DataFrame) -> list[str]:
    """Markdown, body by body in order of first session: a line naming the body, then a bullet per session with its
    dates, city and outcome document; a session not held says so. Built from meeting_table's columns."""
    lines = []
    firsts = table.groupby("Body", sort=False)["Start"].min().sort_values(kind="stable")
    for body in firsts.index:
        lines += [""] if lines else []  # a blank line between bodies
        lines.append(f"**{markdown(body)}**")
        for row in table[table["Body"] == body].sort_values("Start", kind="stable").to_dict("records"):
            name = str(row["Session"])
            facts = [f"**{markdown(name)}**", when(row["Start"], row["End"], row["Dates known to the"])]
            if row["City"]:
                facts.append(markdown(row["City"]))
            if row["Status"] != "held" and str(row["Status"]) not in name:
                facts.append(markdown(row["Status"]))
            lines.append("- " + " · ".join(facts) + " — " + outcome_text(row["Outcome document"]))
    return lines


def meeting_days(meetings: pd.DataFrame) -> pd.DataFrame:
    """Days met per body and year: held sessions with day-precise dates, each day counted in its own year."""
    held = meetings[(meetings["status"] == "held") & (meetings["date_precision"].fillna("day") == "day")]
    rows = []
    for body, start, end in zip(held["body_short"], held["start_date"], held["end_date"], strict=True):
        for day in pd.date_range(pd.Timestamp(start), pd.Timestamp(end), freq="D"):
            rows.append((body, day.year))
    days = pd.DataFrame(rows, columns=["body_short", "year"])
    if days.empty:
        return pd.DataFrame(columns=["body_short", "year", "meeting_days"])
    return days.value_counts().rename("meeting_days").reset_index().sort_values(["body_short", "year"],
                                                                                ignore_index=True)


def undated_terms(meetings: pd.DataFrame) -> int:
    """Held sessions whose days are not known (a group's term given by month or year): left out of day counts."""
    return int(((meetings["status"] == "held") & (meetings["date_precision"].fillna("day") != "day")).sum())


def milestones(history: pd.DataFrame, meetings: pd.DataFrame, treaty_status: pd.DataFrame) -> pd.DataFrame:
    """Adopted texts, the Convention's adoption, its signing and entry into force, on one time axis."""
    dated = history[history["adopted_date"].notna()]
    rows = [{"date": pd.Timestamp(r.adopted_date), "track": r.track,
             "kind": "Convention adopted" if r.symbol == CONVENTION_RESOLUTION else "Adopted text",
             "label": r.symbol, "detail": f"{r.title or ''} · {str(r.adoption_mode or '').replace('_', ' ')}"}
            for r in dated.itertuples()]
    signing = meetings[meetings["body_short"] == SIGNING_BODY]
    rows += [{"date": pd.Timestamp(r.start_date), "track": r.track, "kind": "Opened for signature",
              "label": f"Signing in {r.city}" if isinstance(r.city, str) else "Signing", "detail": r.meeting}
             for r in signing.itertuples()]
    treaty = views.overview.entry_into_force(treaty_status, pd.Timestamp.today().date()) if len(treaty_status) else {}
    if treaty.get("in_force_date"):
        rows.append({"date": pd.Timestamp(treaty["in_force_date"]), "track": "criminal_ict",
                     "kind": "Entry into force", "label": "Convention in force",
                     "detail": "90 days after the 40th instrument (article 65)"})
    columns = ["date", "track", "kind", "label", "detail"]
    return pd.DataFrame(rows, columns=columns).sort_values("date", ignore_index=True)


def entry_into_force_note(treaty_status: pd.DataFrame) -> str:
    """Where entry into force stands, for the chart's subtitle."""
    treaty = views.overview.entry_into_force(treaty_status, pd.Timestamp.today().date()) if len(treaty_status) else {}
    if not treaty.get("known"):
        return "entry into force: not on record"
    if treaty.get("in_force_date"):
        return f"entry into force {treaty['in_force_date']:%d %b %Y}"
    return f"entry into force not yet: {treaty['instrument_count']} of 40 instruments"


def state_note(states: tuple[str, ...]) -> str:
    """What the state filter means here: meetings are not recorded per state."""
    if not states:
        return ""
    return (f"Sessions are not recorded per state, so the state filter ({', '.join(states)}) does not narrow this "
            "page; chairs and host cities are in the table.")
