"""Shaping for the Alignment page (pure): agreement results, partners, vote space, cohesion, swings."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cyberdiplomacy import defaults, measures, metrics, provenance, views, vocabulary

SCOPES = ["cyber", "all"]


METHODS = list(metrics.METHODS)


SWING = defaults.SWING


UNDL_ATTRIBUTION = provenance.UNDL_ATTRIBUTION


ALL_VOTES_HELP = ("Every recorded General Assembly plenary vote on record (the bundled voting history and any "
                  "import of the UN Digital Library voting data: python -m etl import-undl FILE)")


def scope_label(scope: str) -> str:
    return {"cyber": "ICT resolutions only", "all": "All recorded votes"}[scope]


def years_what(scope: str) -> str:
    """The votes a scope's year range spans, for the note on a URL's years beyond them."""
    return {"cyber": "the recorded votes on ICT resolutions", "all": "the recorded votes on record"}[scope]


def method_label(method: str) -> str:
    label = vocabulary.METHOD_LABELS[method]
    return label[0].upper() + label[1:]


def methods_help() -> str:
    """Every measure's definition and source, for the picker's help (Markdown: one paragraph each)."""
    return "\n\n".join(measures.definition(m) for m in METHODS)


def default_states(url_states: tuple[str, ...], states: pd.DataFrame) -> list[str]:
    """The URL's states, else the default ones the warehouse knows."""
    return list(url_states) or [s for s in defaults.DEFAULT_STATES if s in set(states["iso3"])]


def all_votes_available(vote_years: pd.DataFrame) -> bool:
    """The all-votes scope makes sense once all_votes holds votes on texts other than the ICT resolutions."""
    row = vote_years[vote_years["scope"] == "all"]
    return bool(len(row)) and bool(row["non_cyber_vote_count"].fillna(0).iloc[0] > 0)


def scope_years(vote_years: pd.DataFrame, scope: str) -> tuple[int, int] | None:
    """The first and last year with a recorded vote in a scope, or None when there is none."""
    row = vote_years[vote_years["scope"] == scope]
    if not len(row) or pd.isna(row["first_year"].iloc[0]):
        return None
    return int(row["first_year"].iloc[0]), int(row["last_year"].iloc[0])


def drawn_years(frame: pd.DataFrame, column: str = "vote_date") -> str:
    """The years actually present in the rows a chart draws, as '1975–2016' (or 'no year')."""
    if frame is None or not len(frame) or column not in frame.columns:
        return "no year"
    values = frame[column]
    years = (values if pd.api.types.is_numeric_dtype(values) else pd.to_datetime(values).dt.year).dropna()
    if not len(years):
        return "no year"
    first, last = int(years.min()), int(years.max())
    return str(first) if first == last else f"{first}–{last}"


def scope_text(scope: str, years: str) -> str:
    """The subtitle's statement of what was drawn: the scope and the years the rows actually span."""
    if scope == "cyber":
        return f"recorded plenary votes on ICT resolutions, {years}"
    return f"all recorded plenary votes, {years}"


def sources(rows: pd.DataFrame, imported_on: str | None = None, extra: tuple[str, ...] = ()) -> list[str]:
    """Source names for the origins present in the rows drawn, plus any extra tables used."""
    return [*provenance.table_sources(rows, imported_on), *extra]


@dataclass(frozen=True)
class AgreementResult:
    matrix: pd.DataFrame
    shared: pd.DataFrame
    same: pd.DataFrame  # votes each pair cast the same way, whatever the measure
    vote_matrix: metrics.VoteMatrix
    sources: list[str]


def agreement_result(rows: pd.DataFrame, method: str, imported_on: str | None = None) -> AgreementResult:
    matrix = metrics.vote_matrix(rows)
    return AgreementResult(metrics.agreement(matrix, method), metrics.shared_votes(matrix), metrics.same_votes(matrix),
                           matrix, sources(rows, imported_on))


def with_votes(result: AgreementResult, chosen: list[str]) -> tuple[list[str], list[str]]:
    """The chosen states that cast at least one vote in the rows (kept) and those that did not (left out)."""
    kept = [s for s in chosen if s in result.shared.index and result.shared.at[s, s] > 0]
    return kept, [s for s in chosen if s not in kept]


def left_out_message(left_out: list[str], states: pd.DataFrame, years: str) -> str:
    label = names(states)
    listed = ", ".join(f"{label.get(s, s)} ({s})" for s in left_out)
    return (f"Left out: {listed} cast no recorded vote in {years} (a non-member observer State, or not a "
            "member in these years).")


def names(states: pd.DataFrame) -> dict[str, str]:
    return dict(zip(states["iso3"], states["name"], strict=True))


def _groups(states: pd.DataFrame) -> dict[str, str]:
    return dict(zip(states["iso3"], states["un_regional_group"], strict=True))


def pairs_table(matrix: pd.DataFrame, chosen: list[str], states: pd.DataFrame) -> pd.DataFrame:
    sub = matrix.loc[chosen, chosen]
    table = sub.stack().rename("agreement_share").reset_index()
    table.columns = ["iso3", "other_iso3", "agreement_share"]
    table = table[table["iso3"] != table["other_iso3"]]
    label = names(states)
    return table.assign(state_name=table["iso3"].map(label), other_state_name=table["other_iso3"].map(label))


PARTNER_COLUMNS = ["other_iso3", "other_state_name", "other_un_regional_group", "shared_vote_count",
                   "same_vote_count", "agreement_share"]


def partners_frame() -> pd.DataFrame:
    return pd.DataFrame(columns=PARTNER_COLUMNS)


def partners(result: AgreementResult, iso3: str, states: pd.DataFrame) -> pd.DataFrame:
    """Every other state's agreement with one state, in the shape the partner bar chart takes."""
    if iso3 not in result.matrix.index:
        return partners_frame()
    share, shared = result.matrix.loc[iso3].drop(iso3), result.shared.loc[iso3].drop(iso3)
    same = result.same.loc[iso3].drop(iso3)
    table = pd.DataFrame({"other_iso3": share.index, "agreement_share": share.to_numpy(),
                          "shared_vote_count": shared.to_numpy().astype(int),
                          "same_vote_count": same.to_numpy().astype(int)})
    table = table[table["shared_vote_count"] > 0]
    table["other_state_name"] = table["other_iso3"].map(names(states)).fillna(table["other_iso3"])
    table["other_un_regional_group"] = table["other_iso3"].map(_groups(states)).fillna("No regional group")
    return table.reset_index(drop=True)


def space(result: AgreementResult, states: pd.DataFrame) -> tuple[pd.DataFrame, tuple[float, float]]:
    points, explained = metrics.vote_space(result.vote_matrix)
    points["state_name"] = points["iso3"].map(names(states)).fillna(points["iso3"])
    points["un_regional_group"] = points["iso3"].map(_groups(states)).fillna("No regional group")
    return points, explained


def cohesion_by_year(member_votes: pd.DataFrame) -> pd.DataFrame:
    return metrics.cohesion_by_year(metrics.bloc_cohesion(member_votes))


def swings(cyber_rows: pd.DataFrame, states: pd.DataFrame, step: str = defaults.DEFAULT_SWING,
           votes_from: pd.DataFrame | None = None, votes_to: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each state's move between a step's two votes; its regional group the one in force on the later vote (given
    both votes' rows of queries.resolution_votes), else the states table's."""
    table = metrics.swing(cyber_rows, *defaults.SWING_STEPS[step])
    table["state_name"] = table["iso3"].map(names(states)).fillna(table["iso3"])
    groups = _groups(states)
    if votes_from is not None:
        groups.update(views.roll_call.dated_groups(votes_from, votes_to).to_dict())
    table["un_regional_group"] = table["iso3"].map(groups).fillna("No regional group")
    return table


def attribution_needed(rows: pd.DataFrame) -> bool:
    """Rows drawn from a UN Digital Library import carry its attribution."""
    return "origin" in rows.columns and bool((rows["origin"] == "undl").any())


def has_swing_votes(cyber_rows: pd.DataFrame, step: str = defaults.DEFAULT_SWING) -> bool:
    return set(defaults.SWING_STEPS[step]) <= set(cyber_rows["resolution_symbol"])


def alignment_caption(all_rows: pd.DataFrame, imported_on: str | None = None) -> str:
    cyber = all_rows[all_rows["is_cyber"]]
    sessions = set(cyber["session"].dropna())
    same = all_rows[all_rows["session"].isin(sessions)]
    return (f"{cyber['resolution_symbol'].nunique()} recorded votes on ICT resolutions against all "
            f"{same['resolution_symbol'].nunique()} recorded votes of the same {len(sessions)} sessions "
            f"({drawn_years(same)}). Source: {', '.join(sources(same, imported_on))}.")


def alignment_table(all_rows: pd.DataFrame, method: str, states: pd.DataFrame,
                    references: tuple[str, ...] = defaults.REFERENCE_STATES) -> pd.DataFrame:
    if all_rows.empty or not all_rows["is_cyber"].any():
        return pd.DataFrame(columns=["iso3", "reference_iso3", "cyber_agreement_share", "all_votes_agreement_share",
                                     "difference", "state_name"])
    table = metrics.alignment(all_rows, list(references), method)
    table["state_name"] = table["iso3"].map(names(states)).fillna(table["iso3"])
    return table.sort_values(["reference_iso3", "difference"]).reset_index(drop=True)


def swing_label(step: str) -> str:
    a, b = defaults.SWING_STEPS[step]
    return f"{a.removeprefix('A/RES/')} → {b.removeprefix('A/RES/')} ({defaults.SWING_NOTES[step]})"
