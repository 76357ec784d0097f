-- People HR marked "not on a ladder" (a chief executive, a programme
-- manager): a rollout suggests them nothing and counts them as done, not
-- as waiting. Reversible: unmarking deletes the row.
CREATE TABLE off_ladder (
    person_id BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    marked_at BIGINT NOT NULL
);

-- Who a cycle left out when it opened, and why (not placed, no next
-- level), so HR can read the names, not only the count.
CREATE TABLE cycle_left_out (
    cycle_id BIGINT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    PRIMARY KEY (cycle_id, person_id)
);

-- API tokens may have the scope `scim`: an identity provider's
-- provisioning, and nothing else.
ALTER TABLE api_tokens
    DROP CONSTRAINT api_tokens_scope,
    ADD CONSTRAINT api_tokens_scope CHECK (scope IN ('read', 'write', 'scim'));
