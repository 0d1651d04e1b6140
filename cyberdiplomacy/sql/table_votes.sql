-- Grain: the whole votes table of the data contract.
SELECT * FROM votes
