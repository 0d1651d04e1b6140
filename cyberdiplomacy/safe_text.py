"""Outside text (curated, bundled or imported titles, symbols, names; URL parameters) made inert for the medium it
is written to: spreadsheet cells, Streamlit markdown, plotly's HTML-like text. Every writer goes through here."""
from __future__ import annotations

import html as _html
import re

import pandas as pd

# OWASP CSV injection: a cell starting with one of these is read as a formula (or DDE call) by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """A text cell that a spreadsheet would run, as text (a leading "'"); anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _is_text(series: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(series) or pd.api.types.is_object_dtype(series)


def spreadsheet_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame to write as CSV or XLSX: text cells and column names escaped, numbers kept as numbers (-3 stays -3).
    The frame itself is returned when nothing needs escaping, so big tables are not copied for nothing."""
    out = frame
    names = [spreadsheet_cell(c) for c in frame.columns]
    if names != list(frame.columns):
        out = out.set_axis(names, axis="columns")
    for position in range(out.shape[1]):  # by position: column names may repeat
        series = out.iloc[:, position]
        if isinstance(series.dtype, pd.CategoricalDtype):
            series = series.astype(object)
        elif not _is_text(series):
            continue
        if pd.api.types.is_string_dtype(series) and not pd.api.types.is_object_dtype(series):
            hostile = series.str.startswith(FORMULA_STARTS, na=False)
        else:
            hostile = series.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_STARTS)).astype(bool)
        if hostile.any():
            values = series.to_numpy(dtype=object, copy=True)
            rows = hostile.to_numpy()
            values[rows] = ["'" + v for v in values[rows]]
            out = out.copy() if out is frame else out
            out.isetitem(position, values)
    return out


_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def markdown(text) -> str:
    """Text shown through Streamlit's markdown (st.markdown, st.info, st.caption, labels) as written: no link, image,
    emphasis, HTML tag, '$' formula or ':red[' colour can start in it. Every ASCII punctuation mark is escaped, which
    CommonMark allows for all of them; line breaks become spaces so a value cannot open a list or a heading."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(text)))


def plotly(text) -> str:
    """Text placed in a plotly label, hover text or title: plotly reads '<a href=…>' and other tags in it. Quotes are
    kept: no attribute can open without a tag, and plotly decodes only a few named entities."""
    return _html.escape(str(text), quote=False)


def plotly_lines(text: str) -> str:
    """Our own '<br>' line breaks kept, everything between them escaped (a subtitle naming outside text)."""
    return "<br>".join(plotly(part) for part in re.split(r"<br\s*/?>", text))


def plotly_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells are escaped for plotly: for customdata, categories and labels drawn from data."""
    out = frame.copy()
    for position in range(out.shape[1]):
        series = out.iloc[:, position]
        if _is_text(series) or isinstance(series.dtype, pd.CategoricalDtype):
            out.isetitem(position, series.map(lambda v: plotly(v) if isinstance(v, str) else v).astype(object))
    return out


def plotly_text_as_markdown(text: str) -> str:
    """A figure's subtitle (plotly text: '<br>' breaks, other tags for style) as markdown lines."""
    return "  \n".join(markdown(re.sub(r"<[^>]+>", "", part)) for part in re.split(r"<br\s*/?>", text))
