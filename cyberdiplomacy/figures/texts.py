"""Figures of the Texts page: how often a term appears in the record's texts."""
from __future__ import annotations

from cyberdiplomacy import provenance, queries, views
from cyberdiplomacy.charts import texts
from cyberdiplomacy.figures.registry import Drawn, FigureUnavailable, built_date, figure
from cyberdiplomacy.figures.source import Source
from cyberdiplomacy.filters import Filters

SOURCES = [provenance.UNXML_SOURCE, "A/C.3/73/L.9/Rev.1"]  # the 2018 draft's words are from its public document


@figure("term-frequency", "paragraphs of the record's texts using a term, per year and track (--search, --track)")
def term_frequency(src: Source, filters: Filters) -> Drawn:
    if not filters.search.strip():
        raise FigureUnavailable("type a word or phrase to search the texts for")
    hits = src.query(queries.text_search, term=filters.search.strip(), tracks=filters.tracks)
    counts = views.texts.term_counts(hits)
    return Drawn(texts.term_bars(counts, filters.search.strip(), built_date(src), SOURCES), counts)
