//! The changelog between two versions of a framework: tracks and levels
//! added or removed; statements added, removed, reworded (with a word diff),
//! moved between levels or areas, split or merged.
//!
//! It is read off the [`IdMap`] of [`relink`](super::relink::relink), so the
//! changelog an author reads and the links stored ratings follow are the
//! same decisions.

use std::collections::HashSet;

use serde::Serialize;

use super::compare::{DiffPart, full_text, word_diff};
use super::relink::{Found, Item, Linked, items, relink_items};
use crate::model::Framework;

pub use super::settings_diff::FieldChange;

/// Where a statement is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Track id.
    pub track: String,
    /// Level id.
    pub level: String,
    /// Level title.
    pub level_title: String,
    /// Area id.
    pub area: String,
}

/// What happened to one statement.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum StatementChange {
    /// Only in the new version.
    Added {
        /// Where.
        at: Place,
        /// Id.
        id: String,
        /// Text.
        text: String,
    },
    /// Only in the old version.
    Removed {
        /// Where it was.
        at: Place,
        /// Id.
        id: String,
        /// Text.
        text: String,
    },
    /// Same place, new words.
    Reworded {
        /// Where.
        at: Place,
        /// Old id.
        old_id: String,
        /// New id (differs from the old one when a derived id changed).
        new_id: String,
        /// Word diff from old to new.
        diff: Vec<DiffPart>,
    },
    /// The same statement with other examples (its own words may have
    /// changed too: that is reported as well).
    Examples {
        /// Where it is.
        at: Place,
        /// Its id.
        id: String,
        /// Its text.
        text: String,
        /// Examples only in the new version.
        added: Vec<String>,
        /// Examples only in the old version.
        removed: Vec<String>,
    },
    /// One statement became several.
    Split {
        /// Where it was.
        from: Place,
        /// Old id.
        old_id: String,
        /// Its old text.
        text: String,
        /// The statements it became.
        into: Vec<Part>,
    },
    /// Several statements became one.
    Merged {
        /// Where the result is.
        to: Place,
        /// Id of the result.
        new_id: String,
        /// Text of the result.
        text: String,
        /// The old statements merged into it.
        from: Vec<Part>,
    },
    /// Another level or area (and maybe new words).
    Moved {
        /// Where it was.
        from: Place,
        /// Where it is.
        to: Place,
        /// Old id.
        old_id: String,
        /// New id.
        new_id: String,
        /// Word diff (only `same` parts when the text did not change).
        diff: Vec<DiffPart>,
    },
}

/// A statement taking part in a split or a merge.
#[derive(Clone, Debug, Serialize)]
pub struct Part {
    /// Where it is (or was).
    pub at: Place,
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: String,
}

/// The whole changelog.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Changelog {
    /// Track ids only in the new version.
    pub tracks_added: Vec<String>,
    /// Track ids only in the old version.
    pub tracks_removed: Vec<String>,
    /// `track/level` only in the new version.
    pub levels_added: Vec<String>,
    /// `track/level` only in the old version.
    pub levels_removed: Vec<String>,
    /// Statement changes, grouped by track and level of their new place.
    pub statements: Vec<StatementChange>,
    /// Statements present in both versions unchanged.
    pub unchanged: usize,
    /// Settings that changed: the framework's title and areas, tracks'
    /// settings, levels' titles, summaries, grades and indicators.
    pub settings: Vec<FieldChange>,
}

impl Changelog {
    /// True when the versions are the same.
    pub fn is_empty(&self) -> bool {
        self.tracks_added.is_empty()
            && self.tracks_removed.is_empty()
            && self.levels_added.is_empty()
            && self.levels_removed.is_empty()
            && self.statements.is_empty()
            && self.settings.is_empty()
    }
}

fn place(it: &Item<'_>) -> Place {
    Place {
        track: it.track.to_string(),
        level: it.level.id.clone(),
        level_title: it.level.title.clone(),
        area: it.statement.area.clone(),
    }
}

fn part(it: &Item<'_>) -> Part {
    Part {
        at: place(it),
        id: it.statement.id.clone(),
        text: full_text(it.statement),
    }
}

/// Computes the changelog from `old` to `new`.
pub fn diff(old: &Framework, new: &Framework) -> Changelog {
    let mut log = Changelog::default();
    let old_tracks: HashSet<&str> = old.tracks.iter().map(|t| t.id.as_str()).collect();
    let new_tracks: HashSet<&str> = new.tracks.iter().map(|t| t.id.as_str()).collect();
    log.tracks_added = new
        .tracks
        .iter()
        .filter(|t| !old_tracks.contains(t.id.as_str()))
        .map(|t| t.id.clone())
        .collect();
    log.tracks_removed = old
        .tracks
        .iter()
        .filter(|t| !new_tracks.contains(t.id.as_str()))
        .map(|t| t.id.clone())
        .collect();
    let levels = |fw: &Framework| -> Vec<String> {
        fw.tracks
            .iter()
            .flat_map(|t| t.levels.iter().map(move |l| format!("{}/{}", t.id, l.id)))
            .collect()
    };
    let (old_levels, new_levels) = (levels(old), levels(new));
    let old_set: HashSet<&String> = old_levels.iter().collect();
    let new_set: HashSet<&String> = new_levels.iter().collect();
    log.levels_added = new_levels
        .iter()
        .filter(|l| !old_set.contains(l))
        .cloned()
        .collect();
    log.levels_removed = old_levels
        .iter()
        .filter(|l| !new_set.contains(l))
        .cloned()
        .collect();

    log.settings = super::settings_diff::changed_settings(old, new);
    let (a, b) = (items(old), items(new));
    let linked = relink_items(&a, &b);
    statement_changes(&mut log, &a, &b, &linked);
    log
}

/// Adds the statement changes that relinking `a` to `b` found to `log`, in
/// the new version's order, removed statements last.
fn statement_changes(log: &mut Changelog, a: &[Item<'_>], b: &[Item<'_>], linked: &Linked) {
    // Each old statement is reported where its successor is.
    let mut at_new: Vec<Vec<usize>> = vec![Vec::new(); b.len()];
    for (i, found) in linked.fates.iter().enumerate() {
        if let Some(j) = found.successor() {
            at_new[j].push(i);
        }
    }
    let mut added = vec![false; b.len()];
    for &j in &linked.added {
        added[j] = true;
    }
    for (j, n) in b.iter().enumerate() {
        let Some(&i) = at_new[j].first() else {
            // Not a successor: added, or a later part of a split.
            if added[j] {
                log.statements.push(StatementChange::Added {
                    at: place(n),
                    id: n.statement.id.clone(),
                    text: full_text(n.statement),
                });
            }
            continue;
        };
        let o = &a[i];
        let diff = || word_diff(&full_text(o.statement), &full_text(n.statement));
        let examples = examples_change(o, n);
        match &linked.fates[i] {
            Found::Unchanged(_) if examples.is_none() => log.unchanged += 1,
            Found::Unchanged(_) => {}
            Found::Reworded(..) => log.statements.push(StatementChange::Reworded {
                at: place(n),
                old_id: o.statement.id.clone(),
                new_id: n.statement.id.clone(),
                diff: diff(),
            }),
            Found::Moved(..) => log.statements.push(StatementChange::Moved {
                from: place(o),
                to: place(n),
                old_id: o.statement.id.clone(),
                new_id: n.statement.id.clone(),
                diff: diff(),
            }),
            Found::Split(parts) => log.statements.push(StatementChange::Split {
                from: place(o),
                old_id: o.statement.id.clone(),
                text: full_text(o.statement),
                into: parts.iter().map(|&j| part(&b[j])).collect(),
            }),
            Found::Merged(_) => log.statements.push(StatementChange::Merged {
                to: place(n),
                new_id: n.statement.id.clone(),
                text: full_text(n.statement),
                from: at_new[j].iter().map(|&i| part(&a[i])).collect(),
            }),
            Found::Removed => {}
        }
        if let Some(change) = examples {
            log.statements.push(change);
        }
    }
    for (i, found) in linked.fates.iter().enumerate() {
        if *found == Found::Removed {
            let o = &a[i];
            log.statements.push(StatementChange::Removed {
                at: place(o),
                id: o.statement.id.clone(),
                text: full_text(o.statement),
            });
        }
    }
}

/// The examples `n` has that `o` had not, and the other way round; `None`
/// when they are the same.
fn examples_change(o: &Item<'_>, n: &Item<'_>) -> Option<StatementChange> {
    let (old, new) = (&o.statement.examples, &n.statement.examples);
    if old == new {
        return None;
    }
    let added: Vec<String> = new.iter().filter(|e| !old.contains(e)).cloned().collect();
    let removed: Vec<String> = old.iter().filter(|e| !new.contains(e)).cloned().collect();
    // Only reordered: nothing to tell.
    if added.is_empty() && removed.is_empty() {
        return None;
    }
    Some(StatementChange::Examples {
        at: place(n),
        id: n.statement.id.clone(),
        text: full_text(n.statement),
        added,
        removed,
    })
}

/// A word diff as text: `[-removed-]{+added+}`.
pub fn inline_diff(parts: &[DiffPart]) -> String {
    parts
        .iter()
        .map(|p| match p.op {
            "added" => format!("{{+{}+}}", p.text),
            "removed" => format!("[-{}-]", p.text),
            _ => p.text.clone(),
        })
        .collect()
}

/// The changelog as Markdown, for release notes.
pub fn to_markdown(log: &Changelog, old_name: &str, new_name: &str) -> String {
    let mut out = format!("# Changes from {old_name} to {new_name}\n\n");
    if log.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let list = |title: &str, items: &[String], out: &mut String| {
        if !items.is_empty() {
            out.push_str(&format!(
                "**{title}:** {}\n\n",
                items
                    .iter()
                    .map(|i| format!("`{i}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    };
    list("Tracks added", &log.tracks_added, &mut out);
    list("Tracks removed", &log.tracks_removed, &mut out);
    list("Levels added", &log.levels_added, &mut out);
    list("Levels removed", &log.levels_removed, &mut out);
    if !log.settings.is_empty() {
        out.push_str("**Settings changed:**\n\n");
        for c in &log.settings {
            let value = |v: &str| {
                if v.is_empty() {
                    "(none)".to_string()
                } else {
                    format!("“{v}”")
                }
            };
            out.push_str(&format!(
                "- {} {}: {} → {}\n",
                c.of,
                c.field,
                value(&c.old),
                value(&c.new)
            ));
        }
        out.push('\n');
    }
    // Markers go around the words, and the spaces stay outside them, so
    // "a **new** word" never reads "a **new**word".
    let mark = |text: &str, marker: &str| -> String {
        let core = text.trim();
        if core.is_empty() {
            return String::new();
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        format!("{lead}{marker}{core}{marker}{trail}")
    };
    let md_diff = |parts: &[DiffPart]| -> String {
        parts
            .iter()
            .map(|p| match p.op {
                "added" => mark(&p.text, "**"),
                "removed" => mark(&p.text, "~~"),
                _ => p.text.clone(),
            })
            .collect()
    };
    let mut current = String::new();
    for change in &log.statements {
        let (at, line) = match change {
            StatementChange::Added { at, text, .. } => {
                (at, format!("- Added ({}): {text}", at.area))
            }
            StatementChange::Removed { at, text, .. } => {
                (at, format!("- Removed ({}): {text}", at.area))
            }
            StatementChange::Reworded { at, diff, .. } => {
                (at, format!("- Reworded ({}): {}", at.area, md_diff(diff)))
            }
            StatementChange::Examples {
                at,
                text,
                added,
                removed,
                ..
            } => {
                let quoted = |xs: &[String]| {
                    xs.iter()
                        .map(|x| format!("“{x}”"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let mut line = format!("- Examples changed ({}) for “{text}”:", at.area);
                if !added.is_empty() {
                    line.push_str(&format!(" added {}", quoted(added)));
                    if !removed.is_empty() {
                        line.push(';');
                    }
                }
                if !removed.is_empty() {
                    line.push_str(&format!(" removed {}", quoted(removed)));
                }
                (at, line)
            }
            StatementChange::Split {
                from, text, into, ..
            } => (
                from,
                format!(
                    "- Split ({}): {text} → {}",
                    from.area,
                    into.iter()
                        .map(|p| format!("“{}” ({})", p.text, p.at.area))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            ),
            StatementChange::Merged { to, text, from, .. } => (
                to,
                format!(
                    "- Merged ({}): {} → {text}",
                    to.area,
                    from.iter()
                        .map(|p| format!("“{}”", p.text))
                        .collect::<Vec<_>>()
                        .join(" + ")
                ),
            ),
            StatementChange::Moved { from, to, diff, .. } => (
                to,
                format!(
                    "- Moved from {} ({}) to {}: {}",
                    from.level_title,
                    from.area,
                    to.area,
                    md_diff(diff)
                ),
            ),
        };
        let heading = format!("## {} › {}\n\n", at.track, at.level_title);
        if heading != current {
            if !current.is_empty() {
                out.push('\n');
            }
            out.push_str(&heading);
            current = heading;
        }
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!("\n{} statements unchanged.\n", log.unchanged));
    out
}
