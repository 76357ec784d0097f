//! Reading an HR system's CSV export into roster rows: the text decoded
//! (UTF-8 with or without a byte-order mark, UTF-16, else Windows-1252),
//! columns found by the headings HR systems use (`roster_columns`), dates
//! read as they export them (`roster_dates`), and every problem reported
//! at once with its spreadsheet row (the header is row 1) and the file's
//! own column name.

use std::collections::HashMap;

use rungs_store::{RosterRow, RowProblem};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::roster::words;
use super::roster_columns::{self as columns, Field};
use super::roster_dates::{self as dates, DateFormat};
use crate::framework::Ladder;

/// Which column holds which field, when the headings are not ones we
/// recognise or the guess is wrong. Each value is a heading of the file;
/// `-` means "do not use any column for this field".
#[derive(Debug, Clone, Default, Deserialize, ToSchema, IntoParams)]
pub struct Mapping {
    /// Column of the work email.
    pub email: Option<String>,
    /// Column of the employee number (by which managers may be named).
    pub employee_number: Option<String>,
    /// Column of the legal first name.
    pub first_name: Option<String>,
    /// Column of the legal last name.
    pub last_name: Option<String>,
    /// Column of the full name, when there is no first and last name.
    pub name: Option<String>,
    /// Column of the preferred name, shown beside the legal name.
    pub display_name: Option<String>,
    /// Column of the job title.
    pub job_title: Option<String>,
    /// Column of the team.
    pub team: Option<String>,
    /// Column of the manager: their email, employee number or full name.
    pub manager_email: Option<String>,
    /// Column of the start date.
    pub start_date: Option<String>,
    /// Column of whether someone works here (active, terminated…).
    pub active: Option<String>,
    /// Column of the track id.
    pub track: Option<String>,
    /// Column of the level id.
    pub level: Option<String>,
    /// Column of the title at the previous company.
    pub previous_title: Option<String>,
    /// How slashed dates are written: `auto` (the file's dates decide),
    /// `month_first` (3/15/2017) or `day_first` (15/03/2017).
    #[serde(default)]
    pub date_format: DateFormat,
}

impl Mapping {
    fn slot_mut(&mut self, field: Field) -> &mut Option<String> {
        match field {
            Field::Email => &mut self.email,
            Field::EmployeeNumber => &mut self.employee_number,
            Field::FirstName => &mut self.first_name,
            Field::LastName => &mut self.last_name,
            Field::Name => &mut self.name,
            Field::DisplayName => &mut self.display_name,
            Field::JobTitle => &mut self.job_title,
            Field::Team => &mut self.team,
            Field::Manager => &mut self.manager_email,
            Field::StartDate => &mut self.start_date,
            Field::Active => &mut self.active,
            Field::Track => &mut self.track,
            Field::Level => &mut self.level,
            Field::PreviousTitle => &mut self.previous_title,
        }
    }

    /// The heading named for `field`, if one (`-`: none).
    fn get(&self, field: Field) -> Option<&str> {
        let slot = match field {
            Field::Email => &self.email,
            Field::EmployeeNumber => &self.employee_number,
            Field::FirstName => &self.first_name,
            Field::LastName => &self.last_name,
            Field::Name => &self.name,
            Field::DisplayName => &self.display_name,
            Field::JobTitle => &self.job_title,
            Field::Team => &self.team,
            Field::Manager => &self.manager_email,
            Field::StartDate => &self.start_date,
            Field::Active => &self.active,
            Field::Track => &self.track,
            Field::Level => &self.level,
            Field::PreviousTitle => &self.previous_title,
        };
        slot.as_deref().map(str::trim).filter(|c| !c.is_empty())
    }

    /// Sets a form's `map_FIELD` (blank: find it by heading) or
    /// `date_format`.
    pub(crate) fn set(
        &mut self,
        key: &str,
        value: String,
    ) -> Result<(), crate::error::ServerError> {
        if key == "date_format" {
            self.date_format = DateFormat::parse(&value).ok_or_else(|| {
                crate::error::ServerError::Invalid(format!("`{value}` is not a date format"))
            })?;
            return Ok(());
        }
        let field = Field::of_key(key).ok_or_else(|| {
            crate::error::ServerError::Invalid(format!("`{key}` is not a roster field"))
        })?;
        *self.slot_mut(field) = Some(value.trim().to_string()).filter(|c| !c.is_empty());
        Ok(())
    }
}

/// How the upload was read: what the upload page shows before anything is
/// written, so the importer can check and correct it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Reading {
    /// The HR system whose export this looks like, if one.
    pub system: Option<String>,
    /// How the bytes were read as text (`UTF-8`, `Windows-1252`…).
    pub encoding: String,
    /// The file's headings, in order.
    pub headers: Vec<String>,
    /// Each field and the column it is read from.
    pub columns: Vec<ColumnUse>,
    /// How slashed dates were read.
    pub date_format: DateFormat,
    /// The date format in words.
    pub date_format_words: String,
    /// How many people the file has.
    pub rows: usize,
    /// Things worth knowing about the reading (a column left unused, and why).
    pub notes: Vec<String>,
    /// The notes as catalogue messages, for the page's language.
    #[serde(skip)]
    pub(crate) note_words: Vec<rungs_store::Words>,
}

/// One field and where it comes from.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ColumnUse {
    /// The field's key (`email`, `manager_email`…): the form's `map_KEY`
    /// and the API's query parameter.
    pub field: String,
    /// The field in words.
    pub label: String,
    /// The heading of the column it is read from, if any.
    pub column: Option<String>,
    /// Whether the column was named in the mapping (rather than found).
    pub chosen: bool,
    /// The first person's cell, as written.
    pub sample: Option<String>,
}

/// What only the import can settle of one row (the manager), kept beside
/// the row until it is settled.
#[derive(Debug, Clone)]
pub(crate) struct Unsettled {
    /// The manager cell as written: an email, an employee number or a name.
    pub manager: Option<String>,
    /// The legal first and last name, if given apart.
    pub first_last: Option<(String, String)>,
    /// Whether the row has a problem already (its manager references are
    /// then not reported again).
    pub faulty: bool,
}

/// A file read as far as it could be.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parsed {
    /// The people, problems or not, as the store takes them;
    /// `manager_email` is set once the manager cell is resolved.
    pub rows: Vec<RosterRow>,
    /// What is still to settle of each row, in the same order: apart from
    /// the rows so that it can be dropped whole once settled.
    pub unsettled: Vec<Unsettled>,
    /// Every problem found.
    pub problems: Vec<RowProblem>,
    /// How it was read; none when not even the header could be.
    pub reading: Option<Reading>,
    /// The heading each field was read from.
    pub headings: HashMap<Field, String>,
}

impl Parsed {
    /// The file's heading for `field`, or the field's key.
    pub(crate) fn heading(&self, field: Field) -> String {
        self.headings
            .get(&field)
            .cloned()
            .unwrap_or_else(|| field.key().to_string())
    }
}

/// A problem as a message of the app's catalogues (`roster-problem-…`),
/// with its English as the message (see [`crate::i18n::say`]).
pub(crate) fn problem_said(
    id: &'static str,
    row: Option<u64>,
    column: Option<&str>,
    args: Vec<(&'static str, String)>,
) -> RowProblem {
    problem_in(rungs_store::Words { id, args }, row, column)
}

/// A problem said by `words`, with their English as the message.
fn problem_in(words: rungs_store::Words, row: Option<u64>, column: Option<&str>) -> RowProblem {
    RowProblem {
        line: row,
        column: column.map(str::to_string),
        message: crate::i18n::say(&words, crate::i18n::DEFAULT_LANGUAGE),
        words: Some(words),
    }
}

/// The text of `bytes`, and the encoding it was read in.
fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, &'static str) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let name = if encoding == encoding_rs::UTF_8 {
            "UTF-8 with a byte-order mark"
        } else {
            encoding.name()
        };
        return (text, name);
    }
    match std::str::from_utf8(bytes) {
        // Borrowed: a 100,000-row file is not copied to be read.
        Ok(s) => (std::borrow::Cow::Borrowed(s), "UTF-8"),
        // Spreadsheets on Windows save "CSV" in the system's code page.
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text, "Windows-1252 (not UTF-8)")
        }
    }
}

/// Reads `bytes` into rows, reporting every problem it can find.
pub(crate) fn parse(bytes: &[u8], mapping: &Mapping, ladder: &Ladder) -> Parsed {
    let mut out = Parsed::default();
    let (text, encoding) = decode(bytes);
    if text.contains('\u{FFFD}') {
        let row = text
            .lines()
            .position(|l| l.contains('\u{FFFD}'))
            .map(|i| i as u64 + 1);
        out.problems.push(problem_said(
            "roster-problem-encoding",
            row,
            None,
            vec![("encoding", encoding.to_string())],
        ));
        return out;
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_string()).collect(),
        Err(e) => {
            out.problems.push(problem_said(
                "roster-problem-header",
                Some(1),
                None,
                vec![("error", e.to_string())],
            ));
            return out;
        }
    };
    // Spreadsheet rows: the file's lines less the line breaks inside quoted
    // cells so far, which a spreadsheet shows within one row. Lines are
    // counted up to the record's first byte: after a CRLF the reader places
    // a record at the previous line's `\n`, so its own line count is one
    // short.
    let bytes = text.as_bytes();
    let (mut cursor, mut breaks_before) = (0usize, 0u64);
    let mut line_at = |byte: usize| -> u64 {
        let mut byte = byte.min(bytes.len()).max(cursor);
        while bytes.get(byte).is_some_and(|b| *b == b'\r' || *b == b'\n') {
            byte += 1;
        }
        breaks_before += bytes[cursor..byte].iter().filter(|b| **b == b'\n').count() as u64;
        cursor = byte;
        breaks_before + 1
    };
    let mut records = Vec::new();
    let mut breaks_inside = 0u64;
    for record in reader.records() {
        match record {
            Ok(r) => {
                let line = line_at(r.position().map_or(0, |p| p.byte() as usize));
                let row = line.saturating_sub(breaks_inside);
                breaks_inside += r
                    .iter()
                    .map(|c| c.matches('\n').count() as u64)
                    .sum::<u64>();
                if r.iter().all(|v| v.trim().is_empty()) {
                    continue;
                }
                if r.len() != headers.len() {
                    out.problems.push(problem_said(
                        "roster-problem-cells",
                        Some(row),
                        None,
                        vec![
                            ("cells", r.len().to_string()),
                            ("header", headers.len().to_string()),
                        ],
                    ));
                }
                records.push((row, r));
            }
            Err(e) => {
                let row = e
                    .position()
                    .map(|p| line_at(p.byte() as usize).saturating_sub(breaks_inside));
                out.problems.push(problem_said(
                    "roster-problem-csv",
                    row,
                    None,
                    vec![("error", e.to_string())],
                ));
            }
        }
    }

    // Field -> column: the mapping first, then the headings we know.
    let mut column: HashMap<Field, usize> = HashMap::new();
    let mut chosen: HashMap<Field, bool> = HashMap::new();
    let mut notes = Vec::new();
    let position = |name: &str| {
        headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name.trim()))
    };
    for field in Field::ALL {
        if let Some(name) = mapping.get(field) {
            chosen.insert(field, true);
            if name == "-" {
                continue;
            }
            match position(name) {
                Some(i) => {
                    column.insert(field, i);
                }
                None => out.problems.push(problem_said(
                    "roster-problem-no-column",
                    Some(1),
                    Some(name),
                    vec![
                        ("column", name.to_string()),
                        ("field", field.key().to_string()),
                    ],
                )),
            }
        }
    }
    let taken = |column: &HashMap<Field, usize>, i: usize| column.values().any(|&c| c == i);
    for field in Field::ALL {
        if chosen.contains_key(&field) {
            continue;
        }
        let free: Vec<usize> = columns::candidates(field, &headers)
            .into_iter()
            .filter(|&i| !taken(&column, i))
            .collect();
        let pick = if field == Field::Active {
            // Several status columns (BambooHR's "Employment Status" holds
            // Full-Time or Part-Time): the one that says who works here.
            let reads = |i: usize| {
                let cells: Vec<&str> = records
                    .iter()
                    .filter_map(|(_, r)| r.get(i))
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .collect();
                let read = cells
                    .iter()
                    .filter(|c| columns::status(c).is_some())
                    .count();
                (read, cells.len())
            };
            let pick = free
                .iter()
                .copied()
                .find(|&i| matches!(reads(i), (r, n) if r == n && n > 0))
                .or_else(|| free.iter().copied().find(|&i| reads(i).0 * 2 > reads(i).1));
            for &i in &free {
                if Some(i) != pick {
                    notes.push(words(
                        "roster-note-status-unused",
                        vec![("column", headers[i].clone())],
                    ));
                }
            }
            pick
        } else {
            free.first().copied()
        };
        if let Some(i) = pick {
            column.insert(field, i);
        }
    }
    // A full name column is not needed when first and last names are there.
    let has_parts = column.contains_key(&Field::FirstName) && column.contains_key(&Field::LastName);
    if has_parts && !chosen.contains_key(&Field::Name) {
        column.remove(&Field::Name);
    }
    for (&field, &i) in &column {
        out.headings.insert(field, headers[i].clone());
    }
    if !column.contains_key(&Field::Email) {
        out.problems.push(problem_said(
            "roster-problem-no-email",
            Some(1),
            None,
            Vec::new(),
        ));
    }
    if !column.contains_key(&Field::Name) && !has_parts {
        out.problems.push(problem_said(
            "roster-problem-no-name",
            Some(1),
            None,
            Vec::new(),
        ));
    }
    if column.contains_key(&Field::Track) != column.contains_key(&Field::Level) {
        out.problems.push(problem_said(
            "roster-problem-track-and-level",
            Some(1),
            None,
            Vec::new(),
        ));
    }

    // Dates: the column settles how slashed dates read.
    let mut date_format = mapping.date_format;
    if let Some(&i) = column.get(&Field::StartDate) {
        let cells: Vec<(u64, &str)> = records
            .iter()
            .filter_map(|(row, r)| Some((*row, r.get(i)?.trim())))
            .filter(|(_, c)| !c.is_empty())
            .collect();
        match dates::settle(mapping.date_format, &cells) {
            Ok(f) => date_format = f,
            Err((row, words)) => {
                out.problems
                    .push(problem_in(words, Some(row), Some(&headers[i])));
            }
        }
    }

    out.reading = Some(Reading {
        system: columns::system(&headers).map(str::to_string),
        encoding: encoding.to_string(),
        headers: headers.clone(),
        columns: Field::ALL
            .into_iter()
            .map(|f| ColumnUse {
                field: f.key().to_string(),
                label: f.label().to_string(),
                column: column.get(&f).map(|&i| headers[i].clone()),
                chosen: chosen.contains_key(&f),
                sample: column
                    .get(&f)
                    .and_then(|&i| records.first()?.1.get(i))
                    .map(|c| c.trim().to_string()),
            })
            .collect(),
        date_format,
        date_format_words: date_format.words().to_string(),
        rows: records.len(),
        notes: notes
            .iter()
            .map(|w| crate::i18n::say(w, crate::i18n::DEFAULT_LANGUAGE))
            .collect(),
        note_words: notes,
    });
    // Exactly one of each per record: at 100,000 rows, growing by doubling
    // would leave a quarter of each vector unused.
    out.rows.reserve_exact(records.len());
    out.unsettled.reserve_exact(records.len());
    let header_problem = out.problems.iter().any(|p| p.line == Some(1));
    if header_problem {
        return out;
    }
    if records.is_empty() && out.problems.is_empty() {
        out.problems.push(problem_said(
            "roster-problem-no-people",
            Some(2),
            None,
            Vec::new(),
        ));
    }

    let headings = out.headings.clone();
    let heading = |f: Field| headings.get(&f).cloned().unwrap_or_default();
    let mut problems = Vec::new();
    // Each record is freed as its row is made.
    for (row_number, record) in records {
        let before = problems.len();
        let get = |field: Field| -> Option<String> {
            column
                .get(&field)
                .and_then(|&i| record.get(i))
                .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|v| !v.is_empty())
        };
        // A cell of a column the file may not have: `None` without the
        // column (the store keeps the field), empty when the cell is (the
        // store clears it).
        let cell = |field: Field| -> Option<String> {
            column.get(&field).map(|&i| {
                record
                    .get(i)
                    .unwrap_or_default()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        let mut say = |field: Field, words: rungs_store::Words| {
            problems.push(problem_in(words, Some(row_number), Some(&heading(field))));
        };
        let first_last = get(Field::FirstName).zip(get(Field::LastName));
        let name = match (get(Field::Name), &first_last) {
            (_, Some((f, l))) if has_parts => format!("{f} {l}"),
            (Some(n), _) => n,
            // One of the two parts, when the other is blank.
            _ => [get(Field::FirstName), get(Field::LastName)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
        };
        if name.is_empty() {
            let field = if has_parts {
                Field::FirstName
            } else {
                Field::Name
            };
            say(field, words("roster-problem-row-no-name", vec![]));
        }
        // A preferred name is a display name: it never replaces the legal
        // name, and one that is the legal first or full name says nothing.
        let display_name = get(Field::DisplayName)
            .filter(|d| d != &name && first_last.as_ref().is_none_or(|(f, _)| d != f));
        let email = get(Field::Email).unwrap_or_default();
        if email.is_empty() {
            say(Field::Email, words("roster-problem-row-no-email", vec![]));
        } else if !rungs_store::plausible_email(&email.to_lowercase()) {
            say(
                Field::Email,
                words("roster-problem-email", vec![("email", email.clone())]),
            );
        }
        let active = match get(Field::Active) {
            None => None,
            Some(v) => match columns::status(&v) {
                Some(a) => Some(a),
                None => {
                    say(
                        Field::Active,
                        words("roster-problem-status", vec![("value", v.clone())]),
                    );
                    None
                }
            },
        };
        let start_date = match get(Field::StartDate) {
            None => None,
            Some(d) => match dates::read(&d, date_format) {
                Ok(d) => Some(d),
                // An unsettled column is reported once, above.
                Err(dates::Unread::Unsettled) => None,
                Err(dates::Unread::Bad(why)) => {
                    say(Field::StartDate, why);
                    None
                }
            },
        };
        let (track, level) = (get(Field::Track), get(Field::Level));
        match (&track, &level) {
            (Some(t), Some(l)) if ladder.level(t, l).is_none() => {
                say(
                    Field::Level,
                    words("roster-problem-level", vec![("level", format!("{t}/{l}"))]),
                );
            }
            (Some(_), None) | (None, Some(_)) => {
                say(
                    Field::Level,
                    words("roster-problem-track-and-level-row", vec![]),
                );
            }
            _ => {}
        }
        let faulty = problems.len() > before;
        out.rows.push(RosterRow {
            line: Some(row_number),
            email,
            name,
            job_title: cell(Field::JobTitle),
            team: cell(Field::Team),
            // Set from the manager cell once every row is read; an
            // empty cell clears the manager.
            manager_email: column.contains_key(&Field::Manager).then(String::new),
            start_date: start_date
                .or_else(|| column.contains_key(&Field::StartDate).then(String::new)),
            active,
            track,
            level,
            previous_title: get(Field::PreviousTitle),
            display_name,
            employee_number: get(Field::EmployeeNumber),
        });
        out.unsettled.push(Unsettled {
            manager: get(Field::Manager),
            first_last,
            faulty,
        });
    }
    out.problems.extend(problems);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_apart() {
        assert_eq!(decode(b"\xEF\xBB\xBFa,b").1, "UTF-8 with a byte-order mark");
        assert_eq!(decode(b"\xEF\xBB\xBFa,b").0, "a,b");
        assert_eq!(decode("Zoé".as_bytes()), ("Zoé".into(), "UTF-8"));
        assert_eq!(decode(b"Zo\xe9").0, "Zoé");
        assert!(decode(b"Zo\xe9").1.starts_with("Windows-1252"));
        assert_eq!(decode(b"\xFF\xFEa\0,\0b\0").0, "a,b");
    }
}
