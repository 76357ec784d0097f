-- The home page asks, on every load, whether the open rollout holds a
-- level for the viewer to acknowledge. Entries are keyed by rollout, then
-- person; without an index that starts with the person, each load reads
-- every entry of the rollout (100,000 at a large organisation).
CREATE INDEX rollout_entries_person ON rollout_entries (person_id);
