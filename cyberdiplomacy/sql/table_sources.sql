-- Grain: the whole sources table of the data contract.
SELECT * FROM sources
