//! Invitations, the mail outbox and notification settings.
//!
//! Mail is queued in the `outbox` table inside the change that causes it,
//! and sent later by the server's background task: an invitation to 10,000
//! people is one short transaction. Delivery bookkeeping (a lease while a
//! message is being sent, the attempt count, when it went) is not a change
//! to people's data and is written outside [`Write`], as sessions are; each
//! attempt itself is audited (`email.send`) in the change that prepares it.

use serde::Serialize;
use utoipa::ToSchema;

use crate::{Result, Store, StoreError, Write, now};

/// What a queued message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum MailKind {
    /// An invitation to join, with a one-time link made when it is sent.
    Invite,
    /// One thing waiting for the person.
    Notice,
    /// Everything waiting for the person, once a day.
    Digest,
}

impl MailKind {
    const ALL: [MailKind; 3] = [MailKind::Invite, MailKind::Notice, MailKind::Digest];

    /// The word stored.
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Invite => "invite",
            MailKind::Notice => "notice",
            MailKind::Digest => "digest",
        }
    }

    /// The kind stored as `word`.
    pub fn parse(word: &str) -> Option<MailKind> {
        MailKind::ALL.into_iter().find(|k| k.as_str() == word)
    }
}

/// How a person wants to hear of what waits for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum NotifyMode {
    /// An email for each new thing.
    Event,
    /// One email a day listing everything (the default).
    #[default]
    Digest,
    /// No email; the list on the home page only.
    Off,
}

impl NotifyMode {
    /// Every mode, for forms.
    pub const ALL: [NotifyMode; 3] = [NotifyMode::Event, NotifyMode::Digest, NotifyMode::Off];

    /// The word stored.
    pub fn as_str(self) -> &'static str {
        match self {
            NotifyMode::Event => "event",
            NotifyMode::Digest => "digest",
            NotifyMode::Off => "off",
        }
    }

    /// The mode named `word`.
    pub fn parse(word: &str) -> Option<NotifyMode> {
        NotifyMode::ALL
            .into_iter()
            .find(|m| m.as_str() == word.trim())
    }
}

/// A message for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    /// What it is.
    pub kind: MailKind,
    /// Whom it is for.
    pub person_id: i64,
    /// Their address.
    pub recipient: String,
    /// The subject line.
    pub subject: String,
    /// The text (empty for an invitation: made when sent).
    pub body: String,
}

/// A message waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct QueuedMail {
    /// Its id in the outbox.
    pub id: i64,
    /// What it is (`MailKind` word).
    pub kind: String,
    /// Whom it is for.
    pub person_id: Option<i64>,
    /// Their address.
    pub recipient: String,
    /// The subject line.
    pub subject: String,
    /// The text (empty for an invitation).
    pub body: String,
    /// Attempts so far.
    pub attempts: i64,
}

/// How far the outbox has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, ToSchema, sqlx::FromRow)]
pub struct OutboxCounts {
    /// Waiting to be sent (or to be tried again).
    pub queued: i64,
    /// Sent.
    pub sent: i64,
    /// Given up on after every retry.
    pub failed: i64,
}

/// An active person who has not joined: no password and no identity at
/// the sign-in provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema, sqlx::FromRow)]
pub struct NotJoined {
    /// Their id.
    pub id: i64,
    /// Their name.
    pub name: String,
    /// Their work email.
    pub email: String,
    /// Their team, if any.
    pub team: Option<String>,
    /// Their role word (`employee`, `hr`, `admin`).
    pub role: String,
    /// When they were last invited (Unix seconds), if ever.
    pub invited_at: Option<i64>,
    /// How many times they were invited.
    pub times: i64,
}

/// Someone to invite: id and address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitee {
    /// Their id.
    pub id: i64,
    /// Their address.
    pub email: String,
}

/// Rows a multi-row insert takes at once (well under both databases'
/// limits on bound values).
const CHUNK: usize = 400;

impl Store {
    /// Active people who have not joined, by name; only `team`'s if given.
    pub async fn not_joined(&self, team: Option<&str>) -> Result<Vec<NotJoined>> {
        let sql = "SELECT p.id, p.name, p.email, t.name AS team, p.role,
                i.last_at AS invited_at, COALESCE(i.times, 0) AS times
             FROM people p LEFT JOIN teams t ON t.id = p.team_id
             LEFT JOIN invitations i ON i.person_id = p.id
             WHERE p.active = 1 AND p.password_hash IS NULL AND p.idp_subject IS NULL";
        Ok(match team {
            Some(team) => {
                sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "{sql} AND t.name = $1 {}",
                    crate::people::BY_NAME
                )))
                .bind(team)
                .fetch_all(&self.pool)
                .await?
            }
            None => {
                sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "{sql} {}",
                    crate::people::BY_NAME
                )))
                .fetch_all(&self.pool)
                .await?
            }
        })
    }

    /// How much mail is queued, sent, failed.
    pub async fn outbox_counts(&self) -> Result<OutboxCounts> {
        Ok(sqlx::query_as(
            "SELECT COUNT(*) - COUNT(sent_at) - COUNT(failed_at) AS queued,
                COUNT(sent_at) AS sent, COUNT(failed_at) AS failed FROM outbox",
        )
        .fetch_one(&self.pool)
        .await?)
    }

    /// Messages due to be sent now, oldest first.
    pub async fn due_mail(&self, limit: i64) -> Result<Vec<QueuedMail>> {
        Ok(sqlx::query_as(
            "SELECT id, kind, person_id, recipient, subject, body, attempts FROM outbox
             WHERE sent_at IS NULL AND failed_at IS NULL AND next_at <= $1 ORDER BY id LIMIT $2",
        )
        .bind(now())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Takes a due message for `lease_secs` (another server sharing the
    /// database leaves it alone meanwhile): true if this caller has it.
    pub async fn lease_mail(&self, id: i64, lease_secs: i64) -> Result<bool> {
        let at = now();
        let done = sqlx::query(
            "UPDATE outbox SET next_at = $1 WHERE id = $2 AND next_at <= $3
             AND sent_at IS NULL AND failed_at IS NULL",
        )
        .bind(at + lease_secs)
        .bind(id)
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records that a message went; an invitation's body was never stored,
    /// and a notice's is dropped once sent.
    pub async fn mail_sent(&self, id: i64) -> Result<()> {
        sqlx::query(
            "UPDATE outbox SET sent_at = $1, body = '', attempts = attempts + 1 WHERE id = $2",
        )
        .bind(now())
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records a failed attempt: tried again at `retry_at`, or, with
    /// `None`, given up on.
    pub async fn mail_not_sent(&self, id: i64, error: &str, retry_at: Option<i64>) -> Result<()> {
        let error: String = error.chars().take(500).collect();
        match retry_at {
            Some(at) => {
                sqlx::query(
                    "UPDATE outbox SET attempts = attempts + 1, next_at = $1, last_error = $2 WHERE id = $3",
                )
                .bind(at)
                .bind(error)
                .bind(id)
                .execute(&self.pool)
                .await?
            }
            None => {
                sqlx::query(
                    "UPDATE outbox SET attempts = attempts + 1, failed_at = $1, body = '', last_error = $2 WHERE id = $3",
                )
                .bind(now())
                .bind(error)
                .bind(id)
                .execute(&self.pool)
                .await?
            }
        };
        Ok(())
    }

    /// A person's notification mode (the default if they chose none).
    pub async fn notify_mode(&self, person: i64) -> Result<NotifyMode> {
        let word: Option<String> =
            sqlx::query_scalar("SELECT mode FROM notification_settings WHERE person_id = $1")
                .bind(person)
                .fetch_optional(&self.pool)
                .await?;
        Ok(word
            .as_deref()
            .and_then(NotifyMode::parse)
            .unwrap_or_default())
    }

    /// Everyone's chosen mode and last digest: (person, mode, last digest).
    pub async fn notify_settings(&self) -> Result<Vec<(i64, String, Option<i64>)>> {
        Ok(
            sqlx::query_as("SELECT person_id, mode, last_digest_at FROM notification_settings")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// The items each person was already told of: (person, item).
    pub async fn notified_items(&self) -> Result<Vec<(i64, String)>> {
        Ok(sqlx::query_as("SELECT person_id, item FROM notified")
            .fetch_all(&self.pool)
            .await?)
    }
}

impl Write {
    /// Records that `people` are invited now, and with `queue` puts an
    /// invitation for each in the outbox under `subject`. One audit entry
    /// for the lot (who, and how: `email` or `link`).
    pub async fn invite(&mut self, people: &[Invitee], subject: &str, queue: bool) -> Result<()> {
        if people.is_empty() {
            return Err(StoreError::Invalid("nobody to invite".into()));
        }
        let at = self.at;
        let by = self.actor().person_id;
        for chunk in people.chunks(CHUNK) {
            let rows: Vec<String> = (0..chunk.len())
                .map(|i| format!("(${}, $1, $2, $2, 1)", i + 3))
                .collect();
            let sql = format!(
                "INSERT INTO invitations (person_id, invited_by, first_at, last_at, times) VALUES {}
                 ON CONFLICT (person_id) DO UPDATE SET last_at = excluded.last_at,
                    invited_by = excluded.invited_by, times = invitations.times + 1",
                rows.join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(by).bind(at);
            for p in chunk {
                q = q.bind(p.id);
            }
            q.execute(self.conn()).await?;
            if queue {
                let rows: Vec<String> = (0..chunk.len())
                    .map(|i| format!("('invite', ${}, ${}, $1, '', $2, $2)", 2 * i + 3, 2 * i + 4))
                    .collect();
                let sql = format!(
                    "INSERT INTO outbox (kind, person_id, recipient, subject, body, created_at, next_at) VALUES {}",
                    rows.join(", ")
                );
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(subject).bind(at);
                for p in chunk {
                    q = q.bind(p.id).bind(&p.email);
                }
                q.execute(self.conn()).await?;
            }
        }
        let subject = match people {
            [one] => format!("person:{}", one.id),
            _ => "people".to_string(),
        };
        let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
        self.audit(
            "invitation.send",
            &subject,
            None,
            crate::store::json(&serde_json::json!({
                "people": ids,
                "by": if queue { "email" } else { "link" },
            })),
        )
        .await
    }

    /// Puts notifications in the outbox and records the items they tell
    /// of (`(person, item)`), so each is told once. One audit entry.
    pub async fn queue_notices(&mut self, mail: &[NewMail], items: &[(i64, String)]) -> Result<()> {
        let at = self.at;
        for m in mail {
            sqlx::query(
                "INSERT INTO outbox (kind, person_id, recipient, subject, body, created_at, next_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $6)",
            )
            .bind(m.kind.as_str())
            .bind(m.person_id)
            .bind(&m.recipient)
            .bind(&m.subject)
            .bind(&m.body)
            .bind(at)
            .execute(self.conn())
            .await?;
        }
        for (person, item) in items {
            sqlx::query(
                "INSERT INTO notified (person_id, item, at) VALUES ($1, $2, $3)
                 ON CONFLICT (person_id, item) DO NOTHING",
            )
            .bind(person)
            .bind(item)
            .bind(at)
            .execute(self.conn())
            .await?;
        }
        let digests: Vec<i64> = mail
            .iter()
            .filter(|m| m.kind == MailKind::Digest)
            .map(|m| m.person_id)
            .collect();
        for person in &digests {
            sqlx::query(
                "INSERT INTO notification_settings (person_id, mode, last_digest_at) VALUES ($1, 'digest', $2)
                 ON CONFLICT (person_id) DO UPDATE SET last_digest_at = excluded.last_digest_at",
            )
            .bind(person)
            .bind(at)
            .execute(self.conn())
            .await?;
        }
        let people: Vec<i64> = mail.iter().map(|m| m.person_id).collect();
        self.audit(
            "notification.queue",
            "people",
            None,
            crate::store::json(&serde_json::json!({ "people": people, "items": items.len() })),
        )
        .await
    }

    /// Sets how `person` hears of what waits for them.
    pub async fn set_notify_mode(&mut self, person: i64, mode: NotifyMode) -> Result<()> {
        let before: Option<String> =
            sqlx::query_scalar("SELECT mode FROM notification_settings WHERE person_id = $1")
                .bind(person)
                .fetch_optional(self.conn())
                .await?;
        sqlx::query(
            "INSERT INTO notification_settings (person_id, mode) VALUES ($1, $2)
             ON CONFLICT (person_id) DO UPDATE SET mode = excluded.mode",
        )
        .bind(person)
        .bind(mode.as_str())
        .execute(self.conn())
        .await?;
        self.audit(
            "notification.mode",
            &format!("person:{person}"),
            crate::store::json(&before),
            crate::store::json(&mode.as_str()),
        )
        .await
    }

    /// Audits an attempt to send outbox message `id` (never its body).
    pub async fn sending_mail(&mut self, mail: &QueuedMail) -> Result<()> {
        let subject = mail
            .person_id
            .map_or_else(|| format!("outbox:{}", mail.id), |p| format!("person:{p}"));
        self.audit(
            "email.send",
            &subject,
            None,
            crate::store::json(&serde_json::json!({
                "outbox": mail.id, "kind": mail.kind, "attempt": mail.attempts + 1,
            })),
        )
        .await
    }
}
