-- Grain: one row per resolution of a staged UNDL voting file: its title, documents and announced totals. Titles
-- and subjects in Unicode NFC, as the curated tables and the UN's machine-readable resolutions are.
SELECT trim(resolution) AS resolution_symbol,
       min(try_cast(left(trim(date), 10) AS DATE)) AS vote_date,
       any_value(nullif(trim(session), '')) AS session,
       any_value(nullif(nfc_normalize(trim(title)), '')) AS title,
       any_value(nullif(nfc_normalize(trim(agenda_title)), '')) AS agenda_title,
       any_value(nullif(nfc_normalize(trim(subjects)), '')) AS subjects,
       any_value(nullif(trim(draft), '')) AS draft_symbol,
       any_value(nullif(trim(meeting), '')) AS meeting_record,
       any_value(try_cast(try_cast(nullif(trim(total_yes), '') AS DOUBLE) AS INTEGER)) AS announced_yes_count,
       any_value(try_cast(try_cast(nullif(trim(total_no), '') AS DOUBLE) AS INTEGER)) AS announced_no_count,
       any_value(try_cast(try_cast(nullif(trim(total_abstentions), '') AS DOUBLE) AS INTEGER)) AS announced_abstain_count,
       count(*) AS state_row_count,
       any_value(nullif(trim(undl_link), '')) AS undl_link,
       $import_file AS import_file,
       CAST($imported_at AS TIMESTAMP) AS imported_at
FROM staged
GROUP BY trim(resolution)
