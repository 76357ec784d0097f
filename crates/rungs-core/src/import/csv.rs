//! Importing spreadsheets saved as CSV, the way most companies keep ladders.
//!
//! Two layouts are recognised from the header row (see `docs/import.md`):
//!
//! - **one row per statement**: columns `level` and `text` (or `statement`,
//!   `expectation`, `criteria`), optionally `track`, `level_title`, `rank`,
//!   `grade`, `area` / `area_path` (`Parent > Child`), `statement_id`,
//!   `parent_id`, `name`, `examples` (separated by ` | `) — the layout
//!   `rungs export --format csv` writes, so exports re-import;
//! - **a matrix**: the first column names the area, every other column is a
//!   level, and a cell holds that level's statements, one per line.
//!
//! Each file is a track (named by its `track` column, or its file name).

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::model::{Area, Framework, Level, Statement, Track};
use crate::source::{SourceFile, SourceSet};
use crate::text::{collapse_whitespace, normalise, slug};

use super::{ImportError, Imported};

/// Header names accepted for each column of the row-per-statement layout.
const TEXT: &[&str] = &[
    "text",
    "statement",
    "expectation",
    "criteria",
    "criterion",
    "behaviour",
    "behavior",
];
const LEVEL: &[&str] = &["level", "level id"];

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| {
        names.contains(&normalise(h).replace('_', " ").as_str())
            || names.contains(&normalise(h).as_str())
    })
}

/// Imports every `.csv` file of `src`.
pub fn import(src: &SourceSet) -> Result<Imported, ImportError> {
    let files: Vec<&SourceFile> = src
        .iter()
        .filter(|f| f.path.to_lowercase().ends_with(".csv"))
        .collect();
    if files.is_empty() {
        return Err(ImportError::NotRecognised("no .csv file found".into()));
    }
    let mut diags = Diagnostics::default();
    let mut framework = Framework {
        title: "Imported framework".into(),
        ..Framework::default()
    };
    for file in files {
        if let Err(bad) = &file.text {
            let span = crate::model::Span {
                file: file.path.clone(),
                start: bad.offset,
                end: bad.offset,
                line: bad.line,
                column: bad.column,
            };
            diags.push(
                Diagnostic::error(
                    Code::NotUtf8,
                    format!("`{}` is not UTF-8 (byte {})", file.path, bad.offset),
                )
                .at(&span)
                .help("save the spreadsheet as \"CSV UTF-8\" and import again"),
            );
            continue;
        }
        read_file(file, &mut framework, &mut diags);
    }
    if framework.tracks.is_empty() {
        return Err(ImportError::NotRecognised(
            "no CSV file could be read (see the errors above)".into(),
        ));
    }
    if framework.tracks.len() == 1 {
        framework.title = framework.tracks[0].title.clone();
    }
    Ok(Imported {
        framework,
        diagnostics: diags,
    })
}

fn read_file(file: &SourceFile, framework: &mut Framework, diags: &mut Diagnostics) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .from_reader(file.text().as_bytes());
    let mut rows: Vec<(u64, Vec<String>)> = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => rows.push((
                r.position().map_or(0, |p| p.line()),
                // Undo the export's formula neutralising, so round trips are exact.
                r.iter()
                    .map(|cell| crate::export::csv::restore(cell).to_string())
                    .collect(),
            )),
            Err(e) => {
                let line = match e.kind() {
                    csv::ErrorKind::UnequalLengths { pos: Some(p), .. } => p.line(),
                    _ => e.position().map_or(1, |p| p.line()),
                };
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("this row has {len} cells but the header has {expected_len}")
                    }
                    _ => format!("CSV: {e}"),
                };
                diags.push(
                    Diagnostic::error(Code::Syntax, message)
                        .at(&file.line_span(line as usize))
                        .help("every row needs as many cells as the header; quote cells that contain commas or line breaks"),
                );
                return;
            }
        }
    }
    let Some((_, header)) = rows.first().cloned() else {
        diags.push(
            Diagnostic::error(Code::Syntax, format!("`{}` is empty", file.path))
                .at(&file.start_span()),
        );
        return;
    };
    let stem = file.path.rsplit('/').next().unwrap_or(&file.path);
    let stem = &stem[..stem.len() - 4];
    if column(&header, TEXT).is_some() && column(&header, LEVEL).is_some() {
        by_statement(file, &header, &rows[1..], stem, framework, diags);
    } else {
        by_matrix(file, &header, &rows[1..], stem, framework, diags);
    }
}

fn area_id(framework: &mut Framework, path: &[String], leaf_id: Option<&str>) -> String {
    let mut level = &mut framework.areas;
    let mut id = String::new();
    for (depth, title) in path.iter().enumerate() {
        let is_leaf = depth + 1 == path.len();
        let pos = level
            .iter()
            .position(|a| normalise(&a.title) == normalise(title));
        let pos = match pos {
            Some(p) => p,
            None => {
                let new_id = match (is_leaf, leaf_id) {
                    (true, Some(l)) if !l.is_empty() => l.to_string(),
                    _ => slug(title),
                };
                level.push(Area {
                    id: new_id,
                    title: title.clone(),
                    ..Area::default()
                });
                level.len() - 1
            }
        };
        id = level[pos].id.clone();
        level = &mut level[pos].children;
    }
    id
}

fn track_mut<'a>(framework: &'a mut Framework, id: &str) -> &'a mut Track {
    if let Some(i) = framework.tracks.iter().position(|t| t.id == id) {
        return &mut framework.tracks[i];
    }
    framework.tracks.push(Track {
        id: id.to_string(),
        title: id.replace(['-', '_'], " "),
        ..Track::default()
    });
    let last = framework.tracks.len() - 1;
    &mut framework.tracks[last]
}

fn by_statement(
    file: &SourceFile,
    header: &[String],
    rows: &[(u64, Vec<String>)],
    stem: &str,
    framework: &mut Framework,
    diags: &mut Diagnostics,
) {
    let col = |names: &[&str]| column(header, names);
    let (text_c, level_c) = (col(TEXT), col(LEVEL));
    let (track_c, title_c, rank_c, grade_c) = (
        col(&["track"]),
        col(&["level title", "level_title"]),
        col(&["rank"]),
        col(&["grade"]),
    );
    let (area_c, path_c) = (
        col(&["area", "competency", "category", "theme", "topic"]),
        col(&["area path", "area_path"]),
    );
    let (id_c, parent_c, name_c, examples_c) = (
        col(&["statement id", "statement_id", "id"]),
        col(&["parent id", "parent_id"]),
        col(&["name"]),
        col(&["examples", "example"]),
    );
    let known: Vec<Option<usize>> = vec![
        text_c, level_c, track_c, title_c, rank_c, grade_c, area_c, path_c, id_c, parent_c, name_c,
        examples_c,
    ];
    for (i, h) in header.iter().enumerate() {
        if !known.contains(&Some(i)) && !h.trim().is_empty() {
            diags.push(
                Diagnostic::warning(Code::NotImported, format!("column `{h}` is not imported"))
                    .at(&file.line_span(1))
                    .help("recognised columns: track, level, level_title, rank, grade, area, area_path, statement_id, parent_id, name, text, examples"),
            );
        }
    }
    let cell = |row: &[String], c: Option<usize>| {
        c.and_then(|c| row.get(c))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    // Statements by (track, level, id), to attach children to their parents.
    let mut index: HashMap<(String, String, String), Vec<usize>> = HashMap::new();
    for (line, row) in rows {
        let span = file.line_span(*line as usize);
        let (Some(level_name), Some(text)) = (cell(row, level_c), cell(row, text_c)) else {
            if row.iter().any(|c| !c.trim().is_empty()) {
                diags.push(
                    Diagnostic::error(Code::MissingField, "this row has no level or no text")
                        .at(&span)
                        .help("every statement row needs its level and its text"),
                );
            }
            continue;
        };
        let track_id = slug(&cell(row, track_c).unwrap_or_else(|| stem.to_string()));
        let path: Vec<String> = match (cell(row, path_c), cell(row, area_c)) {
            (Some(p), _) => p.split('>').map(|s| s.trim().to_string()).collect(),
            (None, Some(a)) => vec![a],
            (None, None) => vec!["General".to_string()],
        };
        let area = area_id(
            framework,
            &path,
            cell(row, area_c)
                .as_deref()
                .filter(|_| cell(row, path_c).is_some()),
        );
        let level_id = slug(&level_name);
        let rank = match (cell(row, rank_c), rank_c) {
            (Some(r), Some(c)) => match r.parse::<u32>() {
                Ok(n) if n >= 1 => Some(n),
                // A rank that is not a whole number from 1 up is an error with
                // its row and column, not a level silently put last.
                _ => {
                    diags.push(
                        Diagnostic::error(
                            Code::Syntax,
                            format!(
                                "row {line}, column {} (`{}`): rank `{r}` is not a whole number from 1 to {}",
                                c + 1,
                                header.get(c).map_or("rank", String::as_str),
                                u32::MAX
                            ),
                        )
                        .at(&span)
                        .help("ranks count levels from 1 (the most junior); leave the cell empty to rank levels in the order they appear"),
                    );
                    None
                }
            },
            _ => None,
        };
        let track = track_mut(framework, &track_id);
        let position = match track.levels.iter().position(|l| l.id == level_id) {
            Some(p) => p,
            None => {
                let next_rank = track.levels.iter().map(|l| l.rank).max().unwrap_or(0) + 1;
                track.levels.push(Level {
                    id: level_id.clone(),
                    rank: rank.unwrap_or(next_rank),
                    title: cell(row, title_c).unwrap_or(level_name.clone()),
                    grade: cell(row, grade_c),
                    span: span.clone(),
                    ..Level::default()
                });
                track.levels.len() - 1
            }
        };
        let level = &mut track.levels[position];
        if rank.is_some_and(|r| r != level.rank) {
            diags.push(
                Diagnostic::warning(
                    Code::DuplicateRank,
                    format!(
                        "level `{level_name}` was given rank {} before; this row says otherwise",
                        level.rank
                    ),
                )
                .at(&span)
                .help("give every row of a level the same rank"),
            );
        }
        let id = cell(row, id_c);
        let statement = Statement {
            explicit_id: id.is_some(),
            id: id.clone().unwrap_or_default(),
            area,
            name: cell(row, name_c),
            text: collapse_whitespace(&text),
            examples: cell(row, examples_c)
                .map(|e| e.split(" | ").map(|x| x.trim().to_string()).collect())
                .unwrap_or_default(),
            children: Vec::new(),
            span: span.clone(),
        };
        match cell(row, parent_c) {
            Some(parent) => {
                let found = index
                    .get(&(track_id.clone(), level_id.clone(), parent.clone()))
                    .cloned();
                match found.and_then(|path| child_slot(&mut level.statements, &path)) {
                    Some(children) => {
                        let mut p = index.get(&(track_id.clone(), level_id.clone(), parent.clone())).cloned().unwrap_or_default();
                        p.push(children.len());
                        children.push(statement);
                        if let Some(id) = id {
                            index.insert((track_id, level_id, id), p);
                        }
                    }
                    None => diags.push(
                        Diagnostic::warning(Code::NotImported, format!("parent statement `{parent}` is not earlier in this level; the row is kept as a statement of its own"))
                            .at(&span)
                            .help("list a parent statement before its children"),
                    ),
                }
            }
            None => {
                if let Some(id) = id {
                    index.insert((track_id, level_id, id), vec![level.statements.len()]);
                }
                level.statements.push(statement);
            }
        }
    }
    for t in &mut framework.tracks {
        t.levels.sort_by_key(|l| l.rank);
        for l in &mut t.levels {
            crate::ids::assign(l);
        }
    }
}

/// The children list of the statement at `path` (indexes from the level's statements down).
fn child_slot<'a>(
    statements: &'a mut [Statement],
    path: &[usize],
) -> Option<&'a mut Vec<Statement>> {
    let (first, rest) = path.split_first()?;
    let s = statements.get_mut(*first)?;
    if rest.is_empty() {
        Some(&mut s.children)
    } else {
        child_slot(&mut s.children, rest)
    }
}

fn by_matrix(
    file: &SourceFile,
    header: &[String],
    rows: &[(u64, Vec<String>)],
    stem: &str,
    framework: &mut Framework,
    diags: &mut Diagnostics,
) {
    if header.len() < 2 {
        diags.push(
            Diagnostic::error(Code::Syntax, "a matrix needs an area column and at least one level column")
                .at(&file.line_span(1))
                .help("put areas in the first column and one level per column, or use the row-per-statement layout (see docs/import.md)"),
        );
        return;
    }
    let track_id = slug(stem);
    let mut levels: Vec<Level> = header[1..]
        .iter()
        .enumerate()
        .map(|(i, h)| Level {
            id: slug(h),
            rank: i as u32 + 1,
            title: h.trim().to_string(),
            span: file.line_span(1),
            ..Level::default()
        })
        .collect();
    for (i, h) in header[1..].iter().enumerate() {
        if h.trim().is_empty() {
            diags.push(
                Diagnostic::error(
                    Code::MissingField,
                    format!("level column {} has no name", i + 2),
                )
                .at(&file.line_span(1))
                .help("name every level in the header row"),
            );
        }
    }
    for (line, row) in rows {
        let area_name = row[0].trim();
        if area_name.is_empty() {
            if row.iter().skip(1).any(|c| !c.trim().is_empty()) {
                diags.push(
                    Diagnostic::error(Code::MissingField, "this row has statements but no area")
                        .at(&file.line_span(*line as usize))
                        .help("write the area in the first column"),
                );
            }
            continue;
        }
        let path: Vec<String> = area_name.split('>').map(|s| s.trim().to_string()).collect();
        let area = area_id(framework, &path, None);
        for (level, cell) in levels.iter_mut().zip(&row[1..]) {
            for item in cell.lines() {
                let item = item.trim();
                // A bullet marker, not the `**` of a bold name.
                let text = ["- ", "* ", "• "]
                    .iter()
                    .find_map(|m| item.strip_prefix(m))
                    .unwrap_or(item)
                    .trim();
                if text.is_empty() {
                    continue;
                }
                let (text, id) = crate::load::markdown::split_id(text);
                let (name, text) = crate::load::markdown::split_name(text);
                level.statements.push(Statement {
                    explicit_id: id.is_some(),
                    id: id.unwrap_or_default(),
                    area: area.clone(),
                    name,
                    text: collapse_whitespace(text),
                    span: file.line_span(*line as usize),
                    ..Statement::default()
                });
            }
        }
    }
    for l in &mut levels {
        crate::ids::assign(l);
    }
    let track = track_mut(framework, &track_id);
    track.levels = levels;
}
