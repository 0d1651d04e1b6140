-- Grain: the whole meetings table of the data contract.
SELECT * FROM meetings
