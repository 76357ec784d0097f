-- Sign-ins through an OpenID Connect provider in progress: the PKCE
-- verifier and nonce, keyed by the hash of the state sent to the provider.
-- In the database, so the callback may reach another server process.
CREATE TABLE oidc_logins (
    state_hash TEXT PRIMARY KEY,
    verifier TEXT NOT NULL,
    nonce TEXT NOT NULL,
    next TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
