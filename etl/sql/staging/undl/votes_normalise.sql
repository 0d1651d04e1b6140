-- Grain: one row per state x resolution of a staged UNDL voting file (per-resolution details go elsewhere).
SELECT trim(resolution) AS resolution_symbol,
       upper(trim(ms_code)) AS iso3,
       CASE WHEN upper(trim(coalesce(ms_vote, ''))) IN ('', 'NV', 'X') THEN 'X'
            ELSE upper(trim(ms_vote)) END AS vote,
       try_cast(left(trim(date), 10) AS DATE) AS vote_date,
       $import_file AS import_file,
       -- Checked in the same pass as the write (see undl_votes_problem_count.sql); dropped on load.
       undl_bad_code(ms_code) OR undl_bad_vote(ms_vote) OR undl_bad_date(date) OR undl_missing(resolution)
           OR undl_bad_count(total_yes) OR undl_bad_count(total_no) OR undl_bad_count(total_abstentions)
           OR undl_unsafe_text(title) OR undl_unsafe_text(agenda_title) OR undl_unsafe_text(subjects)
           OR undl_unsafe_text(resolution) OR undl_unsafe_text(draft) OR undl_unsafe_text(meeting)
           OR undl_unsafe_text(committee_report) OR undl_unsafe_text(session) OR undl_unsafe_text(ms_name)
           OR undl_unsafe_text(undl_link) OR undl_unsafe_text(vote_note)
           AS row_problem
FROM staged
