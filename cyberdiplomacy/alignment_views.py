"""Shaping for the Alignment page (pure): agreement results, partners, vote space, cohesion, swings."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cyberdiplomacy import metrics

SCOPES = ["cyber", "all"]
METHODS = list(metrics.METHODS)
DEFAULT_STATES = ["RUS", "USA", "CHN", "IND", "BRA", "ZAF"]
DEFAULT_BLOCS = ["EU", "BRICS", "SCO", "AU", "G77", "NATO"]
SWING = ("A/RES/73/187", "A/RES/74/247")
UNDL_ATTRIBUTION = ("Includes the UN Digital Library's General Assembly Voting Data (record 4060887), © United "
                    "Nations, for non-commercial use with attribution.")


def scope_label(scope: str) -> str:
    return {"cyber": "ICT resolutions only", "all": "All recorded votes on record"}[scope]


def method_label(method: str) -> str:
    return {"identical": "Identical votes", "half_abstain": "Abstention as half agreement",
            "coincidence": "Voting coincidence (Y/N only, US State Department)"}[method]


def scope_text(scope: str, status) -> str:
    if scope == "cyber":
        return "recorded plenary votes on ICT resolutions"
    return f"all recorded plenary votes {status['first_year']}–{status['last_year']} (UN Digital Library)"


@dataclass(frozen=True)
class AgreementResult:
    matrix: pd.DataFrame
    shared: pd.DataFrame
    vote_matrix: metrics.VoteMatrix
    sources: list[str]


def agreement_result(rows: pd.DataFrame, method: str) -> AgreementResult:
    matrix = metrics.vote_matrix(rows)
    sources = ["Voeten UNGA voting data"] + (["UN Digital Library voting data"] if (rows["origin"] == "undl").any()
                                             else [])
    return AgreementResult(metrics.agreement(matrix, method), metrics.shared_votes(matrix), matrix, sources)


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


def partners(result: AgreementResult, iso3: str, states: pd.DataFrame) -> pd.DataFrame:
    """Every other state's agreement with one state, in the shape the partner bar chart takes."""
    if iso3 not in result.matrix.index:
        return pd.DataFrame(columns=["other_iso3", "other_state_name", "other_un_regional_group",
                                     "shared_vote_count", "same_vote_count", "agreement_share"])
    share, shared = result.matrix.loc[iso3].drop(iso3), result.shared.loc[iso3].drop(iso3)
    table = pd.DataFrame({"other_iso3": share.index, "agreement_share": share.to_numpy(),
                          "shared_vote_count": shared.to_numpy().astype(int)})
    table = table[table["shared_vote_count"] > 0]
    table["same_vote_count"] = (table["agreement_share"] * table["shared_vote_count"]).round(1)
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


def swings(cyber_rows: pd.DataFrame, states: pd.DataFrame) -> pd.DataFrame:
    table = metrics.swing(cyber_rows, *SWING)
    table["state_name"] = table["iso3"].map(names(states)).fillna(table["iso3"])
    table["un_regional_group"] = table["iso3"].map(_groups(states)).fillna("No regional group")
    return table


def alignment_table(all_rows: pd.DataFrame, method: str, states: pd.DataFrame,
                    references: tuple[str, ...] = ("RUS", "USA", "CHN")) -> pd.DataFrame:
    table = metrics.alignment(all_rows, list(references), method)
    table["state_name"] = table["iso3"].map(names(states)).fillna(table["iso3"])
    return table.sort_values(["reference_iso3", "difference"]).reset_index(drop=True)
