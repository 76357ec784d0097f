-- Promotions: cases for a person to a target level, peer feedback on them,
-- calibration sessions with their committees, comments and votes, and
-- every step of a case (its decision history).

CREATE TABLE calibration_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    -- What the session covers, in words ("Spring, Platform, L3-L5").
    scope TEXT NOT NULL DEFAULT '',
    chair_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    opened_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    opened_at BIGINT NOT NULL,
    closed_at BIGINT
);

CREATE TABLE calibration_members (
    session_id BIGINT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, person_id)
);
CREATE INDEX calibration_members_person ON calibration_members (person_id);

CREATE TABLE promotion_cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    -- The person's manager when the case was opened.
    manager_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    from_track TEXT,
    from_level TEXT,
    track TEXT NOT NULL,
    level TEXT NOT NULL,
    -- The shared assessment against the target level; its ratings follow
    -- ladder edits (relink), the case keeps the revision it was opened on.
    assessment_id BIGINT REFERENCES assessments (id) ON DELETE SET NULL,
    revision TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'draft',
    narrative TEXT NOT NULL DEFAULT '',
    recommendation TEXT NOT NULL DEFAULT '',
    session_id BIGINT REFERENCES calibration_sessions (id) ON DELETE SET NULL,
    outcome TEXT,
    reasons TEXT NOT NULL DEFAULT '',
    work_on TEXT NOT NULL DEFAULT '',
    effective_date TEXT,
    placement_id BIGINT REFERENCES placements (id) ON DELETE SET NULL,
    decided_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    decided_at BIGINT,
    communicated_at BIGINT,
    opened_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX promotion_cases_person ON promotion_cases (person_id, id);
CREATE INDEX promotion_cases_session ON promotion_cases (session_id);

-- Evidence links, each about one statement of the target level.
CREATE TABLE promotion_evidence (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES promotion_cases (id) ON DELETE CASCADE,
    statement_id TEXT NOT NULL,
    url TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    added_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    added_at BIGINT NOT NULL
);
CREATE INDEX promotion_evidence_case ON promotion_evidence (case_id);

CREATE TABLE feedback_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES promotion_cases (id) ON DELETE CASCADE,
    peer_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    -- What the peer is asked about: statement ids or area ids, one a line.
    about TEXT NOT NULL DEFAULT '',
    due_date TEXT NOT NULL,
    requested_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    requested_at BIGINT NOT NULL,
    rating BIGINT,
    words TEXT NOT NULL DEFAULT '',
    answered_at BIGINT
);
CREATE INDEX feedback_requests_case ON feedback_requests (case_id);
CREATE INDEX feedback_requests_peer ON feedback_requests (peer_id);

-- Reviewers' comments and votes: the committee's, never shown to the person.
CREATE TABLE promotion_comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES promotion_cases (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    body TEXT NOT NULL DEFAULT '',
    vote TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX promotion_comments_case ON promotion_comments (case_id);

-- Every step of a case, oldest first: its history.
CREATE TABLE promotion_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES promotion_cases (id) ON DELETE CASCADE,
    actor_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    step TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    at BIGINT NOT NULL
);
CREATE INDEX promotion_events_case ON promotion_events (case_id);
