//! Who a roster's manager cell means. HR systems name managers by email,
//! by employee number or by full name ("Reports To: Benjamin Carter"); a
//! name must match exactly one person, in the file (before or after the
//! row) or already in rungs, or the problem names every candidate.

use std::collections::{BTreeMap, HashMap};

use rungs_store::RowProblem;
use rungs_store::model::Person;

use super::roster_columns::Field;
use super::roster_csv::Parsed;

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

/// Sets each row's `manager_email` from its manager cell, reporting the
/// cells that name no one, or more than one person.
pub(crate) fn resolve(parsed: &mut Parsed, known: &[Person]) {
    let heading = parsed.heading(Field::Manager);
    let in_file: HashMap<String, bool> = parsed
        .rows
        .iter()
        .map(|r| (r.row.email.trim().to_lowercase(), r.faulty))
        .collect();
    let mut by_number: BTreeMap<String, Vec<Candidate>> = BTreeMap::new();
    let mut by_name: BTreeMap<String, Vec<Candidate>> = BTreeMap::new();
    for r in &parsed.rows {
        let c = Candidate {
            email: r.row.email.trim().to_lowercase(),
            name: r.row.name.clone(),
            row: r.row.line,
        };
        if let Some(n) = &r.row.employee_number {
            by_number.entry(fold(n)).or_default().push(c.clone());
        }
        let first_last = r.first_last.as_ref().map(|(f, l)| (f.as_str(), l.as_str()));
        for key in name_keys(&r.row.name, first_last, r.row.display_name.as_deref()) {
            by_name.entry(key).or_default().push(c.clone());
        }
    }
    // People already here whom the file does not list.
    for p in known.iter().filter(|p| !in_file.contains_key(&p.email)) {
        let c = Candidate {
            email: p.email.clone(),
            name: p.name.clone(),
            row: None,
        };
        if let Some(n) = &p.employee_number {
            by_number.entry(fold(n)).or_default().push(c.clone());
        }
        for key in name_keys(&p.name, None, p.display_name.as_deref()) {
            by_name.entry(key).or_default().push(c.clone());
        }
    }
    let mut problems = Vec::new();
    for r in &mut parsed.rows {
        let Some(cell) = r.manager.clone() else {
            continue;
        };
        if cell.contains('@') {
            // The store checks that the email is in the file or known.
            r.row.manager_email = Some(cell.trim().to_lowercase());
            continue;
        }
        let key = fold(&cell);
        let mut found: Vec<Candidate> = by_number
            .get(&key)
            .filter(|c| !c.is_empty())
            .or_else(|| by_name.get(&key))
            .cloned()
            .unwrap_or_default();
        found.sort();
        found.dedup_by(|a, b| a.email == b.email);
        let say = |message: String| RowProblem {
            line: r.row.line,
            column: Some(heading.clone()),
            message,
        };
        match found.as_slice() {
            [one] => {
                // A manager whose own row is wrong is reported on that row.
                if in_file.get(&one.email) != Some(&true) {
                    r.row.manager_email = Some(one.email.clone());
                }
            }
            [] => problems.push(say(format!(
                "no one in this file or already in rungs has the email, employee number or name `{cell}`"
            ))),
            many => problems.push(say(format!(
                "`{cell}` could be {} people: {}; name the manager by email or employee number",
                many.len(),
                many.iter().map(Candidate::words).collect::<Vec<_>>().join(", ")
            ))),
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
