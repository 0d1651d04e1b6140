-- Grain: the whole blocs table of the data contract.
SELECT * FROM blocs
