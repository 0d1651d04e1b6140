-- Grain: the whole sponsorships table of the data contract.
SELECT * FROM sponsorships
