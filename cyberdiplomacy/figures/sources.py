"""Figures about the record itself (Data & sources)."""
from __future__ import annotations

from cyberdiplomacy import queries, views
from cyberdiplomacy.charts import quality
from cyberdiplomacy.figures.registry import Drawn, built_date, figure
from cyberdiplomacy.figures.source import Source
from cyberdiplomacy.filters import Filters


def data_quality(src: Source):
    return views.sources.data_quality({name: src.query(queries.table, name=name) for name in views.sources.BROWSABLE_TABLES})


@figure("data-confidence", "rows per table by confidence (confirmed, single-source, inferred)")
def data_confidence(src: Source, filters: Filters) -> Drawn:
    table = data_quality(src)
    return Drawn(quality.confidence_bars(table, built_date(src)), table)
