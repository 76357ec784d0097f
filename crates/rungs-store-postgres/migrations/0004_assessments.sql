-- Assessments, ratings, growth goals, 1-on-1 notes, assessment cycles, and
-- the statements of each framework revision (so ratings made against an
-- old revision can be relinked to a new one, even after a restart).

CREATE TABLE framework_snapshots (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    revision TEXT NOT NULL UNIQUE,
    framework_json TEXT NOT NULL,
    stored_at BIGINT NOT NULL
);

CREATE TABLE cycles (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    target TEXT NOT NULL,
    manager_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    self_due TEXT,
    manager_due TEXT,
    opened_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    opened_at BIGINT NOT NULL,
    closed_at BIGINT
);

CREATE TABLE assessments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    manager_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    track TEXT NOT NULL,
    level TEXT NOT NULL,
    cycle_id BIGINT REFERENCES cycles (id) ON DELETE SET NULL,
    revision TEXT NOT NULL,
    snapshot_id BIGINT NOT NULL REFERENCES framework_snapshots (id),
    self_submitted_at BIGINT,
    manager_submitted_at BIGINT,
    shared_at BIGINT,
    acknowledged_at BIGINT,
    acknowledgement_note TEXT NOT NULL DEFAULT '',
    supersedes BIGINT REFERENCES assessments (id) ON DELETE SET NULL,
    change_reason TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    created_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX assessments_person ON assessments (person_id, id);
CREATE INDEX assessments_cycle ON assessments (cycle_id);
CREATE INDEX assessments_supersedes ON assessments (supersedes);

CREATE TABLE ratings (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assessment_id BIGINT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    side TEXT NOT NULL,
    track TEXT NOT NULL,
    level TEXT NOT NULL,
    statement_id TEXT NOT NULL,
    rating BIGINT,
    comment TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    rated_text TEXT NOT NULL,
    link TEXT NOT NULL DEFAULT 'current'
);
-- A rating's revision is its assessment's (`snapshot_id`): a relink
-- rewrites only the ratings of statements that changed.
CREATE INDEX ratings_assessment ON ratings (assessment_id, side);
CREATE INDEX ratings_statement ON ratings (track, level, statement_id);

CREATE TABLE goals (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    track TEXT NOT NULL,
    level TEXT NOT NULL,
    statement_id TEXT NOT NULL,
    statement_text TEXT NOT NULL,
    goal TEXT NOT NULL,
    actions TEXT NOT NULL DEFAULT '',
    target_date TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    created_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX goals_person ON goals (person_id);

CREATE TABLE notes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    -- The person's manager when it was written: a later manager does not
    -- read the notes of the one before.
    manager_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    goal_id BIGINT REFERENCES goals (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX notes_person ON notes (person_id, id);
