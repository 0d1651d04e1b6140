"""Shaping for the Sponsor blocs page: coverage, co-sponsorship grid, sponsor-to-vote flows, bloc shares (pure)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from cyberdiplomacy import defaults, vocabulary
from cyberdiplomacy.safe_text import markdown

NO_RECORD = "No recorded vote"


def coverage(matrix: pd.DataFrame) -> dict:
    """How complete the sponsor lists are: drafts with co-sponsors on record and drafts with only the main sponsor."""
    per_draft = matrix.groupby("draft_symbol")["iso3"].nunique()
    with_cosponsors = sorted(per_draft[per_draft > 1].index)
    return {"draft_count": len(per_draft), "state_count": matrix["iso3"].nunique(),
            "with_cosponsors": with_cosponsors, "main_sponsor_only": sorted(per_draft[per_draft == 1].index),
            "sponsors_per_draft": per_draft.to_dict()}


def coverage_text(cov: dict) -> str:
    """State coverage in words, for the page and the matrix subtitle."""
    k, n = len(cov["with_cosponsors"]), cov["draft_count"]
    if n == 0:
        return "No sponsorship on record."
    if k == n:
        return f"Co-sponsors are on record for {'all ' if n > 1 else ''}{n} draft{'s' if n > 1 else ''}."
    if k == 0:
        return f"Only the main sponsor is on record for the {n} draft(s) shown; co-sponsor lists are not yet curated."
    return (f"Co-sponsors are on record for only {k} of the {n} drafts ({', '.join(cov['with_cosponsors'])}); "
            f"for the other {n - k} only the main sponsor is on record, so counts of states are lower bounds.")


def seriation(weights: pd.DataFrame) -> list:
    """A deterministic order that puts states with similar co-sponsorship next to each other: the Fiedler vector
    of the graph Laplacian (spectral seriation), per connected block, ties broken by label."""
    labels = list(weights.index)
    if len(labels) <= 2:
        return sorted(labels)
    w = np.nan_to_num(weights.to_numpy(dtype=float))
    np.fill_diagonal(w, 0)
    laplacian = np.diag(w.sum(axis=1)) - w
    _, vectors = np.linalg.eigh(laplacian)
    fiedler = vectors[:, 1]
    if fiedler[np.argmax(np.abs(fiedler))] < 0:  # fix the sign so the order never flips between runs
        fiedler = -fiedler
    degree = w.sum(axis=1)
    order = sorted(range(len(labels)), key=lambda i: (round(float(fiedler[i]), 9), -degree[i], labels[i]))
    return [labels[i] for i in order]


def cosponsor_grid(matrix: pd.DataFrame, threshold: int = 1) -> pd.DataFrame:
    """State x state: drafts both sponsored, only pairs at or above `threshold`; states without such a pair left out;
    rows and columns ordered by seriation; the diagonal is left empty (a state with itself)."""
    rows = matrix[["draft_symbol", "iso3"]].drop_duplicates()
    pairs = rows.merge(rows, on="draft_symbol")
    counts = pairs.groupby(["iso3_x", "iso3_y"]).size().unstack(fill_value=0)
    values = counts.to_numpy(dtype=float, copy=True)
    np.fill_diagonal(values, 0)
    shared = pd.DataFrame(values, index=counts.index, columns=counts.columns)
    kept = shared.index[(shared >= threshold).any(axis=1)]
    shared = shared.loc[kept, kept]
    if shared.empty:
        return shared
    order = seriation(shared.where(shared >= threshold, 0))
    return shared.where(shared >= threshold).loc[order, order].astype(float)


def pair_count(grid: pd.DataFrame) -> int:
    """Pairs of states shown in a co-sponsorship grid (each pair once, diagonal excluded)."""
    if grid.empty:
        return 0
    return int(np.triu(~np.isnan(grid.to_numpy(dtype=float)), k=1).sum())


def max_shared(matrix: pd.DataFrame) -> int:
    """The most drafts any two states sponsored together (1 when none shared a draft)."""
    rows = matrix[["draft_symbol", "iso3"]].drop_duplicates()
    pairs = rows.merge(rows, on="draft_symbol")
    pairs = pairs[pairs["iso3_x"] < pairs["iso3_y"]]
    return int(pairs.groupby(["iso3_x", "iso3_y"]).size().max()) if len(pairs) else 1


def default_sponsored(texts: list[str]) -> int:
    """Index of the text whose sponsors the flow starts from: 73/187, the first text of the split, when offered."""
    return texts.index(defaults.DEFAULT_RESOLUTION) if defaults.DEFAULT_RESOLUTION in texts else 0


def default_voted(sponsored: str, options: list[str]) -> str:
    """The vote to follow the sponsors of `sponsored` to: its paired text, else the text itself, else the first."""
    for candidate in (defaults.PAIRED_VOTES.get(sponsored), sponsored):
        if candidate in options:
            return candidate
    return options[0]


def flow_table(flows: pd.DataFrame) -> pd.DataFrame:
    """Sponsors by regional group and their vote on the other text; sponsors without a recorded vote as NO_RECORD."""
    table = flows.assign(vote_label=flows["vote"].map(vocabulary.VOTE_LABELS).fillna(NO_RECORD))
    counts = table.groupby(["un_regional_group", "vote_label"]).size().rename("state_count").reset_index()
    return counts


def sponsors_with_votes(flows: pd.DataFrame) -> int:
    return int(flows["vote"].notna().sum())


def chosen_flows_text(flows: pd.DataFrame, iso3s) -> str:
    """Where the chosen states are in the flow, in words ('' when none is chosen)."""
    if not len(iso3s):
        return ""
    mine = flows[flows["iso3"].isin(list(iso3s))]
    absent = [i for i in iso3s if i not in set(mine["iso3"])]
    parts = [f"{r.state_name}: {vocabulary.vote_label(r.vote) if isinstance(r.vote, str) else 'no recorded vote'}"
             for r in mine.itertuples()]
    text = ("Your states among these sponsors — " + "; ".join(parts) + ".") if parts else ""
    if absent:
        text += f" Not sponsors of this text on record: {', '.join(absent)}."
    return text.strip()


def bloc_shares(composition: pd.DataFrame, matrix: pd.DataFrame) -> pd.DataFrame:
    """Per draft and bloc: members among its sponsors and their share of the draft's sponsors on record.
    Drafts with only the main sponsor on record are left out when any draft has co-sponsors."""
    sponsors = matrix.groupby("draft_symbol")["iso3"].nunique().rename("draft_sponsor_count")
    shares = composition.merge(sponsors, left_on="draft_symbol", right_index=True)
    if (shares["draft_sponsor_count"] > 1).any():
        shares = shares[shares["draft_sponsor_count"] > 1]
    shares = shares.assign(share=shares["sponsor_count"] / shares["draft_sponsor_count"])
    return shares[["draft_symbol", "resolution_symbol", "bloc", "bloc_kind", "sponsor_count", "draft_sponsor_count",
                   "share"]].reset_index(drop=True)


def blocs_of_states(state_blocs: pd.DataFrame, available: list[str]) -> list[str]:
    """The blocs the chosen states belong to now, among those offered."""
    current = state_blocs[state_blocs["is_member_now"].astype(bool)]
    return [b for b in available if b in set(current["bloc"])]


def default_blocs(available: list[str]) -> list[str]:
    return [b for b in defaults.DEFAULT_BLOCS if b in available]


def chosen_drafts_text(matrix: pd.DataFrame, chosen) -> str:
    """What the state filter means for the co-sponsorship grid."""
    drafts = matrix["draft_symbol"].nunique()
    return (f"The grid shows every sponsor of the drafts that {', '.join(chosen)} sponsored ({drafts} draft(s)); "
            "your states are in bold.")


def unsponsored_text(matrix: pd.DataFrame, chosen, name_of) -> str | None:
    """Names the chosen states with no sponsorship on record (a chosen state would otherwise just be absent), as
    Markdown: the names are escaped."""
    sponsoring = set(matrix["iso3"])
    missing = [markdown(name_of(iso3)) for iso3 in chosen if iso3 not in sponsoring]
    if not missing:
        return None
    if len(missing) == len(list(chosen)):
        return f"No sponsorship on record for {', '.join(missing)}. Clear the state filter to see all drafts."
    return f"No sponsorship on record for {', '.join(missing)}; the sections below show the other states' drafts."


def texts_by_sponsor_count(matrix: pd.DataFrame) -> list[str]:
    """Resolutions of the sponsorship rows, the most sponsored first (the most telling default)."""
    return list(matrix.groupby("resolution_symbol")["iso3"].nunique().sort_values(ascending=False, kind="stable").index)
