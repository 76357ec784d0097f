//! The audit log: append-only, one entry per change, each entry's hash
//! covering the previous one, so removing or editing an entry breaks the
//! chain from there on ([`Store::verify_audit`](crate::Store::verify_audit)).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audited change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct AuditEntry {
    /// Position in the chain, from 1.
    pub seq: i64,
    /// When (Unix seconds).
    pub at: i64,
    /// Who: `person:ID`, `token:ID`, `setup` or `system`.
    pub actor: String,
    /// What was done, e.g. `person.update`.
    pub action: String,
    /// What it was done to, e.g. `person:42`.
    pub subject: String,
    /// The state before (JSON), if there was one.
    #[sqlx(rename = "before_json")]
    pub before: Option<String>,
    /// The state after (JSON), if there is one.
    #[sqlx(rename = "after_json")]
    pub after: Option<String>,
    /// The previous entry's hash.
    pub prev_hash: String,
    /// SHA-256 of this entry's fields and `prev_hash`.
    pub hash: String,
}

impl AuditEntry {
    /// The hash this entry should have.
    pub fn expected_hash(&self) -> String {
        chain_hash(
            self.seq,
            self.at,
            &self.actor,
            &self.action,
            &self.subject,
            self.before.as_deref(),
            self.after.as_deref(),
            &self.prev_hash,
        )
    }
}

/// The hash of one entry. Each field is length-prefixed so no two different
/// entries can be written the same way.
#[allow(clippy::too_many_arguments)]
pub(crate) fn chain_hash(
    seq: i64,
    at: i64,
    actor: &str,
    action: &str,
    subject: &str,
    before: Option<&str>,
    after: Option<&str>,
    prev_hash: &str,
) -> String {
    let mut h = Sha256::new();
    h.update(seq.to_be_bytes());
    h.update(at.to_be_bytes());
    for field in [
        Some(actor),
        Some(action),
        Some(subject),
        before,
        after,
        Some(prev_hash),
    ] {
        match field {
            Some(s) => {
                h.update([1u8]);
                h.update((s.len() as u64).to_be_bytes());
                h.update(s.as_bytes());
            }
            None => h.update([0u8]),
        }
    }
    hex::encode(h.finalize())
}

/// Which audit entries to list: each given condition narrows the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, ToSchema)]
pub struct AuditFilter {
    /// Who did it, as recorded: `person:5`, `token:2`, `system`…
    #[serde(default)]
    pub actor: Option<String>,
    /// What was done: an action (`person.update`), or a kind of action
    /// ending in a dot (`person.`).
    #[serde(default)]
    pub action: Option<String>,
    /// What it was done to, as recorded (`person:5`, `assessment:12`); any
    /// of them.
    #[serde(default)]
    pub subjects: Vec<String>,
    /// From this time on (Unix seconds).
    #[serde(default)]
    pub from: Option<i64>,
    /// Before this time (Unix seconds).
    #[serde(default)]
    pub until: Option<i64>,
}

const SELECT: &str =
    "SELECT seq, at, actor, action, subject, before_json, after_json, prev_hash, hash FROM audit";

impl crate::Store {
    /// A page of the audit entries `filter` lets through, newest first,
    /// before sequence number `before_seq`.
    pub async fn audit_search(
        &self,
        filter: &AuditFilter,
        before_seq: Option<i64>,
        limit: i64,
    ) -> crate::Result<Vec<AuditEntry>> {
        use crate::params::{Arg, Params};
        let mut params = Params::default();
        let mut conditions = vec![format!(
            "seq < {}",
            params.push(Arg::Int(before_seq.unwrap_or(i64::MAX)))
        )];
        if let Some(actor) = filter.actor.as_deref().filter(|a| !a.is_empty()) {
            conditions.push(format!("actor = {}", params.push(Arg::Text(actor.into()))));
        }
        match filter.action.as_deref().filter(|a| !a.is_empty()) {
            Some(kind) if kind.ends_with('.') => {
                // A kind of action: its prefix, compared as text on both
                // databases (LIKE would make `_` a wildcard).
                // The length is a number we computed, not the caller's text.
                let length = kind.chars().count();
                let kind = params.push(Arg::Text(kind.into()));
                conditions.push(format!("SUBSTR(action, 1, {length}) = {kind}"));
            }
            Some(action) => {
                conditions.push(format!(
                    "action = {}",
                    params.push(Arg::Text(action.into()))
                ));
            }
            None => {}
        }
        if !filter.subjects.is_empty() {
            let list: Vec<String> = filter
                .subjects
                .iter()
                .map(|s| params.push(Arg::Text(s.clone())))
                .collect();
            conditions.push(format!("subject IN ({})", list.join(", ")));
        }
        if let Some(from) = filter.from {
            conditions.push(format!("at >= {}", params.push(Arg::Int(from))));
        }
        if let Some(until) = filter.until {
            conditions.push(format!("at < {}", params.push(Arg::Int(until))));
        }
        let limit = params.push(Arg::Int(limit));
        let sql = format!(
            "{SELECT} WHERE {} ORDER BY seq DESC LIMIT {limit}",
            conditions.join(" AND ")
        );
        Ok(
            sqlx::query_as_with(sqlx::AssertSqlSafe(sql), params.arguments()?)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Everyone and everything that has acted, and every action, as the
    /// log records them: what the audit page's filters offer.
    pub async fn audit_vocabulary(&self) -> crate::Result<(Vec<String>, Vec<String>)> {
        let actors = sqlx::query_scalar("SELECT DISTINCT actor FROM audit ORDER BY actor")
            .fetch_all(&self.pool)
            .await?;
        let actions = sqlx::query_scalar("SELECT DISTINCT action FROM audit ORDER BY action")
            .fetch_all(&self.pool)
            .await?;
        Ok((actors, actions))
    }
}

/// The result of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Verification {
    /// Entries checked.
    pub entries: i64,
    /// The first problem found, in words; none when the chain is intact.
    pub problem: Option<String>,
}

impl Verification {
    /// Whether the chain is intact.
    pub fn ok(&self) -> bool {
        self.problem.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_not_confusable() {
        let a = chain_hash(1, 2, "ab", "c", "", None, None, GENESIS);
        let b = chain_hash(1, 2, "a", "bc", "", None, None, GENESIS);
        let c = chain_hash(1, 2, "ab", "c", "", Some(""), None, GENESIS);
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, chain_hash(1, 2, "ab", "c", "", None, None, GENESIS));
    }
}
