"""What every pack reads once (build info, states, per-group tallies, texts), the texts and states every pack
briefs on, and the numbered references a pack cites."""
from __future__ import annotations

import pandas as pd

from cyberdiplomacy import defaults, figures, queries, views, wording
from cyberdiplomacy.briefing import titles
from cyberdiplomacy.briefing.model import Chart, Reference, Table
from cyberdiplomacy.filters import Filters

KEY_VOTES = defaults.KEY_TEXTS[:2]  # 73/187 and 74/247: the votes that launched the treaty
REFERENCE_STATES = defaults.REFERENCE_STATES
MAX_STATES = defaults.MAX_COMPARED_STATES
WORLD = "World"


class Context:
    """What every pack reads once: build info, states, per-group tallies, texts, treaty status."""

    def __init__(self, con):
        self.con = con
        info = queries.build_info(con)
        self.build = info.iloc[0].to_dict() if len(info) else {}
        self.built = str(self.build.get("data_built_date", ""))[:10]
        self.states = queries.states(con).set_index("iso3")
        self.history = queries.resolution_history(con).set_index("symbol")
        self.groups = queries.briefing_group_votes(con)
        self.src = figures.Direct(con)  # figures drawn here are the pages' figures, built by the same code
        self.imported = figures.imported_on(self.src)

    def partners(self, iso3: str) -> pd.DataFrame:
        """Every state's agreement with iso3: the one measure of the Alignment page and State explorer."""
        try:
            result = figures.vote_data.agreement_result(self.src, Filters(), "cyber", defaults.AGREEMENT_METHOD)
        except figures.FigureUnavailable:
            return views.alignment.partners_frame()
        partners = views.alignment.partners(result, iso3, self.src.query(queries.state_labels))
        return partners.sort_values(["agreement_share", "shared_vote_count", "other_state_name"],
                                    ascending=[False, False, True], ignore_index=True)

    def named(self, symbol: str) -> str:
        """'73/187 Countering criminal use of ICTs': every text a pack mentions, by symbol and short title."""
        title = self.history.at[symbol, "title"] if symbol in self.history.index else None
        return titles.named(symbol, title)

    def name(self, iso3: str) -> str:
        return str(self.states.at[iso3, "name"]) if iso3 in self.states.index else iso3

    def group(self, iso3: str) -> str:
        value = self.states.at[iso3, "un_regional_group"] if iso3 in self.states.index else None
        return value if isinstance(value, str) and value else "No regional group"

    def tally(self, symbol: str, group: str, stage: str = "plenary") -> pd.Series | None:
        rows = self.groups[(self.groups["resolution_symbol"] == symbol) & (self.groups["stage"] == stage)
                           & (self.groups["un_regional_group"] == group)]
        return rows.iloc[0] if len(rows) else None

    def text_tally(self, symbol: str) -> str:
        if symbol not in self.history.index:
            return "not on record"
        return wording.tally_text(self.history.loc[symbol].rename(symbol))


def group_standing(tally: pd.Series | None) -> wording.Standing | None:
    """A group's largest position on a vote (a majority, a plurality or a tie); None without votes."""
    if tally is None:
        return None
    return wording.standing(tally["yes_count"], tally["no_count"], tally["abstain_count"])


def most_common(tally: pd.Series | None) -> str | None:
    """The position most members of a group cast (Y, N or A), majority or not; 'split' on a tie; None without votes."""
    st = group_standing(tally)
    return None if st is None else st.code


def same_share(tally: pd.Series | None, vote: str | None) -> float | None:
    """Share of members casting a vote (Y, N or A) who cast `vote`."""
    if tally is None or vote not in ("Y", "N", "A"):
        return None
    cast = tally["yes_count"] + tally["no_count"] + tally["abstain_count"]
    column = {"Y": "yes_count", "N": "no_count", "A": "abstain_count"}[vote]
    return tally[column] / cast if cast else None


def references(ctx: Context, charts: list[Chart], tables: list[Table], extra: list[str] = ()) -> list[Reference]:
    """Every source a pack's figures and tables cite, numbered once each as the warehouse lists them."""
    refs = [s for c in charts for s in c.sources] + list(extra)
    for t in tables:
        if "Source" in t.frame.columns:
            refs += [p.strip() for cell in t.frame["Source"].dropna() for p in str(cell).split(" ; ")]
    refs = list(dict.fromkeys(r for r in refs if r and r != "nan"))
    if not refs:
        return []
    found = queries.briefing_references(ctx.con, refs)
    out = []
    for r in found.itertuples():
        title = r.title if isinstance(r.title, str) else ""
        url = r.link_url if isinstance(r.link_url, str) else ""
        out.append(Reference(int(r.position), r.source_ref, title, url))
    return out

