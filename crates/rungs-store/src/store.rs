//! The store: a pool, its backend, and the audited write transaction.

use std::path::Path;
use std::sync::Arc;

use sqlx::{Any, AnyConnection, AnyPool};

use crate::audit::{AuditEntry, AuditKey, Checkpoint, GENESIS, Verification, chain_hash};
use crate::model::Revision;
use crate::{Backend, Result, StoreError, now};

/// Everything the server keeps about people. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    backend: Arc<dyn Backend>,
    /// The key of the audit chain's MACs, if the server has one.
    audit_key: Option<Arc<AuditKey>>,
}

/// The audit chain's head row.
#[derive(sqlx::FromRow)]
struct Head {
    seq: i64,
    hash: String,
    mac: Option<String>,
    keyed_from: Option<i64>,
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
        Ok(Store {
            pool,
            backend,
            audit_key: None,
        })
    }

    /// This store, writing and checking the audit chain's MACs with `key`.
    pub fn with_audit_key(mut self, key: AuditKey) -> Store {
        self.audit_key = Some(Arc::new(key));
        self
    }

    /// Puts a chain under the store's key: when the head carries no MAC
    /// yet (a database used before keys, or a new one nothing was written
    /// to), an entry `audit.keyed` is written, from which on every entry
    /// carries a MAC. Refuses a head sealed under another key, so a server
    /// started with the wrong key file says so rather than writing entries
    /// no key verifies. Returns whether the chain was sealed now.
    pub async fn seal_audit(&self) -> Result<bool> {
        if self.audit_key_matches().await? != Some(false) {
            return Ok(false);
        }
        let mut w = self.write(&Actor::system()).await?;
        // Another process may have sealed it meanwhile (the write waited
        // for it): then nothing is written.
        if w.keyed_from.is_some() {
            return Ok(false);
        }
        w.audit("audit.keyed", "audit", None, None).await?;
        w.commit().await?;
        Ok(true)
    }

    /// Whether the head is sealed under the store's key: `None` without a
    /// key, `Some(false)` when the head has no MAC yet, an error when it
    /// has one the key does not make (the wrong key file, or a head
    /// someone moved).
    pub async fn audit_key_matches(&self) -> Result<Option<bool>> {
        let Some(key) = &self.audit_key else {
            return Ok(None);
        };
        let head = self.head().await?;
        match (&head.mac, head.keyed_from) {
            (Some(mac), Some(from)) if *mac == key.head_mac(head.seq, &head.hash, from) => {
                Ok(Some(true))
            }
            (Some(_), _) => Err(StoreError::Invalid(
                "the audit log's head does not match the audit key: start the server with the key \
                 the log was written with, or run `rungs server audit verify` to see what changed"
                    .into(),
            )),
            (None, _) => Ok(Some(false)),
        }
    }

    async fn head(&self) -> Result<Head> {
        Ok(
            sqlx::query_as("SELECT seq, hash, mac, keyed_from FROM audit_head WHERE id = 1")
                .fetch_one(&self.pool)
                .await?,
        )
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

    /// Whether the database answers (`/readyz`).
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// The pool's connections: open, and idle among them (`/metrics`).
    pub fn pool_status(&self) -> (u32, usize) {
        (self.pool.size(), self.pool.num_idle())
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
        let head: Head = sqlx::query_as(
            "UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash, mac, keyed_from",
        )
        .fetch_one(&mut *tx)
        .await?;
        Ok(Write {
            tx,
            actor: actor.clone(),
            start_seq: head.seq,
            seq: head.seq,
            hash: head.hash,
            key: self.audit_key.clone(),
            keyed_from: head.keyed_from,
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
    /// entry, no gap in the sequence, and the head; with the audit key,
    /// each keyed entry's MAC and the head's.
    pub async fn verify_audit(&self) -> Result<Verification> {
        let head = self.head().await?;
        let key = self.audit_key.as_deref();
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
                if let Some(key) = key {
                    let keyed = head.keyed_from.is_some_and(|from| e.seq >= from);
                    match &e.mac {
                        Some(mac) if *mac != key.entry_mac(&e.hash) => {
                            problem = Some(format!(
                                "entry {}'s MAC does not match: it was rewritten, or written with another key",
                                e.seq
                            ));
                            break 'pages;
                        }
                        None if keyed => {
                            problem = Some(format!(
                                "entry {} has no MAC although the log is keyed from entry {}: it was rewritten",
                                e.seq,
                                head.keyed_from.unwrap_or_default()
                            ));
                            break 'pages;
                        }
                        _ => {}
                    }
                }
                prev = e.hash;
                expected_seq += 1;
                after = e.seq;
            }
        }
        let entries = expected_seq - 1;
        if problem.is_none() && (head.seq != entries || head.hash != prev) {
            problem = Some(format!(
                "the log ends at entry {entries} but the head says {} entries were written: entries were removed from the end",
                head.seq
            ));
        }
        if problem.is_none()
            && let Some(key) = key
        {
            problem = match (&head.mac, head.keyed_from) {
                (Some(mac), Some(from)) if *mac == key.head_mac(head.seq, &head.hash, from) => None,
                (Some(_), _) => Some(
                    "the head's MAC does not match: the head was moved (entries removed from the end?) or written with another key"
                        .to_string(),
                ),
                (None, _) => Some(
                    "the head carries no MAC: the log was never keyed with this key, or its MAC was removed"
                        .to_string(),
                ),
            };
        }
        Ok(Verification {
            entries,
            keyed: key.is_some(),
            problem,
        })
    }

    /// The chain's head now, to keep elsewhere; signed with the audit key
    /// if there is one. Refused when the chain does not verify: a
    /// checkpoint of a broken log would vouch for it.
    pub async fn audit_checkpoint(&self) -> Result<Checkpoint> {
        let verification = self.verify_audit().await?;
        if let Some(problem) = verification.problem {
            return Err(StoreError::Invalid(format!(
                "the audit log does not verify, so no checkpoint was taken: {problem}"
            )));
        }
        let head = self.head().await?;
        Ok(Checkpoint::new(
            head.seq,
            head.hash,
            self.audit_key.as_deref(),
        ))
    }

    /// [`Store::verify_audit`], and then that the log still holds the entry
    /// `checkpoint` names, with the hash it names: a log cut below the
    /// checkpoint, or rewritten up to it, fails even when what is left was
    /// made to verify (an earlier head put back).
    pub async fn verify_audit_since(&self, checkpoint: &Checkpoint) -> Result<Verification> {
        let mut verification = self.verify_audit().await?;
        if verification.problem.is_some() {
            return Ok(verification);
        }
        if let Some(key) = self.audit_key.as_deref()
            && !checkpoint.signed_by(key)
        {
            verification.problem = Some(
                "the checkpoint's MAC does not match: it was changed, or taken with another key"
                    .into(),
            );
            return Ok(verification);
        }
        let hash: Option<String> = sqlx::query_scalar("SELECT hash FROM audit WHERE seq = $1")
            .bind(checkpoint.seq)
            .fetch_optional(&self.pool)
            .await?;
        verification.problem = match hash {
            None if checkpoint.seq == 0 => None,
            None => Some(format!(
                "the log ends at entry {} but the checkpoint names entry {}: the log was cut below the checkpoint",
                verification.entries, checkpoint.seq
            )),
            Some(h) if h != checkpoint.hash => Some(format!(
                "entry {} differs from the checkpoint: the log was rewritten up to it",
                checkpoint.seq
            )),
            Some(_) => None,
        };
        Ok(verification)
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
        // Another server on the same database may have recorded it while
        // this one waited for the write lock.
        let latest: Option<String> =
            sqlx::query_scalar("SELECT revision FROM revisions ORDER BY id DESC LIMIT 1")
                .fetch_optional(w.conn())
                .await?;
        if latest.as_deref() == Some(revision) {
            return Ok(false);
        }
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

const AUDIT_SELECT: &str = "SELECT seq, at, actor, action, subject, before_json, after_json, prev_hash, hash, mac FROM audit";

/// A change in progress: a transaction that holds the write lock and
/// appends audit entries as it goes. Dropped without [`Write::commit`], it
/// rolls back.
pub struct Write {
    tx: sqlx::Transaction<'static, Any>,
    actor: Actor,
    start_seq: i64,
    seq: i64,
    hash: String,
    /// The audit key, if entries are keyed.
    key: Option<Arc<AuditKey>>,
    /// Where the keyed entries start, if they have.
    keyed_from: Option<i64>,
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
        let mac = self.key.as_deref().map(|k| k.entry_mac(&hash));
        sqlx::query(
            "INSERT INTO audit (seq, at, actor, action, subject, before_json, after_json, prev_hash, hash, mac)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
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
        .bind(mac)
        .execute(&mut *self.tx)
        .await?;
        self.seq = seq;
        self.hash = hash;
        Ok(())
    }

    /// Appends many audit entries at once (in this transaction), chained in
    /// order as [`Write::audit`] would, but written a few hundred rows per
    /// statement: a roster import of 100,000 people audits each of them,
    /// and one round trip per entry would dominate its time.
    pub(crate) async fn audit_many(&mut self, entries: Vec<AuditRecord>) -> Result<()> {
        use crate::params::{Arg, Params};
        // Ten values a row; both databases accept far more than 5,000
        // parameters a statement.
        const ROWS: usize = 500;
        let mut pending = entries.into_iter().peekable();
        while pending.peek().is_some() {
            let mut params = Params::default();
            let mut rows = Vec::with_capacity(ROWS);
            let (mut seq, mut hash) = (self.seq, self.hash.clone());
            for entry in pending.by_ref().take(ROWS) {
                seq += 1;
                let next = chain_hash(
                    seq,
                    self.at,
                    &self.actor.label,
                    &entry.action,
                    &entry.subject,
                    entry.before.as_deref(),
                    entry.after.as_deref(),
                    &hash,
                );
                let mac = self.key.as_deref().map(|k| k.entry_mac(&next));
                let values = [
                    params.push(Arg::Int(seq)),
                    params.push(Arg::Int(self.at)),
                    params.push(Arg::Text(self.actor.label.clone())),
                    params.push(Arg::Text(entry.action)),
                    params.push(Arg::Text(entry.subject)),
                    params.push(Arg::OptText(entry.before)),
                    params.push(Arg::OptText(entry.after)),
                    params.push(Arg::Text(hash)),
                    params.push(Arg::Text(next.clone())),
                    params.push(Arg::OptText(mac)),
                ];
                rows.push(format!("({})", values.join(", ")));
                hash = next;
            }
            let sql = format!(
                "INSERT INTO audit (seq, at, actor, action, subject, before_json, after_json, prev_hash, hash, mac) VALUES {}",
                rows.join(", ")
            );
            sqlx::query_with(sqlx::AssertSqlSafe(sql), params.arguments()?)
                .execute(&mut *self.tx)
                .await?;
            self.seq = seq;
            self.hash = hash;
        }
        Ok(())
    }

    /// Commits the change and its audit entries together. A change that
    /// wrote no audit entry is refused (and rolled back).
    pub async fn commit(mut self) -> Result<()> {
        if self.seq == self.start_seq {
            return Err(StoreError::Unaudited);
        }
        // Keyed: the head's MAC covers where it ends and where the keyed
        // entries start (this change's first entry, if none were before).
        // Without a key the head loses its MAC, which a keyed verification
        // then reports.
        let (mac, keyed_from) = match self.key.as_deref() {
            Some(key) => {
                let from = self.keyed_from.unwrap_or(self.start_seq + 1);
                (Some(key.head_mac(self.seq, &self.hash, from)), Some(from))
            }
            None => (None, self.keyed_from),
        };
        sqlx::query(
            "UPDATE audit_head SET seq = $1, hash = $2, mac = $3, keyed_from = $4 WHERE id = 1",
        )
        .bind(self.seq)
        .bind(&self.hash)
        .bind(mac)
        .bind(keyed_from)
        .execute(&mut *self.tx)
        .await?;
        self.tx.commit().await?;
        Ok(())
    }
}

/// One entry for [`Write::audit_many`]: what [`Write::audit`] takes.
#[derive(Debug, Clone)]
pub(crate) struct AuditRecord {
    /// What was done (`person.create`).
    pub(crate) action: String,
    /// To what (`person:12`).
    pub(crate) subject: String,
    /// The JSON of it before, if it existed.
    pub(crate) before: Option<String>,
    /// The JSON of it after, if it still exists.
    pub(crate) after: Option<String>,
}

/// JSON of a value for the audit log.
pub(crate) fn json<T: serde::Serialize>(value: &T) -> Option<String> {
    serde_json::to_string(value).ok()
}
