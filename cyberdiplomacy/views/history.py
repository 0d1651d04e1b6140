"""Shaping for Resolution history: a text's story, its documents, labels of texts and pairs, and the tables of its figures."""
from __future__ import annotations

from urllib.parse import quote

import pandas as pd

from cyberdiplomacy import defaults, vocabulary
from cyberdiplomacy.safe_text import markdown


def pair_label(pair: str) -> str:
    a, b = defaults.COMPETING_PAIRS[pair]
    return f"{a} vs {b} ({defaults.PAIR_NOTES[pair]})"


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


def history_table(history: pd.DataFrame) -> pd.DataFrame:
    columns = ["symbol", "adopted_date", "is_undated", "track", "title", "adoption_mode", "plenary_yes_count", "plenary_no_count",
               "plenary_abstain_count", "plenary_state_yes_count", "plenary_state_no_count",
               "plenary_state_abstain_count", "plenary_state_non_voting_count", "draft_symbol", "meeting_record",
               "source", "confidence", "vote_origins", "text_origin", "filled_from_undl", "imported_from"]
    return history[[c for c in columns if c in history.columns]]


def group_table(votes: pd.DataFrame) -> pd.DataFrame:
    table = votes.groupby(["un_regional_group", "vote"]).size().unstack(fill_value=0)
    table = table.reindex(columns=vocabulary.VOTE_ORDER, fill_value=0).rename(columns=vocabulary.VOTE_LABELS)
    return table.reset_index()


def row_for(history: pd.DataFrame, symbol: str) -> pd.Series | None:
    rows = history[history["symbol"] == symbol]
    return rows.iloc[0] if len(rows) else None
