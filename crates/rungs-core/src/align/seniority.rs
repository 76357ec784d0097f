//! What a level says about its seniority, besides its words: the title
//! ("Senior", "Staff", "Principal"…, a weak prior), the years of
//! experience it asks, its scope on rungs's default scale, and its place in
//! its ladder (level 3 of 6; a weak prior, like the title). Each signal gives a
//! position from 0 (entry) to 1 (the top of a company), with the words that
//! explain it.
//!
//! `rungs map` blends the agreement of two levels' positions into their
//! word similarity, and quotes the signals both levels have as evidence
//! ("both titles say Senior"; "A asks 4+ years, B 5+").

use crate::model::{Level, Scope};

/// One signal of a level's seniority.
#[derive(Clone, Debug, PartialEq)]
pub struct Signal {
    /// Which kind: `title`, `experience`, `scope`.
    pub kind: &'static str,
    /// Position from 0 (entry) to 1 (the top).
    pub position: f64,
    /// In words, for the evidence ("Senior", "4+ years", "team").
    pub words: String,
}

/// Title words and where they usually sit. Of the phrases a title has, the
/// most senior wins ("Associate Director" is a director; "Senior Staff" is
/// more than Staff).
const TITLES: &[(&str, f64)] = &[
    ("intern", 0.0),
    ("apprentice", 0.02),
    ("trainee", 0.03),
    ("graduate", 0.05),
    ("junior", 0.1),
    ("associate", 0.12),
    ("entry", 0.1),
    ("mid", 0.3),
    ("intermediate", 0.3),
    ("senior", 0.5),
    ("lead", 0.62),
    ("staff", 0.65),
    ("senior staff", 0.72),
    ("principal", 0.8),
    ("senior principal", 0.85),
    ("distinguished", 0.92),
    ("fellow", 0.97),
    ("manager", 0.55),
    ("senior manager", 0.65),
    ("head", 0.75),
    ("director", 0.8),
    ("senior director", 0.85),
    ("vice president", 0.9),
    ("vp", 0.9),
    ("chief", 0.98),
];

/// The seniority signals of `level`.
pub fn signals(level: &Level) -> Vec<Signal> {
    let mut out = Vec::new();
    let title = crate::text::normalise(&level.title);
    let words: Vec<&str> = title.split_whitespace().collect();
    // The longest title phrase found wins.
    let mut best: Option<(&str, f64)> = None;
    for (phrase, position) in TITLES {
        let parts: Vec<&str> = phrase.split(' ').collect();
        let found = words.windows(parts.len()).any(|w| w == parts.as_slice());
        if found && best.is_none_or(|(_, p)| *position > p) {
            best = Some((phrase, *position));
        }
    }
    if let Some((phrase, position)) = best {
        out.push(Signal {
            kind: "title",
            position,
            words: title_case(phrase),
        });
    }
    if let Some(years) = level.indicators.experience {
        out.push(Signal {
            kind: "experience",
            position: years_position(years.min),
            words: match years.max {
                Some(max) if max > years.min => format!("{}-{} years", trim(years.min), trim(max)),
                Some(_) => format!("{} years", trim(years.min)),
                None => format!("{}+ years", trim(years.min)),
            },
        });
    }
    if let Some(scope) = &level.indicators.scope
        && let Some(i) = Scope::ALL.iter().position(|s| s.as_str() == scope)
    {
        out.push(Signal {
            kind: "scope",
            position: i as f64 / (Scope::ALL.len() - 1) as f64,
            words: scope.clone(),
        });
    }
    out
}

/// The signals of every level of a ladder (most junior first), with each
/// level's place in it: level 3 of 6 sits at 0.4.
pub fn signals_of_ladder(levels: &[&Level]) -> Vec<Vec<Signal>> {
    let n = levels.len();
    levels
        .iter()
        .enumerate()
        .map(|(i, level)| {
            let mut out = signals(level);
            if n > 1 {
                out.push(Signal {
                    kind: "position",
                    position: i as f64 / (n - 1) as f64,
                    words: format!("{} of {}", i + 1, n),
                });
            }
            out
        })
        .collect()
}

/// Years of experience to a position: most ladders ask none at entry,
/// about 5 at senior, 8-10 at staff, 12 and more at principal.
fn years_position(years: f64) -> f64 {
    let points = [
        (0.0, 0.0),
        (2.0, 0.25),
        (5.0, 0.5),
        (8.0, 0.65),
        (12.0, 0.8),
        (20.0, 1.0),
    ];
    for pair in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        if years <= x1 {
            return y0 + (y1 - y0) * ((years - x0) / (x1 - x0)).clamp(0.0, 1.0);
        }
    }
    1.0
}

fn trim(v: f64) -> String {
    let s = format!("{v:.1}");
    s.trim_end_matches(".0").to_string()
}

fn title_case(phrase: &str) -> String {
    phrase
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How well two levels' signals agree, 0 to 1, over the kinds both have,
/// with the evidence in words; `None` when they share no kind.
pub fn agreement(a: &[Signal], b: &[Signal]) -> Option<(f64, Vec<String>)> {
    let mut total = 0.0;
    let mut weight = 0.0;
    let mut evidence = Vec::new();
    for x in a {
        let Some(y) = b.iter().find(|y| y.kind == x.kind) else {
            continue;
        };
        // Titles and places are weak priors; what the ladder asks weighs more.
        let w = if matches!(x.kind, "title" | "position") {
            0.5
        } else {
            1.0
        };
        total += w * (1.0 - (x.position - y.position).abs());
        weight += w;
        evidence.push(match x.kind {
            "title" if x.words == y.words => format!("both titles say {}", x.words),
            "title" => format!("titles: {} and {}", x.words, y.words),
            "experience" => format!("A asks {}, B {}", x.words, y.words),
            "position" => format!("level {} in A, {} in B", x.words, y.words),
            _ if x.words == y.words => format!("both have a scope of {}", x.words),
            _ => format!("scope: {} and {}", x.words, y.words),
        });
    }
    (weight > 0.0).then(|| (total / weight, evidence))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(title: &str) -> Level {
        Level {
            title: title.into(),
            ..Level::default()
        }
    }

    #[test]
    fn titles_read_the_longest_phrase() {
        let s = signals(&level("Senior Staff Engineer"));
        assert_eq!(s[0].words, "Senior Staff");
        assert!(s[0].position > signals(&level("Staff Engineer"))[0].position);
        assert!(signals(&level("Software Engineer")).is_empty());
        assert!(signals(&level("Engineering Manager"))[0].position > 0.5);
    }

    #[test]
    fn agreement_explains_itself() {
        let (score, evidence) = agreement(
            &signals(&level("Senior Engineer")),
            &signals(&level("Senior Developer")),
        )
        .unwrap_or_default();
        assert!((score - 1.0).abs() < 1e-9);
        assert_eq!(evidence, ["both titles say Senior"]);
        let (low, _) = agreement(
            &signals(&level("Junior Developer")),
            &signals(&level("Principal Engineer")),
        )
        .unwrap_or_default();
        assert!(low < 0.4, "{low}");
        assert!(agreement(&[], &signals(&level("Senior"))).is_none());
    }

    #[test]
    fn years_rise_with_experience() {
        assert!(years_position(0.0) < years_position(3.0));
        assert!(years_position(3.0) < years_position(8.0));
        assert!((years_position(40.0) - 1.0).abs() < 1e-9);
    }
}
