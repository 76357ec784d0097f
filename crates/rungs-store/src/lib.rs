//! The people data behind `rungs server`.
//!
//! - [`Store`]: every query, written once in the SQL that SQLite and
//!   PostgreSQL share (`$1` placeholders, `RETURNING`, `ON CONFLICT`), run
//!   through sqlx's `Any` driver. The backends (`rungs-store-sqlite`,
//!   `rungs-store-postgres`) differ only in how they connect, migrate and back
//!   up, which is the [`Backend`] trait; a copy of every query per backend
//!   would drift. Rows are read with `#[derive(sqlx::FromRow)]`: the
//!   domain types where the stored form is theirs, small row structs
//!   converted with `From` where it is not (flags are integers on both
//!   databases); an enum stored as a word it does not know is an error
//!   ([`model::UnknownWord`]), never a default.
//! - The schema holds the invariants the queries rely on (at most one open
//!   placement per person, one open rollout, known words in every enum
//!   column, an assessment's steps in order): partial unique indexes on
//!   both databases, CHECK constraints on PostgreSQL, triggers under the
//!   same names on SQLite. The store's tests check that both migration sets
//!   make the same tables, columns, indexes and rules.
//! - [`Write`]: the only way to change anything. It takes the database's
//!   write lock first, and refuses to commit a change that wrote no audit
//!   entry, so every write is audited in its own transaction.
//! - People are found and sorted by a search key folded in Rust (case and
//!   accents off), the same on both databases; see `search.rs`.
//! - [`audit`]: the hash chain and its verification.
//! - `mail`: invitations, the mail outbox, notification settings;
//!   `waiting`: what waits for people (their to-do list).
//! - [`model`]: the domain types (people, teams, placements, rollouts,
//!   assessments and their ratings, goals, notes, cycles, promotion cases,
//!   peer feedback, calibration sessions).

mod assessments;
mod auth;
mod backend;
mod cycle_people;
mod error;
mod growth;
mod impact;
mod mail;
mod params;
mod people;
mod promotions;
mod rollout;
mod roster;
mod search;
mod store;
mod teams;
mod time;
mod waiting;

pub mod audit;
pub mod model;

pub use assessments::NewAssessment;
pub use auth::PendingLogin;
pub use backend::{Backend, install_drivers, pool_options};
pub use cycle_people::{LeftOut, Owed, Reminded};
pub use error::{Result, StoreError};
pub use impact::{HeldAssessment, HeldData, HeldPlacement, HeldRatingRow};
pub use mail::{Invitee, MailKind, NewMail, NotJoined, NotifyMode, OutboxCounts, QueuedMail};
pub use params::Scope;
pub use people::{PersonFields, PersonPage, invisible_format, plausible_email};
pub use rollout::{EntryFilter, Page, RolloutPage, Suggestion};
pub use roster::{RosterChange, RosterPlan, RosterRow, RowProblem, Words};
pub use store::{Actor, Store, Write};
pub use time::{now, parse_date, today, valid_date};
pub use waiting::{OpenAssessment, OpenRolloutStep};

/// A random secret (setup links, sessions, API tokens): 32 bytes from the
/// operating system, hex-encoded.
pub fn secret() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Invalid(format!("no randomness: {e}")))?;
    Ok(hex::encode(bytes))
}

/// What the database keeps of a secret: its SHA-256, so a stolen database
/// holds no usable session or token.
pub fn hash_secret(secret: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(secret.as_bytes()))
}
