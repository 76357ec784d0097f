//! `[impact]` of rungs.toml: how much an edit may do to people before
//! `rungs impact --exit-code` fails it, and the note that allows more.
//!
//! ```toml
//! [impact]
//! stop_being_ready = 0            # people who may stop being ready (default 0)
//! removed_level_placements = 0    # people left on removed levels (default 0)
//! archived_ratings = 500          # ratings of removed statements (default: any)
//! allow = "Senior's testing bar rises on purpose; agreed with HR"
//! ```
//!
//! An `allow` note lifts the limits for the edit that writes it: a note the
//! old version already had does not count, so each edit that goes past the
//! limits says why in its own words.

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceFile;

use super::Computed;

/// The limits, with their defaults (no one may stop being ready or be
/// left on a removed level; any number of ratings may stop counting).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Limits {
    /// People who may stop being ready.
    pub stop_being_ready: usize,
    /// People who may be left placed on removed levels.
    pub removed_level_placements: usize,
    /// Ratings of removed statements that may stop counting (`None`: any).
    pub archived_ratings: Option<u64>,
    /// Why this edit may go past the limits.
    pub allow: Option<String>,
}

const KEYS: &[&str] = &[
    "stop_being_ready",
    "removed_level_placements",
    "archived_ratings",
    "allow",
];

/// Reads `[impact]` of rungs.toml; problems are diagnostics at their line
/// (with "did you mean" for a misspelt key), and the defaults stand in for
/// what is wrong.
pub fn parse(file: &SourceFile) -> (Limits, Vec<Diagnostic>) {
    let mut limits = Limits::default();
    let mut diags = Vec::new();
    // Syntax errors are reported once, by the reader of rungs.toml.
    let Ok(doc) = toml::from_str::<toml::Table>(file.text()) else {
        return (limits, diags);
    };
    let Some(value) = doc.get("impact") else {
        return (limits, diags);
    };
    let at = |key: &str| crate::assess::locate(file, &["impact", key]);
    let Some(table) = value.as_table() else {
        diags.push(
            Diagnostic::error(Code::InvalidValue, "`impact` must be a table: [impact]")
                .at(&crate::assess::locate(file, &["impact"]))
                .help("see docs/impact.md for the keys of [impact]"),
        );
        return (limits, diags);
    };
    let count = |diags: &mut Vec<Diagnostic>, key: &str, v: &toml::Value| -> Option<u64> {
        match v {
            toml::Value::Integer(n) if *n >= 0 => Some(*n as u64),
            other => {
                diags.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        format!("`{key} = {other}` is not a number of 0 or more"),
                    )
                    .at(&at(key))
                    .help(format!("write a whole number, e.g. `{key} = 0`")),
                );
                None
            }
        }
    };
    for (key, v) in table {
        match key.as_str() {
            "stop_being_ready" => {
                if let Some(n) = count(&mut diags, key, v) {
                    limits.stop_being_ready = n as usize;
                }
            }
            "removed_level_placements" => {
                if let Some(n) = count(&mut diags, key, v) {
                    limits.removed_level_placements = n as usize;
                }
            }
            "archived_ratings" => limits.archived_ratings = count(&mut diags, key, v),
            "allow" => match v.as_str().map(str::trim) {
                Some(note) if !note.is_empty() => limits.allow = Some(note.to_string()),
                _ => diags.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        "`allow` must be a note in words: why this edit may change readiness",
                    )
                    .at(&at(key))
                    .help("e.g. allow = \"the testing bar at Senior rises on purpose\""),
                ),
            },
            other => diags.push(
                Diagnostic::error(
                    Code::UnknownKey,
                    format!("[impact]: `{other}` is not a setting"),
                )
                .at(&at(other))
                .label("unknown key")
                .help(crate::text::suggest_or(other, KEYS.iter().copied(), || {
                    format!("the keys of [impact] are {}", KEYS.join(", "))
                })),
            ),
        }
    }
    (limits, diags)
}

/// Whether an edit stays within its limits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Verdict {
    /// Within the limits, or allowed by a note.
    pub pass: bool,
    /// Each limit gone past, in words (no figure of a hidden group).
    pub over: Vec<String>,
    /// The note that allows it, when one does.
    pub allowed_by: Option<String>,
}

/// Checks `computed` against the new version's limits; `old` is the old
/// version's, whose `allow` note does not carry over.
pub fn check(old: &Limits, new: &Limits, computed: &Computed) -> Verdict {
    let mut over = Vec::new();
    // Figures of hidden groups are never printed, not even inside a total
    // (a total less the levels shown would give a hidden group away): a
    // line past a limit counts what the levels shown hold, and says when
    // levels too small to show hold more.
    let count = |shown: usize, all: usize| match (shown, all > shown) {
        (s, false) => s.to_string(),
        (0, true) => "some (in levels too small to show)".to_string(),
        (s, true) => format!("{s} (and more in levels too small to show)"),
    };
    if computed.stop_being_ready_all > new.stop_being_ready {
        over.push(format!(
            "{} people stop being ready; [impact] allows {}",
            count(
                computed.impact.stop_being_ready,
                computed.stop_being_ready_all
            ),
            new.stop_being_ready
        ));
    }
    if computed.removed_placements_all > new.removed_level_placements {
        let shown = computed
            .impact
            .removed_placements
            .iter()
            .filter_map(|p| p.people)
            .sum();
        over.push(format!(
            "{} people are placed on removed levels; [impact] allows {}",
            count(shown, computed.removed_placements_all),
            new.removed_level_placements
        ));
    }
    if let Some(max) = new.archived_ratings
        && computed.impact.ratings.archived > max
    {
        over.push(format!(
            "{} ratings stop counting (their statements are removed); [impact] allows {max}",
            computed.impact.ratings.archived
        ));
    }
    let allowed_by = new
        .allow
        .clone()
        .filter(|note| old.allow.as_deref() != Some(note.as_str()));
    Verdict {
        pass: over.is_empty() || allowed_by.is_some(),
        allowed_by: if over.is_empty() { None } else { allowed_by },
        over,
    }
}
