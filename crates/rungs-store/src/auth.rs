//! Sign-in state: sessions, API tokens, one-time links. Only hashes of the
//! secrets are stored.

use crate::model::{ApiToken, LinkPurpose, Person, Session, TokenScope};
use crate::people::PersonRow;
use crate::{Result, Store, StoreError, Write, hash_secret, now, secret};

/// A session and its person, in one row of [`Store::session`].
#[derive(sqlx::FromRow)]
struct SessionRow {
    #[sqlx(flatten)]
    person: PersonRow,
    csrf: String,
    expires_at: i64,
    manages: i64,
}

const TOKEN_COLUMNS: &str = "id, person_id, name, scope, created_at, revoked_at";

impl Store {
    /// The password hash of the person with this email, if they have one and
    /// are active.
    pub async fn password_hash(&self, email: &str) -> Result<Option<(i64, String)>> {
        Ok(sqlx::query_as(
            "SELECT id, password_hash FROM people WHERE email = $1 AND active = 1 AND password_hash IS NOT NULL",
        )
        .bind(email.trim().to_lowercase())
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The session behind a cookie's secret, if it is live and its person active.
    pub async fn session(&self, secret: &str) -> Result<Option<(Session, Person)>> {
        // One query per request: the session and its person together.
        let sql = crate::people::PERSON_SELECT
            .replacen(
                "SELECT ",
                "SELECT s.csrf, s.expires_at,
                    CASE WHEN EXISTS (SELECT 1 FROM people r WHERE r.manager_id = p.id)
                        THEN 1 ELSE 0 END AS manages, ",
                1,
            )
            .replacen(
                "FROM people p",
                "FROM sessions s JOIN people p ON p.id = s.person_id",
                1,
            );
        let row: Option<SessionRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{sql} WHERE s.token_hash = $1 AND s.expires_at > $2 AND p.active = 1"
        )))
        .bind(hash_secret(secret))
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| {
            let person = Person::from(r.person);
            let session = Session {
                person_id: person.id,
                csrf: r.csrf,
                expires_at: r.expires_at,
                manages: r.manages != 0,
            };
            (session, person)
        }))
    }

    /// Starts a session for `person`: returns the cookie's secret. Not
    /// audited as a change (signing in changes no data); the server logs it.
    pub async fn create_session(
        &self,
        person: i64,
        lifetime_secs: i64,
    ) -> Result<(String, Session)> {
        let token = secret()?;
        let csrf = secret()?;
        let at = now();
        // Expired sessions go as new ones come, so the table stays small.
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(at)
            .execute(&self.pool)
            .await?;
        sqlx::query("INSERT INTO sessions (token_hash, person_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(hash_secret(&token))
            .bind(person)
            .bind(&csrf)
            .bind(at)
            .bind(at + lifetime_secs)
            .execute(&self.pool)
            .await?;
        Ok((
            token,
            Session {
                person_id: person,
                csrf,
                expires_at: at + lifetime_secs,
                manages: false,
            },
        ))
    }

    /// Ends a session.
    pub async fn end_session(&self, secret: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(hash_secret(secret))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The live token behind a bearer secret, with its owner (active).
    pub async fn api_token(&self, secret: &str) -> Result<Option<(ApiToken, Person)>> {
        let token: Option<ApiToken> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL"
        )))
        .bind(hash_secret(secret))
        .fetch_optional(&self.pool)
        .await?;
        let Some(token) = token else { return Ok(None) };
        match self.person(token.person_id).await? {
            Some(p) if p.active => Ok(Some((token, p))),
            _ => Ok(None),
        }
    }

    /// A person's tokens, newest first.
    pub async fn api_tokens(&self, person: i64) -> Result<Vec<ApiToken>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE person_id = $1 ORDER BY id DESC"
        )))
        .bind(person)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The person a one-time link is for, if it is live (not used, not expired).
    pub async fn one_time_link(
        &self,
        secret: &str,
        purpose: LinkPurpose,
    ) -> Result<Option<Option<i64>>> {
        Ok(sqlx::query_scalar(
            "SELECT person_id FROM one_time_links WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        )
        .bind(hash_secret(secret))
        .bind(purpose.as_str())
        .bind(now())
        .fetch_optional(&self.pool)
        .await?)
    }
}

/// A sign-in through an identity provider, between the redirect to the
/// provider and its callback.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PendingLogin {
    /// The PKCE code verifier.
    pub verifier: String,
    /// The nonce the ID token must carry.
    pub nonce: String,
    /// Where to go after signing in.
    pub next: String,
}

impl Store {
    /// Remembers a sign-in sent to the identity provider under `state`,
    /// for the browser holding the cookie secret `browser` (both stored
    /// hashed), for `lifetime_secs`. Anyone may start a sign-in, so at most
    /// `at_most` are kept: the oldest are forgotten to make room.
    pub async fn put_pending_login(
        &self,
        state: &str,
        browser: &str,
        login: &PendingLogin,
        lifetime_secs: i64,
        at_most: i64,
    ) -> Result<()> {
        let at = now();
        sqlx::query("DELETE FROM oidc_logins WHERE expires_at <= $1")
            .bind(at)
            .execute(&self.pool)
            .await?;
        let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM oidc_logins")
            .fetch_one(&self.pool)
            .await?;
        let over = pending - at_most.max(1) + 1;
        if over > 0 {
            sqlx::query(
                "DELETE FROM oidc_logins WHERE state_hash IN
                    (SELECT state_hash FROM oidc_logins ORDER BY expires_at, state_hash LIMIT $1)",
            )
            .bind(over)
            .execute(&self.pool)
            .await?;
        }
        sqlx::query(
            "INSERT INTO oidc_logins (state_hash, browser_hash, verifier, nonce, next, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(hash_secret(state))
        .bind(hash_secret(browser))
        .bind(&login.verifier)
        .bind(&login.nonce)
        .bind(&login.next)
        .bind(at + lifetime_secs)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Takes (once) the sign-in sent under `state`, if it has not expired
    /// and the same browser (`browser`, its cookie secret) comes back.
    pub async fn take_pending_login(
        &self,
        state: &str,
        browser: &str,
    ) -> Result<Option<PendingLogin>> {
        let row: Option<PendingRow> = sqlx::query_as(
            "DELETE FROM oidc_logins WHERE state_hash = $1 AND expires_at > $2
             RETURNING verifier, nonce, next, browser_hash",
        )
        .bind(hash_secret(state))
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row
            .filter(|r| r.browser_hash == hash_secret(browser))
            .map(|r| r.login))
    }

    /// The identity-provider subject a person is linked to, if any.
    pub async fn idp_subject(&self, person: i64) -> Result<Option<String>> {
        let subject: Option<Option<String>> =
            sqlx::query_scalar("SELECT idp_subject FROM people WHERE id = $1")
                .bind(person)
                .fetch_optional(&self.pool)
                .await?;
        Ok(subject.flatten())
    }
}

impl Write {
    /// Removes a person's link to a provider identity, so their next
    /// sign-in through the provider links afresh (after the provider
    /// account changed, or was linked by mistake).
    pub async fn unlink_idp_subject(&mut self, person: i64) -> Result<()> {
        let before: Option<String> =
            sqlx::query_scalar("SELECT idp_subject FROM people WHERE id = $1")
                .bind(person)
                .fetch_optional(self.conn())
                .await?
                .ok_or_else(|| StoreError::NotFound(format!("person {person}")))?;
        if before.is_none() {
            return Err(StoreError::Conflict(
                "this person is not linked to an identity".into(),
            ));
        }
        sqlx::query("UPDATE people SET idp_subject = NULL WHERE id = $1")
            .bind(person)
            .execute(self.conn())
            .await?;
        self.audit(
            "person.unlink_identity",
            &format!("person:{person}"),
            crate::store::json(&before),
            None,
        )
        .await
    }

    /// Links a person to the identity-provider subject they signed in
    /// with; fails if another person has it.
    pub async fn link_idp_subject(&mut self, person: i64, subject: &str) -> Result<()> {
        let done =
            sqlx::query("UPDATE people SET idp_subject = $1 WHERE id = $2 AND idp_subject IS NULL")
                .bind(subject)
                .bind(person)
                .execute(self.conn())
                .await;
        match done {
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                return Err(StoreError::Conflict(
                    "this sign-in belongs to another person".into(),
                ));
            }
            Err(e) => return Err(e.into()),
            // Someone linked them first (two sign-ins at once).
            Ok(d) if d.rows_affected() == 0 => {
                return Err(StoreError::Conflict(
                    "this person is already linked to an identity".into(),
                ));
            }
            Ok(_) => {}
        }
        self.audit(
            "person.link_identity",
            &format!("person:{person}"),
            None,
            crate::store::json(&subject),
        )
        .await
    }
}

/// A pending sign-in and the browser it belongs to.
#[derive(sqlx::FromRow)]
struct PendingRow {
    #[sqlx(flatten)]
    login: PendingLogin,
    browser_hash: String,
}

impl Write {
    /// Makes a one-time link for `purpose` (a setup link has no person):
    /// returns its secret. Earlier live links of the same purpose and person
    /// stop working.
    pub async fn create_link(
        &mut self,
        purpose: LinkPurpose,
        person: Option<i64>,
        lifetime_secs: i64,
    ) -> Result<String> {
        let token = secret()?;
        let at = self.at;
        sqlx::query(
            "UPDATE one_time_links SET used_at = $1 WHERE purpose = $2 AND used_at IS NULL
             AND (person_id = $3 OR (person_id IS NULL AND $4 = 1))",
        )
        .bind(at)
        .bind(purpose.as_str())
        .bind(person)
        .bind(i64::from(person.is_none()))
        .execute(self.conn())
        .await?;
        sqlx::query("INSERT INTO one_time_links (token_hash, purpose, person_id, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(hash_secret(&token))
            .bind(purpose.as_str())
            .bind(person)
            .bind(at + lifetime_secs)
            .execute(self.conn())
            .await?;
        let subject = person.map_or_else(|| "setup".to_string(), |p| format!("person:{p}"));
        self.audit(&format!("link.{}", purpose.as_str()), &subject, None, None)
            .await?;
        Ok(token)
    }

    /// Uses a one-time link: true if it was live (and now is not).
    pub async fn use_link(&mut self, secret: &str, purpose: LinkPurpose) -> Result<bool> {
        let at = self.at;
        let done = sqlx::query(
            "UPDATE one_time_links SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1",
        )
        .bind(at)
        .bind(hash_secret(secret))
        .bind(purpose.as_str())
        .execute(self.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Creates an API token for `person`: returns the listing and the secret
    /// (shown once).
    pub async fn create_token(
        &mut self,
        person: i64,
        name: &str,
        scope: TokenScope,
    ) -> Result<(ApiToken, String)> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(StoreError::Invalid(
                "a token needs a name of at most 100 characters".into(),
            ));
        }
        let token = format!("rungs_{}", secret()?);
        let at = self.at;
        let listing: ApiToken = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "INSERT INTO api_tokens (person_id, name, token_hash, scope, created_at) VALUES ($1, $2, $3, $4, $5)
             RETURNING {TOKEN_COLUMNS}"
        )))
        .bind(person)
        .bind(name)
        .bind(hash_secret(&token))
        .bind(scope.as_str())
        .bind(at)
        .fetch_one(self.conn())
        .await?;
        self.audit(
            "token.create",
            &format!("person:{person}"),
            None,
            crate::store::json(&listing),
        )
        .await?;
        Ok((listing, token))
    }

    /// Revokes one of `person`'s tokens.
    pub async fn revoke_token(&mut self, person: i64, token: i64) -> Result<()> {
        let at = self.at;
        let done = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND person_id = $3 AND revoked_at IS NULL")
            .bind(at)
            .bind(token)
            .bind(person)
            .execute(self.conn())
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("token {token}")));
        }
        self.audit(
            "token.revoke",
            &format!("person:{person}"),
            None,
            crate::store::json(&token),
        )
        .await
    }

    /// Makes `person` an administrator with this password hash (first start).
    pub async fn create_first_admin(
        &mut self,
        email: &str,
        name: &str,
        password_hash: &str,
    ) -> Result<Person> {
        let person = self
            .create_person(crate::people::PersonFields {
                email: email.into(),
                name: name.into(),
                role: crate::model::Role::Admin,
                active: true,
                ..Default::default()
            })
            .await?;
        self.set_password_hash(person.id, Some(password_hash))
            .await?;
        self.person(person.id).await
    }
}
