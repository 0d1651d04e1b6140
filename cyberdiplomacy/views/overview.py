"""Shaping for the Overview: the key texts, the Convention's entry into force, and the import status line."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import defaults, wording


def key_text_rows(history: pd.DataFrame) -> pd.DataFrame:
    """The three texts of the treaty story, in order, with their tally text; missing ones are left out."""
    rows = history[history["symbol"].isin(defaults.KEY_TEXTS)].copy()
    rows["tally"] = rows.apply(wording.tally_text, axis=1)
    rows["order"] = rows["symbol"].map({s: i for i, s in enumerate(defaults.KEY_TEXTS)})
    return rows.sort_values("order")[["symbol", "title", "adopted_date", "tally", "adoption_mode", "document_url"]]


UNCC = "UN Convention against Cybercrime"


INSTRUMENTS_FOR_ENTRY_INTO_FORCE = 40


DAYS_AFTER_FORTIETH = 90  # article 65 of the Convention


def entry_into_force(status: pd.DataFrame, today) -> dict:
    """Where the Convention stands against its rule: in force 90 days after the 40th instrument."""
    row = status[status["treaty"] == UNCC]
    if row.empty:
        return {"known": False}
    row = row.iloc[0]
    count = int(row["state_instrument_count"])
    result = {"known": True, "signature_count": int(row["signature_count"]),
              "hanoi_signature_count": int(row["hanoi_signature_count"]), "instrument_count": count,
              "instruments_needed": max(INSTRUMENTS_FOR_ENTRY_INTO_FORCE - count, 0), "in_force_date": None}
    fortieth = row["fortieth_instrument_date"]
    if count >= INSTRUMENTS_FOR_ENTRY_INTO_FORCE and pd.notna(fortieth):
        in_force = pd.Timestamp(fortieth).date() + pd.Timedelta(days=DAYS_AFTER_FORTIETH).to_pytimedelta()
        result["in_force_date"] = in_force
        result["days_to_entry_into_force"] = (in_force - today).days
    return result


def entry_into_force_text(state: dict) -> str:
    if not state.get("known"):
        return "Treaty status not on record."
    if state["in_force_date"] is None:
        return (f"{state['instrument_count']} of the 40 instruments of ratification, acceptance, approval or "
                f"accession on record; {state['instruments_needed']} more are needed, then the Convention enters "
                "into force 90 days after the 40th (article 65).")
    days = state["days_to_entry_into_force"]
    when = state["in_force_date"].isoformat()
    return f"In force since {when}." if days <= 0 else f"Enters into force on {when}, in {days} days."


def import_status_text(status: pd.Series) -> str:
    """When UN Digital Library data were last added, and from which file; or how to add them."""
    if not status.get("imported_file_count"):
        return ("No UN Digital Library voting file imported: per-state votes come from the curated record and the "
                "bundled history (to 2019). Add later years with python -m etl import-undl FILE.")
    votes = (f", {int(status['imported_vote_count']):,} per-state votes {int(status['first_year'])}–"
             f"{int(status['last_year'])}" if status.get("imported_vote_count") else "")
    return (f"UN Digital Library data last added {str(status['last_imported_at'])[:10]} from "
            f"{status['last_import_file']} ({int(status['imported_file_count'])} file(s) imported{votes}); "
            "© United Nations, non-commercial use with attribution.")
