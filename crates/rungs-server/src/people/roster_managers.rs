//! Who a roster's manager cell means. HR systems name managers by email,
//! by employee number or by full name ("Reports To: Benjamin Carter"); a
//! name must match exactly one person, in the file (before or after the
//! row) or already in rungs, or the problem names every candidate.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use rungs_store::model::Person;

use super::roster_columns::Field;
use super::roster_csv::{Parsed, problem_said};

/// A name as it is compared: lower case, single spaces.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Someone a manager cell may mean.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Candidate {
    email: String,
    name: String,
    /// Their row in the file; none for someone already in rungs.
    row: Option<u64>,
}

impl Candidate {
    fn words(&self) -> String {
        match self.row {
            Some(r) => format!("{} <{}> (row {r})", self.name, self.email),
            None => format!("{} <{}> (already in rungs)", self.name, self.email),
        }
    }
}

/// Where a candidate is: the file's row at this index, or the person at
/// this index of those already in rungs. Kept as an index so that the maps
/// below hold no copy of anyone's name or email.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Row(usize),
    Known(usize),
}

/// The ways a person's name may be written in a manager cell.
fn name_keys(name: &str, first_last: Option<(&str, &str)>, display: Option<&str>) -> Vec<String> {
    let mut keys = vec![fold(name)];
    let (first, last) = match first_last {
        Some((f, l)) => (f.to_string(), l.to_string()),
        None => match name.rsplit_once(' ') {
            Some((f, l)) => (f.to_string(), l.to_string()),
            None => (name.to_string(), String::new()),
        },
    };
    if !last.is_empty() {
        keys.push(fold(&format!("{first} {last}")));
        keys.push(fold(&format!("{last}, {first}")));
        if let Some(d) = display {
            keys.push(fold(&format!("{d} {last}")));
            keys.push(fold(&format!("{last}, {d}")));
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// An email as rungs keeps it: trimmed, lower case; borrowed when it is
/// already so (as it nearly always is).
fn normal(email: &str) -> Cow<'_, str> {
    let trimmed = email.trim();
    if trimmed.len() == email.len() && trimmed.chars().all(|c| c.to_lowercase().eq([c])) {
        Cow::Borrowed(email)
    } else {
        Cow::Owned(trimmed.to_lowercase())
    }
}

/// Whether a manager cell names someone other than by email: only then are
/// the people already in rungs needed to settle it.
pub(crate) fn names_anyone(parsed: &Parsed) -> bool {
    parsed
        .unsettled
        .iter()
        .filter_map(|u| u.manager.as_deref())
        .any(|cell| !cell.contains('@'))
}

/// Sets each row's `manager_email` from its manager cell, reporting the
/// cells that name no one, or more than one person.
pub(crate) fn resolve(parsed: &mut Parsed, known: &[Person]) {
    let heading = parsed.heading(Field::Manager);
    // The cells that name a manager other than by email: only their keys
    // are looked for, so a file that names managers by email builds no
    // index of names at all.
    let wanted: HashSet<String> = parsed
        .unsettled
        .iter()
        .filter_map(|u| u.manager.as_deref())
        .filter(|cell| !cell.contains('@'))
        .map(fold)
        .collect();
    let rows = &parsed.rows;
    let in_file: HashMap<Cow<'_, str>, bool> = rows
        .iter()
        .zip(&parsed.unsettled)
        .map(|(r, u)| (normal(&r.email), u.faulty))
        .collect();
    let mut by_number: HashMap<String, Vec<Source>> = HashMap::new();
    let mut by_name: HashMap<String, Vec<Source>> = HashMap::new();
    if !wanted.is_empty() {
        let mut note = |keys: Vec<String>, number: Option<&String>, at: Source| {
            if let Some(n) = number.map(|n| fold(n)).filter(|n| wanted.contains(n)) {
                by_number.entry(n).or_default().push(at);
            }
            for key in keys.into_iter().filter(|k| wanted.contains(k)) {
                by_name.entry(key).or_default().push(at);
            }
        };
        for (i, (r, u)) in rows.iter().zip(&parsed.unsettled).enumerate() {
            let first_last = u.first_last.as_ref().map(|(f, l)| (f.as_str(), l.as_str()));
            let keys = name_keys(&r.name, first_last, r.display_name.as_deref());
            note(keys, r.employee_number.as_ref(), Source::Row(i));
        }
        // People already here whom the file does not list.
        for (i, p) in known.iter().enumerate() {
            if !in_file.contains_key(p.email.as_str()) {
                let keys = name_keys(&p.name, None, p.display_name.as_deref());
                note(keys, p.employee_number.as_ref(), Source::Known(i));
            }
        }
    }
    let candidate = |at: &Source| match *at {
        Source::Row(i) => Candidate {
            email: normal(&rows[i].email).into_owned(),
            name: rows[i].name.clone(),
            row: rows[i].line,
        },
        Source::Known(i) => Candidate {
            email: known[i].email.clone(),
            name: known[i].name.clone(),
            row: None,
        },
    };
    // Each row's manager, worked out first and set after, as the rows are
    // read while the answer is found.
    let mut settled: Vec<(usize, String)> = Vec::new();
    let mut problems = Vec::new();
    for (i, (r, u)) in rows.iter().zip(&parsed.unsettled).enumerate() {
        let Some(cell) = u.manager.as_deref() else {
            continue;
        };
        if cell.contains('@') {
            // The store checks that the email is in the file or known.
            settled.push((i, cell.trim().to_lowercase()));
            continue;
        }
        let key = fold(cell);
        let sources = by_number
            .get(&key)
            .filter(|c| !c.is_empty())
            .or_else(|| by_name.get(&key));
        let mut found: Vec<Candidate> = sources
            .map(|s| s.iter().map(candidate).collect())
            .unwrap_or_default();
        found.sort();
        found.dedup_by(|a, b| a.email == b.email);
        let column = Some(heading.as_str());
        match found.as_slice() {
            [one] => {
                // A manager whose own row is wrong is reported on that row.
                if in_file.get(one.email.as_str()) != Some(&true) {
                    settled.push((i, one.email.clone()));
                }
            }
            [] => problems.push(problem_said(
                "roster-problem-no-manager",
                r.line,
                column,
                vec![("cell", cell.to_string())],
            )),
            many => problems.push(problem_said(
                "roster-problem-managers",
                r.line,
                column,
                vec![
                    ("cell", cell.to_string()),
                    ("count", many.len().to_string()),
                    (
                        "who",
                        many.iter()
                            .map(Candidate::words)
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ],
            )),
        }
    }
    drop(in_file);
    for (i, email) in settled {
        if let Some(r) = parsed.rows.get_mut(i) {
            r.manager_email = Some(email);
        }
    }
    parsed.problems.extend(problems);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_matched_the_ways_exports_write_them() {
        let keys = name_keys("Benjamin Carter", Some(("Benjamin", "Carter")), Some("Ben"));
        for k in [
            "benjamin carter",
            "carter, benjamin",
            "ben carter",
            "carter, ben",
        ] {
            assert!(keys.contains(&k.to_string()), "{k} in {keys:?}");
        }
        assert!(!keys.contains(&"ben".to_string()));
    }
}
