//! What changed besides statements: the framework's title and areas, each
//! track's settings, each level's title, summary, grade and indicators.
//! Everything a reader of the site sees, so a changelog never hides an edit.

use std::collections::HashMap;

use serde::Serialize;

use crate::load::ranges::{format_percent, format_years};
use crate::model::{Area, Framework, Indicators, Level, Track, YearRange};

/// One setting that changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// What it belongs to: `framework`, `area craft`, `track engineering`,
    /// `engineering/senior`.
    pub of: String,
    /// The setting: `title`, `summary`, `grade`, `tenure`, `time split`...
    pub field: &'static str,
    /// Its old value, as written (empty when it was not set).
    pub old: String,
    /// Its new value, as written (empty when it is no longer set).
    pub new: String,
}

/// Collects changes, one `compare` call per setting.
struct Fields {
    changes: Vec<FieldChange>,
}

impl Fields {
    fn compare(&mut self, of: &str, field: &'static str, old: String, new: String) {
        if old != new {
            self.changes.push(FieldChange {
                of: of.to_string(),
                field,
                old,
                new,
            });
        }
    }
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn years(value: &Option<YearRange>) -> String {
    value.as_ref().map(format_years).unwrap_or_default()
}

fn time_split(indicators: &Indicators) -> String {
    indicators
        .time_split
        .iter()
        .map(|t| {
            let percent = t.percent.as_ref().map(format_percent);
            match (percent, &t.note) {
                (Some(p), Some(n)) => format!("{}: {p} ({n})", t.area),
                (Some(p), None) => format!("{}: {p}", t.area),
                (None, Some(n)) => format!("{}: {n}", t.area),
                (None, None) => t.area.clone(),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn all_areas(areas: &[Area], out: &mut Vec<(String, String)>) {
    for a in areas {
        out.push((a.id.clone(), a.title.clone()));
        all_areas(&a.children, out);
    }
}

/// Every setting that differs between `old` and `new`, framework first,
/// then areas, tracks and levels in the new version's order. Tracks and
/// levels added or removed are left to the changelog's own lists.
pub fn changed_settings(old: &Framework, new: &Framework) -> Vec<FieldChange> {
    let mut f = Fields {
        changes: Vec::new(),
    };
    f.compare("framework", "title", old.title.clone(), new.title.clone());
    f.compare(
        "framework",
        "description",
        text(&old.description),
        text(&new.description),
    );
    let grades = |fw: &Framework| {
        fw.grades
            .iter()
            .map(|g| match &g.title {
                Some(t) => format!("{} ({t})", g.id),
                None => g.id.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    f.compare("framework", "grade scale", grades(old), grades(new));
    let (mut old_areas, mut new_areas) = (Vec::new(), Vec::new());
    all_areas(&old.areas, &mut old_areas);
    all_areas(&new.areas, &mut new_areas);
    let old_titles: HashMap<&str, &str> = old_areas
        .iter()
        .map(|(id, t)| (id.as_str(), t.as_str()))
        .collect();
    for (id, title) in &new_areas {
        match old_titles.get(id.as_str()) {
            Some(was) => f.compare(
                &format!("area {id}"),
                "title",
                was.to_string(),
                title.clone(),
            ),
            None => f.compare(&format!("area {id}"), "added", String::new(), title.clone()),
        }
    }
    let new_ids: Vec<&str> = new_areas.iter().map(|(id, _)| id.as_str()).collect();
    for (id, title) in &old_areas {
        if !new_ids.contains(&id.as_str()) {
            f.compare(
                &format!("area {id}"),
                "removed",
                title.clone(),
                String::new(),
            );
        }
    }
    let old_tracks: HashMap<&str, &Track> = old.tracks.iter().map(|t| (t.id.as_str(), t)).collect();
    for t in &new.tracks {
        let Some(o) = old_tracks.get(t.id.as_str()) else {
            continue;
        };
        let of = format!("track {}", t.id);
        f.compare(&of, "title", o.title.clone(), t.title.clone());
        f.compare(
            &of,
            "description",
            text(&o.description),
            text(&t.description),
        );
        f.compare(
            &of,
            "introduction",
            text(&o.introduction),
            text(&t.introduction),
        );
        f.compare(&of, "kind", o.kind.as_str().into(), t.kind.as_str().into());
        f.compare(&of, "extends", text(&o.extends), text(&t.extends));
        let branch = |t: &Track| {
            t.branch
                .as_ref()
                .map(|b| format!("{} at rank {}", b.from, b.rank))
                .unwrap_or_default()
        };
        f.compare(&of, "branch", branch(o), branch(t));
        let old_levels: HashMap<&str, &Level> =
            o.levels.iter().map(|l| (l.id.as_str(), l)).collect();
        for l in &t.levels {
            if let Some(ol) = old_levels.get(l.id.as_str()) {
                level(&mut f, &format!("{}/{}", t.id, l.id), ol, l);
            }
        }
    }
    f.changes
}

fn level(f: &mut Fields, of: &str, o: &Level, n: &Level) {
    f.compare(of, "title", o.title.clone(), n.title.clone());
    f.compare(of, "rank", o.rank.to_string(), n.rank.to_string());
    f.compare(of, "grade", text(&o.grade), text(&n.grade));
    f.compare(of, "summary", text(&o.summary), text(&n.summary));
    f.compare(
        of,
        "introduction",
        text(&o.introduction),
        text(&n.introduction),
    );
    let (oi, ni) = (&o.indicators, &n.indicators);
    // Years, or the author's words when written so.
    let or_words = |y: &Option<YearRange>, w: &Option<String>| match w {
        Some(w) if y.is_none() => w.clone(),
        _ => years(y),
    };
    f.compare(
        of,
        "tenure",
        or_words(&oi.tenure, &oi.tenure_words),
        or_words(&ni.tenure, &ni.tenure_words),
    );
    f.compare(
        of,
        "experience",
        or_words(&oi.experience, &oi.experience_words),
        or_words(&ni.experience, &ni.experience_words),
    );
    let scope = |i: &Indicators| i.scope.clone().unwrap_or_default();
    f.compare(of, "scope", scope(oi), scope(ni));
    f.compare(of, "time split", time_split(oi), time_split(ni));
    f.compare(of, "indicators note", text(&oi.note), text(&ni.note));
}
