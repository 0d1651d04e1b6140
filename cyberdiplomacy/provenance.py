"""Provenance lines: the source name of each origin of the per-state votes, the notices the sources' terms ask for,
and the footer every figure and download carries (sources, data build date, licence)."""
from __future__ import annotations

import datetime as dt

ATTRIBUTION = "Cybercrime Diplomacy Dashboard · CC BY 4.0"
MAX_FOOTER_REFERENCES = 5  # the full list travels in the figure's meta and in every export's 'about'

# Where per-state votes come from: the `origin` column of votes / all_votes, named for footers and exports.
ORIGIN_ORDER = ["curated", "history", "unxml", "undl"]
CURATED_SOURCE = "curated record (data/votes.csv)"
HISTORY_SOURCE = "Voeten UNGA voting data (doi:10.7910/DVN/LEJUQZ)"
# Its terms ask that the United Nations be acknowledged as the source wherever its rows are used.
UNXML_SOURCE = "UN machine-readable GA resolutions"  # the repository is named in the data contract and citation
UNDL_NOTICE = "© United Nations"
UNDL_ATTRIBUTION = ("Includes the UN Digital Library's General Assembly Voting Data (record 4060887), "
                    f"{UNDL_NOTICE}, for non-commercial use with attribution.")
IMPORT_HINT = "import the UN voting file for later years (python -m etl import-undl FILE)"


def undl_source(imported_on: str | None = None) -> str:
    date = f", imported {str(imported_on)[:10]}" if imported_on and str(imported_on) not in ("NaT", "None") else ""
    return f"UN Digital Library voting data{date}, {UNDL_NOTICE}"


def origin_source(origin: str, imported_on: str | None = None) -> str:
    """The source name of one origin ('curated', 'history', 'unxml', 'undl')."""
    if origin == "undl":
        return undl_source(imported_on)
    return {"curated": CURATED_SOURCE, "history": HISTORY_SOURCE, "unxml": UNXML_SOURCE}.get(origin, str(origin))


def origin_sources(origins, imported_on: str | None = None) -> list[str]:
    """Source names for the origins present in the drawn rows, in a fixed order (curated, history, unxml, undl).

    `origins` is any iterable of origin values; a value may list several, comma-separated."""
    values = origins.unique() if hasattr(origins, "unique") else set(origins)  # a few distinct values, many rows
    present = {part.strip() for value in values if isinstance(value, str) for part in value.split(",")}
    present.discard("")
    ordered = [o for o in ORIGIN_ORDER if o in present] + sorted(present - set(ORIGIN_ORDER))
    return [origin_source(o, imported_on) for o in ordered]


def table_sources(table, imported_on: str | None = None, default: tuple[str, ...] = (CURATED_SOURCE,)) -> list[str]:
    """Origin source names from a table's `origin` (or comma-joined `origins`) column; `default` without one."""
    for column in ("origin", "origins"):
        if column in getattr(table, "columns", ()):
            return origin_sources(table[column].dropna(), imported_on) or list(default)
    return list(default)


UNXML_ATTRIBUTION = ("Includes the United Nations' machine-readable General Assembly resolutions "
                     "(github.com/UNxml/GAresolutions): unofficial copies, without warranty; source: United Nations.")


def attribution_for(sources) -> str:
    """The notices the sources' terms ask for: the UN Digital Library's and the UN resolutions' ('' for neither)."""
    texts = [str(s) for s in sources or ()]
    notices = [UNDL_ATTRIBUTION] if any(UNDL_NOTICE in t for t in texts) else []
    notices += [UNXML_ATTRIBUTION] if any(UNXML_SOURCE in t for t in texts) else []
    return " ".join(notices)


def footer_text(sources: list[str], built: dt.date | str | None) -> str:
    unique = list(dict.fromkeys(s for s in sources if isinstance(s, str) and s))  # keeps order, drops repeats and NaN
    # An attribution the source's terms require is never cut: the UN Digital Library's, the UN resolutions'.
    notices = [s for s in unique if UNDL_NOTICE in s or s == UNXML_SOURCE]
    unique = [s for s in unique if s not in notices]
    if len(unique) > MAX_FOOTER_REFERENCES:
        unique = [*unique[:2], f"… {len(unique) - 3} more …", unique[-1]]
    refs = ", ".join(unique + notices)
    built_text = built.isoformat() if isinstance(built, dt.date) else (built or "unknown")
    return f"Source: {refs or 'curated dataset'} · Data built {built_text} · {ATTRIBUTION}"
