"""Named figures for pages, the CLI and briefing packs (see registry). Importing this package registers them all."""
import importlib

from cyberdiplomacy.figures.registry import (  # noqa: F401 - the package's interface
    FIGURES,
    Drawn,
    FigureUnavailable,
    NamedFigure,
    Unavailable,
    built_date,
    imported_on,
    track_years,
)
from cyberdiplomacy.figures.source import Direct, Query, Source, q  # noqa: F401

# Registered in the order of the pages, so the CLI lists them as a reader meets them; each import sets
# figures.<module> (figures.history.vote_map, ...).
for _module in ("history", "sponsors", "meetings", "states", "sources", "alignment", "texts", "vote_data"):
    importlib.import_module(f"cyberdiplomacy.figures.{_module}")


def build(name: str, src: Source, filters, **choices) -> Drawn:
    """A figure by its name (the CLI's --figure); raises FigureUnavailable for an unknown name or selection."""
    if name not in FIGURES:
        raise FigureUnavailable(f"unknown figure {name!r}; choose one of: {', '.join(FIGURES)}")
    return FIGURES[name](src, filters, **choices)
