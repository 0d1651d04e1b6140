-- Grain: the whole datasets table of the data contract.
SELECT * FROM datasets
