-- Grain: the whole resolutions table of the data contract.
SELECT * FROM resolutions
