//! A first guess at each person's level when a rollout opens, from their
//! job title as the title resolver reads it (`rungs_core::titles`: the
//! level's title or an alias, a code of `[titles.codes]`, a grade, else
//! seniority, step, role and function words); a title off the ladder
//! ("Head of People") gets no level. For people whose title cannot be
//! placed, with their previous company's ladder configured, the level
//! their previous level maps to (`rungs map`). Always with the reason, so
//! the manager knows what to check.

use std::collections::HashMap;

use rungs_core::Framework;
use rungs_core::titles::{Answer, Reading, Titles, Via};
use rungs_store::Suggestion;
use rungs_store::model::Person;

use crate::framework::{Ladder, LevelRef};

/// A suggestion for every active person; none for the people in
/// `off_ladder` (marked not on a ladder), whose entry says so.
pub(crate) fn suggest_all(
    ladder: &Ladder,
    people: &[Person],
    previous: Option<&Framework>,
    off_ladder: &[i64],
) -> Vec<Suggestion> {
    let levels = ladder.all_levels();
    let titles = Titles::new(&ladder.framework);
    let theirs = previous.map(Titles::new);
    let mut maps = MapCache::default();
    let off_ladder: std::collections::HashSet<i64> = off_ladder.iter().copied().collect();
    // A company has far fewer titles than people: each is read once.
    let mut by_title: std::collections::HashMap<String, Guess<'_>> =
        std::collections::HashMap::new();
    people
        .iter()
        .filter(|p| p.active)
        .map(|p| {
            if off_ladder.contains(&p.id) {
                return Suggestion {
                    person_id: p.id,
                    level: None,
                    reason: OFF_LADDER.into(),
                };
            }
            let guess = suggest(&titles, &levels, p, &mut by_title);
            let (level, reason) = match guess {
                // Their title here cannot be placed: their previous one may.
                Guess { level: None, reason, open: true } => {
                    match (previous, &theirs, p.previous_title.as_deref()) {
                        (Some(prev), Some(theirs), Some(title)) => {
                            match from_previous(prev, theirs, ladder, &levels, title, &mut maps) {
                                Some((level, reason)) => (Some(level), reason),
                                None => (None, format!("{reason}; previous title \u{201c}{title}\u{201d} is not a level of {}", prev.title)),
                            }
                        }
                        _ => (None, reason),
                    }
                }
                Guess { level, reason, .. } => (level, reason),
            };
            Suggestion {
                person_id: p.id,
                level: level.map(|l| (l.track.clone(), l.level.clone())),
                reason,
            }
        })
        .collect()
}

/// The reason given to people marked not on a ladder.
pub(crate) const OFF_LADDER: &str = "marked not on a ladder";

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
    /// Why the match is not sure, when it is not.
    doubts: Vec<String>,
}

/// Mappings made so far: (their track, our track) to, per level of theirs,
/// where it lands.
type MapCache = HashMap<(usize, usize), Vec<Landing>>;

/// The level of ours that a previous company's level maps to, with why.
fn from_previous<'a>(
    previous: &Framework,
    theirs: &Titles,
    ladder: &Ladder,
    levels: &'a [LevelRef],
    title: &str,
    maps: &mut MapCache,
) -> Option<(&'a LevelRef, String)> {
    // Their title, read on their ladder as titles here are on ours.
    let reading = theirs.resolve(title);
    let place = reading.level()?;
    let their_track = previous.tracks.iter().position(|t| t.id == place.track)?;
    let their_ladder = previous.ladder(&previous.tracks[their_track]);
    let their_index = their_ladder
        .iter()
        .position(|(t, l)| t.id == place.track && l.id == place.level)?;
    let their_level = place.title.clone();
    let is = if reading.via == Some(Via::Title) && reading.sure {
        "is"
    } else {
        "reads as"
    };
    let ours = &ladder.framework;
    let shared = rungs_core::map::shared_areas(previous, ours);
    let theirs: Vec<&rungs_core::model::Level> = their_ladder.into_iter().map(|(_, l)| l).collect();
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
                            doubts: x.doubts.clone(),
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
        "previous title \u{201c}{title}\u{201d} {is} \u{201c}{their_level}\u{201d} at {}, which maps to \u{201c}{}\u{201d} (similarity {:.2}, confidence {:.2})",
        previous.title, level.title, landing.similarity, landing.confidence
    );
    // The seniority both levels share, in the words the map command uses
    // (A is their ladder, B ours).
    if !landing.evidence.is_empty() {
        why.push_str("; seniority (A theirs, B ours): ");
        why.push_str(&landing.evidence.join("; "));
    }
    // A match that is not sure says so and why, with the levels to check.
    if !landing.candidates.is_empty() {
        why.push_str("; not sure");
        if !landing.doubts.is_empty() {
            why.push_str(&format!(" ({})", landing.doubts.join("; ")));
        }
        why.push_str(": check ");
        why.push_str(&landing.candidates.join(", "));
    }
    Some((level, why))
}

/// A suggestion from a person's title here: the level, why, and whether
/// their previous title may still be tried (their title here cannot be
/// placed; a title off this ladder stays off it).
#[derive(Clone)]
struct Guess<'a> {
    level: Option<&'a LevelRef>,
    reason: String,
    open: bool,
}

fn suggest<'a>(
    titles: &Titles,
    levels: &'a [LevelRef],
    person: &Person,
    by_title: &mut std::collections::HashMap<String, Guess<'a>>,
) -> Guess<'a> {
    // Someone already placed keeps their level unless it is gone.
    if let (Some(t), Some(l)) = (&person.track, &person.level)
        && let Some(level) = levels.iter().find(|x| &x.track == t && &x.level == l)
    {
        return Guess {
            level: Some(level),
            reason: "their current level".into(),
            open: false,
        };
    }
    let title = person.job_title.trim();
    if title.is_empty() {
        return Guess {
            level: None,
            reason: "no job title to go by".into(),
            open: true,
        };
    }
    if let Some(known) = by_title.get(title) {
        return known.clone();
    }
    let reading = titles.resolve(title);
    let level = reading.level().and_then(|p| {
        levels
            .iter()
            .find(|l| l.track == p.track && l.level == p.level)
    });
    let guess = Guess {
        level,
        reason: reason(title, &reading),
        open: reading.answer == Answer::CannotPlace,
    };
    by_title.insert(title.to_string(), guess.clone());
    guess
}

/// Why a title suggests what it does, in the words managers read.
fn reason(title: &str, reading: &Reading) -> String {
    let quoted = format!("job title \u{201c}{title}\u{201d}");
    let mut why = match (&reading.answer, reading.via) {
        (Answer::Level(_), Some(Via::Title)) if reading.reasons.len() == 1 => {
            format!("{quoted} is this level's title")
        }
        (Answer::Level(p), _) => format!(
            "{quoted} reads as \u{201c}{}\u{201d}: {} (confidence {:.2})",
            p.title,
            reading.why(),
            reading.confidence
        ),
        (Answer::NotOnLadder, _) => format!("{quoted} is not on this ladder: {}", reading.why()),
        _ => format!("{quoted} cannot be placed: {}", reading.why()),
    };
    // An answer that is not sure says so, with the levels to check.
    if !reading.sure && !reading.closest.is_empty() {
        let closest: Vec<&str> = reading.closest.iter().map(|p| p.title.as_str()).collect();
        why.push_str(if reading.level().is_some() {
            "; not sure: check "
        } else {
            "; closest: "
        });
        why.push_str(&closest.join(", "));
    }
    why
}

#[cfg(test)]
mod tests {
    use super::*;

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
            display_name: None,
            employee_number: None,
            language: None,
            identity_linked: false,
        }
    }

    /// A ladder of three engineering levels on grades L3 to L5.
    fn framework() -> Framework {
        let level = |id: &str, rank: u32, title: &str, grade: &str| rungs_core::model::Level {
            id: id.into(),
            rank,
            title: title.into(),
            grade: Some(grade.into()),
            ..Default::default()
        };
        Framework {
            title: "Acme".into(),
            grades: ["L3", "L4", "L5"]
                .iter()
                .map(|g| rungs_core::model::Grade {
                    id: (*g).into(),
                    ..Default::default()
                })
                .collect(),
            tracks: vec![rungs_core::model::Track {
                id: "eng".into(),
                title: "Engineering".into(),
                levels: vec![
                    level("engineer", 1, "Engineer", "L3"),
                    level("senior", 2, "Senior Engineer", "L4"),
                    level("staff", 3, "Staff Engineer", "L5"),
                ],
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    fn levels(fw: &Framework) -> Vec<LevelRef> {
        fw.tracks[0]
            .levels
            .iter()
            .map(|l| LevelRef {
                track: "eng".into(),
                track_title: "Engineering".into(),
                level: l.id.clone(),
                title: l.title.clone(),
                grade: l.grade.clone(),
                url: String::new(),
            })
            .collect()
    }

    #[test]
    fn titles_are_read_by_the_resolver_with_the_reason() {
        let fw = framework();
        let (titles, levels) = (Titles::new(&fw), levels(&fw));
        let guess =
            |title: &str| suggest(&titles, &levels, &person(title), &mut Default::default());
        let level = |title: &str| guess(title).level.map(|l| l.level.clone());
        assert_eq!(level("senior engineer").as_deref(), Some("senior"));
        assert_eq!(
            guess("senior engineer").reason,
            "job title \u{201c}senior engineer\u{201d} is this level's title"
        );
        assert_eq!(level("Platform L5").as_deref(), Some("staff"));
        assert!(guess("Platform L5").reason.contains("grade L5"));
        assert_eq!(level("Senior Software Engineer").as_deref(), Some("senior"));
        let sr = guess("Sr. Backend Developer");
        assert_eq!(sr.level.map(|l| l.level.as_str()), Some("senior"));
        assert!(
            sr.reason
                .contains("reads as \u{201c}Senior Engineer\u{201d}")
                && sr.reason.contains("\u{201c}Sr\u{201d} reads as Senior"),
            "{}",
            sr.reason
        );
        // A number the ladder does not use: not sure, with what to check.
        let numbered = guess("Software Engineer III");
        assert!(
            numbered.reason.contains("not sure: check"),
            "{}",
            numbered.reason
        );
    }

    #[test]
    fn people_off_the_ladder_get_no_level() {
        let fw = framework();
        let (titles, levels) = (Titles::new(&fw), levels(&fw));
        for title in [
            "CEO",
            "Head of People",
            "Technical Program Manager",
            "Accountant",
            // No management track here: never the top engineering level.
            "Engineering Manager",
        ] {
            let g = suggest(&titles, &levels, &person(title), &mut Default::default());
            assert!(g.level.is_none(), "{title}: {:?}", g.level);
            assert!(!g.open, "{title}: a previous title would not change it");
            assert!(
                g.reason.contains(title) && g.reason.contains("not on this ladder"),
                "{}",
                g.reason
            );
        }
        // A title nothing reads leaves the previous company's title to try.
        let g = suggest(&titles, &levels, &person("Wizard"), &mut Default::default());
        assert!(g.level.is_none() && g.open, "{}", g.reason);
        assert!(g.reason.contains("cannot be placed"), "{}", g.reason);
    }
}
