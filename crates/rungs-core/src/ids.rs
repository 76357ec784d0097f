//! Statement ids: explicit ones written as `{#id}`, derived ones otherwise.
//!
//! A derived id is the area id followed by the first four meaningful words
//! of the text (`craft-owns-features-end-end`). It does not depend on the
//! statement's position, so reordering statements keeps every id, and a typo
//! fix after the fourth meaningful word keeps it too. When a fix does change a
//! derived id, version comparison re-links the old and new statement by text
//! similarity; authors who need ids that never move write them explicitly.

use std::collections::HashSet;

use crate::model::{Level, Statement};
use crate::text::key_words;

/// How many meaningful words a derived id takes from the text.
pub const ID_WORDS: usize = 4;

/// Fills in the ids of statements that have none, unique within the level.
///
/// Explicit ids are kept as written (duplicates among them are reported by validation).
pub fn assign(level: &mut Level) {
    let mut taken: HashSet<String> = HashSet::new();
    for s in &level.statements {
        collect_explicit(s, &mut taken);
    }
    for s in &mut level.statements {
        assign_statement(s, None, &mut taken);
    }
}

fn collect_explicit(s: &Statement, taken: &mut HashSet<String>) {
    if s.explicit_id {
        taken.insert(s.id.clone());
    }
    for c in &s.children {
        collect_explicit(c, taken);
    }
}

fn assign_statement(s: &mut Statement, parent: Option<&str>, taken: &mut HashSet<String>) {
    if !s.explicit_id {
        let words = key_words(s.name.as_deref().unwrap_or(&s.text), ID_WORDS);
        let words = if words.is_empty() {
            "statement".to_string()
        } else {
            words
        };
        let base = match parent {
            Some(p) => format!("{p}--{words}"),
            None => format!("{}-{words}", s.area),
        };
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(id.clone());
        s.id = id;
    }
    let parent_id = s.id.clone();
    for c in &mut s.children {
        assign_statement(c, Some(&parent_id), taken);
    }
}
