"""Figures as a phone draws them (charts.narrow): row labels above their rows, short state names on axes."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest
from plotly.subplots import make_subplots

from cyberdiplomacy import figures, queries, state_names
from cyberdiplomacy.charts import narrow, states, theme
from cyberdiplomacy.filters import Filters

BUILT = "2026-01-02"


@pytest.fixture(scope="module")
def partners(world_con):
    agreement = figures.states.agreement(figures.Direct(world_con), Filters(states=("RUS",))).table
    return states.agreement_bars(agreement, "Russian Federation", BUILT)


def labels_above(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations if not str(a.text).startswith("Source:")]


def test_long_state_names_are_shortened_by_one_rule():
    # ISO 3166's everyday name (pycountry) where shorter and not inverted or bracketed; else the UN's name.
    assert state_names.short_names(
        ["GBR", "USA", "IRN", "PRK", "COD", "RUS", "VAT", "XYZ"],
        ["United Kingdom of Great Britain and Northern Ireland", "United States of America",
         "Iran (Islamic Republic of)", "Democratic People's Republic of Korea", "Democratic Republic of the Congo",
         "Russian Federation", "Holy See", "Somewhere"]) == [
        "United Kingdom", "United States", "Iran", "North Korea", "Democratic Republic of the Congo",
        "Russian Federation", "Holy See", "Somewhere"]
    # Rows of one state share its short name; two states that one short name would merge keep their UN names.
    assert state_names.short_names(["USA", "USA"], ["United States of America"] * 2) == ["United States"] * 2
    assert state_names.short_names(["GBR", "XUK"], ["United Kingdom of Great Britain and Northern Ireland",
                                                    "United Kingdom"]) == [
        "United Kingdom of Great Britain and Northern Ireland", "United Kingdom"]


def test_partner_bars_name_states_short_on_the_axis_and_in_full_in_the_hover(partners):
    # Russia's partners in the fixture world: China, France (both votes shared with it) and the United States.
    assert [t for t in partners.layout.yaxis.categoryarray][::-1] == ["China", "France", "United States"]
    hovered = {row[3] for trace in partners.data for row in trace.customdata}
    assert hovered == {"China", "France", "United States of America"}
    assert all(t.hovertemplate.startswith("%{customdata[3]} (") for t in partners.data)


def test_row_labels_sit_above_their_rows_on_screen(partners):
    shown = narrow.for_screen(partners)
    assert shown.layout.yaxis.showticklabels is False
    assert labels_above(shown) == ["United States", "France", "China"]  # bottom up, as the axis lists its rows
    assert shown.layout.margin.l == narrow.EDGE_PX and shown.layout.margin.r == narrow.EDGE_PX
    top, bottom = shown.layout.margin.t, shown.layout.margin.b
    row_px = (shown.layout.height - top - bottom) / 3
    assert row_px >= narrow.LABEL_PX + narrow.MIN_BAR_PX + narrow.PAD_PX
    label = next(a for a in shown.layout.annotations if a.text == "China")
    assert (label.x, label.xref, label.xanchor, label.yanchor, label.yshift) == (0, "paper", "left", "top",
                                                                                row_px / 2)
    # The bars fill the row under the label line (the axis runs upwards: from just above the row's lower edge).
    bar = shown.data[0]
    assert bar.offset == pytest.approx(-0.5 + narrow.PAD_PX / row_px)
    assert bar.width == pytest.approx(1 - (narrow.LABEL_PX + narrow.PAD_PX) / row_px)
    # Exported figures keep their names beside the plot.
    assert partners.layout.yaxis.showticklabels is not False and labels_above(partners) == []


def test_rows_grow_to_hold_a_label_over_a_marker():
    fig = go.Figure(go.Scatter(x=[1, 2], y=["Criminal use of ICTs", "ICTs and security"], mode="markers",
                               marker=dict(size=13)))
    fig.update_layout(height=150, margin=dict(t=40, b=40))  # rows of 35 px: too low for a label over a marker
    shown = narrow.fit(fig)
    assert shown.layout.height == 40 + 40 + 2 * (13 + 2 * narrow.LABEL_PX)
    assert labels_above(shown) == ["Criminal use of ICTs", "ICTs and security"]


def test_heatmap_labels_sit_in_the_gap_between_rows():
    fig = go.Figure(go.Heatmap(z=[[1, 2], [3, 4]], x=["A", "B"], y=["United Kingdom", "France (FRA)"]))
    fig.update_layout(height=300, margin=dict(t=40, b=60), yaxis=dict(autorange="reversed"))
    shown = narrow.fit(fig)
    assert shown.data[0].ygap == narrow.LABEL_PX
    assert {a.yanchor for a in shown.layout.annotations} == {"middle"}
    row_px = (300 - 100 - narrow.COLOUR_BAR_PX) / 2  # the colour bar lies above the plot
    assert list(shown.layout.yaxis.range) == [pytest.approx(1.5), pytest.approx(-0.5 - narrow.LABEL_PX / row_px / 2)]


def test_short_labels_stay_beside_the_plot_and_numeric_axes_are_left_alone(world_con):
    short = go.Figure(go.Bar(x=[3, 5], y=["AHC", "IEG"], orientation="h"))
    assert labels_above(narrow.fit(short)) == [] and short.layout.yaxis.showticklabels is None
    lines = go.Figure(go.Scatter(x=[2019, 2020], y=[0.4, 0.6], mode="lines"))
    assert labels_above(narrow.fit(lines)) == []
    days = figures.build("meeting-days", figures.Direct(world_con), Filters()).fig
    assert labels_above(narrow.for_screen(days)) == []  # 'FEG' fits beside the plot


def test_every_page_figure_is_drawn_through_the_screen_form(world_con):
    fig = figures.build("overview-timeline", figures.Direct(world_con), Filters()).fig
    shown = narrow.for_screen(fig)
    assert shown.layout.title.text is None  # theme.for_screen: the title is page text
    assert theme.footer_annotation(shown) is not None
    rows = list(queries.meeting_timeline(world_con)["body_short"].unique())
    assert set(rows) < set(labels_above(shown)) and "GA / CCPCJ texts (criminal use)" in labels_above(shown)
    assert pd.notna(shown.layout.height)


def test_sponsor_rows_name_states_short_and_keep_the_full_name_for_the_hover():
    from cyberdiplomacy.charts import sponsors

    rows = pd.DataFrame({"iso3": ["GBR", "FRA"], "un_regional_group": "Western European and other States",
                         "state_name": ["United Kingdom of Great Britain and Northern Ireland", "France"],
                         "draft_symbol": "A/C.3/73/L.9/Rev.1", "adopted_date": pd.Timestamp("2018-12-17"),
                         "role": "original"})
    fig = sponsors.matrix(rows, BUILT, chosen=("GBR",))
    assert list(fig.layout.yaxis.ticktext) == ["France", "<b>United Kingdom</b>"]
    assert list(fig.layout.yaxis.tickvals) == ["France", "United Kingdom of Great Britain and Northern Ireland"]
    assert fig.data[0].hovertemplate.startswith("%{y} · ")  # the value: the full name


def test_group_names_of_numbered_rows_sit_above_their_rows():
    # The roll call: a square per state in rows of 20 by regional group, the groups named by ticks beside the plot.
    from cyberdiplomacy.charts import roll_call

    roll = pd.DataFrame([dict(state_name=f"{group} {i}", iso3=f"{group[:2].upper()}{i}", un_regional_group=group,
                              group_position="Yes", vote="N" if i == 0 else "Y", is_against_group_majority=i == 0)
                         for group, size in (("African States", 25), ("Western European and other States", 3))
                         for i in range(size)])
    fig = roll_call.vote_roll(roll, "A/RES/74/247", BUILT, ["A/RES/74/247"])
    shown = narrow.for_screen(fig)
    assert shown.layout.yaxis.showticklabels is False
    assert labels_above(shown) == ["African", "WEOG"]
    titled = theme.for_screen(fig)  # the title as page text; the footer in lines
    plot_px = titled.layout.height - titled.layout.margin.t - titled.layout.margin.b
    band = narrow.LABEL_PX * (0.9 - fig.layout.yaxis.range[0]) / plot_px
    # Rows 0 and -1 of the African group move down one label line, WEOG's row (-2.8) two.
    moved = sorted({round(y, 9) for trace in shown.data for y in trace.y if y is not None})
    assert moved == pytest.approx([-2.8 - 2 * band, -1 - band, -band])
    african = next(a for a in shown.layout.annotations if a.text == "African")
    assert (african.y, african.yanchor) == (pytest.approx(-band), "bottom")
    assert african.yshift == 10 / 2 + 9 + 2  # over the square and the code written above it
    assert shown.layout.height == fig.layout.height + 2 * narrow.LABEL_PX
    assert fig.layout.yaxis.showticklabels is not False  # the exported figure keeps its names beside the rows


def test_a_colour_bar_lies_along_the_top_of_the_plot():
    fig = go.Figure(go.Heatmap(z=[[1, 2], [3, 4]], x=["A", "B"], y=["AB", "CD"], colorbar=dict(title="Drafts")))
    fig.update_layout(height=300, margin=dict(t=40, b=60))
    shown = narrow.fit(go.Figure(fig))
    bar = shown.data[0].colorbar
    assert (bar.orientation, bar.y, bar.yanchor, bar.title.text) == ("h", 1, "bottom", "Drafts")
    assert shown.layout.margin.t == 40 + narrow.COLOUR_BAR_PX
    assert fig.data[0].colorbar.orientation is None  # exported: beside the plot
    hidden = go.Figure(go.Heatmap(z=[[1]], showscale=False), layout=dict(margin=dict(t=40)))
    assert narrow.fit(hidden).layout.margin.t == 40


def test_y_axis_titles_sit_above_their_plots_and_the_legend_moves_up():
    fig = make_subplots(rows=2, cols=1)
    for row in (1, 2):
        fig.add_scatter(x=[2019, 2020], y=[0.4, 0.6], name=f"pair {row}", row=row, col=1)
        fig.update_yaxes(title_text=f"Panel {row}", row=row, col=1)
    fig.update_layout(height=500, margin=dict(t=60, b=40), template=theme.pio.templates["cyberdiplomacy"])
    shown = narrow.fit(go.Figure(fig))
    assert shown.layout.yaxis.title.text is None and shown.layout.yaxis2.title.text is None
    titles = {a.text: a for a in shown.layout.annotations}
    assert titles["Panel 1"].y == fig.layout.yaxis.domain[1] and titles["Panel 2"].y == fig.layout.yaxis2.domain[1]
    assert {(a.xref, a.x, a.xanchor, a.yanchor) for a in titles.values()} == {("paper", 0, "left", "bottom")}
    assert shown.layout.margin.t == 60 + narrow.TITLE_PX
    assert shown.layout.legend.y == pytest.approx(1 + narrow.TITLE_PX / (500 - 60 - 40))
    assert fig.layout.yaxis.title.text == "Panel 1"  # exported: beside the plot


def test_the_footer_sits_under_an_x_axis_title_and_a_number_axis_keeps_room_for_its_last_tick():
    # The vote space: on a phone the centred 'Dimension 1' title ran into the footer's lines, and the tick '2' at
    # the plot's right end was hidden.
    fig = go.Figure(go.Scatter(x=[-1.2, 1.9], y=[0.3, -0.4], mode="markers"))
    fig = theme.finish(fig.update_layout(xaxis_title="Dimension 1"), "Title", ["A/RES/74/247"], BUILT)
    shown = narrow.for_screen(fig)
    footer = theme.footer_annotation(shown)
    lines = footer.text.count("<br>") + 1
    assert -footer.yshift - lines * theme.FOOTER_LINE_PX == narrow.X_AXIS_PX  # its top: under ticks and title
    assert shown.layout.margin.b + footer.yshift == 8  # the margin grew with it
    assert shown.layout.margin.r == narrow.EDGE_PX
    assert theme.footer_annotation(fig).yshift == -theme.FOOTER_MARGIN + 8  # exported as it was
    bars = theme.finish(go.Figure(go.Bar(x=["a"], y=[1])), "Title", ["x"], BUILT)
    untitled = narrow.for_screen(bars)
    assert untitled.layout.margin.r is None  # categories across: the template's 10 px
    assert untitled.layout.margin.b == theme.for_screen(bars).layout.margin.b  # no title under the plot: as it was
