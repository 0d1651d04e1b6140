"""Widget state: Streamlit forgets a widget that a run does not draw, and a chart click must set a widget before
it is drawn; these keep values across sections and reruns."""
from __future__ import annotations

import streamlit as st


def seed(key: str, default, options: list) -> None:
    """Give a widget its starting value (from the URL) once, and repair a value no longer offered."""
    if st.session_state.get(key) not in options:
        st.session_state[key] = default


def kept(widget, label: str, options: list, *, key: str, default, **kwargs):
    """A control in a section that keeps its value while another section is open: Streamlit forgets the state of a
    widget that a run does not draw. `default` is its value on first sight (a list for a multiselect)."""
    shadow = f"_kept_{key}"
    if key not in st.session_state:
        remembered = st.session_state.get(shadow, default)
        fits = set(remembered) <= set(options) if isinstance(remembered, list) else remembered in options
        st.session_state[key] = remembered if fits else default
    value = widget(label, options, key=key, **kwargs)
    st.session_state[shadow] = value
    return value


def selected_points(event) -> list[dict]:
    if not event:
        return []
    selection = event.get("selection") if isinstance(event, dict) else getattr(event, "selection", None)
    if not selection:
        return []
    points = selection.get("points") if isinstance(selection, dict) else getattr(selection, "points", [])
    return list(points or [])


def adopt_selection(event, key: str, to_value) -> bool:
    """A newly clicked chart point sets the widget `key` (before that widget is drawn); True when it did."""
    points = selected_points(event)
    values = [v for v in (to_value(p) for p in points) if v]
    marker = f"_{key}_last_selection"
    if not values:  # the chart was redrawn without a selection: clicking the same point again counts as new
        st.session_state.pop(marker, None)
        return False
    if st.session_state.get(marker) != values[0]:
        st.session_state[marker] = values[0]
        st.session_state[key] = values[0]
        return True
    return False
