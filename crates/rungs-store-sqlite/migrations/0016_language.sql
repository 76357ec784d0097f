-- The language a person chose for the app (a code such as `de` or `ja`).
-- Blank until they choose: the app then speaks the organisation's language.
ALTER TABLE people ADD COLUMN language TEXT;
