//! CSV export: one row per statement, nested statements included.

use crate::areas::AreaIndex;
use crate::model::{Framework, Statement};

/// The header row.
pub const COLUMNS: [&str; 12] = [
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
];

/// The framework as CSV text.
pub fn to_csv(framework: &Framework) -> Result<String, csv::Error> {
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
                out.write_record([
                    track.id.as_str(),
                    level.id.as_str(),
                    level.title.as_str(),
                    rank.as_str(),
                    level.grade.as_deref().unwrap_or(""),
                    s.area.as_str(),
                    areas.path_title(&s.area).as_str(),
                    s.id.as_str(),
                    parent,
                    s.name.as_deref().unwrap_or(""),
                    s.text.as_str(),
                    s.examples.join(" | ").as_str(),
                ])?;
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
