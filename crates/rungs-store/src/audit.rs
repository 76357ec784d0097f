//! The audit log: append-only, one entry per change, each entry's hash
//! covering the previous one, so removing or editing an entry breaks the
//! chain from there on ([`Store::verify_audit`](crate::Store::verify_audit)).
//!
//! A hash chain alone is no proof against someone who can write to the
//! database: they can recompute every hash after the entry they changed,
//! or delete the last entries and move the head back. So the chain is
//! also *keyed*: with an [`AuditKey`] (kept outside the database), each
//! entry carries an HMAC-SHA256 of its hash, and the head an HMAC of its
//! position. Without the key, nobody can write an entry or a head that
//! verifies. Entries written before a key was used carry no MAC (version 1
//! of the entry); the head records where the keyed entries start
//! (`keyed_from`), under its own MAC, so MACs cannot be stripped later.
//!
//! What a key cannot catch: the head and the entries as they stood at an
//! earlier moment, copied then and put back (a replay). A
//! [`Checkpoint`], kept elsewhere, catches that: the entry it names must
//! still be there with the hash it names.

use hmac::{Hmac, KeyInit, Mac};
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
    /// HMAC-SHA256 of `hash` under the audit key; none on entries written
    /// before a key was used.
    pub mac: Option<String>,
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

/// The secret that keys the audit chain: at least 32 bytes, kept outside
/// the database (a file or the environment), so that someone who can write
/// to the database cannot write entries that verify.
#[derive(Clone)]
pub struct AuditKey(Vec<u8>);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(..)")
    }
}

/// The fewest bytes a key may have.
pub const KEY_BYTES: usize = 32;

impl AuditKey {
    /// A new random key.
    pub fn generate() -> crate::Result<AuditKey> {
        let mut bytes = vec![0u8; KEY_BYTES];
        getrandom::fill(&mut bytes)
            .map_err(|e| crate::StoreError::Invalid(format!("no randomness: {e}")))?;
        Ok(AuditKey(bytes))
    }

    /// A key written as hex (64 digits or more), as in a key file or
    /// `RUNGS_AUDIT_KEY`. Surrounding white space is ignored.
    pub fn from_hex(text: &str) -> Result<AuditKey, String> {
        let bytes = hex::decode(text.trim())
            .map_err(|e| format!("the audit key is not hexadecimal: {e}"))?;
        if bytes.len() < KEY_BYTES {
            return Err(format!(
                "the audit key has {} bytes; it needs at least {KEY_BYTES} ({} hex digits)",
                bytes.len(),
                KEY_BYTES * 2
            ));
        }
        Ok(AuditKey(bytes))
    }

    /// The key as hex, for its file.
    pub fn to_hex(&self) -> String {
        hex::encode(&self.0)
    }

    /// HMAC-SHA256 of `parts` under the key, each length-prefixed, after a
    /// word naming what is signed, so an entry's MAC can never pass for a
    /// head's or a checkpoint's.
    fn mac(&self, domain: &str, parts: &[&[u8]]) -> String {
        // HMAC takes a key of any length: this cannot fail.
        let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0) else {
            return String::new();
        };
        for part in std::iter::once(domain.as_bytes()).chain(parts.iter().copied()) {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        hex::encode(mac.finalize().into_bytes())
    }

    /// The MAC of an entry: its hash covers its fields and the previous
    /// entry's hash, so this covers them too.
    pub(crate) fn entry_mac(&self, hash: &str) -> String {
        self.mac("rungs audit entry v2", &[hash.as_bytes()])
    }

    /// The MAC of the head: where the chain ends and where its keyed
    /// entries start.
    pub(crate) fn head_mac(&self, seq: i64, hash: &str, keyed_from: i64) -> String {
        self.mac(
            "rungs audit head v2",
            &[
                &seq.to_be_bytes(),
                hash.as_bytes(),
                &keyed_from.to_be_bytes(),
            ],
        )
    }

    /// The MAC of a checkpoint.
    fn checkpoint_mac(&self, seq: i64, hash: &str, at: i64) -> String {
        self.mac(
            "rungs audit checkpoint v1",
            &[&seq.to_be_bytes(), hash.as_bytes(), &at.to_be_bytes()],
        )
    }
}

/// The head of the chain at a moment, to keep somewhere the database's
/// writers cannot reach (`rungs server audit checkpoint`). Verifying with
/// it later shows whether the log was cut below it or rewritten up to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// The last entry's position.
    pub seq: i64,
    /// The last entry's hash (it covers every entry before).
    pub hash: String,
    /// When the checkpoint was taken (Unix seconds).
    pub at: i64,
    /// HMAC of the above under the audit key, if there was one.
    pub mac: Option<String>,
}

impl Checkpoint {
    /// A checkpoint of `seq` and `hash` now, signed with `key` if given.
    pub(crate) fn new(seq: i64, hash: String, key: Option<&AuditKey>) -> Checkpoint {
        let at = crate::now();
        let mac = key.map(|k| k.checkpoint_mac(seq, &hash, at));
        Checkpoint { seq, hash, at, mac }
    }

    /// Whether the checkpoint's MAC is right under `key` (a checkpoint
    /// taken without a key has none to check).
    pub(crate) fn signed_by(&self, key: &AuditKey) -> bool {
        match &self.mac {
            Some(mac) => *mac == key.checkpoint_mac(self.seq, &self.hash, self.at),
            None => true,
        }
    }
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

const SELECT: &str = "SELECT seq, at, actor, action, subject, before_json, after_json, prev_hash, hash, mac FROM audit";

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
    /// Whether the entries' and the head's MACs were checked (the server
    /// has the audit key); without, only the hash chain was.
    pub keyed: bool,
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

    #[test]
    fn macs_depend_on_the_key_and_on_what_is_signed() {
        let k1 = AuditKey::from_hex(&"11".repeat(32)).expect("key");
        let k2 = AuditKey::from_hex(&"22".repeat(32)).expect("key");
        assert_ne!(k1.entry_mac(GENESIS), k2.entry_mac(GENESIS));
        assert_eq!(k1.entry_mac(GENESIS), k1.entry_mac(GENESIS));
        assert_ne!(k1.head_mac(1, GENESIS, 1), k1.head_mac(1, GENESIS, 2));
        assert_ne!(k1.head_mac(1, GENESIS, 1), k1.checkpoint_mac(1, GENESIS, 1));
        assert!(AuditKey::from_hex("abcd").is_err());
        assert!(AuditKey::from_hex("not hex").is_err());
        assert_eq!(format!("{k1:?}"), "AuditKey(..)");
    }
}
