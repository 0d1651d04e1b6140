-- Grain: one row per resolution of a staged UNDL resolutions file. Titles and subjects in Unicode NFC, as the
-- curated tables and the UN's machine-readable resolutions are: the same text compares and matches the same.
SELECT trim(resolution) AS resolution_symbol,
       try_cast(left(trim(date), 10) AS DATE) AS adopted_date,
       nullif(trim(session), '') AS session,
       nullif(nfc_normalize(trim(title)), '') AS title,
       nullif(nfc_normalize(trim(agenda_title)), '') AS agenda_title,
       nullif(nfc_normalize(trim(subjects)), '') AS subjects,
       nullif(trim(draft), '') AS draft_symbol,
       nullif(trim(meeting), '') AS meeting_record,
       nullif(trim(vote_note), '') AS vote_note,
       try_cast(try_cast(nullif(trim(total_yes), '') AS DOUBLE) AS INTEGER) AS announced_yes_count,
       try_cast(try_cast(nullif(trim(total_no), '') AS DOUBLE) AS INTEGER) AS announced_no_count,
       try_cast(try_cast(nullif(trim(total_abstentions), '') AS DOUBLE) AS INTEGER) AS announced_abstain_count,
       CASE WHEN coalesce(trim(total_yes), '') = '' AND coalesce(trim(total_no), '') = '' THEN 'without_vote_or_unknown'
            ELSE 'recorded_vote' END AS adoption_mode,
       nullif(trim(undl_link), '') AS undl_link,
       $import_file AS import_file,
       CAST($imported_at AS TIMESTAMP) AS imported_at
FROM staged
