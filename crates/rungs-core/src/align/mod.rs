//! Aligning statements and levels by what they say.
//!
//! Four questions, one engine ([`engine`]: tokenise, weight, cosine):
//!
//! - [`compare`]: what changes between two levels of a ladder;
//! - [`relink`]: what became of every statement between two versions of a
//!   framework (the [`relink::IdMap`] that stored ratings follow);
//! - [`diff`]: the changelog between two versions, read off the `IdMap`;
//! - [`map`]: which level of another ladder matches each of ours.

pub mod compare;
pub mod diff;
pub mod engine;
pub mod map;
pub mod relink;
pub mod seniority;
mod settings_diff;
