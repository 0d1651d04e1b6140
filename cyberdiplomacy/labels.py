"""Words for the pages: option labels, picker labels, captions and document links (pure, no Streamlit)."""
from __future__ import annotations

import re
from urllib.parse import quote

import pandas as pd

from cyberdiplomacy import defaults, provenance, vocabulary
from cyberdiplomacy.safe_text import markdown
from cyberdiplomacy.vocabulary import TRACKS

TRACK_OPTIONS = list(TRACKS)


VOTE_OPTIONS = list(vocabulary.VOTE_ORDER)


def track_label(track: str) -> str:
    return vocabulary.TRACK_LABELS.get(track, track)


def pair_label(pair: str) -> str:
    a, b = defaults.COMPETING_PAIRS[pair]
    return f"{a} vs {b} ({defaults.PAIR_NOTES[pair]})"


def swing_label(step: str) -> str:
    a, b = defaults.SWING_STEPS[step]
    return f"{a.removeprefix('A/RES/')} → {b.removeprefix('A/RES/')} ({defaults.SWING_NOTES[step]})"


def default_resolution(options: list[str]) -> str:
    return defaults.DEFAULT_RESOLUTION if defaults.DEFAULT_RESOLUTION in options else options[-1]


# Resolution history's sections (URL name: tab label); the texts below name them, so they are defined once here.
HISTORY_SECTIONS = {"lineage": "Lineage of the texts", "text": "One text: story and vote",
                    "competing": "Competing texts"}


def no_state_votes_text(symbol: str, adoption_mode) -> str:
    """Why a text a link asked for has its story but no vote chart (a symbol of the record: validated by filters)."""
    how = ("was adopted without a vote" if adoption_mode == "without_vote"
           else "has no per-state votes on record (how it was adopted is not on record)")
    return f"{symbol} {how}: there is no vote to draw. Its story, sponsors and documents follow."


ORIGIN_MARKS = {"undl": " · imported votes", "history": " · votes from the bundled history",
                "unxml": " · votes from the UN's resolutions"}


def text_labels(history: pd.DataFrame, symbols: list[str]) -> dict[str, str]:
    """Picker labels for texts of the record without per-state votes."""
    found = {}
    for symbol in symbols:
        rows = history[history["symbol"] == symbol]
        row = rows.iloc[0] if len(rows) else None
        date = str(row["adopted_date"])[:10] if row is not None and str(row["adopted_date"]) not in ("NaT", "None") \
            else "date not on record"
        title = row["title"] if row is not None and isinstance(row["title"], str) else ""
        found[symbol] = f"{symbol} · {date} · no per-state votes · {title}"[:120]
    return found


def resolution_labels(recorded: pd.DataFrame) -> dict[str, str]:
    """Picker label per recorded vote, built once per run (a lookup per option scanned the frame each time)."""
    labels = {}
    for row in recorded.itertuples(index=False):
        mark = ORIGIN_MARKS.get(getattr(row, "vote_origin", None), "")
        labels.setdefault(row.resolution_symbol,
                          f"{row.resolution_symbol} · {str(row.vote_date)[:10]}{mark} · {row.title or ''}"[:120])
    return labels


def import_marks_text(history: pd.DataFrame) -> str | None:
    """What in this list came from imports or the history rather than curation; None when nothing did."""
    parts = []
    joined = int((history["text_origin"] == "undl").sum())
    filled = int(history["filled_from_undl"].notna().sum())
    imported_votes = int(history["vote_origins"].fillna("").str.contains("undl").sum())
    history_votes = int(history["vote_origins"].fillna("").str.contains("history").sum())
    if joined:
        parts.append(f"{joined} text(s) joined from UN Digital Library imports (text_origin = undl, single-source)")
    if filled:
        parts.append(f"{filled} curated text(s) completed from an import (filled_from_undl lists the fields)")
    if imported_votes:
        parts.append(f"per-state votes of {imported_votes} text(s) come from an import")
    if history_votes:
        parts.append(f"per-state votes of {history_votes} text(s) come from the bundled history")
    return ("Not curated row by row: " + "; ".join(parts) + ".") if parts else None


def _link(symbol) -> str:
    """A document's link on the UN's symbol resolver; the symbol may come from an import, so it is escaped as text
    and percent-encoded in the address (a symbol '[x](https://elsewhere)' stays text and the link stays on undocs)."""
    return f"[{markdown(symbol)}](https://undocs.org/{quote(str(symbol), safe='/')})"


def document_links(history_row: pd.Series | None) -> str:
    """Markdown list of the documents of one resolution, each linking to the UN record."""
    if history_row is None:
        return "No document on record."
    lines = [f"- Resolution: {_link(history_row['symbol'])}"]
    for label, column in (("Draft", "draft_symbol"), ("Meeting record", "meeting_record")):
        value = history_row.get(column)
        if isinstance(value, str) and value:
            lines.append(f"- {label}: {_link(value)}")
    lines.append(f"- Sources: {markdown(history_row['source'])} (confidence: {markdown(history_row['confidence'])})")
    return "\n".join(lines)


def state_namer(states: pd.DataFrame):
    names = dict(zip(states["iso3"], states["name"], strict=True))
    return lambda iso3: f"{names.get(iso3, iso3)} ({iso3})"


CONFIDENCE_TEXT = (
    "- **confirmed**: a UN document (symbol, UN page, the UN's machine-readable resolutions) or the body's own "
    "official page gives it, or two independent reputable sources agree.\n"
    "- **single-source**: press reports, a secondary dataset or an encyclopedia: no UN document or official page.\n"
    "- **inferred**: derived by reasoning from other facts; the row's notes say how.\n\n"
    "Empty cells are unknown, never zero.")


def _span(first, last) -> str:
    first, last = int(first), int(last)
    return str(first) if first == last else f"{first}–{last}"


SHORT_ORIGIN_NAMES = {"unxml": "UN machine-readable resolutions"}  # the others: their source name's first part


def vote_coverage_text(coverage: pd.DataFrame) -> str:
    """Where per-state votes start and stop, per origin, for a caption on every page."""
    rows = coverage.dropna(subset=["first_year", "last_year"]) if len(coverage) else coverage
    if not len(rows):
        return f"No per-state votes on record; {provenance.IMPORT_HINT}."
    parts = [f"{SHORT_ORIGIN_NAMES.get(r.origin) or provenance.origin_source(r.origin).split(' (')[0]} "
             f"{_span(r.first_year, r.last_year)}" for r in rows.itertuples()]
    text = f"Per-state votes on record: {_span(rows['first_year'].min(), rows['last_year'].max())}"
    text += f" ({'; '.join(parts)})" if len(parts) > 1 else f" ({parts[0]})"
    if not {"undl", "unxml"} & set(rows["origin"]):
        text += f"; {provenance.IMPORT_HINT}"
    return text + "."


ORIGIN_LABELS = {"curated": "curated (data/)", "undl": "UN Digital Library imports",
                 "unxml": "UN machine-readable resolutions 2019–2026", "history": "Voeten history 1946–2019"}
# Data & sources: which origin each resolution's votes come from, and where the record has holes.
ORIGINS_NOTE = ("Each resolution's per-state votes come from one origin, the first holding it: curated rows, then "
                "imports, then the UN's machine-readable resolutions (sessions 74–80), then Voeten's history "
                "(1946–2019). The UN's lists name only states that voted, as Voeten's do: on the record's texts a "
                "member on the vote date without a row is shown as not voting (inferred).")
COVERAGE_NOTE = ("Recorded plenary votes per session: held by each bundled origin, and kept in the record. Voeten's "
                 "history has no vote after December for sessions 67, 70, 72 and 73 (the resumed sessions: e.g. "
                 "73/295 on the Chagos Archipelago, May 2019), and no origin here fills them; sessions 75–80 are "
                 "the UN's own lists, a few votes without names (75/254 A-C).")



def _date(value) -> str | None:
    return None if value is None or pd.isna(value) else f"{pd.Timestamp(value):%d %B %Y}".lstrip("0")


def _outcome(mode, yes, no, abstain) -> str | None:
    if mode == "recorded_vote" and pd.notna(yes) and pd.notna(no) and pd.notna(abstain):
        return f"by a recorded vote of {int(yes)}–{int(no)}–{int(abstain)}"
    return {"recorded_vote": "by a recorded vote (totals not on record)", "without_vote": "without a vote"}.get(mode)


def _decision(label: str, verb: str, outcome: str | None, when: str | None, record=None) -> str:
    """'- Third Committee: approved by a recorded vote of 88–55–29 (date not on record)'."""
    unknown = [what for what, value in (("how", outcome), ("date", when)) if not value]
    return (f"- {label}: {verb}" + (f" {outcome}" if outcome else "") + (f" on {when}" if when else "")
            + (f", {_link(record)}" if isinstance(record, str) and record else "")
            + (f" ({' and '.join(unknown)} not on record)" if unknown else ""))


def resolution_story(row: pd.Series | None, sponsors: pd.DataFrame, states: pd.DataFrame) -> str:
    """One text's story in a few lines of Markdown: draft and sponsors, committee and plenary outcome, competing
    text, record. Unknown facts are said to be unknown, never guessed."""
    if row is None:
        return "No text on record."
    names = dict(zip(states["iso3"], states["name"], strict=True))
    lines = [f"**{markdown(row['symbol'])}**: {markdown(row['title']) if row['title'] else 'title not on record'}"]
    draft = row.get("draft_symbol") if isinstance(row.get("draft_symbol"), str) else None
    main = names.get(row.get("main_sponsor_iso3"), row.get("main_sponsor_iso3"))
    drafted = f"- Draft {_link(draft)}" if draft else "- Draft: not on record"
    lines.append(drafted + (f", tabled by {markdown(main)}" if isinstance(main, str) else ""))
    if sponsors.empty:
        lines.append("- Sponsors: not on record (unknown, not none)")
    else:
        original, later = (int((sponsors["role"] == role).sum()) for role in ("original", "additional"))
        if len(sponsors) == 1:
            lines.append("- Sponsors: only the main sponsor is on record (the co-sponsor list is not yet curated)")
        else:
            lines.append(f"- Sponsors on record: {original} printed on the draft, {later} joined later "
                         f"({len(sponsors)} states, listed below)")
    committee = row.get("main_committee")
    if isinstance(committee, str) and committee:
        outcome = _outcome(row.get("committee_adoption_mode"), row.get("committee_yes_count"),
                           row.get("committee_no_count"), row.get("committee_abstain_count"))
        when = _date(row.get("committee_date"))
        committee = markdown(committee)
        lines.append(_decision(f"{committee} Committee", "approved", outcome, when) if outcome or when
                     else f"- {committee} Committee: its decision is not on record")
    lines.append(_decision("General Assembly", "adopted", _outcome(
        row.get("adoption_mode"), row.get("plenary_yes_count"), row.get("plenary_no_count"),
        row.get("plenary_abstain_count")), _date(row.get("adopted_date")), row.get("meeting_record")))
    for pair, (a, b) in defaults.COMPETING_PAIRS.items():
        if row["symbol"] in (a, b):
            other = b if a == row["symbol"] else a
            lines.append(f"- Compared with {_link(other)} in {HISTORY_SECTIONS['competing']} ({defaults.PAIR_NOTES[pair]})")
    return "\n".join(lines)


def plotly_text_as_markdown(text: str) -> str:
    """A figure's subtitle (plotly text: '<br>' breaks, other tags for style) as markdown lines."""
    return "  \n".join(markdown(re.sub(r"<[^>]+>", "", part)) for part in re.split(r"<br\s*/?>", text))
