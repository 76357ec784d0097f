-- Invitations, the mail outbox, and what people are notified of.

-- Who was invited to join, and when last; "not joined" itself is read from
-- the person (no password, no identity-provider link).
CREATE TABLE invitations (
    person_id BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    invited_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    first_at BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    times BIGINT NOT NULL DEFAULT 1
);

-- Mail waiting to go out, sent by a background task with retries. An
-- invitation's body (it holds a one-time link) is made when it is sent,
-- never stored; a notification's body names pages, never their content.
CREATE TABLE outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    person_id BIGINT REFERENCES people (id) ON DELETE CASCADE,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_at BIGINT NOT NULL,
    sent_at BIGINT,
    failed_at BIGINT,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox (next_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_person ON outbox (person_id);

-- How a person wants to hear of what waits for them: 'event' (one email
-- each), 'digest' (one a day, the default) or 'off'.
CREATE TABLE notification_settings (
    person_id BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    mode TEXT NOT NULL,
    last_digest_at BIGINT
);

-- The to-do items a person has been told of, so each is told once.
CREATE TABLE notified (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (person_id, item)
);
