//! Reading an HR system's CSV export into roster rows: columns found by
//! name (with the spellings HR systems use), every problem reported with its
//! line and column.

use std::collections::HashMap;

use rungs_store::{RosterRow, RowProblem};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use crate::framework::Ladder;

/// Which column holds which field, when the header names are not ones we
/// recognise. Each value is a header name of the file.
#[derive(Debug, Clone, Default, Deserialize, ToSchema, IntoParams)]
pub struct Mapping {
    /// Column of the work email.
    pub email: Option<String>,
    /// Column of the full name.
    pub name: Option<String>,
    /// Column of the job title.
    pub job_title: Option<String>,
    /// Column of the team.
    pub team: Option<String>,
    /// Column of the manager's email.
    pub manager_email: Option<String>,
    /// Column of the start date.
    pub start_date: Option<String>,
    /// Column of active/inactive.
    pub active: Option<String>,
    /// Column of the track id.
    pub track: Option<String>,
    /// Column of the level id.
    pub level: Option<String>,
    /// Column of the title at the previous company.
    pub previous_title: Option<String>,
}

impl Mapping {
    /// Sets the column of `field` (a form's `map_FIELD`); blank means "find
    /// it by name".
    pub(crate) fn set(
        &mut self,
        field: &str,
        column: String,
    ) -> Result<(), crate::error::ServerError> {
        let column = Some(column.trim().to_string()).filter(|c| !c.is_empty());
        let slot = match field {
            "email" => &mut self.email,
            "name" => &mut self.name,
            "job_title" => &mut self.job_title,
            "team" => &mut self.team,
            "manager_email" => &mut self.manager_email,
            "start_date" => &mut self.start_date,
            "active" => &mut self.active,
            "track" => &mut self.track,
            "level" => &mut self.level,
            "previous_title" => &mut self.previous_title,
            other => {
                return Err(crate::error::ServerError::Invalid(format!(
                    "`{other}` is not a roster field"
                )));
            }
        };
        *slot = column;
        Ok(())
    }
}

/// The fields and the header names that mean them (compared lower-case,
/// with spaces, dashes and underscores ignored).
const KNOWN: &[(&str, &[&str])] = &[
    (
        "email",
        &["email", "workemail", "emailaddress", "e-mail", "mail"],
    ),
    (
        "name",
        &[
            "name",
            "fullname",
            "displayname",
            "employeename",
            "preferredname",
        ],
    ),
    ("first_name", &["firstname", "givenname"]),
    ("last_name", &["lastname", "surname", "familyname"]),
    (
        "job_title",
        &["jobtitle", "title", "position", "jobname", "businesstitle"],
    ),
    ("team", &["team", "department", "dept", "group", "squad"]),
    (
        "manager_email",
        &[
            "manageremail",
            "manager",
            "reportsto",
            "managerworkemail",
            "linemanager",
            "supervisoremail",
        ],
    ),
    (
        "start_date",
        &["startdate", "hiredate", "datejoined", "joined", "start"],
    ),
    (
        "active",
        &["active", "status", "employmentstatus", "isactive"],
    ),
    ("track", &["track", "careertrack", "jobfamily"]),
    ("level", &["level", "careerlevel", "joblevel"]),
    (
        "previous_title",
        &[
            "previoustitle",
            "previousjobtitle",
            "priortitle",
            "formertitle",
            "titleatpreviouscompany",
        ],
    ),
];

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reads `bytes` (UTF-8, with or without a BOM) into rows.
pub(crate) fn parse(
    bytes: &[u8],
    mapping: &Mapping,
    ladder: &Ladder,
) -> Result<Vec<RosterRow>, Vec<RowProblem>> {
    let problem = |line: Option<u64>, column: Option<&str>, message: String| RowProblem {
        line,
        column: column.map(str::to_string),
        message,
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64
            + 1;
        return Err(vec![problem(
            Some(line),
            None,
            "the file is not UTF-8 text: export it as \u{201c}CSV UTF-8\u{201d}".into(),
        )]);
    }
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(vec![problem(
                Some(1),
                None,
                format!("cannot read the header row: {e}"),
            )]);
        }
    };
    // Field -> column index.
    let mut columns: HashMap<&str, usize> = HashMap::new();
    let explicit = [
        ("email", &mapping.email),
        ("name", &mapping.name),
        ("job_title", &mapping.job_title),
        ("team", &mapping.team),
        ("manager_email", &mapping.manager_email),
        ("start_date", &mapping.start_date),
        ("active", &mapping.active),
        ("track", &mapping.track),
        ("level", &mapping.level),
        ("previous_title", &mapping.previous_title),
    ];
    let mut problems = Vec::new();
    for (field, given) in explicit {
        if let Some(name) = given.as_deref().filter(|n| !n.trim().is_empty()) {
            match headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
            {
                Some(i) => {
                    columns.insert(field, i);
                }
                None => problems.push(problem(
                    Some(1),
                    Some(name),
                    format!("no column `{name}` for {field}"),
                )),
            }
        }
    }
    for (i, h) in headers.iter().enumerate() {
        let h = squash(h);
        if let Some((field, _)) = KNOWN
            .iter()
            .find(|(_, names)| names.iter().any(|n| squash(n) == h))
            && !columns.contains_key(field)
            && !columns.values().any(|&c| c == i)
        {
            columns.insert(field, i);
        }
    }
    if !columns.contains_key("email") {
        problems.push(problem(
            Some(1),
            None,
            "no email column (call it `email`, or map one)".into(),
        ));
    }
    let has_name = columns.contains_key("name")
        || (columns.contains_key("first_name") && columns.contains_key("last_name"));
    if !has_name {
        problems.push(problem(
            Some(1),
            None,
            "no name column (`name`, or `first name` and `last name`)".into(),
        ));
    }
    if columns.contains_key("track") != columns.contains_key("level") {
        problems.push(problem(
            Some(1),
            None,
            "give both a track and a level column, or neither".into(),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let header_of = |field: &str| {
        columns
            .get(field)
            .and_then(|&i| headers.get(i))
            .unwrap_or(field)
            .to_string()
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line());
                problems.push(problem(line, None, format!("not valid CSV: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let get = |field: &str| -> Option<String> {
            columns
                .get(field)
                .and_then(|&i| record.get(i))
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        // A cell of a column the file may not have: `None` without the
        // column (the field is kept), empty when the cell is.
        let cell = |field: &str| -> Option<String> {
            columns
                .get(field)
                .map(|&i| record.get(i).unwrap_or_default().trim().to_string())
        };
        let name = get("name").unwrap_or_else(|| {
            [get("first_name"), get("last_name")]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ")
        });
        let active = match get("active").map(|v| v.to_lowercase()) {
            None => None,
            Some(v) if ["yes", "y", "true", "1", "active", "employed"].contains(&v.as_str()) => {
                Some(true)
            }
            Some(v)
                if ["no", "n", "false", "0", "inactive", "terminated", "left"]
                    .contains(&v.as_str()) =>
            {
                Some(false)
            }
            Some(v) => {
                problems.push(problem(
                    Some(line),
                    Some(&header_of("active")),
                    format!("`{v}` is not yes or no"),
                ));
                None
            }
        };
        let (track, level) = (get("track"), get("level"));
        if let (Some(t), Some(l)) = (&track, &level)
            && ladder.level(t, l).is_none()
        {
            problems.push(problem(
                Some(line),
                Some(&header_of("level")),
                format!("`{t}/{l}` is not a level of this ladder"),
            ));
        }
        if track.is_some() != level.is_some() {
            problems.push(problem(
                Some(line),
                Some(&header_of("level")),
                "give both a track and a level, or neither".into(),
            ));
        }
        rows.push(RosterRow {
            line: Some(line),
            email: get("email").unwrap_or_default(),
            name,
            job_title: cell("job_title"),
            team: cell("team"),
            manager_email: cell("manager_email"),
            start_date: cell("start_date"),
            active,
            track,
            level,
            previous_title: get("previous_title"),
        });
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(problem(
            Some(2),
            None,
            "the file has a header but no people".into(),
        ));
    }
    // Field checks the store would make too, here with the column named.
    for row in &rows {
        let line = row.line;
        if !rungs_store::plausible_email(&row.email.to_lowercase()) {
            problems.push(problem(
                line,
                Some(&header_of("email")),
                format!("`{}` is not an email address", row.email),
            ));
        }
        if row.name.is_empty() {
            problems.push(problem(line, Some(&header_of("name")), "no name".into()));
        }
        if let Some(d) = row.start_date.as_deref().filter(|d| !d.is_empty())
            && !rungs_store::valid_date(d)
        {
            problems.push(problem(
                line,
                Some(&header_of("start_date")),
                format!("`{d}` is not a date (YYYY-MM-DD)"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        problems.sort_by_key(|p| p.line);
        Err(problems)
    }
}
