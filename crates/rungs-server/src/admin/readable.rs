//! The audit log as people read it: who and what by name, with links,
//! and each change as a list of fields that changed, before and after. The
//! entries themselves stay as recorded (the chain's hashes cover them);
//! only their showing changes.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value;

use rungs_store::audit::AuditEntry;
use rungs_store::model::Person;

/// Fields of a person that anonymising removes: an anonymised person's
/// old values are not shown again, though the log keeps them.
const PERSONAL: &[&str] = &[
    "name",
    "email",
    "job_title",
    "display_name",
    "previous_title",
    "employee_number",
    "start_date",
];

/// Whether `p` has been anonymised (their email is the placeholder).
pub(crate) fn anonymised(p: &Person) -> bool {
    p.email == format!("anonymised-{}@invalid.invalid", p.id)
}

/// Something the log names (`person:5`), as a reader sees it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Label {
    /// As recorded: what the filters take.
    pub raw: String,
    /// In words: a name, "Assessment 12"…
    pub text: String,
    /// Its page, if it has one.
    pub href: Option<String>,
    /// Whether it is a person who has been anonymised.
    pub anonymised: bool,
}

/// One field that changed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Change {
    /// The field.
    pub field: String,
    /// Its value before, if it had one.
    pub before: Option<String>,
    /// Its value after, if it has one.
    pub after: Option<String>,
}

/// An entry as the audit page shows it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Readable {
    pub seq: i64,
    pub at: i64,
    pub actor: Label,
    pub action: String,
    pub subject: Label,
    pub changes: Vec<Change>,
}

/// Names what the log refers to, from everyone the store knows.
pub(crate) struct Names {
    people: HashMap<i64, Person>,
}

impl Names {
    pub(crate) fn new(people: Vec<Person>) -> Names {
        Names {
            people: people.into_iter().map(|p| (p.id, p)).collect(),
        }
    }

    fn person(&self, raw: &str) -> Option<&Person> {
        let id: i64 = raw.strip_prefix("person:")?.parse().ok()?;
        self.people.get(&id)
    }

    /// `raw` in words, with a link where there is a page.
    pub(crate) fn label(&self, raw: &str) -> Label {
        let (kind, id) = raw.split_once(':').unwrap_or((raw, ""));
        let numeric = !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
        let label = |text: String, href: Option<String>| Label {
            raw: raw.to_string(),
            text,
            href,
            anonymised: false,
        };
        match kind {
            "person" if numeric => match self.person(raw) {
                Some(p) if anonymised(p) => Label {
                    anonymised: true,
                    ..label(
                        format!("Anonymised person ({id})"),
                        Some(format!("/app/people/{id}")),
                    )
                },
                Some(p) => {
                    let text = match &p.display_name {
                        Some(d) => format!("{} ({d})", p.name),
                        None => p.name.clone(),
                    };
                    label(text, Some(format!("/app/people/{id}")))
                }
                None => label(format!("Person {id} (no longer here)"), None),
            },
            "assessment" if numeric => label(
                format!("Assessment {id}"),
                Some(format!("/app/assessments/{id}")),
            ),
            "rollout" if numeric => label(format!("Rollout {id}"), Some("/app/rollout".into())),
            "cycle" if numeric => label(format!("Cycle {id}"), Some("/app/cycles".into())),
            "token" if numeric => label(format!("API token {id}"), None),
            "goal" if numeric => label(format!("Goal {id}"), None),
            "note" if numeric => label(format!("1-on-1 note {id}"), None),
            "revision" => label(
                format!("Ladder revision {id}"),
                Some("/app/framework".into()),
            ),
            "setup" => label("Setup".into(), None),
            "system" => label("The server".into(), None),
            "roster" => label("Roster import".into(), Some("/app/roster".into())),
            _ => label(raw.to_string(), None),
        }
    }

    /// `entry` as the page shows it.
    pub(crate) fn readable(&self, entry: &AuditEntry) -> Readable {
        let subject = self.label(&entry.subject);
        Readable {
            seq: entry.seq,
            at: entry.at,
            actor: self.label(&entry.actor),
            action: entry.action.clone(),
            changes: diff(
                entry.before.as_deref(),
                entry.after.as_deref(),
                subject.anonymised,
            ),
            subject,
        }
    }
}

/// A value in words: text as it is, nothing as none, the rest as JSON.
fn words(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// The fields of a state: an object's, or the whole value as one field.
fn fields(json: Option<&str>) -> BTreeMap<String, Value> {
    match json.map(serde_json::from_str::<Value>) {
        None => BTreeMap::new(),
        Some(Ok(Value::Object(map))) => map.into_iter().collect(),
        Some(Ok(other)) => BTreeMap::from([("value".to_string(), other)]),
        Some(Err(_)) => BTreeMap::from([(
            "value".to_string(),
            Value::String(json.unwrap_or_default().to_string()),
        )]),
    }
}

/// The fields that differ between `before` and `after`, by name. The
/// version counter, which every change moves, is left out.
pub(crate) fn diff(before: Option<&str>, after: Option<&str>, anonymised: bool) -> Vec<Change> {
    let (before, after) = (fields(before), fields(after));
    let mut names: Vec<&String> = before.keys().chain(after.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|n| n.as_str() != "version")
        .filter_map(|n| {
            let (b, a) = (before.get(n), after.get(n));
            if b == a {
                return None;
            }
            let hide = anonymised && PERSONAL.contains(&n.as_str());
            let show = |v: Option<&Value>| {
                v.and_then(words)
                    .map(|w| if hide { "(anonymised)".to_string() } else { w })
            };
            let (b, a) = (show(b), show(a));
            (b != a || hide).then(|| Change {
                field: n.replace('_', " "),
                before: b,
                after: a,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_lists_what_changed() {
        let before = r#"{"name":"Ada","team":"Core","version":1,"active":true}"#;
        let after = r#"{"name":"Ada","team":"Platform","version":2,"active":false}"#;
        let d = diff(Some(before), Some(after), false);
        let fields: Vec<&str> = d.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["active", "team"]);
        assert_eq!(d[1].before.as_deref(), Some("Core"));
        assert_eq!(d[1].after.as_deref(), Some("Platform"));
        let created = diff(None, Some(r#"{"job_title":"Engineer"}"#), false);
        assert_eq!(created[0].field, "job title");
        assert_eq!(created[0].before, None);
        let hidden = diff(Some(r#"{"name":"Ada"}"#), Some(r#"{"name":"Bo"}"#), true);
        assert_eq!(hidden[0].before.as_deref(), Some("(anonymised)"));
    }
}
