//! What a level says about its seniority, besides its words: the title
//! ("Senior", "Staff", "Principal"…; a role with no such word is the mid
//! level), the years of experience it asks, its scope on rungs's default
//! scale, how far its work reaches and how much it steers others (phrases
//! in its statements: "across teams", "with guidance", "sets technical
//! direction"), and its place in its ladder (level 3 of 6). Each signal
//! gives a position from 0 (entry) to 1 (the top of a company), with the
//! words that explain it. Years and scope weigh most, titles three
//! quarters as much, the place and the phrases a quarter ([`agreement`]).
//!
//! `rungs map` blends the agreement of two levels' positions into their
//! word similarity, and quotes the signals both levels have as evidence
//! ("both titles say Senior"; "A asks 4+ years, B 5+").

use crate::model::{Level, Scope, TrackKind};

/// One signal of a level's seniority.
#[derive(Clone, Debug, PartialEq)]
pub struct Signal {
    /// Which kind: `title`, `experience`, `scope`, `reach`, `autonomy`,
    /// `position`.
    pub kind: &'static str,
    /// Position from 0 (entry) to 1 (the top).
    pub position: f64,
    /// In words, for the evidence ("Senior", "4+ years", "team").
    pub words: String,
    /// For a title, the number it names ("Senior Engineer 2": 2), if any.
    pub step: Option<u32>,
}

/// Title words and where they usually sit, and whether they name a
/// manager's rung. Of the phrases a title has, the most senior wins
/// ("Associate Director" is a director; "Senior Staff" is more than Staff).
/// Abbreviations ("Sr.", "VP") are read as these words first
/// ([`ABBREVIATIONS`]). The title resolver ([`crate::titles`]) reads the
/// same list.
pub(crate) const TITLES: &[(&str, f64, TrackKind)] = &[
    ("intern", 0.0, TrackKind::Ic),
    ("apprentice", 0.02, TrackKind::Ic),
    ("trainee", 0.03, TrackKind::Ic),
    ("graduate", 0.05, TrackKind::Ic),
    ("junior", 0.1, TrackKind::Ic),
    ("associate", 0.12, TrackKind::Ic),
    ("entry", 0.1, TrackKind::Ic),
    ("mid", 0.3, TrackKind::Ic),
    ("intermediate", 0.3, TrackKind::Ic),
    ("senior", 0.5, TrackKind::Ic),
    ("lead", 0.62, TrackKind::Ic),
    ("staff", 0.65, TrackKind::Ic),
    ("senior staff", 0.72, TrackKind::Ic),
    ("principal", 0.8, TrackKind::Ic),
    ("senior principal", 0.85, TrackKind::Ic),
    ("distinguished", 0.92, TrackKind::Ic),
    ("fellow", 0.97, TrackKind::Ic),
    ("manager", 0.55, TrackKind::Management),
    ("senior manager", 0.65, TrackKind::Management),
    ("group manager", 0.65, TrackKind::Management),
    ("head", 0.75, TrackKind::Management),
    ("director", 0.8, TrackKind::Management),
    ("senior director", 0.85, TrackKind::Management),
    ("vice president", 0.9, TrackKind::Management),
    ("senior vice president", 0.93, TrackKind::Management),
    ("chief", 0.98, TrackKind::Management),
];

/// Short forms written in titles and the words they stand for. Dots and
/// case do not matter ("Sr.", "SR"). Level codes of other companies ("L5",
/// "SDE II") are not here: an organisation declares those itself.
pub(crate) const ABBREVIATIONS: &[(&str, &str)] = &[
    ("sr", "senior"),
    ("snr", "senior"),
    ("jr", "junior"),
    ("jnr", "junior"),
    ("vp", "vice president"),
    ("avp", "associate vice president"),
    ("svp", "senior vice president"),
    ("evp", "executive vice president"),
    ("mgr", "manager"),
    ("eng", "engineer"),
    ("engr", "engineer"),
    ("dev", "developer"),
    ("swe", "software engineer"),
    ("sre", "site reliability engineer"),
    ("sdet", "software engineer in test"),
    ("ceo", "chief executive officer"),
    ("cto", "chief technology officer"),
    ("cfo", "chief financial officer"),
    ("coo", "chief operating officer"),
    ("cio", "chief information officer"),
    ("ciso", "chief information security officer"),
    ("cpo", "chief product officer"),
    ("cmo", "chief marketing officer"),
];

/// Words written as two that mean one ("Full stack", "Back-end", "Dev
/// Ops"), joined before anything else is read.
const COMPOUNDS: &[(&str, &str, &str)] = &[
    ("full", "stack", "fullstack"),
    ("back", "end", "backend"),
    ("front", "end", "frontend"),
    ("dev", "ops", "devops"),
    ("sec", "ops", "secops"),
    ("co", "founder", "cofounder"),
];

/// The words of a title as the lexicons read them: lower case, split at
/// anything that is not a letter or digit, compounds joined and
/// abbreviations spelled out. Each word comes with the word as the title
/// writes it, so a reader can quote it ("“Sr” reads as Senior").
pub(crate) fn title_words(title: &str) -> Vec<(String, String)> {
    let raw: Vec<(String, &str)> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| (w.to_lowercase(), w))
        .collect();
    let mut joined: Vec<(String, String)> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let pair = raw.get(i + 1).and_then(|next| {
            COMPOUNDS
                .iter()
                .find(|(a, b, _)| *a == raw[i].0 && *b == next.0)
                .map(|(_, _, one)| (*one, format!("{} {}", raw[i].1, next.1)))
        });
        match pair {
            Some((one, written)) => {
                joined.push((one.to_string(), written));
                i += 2;
            }
            None => {
                joined.push((raw[i].0.clone(), raw[i].1.to_string()));
                i += 1;
            }
        }
    }
    let mut out = Vec::with_capacity(joined.len());
    for (word, written) in joined {
        match ABBREVIATIONS.iter().find(|(short, _)| *short == word) {
            Some((_, long)) => {
                out.extend(long.split(' ').map(|w| (w.to_string(), written.clone())));
            }
            None => out.push((word, written)),
        }
    }
    out
}

/// The most senior phrase of [`TITLES`] in `words` (of the kind asked, or
/// any), as (phrase, position, kind).
pub(crate) fn title_phrase(
    words: &[&str],
    kind: Option<TrackKind>,
) -> Option<(&'static str, f64, TrackKind)> {
    let mut best: Option<(&'static str, f64, TrackKind)> = None;
    for &(phrase, position, k) in TITLES {
        if kind.is_some_and(|wanted| wanted != k) {
            continue;
        }
        let parts: Vec<&str> = phrase.split(' ').collect();
        let found = words.windows(parts.len()).any(|w| w == parts.as_slice());
        if found && best.is_none_or(|(_, p, _)| position > p) {
            best = Some((phrase, position, k));
        }
    }
    best
}

/// Phrases that say how far a level's work reaches, where they sit, and
/// the words the evidence uses. Read as whole words, lower case, in the
/// statements' text; "team" alone is left out (every level says it).
const REACH: &[(&str, f64, &str)] = &[
    ("task", 0.1, "tasks"),
    ("tasks", 0.1, "tasks"),
    ("ticket", 0.1, "tasks"),
    ("tickets", 0.1, "tasks"),
    ("feature", 0.25, "features"),
    ("features", 0.25, "features"),
    ("component", 0.3, "features"),
    ("components", 0.3, "features"),
    ("project", 0.4, "projects"),
    ("projects", 0.4, "projects"),
    ("your team", 0.45, "their team"),
    ("the team", 0.45, "their team"),
    ("their team", 0.45, "their team"),
    ("own team", 0.45, "their team"),
    ("within the team", 0.45, "their team"),
    ("across teams", 0.65, "several teams"),
    ("multiple teams", 0.65, "several teams"),
    ("several teams", 0.65, "several teams"),
    ("many teams", 0.65, "several teams"),
    ("other teams", 0.65, "several teams"),
    ("cross team", 0.65, "several teams"),
    ("beyond your team", 0.65, "several teams"),
    ("beyond their team", 0.65, "several teams"),
    ("beyond the team", 0.65, "several teams"),
    ("department", 0.8, "the organisation"),
    ("organisation", 0.8, "the organisation"),
    ("organization", 0.8, "the organisation"),
    ("engineering wide", 0.8, "the organisation"),
    ("discipline", 0.8, "the organisation"),
    ("company", 0.92, "the company"),
    ("company wide", 0.92, "the company"),
    ("business", 0.9, "the company"),
    ("executive", 0.92, "the company"),
    ("industry", 1.0, "the industry"),
];

/// Phrases that say how much a level works on its own or steers others.
const AUTONOMY: &[(&str, f64, &str)] = &[
    ("with guidance", 0.05, "working with guidance"),
    ("under guidance", 0.05, "working with guidance"),
    // "With support from", not "with support": a lead provides teams
    // with support. Words that both ends of a ladder use ("learning",
    // "supervision") are left out.
    ("with support from", 0.05, "working with guidance"),
    ("with help from", 0.05, "working with guidance"),
    ("asks for help", 0.05, "working with guidance"),
    ("under supervision", 0.05, "working with guidance"),
    ("close supervision", 0.05, "working with guidance"),
    ("independently", 0.35, "working independently"),
    ("autonomously", 0.35, "working independently"),
    ("little guidance", 0.35, "working independently"),
    ("minimal guidance", 0.35, "working independently"),
    ("without supervision", 0.35, "working independently"),
    ("mentor", 0.55, "guiding others"),
    ("mentors", 0.55, "guiding others"),
    ("mentoring", 0.55, "guiding others"),
    ("mentorship", 0.55, "guiding others"),
    ("coach", 0.6, "guiding others"),
    ("coaches", 0.6, "guiding others"),
    ("coaching", 0.6, "guiding others"),
    ("role model", 0.65, "guiding others"),
    ("technical direction", 0.8, "setting direction"),
    ("sets direction", 0.8, "setting direction"),
    ("set direction", 0.8, "setting direction"),
    ("strategy", 0.8, "setting direction"),
    ("strategic", 0.8, "setting direction"),
    ("vision", 0.85, "setting direction"),
    ("long term", 0.75, "setting direction"),
];

/// The lower-case words of a level's statements (sub-statements and
/// examples included), for finding [`REACH`] and [`AUTONOMY`] phrases.
fn words_of(level: &Level) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |text: &str| {
        out.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase),
        );
        // A statement boundary: phrases never run across two statements.
        out.push(String::new());
    };
    for s in &level.statements {
        s.visit(&mut |x: &crate::model::Statement| {
            push(&x.text);
            for e in &x.examples {
                push(e);
            }
        });
    }
    out
}

/// A lexicon's phrases split into words, longest first, with their
/// positions and labels.
type Phrases = Vec<(Vec<&'static str>, f64, &'static str)>;

fn split_longest_first(lexicon: &[(&'static str, f64, &'static str)]) -> Phrases {
    let mut phrases: Phrases = lexicon
        .iter()
        .map(|(phrase, position, label)| (phrase.split(' ').collect(), *position, *label))
        .collect();
    phrases.sort_by_key(|(parts, _, _)| std::cmp::Reverse(parts.len()));
    phrases
}

/// [`REACH`] and [`AUTONOMY`], split once for every level read.
static REACH_PHRASES: std::sync::LazyLock<Phrases> =
    std::sync::LazyLock::new(|| split_longest_first(REACH));
static AUTONOMY_PHRASES: std::sync::LazyLock<Phrases> =
    std::sync::LazyLock::new(|| split_longest_first(AUTONOMY));

/// Fewer phrases than this say too little to place a level.
const MIN_PHRASES: usize = 2;

/// Where the phrases of `lexicon` found in `words` place a level: the mean
/// of their positions, with the words of the phrase nearest that mean.
fn phrase_signal(words: &[String], phrases: &Phrases, kind: &'static str) -> Option<Signal> {
    // Longest phrases first, and each word read once: "beyond the team"
    // is one phrase, not also "the team".
    let mut found: Vec<(f64, &'static str)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let rest = &words[i..];
        let hit = phrases.iter().find(|(parts, _, _)| {
            rest.len() >= parts.len() && rest.iter().zip(parts).all(|(x, y)| x == y)
        });
        match hit {
            Some((parts, position, label)) => {
                found.push((*position, label));
                i += parts.len();
            }
            None => i += 1,
        }
    }
    if found.len() < MIN_PHRASES {
        return None;
    }
    let mean = found.iter().map(|(p, _)| p).sum::<f64>() / found.len() as f64;
    let words = found
        .iter()
        .min_by(|x, y| (x.0 - mean).abs().total_cmp(&(y.0 - mean).abs()))
        .map_or("", |(_, l)| l);
    Some(Signal {
        kind,
        position: mean,
        words: words.to_string(),
        step: None,
    })
}

/// Role nouns that, alone in a title, name the middle of a ladder.
pub(crate) const ROLES: &[&str] = &[
    "engineer",
    "developer",
    "programmer",
    "designer",
    "analyst",
    "scientist",
    "architect",
    "administrator",
    "tester",
];

/// Where a title with a role and no seniority word sits.
pub(crate) const PLAIN_ROLE: f64 = 0.28;

/// How far each number after a title moves it up ("Engineer III").
pub(crate) const STEP: f64 = 0.05;

/// The number a title ends with: `2`, or a Roman numeral up to `IX`.
pub(crate) fn title_step(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    const ROMAN: [&str; 9] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    ROMAN.iter().position(|r| *r == word).map(|i| i as u32 + 1)
}

/// What a title says of seniority: its most senior phrase (or, with none,
/// a role noun: the middle), stepped up by a number after it.
fn title_signal(title: &str) -> Option<Signal> {
    let spelled = title_words(title);
    let words: Vec<&str> = spelled.iter().map(|(w, _)| w.as_str()).collect();
    // The longest title phrase found wins.
    let best = title_phrase(&words, None).map(|(phrase, position, _)| (phrase, position));
    // A role named without a seniority word ("Engineer", "Software
    // Developer") is the ladder's middle, where most people are.
    let plain = || {
        words
            .iter()
            .find(|w| ROLES.contains(w))
            .map(|w| (*w, PLAIN_ROLE))
    };
    let (phrase, position) = best.or_else(plain)?;
    // "Engineer II", "Senior Engineer 2": a step up within the title.
    let step = title_number(&words);
    let (position, words) = match step.filter(|n| *n >= 2) {
        Some(n) => (
            (position + STEP * f64::from(n - 1)).min(1.0),
            format!("{} {n}", title_case(phrase)),
        ),
        None => (position, title_case(phrase)),
    };
    Some(Signal {
        kind: "title",
        position,
        words,
        step,
    })
}

/// The step a title names: its first number from 1 to 9, or Roman numeral
/// up to IX.
pub(crate) fn title_number(words: &[&str]) -> Option<u32> {
    words
        .iter()
        .filter_map(|w| title_step(w))
        .find(|n| (1..=9).contains(n))
}

/// The seniority signals of `level`.
pub fn signals(level: &Level) -> Vec<Signal> {
    let mut out = Vec::new();
    out.extend(title_signal(&level.title));
    if let Some(years) = level.indicators.experience {
        out.push(Signal {
            kind: "experience",
            position: years_position(years.min),
            words: match years.max {
                Some(max) if max > years.min => format!("{}-{} years", trim(years.min), trim(max)),
                Some(_) => format!("{} years", trim(years.min)),
                None => format!("{}+ years", trim(years.min)),
            },
            step: None,
        });
    }
    if let Some(scope) = &level.indicators.scope
        && let Some(i) = Scope::ALL.iter().position(|s| s.as_str() == scope)
    {
        out.push(Signal {
            kind: "scope",
            position: i as f64 / (Scope::ALL.len() - 1) as f64,
            words: scope.clone(),
            step: None,
        });
    }
    let words = words_of(level);
    out.extend(phrase_signal(&words, &REACH_PHRASES, "reach"));
    out.extend(phrase_signal(&words, &AUTONOMY_PHRASES, "autonomy"));
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
                    step: None,
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

/// Title case of a phrase ("vice president": "Vice President").
pub(crate) fn title_case(phrase: &str) -> String {
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

/// A title signal's words without its number ("Senior 2": "Senior").
fn rung_words(s: &Signal) -> &str {
    match s.step {
        Some(n) => s.words.strip_suffix(&format!(" {n}")).unwrap_or(&s.words),
        None => &s.words,
    }
}

/// A title signal's words with its number, 1 included ("Senior 1").
pub(crate) fn numbered(s: &Signal) -> String {
    match s.step {
        Some(n) => format!("{} {n}", rung_words(s)),
        None => s.words.clone(),
    }
}

/// True when two title signals name the same rung with different numbers
/// ("Senior Engineer 2" and "Senior Engineer 1").
pub(crate) fn steps_differ(x: &Signal, y: &Signal) -> bool {
    x.kind == "title"
        && y.kind == "title"
        && matches!((x.step, y.step), (Some(p), Some(q)) if p != q)
        && rung_words(x) == rung_words(y)
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
        let w = match x.kind {
            // What the ladder asks (years, scope) weighs most; titles
            // mean different things at different companies; the place in
            // the ladder misleads where the spans differ (an intern level).
            "title" => 0.75,
            "position" => 0.25,
            // Phrases in the text: many ladders say "team" at every
            // level, so they hint more than they decide.
            "reach" | "autonomy" => 0.25,
            _ => 1.0,
        };
        // "Senior Engineer 2" and "Senior Engineer 1" name different
        // steps of one rung: evidence against, not near agreement.
        let agree = if steps_differ(x, y) {
            0.0
        } else {
            1.0 - (x.position - y.position).abs()
        };
        total += w * agree;
        weight += w;
        evidence.push(match x.kind {
            "title" if steps_differ(x, y) => format!(
                "titles name different steps: {} and {}",
                numbered(x),
                numbered(y)
            ),
            "title" if x.words == y.words => format!("both titles say {}", x.words),
            "title" => format!("titles: {} and {}", x.words, y.words),
            "experience" => format!("A asks {}, B {}", x.words, y.words),
            "position" => format!("level {} in A, {} in B", x.words, y.words),
            "reach" if x.words == y.words => format!("both write mostly of work on {}", x.words),
            "reach" => format!("A writes mostly of work on {}, B of {}", x.words, y.words),
            "autonomy" if x.words == y.words => format!("both expect {}", x.words),
            "autonomy" => format!("A expects {}, B {}", x.words, y.words),
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
        // A role without a seniority word is the middle; a number steps up.
        let plain = signals(&level("Software Engineer"));
        assert_eq!(
            (plain[0].words.as_str(), plain[0].position),
            ("Engineer", PLAIN_ROLE)
        );
        let third = signals(&level("Software Engineer III"));
        assert_eq!(third[0].words, "Engineer 3");
        assert!(third[0].position > plain[0].position);
        let numbered = signals(&level("Senior Engineer 2 (Individual Contributor)"));
        assert_eq!(numbered[0].words, "Senior 2");
        assert!(signals(&level("Level 3")).is_empty());
        assert!(signals(&level("Engineering Manager"))[0].position > 0.5);
    }

    #[test]
    fn abbreviations_read_as_their_words() {
        assert_eq!(signals(&level("Sr. Developer"))[0].words, "Senior");
        assert_eq!(signals(&level("Snr Engineer"))[0].words, "Senior");
        assert_eq!(signals(&level("VP Engineering"))[0].words, "Vice President");
        assert_eq!(signals(&level("SWE"))[0].words, "Engineer");
    }

    #[test]
    fn titles_naming_different_steps_are_evidence_against() {
        let (score, evidence) = agreement(
            &signals(&level("Senior Engineer 2")),
            &signals(&level("Senior Engineer 1")),
        )
        .unwrap_or_default();
        assert!(score < 0.01, "{score}");
        assert_eq!(
            evidence,
            ["titles name different steps: Senior 2 and Senior 1"]
        );
        // No number on one side is no evidence either way.
        let (same, _) = agreement(
            &signals(&level("Senior Engineer 2")),
            &signals(&level("Senior Engineer")),
        )
        .unwrap_or_default();
        assert!(same > 0.9, "{same}");
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

    fn level_saying(texts: &[&str]) -> Level {
        Level {
            statements: texts
                .iter()
                .map(|t| crate::model::Statement {
                    area: "craft".into(),
                    text: (*t).into(),
                    ..Default::default()
                })
                .collect(),
            ..Level::default()
        }
    }

    #[test]
    fn the_text_says_how_far_a_level_reaches() {
        let junior = signals(&level_saying(&[
            "You finish small tasks with guidance from your team.",
            "You fix bugs in features others designed.",
        ]));
        let staff = signals(&level_saying(&[
            "You lead work across teams and set technical direction.",
            "You mentor senior engineers and shape the organisation's strategy.",
        ]));
        let find = |s: &[Signal], kind: &str| s.iter().find(|x| x.kind == kind).cloned();
        let (Some(low), Some(high)) = (find(&junior, "reach"), find(&staff, "reach")) else {
            panic!("{junior:?} {staff:?}");
        };
        assert!(low.position < high.position, "{low:?} {high:?}");
        let autonomy = find(&staff, "autonomy").map(|s| s.words);
        assert_eq!(autonomy.as_deref(), Some("setting direction"));
        // One phrase is not enough to place a level.
        assert!(find(&signals(&level_saying(&["You write tests."])), "reach").is_none());
        let (_, evidence) = agreement(&junior, &staff).unwrap_or_default();
        assert!(
            evidence
                .iter()
                .any(|e| e.starts_with("A writes mostly of work on")),
            "{evidence:?}"
        );
    }

    #[test]
    fn a_phrase_inside_a_longer_one_counts_once() {
        // "beyond the team" is one phrase (several teams), not also "the team".
        let once = signals(&level_saying(&["You work beyond the team."]));
        assert!(once.iter().all(|s| s.kind != "reach"), "{once:?}");
        let two = signals(&level_saying(&[
            "You work beyond the team and across teams.",
        ]));
        let reach = two.iter().find(|s| s.kind == "reach").map(|s| s.position);
        assert_eq!(reach, Some(0.65));
    }

    #[test]
    fn years_rise_with_experience() {
        assert!(years_position(0.0) < years_position(3.0));
        assert!(years_position(3.0) < years_position(8.0));
        assert!((years_position(40.0) - 1.0).abs() < 1e-9);
    }
}
