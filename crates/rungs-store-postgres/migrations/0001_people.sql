-- People, teams, placements, rollouts, sign-in and the audit log.
-- Instants are Unix seconds (BIGINT); dates are 'YYYY-MM-DD' text.

CREATE TABLE teams (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE people (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    job_title TEXT NOT NULL DEFAULT '',
    team_id BIGINT REFERENCES teams (id),
    manager_id BIGINT REFERENCES people (id),
    start_date TEXT,
    active BIGINT NOT NULL DEFAULT 1,
    role TEXT NOT NULL DEFAULT 'employee',
    password_hash TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX people_manager ON people (manager_id);
CREATE INDEX people_team ON people (team_id);

CREATE TABLE placements (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    track TEXT NOT NULL,
    level TEXT NOT NULL,
    from_date TEXT NOT NULL,
    until_date TEXT,
    reason TEXT NOT NULL,
    decided_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT '',
    revision TEXT NOT NULL,
    needs_review BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX placements_person ON placements (person_id, until_date);

CREATE TABLE rollouts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    revision TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    closed_at BIGINT
);

CREATE TABLE rollout_entries (
    rollout_id BIGINT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    suggested_track TEXT,
    suggested_level TEXT,
    suggestion_reason TEXT NOT NULL DEFAULT '',
    proposed_track TEXT,
    proposed_level TEXT,
    proposed_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    proposal_note TEXT NOT NULL DEFAULT '',
    confirmed_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    acknowledgement_note TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (rollout_id, person_id)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE api_tokens (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    scope TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE one_time_links (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    person_id BIGINT REFERENCES people (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE TABLE revisions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    revision TEXT NOT NULL,
    loaded_at BIGINT NOT NULL
);

CREATE TABLE audit (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_subject ON audit (subject);

-- The chain's head: every change locks this row first.
CREATE TABLE audit_head (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only.
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END;
$$;
CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
