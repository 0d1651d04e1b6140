-- Grain: the whole state_code_variants table of the data contract.
SELECT * FROM state_code_variants
