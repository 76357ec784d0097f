-- The invariants the store relies on, held by the database too, so a bug
-- or a hand-made change cannot break them quietly. Data written by rungs
-- meets them all; a database that does not fails this migration, naming the
-- rule, and is left as it was (the migration is one transaction).
--
-- SQLite cannot add a CHECK constraint to an existing table, so the rules on
-- stored words and states are triggers that RAISE(ABORT, ...) on an INSERT
-- or UPDATE breaking them, named like PostgreSQL's constraints. Rebuilding
-- the tables instead would mean dropping tables that others reference,
-- which needs foreign keys off, which SQLite ignores inside a transaction:
-- the rebuild would run outside the migrator's transaction, and a failure
-- half-way would leave a half-rebuilt database. Triggers are added in one
-- transaction and touch no row. The rows already there are checked by
-- "touching" those that break a rule (an UPDATE that changes nothing but
-- fires the trigger): none, in a database rungs wrote.

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
CREATE TRIGGER people_check_insert BEFORE INSERT ON people BEGIN
    SELECT RAISE(ABORT, 'people_role: role must be employee, hr or admin')
    WHERE NEW.role NOT IN ('employee', 'hr', 'admin');
    SELECT RAISE(ABORT, 'people_active: active must be 0 or 1') WHERE NEW.active NOT IN (0, 1);
END;
CREATE TRIGGER people_check_update BEFORE UPDATE OF role, active ON people BEGIN
    SELECT RAISE(ABORT, 'people_role: role must be employee, hr or admin')
    WHERE NEW.role NOT IN ('employee', 'hr', 'admin');
    SELECT RAISE(ABORT, 'people_active: active must be 0 or 1') WHERE NEW.active NOT IN (0, 1);
END;
UPDATE people SET role = role
WHERE role NOT IN ('employee', 'hr', 'admin') OR active NOT IN (0, 1);

CREATE TRIGGER placements_check_insert BEFORE INSERT ON placements BEGIN
    SELECT RAISE(ABORT, 'placements_reason: reason must be hire, rollout, promotion or correction')
    WHERE NEW.reason NOT IN ('hire', 'rollout', 'promotion', 'correction');
    SELECT RAISE(ABORT, 'placements_needs_review: needs_review must be 0 or 1')
    WHERE NEW.needs_review NOT IN (0, 1);
    SELECT RAISE(ABORT, 'placements_dates: a placement cannot end before it starts')
    WHERE NEW.until_date IS NOT NULL AND NEW.until_date < NEW.from_date;
END;
CREATE TRIGGER placements_check_update
BEFORE UPDATE OF reason, needs_review, from_date, until_date ON placements BEGIN
    SELECT RAISE(ABORT, 'placements_reason: reason must be hire, rollout, promotion or correction')
    WHERE NEW.reason NOT IN ('hire', 'rollout', 'promotion', 'correction');
    SELECT RAISE(ABORT, 'placements_needs_review: needs_review must be 0 or 1')
    WHERE NEW.needs_review NOT IN (0, 1);
    SELECT RAISE(ABORT, 'placements_dates: a placement cannot end before it starts')
    WHERE NEW.until_date IS NOT NULL AND NEW.until_date < NEW.from_date;
END;
UPDATE placements SET reason = reason
WHERE reason NOT IN ('hire', 'rollout', 'promotion', 'correction') OR needs_review NOT IN (0, 1)
    OR (until_date IS NOT NULL AND until_date < from_date);

CREATE TRIGGER rollout_entries_check_insert BEFORE INSERT ON rollout_entries BEGIN
    SELECT RAISE(ABORT, 'rollout_entries_status: status must be suggested, proposed, confirmed or acknowledged')
    WHERE NEW.status NOT IN ('suggested', 'proposed', 'confirmed', 'acknowledged');
    SELECT RAISE(ABORT, 'rollout_entries_proposed: a level past suggested has a proposed track and level')
    WHERE NEW.status <> 'suggested' AND (NEW.proposed_track IS NULL OR NEW.proposed_level IS NULL);
END;
CREATE TRIGGER rollout_entries_check_update
BEFORE UPDATE OF status, proposed_track, proposed_level ON rollout_entries BEGIN
    SELECT RAISE(ABORT, 'rollout_entries_status: status must be suggested, proposed, confirmed or acknowledged')
    WHERE NEW.status NOT IN ('suggested', 'proposed', 'confirmed', 'acknowledged');
    SELECT RAISE(ABORT, 'rollout_entries_proposed: a level past suggested has a proposed track and level')
    WHERE NEW.status <> 'suggested' AND (NEW.proposed_track IS NULL OR NEW.proposed_level IS NULL);
END;
UPDATE rollout_entries SET status = status
WHERE status NOT IN ('suggested', 'proposed', 'confirmed', 'acknowledged')
    OR (status <> 'suggested' AND (proposed_track IS NULL OR proposed_level IS NULL));

CREATE TRIGGER api_tokens_check_insert BEFORE INSERT ON api_tokens BEGIN
    SELECT RAISE(ABORT, 'api_tokens_scope: scope must be read or write')
    WHERE NEW.scope NOT IN ('read', 'write');
END;
CREATE TRIGGER api_tokens_check_update BEFORE UPDATE OF scope ON api_tokens BEGIN
    SELECT RAISE(ABORT, 'api_tokens_scope: scope must be read or write')
    WHERE NEW.scope NOT IN ('read', 'write');
END;
UPDATE api_tokens SET scope = scope WHERE scope NOT IN ('read', 'write');

CREATE TRIGGER one_time_links_check_insert BEFORE INSERT ON one_time_links BEGIN
    SELECT RAISE(ABORT, 'one_time_links_purpose: purpose must be setup or reset')
    WHERE NEW.purpose NOT IN ('setup', 'reset');
END;
CREATE TRIGGER one_time_links_check_update BEFORE UPDATE OF purpose ON one_time_links BEGIN
    SELECT RAISE(ABORT, 'one_time_links_purpose: purpose must be setup or reset')
    WHERE NEW.purpose NOT IN ('setup', 'reset');
END;
UPDATE one_time_links SET purpose = purpose WHERE purpose NOT IN ('setup', 'reset');

CREATE TRIGGER ratings_check_insert BEFORE INSERT ON ratings BEGIN
    SELECT RAISE(ABORT, 'ratings_side: side must be self or manager')
    WHERE NEW.side NOT IN ('self', 'manager');
    SELECT RAISE(ABORT, 'ratings_link: link must be current, reworded, moved, review or archived')
    WHERE NEW.link NOT IN ('current', 'reworded', 'moved', 'review', 'archived');
END;
CREATE TRIGGER ratings_check_update BEFORE UPDATE OF side, link ON ratings BEGIN
    SELECT RAISE(ABORT, 'ratings_side: side must be self or manager')
    WHERE NEW.side NOT IN ('self', 'manager');
    SELECT RAISE(ABORT, 'ratings_link: link must be current, reworded, moved, review or archived')
    WHERE NEW.link NOT IN ('current', 'reworded', 'moved', 'review', 'archived');
END;
UPDATE ratings SET side = side
WHERE side NOT IN ('self', 'manager')
    OR link NOT IN ('current', 'reworded', 'moved', 'review', 'archived');

CREATE TRIGGER goals_check_insert BEFORE INSERT ON goals BEGIN
    SELECT RAISE(ABORT, 'goals_status: status must be open, done or dropped')
    WHERE NEW.status NOT IN ('open', 'done', 'dropped');
END;
CREATE TRIGGER goals_check_update BEFORE UPDATE OF status ON goals BEGIN
    SELECT RAISE(ABORT, 'goals_status: status must be open, done or dropped')
    WHERE NEW.status NOT IN ('open', 'done', 'dropped');
END;
UPDATE goals SET status = status WHERE status NOT IN ('open', 'done', 'dropped');

CREATE TRIGGER cycles_check_insert BEFORE INSERT ON cycles BEGIN
    SELECT RAISE(ABORT, 'cycles_target: target must be own or next')
    WHERE NEW.target NOT IN ('own', 'next');
END;
CREATE TRIGGER cycles_check_update BEFORE UPDATE OF target ON cycles BEGIN
    SELECT RAISE(ABORT, 'cycles_target: target must be own or next')
    WHERE NEW.target NOT IN ('own', 'next');
END;
UPDATE cycles SET target = target WHERE target NOT IN ('own', 'next');

-- An assessment's life: shared only once both sides submitted, acknowledged
-- only once shared.
CREATE TRIGGER assessments_check_insert BEFORE INSERT ON assessments BEGIN
    SELECT RAISE(ABORT, 'assessments_shared: an assessment is shared once both sides submitted')
    WHERE NEW.shared_at IS NOT NULL
        AND (NEW.self_submitted_at IS NULL OR NEW.manager_submitted_at IS NULL);
    SELECT RAISE(ABORT, 'assessments_acknowledged: an assessment is acknowledged once shared')
    WHERE NEW.acknowledged_at IS NOT NULL AND NEW.shared_at IS NULL;
END;
CREATE TRIGGER assessments_check_update
BEFORE UPDATE OF self_submitted_at, manager_submitted_at, shared_at, acknowledged_at ON assessments
BEGIN
    SELECT RAISE(ABORT, 'assessments_shared: an assessment is shared once both sides submitted')
    WHERE NEW.shared_at IS NOT NULL
        AND (NEW.self_submitted_at IS NULL OR NEW.manager_submitted_at IS NULL);
    SELECT RAISE(ABORT, 'assessments_acknowledged: an assessment is acknowledged once shared')
    WHERE NEW.acknowledged_at IS NOT NULL AND NEW.shared_at IS NULL;
END;
UPDATE assessments SET shared_at = shared_at
WHERE (shared_at IS NOT NULL AND (self_submitted_at IS NULL OR manager_submitted_at IS NULL))
    OR (acknowledged_at IS NOT NULL AND shared_at IS NULL);
