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

/// How deep statements may nest (a top-level statement is at depth 1).
///
/// A derived id repeats its parent's, so ids, anchors and pages grow with
/// the square of the depth: 2,000 nested bullets once produced 328 MB of
/// site. No ladder needs sub-points of sub-points eight times over.
pub const MAX_DEPTH: usize = 8;

/// The deepest nesting among `statements` (0 when there are none), without
/// recursing: a hostile JSON import can be deeper than the stack.
pub fn depth(statements: &[Statement]) -> usize {
    let mut deepest = 0;
    let mut todo: Vec<(&Statement, usize)> = statements.iter().map(|s| (s, 1)).collect();
    while let Some((s, d)) = todo.pop() {
        deepest = deepest.max(d);
        todo.extend(s.children.iter().map(|c| (c, d + 1)));
    }
    deepest
}

/// Fills in the ids of statements that have none, unique within the level.
///
/// Explicit ids are kept as written (duplicates among them are reported by validation).
pub fn assign(level: &mut Level) {
    let mut taken = Taken::default();
    for s in &level.statements {
        collect_explicit(s, &mut taken.ids);
    }
    for s in &mut level.statements {
        assign_statement(s, None, &mut taken);
    }
}

/// The ids in use, and for each derived base the next suffix to try, so that
/// n statements with the same first words take O(n) steps, not O(n²): 40,000
/// similar bullets took 113 s when each one counted up from `-2` again.
#[derive(Default)]
struct Taken {
    ids: HashSet<String>,
    next: std::collections::HashMap<String, usize>,
}

impl Taken {
    /// `base` if free, else `base-N` for the smallest N not tried before.
    fn claim(&mut self, base: String) -> String {
        if self.ids.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            // Explicit ids (or another base's suffix) may already hold some
            // numbers; each number is tried once per base, so this stays linear.
            if self.ids.insert(id.clone()) {
                return id;
            }
        }
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

fn assign_statement(s: &mut Statement, parent: Option<&str>, taken: &mut Taken) {
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
        s.id = taken.claim(base);
    }
    let parent_id = s.id.clone();
    for c in &mut s.children {
        assign_statement(c, Some(&parent_id), taken);
    }
}
