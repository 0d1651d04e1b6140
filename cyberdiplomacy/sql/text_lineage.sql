-- Grain: one row per text with paragraphs on record: the record's texts it cites and those citing it.
SELECT resolution_symbol, track, adopted_date, previous_in_track, cites_previous_in_track, cited_record_symbols,
       cited_by_symbols
FROM text_lineage
