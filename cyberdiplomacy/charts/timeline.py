"""Gantt of the bodies' sessions with adopted texts as milestones."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cyberdiplomacy import safe_text, vocabulary
from cyberdiplomacy.charts import theme

STATUS_OPACITY = {"held": 0.9, "scheduled": 0.5, "postponed": 0.25}
MILESTONE_ROWS = {"criminal_ict": "GA / CCPCJ texts (criminal use)", "international_security": "GA texts (security)"}


def _bar_width_ms(start, end) -> float:
    # A one-day meeting still needs a visible bar: at least 4 days wide on a decades-long axis.
    days = max((pd.Timestamp(end) - pd.Timestamp(start)).days + 1, 4)
    return days * 86_400_000


def process_timeline(meetings: pd.DataFrame, milestones: pd.DataFrame, built,
                     title: str | None = None) -> go.Figure:
    """One row per body; bars are sessions (faded when postponed), diamonds are adopted texts."""
    fig = go.Figure()
    for track in vocabulary.TRACK_LABELS:
        for status, opacity in STATUS_OPACITY.items():
            part = meetings[(meetings["track"] == track) & (meetings["status"] == status)]
            if part.empty:
                continue
            hover = part.apply(_meeting_hover, axis=1)
            fig.add_bar(
                base=pd.to_datetime(part["start_date"]), x=[_bar_width_ms(s, e) for s, e in
                                                           zip(part["start_date"], part["end_date"], strict=True)],
                y=part["body_short"], orientation="h", marker_color=theme.TRACK_COLOURS[track], opacity=opacity,
                name=f"{vocabulary.TRACK_SHORT_LABELS[track]}: {status}", hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                legendgroup=track,
            )
    dated = milestones[milestones["adopted_date"].notna()]
    for track, row_name in MILESTONE_ROWS.items():
        part = dated[dated["track"] == track]
        if part.empty:
            continue
        fig.add_scatter(x=pd.to_datetime(part["adopted_date"]), y=[row_name] * len(part), mode="markers",
                        name=f"Texts adopted: {vocabulary.TRACK_SHORT_LABELS[track].removesuffix(' track').lower()}",
                        marker=dict(symbol="diamond", size=11, color=theme.TRACK_COLOURS[track],
                                    line=dict(width=1, color="white")),
                        customdata=safe_text.plotly_cells(part[["symbol", "title", "adoption_mode"]].fillna("")),
                        hovertemplate="%{customdata[0]} · %{x|%d %b %Y}<br>%{customdata[1]}<br>"
                                      "%{customdata[2]}<extra></extra>")
    # Bodies grouped by track, each track's bodies in order of their first session.
    first_session = meetings.groupby(["track", "body_short"])["start_date"].min().reset_index()
    first_session["track_rank"] = first_session["track"].map({t: i for i, t in enumerate(vocabulary.TRACK_LABELS)})
    bodies = list(first_session.sort_values(["track_rank", "start_date"])["body_short"])
    rows = list(dict.fromkeys(list(MILESTONE_ROWS.values()) + bodies))
    fig.update_layout(barmode="overlay", xaxis=dict(type="date", title=None),
                      yaxis=dict(categoryorder="array", categoryarray=rows, autorange="reversed", title=None),
                      height=max(380, 130 + 28 * len(rows)),
                      legend=dict(font=dict(size=11)),  # above the plot in rows: at the side it hid the lanes
                      margin=dict(r=10))
    if title is None:
        held = meetings[meetings["status"] == "held"]
        first = pd.to_datetime(dated["adopted_date"]).min() if len(dated) else None
        bodies = meetings["body_short"].nunique()
        title = (f"{len(held)} session{'s' if len(held) != 1 else ''} of {bodies} bod{'ies' if bodies != 1 else 'y'}"
                 + (f" and {len(dated)} adopted texts since {first.year}" if first is not None else ""))
    sources = ["meetings and resolutions tables (UNODC, UNODA, UN press releases)"]
    return theme.finish(fig, title, sources, built, "Bars: sessions (faded: postponed); diamonds: adopted texts")


def _meeting_hover(row) -> str:
    dates = _date_range(row["start_date"], row["end_date"], row.get("date_precision") or "day")
    text = safe_text.plotly
    parts = [f"<b>{text(row['body_short'])}: {text(row['meeting'])}</b>", dates]
    if row.get("city"):
        parts.append(text(row["city"]))
    if row.get("outcome_symbol"):
        parts.append(f"Outcome: {text(row['outcome_symbol'])}")
    if row.get("status") != "held":
        parts.append(f"Status: {row['status']}")
    return "<br>".join(p for p in parts if p and p != "nan")


def _date_range(start, end, precision: str) -> str:
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if precision == "year":
        return f"{start.year}" if start.year == end.year else f"{start.year}–{end.year}"
    if precision == "month":
        return start.strftime("%b %Y") if (start.year, start.month) == (end.year, end.month) else \
            f"{start:%b %Y} – {end:%b %Y}"
    return start.strftime("%d %b %Y") if start == end else f"{start:%d %b %Y} – {end:%d %b %Y}"
