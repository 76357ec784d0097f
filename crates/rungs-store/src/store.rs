//! The store: a pool, its backend, and the audited write transaction.

use std::path::Path;
use std::sync::Arc;

use sqlx::{Any, AnyConnection, AnyPool};

use crate::audit::{AuditEntry, GENESIS, Verification, chain_hash};
use crate::model::Revision;
use crate::{Backend, Result, StoreError, now};

/// Everything the server keeps about people. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    backend: Arc<dyn Backend>,
}

/// Who is making a change, as the audit log records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The person acting, if a person is.
    pub person_id: Option<i64>,
    /// How the audit log names them: `person:ID`, `token:ID`, `setup`, `system`.
    pub label: String,
}

impl Actor {
    /// A signed-in person.
    pub fn person(id: i64) -> Actor {
        Actor {
            person_id: Some(id),
            label: format!("person:{id}"),
        }
    }

    /// A person acting through an API token.
    pub fn token(person_id: i64, token_id: i64) -> Actor {
        Actor {
            person_id: Some(person_id),
            label: format!("token:{token_id}/person:{person_id}"),
        }
    }

    /// The server itself (framework reloads at start, expiry).
    pub fn system() -> Actor {
        Actor {
            person_id: None,
            label: "system".into(),
        }
    }
}

impl Store {
    /// Wraps a pool that `backend` opened, migrates it, and brings every
    /// person's search key up to date.
    pub async fn open(pool: AnyPool, backend: Arc<dyn Backend>) -> Result<Store> {
        backend.migrate(&pool).await?;
        crate::search::refresh_search_keys(&pool).await?;
        Ok(Store { pool, backend })
    }

    /// `sqlite` or `postgres`.
    pub fn backend_name(&self) -> &'static str {
        self.backend.name()
    }

    /// Writes a consistent copy of the database to `to` (SQLite), online.
    pub async fn backup(&self, to: &Path) -> Result<()> {
        self.backend.backup(&self.pool, to).await
    }

    /// Refreshes the planner's statistics after a bulk change.
    pub async fn analyze(&self) -> Result<()> {
        self.backend.analyze(&self.pool).await
    }

    /// Closes every connection (waits for running queries).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Starts a change. The first statement takes the database's write lock
    /// (SQLite) or the audit head's row lock (PostgreSQL), so writers queue
    /// up and the audit chain never forks.
    pub async fn write(&self, actor: &Actor) -> Result<Write> {
        let mut tx = self.pool.begin().await?;
        let (seq, hash): (i64, String) =
            sqlx::query_as("UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash")
                .fetch_one(&mut *tx)
                .await?;
        Ok(Write {
            tx,
            actor: actor.clone(),
            start_seq: seq,
            seq,
            hash,
            at: now(),
        })
    }

    /// Reads the audit log, newest first, `limit` entries before `before_seq`.
    pub async fn audit_page(&self, before_seq: Option<i64>, limit: i64) -> Result<Vec<AuditEntry>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{AUDIT_SELECT} WHERE seq < $1 ORDER BY seq DESC LIMIT $2"
        )))
        .bind(before_seq.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every audit entry about `subject`, oldest first.
    pub async fn audit_of(&self, subject: &str) -> Result<Vec<AuditEntry>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{AUDIT_SELECT} WHERE subject = $1 ORDER BY seq"
        )))
        .bind(subject)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Checks the whole chain: each entry's hash, each link to the previous
    /// entry, no gap in the sequence, and the head.
    pub async fn verify_audit(&self) -> Result<Verification> {
        let (head_seq, head_hash): (i64, String) =
            sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                .fetch_one(&self.pool)
                .await?;
        let mut prev = GENESIS.to_string();
        let mut expected_seq = 1;
        let mut after = 0;
        let mut problem = None;
        // In pages, so a long log does not sit in memory at once.
        'pages: loop {
            let rows: Vec<AuditEntry> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{AUDIT_SELECT} WHERE seq > $1 ORDER BY seq LIMIT 5000"
            )))
            .bind(after)
            .fetch_all(&self.pool)
            .await?;
            if rows.is_empty() {
                break;
            }
            for e in rows {
                if e.seq != expected_seq {
                    problem = Some(format!(
                        "entry {expected_seq} is missing (next is {})",
                        e.seq
                    ));
                    break 'pages;
                }
                if e.prev_hash != prev {
                    problem = Some(format!(
                        "entry {} does not follow entry {}",
                        e.seq,
                        e.seq - 1
                    ));
                    break 'pages;
                }
                if e.expected_hash() != e.hash {
                    problem = Some(format!("entry {} was changed after it was written", e.seq));
                    break 'pages;
                }
                prev = e.hash;
                expected_seq += 1;
                after = e.seq;
            }
        }
        let entries = expected_seq - 1;
        if problem.is_none() && (head_seq != entries || head_hash != prev) {
            problem = Some(format!(
                "the log ends at entry {entries} but {head_seq} entries were written: entries were removed from the end"
            ));
        }
        Ok(Verification { entries, problem })
    }

    /// The revisions served, newest first.
    pub async fn revisions(&self) -> Result<Vec<Revision>> {
        Ok(
            sqlx::query_as("SELECT revision, loaded_at FROM revisions ORDER BY id DESC LIMIT 50")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Records that `revision` is now served, unless it already is.
    pub async fn record_revision(&self, actor: &Actor, revision: &str) -> Result<bool> {
        let current = self.revisions().await?.into_iter().next();
        if current.is_some_and(|c| c.revision == revision) {
            return Ok(false);
        }
        let mut w = self.write(actor).await?;
        sqlx::query("INSERT INTO revisions (revision, loaded_at) VALUES ($1, $2)")
            .bind(revision)
            .bind(w.at)
            .execute(w.conn())
            .await?;
        w.audit(
            "framework.load",
            &format!("revision:{revision}"),
            None,
            None,
        )
        .await?;
        w.commit().await?;
        Ok(true)
    }
}

const AUDIT_SELECT: &str =
    "SELECT seq, at, actor, action, subject, before_json, after_json, prev_hash, hash FROM audit";

/// A change in progress: a transaction that holds the write lock and
/// appends audit entries as it goes. Dropped without [`Write::commit`], it
/// rolls back.
pub struct Write {
    tx: sqlx::Transaction<'static, Any>,
    actor: Actor,
    start_seq: i64,
    seq: i64,
    hash: String,
    /// The instant of this change (Unix seconds), the same for all its rows.
    pub at: i64,
}

impl Write {
    /// The connection to run this change's statements on.
    pub(crate) fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    /// Who is making the change.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// Appends an audit entry (in this transaction). `before` and `after`
    /// are the JSON of what changed.
    pub async fn audit(
        &mut self,
        action: &str,
        subject: &str,
        before: Option<String>,
        after: Option<String>,
    ) -> Result<()> {
        let seq = self.seq + 1;
        let hash = chain_hash(
            seq,
            self.at,
            &self.actor.label,
            action,
            subject,
            before.as_deref(),
            after.as_deref(),
            &self.hash,
        );
        sqlx::query(
            "INSERT INTO audit (seq, at, actor, action, subject, before_json, after_json, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(seq)
        .bind(self.at)
        .bind(&self.actor.label)
        .bind(action)
        .bind(subject)
        .bind(before)
        .bind(after)
        .bind(&self.hash)
        .bind(&hash)
        .execute(&mut *self.tx)
        .await?;
        self.seq = seq;
        self.hash = hash;
        Ok(())
    }

    /// Commits the change and its audit entries together. A change that
    /// wrote no audit entry is refused (and rolled back).
    pub async fn commit(mut self) -> Result<()> {
        if self.seq == self.start_seq {
            return Err(StoreError::Unaudited);
        }
        sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
            .bind(self.seq)
            .bind(&self.hash)
            .execute(&mut *self.tx)
            .await?;
        self.tx.commit().await?;
        Ok(())
    }
}

/// JSON of a value for the audit log.
pub(crate) fn json<T: serde::Serialize>(value: &T) -> Option<String> {
    serde_json::to_string(value).ok()
}
