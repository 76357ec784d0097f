//! Reading the dates HR systems export: ISO `2017-03-15`, US `3/15/2017`,
//! day-first `15/03/2017` and `15.03.2017`. A slashed date whose parts are
//! both 12 or less (`3/4/2017`) reads two ways; the column as a whole
//! settles it when another of its dates cannot be read but one way, and
//! otherwise the importer must say which.

use rungs_store::Words;

use super::roster::words;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How the slashed dates of a roster are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// Decided by the file's dates (ISO and dotted dates need no decision).
    #[default]
    Auto,
    /// `M/D/YYYY`, as US exports write them.
    MonthFirst,
    /// `D/M/YYYY` (and `D.M.YYYY`), as European exports write them.
    DayFirst,
}

impl DateFormat {
    /// The format in words, for the upload page.
    pub(crate) fn words(self) -> &'static str {
        match self {
            DateFormat::Auto => "decided by the file",
            DateFormat::MonthFirst => "month first (M/D/YYYY)",
            DateFormat::DayFirst => "day first (D/M/YYYY)",
        }
    }

    /// Reads a form or query value (`auto`, `month_first`, `day_first`).
    pub(crate) fn parse(s: &str) -> Option<DateFormat> {
        match s.trim() {
            "" | "auto" => Some(DateFormat::Auto),
            "month_first" => Some(DateFormat::MonthFirst),
            "day_first" => Some(DateFormat::DayFirst),
            _ => None,
        }
    }
}

/// One cell, read as far as it can be without knowing the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A full date: year, month, day, as written (not yet checked).
    Sure(i64, i64, i64),
    /// `a/b/yyyy`: which of `a` and `b` is the month is open.
    Slashed(i64, i64, i64),
}

fn number(s: &str) -> Option<i64> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The shape of a cell, or why it is not a date.
fn shape(cell: &str) -> Result<Shape, Words> {
    let raw = cell;
    // Some exports add a midnight time to every date.
    let cell = cell.split_once(['T', ' ']).map_or(cell, |(d, _)| d).trim();
    let parts = |sep: char| -> Option<Vec<i64>> {
        let parts: Vec<&str> = cell.split(sep).collect();
        (parts.len() == 3)
            .then(|| parts.iter().map(|p| number(p)).collect::<Option<Vec<_>>>())
            .flatten()
    };
    let year_of = |y: i64, raw: &str| -> Result<i64, Words> {
        if y < 1000 {
            Err(words(
                "roster-problem-date-short-year",
                vec![("cell", raw.to_string())],
            ))
        } else {
            Ok(y)
        }
    };
    if let Some(p) = parts('-') {
        if p[0] >= 1000 {
            return Ok(Shape::Sure(p[0], p[1], p[2]));
        }
        return Err(words(
            "roster-problem-date-not-iso",
            vec![("cell", raw.to_string())],
        ));
    }
    if let Some(p) = parts('.') {
        return Ok(Shape::Sure(year_of(p[2], cell)?, p[1], p[0]));
    }
    if let Some(p) = parts('/') {
        if p[0] >= 1000 {
            return Ok(Shape::Sure(p[0], p[1], p[2]));
        }
        return Ok(Shape::Slashed(p[0], p[1], year_of(p[2], cell)?));
    }
    Err(words(
        "roster-problem-date",
        vec![("cell", raw.to_string())],
    ))
}

/// What a column's slashed dates settle to, or the problem with them:
/// `cells` are `(row, text)`.
pub(crate) fn settle(
    format: DateFormat,
    cells: &[(u64, &str)],
) -> Result<DateFormat, (u64, Words)> {
    if format != DateFormat::Auto {
        return Ok(format);
    }
    let (mut day_first, mut month_first, mut open) = (None, None, None);
    for &(row, cell) in cells {
        if let Ok(Shape::Slashed(a, b, _)) = shape(cell) {
            if a > 12 && b <= 12 {
                day_first.get_or_insert((row, cell));
            } else if b > 12 && a <= 12 {
                month_first.get_or_insert((row, cell));
            } else if a <= 12 && b <= 12 {
                open.get_or_insert((row, cell));
            }
        }
    }
    match (day_first, month_first, open) {
        (Some((r1, d)), Some((r2, m)), _) => Err((
            r1.max(r2),
            words(
                "roster-problem-dates-mixed",
                vec![
                    ("day_first", d.to_string()),
                    ("day_row", r1.to_string()),
                    ("month_first", m.to_string()),
                    ("month_row", r2.to_string()),
                ],
            ),
        )),
        (Some(_), None, _) => Ok(DateFormat::DayFirst),
        (None, Some(_), _) => Ok(DateFormat::MonthFirst),
        (None, None, Some((row, cell))) => Err((
            row,
            words(
                "roster-problem-dates-open",
                vec![("cell", cell.to_string())],
            ),
        )),
        (None, None, None) => Ok(DateFormat::Auto),
    }
}

/// Why a cell was not read as a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unread {
    /// A slashed date in a column whose format is not settled: [`settle`]
    /// reports that, once for the column.
    Unsettled,
    /// Not a date: why, as a catalogue message.
    Bad(Words),
}

/// Reads one cell as `YYYY-MM-DD`, slashed dates as `format` says (settled
/// by [`settle`] first).
pub(crate) fn read(cell: &str, format: DateFormat) -> Result<String, Unread> {
    let (y, m, d) = match shape(cell).map_err(Unread::Bad)? {
        Shape::Sure(y, m, d) => (y, m, d),
        Shape::Slashed(a, b, y) => match format {
            DateFormat::MonthFirst => (y, a, b),
            DateFormat::DayFirst => (y, b, a),
            // Only when the column never settled, which `settle` reports.
            DateFormat::Auto => return Err(Unread::Unsettled),
        },
    };
    let cell = || ("cell", cell.to_string());
    let month = u8::try_from(m)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .ok_or_else(|| {
            Unread::Bad(words(
                "roster-problem-date-month",
                vec![cell(), ("month", m.to_string())],
            ))
        })?;
    let (Ok(day), Ok(year)) = (u8::try_from(d), i32::try_from(y)) else {
        return Err(Unread::Bad(words("roster-problem-date", vec![cell()])));
    };
    let date = time::Date::from_calendar_date(year, month, day).map_err(|_| {
        Unread::Bad(words(
            "roster-problem-date-day",
            vec![
                cell(),
                ("year", y.to_string()),
                ("month_name", m.to_string()),
                ("day", d.to_string()),
            ],
        ))
    })?;
    Ok(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_export_format_reads() {
        assert_eq!(
            read("2017-03-15", DateFormat::Auto).as_deref(),
            Ok("2017-03-15")
        );
        assert_eq!(
            read("3/15/2017", DateFormat::MonthFirst).as_deref(),
            Ok("2017-03-15")
        );
        assert_eq!(
            read("15/03/2017", DateFormat::DayFirst).as_deref(),
            Ok("2017-03-15")
        );
        assert_eq!(
            read("15.03.2017", DateFormat::Auto).as_deref(),
            Ok("2017-03-15")
        );
        assert_eq!(
            read("2017-03-15T00:00:00", DateFormat::Auto).as_deref(),
            Ok("2017-03-15")
        );
        let said = |cell: &str, format, lang: &str| match read(cell, format) {
            Err(Unread::Bad(words)) => crate::i18n::say(&words, lang),
            other => panic!("{cell} read as {other:?}"),
        };
        let bad = |cell: &str, format, words: &str| said(cell, format, "en").contains(words);
        assert!(bad(
            "2/30/2017",
            DateFormat::MonthFirst,
            "February 2017 has no day 30"
        ));
        assert!(bad("2023-02-30", DateFormat::Auto, "no day 30"));
        assert!(bad("2023-13-01", DateFormat::Auto, "there is no month 13"));
        assert!(bad("3/15/17", DateFormat::MonthFirst, "two-digit"));
        assert!(bad("March 15", DateFormat::Auto, "not a date"));
        assert!(bad("17-03-15", DateFormat::Auto, "YYYY-MM-DD"));
        // Said in the reader's language, with the cell as written.
        assert!(
            said("2/30/2017", DateFormat::MonthFirst, "de")
                .contains("`2/30/2017` ist kein Datum: Der Februar 2017 hat keinen 30. Tag")
        );
        assert!(!said("March 15", DateFormat::Auto, "ja").contains("not a date"));
        assert_eq!(read("3/4/2017", DateFormat::Auto), Err(Unread::Unsettled));
    }

    #[test]
    fn a_column_settles_or_asks() {
        let us = [(2, "3/4/2017"), (3, "3/15/2017")];
        assert_eq!(settle(DateFormat::Auto, &us), Ok(DateFormat::MonthFirst));
        let eu = [(2, "3/4/2017"), (3, "15/3/2017")];
        assert_eq!(settle(DateFormat::Auto, &eu), Ok(DateFormat::DayFirst));
        let english = |w: &Words| crate::i18n::say(w, "en");
        let open = [(2, "2017-01-01"), (3, "3/4/2017")];
        assert!(
            settle(DateFormat::Auto, &open)
                .is_err_and(|(row, e)| row == 3 && english(&e).contains("choose the date format"))
        );
        assert_eq!(
            settle(DateFormat::DayFirst, &open),
            Ok(DateFormat::DayFirst)
        );
        let mixed = [(2, "15/3/2017"), (3, "3/15/2017")];
        assert!(settle(DateFormat::Auto, &mixed).is_err_and(|(_, e)| english(&e).contains("mix")));
    }
}
