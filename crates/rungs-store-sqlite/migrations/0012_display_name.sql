-- The name someone goes by ("Ben"), beside their legal name ("Benjamin
-- Carter"), and their number in the HR system, by which a roster may name
-- their manager. Both come from the roster; blank when it says nothing.
ALTER TABLE people ADD COLUMN display_name TEXT;
ALTER TABLE people ADD COLUMN employee_number TEXT;
