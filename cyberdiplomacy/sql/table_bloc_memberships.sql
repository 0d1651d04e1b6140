-- Grain: the whole bloc_memberships table of the data contract.
SELECT * FROM bloc_memberships
