//! A first guess at each person's level when a rollout opens, from their
//! job title: the level whose title it names, else the grade it names, else
//! the level whose title shares the most words. For people whose title
//! comes from their previous company, with that company's ladder configured,
//! the level their previous level maps to (`rungs map`). Always with the
//! reason, so the manager knows what to check.

use std::collections::HashMap;

use rungs_core::Framework;
use rungs_store::Suggestion;
use rungs_store::model::Person;

use crate::framework::{Ladder, LevelRef};

/// A suggestion for every active person.
pub(crate) fn suggest_all(
    ladder: &Ladder,
    people: &[Person],
    previous: Option<&Framework>,
) -> Vec<Suggestion> {
    let levels = ladder.all_levels();
    let mut maps = MapCache::default();
    people
        .iter()
        .filter(|p| p.active)
        .map(|p| {
            let (level, reason) = match suggest(&levels, p) {
                // Their title here says nothing: their previous one may.
                (None, why) => match (previous, p.previous_title.as_deref()) {
                    (Some(prev), Some(title)) => match from_previous(prev, ladder, &levels, title, &mut maps) {
                        Some((level, reason)) => (Some(level), reason),
                        None => (None, format!("{why}; previous title \u{201c}{title}\u{201d} is not a level of {}", prev.title)),
                    },
                    _ => (None, why),
                },
                found => found,
            };
            Suggestion {
                person_id: p.id,
                level: level.map(|l| (l.track.clone(), l.level.clone())),
                reason,
            }
        })
        .collect()
}

/// Where one level of theirs lands on one of our tracks.
#[derive(Clone)]
struct Landing {
    /// Our level index.
    level: usize,
    similarity: f64,
    confidence: f64,
    /// Titles of our closest levels when the match is not sure; empty otherwise.
    candidates: Vec<String>,
    /// What both levels say about seniority ("both titles say Staff").
    evidence: Vec<String>,
}

/// Mappings made so far: (their track, our track) to, per level of theirs,
/// where it lands.
type MapCache = HashMap<(usize, usize), Vec<Landing>>;

/// The level of ours that a previous company's level maps to, with why.
fn from_previous<'a>(
    previous: &Framework,
    ladder: &Ladder,
    levels: &'a [LevelRef],
    title: &str,
    maps: &mut MapCache,
) -> Option<(&'a LevelRef, String)> {
    let wanted = words(title);
    let (their_track, their_index, their_level) =
        previous.tracks.iter().enumerate().find_map(|(t, track)| {
            let ladder = previous.ladder(track);
            ladder
                .iter()
                .position(|(_, l)| words(&l.title) == wanted)
                .map(|i| (t, i, ladder[i].1.title.clone()))
        })?;
    let ours = &ladder.framework;
    let shared = rungs_core::map::shared_areas(previous, ours);
    let theirs: Vec<&rungs_core::model::Level> = previous
        .ladder(&previous.tracks[their_track])
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    // The best match over our tracks.
    let mut best: Option<(&LevelRef, Landing)> = None;
    for (t, track) in ours.tracks.iter().enumerate() {
        let matches = maps.entry((their_track, t)).or_insert_with(|| {
            let our_levels: Vec<&rungs_core::model::Level> =
                ours.ladder(track).into_iter().map(|(_, l)| l).collect();
            rungs_core::map::map_levels(&theirs, &our_levels, &shared, &[])
                .map(|m| {
                    m.matches
                        .iter()
                        .map(|x| Landing {
                            level: x.b_best,
                            similarity: x.similarity,
                            confidence: x.confidence,
                            candidates: x.candidates.iter().map(|j| m.b[*j].clone()).collect(),
                            evidence: x.evidence.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default()
        });
        let Some(landing) = matches.get(their_index) else {
            continue;
        };
        let our_ladder = ours.ladder(track);
        let Some((_, level)) = our_ladder.get(landing.level) else {
            continue;
        };
        let Some(found) = levels
            .iter()
            .find(|l| l.track == track.id && l.level == level.id)
        else {
            continue;
        };
        if best
            .as_ref()
            .is_none_or(|(_, b)| landing.similarity > b.similarity)
        {
            best = Some((found, landing.clone()));
        }
    }
    let (level, landing) = best?;
    let mut why = format!(
        "previous title \u{201c}{title}\u{201d} is \u{201c}{their_level}\u{201d} at {}, which maps to \u{201c}{}\u{201d} (similarity {:.2}, confidence {:.2})",
        previous.title, level.title, landing.similarity, landing.confidence
    );
    // The seniority both levels share, in the words the map command uses
    // (A is their ladder, B ours).
    if !landing.evidence.is_empty() {
        why.push_str("; seniority (A theirs, B ours): ");
        why.push_str(&landing.evidence.join("; "));
    }
    // A match that is not sure says so, with the levels to check.
    if !landing.candidates.is_empty() {
        why.push_str("; not sure: check ");
        why.push_str(&landing.candidates.join(", "));
    }
    Some((level, why))
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn suggest<'a>(levels: &'a [LevelRef], person: &Person) -> (Option<&'a LevelRef>, String) {
    // Someone already placed keeps their level unless it is gone.
    if let (Some(t), Some(l)) = (&person.track, &person.level)
        && let Some(level) = levels.iter().find(|x| &x.track == t && &x.level == l)
    {
        return (Some(level), "their current level".into());
    }
    let title = person.job_title.trim();
    if title.is_empty() {
        return (None, "no job title to go by".into());
    }
    let title_words = words(title);
    let exact: Vec<&LevelRef> = levels
        .iter()
        .filter(|l| words(&l.title) == title_words)
        .collect();
    if let [one] = exact[..] {
        return (
            Some(one),
            format!("job title \u{201c}{title}\u{201d} is this level's title"),
        );
    }
    let graded: Vec<&LevelRef> = levels
        .iter()
        .filter(|l| {
            l.grade
                .as_deref()
                .is_some_and(|g| title_words.contains(&g.to_lowercase()))
        })
        .collect();
    if let [one] = graded[..] {
        return (
            Some(one),
            format!(
                "job title \u{201c}{title}\u{201d} names grade {}",
                one.grade.as_deref().unwrap_or_default()
            ),
        );
    }
    let candidates = if exact.len() > 1 {
        exact
    } else {
        levels.iter().collect()
    };
    let best = candidates
        .into_iter()
        .map(|l| {
            let lw = words(&l.title);
            let shared = lw.iter().filter(|w| title_words.contains(w)).count();
            let union = lw.len() + title_words.len() - shared;
            (
                l,
                if union == 0 {
                    0.0
                } else {
                    shared as f64 / union as f64
                },
            )
        })
        .filter(|(_, score)| *score >= 0.5)
        .max_by(|a, b| a.1.total_cmp(&b.1));
    match best {
        Some((l, _)) => (
            Some(l),
            format!(
                "job title \u{201c}{title}\u{201d} is closest to \u{201c}{}\u{201d}",
                l.title
            ),
        ),
        None => (
            None,
            format!("no level title or grade matches \u{201c}{title}\u{201d}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(track: &str, id: &str, title: &str, grade: Option<&str>) -> LevelRef {
        LevelRef {
            track: track.into(),
            track_title: track.into(),
            level: id.into(),
            title: title.into(),
            grade: grade.map(Into::into),
            url: String::new(),
        }
    }

    fn person(title: &str) -> Person {
        Person {
            id: 1,
            email: "a@b.c".into(),
            name: "A".into(),
            job_title: title.into(),
            team: None,
            manager_id: None,
            track: None,
            level: None,
            start_date: None,
            active: true,
            role: Default::default(),
            version: 1,
            has_password: false,
            previous_title: None,
            identity_linked: false,
        }
    }

    #[test]
    fn titles_then_grades_then_words() {
        let levels = vec![
            level("eng", "engineer", "Engineer", Some("L3")),
            level("eng", "senior", "Senior Engineer", Some("L4")),
            level("eng", "staff", "Staff Engineer", Some("L5")),
        ];
        assert_eq!(
            suggest(&levels, &person("senior engineer"))
                .0
                .map(|l| l.level.as_str()),
            Some("senior")
        );
        assert_eq!(
            suggest(&levels, &person("Platform L5"))
                .0
                .map(|l| l.level.as_str()),
            Some("staff")
        );
        assert_eq!(
            suggest(&levels, &person("Senior Software Engineer"))
                .0
                .map(|l| l.level.as_str()),
            Some("senior")
        );
        let (none, why) = suggest(&levels, &person("Accountant"));
        assert!(none.is_none());
        assert!(why.contains("Accountant"));
    }
}
