"""Interim: the names pages call, from the role modules (navigation, widgets, render, downloads)."""
from __future__ import annotations

from cyberdiplomacy import filters as url_filters  # noqa: F401
from cyberdiplomacy.ui.downloads import (  # noqa: F401
    briefing_downloads,
    comparison_download,
    dataset_download,
    downloads,
    sourced_downloads,
    table_downloads,
)
from cyberdiplomacy.ui.navigation import (  # noqa: F401
    PAGES,
    explore_links,
    link,
    page,
    sections,
    sync_url,
    track_years,
    year_bounds,
    year_span,
)
from cyberdiplomacy.ui.render import PLOTLY_CONFIG, chart, empty, figure, footer, guard, show_table  # noqa: F401
from cyberdiplomacy.ui.widgets import adopt_selection, kept, seed, selected_points  # noqa: F401
