-- A person's title at their previous company, from the roster: with that
-- company's ladder configured, a rollout suggests the level it maps to.
ALTER TABLE people ADD COLUMN previous_title TEXT;
