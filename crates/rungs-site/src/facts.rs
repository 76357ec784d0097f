//! A level's indicators as labelled facts ("Time at this level: 2-3 years",
//! "Craft: ~50–65%"), the form comparisons summarise and search indexes.

use rungs_core::model::Indicators;
use rungs_core::{AreaIndex, Framework};

use crate::chart::percent;
use crate::i18n::Messages;

/// The labels of facts, in the site's language.
struct Labels<'w> {
    tenure: String,
    experience: String,
    scope: String,
    /// "Time on AREA", by area id.
    time_on: std::collections::HashMap<&'w str, String>,
    words: &'w Messages,
}

/// The facts of one level, in a stable order: time at the level,
/// experience, scope, then each area of the time split.
fn indicator_facts(fw: &Framework, labels: &Labels, ind: &Indicators) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let words = labels.words;
    if let Some(t) = words.years_or_words(ind.tenure.as_ref(), ind.tenure_words.as_ref()) {
        out.push((labels.tenure.clone(), t));
    }
    if let Some(e) = words.years_or_words(ind.experience.as_ref(), ind.experience_words.as_ref()) {
        out.push((labels.experience.clone(), e));
    }
    if let Some(s) = &ind.scope {
        out.push((labels.scope.clone(), fw.scope_title(s)));
    }
    for t in &ind.time_split {
        let value = match (&t.percent, &t.note) {
            (Some(p), _) => percent(p),
            (None, Some(note)) => note.clone(),
            (None, None) => continue,
        };
        let label = match labels.time_on.get(t.area.as_str()) {
            Some(label) => label.clone(),
            None => labels.words.with("fact-time-on", "area", &t.area),
        };
        out.push((label, value));
    }
    out
}

/// Every level's facts by `(track id, level id)`.
pub type FactsByLevel<'a> = std::collections::HashMap<(&'a str, &'a str), Vec<(String, String)>>;

/// The facts of every level of `fw`, worked out in parallel.
pub fn by_level<'a>(fw: &'a Framework, areas: &AreaIndex, words: &Messages) -> FactsByLevel<'a> {
    use rayon::prelude::*;
    // The labels in the site's language, worked out once per build.
    let labels = Labels {
        tenure: words.get("fact-time-at-level"),
        experience: words.get("fact-experience"),
        scope: words.get("fact-scope"),
        time_on: areas
            .order
            .iter()
            .map(|a| {
                (
                    a.as_str(),
                    words.with("fact-time-on", "area", areas.title(a)),
                )
            })
            .collect(),
        words,
    };
    let labels = &labels;
    fw.tracks
        .par_iter()
        .flat_map_iter(|t| t.levels.iter().map(move |l| (t, l)))
        .map(|(t, l)| {
            (
                (t.id.as_str(), l.id.as_str()),
                indicator_facts(fw, labels, &l.indicators),
            )
        })
        .collect()
}
