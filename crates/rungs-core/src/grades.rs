//! Grades line tracks up: with a shared grade scale (`grades` in
//! rungs.toml), the levels of every track at one grade are peers, "what an
//! L5 is in Infrastructure and in Frontend".

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Framework, Grade, Level, Track};

/// One grade of the scale and, for each track, its levels at that grade
/// (usually one; none where the track has no level at that grade).
#[derive(Clone, Debug, Serialize)]
pub struct GradeRow<'a> {
    /// The grade.
    pub grade: &'a Grade,
    /// Per track of the framework, in its order: the levels at this grade.
    pub levels: Vec<Vec<&'a Level>>,
}

/// The grade scale as a table: a row per grade, lowest first, a column per
/// track. Empty when the framework declares no grade scale or no level
/// has a grade.
pub fn by_grade(fw: &Framework) -> Vec<GradeRow<'_>> {
    let any = fw
        .tracks
        .iter()
        .flat_map(|t| &t.levels)
        .any(|l| l.grade.is_some());
    if !any {
        return Vec::new();
    }
    fw.grades
        .iter()
        .map(|grade| GradeRow {
            grade,
            levels: fw
                .tracks
                .iter()
                .map(|t| {
                    t.levels
                        .iter()
                        .filter(|l| l.grade.as_deref() == Some(grade.id.as_str()))
                        .collect()
                })
                .collect(),
        })
        .collect()
}

/// Every level by its grade (on the scale), indexed once so that finding a
/// level's peers costs as much as the peers, not as much as the framework.
#[derive(Debug, Default)]
pub struct Peers<'a> {
    by_grade: HashMap<&'a str, Vec<(&'a Track, &'a Level)>>,
}

impl<'a> Peers<'a> {
    /// Indexes the graded levels of `fw`.
    pub fn new(fw: &'a Framework) -> Peers<'a> {
        let mut by_grade: HashMap<&'a str, Vec<(&'a Track, &'a Level)>> = HashMap::new();
        for g in &fw.grades {
            by_grade.entry(g.id.as_str()).or_default();
        }
        for t in &fw.tracks {
            for l in &t.levels {
                if let Some(list) = l.grade.as_deref().and_then(|g| by_grade.get_mut(g)) {
                    list.push((t, l));
                }
            }
        }
        Peers { by_grade }
    }

    /// Up to `limit` levels of other tracks at the grade of `level` of
    /// `track`, and how many more there are.
    pub fn of(
        &self,
        track: &Track,
        level: &Level,
        limit: usize,
    ) -> (Vec<(&'a Track, &'a Level)>, usize) {
        let Some(all) = level.grade.as_deref().and_then(|g| self.by_grade.get(g)) else {
            return (Vec::new(), 0);
        };
        let others = all.iter().filter(|(t, _)| t.id != track.id);
        let shown: Vec<(&'a Track, &'a Level)> = others.clone().take(limit).copied().collect();
        let more = others.count() - shown.len();
        (shown, more)
    }
}

/// The levels of other tracks at the same grade as `level` of `track`.
pub fn peers<'a>(fw: &'a Framework, track: &Track, level: &Level) -> Vec<(&'a Track, &'a Level)> {
    Peers::new(fw).of(track, level, usize::MAX).0
}

/// A grade as people read it: `L5 · Middle+` when the scale names it.
pub fn label(fw: &Framework, grade: &str) -> String {
    match fw
        .grades
        .iter()
        .find(|g| g.id == grade)
        .and_then(|g| g.title.as_deref())
    {
        Some(title) => format!("{grade} · {title}"),
        None => grade.to_string(),
    }
}

/// The grades table as CSV: `grade, grade_title`, then a column per track
/// with the titles of its levels at that grade (` / ` between several).
pub fn to_csv(fw: &Framework) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["grade", "grade_title"];
    header.extend(fw.tracks.iter().map(|t| t.title.as_str()));
    // Cells a spreadsheet would run as formulas are quoted.
    let safe = |cells: &[&str]| -> Vec<String> {
        cells
            .iter()
            .map(|c| crate::export::csv::neutralise(c).into_owned())
            .collect()
    };
    out.write_record(safe(&header))?;
    for row in by_grade(fw) {
        let mut cells = vec![
            row.grade.id.clone(),
            row.grade.title.clone().unwrap_or_default(),
        ];
        cells.extend(row.levels.iter().map(|levels| {
            levels
                .iter()
                .map(|l| l.title.as_str())
                .collect::<Vec<_>>()
                .join(" / ")
        }));
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        out.write_record(safe(&cells))?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
