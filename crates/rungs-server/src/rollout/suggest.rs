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

use super::reason::Reason;
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
                    reason: Reason::OffLadder.stored(),
                };
            }
            let guess = suggest(&titles, &levels, p, &mut by_title);
            let (level, reason) = match guess {
                // Their title here cannot be placed: their previous one may.
                Guess {
                    level: None,
                    reason,
                    open: true,
                } => match (previous, &theirs, p.previous_title.as_deref()) {
                    (Some(prev), Some(theirs), Some(title)) => {
                        match from_previous(prev, theirs, ladder, &levels, title, &mut maps) {
                            Some((level, reason)) => (Some(level), reason),
                            None => (
                                None,
                                Reason::PreviousNotALevel {
                                    here: Box::new(reason),
                                    title: title.to_string(),
                                    company: prev.title.clone(),
                                },
                            ),
                        }
                    }
                    _ => (None, reason),
                },
                Guess { level, reason, .. } => (level, reason),
            };
            Suggestion {
                person_id: p.id,
                level: level.map(|l| (l.track.clone(), l.level.clone())),
                reason: reason.stored(),
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
) -> Option<(&'a LevelRef, Reason)> {
    // Their title, read on their ladder as titles here are on ours.
    let reading = theirs.resolve(title);
    let place = reading.level()?;
    let their_track = previous.tracks.iter().position(|t| t.id == place.track)?;
    let their_ladder = previous.ladder(&previous.tracks[their_track]);
    let their_index = their_ladder
        .iter()
        .position(|(t, l)| t.id == place.track && l.id == place.level)?;
    let their_level = place.title.clone();
    let exact = reading.via == Some(Via::Title) && reading.sure;
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
    // The seniority both levels share is in the words the map command
    // uses (A is their ladder, B ours); a match that is not sure says so
    // and why, with the levels to check.
    let why = Reason::Previous {
        title: title.to_string(),
        exact,
        theirs: their_level,
        company: previous.title.clone(),
        ours: level.title.clone(),
        similarity: landing.similarity,
        confidence: landing.confidence,
        seniority: landing.evidence,
        doubts: landing.doubts,
        check: landing.candidates,
    };
    Some((level, why))
}

/// A suggestion from a person's title here: the level, why, and whether
/// their previous title may still be tried (their title here cannot be
/// placed; a title off this ladder stays off it).
#[derive(Clone)]
struct Guess<'a> {
    level: Option<&'a LevelRef>,
    reason: Reason,
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
            reason: Reason::CurrentLevel,
            open: false,
        };
    }
    let title = person.job_title.trim();
    if title.is_empty() {
        return Guess {
            level: None,
            reason: Reason::NoTitle,
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

/// Why a title suggests what it does.
fn reason(title: &str, reading: &Reading) -> Reason {
    let title = title.to_string();
    // An answer that is not sure says so, with the levels to check (or,
    // with no level, the closest ones).
    let doubt = if reading.sure {
        Vec::new()
    } else {
        reading.closest.iter().map(|p| p.title.clone()).collect()
    };
    match (&reading.answer, reading.via) {
        (Answer::Level(_), Some(Via::Title)) if reading.reasons.len() == 1 => {
            Reason::TitleIsLevel {
                title,
                check: doubt,
            }
        }
        (Answer::Level(p), _) => Reason::TitleReadsAs {
            title,
            level: p.title.clone(),
            how: reading.why(),
            confidence: reading.confidence,
            check: doubt,
        },
        (Answer::NotOnLadder, _) => Reason::NotOnLadder {
            title,
            how: reading.why(),
            closest: doubt,
        },
        _ => Reason::CannotPlace {
            title,
            how: reading.why(),
            closest: doubt,
        },
    }
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
            guess("senior engineer").reason.said("en"),
            "job title \u{201c}senior engineer\u{201d} is this level's title"
        );
        assert_eq!(level("Platform L5").as_deref(), Some("staff"));
        assert!(guess("Platform L5").reason.said("en").contains("grade L5"));
        assert_eq!(level("Senior Software Engineer").as_deref(), Some("senior"));
        let sr = guess("Sr. Backend Developer");
        assert_eq!(sr.level.map(|l| l.level.as_str()), Some("senior"));
        let sr = sr.reason.said("en");
        assert!(
            sr.contains("reads as \u{201c}Senior Engineer\u{201d}")
                && sr.contains("\u{201c}Sr\u{201d} reads as Senior"),
            "{sr}"
        );
        // A number the ladder does not use: not sure, with what to check.
        let numbered = guess("Software Engineer III").reason.said("en");
        assert!(numbered.contains("not sure: check"), "{numbered}");
        // In German, the same reason in German words around the resolver's.
        let german = guess("Software Engineer III").reason.said("de");
        assert!(german.contains("nicht sicher: prüfen Sie"), "{german}");
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
            let why = g.reason.said("en");
            assert!(
                why.contains(title) && why.contains("not on this ladder"),
                "{why}"
            );
        }
        // A title nothing reads leaves the previous company's title to try.
        let g = suggest(&titles, &levels, &person("Wizard"), &mut Default::default());
        let why = g.reason.said("en");
        assert!(g.level.is_none() && g.open, "{why}");
        assert!(why.contains("cannot be placed"), "{why}");
    }
}
