//! A level's indicators as labelled facts ("Time at this level: 2-3 years",
//! "Craft: ~50–65%"), the form comparisons summarise and search indexes.

use rungs_core::model::Indicators;
use rungs_core::{AreaIndex, Framework};

use crate::chart::percent;

/// The facts of one level, in a stable order: time at the level,
/// experience, scope, then each area of the time split.
pub fn indicator_facts(
    fw: &Framework,
    areas: &AreaIndex,
    ind: &Indicators,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(t) = ind.tenure_text() {
        out.push(("Time at this level".to_string(), t));
    }
    if let Some(e) = ind.experience_text() {
        out.push(("Experience".to_string(), e));
    }
    if let Some(s) = &ind.scope {
        out.push(("Scope".to_string(), fw.scope_title(s)));
    }
    for t in &ind.time_split {
        let value = match (&t.percent, &t.note) {
            (Some(p), _) => percent(p),
            (None, Some(note)) => note.clone(),
            (None, None) => continue,
        };
        out.push((format!("Time on {}", areas.title(&t.area)), value));
    }
    out
}

/// Every level's facts by `(track id, level id)`.
pub type FactsByLevel<'a> = std::collections::HashMap<(&'a str, &'a str), Vec<(String, String)>>;

/// The facts of every level of `fw`, worked out in parallel.
pub fn by_level<'a>(fw: &'a Framework, areas: &AreaIndex) -> FactsByLevel<'a> {
    use rayon::prelude::*;
    fw.tracks
        .par_iter()
        .flat_map_iter(|t| t.levels.iter().map(move |l| (t, l)))
        .map(|(t, l)| {
            (
                (t.id.as_str(), l.id.as_str()),
                indicator_facts(fw, areas, &l.indicators),
            )
        })
        .collect()
}
