//! Assessments: the rating scale and the promotion rule of `rungs.toml`'s
//! `[assessments]` table, and readiness, the rule applied to ratings.
//!
//! Readiness is never a hidden score: [`readiness`] returns, per area, how
//! many statements are met, how many the rule asks for and why, in words.
//!
//! ```toml
//! [assessments]
//! scale = ["Not yet", "Sometimes", "Consistently", "Role model"]
//! not_applicable = true        # offer "not applicable"
//! smallest_group = 5           # aggregates hide groups smaller than this
//! hr_reads_notes = false       # may HR read 1-on-1 notes (audited)?
//!
//! [assessments.promotion]
//! at_least = "Consistently"    # a statement is met when rated this or higher
//! per_area = "all"             # "all", a share (0.8) or a count (3)
//! waivable = ["influence"]     # areas that may stay unmet
//! time_in_level = 12           # months, or "tenure" (the level's indicator)
//! ratings_from = "manager"     # "manager", or "both" (the lower of the two)
//! ```

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Area, Framework, Level};
use crate::source::SourceFile;

/// The scale rungs uses when `rungs.toml` names none.
pub const DEFAULT_SCALE: [&str; 4] = ["Not yet", "Sometimes", "Consistently", "Role model"];

/// One rating of one statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rating {
    /// The statement does not apply to this person's role.
    NotApplicable,
    /// A step of the scale, 1 for the lowest.
    Step(u8),
}

impl Rating {
    /// How the database stores it: 0 for not applicable, the step otherwise.
    pub fn code(self) -> i64 {
        match self {
            Rating::NotApplicable => 0,
            Rating::Step(s) => i64::from(s),
        }
    }

    /// The rating a stored code names, if it is on `scale`.
    pub fn from_code(code: i64, settings: &Settings) -> Option<Rating> {
        match code {
            0 if settings.not_applicable => Some(Rating::NotApplicable),
            s if s >= 1 && s <= settings.scale.len() as i64 => {
                u8::try_from(s).ok().map(Rating::Step)
            }
            _ => None,
        }
    }
}

/// How many statements of an area the rule asks for.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "value")]
pub enum PerArea {
    /// Every statement.
    All,
    /// This share of them, rounded up (0 < share <= 1).
    Share(f64),
    /// This many (or all, when an area has fewer).
    Count(usize),
}

impl PerArea {
    /// How many of `counted` statements are needed.
    pub fn needed(self, counted: usize) -> usize {
        match self {
            PerArea::All => counted,
            PerArea::Share(s) => ((counted as f64) * s - 1e-9).ceil().max(0.0) as usize,
            PerArea::Count(n) => n.min(counted),
        }
    }

    fn words(self) -> String {
        match self {
            PerArea::All => "every statement".into(),
            PerArea::Share(s) => format!("{}% of the statements", (s * 100.0).round()),
            PerArea::Count(n) => format!("{n} statements"),
        }
    }
}

/// How long someone must have been at their level.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "months")]
pub enum TimeInLevel {
    /// No minimum.
    Any,
    /// This many months.
    Months(u32),
    /// The lower bound of the current level's `tenure` indicator.
    Tenure,
}

/// Whose ratings readiness reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RatingsFrom {
    /// The manager's.
    Manager,
    /// Both, statement by statement the lower of the two.
    Both,
}

/// The promotion rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rule {
    /// A statement is met when rated this step or higher (1-based).
    pub at_least: u8,
    /// How many statements of each area must be met.
    pub per_area: PerArea,
    /// Areas that may stay unmet (ids).
    pub waivable: Vec<String>,
    /// The minimum time at the current level.
    pub time_in_level: TimeInLevel,
    /// Whose ratings count.
    pub ratings_from: RatingsFrom,
}

/// The `[assessments]` settings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Settings {
    /// The rating scale, lowest first.
    pub scale: Vec<String>,
    /// Whether "not applicable" is offered.
    pub not_applicable: bool,
    /// The promotion rule.
    pub promotion: Rule,
    /// Aggregates hide groups smaller than this.
    pub smallest_group: usize,
    /// Whether HR may read 1-on-1 notes (each read is audited).
    pub hr_reads_notes: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            scale: DEFAULT_SCALE.iter().map(|s| s.to_string()).collect(),
            not_applicable: true,
            promotion: Rule {
                at_least: 3,
                per_area: PerArea::All,
                waivable: Vec::new(),
                time_in_level: TimeInLevel::Any,
                ratings_from: RatingsFrom::Manager,
            },
            smallest_group: 5,
            hr_reads_notes: false,
        }
    }
}

impl Settings {
    /// The words of a rating.
    pub fn label(&self, rating: Rating) -> &str {
        match rating {
            Rating::NotApplicable => "Not applicable",
            Rating::Step(s) => self
                .scale
                .get(usize::from(s).saturating_sub(1))
                .map_or("?", String::as_str),
        }
    }

    /// Is `rating` high enough to meet a statement?
    pub fn meets(&self, rating: Rating) -> bool {
        matches!(rating, Rating::Step(s) if s >= self.promotion.at_least)
    }

    /// The rule in words, for the page that shows readiness.
    pub fn rule_words(&self) -> String {
        let rule = &self.promotion;
        let mut s = format!(
            "In each area, {} rated \u{201c}{}\u{201d} or higher",
            rule.per_area.words(),
            self.label(Rating::Step(rule.at_least))
        );
        if rule.ratings_from == RatingsFrom::Both {
            s.push_str(" by both the person and their manager");
        } else {
            s.push_str(" by the manager");
        }
        if !rule.waivable.is_empty() {
            s.push_str(&format!(
                "; these areas may be waived: {}",
                rule.waivable.join(", ")
            ));
        }
        match rule.time_in_level {
            TimeInLevel::Any => {}
            TimeInLevel::Months(m) => {
                s.push_str(&format!("; at least {m} months at the current level"))
            }
            TimeInLevel::Tenure => s.push_str("; at least the current level's tenure"),
        }
        s.push('.');
        s
    }
}

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    assessments: Option<RawSettings>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    scale: Option<Vec<String>>,
    not_applicable: Option<bool>,
    smallest_group: Option<usize>,
    hr_reads_notes: Option<bool>,
    promotion: Option<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    at_least: Option<String>,
    per_area: Option<toml::Value>,
    #[serde(default)]
    waivable: Vec<String>,
    time_in_level: Option<toml::Value>,
    ratings_from: Option<String>,
}

/// Reads `[assessments]` of `rungs.toml`; problems are diagnostics at their
/// line, and the defaults stand in for what is wrong.
pub fn parse(file: &SourceFile, areas: &[Area]) -> (Settings, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut settings = Settings::default();
    let text = file.text();
    let raw = match toml::from_str::<RawFile>(text) {
        Ok(RawFile {
            assessments: Some(raw),
        }) => raw,
        Ok(_) => return (settings, diags),
        Err(e) => {
            diags.push(
                crate::load::config::syntax_error(file, &e)
                    .help("see docs/assessments.md for the keys of [assessments]"),
            );
            return (settings, diags);
        }
    };
    let at = |keys: &[&str]| locate(file, keys);
    let invalid = |diags: &mut Vec<Diagnostic>, keys: &[&str], message: String, help: &str| {
        diags.push(
            Diagnostic::error(Code::InvalidValue, message)
                .at(&at(keys))
                .help(help.to_string()),
        );
    };
    if let Some(scale) = raw.scale {
        let trimmed: Vec<String> = scale.iter().map(|s| s.trim().to_string()).collect();
        let duplicate = trimmed
            .iter()
            .enumerate()
            .find(|(i, s)| trimmed[..*i].iter().any(|t| t.eq_ignore_ascii_case(s)));
        if trimmed.len() < 2 || trimmed.len() > 10 {
            invalid(
                &mut diags,
                &["assessments", "scale"],
                format!(
                    "the rating scale has {} steps; it needs 2 to 10",
                    trimmed.len()
                ),
                "list the ratings lowest first, e.g. [\"Not yet\", \"Sometimes\", \"Consistently\", \"Role model\"]",
            );
        } else if trimmed.iter().any(|s| s.is_empty()) {
            invalid(
                &mut diags,
                &["assessments", "scale"],
                "a step of the rating scale is empty".into(),
                "give every step words",
            );
        } else if let Some((_, d)) = duplicate {
            invalid(
                &mut diags,
                &["assessments", "scale"],
                format!("the rating scale names \u{201c}{d}\u{201d} twice"),
                "each step needs its own words",
            );
        } else {
            settings.scale = trimmed;
        }
        // The default threshold is the third step, or the top of a short scale.
        settings.promotion.at_least = settings.scale.len().min(3) as u8;
    }
    if let Some(na) = raw.not_applicable {
        settings.not_applicable = na;
    }
    if let Some(n) = raw.smallest_group {
        if n == 0 {
            invalid(
                &mut diags,
                &["assessments", "smallest_group"],
                "`smallest_group` must be at least 1".into(),
                "aggregates of fewer people than this show no names; 5 is a common choice",
            );
        } else {
            settings.smallest_group = n;
        }
    }
    if let Some(hr) = raw.hr_reads_notes {
        settings.hr_reads_notes = hr;
    }
    let Some(rule) = raw.promotion else {
        return (settings, diags);
    };
    if let Some(name) = rule.at_least {
        match settings
            .scale
            .iter()
            .position(|s| s.eq_ignore_ascii_case(name.trim()))
        {
            Some(i) => settings.promotion.at_least = (i + 1) as u8,
            None => invalid(
                &mut diags,
                &["promotion", "at_least"],
                format!("`at_least = \"{name}\"` is not on the rating scale"),
                &format!("the scale is: {}", settings.scale.join(", ")),
            ),
        }
    }
    if let Some(value) = rule.per_area {
        let help = "`per_area` is \"all\", a share such as 0.8, or a count such as 3";
        match value {
            toml::Value::String(s) if s.trim().eq_ignore_ascii_case("all") => {}
            toml::Value::Float(f) if f > 0.0 && f <= 1.0 => {
                settings.promotion.per_area = PerArea::Share(f);
            }
            toml::Value::Integer(n) if n >= 1 => {
                settings.promotion.per_area = PerArea::Count(n as usize);
            }
            other => invalid(
                &mut diags,
                &["promotion", "per_area"],
                format!("`per_area = {other}` is not a rule rungs knows"),
                help,
            ),
        }
    }
    let known: Vec<&str> = areas
        .iter()
        .flat_map(|a| a.walk())
        .map(|a| a.id.as_str())
        .collect();
    for id in rule.waivable {
        if known.contains(&id.as_str()) {
            settings.promotion.waivable.push(id);
        } else {
            diags.push(
                Diagnostic::error(
                    Code::UnknownArea,
                    format!("`waivable` names `{id}`, which is not an area"),
                )
                .at(&at(&["promotion", "waivable"]))
                .help(crate::text::suggest_or(&id, known.iter().copied(), || {
                    format!("the areas are: {}", known.join(", "))
                })),
            );
        }
    }
    if let Some(value) = rule.time_in_level {
        match value {
            toml::Value::Integer(m) if (0..=600).contains(&m) => {
                settings.promotion.time_in_level = if m == 0 {
                    TimeInLevel::Any
                } else {
                    TimeInLevel::Months(m as u32)
                };
            }
            toml::Value::String(s) if s.trim().eq_ignore_ascii_case("tenure") => {
                settings.promotion.time_in_level = TimeInLevel::Tenure;
            }
            other => invalid(
                &mut diags,
                &["promotion", "time_in_level"],
                format!("`time_in_level = {other}` is neither a number of months nor \"tenure\""),
                "write months (e.g. 12) or \"tenure\" for the level's tenure indicator",
            ),
        }
    }
    if let Some(from) = rule.ratings_from {
        match from.trim() {
            "manager" => settings.promotion.ratings_from = RatingsFrom::Manager,
            "both" => settings.promotion.ratings_from = RatingsFrom::Both,
            other => invalid(
                &mut diags,
                &["promotion", "ratings_from"],
                format!("`ratings_from = \"{other}\"` is neither \"manager\" nor \"both\""),
                "\"manager\" reads the manager's ratings; \"both\" the lower of the two",
            ),
        }
    }
    (settings, diags)
}

/// Points at the line of `keys.last()` after the table header that names
/// `keys[0]` (or at that header, or the file's start).
pub(crate) fn locate(file: &SourceFile, keys: &[&str]) -> crate::model::Span {
    let text = file.text();
    let mut offset = 0;
    let mut after_header = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.starts_with('[') && keys.first().is_some_and(|k| trimmed.contains(k)) {
            after_header = Some(offset + indent);
        } else if let (Some(_), Some(key)) = (after_header, keys.last()) {
            let rest = trimmed.strip_prefix(key).map(str::trim_start);
            if rest.is_some_and(|r| r.starts_with('=')) {
                return file.span(offset + indent, offset + line.trim_end().len());
            }
        }
        offset += line.len();
    }
    match after_header {
        Some(at) => file.span(at, at + 1),
        None => file.start_span(),
    }
}

/// Whether an area meets the rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AreaStatus {
    /// Enough statements met.
    Met,
    /// Not enough, but the rule lets this area be waived.
    Waived,
    /// Not enough yet.
    NotYet,
}

/// Readiness in one area.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaReadiness {
    /// Area id.
    pub area: String,
    /// Area title.
    pub title: String,
    /// Statements rated at or above the threshold.
    pub met: usize,
    /// Statements that count (all but the not applicable ones).
    pub counted: usize,
    /// How many the rule asks for.
    pub needed: usize,
    /// Statements not rated yet.
    pub unrated: usize,
    /// The verdict.
    pub status: AreaStatus,
    /// The verdict in words.
    pub reason: String,
}

/// Readiness for a level, with its reasons.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Readiness {
    /// Every area met (or waived) and the time in level reached.
    pub ready: bool,
    /// Per area, in the order the level lists them.
    pub areas: Vec<AreaReadiness>,
    /// The time-in-level check, when the rule has one.
    pub time: Option<String>,
    /// The same check as numbers, for words in other languages: months at
    /// the current level (`None`: unknown) and the months the rule asks for.
    #[serde(skip)]
    pub time_months: Option<(Option<f64>, f64)>,
    /// The verdict in one sentence.
    pub summary: String,
}

/// Time at the current level, for the rule's minimum.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tenure {
    /// Months at the current level so far.
    pub months: f64,
    /// The lower bound of the current level's tenure indicator, in years.
    pub indicator_years: Option<f64>,
}

/// The rating that counts for readiness, from the stored codes of the two
/// sides' ratings of one statement (`None`: unrated, or a rating that no
/// longer counts because its statement left the ladder). With
/// [`RatingsFrom::Manager`] the manager's rating counts; with
/// [`RatingsFrom::Both`] the lower of the two, and nothing until both
/// rated. A code off the scale counts as unrated.
pub fn counting(settings: &Settings, person: Option<i64>, manager: Option<i64>) -> Option<Rating> {
    let of = |code: Option<i64>| code.and_then(|c| Rating::from_code(c, settings));
    match settings.promotion.ratings_from {
        RatingsFrom::Manager => of(manager),
        RatingsFrom::Both => match (of(person), of(manager)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            _ => None,
        },
    }
}

/// Applies the rule to the ratings of `level`'s statements. `rating(id)`
/// gives the rating that counts for a statement (see
/// [`Rule::ratings_from`]); `tenure` is the time at the current level, if
/// known.
pub fn readiness(
    settings: &Settings,
    framework: &Framework,
    level: &Level,
    rating: impl Fn(&str) -> Option<Rating>,
    tenure: Option<Tenure>,
) -> Readiness {
    let rule = &settings.promotion;
    let mut areas: Vec<AreaReadiness> = Vec::new();
    for statement in &level.statements {
        let i = match areas.iter().position(|a| a.area == statement.area) {
            Some(i) => i,
            None => {
                let title = framework
                    .areas
                    .iter()
                    .flat_map(|a| a.walk())
                    .find(|a| a.id == statement.area)
                    .map_or_else(|| statement.area.clone(), |a| a.title.clone());
                areas.push(AreaReadiness {
                    area: statement.area.clone(),
                    title,
                    met: 0,
                    counted: 0,
                    needed: 0,
                    unrated: 0,
                    status: AreaStatus::NotYet,
                    reason: String::new(),
                });
                areas.len() - 1
            }
        };
        let a = &mut areas[i];
        match rating(&statement.id) {
            Some(Rating::NotApplicable) => {}
            Some(r) => {
                a.counted += 1;
                if settings.meets(r) {
                    a.met += 1;
                }
            }
            None => {
                a.counted += 1;
                a.unrated += 1;
            }
        }
    }
    let threshold = settings.label(Rating::Step(rule.at_least)).to_string();
    for a in &mut areas {
        a.needed = rule.per_area.needed(a.counted);
        let enough = a.met >= a.needed;
        a.status = if enough {
            AreaStatus::Met
        } else if rule.waivable.contains(&a.area) {
            AreaStatus::Waived
        } else {
            AreaStatus::NotYet
        };
        let mut reason = format!(
            "{} of {} statements at \u{201c}{threshold}\u{201d} or higher; the rule asks for {}",
            a.met, a.counted, a.needed
        );
        if a.unrated > 0 {
            reason.push_str(&format!(" ({} not rated yet)", a.unrated));
        }
        if a.status == AreaStatus::Waived {
            reason.push_str("; this area may be waived");
        }
        a.reason = reason;
    }
    let required_months = match rule.time_in_level {
        TimeInLevel::Any => None,
        TimeInLevel::Months(m) => Some(f64::from(m)),
        TimeInLevel::Tenure => tenure.and_then(|t| t.indicator_years).map(|y| y * 12.0),
    };
    let (time_ok, time) = match (required_months, tenure) {
        (None, _) => (true, None),
        (Some(need), Some(t)) => (
            t.months + 1e-9 >= need,
            Some(format!(
                "{:.0} months at the current level; the rule asks for {:.0}",
                t.months.floor(),
                need
            )),
        ),
        (Some(need), None) => (
            false,
            Some(format!(
                "time at the current level is unknown (no placement); the rule asks for {need:.0} months"
            )),
        ),
    };
    let short: Vec<&str> = areas
        .iter()
        .filter(|a| a.status == AreaStatus::NotYet)
        .map(|a| a.title.as_str())
        .collect();
    let ready = short.is_empty() && time_ok && !areas.is_empty();
    let summary = if areas.is_empty() {
        "The level has no statements to assess.".to_string()
    } else if ready {
        "Ready: every area meets the rule".to_string()
            + if time.is_some() {
                " and the time at the current level is reached."
            } else {
                "."
            }
    } else {
        let mut parts = Vec::new();
        if !short.is_empty() {
            parts.push(format!("not yet met in {}", short.join(", ")));
        }
        if !time_ok {
            parts.push("not long enough at the current level".to_string());
        }
        format!("Not yet ready: {}.", parts.join("; "))
    };
    let time_months = required_months.map(|need| (tenure.map(|t| t.months), need));
    Readiness {
        ready,
        areas,
        time,
        time_months,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SourceSet;

    fn settings_of(toml_text: &str) -> (Settings, Vec<Diagnostic>) {
        let file = SourceFile::new("rungs.toml", toml_text.as_bytes().to_vec());
        let areas = vec![
            Area {
                id: "craft".into(),
                title: "Craft".into(),
                ..Area::default()
            },
            Area {
                id: "people".into(),
                title: "People".into(),
                ..Area::default()
            },
        ];
        parse(&file, &areas)
    }

    #[test]
    fn counting_reads_the_rule() {
        let mut s = Settings::default();
        s.promotion.ratings_from = RatingsFrom::Manager;
        assert_eq!(counting(&s, Some(1), Some(3)), Some(Rating::Step(3)));
        assert_eq!(counting(&s, Some(3), None), None);
        // Off the scale is unrated, not a step.
        assert_eq!(counting(&s, None, Some(99)), None);
        s.promotion.ratings_from = RatingsFrom::Both;
        assert_eq!(counting(&s, Some(4), Some(2)), Some(Rating::Step(2)));
        assert_eq!(counting(&s, Some(2), Some(4)), Some(Rating::Step(2)));
        assert_eq!(counting(&s, None, Some(4)), None);
        s.not_applicable = true;
        assert_eq!(counting(&s, Some(0), Some(3)), Some(Rating::NotApplicable));
        s.not_applicable = false;
        assert_eq!(counting(&s, Some(0), Some(3)), None);
    }

    #[test]
    fn defaults_without_a_table() {
        let (s, d) = settings_of("title = \"x\"\n");
        assert!(d.is_empty());
        assert_eq!(s, Settings::default());
        assert_eq!(s.label(Rating::Step(3)), "Consistently");
    }

    #[test]
    fn a_full_table() {
        let (s, d) = settings_of(
            "title = \"x\"\n[assessments]\nscale = [\"Low\", \"Mid\", \"High\"]\nsmallest_group = 3\n[assessments.promotion]\nat_least = \"mid\"\nper_area = 0.75\nwaivable = [\"people\"]\ntime_in_level = \"tenure\"\nratings_from = \"both\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(s.scale, ["Low", "Mid", "High"]);
        assert_eq!(s.promotion.at_least, 2);
        assert_eq!(s.promotion.per_area, PerArea::Share(0.75));
        assert_eq!(s.promotion.waivable, ["people"]);
        assert_eq!(s.promotion.time_in_level, TimeInLevel::Tenure);
        assert_eq!(s.promotion.ratings_from, RatingsFrom::Both);
        assert_eq!(s.smallest_group, 3);
    }

    #[test]
    fn mistakes_name_their_line() {
        let text = "title = \"x\"\n[assessments]\nscale = [\"A\", \"B\"]\n[assessments.promotion]\nat_least = \"C\"\nwaivable = [\"peple\"]\n";
        let (_, d) = settings_of(text);
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d[0].message.contains("not on the rating scale"));
        assert_eq!(d[0].span.as_ref().map(|s| s.line), Some(5));
        assert!(d[1].message.contains("`peple`"));
        assert_eq!(d[1].span.as_ref().map(|s| s.line), Some(6));
        assert!(
            d[1].help.as_deref().is_some_and(|h| h.contains("people")),
            "{:?}",
            d[1].help
        );
        let (_, d) = settings_of("title = \"x\"\n[assessments]\nscael = []\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span.as_ref().map(|s| s.line), Some(3));
    }

    #[test]
    fn shares_round_up_and_counts_cap() {
        assert_eq!(PerArea::Share(0.8).needed(5), 4);
        assert_eq!(PerArea::Share(0.8).needed(4), 4);
        assert_eq!(PerArea::Share(0.5).needed(3), 2);
        assert_eq!(PerArea::Count(3).needed(2), 2);
        assert_eq!(PerArea::All.needed(0), 0);
    }

    fn example() -> Framework {
        crate::load(&SourceSet::example())
            .map(|l| l.framework)
            .unwrap_or_default()
    }

    #[test]
    fn readiness_explains_itself() {
        let fw = example();
        let level = &fw.tracks[0].levels[1];
        let mut settings = Settings::default();
        let all = readiness(&settings, &fw, level, |_| Some(Rating::Step(3)), None);
        assert!(all.ready, "{all:?}");
        let first_area = level.statements[0].area.clone();
        let first = level.statements[0].id.clone();
        let one_short = readiness(
            &settings,
            &fw,
            level,
            |id| {
                Some(if id == first {
                    Rating::Step(2)
                } else {
                    Rating::Step(4)
                })
            },
            None,
        );
        assert!(!one_short.ready);
        let area = one_short
            .areas
            .iter()
            .find(|a| a.area == first_area)
            .map(|a| a.status);
        assert_eq!(area, Some(AreaStatus::NotYet));
        assert!(
            one_short.summary.contains("not yet met in"),
            "{}",
            one_short.summary
        );
        // Not applicable leaves the statement out of the count.
        let na = readiness(
            &settings,
            &fw,
            level,
            |id| {
                Some(if id == first {
                    Rating::NotApplicable
                } else {
                    Rating::Step(3)
                })
            },
            None,
        );
        assert!(na.ready);
        // Waiving the area makes the same ratings ready.
        settings.promotion.waivable.push(first_area.clone());
        let waived = readiness(
            &settings,
            &fw,
            level,
            |id| {
                Some(if id == first {
                    Rating::Step(1)
                } else {
                    Rating::Step(3)
                })
            },
            None,
        );
        assert!(waived.ready, "{waived:?}");
        // Time in level.
        settings.promotion.time_in_level = TimeInLevel::Months(12);
        let early = readiness(
            &settings,
            &fw,
            level,
            |_| Some(Rating::Step(4)),
            Some(Tenure {
                months: 7.5,
                indicator_years: None,
            }),
        );
        assert!(!early.ready);
        assert_eq!(
            early.time.as_deref(),
            Some("7 months at the current level; the rule asks for 12")
        );
        let unrated = readiness(&Settings::default(), &fw, level, |_| None, None);
        assert!(!unrated.ready);
        assert!(unrated.areas.iter().all(|a| a.unrated == a.counted));
    }
}
