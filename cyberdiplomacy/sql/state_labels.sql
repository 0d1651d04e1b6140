-- Grain: one row per state code in the record: UN name, or the history's own name for former states.
SELECT iso3, name, un_regional_group, is_current FROM state_labels ORDER BY iso3
