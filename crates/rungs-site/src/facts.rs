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

/// A fact that differs between two levels: label, before, after (`None`
/// where a level does not state it).
pub type FactChange = (String, Option<String>, Option<String>);

/// The facts that differ from `a` to `b`, in `b`'s order, then those only `a` states.
pub fn changed_facts(a: &[(String, String)], b: &[(String, String)]) -> Vec<FactChange> {
    let find = |facts: &[(String, String)], label: &str| {
        facts
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, v)| v.clone())
    };
    let mut out: Vec<FactChange> = Vec::new();
    for (label, after) in b {
        let before = find(a, label);
        if before.as_deref() != Some(after.as_str()) {
            out.push((label.clone(), before, Some(after.clone())));
        }
    }
    for (label, before) in a {
        if find(b, label).is_none() {
            out.push((label.clone(), Some(before.clone()), None));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(l, v)| (l.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn only_what_differs_is_a_change() {
        let a = facts(&[
            ("Time at this level", "1-2 years"),
            ("Time on Craft", "70%"),
            ("Scope", "Team"),
        ]);
        let b = facts(&[
            ("Time at this level", "2-3 years"),
            ("Time on Craft", "70%"),
            ("Time on People", "10%"),
        ]);
        let changes = changed_facts(&a, &b);
        assert_eq!(
            changes,
            vec![
                (
                    "Time at this level".into(),
                    Some("1-2 years".into()),
                    Some("2-3 years".into())
                ),
                ("Time on People".into(), None, Some("10%".into())),
                ("Scope".into(), Some("Team".into()), None),
            ]
        );
    }
}
