-- Grain: the whole states table of the data contract.
SELECT * FROM states
