"""Two texts paragraph by paragraph: which paragraphs correspond, and which words were added and removed (pure).

Paragraphs written the same in both are matched first (difflib over whole paragraphs, cheap even for the
Convention's 500); between two such anchors, the remaining paragraphs are paired by their shared words, in order,
and words are compared with difflib inside each pair. A paragraph left without a counterpart is new or dropped."""
from __future__ import annotations

import difflib
import re

import pandas as pd

MIN_SHARED = 0.35  # share of distinct words two paragraphs must have in common to be one paragraph, changed


PARTS = ("preamble", "operative", "annex")


COLUMNS = ["change", "part", "left_number", "right_number", "heading_path", "left_text", "right_text",
           "marked_text", "words_added", "words_removed"]


def words(text: str) -> list[str]:
    return re.findall(r"\S+", text or "")


def _shared(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _pairs(left: list[set[str]], right: list[set[str]]) -> list[tuple[int, int]]:
    """The order-keeping pairing of two runs of paragraphs with the most shared words (Needleman-Wunsch without
    gap costs; pairs below MIN_SHARED are not allowed)."""
    n, m = len(left), len(right)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            shared = _shared(left[i], right[j])
            if shared >= MIN_SHARED:
                best = max(best, shared + score[i + 1][j + 1])
            score[i][j] = best
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        shared = _shared(left[i], right[j])
        if shared >= MIN_SHARED and score[i][j] == shared + score[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def marked(before: str, after: str) -> tuple[str, int, int]:
    """The new text with removed words as [-word-] and added ones as [+word+] (wdiff's marks), and the counts."""
    a, b = words(before), words(after)
    out, added, removed = [], 0, 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out += b[j1:j2]
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
            removed += i2 - i1
        if j2 > j1:
            out.append("[+" + " ".join(b[j1:j2]) + "+]")
            added += j2 - j1
    return " ".join(out), added, removed


def _row(change: str, left: pd.Series | None, right: pd.Series | None) -> dict:
    side = right if right is not None else left
    before = left["paragraph_text"] if left is not None else ""
    after = right["paragraph_text"] if right is not None else ""
    text, added, removed = marked(before, after) if change == "changed" else (
        after or before, len(words(after)) if change == "added" else 0, len(words(before)) if change == "removed" else 0)
    return {"change": change, "part": side["part"], "heading_path": side["heading_path"],
            "left_number": left["paragraph_number"] if left is not None else None,
            "right_number": right["paragraph_number"] if right is not None else None,
            "left_text": before or None, "right_text": after or None, "marked_text": text,
            "words_added": added, "words_removed": removed}


def align(left: pd.DataFrame, right: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph of either text, in the right text's order: same, changed, added (only right) or
    removed (only left). Input: paragraph_order, part, paragraph_number, heading_path, paragraph_text."""
    left = left.sort_values("paragraph_order").reset_index(drop=True)
    right = right.sort_values("paragraph_order").reset_index(drop=True)
    a = [" ".join(words(t)) for t in left["paragraph_text"]]
    b = [" ".join(words(t)) for t in right["paragraph_text"]]
    rows = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            rows += [_row("same", left.iloc[i1 + k], right.iloc[j1 + k]) for k in range(i2 - i1)]
            continue
        pairs = _pairs([set(words(t)) for t in a[i1:i2]], [set(words(t)) for t in b[j1:j2]])
        i, j = i1, j1
        for pi, pj in [(i1 + p, j1 + q) for p, q in pairs] + [(i2, j2)]:
            rows += [_row("removed", left.iloc[k], None) for k in range(i, pi)]
            rows += [_row("added", None, right.iloc[k]) for k in range(j, pj)]
            if pi < i2:
                rows.append(_row("changed", left.iloc[pi], right.iloc[pj]))
            i, j = pi + 1, pj + 1
    return pd.DataFrame(rows, columns=COLUMNS)


def summary(aligned: pd.DataFrame) -> str:
    """'5 operative paragraphs (2 new, 1 changed, 1 dropped); 25 preambular paragraphs (...)', right text first."""
    parts = []
    for part, word in (("operative", "operative"), ("preamble", "preambular"), ("annex", "annex")):
        rows = aligned[aligned["part"] == part]
        if rows.empty:
            continue
        count = int((rows["change"] != "removed").sum())
        changes = [f"{int((rows['change'] == kind).sum())} {label}" for kind, label in
                   (("added", "new"), ("changed", "changed"), ("removed", "dropped"))
                   if (rows["change"] == kind).any()]
        plural = "paragraph" if count == 1 else "paragraphs"
        parts.append(f"{count} {word} {plural}" + (f" ({', '.join(changes)})" if changes else " (unchanged)"))
    return "; ".join(parts) if parts else "no paragraphs on record"
