//! CSV export: one row per statement, nested statements included.

use crate::areas::AreaIndex;
use crate::model::{Framework, Statement};

/// The header row.
pub const COLUMNS: [&str; 13] = [
    "track",
    "level",
    "level_title",
    "rank",
    "grade",
    "area",
    "area_path",
    "statement_id",
    "parent_id",
    "name",
    "text",
    "examples",
    "links",
];

/// What the CSV export does with cells a spreadsheet would run as formulas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Formulas {
    /// A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return
    /// (or a full-width or small `＝`, `＋`, `－`, `＠`) gets a leading `'` (the OWASP advice against CSV injection), so a
    /// spreadsheet shows it as text instead of running it. `rungs import
    /// csv` removes the `'` again.
    #[default]
    Neutralise,
    /// Cells are written as they are, for tools that read the text literally.
    Keep,
}

/// The characters that make a spreadsheet read a cell as a formula: the
/// ASCII ones, and their full-width and small look-alikes (`＝`, `﹦`, …),
/// which some spreadsheets (with an East Asian input method) read as the
/// ASCII ones.
const FORMULA_START: [char; 14] = [
    '=', '+', '-', '@', '\t', '\r', // ASCII
    '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}', // full-width ＝ ＋ － ＠
    '\u{FE66}', '\u{FE62}', '\u{FE63}', '\u{FE6B}', // small ﹦ ﹢ ﹣ ﹫
];

/// Whether `cell` needs a `'` in front: it starts with a formula character,
/// possibly after apostrophes (so a cell that really starts with `'=`
/// becomes `''=` and reads back unchanged).
fn needs_quote(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_START)
}

/// `cell` made safe to open in a spreadsheet (see [`Formulas::Neutralise`]).
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_quote(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Undoes [`neutralise`]: a leading `'` before a formula character (or
/// before more apostrophes and then one) is removed; anything else is kept.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => cell,
    }
}

/// The framework as CSV text, formula cells neutralised.
pub fn to_csv(framework: &Framework) -> Result<String, csv::Error> {
    to_csv_with(framework, Formulas::Neutralise)
}

/// The framework as CSV text, formula cells handled as `formulas` says.
pub fn to_csv_with(framework: &Framework, formulas: Formulas) -> Result<String, csv::Error> {
    let (areas, _) = AreaIndex::new(&framework.areas);
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(COLUMNS)?;
    for track in &framework.tracks {
        for level in &track.levels {
            let rank = level.rank.to_string();
            let mut rows: Vec<(&Statement, &str)> = Vec::new();
            for s in &level.statements {
                collect(s, "", &mut rows);
            }
            for (s, parent) in rows {
                let area_path = areas.path_title(&s.area);
                let examples = s.examples.join(" | ");
                // One Markdown link per line, `[title](url)`: read back exactly.
                let links = s
                    .links
                    .iter()
                    .map(|l| l.markdown())
                    .collect::<Vec<_>>()
                    .join("\n");
                let record = [
                    track.id.as_str(),
                    level.id.as_str(),
                    level.title.as_str(),
                    rank.as_str(),
                    level.grade.as_deref().unwrap_or(""),
                    s.area.as_str(),
                    area_path.as_str(),
                    s.id.as_str(),
                    parent,
                    s.name.as_deref().unwrap_or(""),
                    s.text.as_str(),
                    examples.as_str(),
                    links.as_str(),
                ];
                match formulas {
                    Formulas::Neutralise => {
                        out.write_record(record.map(neutralise).iter().map(|c| c.as_bytes()))?
                    }
                    Formulas::Keep => out.write_record(record)?,
                }
            }
        }
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn collect<'a>(s: &'a Statement, parent: &'a str, rows: &mut Vec<(&'a Statement, &'a str)>) {
    rows.push((s, parent));
    for c in &s.children {
        collect(c, &s.id, rows);
    }
}

#[cfg(test)]
mod tests {
    use super::{neutralise, restore};

    #[test]
    fn full_width_and_small_formula_starters_are_quoted_and_restored() {
        for cell in [
            "=1+1",
            "\u{FF1D}HYPERLINK(\"https://evil.example\")",
            "\u{FF0B}1",
            "\u{FF0D}1",
            "\u{FF20}SUM(A1)",
            "\u{FE66}1",
            "\u{FE62}1",
            "\u{FE63}1",
            "\u{FE6B}1",
        ] {
            let safe = neutralise(cell);
            assert_eq!(safe, format!("'{cell}"), "{cell}");
            assert_eq!(restore(&safe), cell, "{cell}");
        }
        assert_eq!(neutralise("Senior \u{FF1D} staff"), "Senior \u{FF1D} staff");
    }
}
