"""Shaping for the Texts page (pure): which texts to offer and compare, a text and a comparison as Markdown (outside
words escaped, our own marks added), search hits in context and term counts per year and track."""
from __future__ import annotations

import re
from urllib.parse import quote

import pandas as pd

from cyberdiplomacy import defaults, provenance, views
from cyberdiplomacy.safe_text import markdown

MARKS = re.compile(r"\[\+(.*?)\+\]|\[-(.*?)-\]")


CHANGE_WORDS = {"same": "Same", "changed": "Changed", "added": "New", "removed": "Dropped"}


PART_WORDS = {"preamble": "preambular", "operative": "operative", "annex": "annex"}


PART_HEADINGS = {"preamble": "Preamble", "operative": "Operative part", "annex": "Annex"}


EXCERPT_CHARS = 90  # of context on each side of a search hit


SOURCE_NOTE = ("Words: the United Nations' machine-readable General Assembly resolutions (github.com/UNxml/"
               "GAresolutions; unofficial copies, source: United Nations); the 2018 draft A/C.3/73/L.9/Rev.1 from "
               "its public document. Footnotes are left out of the words; what they cite is listed under each "
               "paragraph.")


def short(symbol: str) -> str:
    return str(symbol).removeprefix("A/RES/")


def slug(symbol: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", str(symbol)).strip("-").lower()


def sources(table: pd.DataFrame, symbols: list[str] | None = None) -> list[str]:
    """The UN source (its terms ask to be named) and the texts shown, for a table's downloads."""
    return [provenance.UNXML_SOURCE, *(symbols or sorted(set(table.get("text_symbol", []))))]


def default_text(options: list[str]) -> str:
    return defaults.DEFAULT_TEXT if defaults.DEFAULT_TEXT in options else options[-1]


def no_words_text(symbol: str) -> str:
    return (f"{markdown(symbol)} is not on record word for word: the UN's machine-readable resolutions hold sessions "
            "74–80, and of earlier texts only the 2018 draft is here. Pick a text below.")


def no_hits_text(term: str) -> str:
    return f"No paragraph of the record's texts contains “{markdown(term)}”."


def comparison_title(before: str, after: str, aligned: pd.DataFrame) -> str:
    return f"{short(after)} against {short(before)}: {views.text_compare.summary(aligned)}"


def default_comparison(offered: dict[str, tuple[str, str]], symbol: str | None, lineage: pd.DataFrame,
                       texts: pd.DataFrame) -> str:
    """A text a link names against the one before it in its line; else the first competing pair of the camps."""
    if symbol:
        before = predecessor(symbol, lineage, texts)
        for label, pair in offered.items():
            if pair == (before, symbol):
                return label
    for label, pair in offered.items():
        if pair == defaults.COMPETING_PAIRS.get(defaults.DEFAULT_TEXT_PAIR):
            return label
    return next(iter(offered))


def text_labels(texts: pd.DataFrame) -> dict[str, str]:
    return {r.resolution_symbol: f"{short(r.resolution_symbol)} · {str(r.adopted_date)[:4]} · {r.title or ''}"[:110]
            for r in texts.itertuples(index=False)}


def symbols_of(value) -> list[str]:
    """A list column read from DuckDB: a list or an array, or NULL (None or pd.NA) for none."""
    return list(value) if isinstance(value, list | tuple) or hasattr(value, "tolist") else []


def predecessor(symbol: str, lineage: pd.DataFrame, texts: pd.DataFrame) -> str | None:
    """The text before `symbol` in its own line: the latest text of its track, on record with its words, that it
    cites (the texts name their line: 78/237 cites 77/36, 78/16 cites 77/37)."""
    row = lineage[lineage["resolution_symbol"] == symbol]
    cited = set(symbols_of(row.iloc[0]["cited_record_symbols"])) if len(row) else set()
    if not cited:
        return None
    candidates = texts[texts["resolution_symbol"].isin(cited) & (texts["track"] == row.iloc[0]["track"])
                       & (texts["adopted_date"] < row.iloc[0]["adopted_date"])]
    return candidates.sort_values("adopted_date").iloc[-1]["resolution_symbol"] if len(candidates) else None


def comparisons(texts: pd.DataFrame, lineage: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """The comparisons offered first: the competing pairs whose texts are on record, then each text against the
    one before it in its line."""
    have = set(texts["resolution_symbol"])
    found = {f"{label}: {short(a)} vs {short(b)} ({defaults.PAIR_NOTES[label]})": (a, b)
             for label, (a, b) in defaults.COMPETING_PAIRS.items() if {a, b} <= have}
    for symbol in texts["resolution_symbol"]:
        before = predecessor(symbol, lineage, texts)
        if before:
            found[f"{short(before)} → {short(symbol)} (the text before it in its line)"] = (before, symbol)
    return found


def _story_link(symbol: str, in_record: bool) -> str:
    """A cited symbol as a link: to its story on Resolution history when the record holds it, else to undocs.org."""
    if in_record:
        # Relative, so that it stays inside the app behind a base path (nginx) as well.
        return f"[{markdown(short(symbol))}](Resolution_history?view=text&resolution={quote(symbol, safe='')})"
    return f"[{markdown(symbol)}](https://undocs.org/{quote(symbol, safe='/')})"


def lineage_markdown(lineage: pd.DataFrame, symbol: str) -> str:
    """What the text says it builds on and who cites it, beside the record's order of its track."""
    row = lineage[lineage["resolution_symbol"] == symbol]
    if row.empty:
        return ""
    row = row.iloc[0]

    def links(symbols) -> str:
        return ", ".join(_story_link(s, True) for s in symbols_of(symbols)) or "none"
    lines = [f"- Cites of the record's texts: {links(row['cited_record_symbols'])}",
             f"- Cited by: {links(row['cited_by_symbols'])}"]
    if isinstance(row["previous_in_track"], str):
        said = "cites it" if row["cites_previous_in_track"] else "does not cite it (another line of the track?)"
        lines.append(f"- The text before it in its track: {_story_link(row['previous_in_track'], True)}; this text "
                     f"{said}")
    return "**Lineage the text states**\n\n" + "\n".join(lines)


def text_markdown(paragraphs: pd.DataFrame, citations: pd.DataFrame) -> str:
    """A text as Markdown: headings, numbered paragraphs, and under each the documents it cites as links."""
    cited = citations.groupby("paragraph_order") if len(citations) else None
    lines, heading, part = [], None, None
    for row in paragraphs.itertuples(index=False):
        if row.part != part:
            part = row.part
            lines.append(f"##### {PART_HEADINGS.get(part, part)}")
        if isinstance(row.heading_path, str) and row.heading_path != heading:
            heading = row.heading_path
            lines.append(f"**{markdown(heading)}**")
        number = f"{markdown(row.paragraph_number)} " if isinstance(row.paragraph_number, str) else ""
        lines.append(f"{number}{markdown(row.paragraph_text)}")
        if cited is not None and row.paragraph_order in cited.groups:
            links = [_story_link(c.cited_symbol, bool(c.cited_in_record))
                     for c in cited.get_group(row.paragraph_order).itertuples(index=False)]
            lines.append(f"*Cites:* {', '.join(links)}")
    return "\n\n".join(lines)


def render_marks(text: str, escape, added: str, removed: str) -> str:
    """wdiff marks in a medium: every word through `escape`, the marked ones inside the `added` or `removed`
    template ('**{}**' for Markdown, '<ins>{}</ins>' for HTML)."""
    out, end = [], 0
    for match in MARKS.finditer(text or ""):
        out.append(escape(text[end:match.start()]))
        plus, minus = match.groups()
        out.append(added.format(escape(plus)) if plus is not None else removed.format(escape(minus)))
        end = match.end()
    out.append(escape((text or "")[end:]))
    return "".join(out)


def marked_markdown(text: str) -> str:
    """wdiff marks as Markdown: added words bold, removed ones struck through; every word escaped."""
    return render_marks(text, markdown, "**{}**", "~~{}~~")


def comparison_markdown(aligned: pd.DataFrame, show_same: bool = False) -> str:
    """The changed, new and dropped paragraphs (and the same ones when asked), each with its number on both sides."""
    lines = []
    for row in aligned.itertuples(index=False):
        if row.change == "same" and not show_same:
            continue
        numbered = [n for n in (row.left_number, row.right_number) if isinstance(n, str)]
        numbers = (", ¶ " + " → ".join(markdown(n) if isinstance(n, str) else "–"
                                        for n in (row.left_number, row.right_number))) if numbered else ""
        where = f" · {markdown(row.heading_path)}" if isinstance(row.heading_path, str) else ""
        lines.append(f"**{CHANGE_WORDS[row.change]}** ({PART_WORDS.get(row.part, row.part)}{numbers}{where}): "
                     + (marked_markdown(row.marked_text) if row.change == "changed" else
                        f"~~{markdown(row.left_text)}~~" if row.change == "removed" else markdown(row.marked_text)))
    return "\n\n".join(lines) if lines else "The two texts have the same paragraphs."


def excerpts(hits: pd.DataFrame, term: str) -> pd.DataFrame:
    """Each hit with the words around the first occurrence of the term, as plain text (a table shows it)."""
    def around(text: str) -> str:
        at = text.lower().find(term.lower())
        start, end = max(at - EXCERPT_CHARS, 0), min(at + len(term) + EXCERPT_CHARS, len(text))
        return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    table = hits[["resolution_symbol", "adopted_year"]].copy()
    table["excerpt"] = hits["paragraph_text"].map(around)
    return pd.concat([table, hits[["track", "part", "paragraph_number", "occurrence_count"]]], axis=1)


def hits_markdown(hits: pd.DataFrame, term: str, limit: int = 60) -> str:
    """Each paragraph using the term, with the words around it and the term in bold (every word escaped)."""
    lines = []
    for row in excerpts(hits, term).head(limit).itertuples(index=False):
        at = row.excerpt.lower().find(term.lower())
        excerpt = (markdown(row.excerpt[:at]) + f"**{markdown(row.excerpt[at:at + len(term)])}**"
                   + markdown(row.excerpt[at + len(term):])) if at >= 0 else markdown(row.excerpt)
        number = f" ¶ {markdown(row.paragraph_number)}" if isinstance(row.paragraph_number, str) else ""
        lines.append(f"- {_story_link(row.resolution_symbol, True)} ({row.adopted_year}, "
                     f"{PART_WORDS.get(row.part, row.part)}{number}): {excerpt}")
    more = f"\n\n{len(hits) - limit} more in the download below." if len(hits) > limit else ""
    return "\n".join(lines) + more


def term_counts(hits: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs and occurrences of the term per year and track."""
    return (hits.groupby(["adopted_year", "track"], dropna=False)
            .agg(paragraph_count=("paragraph_text", "size"), occurrence_count=("occurrence_count", "sum"),
                 text_count=("resolution_symbol", "nunique"))
            .reset_index())
