-- The invariants the store relies on, held by the database too, so a bug
-- or a hand-made change cannot break them quietly. Constraints are checked
-- against the rows already there: data written by rungs meets them all; a
-- database that does not fails this migration, naming the rule, and is left
-- as it was.

-- At most one open placement per person (a person's level is the open one).
CREATE UNIQUE INDEX placements_one_open ON placements (person_id) WHERE until_date IS NULL;
-- At most one open rollout.
CREATE UNIQUE INDEX rollouts_one_open ON rollouts ((closed_at IS NULL)) WHERE closed_at IS NULL;
-- A locked assessment is revised at most once (later revisions revise the
-- newest version).
DROP INDEX assessments_supersedes;
CREATE UNIQUE INDEX assessments_supersedes ON assessments (supersedes) WHERE supersedes IS NOT NULL;
-- At most one live one-time link per purpose and person (a new one retires
-- the one before; the setup link has no person).
CREATE UNIQUE INDEX one_time_links_one_live ON one_time_links (purpose, COALESCE(person_id, 0))
WHERE used_at IS NULL;

-- Words stored for enums, and flags.
ALTER TABLE people
    ADD CONSTRAINT people_role CHECK (role IN ('employee', 'hr', 'admin')),
    ADD CONSTRAINT people_active CHECK (active IN (0, 1));
ALTER TABLE placements
    ADD CONSTRAINT placements_reason CHECK (reason IN ('hire', 'rollout', 'promotion', 'correction')),
    ADD CONSTRAINT placements_needs_review CHECK (needs_review IN (0, 1)),
    ADD CONSTRAINT placements_dates CHECK (until_date IS NULL OR until_date >= from_date);
ALTER TABLE rollout_entries
    ADD CONSTRAINT rollout_entries_status CHECK (status IN ('suggested', 'proposed', 'confirmed', 'acknowledged')),
    ADD CONSTRAINT rollout_entries_proposed CHECK (
        status = 'suggested' OR (proposed_track IS NOT NULL AND proposed_level IS NOT NULL));
ALTER TABLE api_tokens
    ADD CONSTRAINT api_tokens_scope CHECK (scope IN ('read', 'write'));
ALTER TABLE one_time_links
    ADD CONSTRAINT one_time_links_purpose CHECK (purpose IN ('setup', 'reset'));
ALTER TABLE ratings
    ADD CONSTRAINT ratings_side CHECK (side IN ('self', 'manager')),
    ADD CONSTRAINT ratings_link CHECK (link IN ('current', 'reworded', 'moved', 'review', 'archived'));
ALTER TABLE goals
    ADD CONSTRAINT goals_status CHECK (status IN ('open', 'done', 'dropped'));
ALTER TABLE cycles
    ADD CONSTRAINT cycles_target CHECK (target IN ('own', 'next'));
-- An assessment's life: shared only once both sides submitted, acknowledged
-- only once shared.
ALTER TABLE assessments
    ADD CONSTRAINT assessments_shared CHECK (
        shared_at IS NULL OR (self_submitted_at IS NOT NULL AND manager_submitted_at IS NOT NULL)),
    ADD CONSTRAINT assessments_acknowledged CHECK (acknowledged_at IS NULL OR shared_at IS NOT NULL);
