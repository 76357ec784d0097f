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
