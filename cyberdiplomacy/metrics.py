"""Vote agreement, bloc cohesion, swings and alignment: vectorised over a state x vote matrix.

Votes are coded Y = 1, A = 0.5, N = 0; X (did not vote) and non-membership are missing. Each metric's
docstring cites its definition.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

VOTE_VALUE = {"Y": 1.0, "A": 0.5, "N": 0.0}
# The pairwise agreement measures (their names, definitions and sources in words: cyberdiplomacy.measures).
METHODS = ("abstention_half", "same_vote", "yes_no_only")


@dataclass(frozen=True)
class VoteMatrix:
    states: list[str]
    votes: list[str]
    values: np.ndarray  # float32, states x votes; NaN where the state cast no Y/N/A


def vote_matrix(votes: pd.DataFrame) -> VoteMatrix:
    """From long rows (iso3, resolution_symbol, vote) to a states x votes matrix; X rows become NaN."""
    states = sorted(votes["iso3"].unique())
    columns = sorted(votes["resolution_symbol"].unique())
    cast = votes[votes["vote"].isin(list(VOTE_VALUE))]
    # Categorical codes and vectorised comparisons: a dict lookup per row is far slower at 700k rows.
    row = pd.Categorical(cast["iso3"], categories=states).codes
    col = pd.Categorical(cast["resolution_symbol"], categories=columns).codes
    value = np.where(cast["vote"].eq("Y").to_numpy(), 1.0, np.where(cast["vote"].eq("A").to_numpy(), 0.5, 0.0))
    values = np.full((len(states), len(columns)), np.nan, dtype=np.float32)
    values[row, col] = value
    return VoteMatrix(states, columns, values)


def agreement(matrix: VoteMatrix, method: str) -> pd.DataFrame:
    """Pairwise agreement share between all states (states x states DataFrame, NaN if no shared vote).

    - abstention_half: over the votes both cast (Y, N or A), 1 for the same vote, 0.5 when one abstained and the
      other voted Y or N, 0 for Y against N: the agreement index of Voeten's UN General Assembly voting data
      (Lijphart's index of agreement, APSR 57(4), 1963), and the US State Department's "voting coincidence" in its
      Voting Practices in the United Nations reports since 2017 (absences excluded; both abstaining = same vote).
    - same_vote: the share of the votes both cast (Y, N or A) on which they cast the same vote; Y against A counts
      as a disagreement (PctAgreeUS / PctAgreeRUSSIA in the UN voting data of Imai, Quantitative Social Science,
      2017).
    - yes_no_only: the share of the same vote among the votes on which both voted Y or N; abstentions and absences
      left out (the State Department's voting coincidence in its reports before 2017).
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}")
    yes, no, abstain = _indicators(matrix)
    if method == "yes_no_only":
        same = yes @ yes.T + no @ no.T
        both = (yes + no) @ (yes + no).T
    else:
        present = yes + no + abstain
        both = present @ present.T
        same = yes @ yes.T + no @ no.T + abstain @ abstain.T
        if method == "abstention_half":
            lone_abstention = abstain @ (yes + no).T + (yes + no) @ abstain.T
            same = same + 0.5 * lone_abstention
    with np.errstate(invalid="ignore", divide="ignore"):
        # Counts are exact in float32; the share is divided in float64 so 1/11 prints as 9.1%, not 9.0909094%.
        share = np.where(both > 0, same.astype(np.float64) / both, np.nan)
    return pd.DataFrame(share, index=matrix.states, columns=matrix.states)


def _indicators(matrix: VoteMatrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    v = matrix.values
    return (v == 1).astype(np.float32), (v == 0).astype(np.float32), (v == 0.5).astype(np.float32)


def same_votes(matrix: VoteMatrix) -> pd.DataFrame:
    """How many votes each pair cast the same way (Y/Y, N/N or A/A), whatever the agreement measure."""
    yes, no, abstain = _indicators(matrix)
    same = yes @ yes.T + no @ no.T + abstain @ abstain.T
    return pd.DataFrame(same, index=matrix.states, columns=matrix.states)


def shared_votes(matrix: VoteMatrix) -> pd.DataFrame:
    present = (~np.isnan(matrix.values)).astype(np.float32)
    return pd.DataFrame(present @ present.T, index=matrix.states, columns=matrix.states)


def agreement_index(yes, no, abstain):
    """Hix, Noury and Roland's agreement index of a group on one vote:
    AI = (max(Y, N, A) - 0.5 * (Y + N + A - max(Y, N, A))) / (Y + N + A); 1 = all voted alike, 0 = even
    three-way split (Hix, Noury and Roland, "Power to the Parties", British Journal of Political Science
    35(2), 2005, p. 215)."""
    yes, no, abstain = (np.asarray(x, dtype=float) for x in (yes, no, abstain))
    total = yes + no + abstain
    top = np.maximum(np.maximum(yes, no), abstain)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (top - 0.5 * (total - top)) / total, np.nan)


def bloc_cohesion(member_votes: pd.DataFrame) -> pd.DataFrame:
    """Per bloc and vote: counts and the Hix-Noury-Roland agreement index. Input rows: bloc,
    resolution_symbol, vote_date, vote (only members on the vote date)."""
    counts = (member_votes[member_votes["vote"].isin(list(VOTE_VALUE))]
              .pivot_table(index=["bloc", "resolution_symbol", "vote_date"], columns="vote", aggfunc="size",
                           fill_value=0)
              .reindex(columns=["Y", "N", "A"], fill_value=0).reset_index())
    counts["agreement_index"] = agreement_index(counts["Y"], counts["N"], counts["A"])
    return counts.rename(columns={"Y": "yes_count", "N": "no_count", "A": "abstain_count"})


def cohesion_by_year(cohesion: pd.DataFrame) -> pd.DataFrame:
    years = pd.to_datetime(cohesion["vote_date"]).dt.year
    return (cohesion.assign(year=years).groupby(["bloc", "year"], as_index=False)
            .agg(mean_agreement_index=("agreement_index", "mean"), vote_count=("agreement_index", "size")))


def swing(votes: pd.DataFrame, symbol_from: str, symbol_to: str) -> pd.DataFrame:
    """Each state's move between two votes, on Y = 1, A = 0.5, N = 0 (positive: towards yes)."""
    wide = votes[votes["resolution_symbol"].isin([symbol_from, symbol_to])].pivot_table(
        index="iso3", columns="resolution_symbol", values="vote", aggfunc="first")
    wide = wide.reindex(columns=[symbol_from, symbol_to])
    before, after = wide[symbol_from].map(VOTE_VALUE), wide[symbol_to].map(VOTE_VALUE)
    change = after - before
    direction = np.select([change > 0, change < 0, change == 0], ["towards yes", "towards no", "same"],
                          default="not comparable")
    return pd.DataFrame({"iso3": wide.index, "vote_from": wide[symbol_from].to_numpy(),
                         "vote_to": wide[symbol_to].to_numpy(), "swing_value": change.to_numpy(),
                         "swing_direction": direction}).reset_index(drop=True)


def alignment(votes: pd.DataFrame, references: list[str], method: str) -> pd.DataFrame:
    """Each state's agreement with reference states on the cyber votes and on all votes of the same
    sessions (a row per state x reference). Input rows: iso3, resolution_symbol, vote, session, is_cyber."""
    cyber = votes[votes["is_cyber"]]
    sessions = set(cyber["session"].dropna())
    same_sessions = votes[votes["session"].isin(sessions)]
    out = []
    for label, subset in (("cyber_agreement_share", cyber), ("all_votes_agreement_share", same_sessions)):
        matrix = agreement(vote_matrix(subset), method)
        present = [r for r in references if r in matrix.columns]
        out.append(matrix[present].stack(future_stack=True).rename(label))
    table = pd.concat(out, axis=1).reset_index()
    table.columns = ["iso3", "reference_iso3", *table.columns[2:]]
    table = table[table["iso3"] != table["reference_iso3"]]
    table["difference"] = table["cyber_agreement_share"] - table["all_votes_agreement_share"]
    return table.reset_index(drop=True)


def vote_space(matrix: VoteMatrix, min_participation: float = 0.5, right: str = "USA", up: str = "RUS"
               ) -> tuple[pd.DataFrame, tuple[float, float]]:
    """Two-dimensional map of states by principal components of the vote matrix (PCA by SVD).

    States casting fewer than `min_participation` of the votes are left out; missing votes are filled
    with the vote's mean among those who voted. Deterministic: signs are fixed so that `right` has a
    positive first coordinate and `up` a positive second (or the largest loading is positive when the
    reference is absent). Returns coordinates and the share of variance of each axis."""
    values = matrix.values.astype(np.float64)
    participation = (~np.isnan(values)).mean(axis=1)
    keep = participation >= min_participation
    values = values[keep]
    states = [s for s, k in zip(matrix.states, keep, strict=True) if k]
    # A vote cast only by states the cut left out has no mean to fill with, and one NaN stops the SVD.
    values = values[:, ~np.isnan(values).all(axis=0)]
    if len(states) < 3 or values.shape[1] < 2:
        return pd.DataFrame(columns=["iso3", "x", "y"]), (np.nan, np.nan)
    column_mean = np.nanmean(values, axis=0)
    filled = np.where(np.isnan(values), column_mean, values)
    centred = filled - filled.mean(axis=0)
    u, s, _ = np.linalg.svd(centred, full_matrices=False)
    coords = u[:, :2] * s[:2]
    for axis, reference in ((0, right), (1, up)):
        anchor = states.index(reference) if reference in states else int(np.argmax(np.abs(coords[:, axis])))
        if coords[anchor, axis] < 0:
            coords[:, axis] = -coords[:, axis]
    with np.errstate(invalid="ignore", divide="ignore"):  # every kept state voted alike: no variance to share
        explained = (s[:2] ** 2) / (s ** 2).sum()
    return pd.DataFrame({"iso3": states, "x": coords[:, 0], "y": coords[:, 1]}), (float(explained[0]),
                                                                                  float(explained[1]))
