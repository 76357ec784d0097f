//! A first guess at each person's level when a rollout opens, from their
//! job title: the level whose title it names, else the grade it names, else
//! the level whose title shares the most words. Always with the reason, so
//! the manager knows what to check.

use rungs_store::Suggestion;
use rungs_store::model::Person;

use crate::framework::{Ladder, LevelRef};

/// A suggestion for every active person.
pub(crate) fn suggest_all(ladder: &Ladder, people: &[Person]) -> Vec<Suggestion> {
    let levels = ladder.all_levels();
    people
        .iter()
        .filter(|p| p.active)
        .map(|p| {
            let (level, reason) = suggest(&levels, p);
            Suggestion {
                person_id: p.id,
                level: level.map(|l| (l.track.clone(), l.level.clone())),
                reason,
            }
        })
        .collect()
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
