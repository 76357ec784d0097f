//! The changelog between two versions of a framework: tracks and levels
//! added or removed; statements added, removed, reworded (with a word diff)
//! or moved between levels or areas.
//!
//! Statements keep their identity across versions the way assessments need:
//! first by id (explicit ids, then derived ids) within the same level, then
//! by id within the track (a move), and last by text similarity among what is
//! left (a rewording that changed a derived id). Only what remains unmatched is
//! added or removed.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::compare::{DiffPart, full_text, word_diff};
use crate::model::{Framework, Level, Statement};
use crate::similarity::{Corpus, Vector, cosine, tokens};

/// Two statements at least this similar are one statement, reworded.
pub const RELINK_THRESHOLD: f64 = 0.5;

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
}

impl Changelog {
    /// True when the versions are the same.
    pub fn is_empty(&self) -> bool {
        self.tracks_added.is_empty()
            && self.tracks_removed.is_empty()
            && self.levels_added.is_empty()
            && self.levels_removed.is_empty()
            && self.statements.is_empty()
    }
}

/// A statement and where it is, borrowed (there are hundreds of thousands).
struct Item<'a> {
    track: &'a str,
    level: &'a Level,
    statement: &'a Statement,
}

impl Item<'_> {
    fn place(&self) -> Place {
        Place {
            track: self.track.to_string(),
            level: self.level.id.clone(),
            level_title: self.level.title.clone(),
            area: self.statement.area.clone(),
        }
    }

    fn same_place(&self, other: &Item<'_>) -> bool {
        self.track == other.track
            && self.level.id == other.level.id
            && self.statement.area == other.statement.area
    }
}

fn items(fw: &Framework) -> Vec<Item<'_>> {
    let mut out = Vec::with_capacity(fw.counts().statements);
    for t in &fw.tracks {
        for l in &t.levels {
            for s in &l.statements {
                s.visit(&mut |x: &Statement| {
                    out.push(Item {
                        track: &t.id,
                        level: l,
                        statement: x,
                    })
                });
            }
        }
    }
    out
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

    let (a, b) = (items(old), items(new));
    let mut old_used = vec![false; a.len()];
    let mut new_match: Vec<Option<usize>> = vec![None; b.len()];
    // 1. Same id in the same level; 2. same id elsewhere in the same track.
    let mut by_level: HashMap<(&str, &str, &str), usize> = HashMap::new();
    let mut by_track: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, it) in a.iter().enumerate() {
        by_level.insert((it.track, it.level.id.as_str(), &it.statement.id), i);
        by_track
            .entry((it.track, &it.statement.id))
            .or_default()
            .push(i);
    }
    for (j, it) in b.iter().enumerate() {
        if let Some(&i) = by_level.get(&(it.track, it.level.id.as_str(), it.statement.id.as_str()))
            && !old_used[i]
        {
            old_used[i] = true;
            new_match[j] = Some(i);
        }
    }
    for (j, it) in b.iter().enumerate() {
        if new_match[j].is_some() {
            continue;
        }
        let candidates = by_track.get(&(it.track, it.statement.id.as_str()));
        if let Some(&i) = candidates.into_iter().flatten().find(|&&i| !old_used[i]) {
            old_used[i] = true;
            new_match[j] = Some(i);
        }
    }
    // 3. Similarity among the rest, per track: a rewording that changed a derived id.
    let mut rest: HashMap<&str, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for (i, it) in a.iter().enumerate().filter(|(i, _)| !old_used[*i]) {
        rest.entry(it.track).or_default().0.push(i);
    }
    for (j, it) in b
        .iter()
        .enumerate()
        .filter(|(j, _)| new_match[*j].is_none())
    {
        rest.entry(it.track).or_default().1.push(j);
    }
    let mut tracks: Vec<&&str> = rest.keys().collect();
    tracks.sort();
    let tracks: Vec<String> = tracks.into_iter().map(|t| t.to_string()).collect();
    for track in tracks {
        let (olds, news) = &rest[track.as_str()];
        if olds.is_empty() || news.is_empty() {
            continue;
        }
        let ta: Vec<Vec<String>> = olds
            .iter()
            .map(|&i| tokens(&full_text(a[i].statement)))
            .collect();
        let tb: Vec<Vec<String>> = news
            .iter()
            .map(|&j| tokens(&full_text(b[j].statement)))
            .collect();
        let corpus = Corpus::new(ta.iter().chain(&tb).map(Vec::as_slice));
        let va: Vec<Vector> = ta.iter().map(|t| corpus.vector(t)).collect();
        let vb: Vec<Vector> = tb.iter().map(|t| corpus.vector(t)).collect();
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (x, &i) in olds.iter().enumerate() {
            for (y, &j) in news.iter().enumerate() {
                let mut score = cosine(&va[x], &vb[y]);
                if a[i].level.id == b[j].level.id {
                    score += 1e-6; // prefer staying in the level on ties
                }
                if score >= RELINK_THRESHOLD {
                    pairs.push((score, i, j));
                }
            }
        }
        pairs.sort_by(|p, q| {
            q.0.total_cmp(&p.0)
                .then_with(|| (p.1, p.2).cmp(&(q.1, q.2)))
        });
        for (_, i, j) in pairs {
            if !old_used[i] && new_match[j].is_none() {
                old_used[i] = true;
                new_match[j] = Some(i);
            }
        }
    }
    for (j, it) in b.iter().enumerate() {
        match new_match[j] {
            None => log.statements.push(StatementChange::Added {
                at: it.place(),
                id: it.statement.id.clone(),
                text: full_text(it.statement),
            }),
            Some(i) => {
                let (o, n) = (&a[i], it);
                let same_text =
                    o.statement.text == n.statement.text && o.statement.name == n.statement.name;
                let same_place = o.same_place(n);
                let diff = || word_diff(&full_text(o.statement), &full_text(n.statement));
                if same_place && same_text {
                    log.unchanged += 1;
                } else if same_place {
                    log.statements.push(StatementChange::Reworded {
                        at: n.place(),
                        old_id: o.statement.id.clone(),
                        new_id: n.statement.id.clone(),
                        diff: diff(),
                    });
                } else {
                    log.statements.push(StatementChange::Moved {
                        from: o.place(),
                        to: n.place(),
                        old_id: o.statement.id.clone(),
                        new_id: n.statement.id.clone(),
                        diff: diff(),
                    });
                }
            }
        }
    }
    for (_, it) in a.iter().enumerate().filter(|(i, _)| !old_used[*i]) {
        log.statements.push(StatementChange::Removed {
            at: it.place(),
            id: it.statement.id.clone(),
            text: full_text(it.statement),
        });
    }
    log
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
    let md_diff = |parts: &[DiffPart]| -> String {
        parts
            .iter()
            .map(|p| match p.op {
                "added" if !p.text.trim().is_empty() => format!("**{}**", p.text.trim()),
                "removed" if !p.text.trim().is_empty() => format!("~~{}~~", p.text.trim()),
                "added" | "removed" => String::new(),
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
