-- Sign-ins through an OpenID Connect provider in progress: the PKCE
-- verifier and nonce, keyed by the hash of the state sent to the provider,
-- and the hash of a cookie set in the browser that started it (so a
-- callback carried to another browser is refused). In the database, so the
-- callback may reach another server process.
CREATE TABLE oidc_logins (
    state_hash TEXT PRIMARY KEY,
    browser_hash TEXT NOT NULL,
    verifier TEXT NOT NULL,
    nonce TEXT NOT NULL,
    next TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);

-- The provider's subject (issuer and `sub`) a person signed in with first:
-- later sign-ins must come from the same identity, whatever the email says.
ALTER TABLE people ADD COLUMN idp_subject TEXT;
CREATE UNIQUE INDEX people_idp_subject ON people (idp_subject);
