//! Statement health: per statement, from the latest shared assessments, how
//! often it is rated "not applicable", how far people and their managers
//! disagree, how differently managers rate it, whether nobody or everyone
//! meets it, with suggestions in words. Aggregates only: a statement rated
//! for fewer than `smallest_group` people shows no figures, and a manager
//! counts towards the spread only with at least that many people rated.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::assess::Rating;
use crate::model::Framework;

use super::Held;

/// Figures of one statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HealthFigures {
    /// People with a rating that counts for readiness.
    pub people: usize,
    /// Share of them rated "not applicable", 0–100.
    pub not_applicable_percent: u32,
    /// Share of those rated on the scale who meet it, 0–100.
    pub met_percent: Option<u32>,
    /// Average of the person's step minus the manager's (positive: people
    /// rate themselves higher), over people rated on the scale by both.
    pub self_minus_manager: Option<f64>,
    /// The largest gap between a person's and their manager's step.
    pub largest_gap: Option<u8>,
    /// Highest minus lowest average step of managers who rated at least
    /// `smallest_group` people (needs two such managers).
    pub manager_spread: Option<f64>,
}

/// One statement's health.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementHealth {
    /// Track id.
    pub track: String,
    /// Level id.
    pub level: String,
    /// "Senior (Engineering)".
    pub level_title: String,
    /// Area id.
    pub area: String,
    /// Statement id.
    pub id: String,
    /// The statement's words.
    pub text: String,
    /// Figures, `None` for fewer than `smallest_group` people.
    pub figures: Option<HealthFigures>,
    /// What the figures suggest, in words.
    pub suggestions: Vec<String>,
}

/// Every statement's health, statements with suggestions first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Health {
    /// The threshold below which a statement shows no figures.
    pub smallest_group: usize,
    /// Statements of levels someone was assessed against.
    pub statements: Vec<StatementHealth>,
}

#[derive(Default)]
struct Tally {
    people: usize,
    na: usize,
    scaled: usize,
    met: usize,
    gap_sum: i64,
    gaps: usize,
    largest_gap: u8,
    by_manager: HashMap<i64, (usize, i64)>,
}

/// The health of `framework`'s statements from what is `held` (ratings
/// against its statement ids).
pub fn health(framework: &Framework, held: &Held) -> Health {
    let settings = &framework.assessments;
    let smallest = settings.smallest_group.max(1);
    let mut tallies: HashMap<u32, Tally> = HashMap::new();
    let mut pair: HashMap<u32, [Option<i64>; 2]> = HashMap::new();
    for a in &held.assessed {
        pair.clear();
        for r in &a.ratings {
            pair.entry(r.statement).or_default()[usize::from(r.manager)] = r.code;
        }
        for (&statement, &[own, manager]) in &pair {
            let t = tallies.entry(statement).or_default();
            let Some(counting) = crate::assess::counting(settings, own, manager) else {
                continue;
            };
            t.people += 1;
            match counting {
                Rating::NotApplicable => t.na += 1,
                r => {
                    t.scaled += 1;
                    if settings.meets(r) {
                        t.met += 1;
                    }
                }
            }
            let step = |c: Option<i64>| c.filter(|&c| c >= 1);
            if let (Some(o), Some(m)) = (step(own), step(manager)) {
                t.gap_sum += o - m;
                t.gaps += 1;
                t.largest_gap = t.largest_gap.max((o - m).unsigned_abs().min(255) as u8);
            }
            if let (Some(m), Some(by)) = (step(manager), a.manager) {
                let e = t.by_manager.entry(by).or_default();
                e.0 += 1;
                e.1 += m;
            }
        }
    }
    let mut index: HashMap<(&str, &str, &str), u32> = HashMap::new();
    for (i, k) in held.statements.iter().enumerate() {
        index.insert((&k.track, &k.level, &k.id), i as u32);
    }
    let assessed_levels: std::collections::HashSet<(&str, &str)> = held
        .assessed
        .iter()
        .map(|a| (a.track.as_str(), a.level.as_str()))
        .collect();
    let mut statements = Vec::new();
    for t in &framework.tracks {
        let mut levels: Vec<_> = t.levels.iter().collect();
        levels.sort_by_key(|l| l.rank);
        for l in levels {
            if !assessed_levels.contains(&(t.id.as_str(), l.id.as_str())) {
                continue;
            }
            let level_title = format!("{} ({})", l.title, t.title);
            for s in &l.statements {
                let tally = index
                    .get(&(t.id.as_str(), l.id.as_str(), s.id.as_str()))
                    .and_then(|i| tallies.get(i));
                let figures = tally.filter(|x| x.people >= smallest).map(|x| {
                    let means: Vec<f64> = x
                        .by_manager
                        .values()
                        .filter(|(n, _)| *n >= smallest)
                        .map(|(n, sum)| *sum as f64 / *n as f64)
                        .collect();
                    let spread = (means.len() >= 2).then(|| {
                        let max = means.iter().copied().fold(f64::MIN, f64::max);
                        let min = means.iter().copied().fold(f64::MAX, f64::min);
                        round1(max - min)
                    });
                    HealthFigures {
                        people: x.people,
                        not_applicable_percent: percent(x.na, x.people),
                        met_percent: (x.scaled > 0).then(|| percent(x.met, x.scaled)),
                        self_minus_manager: (x.gaps >= smallest)
                            .then(|| round1(x.gap_sum as f64 / x.gaps as f64)),
                        largest_gap: (x.gaps >= smallest).then_some(x.largest_gap),
                        manager_spread: spread,
                    }
                });
                let suggestions = figures
                    .as_ref()
                    .map(|f| suggest(f, &l.title))
                    .unwrap_or_default();
                statements.push(StatementHealth {
                    track: t.id.clone(),
                    level: l.id.clone(),
                    level_title: level_title.clone(),
                    area: s.area.clone(),
                    id: s.id.clone(),
                    text: s.text.clone(),
                    figures,
                    suggestions,
                });
            }
        }
    }
    // Statements with the most to say first; the ladder's order otherwise.
    statements.sort_by_key(|s| std::cmp::Reverse(s.suggestions.len()));
    Health {
        smallest_group: smallest,
        statements,
    }
}

fn percent(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        0
    } else {
        ((part as f64 / whole as f64) * 100.0).round() as u32
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// What a statement's figures suggest.
fn suggest(f: &HealthFigures, level: &str) -> Vec<String> {
    let mut out = Vec::new();
    if f.not_applicable_percent >= 30 {
        out.push(format!(
            "rated not applicable by {}% at {level}: is it expected at this level, or for every role?",
            f.not_applicable_percent
        ));
    }
    match f.met_percent {
        Some(0) => out.push(format!(
            "nobody assessed at {level} meets it: is the bar above this level, or are the words unclear?"
        )),
        Some(100) => out.push(format!(
            "everyone assessed at {level} meets it: it may describe the level below, or no longer tell people apart"
        )),
        _ => {}
    }
    if let Some(gap) = f.self_minus_manager
        && gap.abs() >= 1.0
    {
        out.push(format!(
            "people rate themselves {:.1} steps {} than their managers on average: do both read the words the same way? an example may help",
            gap.abs(),
            if gap > 0.0 { "higher" } else { "lower" }
        ));
    }
    if let Some(spread) = f.manager_spread
        && spread >= 1.0
    {
        out.push(format!(
            "managers' average ratings differ by {spread:.1} steps: calibrate how managers read it"
        ));
    }
    out
}

/// Health as CSV: one row per statement; cells a spreadsheet would run as
/// formulas are quoted.
pub fn health_csv(health: &Health) -> String {
    let mut out = String::from(
        "track,level,area,statement,text,people,not_applicable_percent,met_percent,self_minus_manager,largest_gap,manager_spread,suggestions\n",
    );
    let cell = |s: &str| {
        let s = crate::export::csv::neutralise(s);
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.into_owned()
        }
    };
    let opt = |x: Option<String>| x.unwrap_or_default();
    for s in &health.statements {
        let f = s.figures.as_ref();
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{}",
            cell(&s.track),
            cell(&s.level),
            cell(&s.area),
            cell(&s.id),
            cell(&s.text),
            opt(f.map(|f| f.people.to_string())),
            opt(f.map(|f| f.not_applicable_percent.to_string())),
            opt(f.and_then(|f| f.met_percent).map(|x| x.to_string())),
            opt(f.and_then(|f| f.self_minus_manager).map(|x| x.to_string())),
            opt(f.and_then(|f| f.largest_gap).map(|x| x.to_string())),
            opt(f.and_then(|f| f.manager_spread).map(|x| x.to_string())),
            cell(&s.suggestions.join("; ")),
        );
    }
    out
}
