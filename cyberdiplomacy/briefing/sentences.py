"""The words of a pack shared by every kind: the measure's name and definition, groups' short names, and the helpers
that turn numbers, dates and lists into text."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import defaults, measures, vocabulary
from cyberdiplomacy.briefing import partners as ranking

# Every agreement figure of a pack uses the one default measure: its captions say which, and what it counts.
MEASURE = measures.MEASURES[defaults.AGREEMENT_METHOD]
MEASURE_TEXT = f"Agreement by the {MEASURE.label}: {MEASURE.formula}"
# On page 1, beside the side-by-side table, the measure by name; the partner table's note defines it in full.
LEAD_MEASURE_TEXT = f"Agreement by the {MEASURE.label}; defined in full with the partner table (annex)."
GROUP_SHORT = {"African States": "African", "Asia-Pacific States": "Asia-Pacific",
               "Eastern European States": "Eastern European", "Latin American and Caribbean States": "GRULAC",
               "Western European and other States": "WEOG", "No regional group": "no group"}
# The ranking rule in the row's name: a row of its own pushed the side-by-side table onto a second page.
CLOSEST = f"Closest partners (sharing ≥ ¾ of its votes, ≥ {ranking.MIN_SHARED_VOTES})"
FARTHEST = "Farthest partners (same rule)"


def short(symbol: str) -> str:
    return str(symbol).replace("A/RES/", "")


def pct(value) -> str:
    return "unknown" if value is None or pd.isna(value) else f"{value:.0%}"


def day(value) -> str:
    if value is None or pd.isna(value):
        return "an unknown date"
    value = pd.Timestamp(value)
    return f"{value.day} {value:%B %Y}"


def listing(items: list[str], limit: int = 0) -> str:
    """'A', 'A and B', 'A, B and C'; beyond `limit` items: 'A, B, C and 12 more'."""
    items = list(items)
    if limit and len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def with_article(name: str) -> str:
    """'the Russian Federation', 'the United States of America'; 'China' as it is."""
    definite = ("Russian Federation", "United ", "Republic of", "Netherlands", "Philippines", "Democratic ",
                "Islamic Republic", "Syrian Arab", "Lao People", "Czech", "Dominican Republic", "Central African")
    return f"the {name}" if name.startswith(definite) else name


def label_votes(frame: pd.DataFrame, columns=("vote",)) -> pd.DataFrame:
    out = frame.copy()
    for column in columns:
        if column in out.columns:
            out[column] = out[column].map(lambda v: vocabulary.VOTE_LABELS.get(v, v) if isinstance(v, str) else v)
    return out
