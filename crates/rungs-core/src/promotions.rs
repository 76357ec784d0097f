//! Promotions: the `[promotions]` table of `rungs.toml`, read by
//! `rungs server` (cases, peer feedback, calibration, decisions).
//!
//! ```toml
//! [promotions]
//! nominate = "manager"          # or "manager-or-self": people may nominate themselves
//! window = "all-year"           # or "cycle": cases open only while an assessment cycle is open
//! assessment = true             # a case needs a shared assessment against the target level
//! peer_responses = 2            # peer answers a case needs before it is submitted
//! narrative = true              # a case needs a written narrative before it is submitted
//! committee_size = 3            # members a calibration session needs before it decides
//! peer_feedback = "named"       # or "anonymous-to-person"
//! communicate = "manager"       # or "on-decision": the person sees it as soon as it is decided
//! flag_difference = 0.5         # flag a manager whose average rating is this many steps off the group's
//! feedback_days = 14            # default days until a feedback request is due
//! ```
//!
//! Every key is optional; the defaults are the values above.

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceFile;

/// Who may open a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Nominate {
    /// The person's manager, anyone above them, or HR.
    Manager,
    /// Those, and the person themselves.
    ManagerOrSelf,
}

/// When cases may be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Window {
    /// At any time.
    AllYear,
    /// Only while an assessment cycle is open.
    Cycle,
}

/// What the person assessed learns of who gave peer feedback.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeerFeedback {
    /// Names shown to everyone who reads the feedback.
    Named,
    /// The person reads the feedback without the names (reviewers see them;
    /// every read is audited).
    AnonymousToPerson,
}

/// How a decision reaches the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Communicate {
    /// Their manager talks to them, then marks the case communicated.
    Manager,
    /// The person sees the decision as soon as it is recorded.
    OnDecision,
}

/// The `[promotions]` settings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Settings {
    /// Who may open a case.
    pub nominate: Nominate,
    /// When cases may be opened.
    pub window: Window,
    /// Whether a case needs a shared assessment against the target level.
    pub assessment: bool,
    /// Peer answers a case needs before it is submitted.
    pub peer_responses: u32,
    /// Whether a case needs a narrative before it is submitted.
    pub narrative: bool,
    /// Members a calibration session needs before decisions are recorded.
    pub committee_size: u32,
    /// Whether the person sees who gave feedback.
    pub peer_feedback: PeerFeedback,
    /// How decisions reach the person.
    pub communicate: Communicate,
    /// A manager whose average rating differs from the group's by more than
    /// this many steps is flagged in calibration.
    pub flag_difference: f64,
    /// Days until a feedback request is due, unless the request says.
    pub feedback_days: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            nominate: Nominate::Manager,
            window: Window::AllYear,
            assessment: true,
            peer_responses: 2,
            narrative: true,
            committee_size: 3,
            peer_feedback: PeerFeedback::Named,
            communicate: Communicate::Manager,
            flag_difference: 0.5,
            feedback_days: 14,
        }
    }
}

/// The keys of `[promotions]`.
pub const KEYS: [&str; 10] = [
    "nominate",
    "window",
    "assessment",
    "peer_responses",
    "narrative",
    "committee_size",
    "peer_feedback",
    "communicate",
    "flag_difference",
    "feedback_days",
];

#[derive(serde::Deserialize)]
struct RawFile {
    #[serde(default)]
    promotions: Option<toml::Value>,
}

/// Reads `[promotions]` of `rungs.toml`. Problems are diagnostics at their
/// line (with a did-you-mean for a misspelt key or word); the defaults
/// stand in for what is wrong.
pub fn parse(file: &SourceFile) -> (Settings, Vec<Diagnostic>) {
    let mut settings = Settings::default();
    let mut diags = Vec::new();
    // A file that is not TOML is reported once, by the config parser.
    let Ok(RawFile {
        promotions: Some(value),
    }) = toml::from_str::<RawFile>(file.text())
    else {
        return (settings, diags);
    };
    let toml::Value::Table(table) = value else {
        diags.push(
            Diagnostic::error(Code::InvalidValue, "`promotions` must be a table")
                .at(&locate(file, "promotions"))
                .help("write it as a `[promotions]` table; see docs/promotions.md"),
        );
        return (settings, diags);
    };
    for (key, value) in &table {
        let span = locate(file, key);
        let mut bad = |message: String, help: String| {
            diags.push(
                Diagnostic::error(Code::InvalidValue, message)
                    .at(&span)
                    .help(help),
            );
        };
        match key.as_str() {
            "nominate" => match word(value, &["manager", "manager-or-self"]) {
                Ok(0) => settings.nominate = Nominate::Manager,
                Ok(_) => settings.nominate = Nominate::ManagerOrSelf,
                Err(help) => bad(format!("`nominate = {value}` is not a choice"), help),
            },
            "window" => match word(value, &["all-year", "cycle"]) {
                Ok(0) => settings.window = Window::AllYear,
                Ok(_) => settings.window = Window::Cycle,
                Err(help) => bad(format!("`window = {value}` is not a choice"), help),
            },
            "peer_feedback" => match word(value, &["named", "anonymous-to-person"]) {
                Ok(0) => settings.peer_feedback = PeerFeedback::Named,
                Ok(_) => settings.peer_feedback = PeerFeedback::AnonymousToPerson,
                Err(help) => bad(format!("`peer_feedback = {value}` is not a choice"), help),
            },
            "communicate" => match word(value, &["manager", "on-decision"]) {
                Ok(0) => settings.communicate = Communicate::Manager,
                Ok(_) => settings.communicate = Communicate::OnDecision,
                Err(help) => bad(format!("`communicate = {value}` is not a choice"), help),
            },
            "assessment" | "narrative" => match value {
                toml::Value::Boolean(b) if key == "assessment" => settings.assessment = *b,
                toml::Value::Boolean(b) => settings.narrative = *b,
                _ => bad(
                    format!("`{key} = {value}` is not true or false"),
                    format!("write `{key} = true` or `{key} = false`"),
                ),
            },
            "peer_responses" | "committee_size" | "feedback_days" => {
                let (low, high) = match key.as_str() {
                    "peer_responses" => (0, 20),
                    "committee_size" => (1, 50),
                    _ => (1, 365),
                };
                match value {
                    toml::Value::Integer(n) if (low..=high).contains(n) => {
                        // In range, so it fits.
                        let n = *n as u32;
                        match key.as_str() {
                            "peer_responses" => settings.peer_responses = n,
                            "committee_size" => settings.committee_size = n,
                            _ => settings.feedback_days = n,
                        }
                    }
                    _ => bad(
                        format!("`{key} = {value}` is not a whole number from {low} to {high}"),
                        format!("write a number such as `{key} = {}`", low.max(2)),
                    ),
                }
            }
            "flag_difference" => {
                let n = match value {
                    toml::Value::Float(f) => Some(*f),
                    toml::Value::Integer(i) => Some(*i as f64),
                    _ => None,
                };
                match n {
                    Some(f) if f > 0.0 && f <= 10.0 => settings.flag_difference = f,
                    _ => bad(
                        format!("`flag_difference = {value}` is not a number of steps above 0"),
                        "a manager is flagged when their average rating is this many steps off the group's; 0.5 is a common choice".into(),
                    ),
                }
            }
            other => diags.push(
                Diagnostic::error(
                    Code::UnknownKey,
                    format!("[promotions]: `{other}` is not a setting"),
                )
                .at(&span)
                .label("unknown key")
                .help(crate::text::suggest_or(other, KEYS, || {
                    format!("the keys of [promotions] are {}", KEYS.join(", "))
                })),
            ),
        }
    }
    (settings, diags)
}

/// The index of the choice `value` names, or the help that lists them
/// (with a did-you-mean).
fn word(value: &toml::Value, choices: &[&str]) -> Result<usize, String> {
    let toml::Value::String(s) = value else {
        return Err(format!("write one of: \"{}\"", choices.join("\", \"")));
    };
    let s = s.trim();
    choices
        .iter()
        .position(|c| c.eq_ignore_ascii_case(s))
        .ok_or_else(|| {
            crate::text::suggest_or(s, choices.iter().copied(), || {
                format!("write one of: \"{}\"", choices.join("\", \""))
            })
        })
}

/// Points at the line of `key` inside `[promotions]` (or at the header).
fn locate(file: &SourceFile, key: &str) -> crate::model::Span {
    let text = file.text();
    let mut offset = 0;
    let mut header = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.starts_with('[') {
            if header.is_some() {
                break;
            }
            if trimmed.trim_end().trim_end_matches(|c: char| c != ']') == "[promotions]" {
                header = Some(offset + indent);
            }
        } else if header.is_some()
            && trimmed
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
        {
            return file.span(offset + indent, offset + line.trim_end().len());
        }
        offset += line.len();
    }
    match header {
        Some(at) => file.span(at, at + 1),
        None => file.start_span(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings_of(text: &str) -> (Settings, Vec<Diagnostic>) {
        parse(&SourceFile::new("rungs.toml", text.as_bytes().to_vec()))
    }

    #[test]
    fn defaults_without_a_table() {
        let (s, d) = settings_of("title = \"x\"\n");
        assert!(d.is_empty());
        assert_eq!(s, Settings::default());
    }

    #[test]
    fn a_full_table() {
        let (s, d) = settings_of(
            "title = \"x\"\n[promotions]\nnominate = \"manager-or-self\"\nwindow = \"cycle\"\nassessment = false\npeer_responses = 3\nnarrative = false\ncommittee_size = 4\npeer_feedback = \"anonymous-to-person\"\ncommunicate = \"on-decision\"\nflag_difference = 1\nfeedback_days = 7\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(s.nominate, Nominate::ManagerOrSelf);
        assert_eq!(s.window, Window::Cycle);
        assert!(!s.assessment && !s.narrative);
        assert_eq!(
            (s.peer_responses, s.committee_size, s.feedback_days),
            (3, 4, 7)
        );
        assert_eq!(s.peer_feedback, PeerFeedback::AnonymousToPerson);
        assert_eq!(s.communicate, Communicate::OnDecision);
        assert_eq!(s.flag_difference, 1.0);
    }

    #[test]
    fn mistakes_name_their_line_and_a_fix() {
        let text = "title = \"x\"\n[promotions]\nnominate = \"managr\"\npeer_respones = 2\ncommittee_size = 0\n[[areas]]\ntitle = \"A\"\n";
        let (s, d) = settings_of(text);
        assert_eq!(d.len(), 3, "{d:?}");
        let line = |i: usize| d[i].span.as_ref().map(|s| s.line);
        // Keys come in the table's order (sorted by the TOML parser).
        let find = |needle: &str| {
            d.iter()
                .position(|x| x.message.contains(needle))
                .unwrap_or_else(|| panic!("no `{needle}` in {d:?}"))
        };
        let nominate = find("nominate");
        assert_eq!(line(nominate), Some(3));
        assert!(
            d[nominate]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("`manager`")),
            "{:?}",
            d[nominate].help
        );
        let typo = find("peer_respones");
        assert_eq!(line(typo), Some(4));
        assert!(
            d[typo]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("peer_responses")),
            "{:?}",
            d[typo].help
        );
        assert_eq!(line(find("committee_size")), Some(5));
        // The defaults stand in for what was wrong.
        assert_eq!(s.nominate, Nominate::Manager);
        assert_eq!(s.committee_size, 3);
    }
}
