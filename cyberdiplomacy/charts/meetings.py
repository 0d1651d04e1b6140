"""Meeting timelines: lanes per body (one panel per track) at day resolution, milestones, days met per year."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from cyberdiplomacy import safe_text, vocabulary
from cyberdiplomacy.charts import footer, theme
from cyberdiplomacy.charts.timeline import _date_range

DAY_MS = 86_400_000
STATUS_MARKERS = {"held": ("line-ns", 1.0), "scheduled": ("line-ns", 0.45), "postponed": ("x-thin", 0.8)}
MILESTONE_MARKERS = {"Adopted text": ("diamond", None), "Convention adopted": ("star", "#000000"),
                     "Opened for signature": ("star", "#000000"), "Entry into force": ("star-open", "#000000")}
MILESTONE_LANE = "Milestones"
SOURCES = ["meetings and resolutions tables (UNODC, UNODA, UN press releases)", "treaty_actions (UN Treaty Collection)"]
SLIDER_THICKNESS = 0.07


def _hover(row) -> str:
    text = safe_text.plotly
    parts = [f"<b>{text(row['body_short'])}: {text(row['meeting'])}</b>",
             _date_range(row["start_date"], row["end_date"], row.get("date_precision") or "day")]
    if pd.notna(row.get("days")):
        parts[-1] += f" ({int(row['days'])} day{'s' if row['days'] != 1 else ''})"
    for label, column in (("", "city"), ("Format: ", "format"), ("Chair: ", "chair"),
                          ("Outcome: ", "outcome_symbol")):
        value = row.get(column)
        if isinstance(value, str) and value:
            parts.append(f"{label}{text(value)}")
    parts.append(f"Status: {text(row['status'])}")
    return "<br>".join(parts)


def _lanes(meetings: pd.DataFrame) -> list[str]:
    """Bodies in order of their first session."""
    return list(meetings.groupby("body_short")["start_date"].min().sort_values().index)


def lanes(meetings: pd.DataFrame, milestones: pd.DataFrame, built, window=None, note: str = "") -> go.Figure:
    """One panel per track, one lane per body; each session a bar of its true length plus a marker that stays
    visible at any zoom; milestones on the same axis. Opens on `window` (start, end); the slider shows all."""
    meetings = meetings.assign(days=(pd.to_datetime(meetings["end_date"]) - pd.to_datetime(meetings["start_date"]))
                               .dt.days + 1)
    tracks = [t for t in vocabulary.TRACK_LABELS if t in set(meetings["track"]) | set(milestones["track"])]
    lane_lists = {t: [MILESTONE_LANE] + _lanes(meetings[meetings["track"] == t]) for t in tracks}
    weights = [len(lane_lists[t]) + 1 for t in tracks] or [1]
    fig = make_subplots(rows=max(len(tracks), 1), cols=1, shared_xaxes=True, vertical_spacing=0.09,
                        row_heights=[w / sum(weights) for w in weights],
                        subplot_titles=[vocabulary.TRACK_LABELS[t] for t in tracks] or None)
    for row, track in enumerate(tracks, start=1):
        colour = theme.TRACK_COLOURS[track]
        part = meetings[meetings["track"] == track]
        for status, (symbol, opacity) in STATUS_MARKERS.items():
            sessions = part[part["status"] == status]
            if sessions.empty:
                continue
            hover = sessions.apply(_hover, axis=1)
            start = pd.to_datetime(sessions["start_date"])
            fig.add_bar(base=start, x=sessions["days"] * DAY_MS, y=sessions["body_short"], orientation="h",
                        marker_color=colour, opacity=0.3 if status != "held" else 0.75, width=0.6,
                        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
                        row=row, col=1)
            middle = start + pd.to_timedelta(sessions["days"] * DAY_MS / 2, unit="ms")
            fig.add_scatter(x=middle, y=sessions["body_short"], mode="markers", name=f"{status} sessions",
                            marker=dict(symbol=symbol, size=15 if symbol == "line-ns" else 9, color=colour,
                                        opacity=opacity, line=dict(width=3 if symbol == "line-ns" else 2,
                                                                   color=colour)),
                            hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
                            row=row, col=1)
        marks = milestones[milestones["track"] == track]
        for kind, (symbol, mark_colour) in MILESTONE_MARKERS.items():
            points = marks[marks["kind"] == kind]
            if points.empty:
                continue
            fig.add_scatter(x=points["date"], y=[MILESTONE_LANE] * len(points), mode="markers", name=kind,
                            marker=dict(symbol=symbol, size=13 if symbol.startswith("star") else 10,
                                        color=mark_colour or colour, line=dict(width=1, color="white")),
                            customdata=safe_text.plotly_cells(points[["label", "detail", "kind"]].fillna("")),
                            hovertemplate="<b>%{customdata[2]}: %{customdata[0]}</b> · %{x|%d %b %Y}<br>"
                                          "%{customdata[1]}<extra></extra>", showlegend=False, row=row, col=1)
        fig.update_yaxes(categoryorder="array", categoryarray=lane_lists[track][::-1], title=None,
                         tickfont=dict(size=11), row=row, col=1)
    plot_px = 34 * sum(weights) + 40 * len(tracks)
    start, end = _span(meetings, milestones)
    shown = [pd.Timestamp(w) for w in window] if window else [start, end]
    fig.update_xaxes(type="date", range=shown, showgrid=True)
    fig.update_xaxes(rangeslider=dict(visible=True, thickness=SLIDER_THICKNESS, range=[start, end]),
                     row=max(len(tracks), 1), col=1)
    fig.update_layout(height=theme.FOOTER_MARGIN + 110 + plot_px + int(SLIDER_THICKNESS * plot_px) + 40,
                      bargap=0.4, barmode="overlay", showlegend=False)
    # Panel titles from the plot's left edge, where the lane names start: centred at 16 px, a phone cut them.
    fig.update_annotations(x=0, xanchor="left", font=dict(size=14, color="#444444"))
    fig = theme.finish(fig, _lanes_title(meetings, milestones), SOURCES, built,
                       "| session (bar: its days; faint: scheduled) · × postponed · ◆ adopted text · "
                       "★ Convention adopted, signed" + (f" · {note}" if note else ""))
    footer.reserve(fig, 30 + int(SLIDER_THICKNESS * plot_px) + 10)
    return fig


def _span(meetings: pd.DataFrame, milestones: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    dates = pd.concat([pd.to_datetime(meetings["start_date"]), pd.to_datetime(meetings["end_date"]),
                       pd.to_datetime(milestones["date"])]).dropna()
    if dates.empty:
        today = pd.Timestamp.today().normalize()
        return today - pd.Timedelta(days=365), today
    return dates.min() - pd.Timedelta(days=60), dates.max() + pd.Timedelta(days=60)


def _lanes_title(meetings: pd.DataFrame, milestones: pd.DataFrame) -> str:
    """The body that held the most sessions; one body alone (a body filter) is not compared with others."""
    held = meetings[meetings["status"] == "held"]
    if held.empty:
        return "No session held in this selection"
    counts = held["body_short"].value_counts()
    top = counts.index[0]
    mine = held[held["body_short"] == top]
    years = _years(pd.Timestamp(mine["start_date"].min()).year, pd.Timestamp(mine["end_date"].max()).year)
    ties = [b for b, n in counts.items() if n == counts.iloc[0]]
    sessions = f"{counts.iloc[0]} session{'s' if counts.iloc[0] != 1 else ''}"
    if len(counts) == 1:
        title = f"{top} held {sessions} in {years}"
    else:
        who = top if len(ties) == 1 else " and ".join(ties[:2]) + (
            f" (and {len(ties) - 2} more)" if len(ties) > 2 else "")
        title = f"{who} held the most sessions: {counts.iloc[0]}" + (f" in {years}" if len(ties) == 1 else " each")
    adopted = milestones[milestones["kind"] == "Convention adopted"]
    if len(adopted):
        title += f"; the Convention was adopted on {pd.Timestamp(adopted['date'].iloc[0]):%d %b %Y}"
    return title


def _years(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _days_title(days: pd.DataFrame) -> str:
    """Who met the most days and the busiest year; one body alone (a body filter) is not compared with others."""
    if days.empty:
        return "No held session with known dates in this selection"
    best = days.sort_values(["meeting_days", "year"], ascending=[False, True]).iloc[0]
    per_body = days.groupby("body_short")["meeting_days"].sum().sort_values(ascending=False)
    top, total = per_body.index[0], int(per_body.iloc[0])
    if len(per_body) == 1:
        years = sorted(days["year"])
        return f"{top} met {total} days in all" + (
            f", all in {years[0]}" if len(years) == 1 else
            f" from {years[0]} to {years[-1]}; the busiest year: {best['year']} ({int(best['meeting_days'])} days)")
    if per_body.iloc[1] == per_body.iloc[0]:
        title = f"{top} and {per_body.index[1]} met {total} days each, the most of the {len(per_body)} bodies shown"
    else:
        title = f"{top} met {total} days in all, the most of the {len(per_body)} bodies shown"
    return title + f"; the busiest year: {best['body_short']} in {best['year']} ({int(best['meeting_days'])} days)"


def days_per_year(days: pd.DataFrame, built, undated: int = 0) -> go.Figure:
    """Body x year heatmap of the days met, the number written in each cell."""
    grid = days.pivot_table(index="body_short", columns="year", values="meeting_days", aggfunc="sum")
    if len(grid):
        grid = grid.reindex(columns=range(int(grid.columns.min()), int(grid.columns.max()) + 1))
        grid = grid.loc[grid.sum(axis=1).sort_values(ascending=False).index]
    fig = go.Figure(go.Heatmap(
        z=grid.values, x=list(grid.columns), y=list(grid.index), colorscale="Blues", zmin=0, showscale=False,
        xgap=2, ygap=2, text=[["" if pd.isna(v) else f"{int(v)}" for v in row] for row in grid.values],
        texttemplate="%{text}", hovertemplate="%{y} · %{x}: %{z} days<extra></extra>"))
    fig.update_layout(height=max(300, 180 + 30 * len(grid)), xaxis=dict(title=None, type="linear", showgrid=False),
                      yaxis=dict(autorange="reversed", title=None, showgrid=False))
    title = _days_title(days)
    subtitle = "Days of held sessions, counted in the year they fell in"
    if undated:
        subtitle += f" · {undated} group term(s) known only by month or year left out"
    return theme.finish(fig, title, SOURCES[:1], built, subtitle)
