-- Grain: the whole treaty_actions table of the data contract.
SELECT * FROM treaty_actions
