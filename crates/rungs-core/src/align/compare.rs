//! Comparing two levels: which statements are new, changed (with a word
//! diff), unchanged or dropped, aligned by text similarity within each area.
//!
//! The same algorithm runs in the browser for pairs the website does not
//! pre-render (`assets/rungs.js` in rungs-site), with the thresholds the
//! site publishes from [`THRESHOLDS`].

use std::collections::HashMap;

use serde::Serialize;

use super::engine::{
    THRESHOLDS, cosine_matrix, merge_occurrences, occurrences, token_ids, vectors_from_occurrences,
};
use crate::model::{Level, Statement};

/// What happened to a statement between the two levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Only in the second level.
    New,
    /// In both, reworded.
    Changed,
    /// In both, the same text.
    Unchanged,
    /// Only in the first level.
    Dropped,
}

/// A piece of a word diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    /// `same`, `added` or `removed`.
    pub op: &'static str,
    /// The words (with their spacing).
    pub text: String,
}

/// One row of a comparison.
#[derive(Clone, Debug, Serialize)]
pub struct Row<'a> {
    /// Area of the statement in the second level (or the first, when dropped).
    pub area: &'a str,
    /// What changed.
    pub change: Change,
    /// The statement in the first level.
    pub old: Option<&'a Statement>,
    /// The statement in the second level.
    pub new: Option<&'a Statement>,
    /// Similarity of the pair (1 for unchanged, 0 for new or dropped).
    pub score: f64,
    /// Word diff from old to new, for changed rows.
    pub diff: Vec<DiffPart>,
}

/// Counts per kind of change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// New statements.
    pub new: usize,
    /// Reworded statements.
    pub changed: usize,
    /// Identical statements.
    pub unchanged: usize,
    /// Dropped statements.
    pub dropped: usize,
}

/// A comparison of two levels.
#[derive(Clone, Debug, Serialize)]
pub struct Comparison<'a> {
    /// Rows: for each area (in the order given), matched pairs first, then new, then dropped.
    pub rows: Vec<Row<'a>>,
    /// Counts.
    pub summary: Summary,
}

/// Every statement of a level with its descendants, in order.
fn flatten(statements: &[Statement]) -> Vec<&Statement> {
    let mut out = Vec::new();
    for s in statements {
        s.visit(&mut |x| out.push(x));
    }
    out
}

/// Full text used for matching: the name and the text.
pub fn full_text(s: &Statement) -> String {
    match &s.name {
        Some(n) => format!("{n}: {}", s.text),
        None => s.text.clone(),
    }
}

/// The order of areas, which orders a comparison's rows: a list of area
/// ids, or (for frameworks with many areas, looked up for many comparisons)
/// a map from area id to its place.
pub trait AreaOrder {
    /// The place of `area`, `None` when it is not in the order.
    fn position(&self, area: &str) -> Option<usize>;
}

impl AreaOrder for [String] {
    fn position(&self, area: &str) -> Option<usize> {
        self.iter().position(|a| a == area)
    }
}

impl AreaOrder for Vec<String> {
    fn position(&self, area: &str) -> Option<usize> {
        self.as_slice().position(area)
    }
}

impl AreaOrder for std::collections::HashMap<String, usize> {
    fn position(&self, area: &str) -> Option<usize> {
        self.get(area).copied()
    }
}

/// Compares level `a` (old) with level `b` (new). `area_order` orders the rows.
pub fn compare<'a>(
    a: &'a Level,
    b: &'a Level,
    area_order: &(impl AreaOrder + ?Sized),
) -> Comparison<'a> {
    compare_prepared(&Prepared::level(a), &Prepared::level(b), area_order)
}

/// Compares two lists of statements.
pub fn compare_statements<'a>(
    old: &[&'a Statement],
    new: &[&'a Statement],
    area_order: &(impl AreaOrder + ?Sized),
) -> Comparison<'a> {
    compare_prepared(
        &Prepared::of(old.to_vec()),
        &Prepared::of(new.to_vec()),
        area_order,
    )
}

/// A level's statements ready to be compared: flattened, with the sorted
/// occurrences of their tokens. Preparing each level once lets a site compare
/// every pair of adjacent levels without tokenising or sorting any level twice.
#[derive(Clone, Debug)]
pub struct Prepared<'a> {
    statements: Vec<&'a Statement>,
    occurrences: Vec<(u64, u32)>,
}

impl<'a> Prepared<'a> {
    /// Prepares a level.
    pub fn level(level: &'a Level) -> Prepared<'a> {
        Prepared::of(flatten(&level.statements))
    }

    fn of(statements: Vec<&'a Statement>) -> Prepared<'a> {
        let ids: Vec<Vec<u64>> = statements
            .iter()
            .map(|s| token_ids(&full_text(s)))
            .collect();
        Prepared {
            statements,
            occurrences: occurrences(&ids),
        }
    }
}

/// Compares two prepared levels (old, then new).
pub fn compare_prepared<'a>(
    a: &Prepared<'a>,
    b: &Prepared<'a>,
    area_order: &(impl AreaOrder + ?Sized),
) -> Comparison<'a> {
    let (old, new) = (&a.statements, &b.statements);
    let both = merge_occurrences(&a.occurrences, old.len() as u32, &b.occurrences);
    let vectors = vectors_from_occurrences(&both, old.len() + new.len());
    let (old_vec, new_vec) = vectors.split_at(old.len());
    // Every score at once (most pairs share no term and cost nothing).
    let scores = cosine_matrix(old_vec, new_vec);

    // Same text (and name) is unchanged whatever the vectors say.
    let same = |o: &Statement, n: &Statement| {
        o.text.len() == n.text.len() && o.text == n.text && o.name == n.name
    };
    // Areas as small numbers, so the pair loops compare integers, not strings.
    let mut area_names: Vec<&str> = Vec::new();
    let mut numbers: HashMap<&str, usize> = HashMap::new();
    let mut area_number = |area: &'a str| {
        *numbers.entry(area).or_insert_with(|| {
            area_names.push(area);
            area_names.len() - 1
        })
    };
    let old_area: Vec<usize> = old.iter().map(|s| area_number(&s.area)).collect();
    let new_area: Vec<usize> = new.iter().map(|s| area_number(&s.area)).collect();
    let mut old_used = vec![false; old.len()];
    let mut new_match: Vec<Option<(usize, f64)>> = vec![None; new.len()];
    // First within each area, then moves across areas among what is left:
    // most statements stay in their area, so most pairs are never scored.
    for cross_area in [false, true] {
        let threshold = if cross_area {
            THRESHOLDS.other_area
        } else {
            THRESHOLDS.same_area
        };
        // Each pair as one integer that sorts by score (highest first), then
        // by position: scores are positive, and the bits of positive floats
        // sort as the floats do. Sorting integers is several times faster
        // than comparing tuples, and the order is the same.
        let mut pairs: Vec<u128> = Vec::new();
        for (i, o) in old.iter().enumerate() {
            if old_used[i] {
                continue;
            }
            for (j, n) in new.iter().enumerate() {
                if new_match[j].is_some() || (old_area[i] != new_area[j]) != cross_area {
                    continue;
                }
                let score = if same(o, n) {
                    1.0
                } else {
                    scores[i * new.len() + j]
                };
                if score >= threshold {
                    let descending = u64::MAX - score.to_bits();
                    pairs.push((u128::from(descending) << 64) | ((i as u128) << 32) | j as u128);
                }
            }
        }
        pairs.sort_unstable();
        for key in pairs {
            let score = f64::from_bits(u64::MAX - (key >> 64) as u64);
            let (i, j) = ((key >> 32) as u32 as usize, key as u32 as usize);
            if old_used[i] || new_match[j].is_some() {
                continue;
            }
            old_used[i] = true;
            new_match[j] = Some((i, score.min(1.0)));
        }
    }

    let mut rows: Vec<Row<'a>> = Vec::new();
    let mut summary = Summary::default();
    for (j, n) in new.iter().enumerate() {
        match new_match[j] {
            Some((i, score)) => {
                let o = old[i];
                let unchanged = same(o, n);
                let change = if unchanged {
                    Change::Unchanged
                } else {
                    Change::Changed
                };
                if unchanged {
                    summary.unchanged += 1;
                } else {
                    summary.changed += 1;
                }
                rows.push(Row {
                    area: &n.area,
                    change,
                    old: Some(o),
                    new: Some(n),
                    score,
                    diff: if unchanged {
                        Vec::new()
                    } else {
                        word_diff(&full_text(o), &full_text(n))
                    },
                });
            }
            None => {
                summary.new += 1;
                rows.push(Row {
                    area: &n.area,
                    change: Change::New,
                    old: None,
                    new: Some(n),
                    score: 0.0,
                    diff: Vec::new(),
                });
            }
        }
    }
    for (i, o) in old.iter().enumerate() {
        if !old_used[i] {
            summary.dropped += 1;
            rows.push(Row {
                area: &o.area,
                change: Change::Dropped,
                old: Some(o),
                new: None,
                score: 0.0,
                diff: Vec::new(),
            });
        }
    }
    // Each area's place in `area_order`, looked up once per area of this
    // comparison rather than once per row.
    let places: HashMap<&str, usize> = area_names
        .iter()
        .map(|name| (*name, area_order.position(name).unwrap_or(usize::MAX)))
        .collect();
    let position = |area: &str| places.get(area).copied().unwrap_or(usize::MAX);
    let rank = |c: Change| match c {
        Change::Unchanged | Change::Changed => 0,
        Change::New => 1,
        Change::Dropped => 2,
    };
    // Stable: keeps the second level's order within an area and kind.
    rows.sort_by_cached_key(|r| (position(r.area), rank(r.change)));
    Comparison { rows, summary }
}

/// Words and the white space between them, the units of a word diff.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space.is_some_and(|s| s != space) {
            out.push(&text[start..i]);
            start = i;
        }
        in_space = Some(space);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// A 64-bit FNV-1a hash of each word: the quadratic loop compares numbers,
/// and only equal numbers are confirmed by comparing the words themselves.
fn word_hashes(words: &[&str]) -> Vec<u64> {
    words.iter().map(|w| crate::text::word_hash(w)).collect()
}

/// A word-level diff from `old` to `new`: the common leading and trailing
/// words are kept as they are, and the words between them are diffed by a
/// longest common subsequence, preferring removals before additions where
/// both are possible.
///
/// Statements are short, and a rewording usually touches a few words in the
/// middle, so the quadratic table is small. The website's script implements
/// exactly this, so pre-rendered and in-browser comparisons highlight the
/// same words.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPart> {
    let (x, y) = (words(old), words(new));
    let prefix = x.iter().zip(&y).take_while(|(a, b)| a == b).count();
    let suffix = x[prefix..]
        .iter()
        .rev()
        .zip(y[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (head, tail) = (&x[..prefix], &x[x.len() - suffix..]);
    let (x, y) = (&x[prefix..x.len() - suffix], &y[prefix..y.len() - suffix]);
    let (m, n) = (x.len(), y.len());
    let (xi, yi) = (word_hashes(x), word_hashes(y));
    let same = |i: usize, j: usize| xi[i] == yi[j] && x[i] == y[j];
    // lcs[i][j] = length of the LCS of x[i..] and y[j..], stored row-major.
    let width = n + 1;
    let mut lcs = vec![0u32; (m + 1) * width];
    for i in (0..m).rev() {
        for j in (0..n).rev() {
            lcs[i * width + j] = if same(i, j) {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let mut parts: Vec<DiffPart> = Vec::new();
    let mut push = |op: &'static str, text: &str| match parts.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => parts.push(DiffPart {
            op,
            text: text.to_string(),
        }),
    };
    for w in head {
        push("same", w);
    }
    let (mut i, mut j) = (0, 0);
    while i < m && j < n {
        if same(i, j) {
            push("same", x[i]);
            i += 1;
            j += 1;
        } else if lcs[(i + 1) * width + j] >= lcs[i * width + j + 1] {
            push("removed", x[i]);
            i += 1;
        } else {
            push("added", y[j]);
            j += 1;
        }
    }
    for w in &x[i..] {
        push("removed", w);
    }
    for w in &y[j..] {
        push("added", w);
    }
    for w in tail {
        push("same", w);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(area: &str, text: &str) -> Statement {
        Statement {
            area: area.into(),
            text: text.into(),
            ..Statement::default()
        }
    }

    #[test]
    fn word_diff_keeps_every_word_once() {
        let d = word_diff("You lead small projects.", "You lead large  projects well.");
        let old: String = d
            .iter()
            .filter(|p| p.op != "added")
            .map(|p| p.text.as_str())
            .collect();
        let new: String = d
            .iter()
            .filter(|p| p.op != "removed")
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(old, "You lead small projects.");
        assert_eq!(new, "You lead large  projects well.");
        assert!(
            d.iter()
                .any(|p| p.op == "removed" && p.text.contains("small"))
        );
    }

    #[test]
    fn classifies_rows() {
        let a = Level {
            statements: vec![
                st("craft", "You review code with care."),
                st("craft", "You lead small projects for your team."),
                st("craft", "You write tests."),
            ],
            ..Level::default()
        };
        let b = Level {
            statements: vec![
                st("craft", "You review code with care."),
                st("craft", "You lead large projects across several teams."),
                st("delivery", "You plan quarterly roadmaps."),
            ],
            ..Level::default()
        };
        let order = vec!["craft".to_string(), "delivery".to_string()];
        let c = compare(&a, &b, &order);
        assert_eq!(
            c.summary,
            Summary {
                new: 1,
                changed: 1,
                unchanged: 1,
                dropped: 1
            }
        );
        let changed = c
            .rows
            .iter()
            .find(|r| r.change == Change::Changed)
            .map(|r| r.diff.clone())
            .unwrap_or_default();
        assert!(
            changed
                .iter()
                .any(|p| p.op == "added" && p.text.contains("large")),
            "{changed:?}"
        );
        assert!(
            changed
                .iter()
                .any(|p| p.op == "removed" && p.text.contains("small")),
            "{changed:?}"
        );
        assert_eq!(c.rows.last().map(|r| r.area), Some("delivery"));
    }
}
