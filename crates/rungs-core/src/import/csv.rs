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
use crate::ids::{Allocator, clash_warning};
use crate::model::{Area, Framework, Level, Statement, Track};
use crate::source::{SourceFile, SourceSet};
use crate::text::{collapse_whitespace, normalise};

use super::{ImportError, Imported, indicator_rows};

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
    let mut ids = Ids::default();
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
        read_file(file, &mut framework, &mut ids, &mut diags);
    }
    // Once every name is known: no area's id may be another area's name.
    diags.extend(crate::ids::untangle_area_ids(&mut framework));
    // Once all files are read: the positions `ids` keeps stay valid while
    // rows of a later file add to a track.
    for t in &mut framework.tracks {
        t.levels.sort_by_key(|l| l.rank);
        for l in &mut t.levels {
            crate::ids::assign(l);
        }
    }
    // With no level at all the diagnostics say why; they are returned, not
    // swallowed in an error message.
    if framework.tracks.is_empty() {
        diags.push(Diagnostic::error(
            Code::MissingField,
            "no level could be imported from the CSV file(s): see the errors above",
        ));
    }
    if framework.tracks.len() == 1 {
        framework.title = framework.tracks[0].title.clone();
    }
    Imported::checked(framework, diags)
}

fn read_file(file: &SourceFile, framework: &mut Framework, ids: &mut Ids, diags: &mut Diagnostics) {
    // Flexible: spreadsheets export title and note rows with fewer cells
    // than the table under them.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
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
    // The header is found by its content: the first row that names a text
    // and a level column, or else the first with two filled cells. Rows
    // above it (a title, notes) describe the track.
    let filled = |row: &[String]| row.iter().filter(|c| !c.trim().is_empty()).count();
    let header_at = rows
        .iter()
        .position(|(_, r)| column(r, TEXT).is_some() && column(r, LEVEL).is_some())
        .or_else(|| rows.iter().position(|(_, r)| filled(r) >= 2));
    let Some(header_at) = header_at else {
        diags.push(
            Diagnostic::error(
                Code::Syntax,
                format!("`{}` has no header row (a row with at least two named columns)", file.path),
            )
            .at(&file.start_span())
            .help("name the columns in one row: a text and a level column, or an area column and one column per level (see docs/import.md)"),
        );
        return;
    };
    let above: Vec<String> = rows[..header_at]
        .iter()
        .flat_map(|(_, r)| r.iter())
        .map(|c| collapse_whitespace(c))
        .filter(|c| !c.is_empty())
        .collect();
    let (header_line, mut header) = rows[header_at].clone();
    // Trailing columns with no name and no content are spreadsheet padding.
    while header.last().is_some_and(|h| h.trim().is_empty()) {
        let i = header.len() - 1;
        if rows[header_at + 1..]
            .iter()
            .any(|(_, r)| r.get(i).is_some_and(|c| !c.trim().is_empty()))
        {
            break;
        }
        header.pop();
    }
    let name = file.path.rsplit('/').next().unwrap_or(&file.path);
    let stem = name.get(..name.len().saturating_sub(4)).unwrap_or(name);
    let table = Table {
        file,
        header: &header,
        header_line,
        rows: &rows[header_at + 1..],
    };
    let before = framework.tracks.len();
    if column(&header, TEXT).is_some() && column(&header, LEVEL).is_some() {
        by_statement(&table, stem, framework, ids, diags);
    } else {
        by_matrix(&table, stem, framework, ids, diags);
    }
    // A title and notes above the header name and describe a track of this file alone.
    if framework.tracks.len() == before + 1
        && let Some(track) = framework.tracks.last_mut()
        && let Some((title, notes)) = above.split_first()
    {
        track.title = title.clone();
        if !notes.is_empty() {
            track.description = Some(notes.join("\n\n"));
        }
    } else if !above.is_empty() {
        diags.push(
            Diagnostic::error(
                Code::NotImported,
                "the rows above the header are not imported: this file has several tracks",
            )
            .at(&file.line_span(1))
            .help("move the title and notes into a page of the imported framework"),
        );
    }
}

/// A table of a CSV file: its header and the rows under it.
struct Table<'a> {
    file: &'a SourceFile,
    header: &'a [String],
    /// 1-based line of the header.
    header_line: u64,
    rows: &'a [(u64, Vec<String>)],
}

impl Table<'_> {
    /// Reports the filled cells of `row` beyond the header's last column:
    /// they belong to no column, so they are not imported.
    fn check_extra_cells(
        &self,
        row: &[String],
        span: &crate::model::Span,
        diags: &mut Diagnostics,
    ) {
        if row.len() > self.header.len()
            && row[self.header.len()..]
                .iter()
                .any(|c| !c.trim().is_empty())
        {
            diags.push(
                Diagnostic::error(
                    Code::NotImported,
                    format!(
                        "this row has {} cells but the header names {} columns; the cells beyond are not imported",
                        row.len(),
                        self.header.len()
                    ),
                )
                .at(span)
                .help("name the column in the header row, or quote cells that contain commas"),
            );
        }
    }
}

/// A level column's title and grade: `Apprentice (P1)` is the level
/// "Apprentice" at grade `P1`. A code is short, has a digit and no spaces.
fn level_and_grade(header: &str) -> (String, Option<String>) {
    let h = collapse_whitespace(header);
    if let Some(open) = h.rfind('(')
        && h.ends_with(')')
    {
        let code = h[open + 1..h.len() - 1].trim();
        let title = h[..open].trim();
        if !title.is_empty()
            && (1..=8).contains(&code.chars().count())
            && code.chars().any(|c| c.is_ascii_digit())
            && code
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
        {
            return (title.to_string(), Some(code.to_string()));
        }
    }
    (h, None)
}

/// The statements of one matrix cell: one per bullet (`•`, `-`, `*`,
/// `1.`, `1)`), or one per line when the cell has no bullets. A line
/// without a bullet under a bulleted one continues it.
fn cell_items(cell: &str) -> Vec<String> {
    fn bullet(line: &str) -> Option<&str> {
        for m in ["• ", "•", "- ", "* ", "– ", "◦ ", "▪ "] {
            if let Some(rest) = line.strip_prefix(m) {
                return Some(rest);
            }
        }
        // Numbered: digits then `.` or `)` and a space.
        let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && digits <= 3 {
            let rest = &line[digits..];
            for m in [". ", ") "] {
                if let Some(rest) = rest.strip_prefix(m) {
                    return Some(rest);
                }
            }
        }
        None
    }
    // Bullets written one after another on a line ("• a • b") are split too.
    let lines: Vec<String> = cell
        .lines()
        .flat_map(|l| {
            let l = l.trim();
            if l.chars().skip(1).any(|c| c == '•') {
                l.split('•')
                    .map(|p| p.trim())
                    .filter(|p| !p.is_empty())
                    .map(|p| format!("• {}", bullet(p).unwrap_or(p).trim()))
                    .collect::<Vec<_>>()
            } else {
                vec![l.to_string()]
            }
        })
        .filter(|l| !l.is_empty())
        .collect();
    let bulleted = lines.iter().any(|l| bullet(l).is_some());
    let mut out: Vec<String> = Vec::new();
    for line in &lines {
        match bullet(line) {
            Some(text) => out.push(text.trim().to_string()),
            None if bulleted && !out.is_empty() => {
                if let Some(last) = out.last_mut() {
                    last.push(' ');
                    last.push_str(line);
                }
            }
            None => out.push(line.clone()),
        }
    }
    out.into_iter().filter(|t| !t.is_empty()).collect()
}

/// The ids handed out across the files of one import. The same name is the
/// same area, track or level (names are compared as [`normalise`] writes
/// them); two names that make the same id are two things with two ids, and
/// the second is reported (see [`Allocator`]), never merged into the first.
///
/// Each row finds its area, track and level in constant time: a linear
/// search among siblings per row made a CSV of 80,000 distinct areas
/// quadratic.
#[derive(Default)]
struct Ids {
    /// Areas by the normalised titles of their path: where each sits among its siblings.
    area_positions: HashMap<String, usize>,
    /// Area ids are unique across the whole tree.
    areas: Allocator,
    /// Tracks by normalised name: their position in the framework.
    track_names: HashMap<String, usize>,
    tracks: Allocator,
    /// The levels of each track (by the track's position).
    levels: HashMap<usize, LevelIds>,
}

/// The levels of one track: ids, positions by normalised name, highest rank.
#[derive(Default)]
struct LevelIds {
    ids: Allocator,
    by_name: HashMap<String, usize>,
    max_rank: u32,
}

/// Who holds an id, for the message another name's clash gives.
fn holder(title: &str, span: &crate::model::Span) -> String {
    format!("`{title}` at {}:{}", span.file, span.line)
}

fn area_key(prefix: &str, title: &str) -> String {
    format!("{prefix}\u{1f}{}", normalise(title))
}

impl Ids {
    /// The id of the area at `path` (titles from the root down), creating
    /// the areas that are new. `leaf_id` is an id the row gives the leaf
    /// (the `area` column next to `area_path`, as the export writes it).
    fn area(
        &mut self,
        framework: &mut Framework,
        path: &[String],
        leaf_id: Option<&str>,
        span: &crate::model::Span,
        diags: &mut Diagnostics,
    ) -> String {
        let mut level = &mut framework.areas;
        let mut id = String::new();
        let mut prefix = String::new();
        for (depth, title) in path.iter().enumerate() {
            let is_leaf = depth + 1 == path.len();
            let key = area_key(&prefix, title);
            let pos = match self.area_positions.get(&key) {
                Some(&p) => p,
                None => {
                    let written = leaf_id
                        .filter(|l| is_leaf && crate::text::is_valid_id(l))
                        .filter(|l| self.areas.reserve_for(l, &holder(title, span)));
                    let new_id = match written {
                        Some(l) => l.to_string(),
                        None => {
                            let claim = self.areas.claim_for(title, "area", &holder(title, span));
                            if let Some(d) = clash_warning("area", title, &claim) {
                                diags.push(d.at(span));
                            }
                            claim.id
                        }
                    };
                    level.push(Area {
                        id: new_id,
                        title: title.clone(),
                        span: span.clone(),
                        ..Area::default()
                    });
                    self.area_positions.insert(key.clone(), level.len() - 1);
                    level.len() - 1
                }
            };
            id = level[pos].id.clone();
            level = &mut level[pos].children;
            prefix = key;
        }
        id
    }

    /// The position of the track called `name`, created when new. With
    /// `own`, the track is the file's alone (a matrix): a track of the same
    /// name from another file is not this one.
    fn track(
        &mut self,
        framework: &mut Framework,
        name: &str,
        own: bool,
        span: &crate::model::Span,
        diags: &mut Diagnostics,
    ) -> usize {
        let key = normalise(name);
        if !own && let Some(&i) = self.track_names.get(&key) {
            return i;
        }
        let claim = self.tracks.claim_for(name, "track", &holder(name, span));
        if let Some(d) = clash_warning("track", name, &claim) {
            diags.push(d.at(span));
        }
        framework.tracks.push(Track {
            title: claim.id.replace(['-', '_'], " "),
            id: claim.id,
            ..Track::default()
        });
        let i = framework.tracks.len() - 1;
        // A file's own track takes no rows of other files.
        if !own {
            self.track_names.entry(key).or_insert(i);
        }
        i
    }
}

fn by_statement(
    table: &Table<'_>,
    stem: &str,
    framework: &mut Framework,
    ids: &mut Ids,
    diags: &mut Diagnostics,
) {
    let (file, header, rows) = (table.file, table.header, table.rows);
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
    let links_c = col(&["links", "link"]);
    let known: Vec<Option<usize>> = vec![
        text_c, level_c, track_c, title_c, rank_c, grade_c, area_c, path_c, id_c, parent_c, name_c,
        examples_c, links_c,
    ];
    // One warning for all unknown columns: a header of 100,000 unknown
    // columns once gave 100,000 warnings, each showing the whole header line.
    let unknown_at: Vec<usize> = header
        .iter()
        .enumerate()
        .filter(|(i, h)| !known.contains(&Some(*i)) && !h.trim().is_empty())
        .map(|(i, _)| i)
        .collect();
    let unknown: Vec<&str> = unknown_at.iter().map(|&i| header[i].as_str()).collect();
    // A column with text in it is content left out (an error); an empty one
    // loses nothing (a warning).
    let filled = unknown_at.iter().any(|&i| {
        rows.iter()
            .any(|(_, r)| r.get(i).is_some_and(|c| !c.trim().is_empty()))
    });
    if !unknown.is_empty() {
        const SHOWN: usize = 10;
        let mut names: Vec<String> = unknown
            .iter()
            .take(SHOWN)
            .map(|h| format!("`{}`", h.chars().take(80).collect::<String>()))
            .collect();
        if unknown.len() > SHOWN {
            names.push(format!("and {} more", unknown.len() - SHOWN));
        }
        let what = if unknown.len() == 1 {
            "column"
        } else {
            "columns"
        };
        let message = format!(
            "{what} {} {} not imported",
            names.join(", "),
            if unknown.len() == 1 { "is" } else { "are" }
        );
        let d = if filled {
            Diagnostic::error(Code::NotImported, message)
        } else {
            Diagnostic::warning(Code::NotImported, message)
        };
        diags.push(
            d.at(&header_span(file, table.header_line as usize))
                .help("recognised columns: track, level, level_title, rank, grade, area, area_path, statement_id, parent_id, name, text, examples, links"),
        );
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
        table.check_extra_cells(row, &span, diags);
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
        let track_name = cell(row, track_c).unwrap_or_else(|| stem.to_string());
        let path: Vec<String> = match (cell(row, path_c), cell(row, area_c)) {
            (Some(p), _) => p.split('>').map(|s| s.trim().to_string()).collect(),
            (None, Some(a)) => vec![a],
            (None, None) => vec!["General".to_string()],
        };
        let area = ids.area(
            framework,
            &path,
            cell(row, area_c)
                .as_deref()
                .filter(|_| cell(row, path_c).is_some()),
            &span,
            diags,
        );
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
        let t = ids.track(framework, &track_name, false, &span, diags);
        let track = &mut framework.tracks[t];
        let track_id = track.id.clone();
        let levels = ids.levels.entry(t).or_default();
        let position = match levels.by_name.get(&normalise(&level_name)) {
            Some(&p) => p,
            None => {
                // A level name with no letter or digit gets a numbered id
                // (never an empty one, which would be a file `.md`).
                let fallback = format!("level-{}", track.levels.len() + 1);
                let claim =
                    levels
                        .ids
                        .claim_for(&level_name, &fallback, &holder(&level_name, &span));
                if let Some(d) = clash_warning("level", &level_name, &claim) {
                    diags.push(d.at(&span));
                }
                let next_rank = levels.max_rank + 1;
                levels.max_rank = levels.max_rank.max(rank.unwrap_or(next_rank));
                levels
                    .by_name
                    .insert(normalise(&level_name), track.levels.len());
                track.levels.push(Level {
                    id: claim.id,
                    rank: rank.unwrap_or(next_rank),
                    title: cell(row, title_c).unwrap_or(level_name.clone()),
                    grade: cell(row, grade_c),
                    span: span.clone(),
                    ..Level::default()
                });
                track.levels.len() - 1
            }
        };
        let level_id = track.levels[position].id.clone();
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
            links: read_links(cell(row, links_c).as_deref(), &span, diags),
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
}

/// The header line, pointing at its start only: underlining a
/// header of thousands of columns would print all of it.
fn header_span(file: &SourceFile, header_line: usize) -> crate::model::Span {
    let line = file.line_span(header_line);
    let end = file.text()[line.start..line.end]
        .find(',')
        .map_or(line.end, |i| line.start + i);
    file.span(line.start, end)
}

/// The `links` cell: one Markdown link, `[title](url)`, per line (as the
/// CSV export writes them). A line that is not one link is an error: it
/// would otherwise be lost.
fn read_links(
    cell: Option<&str>,
    span: &crate::model::Span,
    diags: &mut Diagnostics,
) -> Vec<crate::model::StatementLink> {
    let mut out = Vec::new();
    for line in cell
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        match crate::load::markdown::link_bullet(&format!("Link: {line}")) {
            Some(link) => out.push(link),
            None => diags.push(
                Diagnostic::error(
                    Code::NotImported,
                    format!("`{line}` in the links column is not a link and is not imported"),
                )
                .at(span)
                .help("write one link per line as [title](https://...)"),
            ),
        }
    }
    out
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
    table: &Table<'_>,
    stem: &str,
    framework: &mut Framework,
    ids: &mut Ids,
    diags: &mut Diagnostics,
) {
    let (file, header, rows) = (table.file, table.header, table.rows);
    // Computed once: the header line can be megabytes long.
    let header_span = header_span(file, table.header_line as usize);
    if header.len() < 2 {
        diags.push(
            Diagnostic::error(Code::Syntax, "a matrix needs an area column and at least one level column")
                .at(&header_span)
                .help("put areas in the first column and one level per column, or use the row-per-statement layout (see docs/import.md)"),
        );
        return;
    }
    let mut level_ids = LevelIds::default();
    let mut levels: Vec<Level> = Vec::with_capacity(header.len() - 1);
    for (i, h) in header[1..].iter().enumerate() {
        let (title, grade) = level_and_grade(h);
        if title.is_empty() {
            diags.push(
                Diagnostic::error(
                    Code::MissingField,
                    format!("level column {} has no name", i + 2),
                )
                .at(&header_span)
                .help("name every level in the header row"),
            );
        }
        // Never an empty id (it would be a file named `.md`); two columns
        // whose names make one id are two levels.
        let claim = level_ids.ids.claim_for(
            &title,
            &format!("level-{}", i + 1),
            &format!("column {}", i + 2),
        );
        if let Some(d) = clash_warning("level", &title, &claim) {
            diags.push(d.at(&header_span));
        }
        levels.push(Level {
            id: claim.id,
            rank: i as u32 + 1,
            title: if title.is_empty() {
                format!("Level {}", i + 1)
            } else {
                title
            },
            grade,
            span: header_span.clone(),
            ..Level::default()
        });
    }
    for (line, row) in rows {
        let Some(first) = row.first() else { continue };
        let area_name = first.trim();
        let span = file.line_span(*line as usize);
        if area_name.is_empty() {
            if row.iter().skip(1).any(|c| !c.trim().is_empty()) {
                diags.push(
                    Diagnostic::error(Code::MissingField, "this row has statements but no area")
                        .at(&span)
                        .help("write the area in the first column"),
                );
            }
            continue;
        }
        table.check_extra_cells(row, &span, diags);
        // "Time in level (years)", "Years of experience", "Scope": the
        // levels' indicators, when the cells read as values and not as lists.
        if let Some((kind, months)) = indicator_rows::indicator_of(area_name) {
            let cells = &row[1..];
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let scale = framework.scope_scale();
            if indicator_rows::cells_are_values(kind, months, cells, &scale) {
                for (level, cell) in levels.iter_mut().zip(cells) {
                    indicator_rows::apply(
                        &mut level.indicators,
                        kind,
                        months,
                        area_name,
                        cell,
                        &scale,
                    );
                }
                continue;
            }
        }
        let path: Vec<String> = area_name.split('>').map(|s| s.trim().to_string()).collect();
        let area = ids.area(framework, &path, None, &span, diags);
        for (level, cell) in levels.iter_mut().zip(&row[1..]) {
            for text in cell_items(cell) {
                let (text, id) = crate::load::markdown::split_id(&text);
                let (name, text) = crate::load::markdown::split_name(text);
                level.statements.push(Statement {
                    explicit_id: id.is_some(),
                    id: id.unwrap_or_default(),
                    area: area.clone(),
                    name,
                    text: collapse_whitespace(text),
                    span: span.clone(),
                    ..Statement::default()
                });
            }
        }
    }
    if levels.iter().all(|l| l.statements.is_empty()) {
        diags.push(
            Diagnostic::error(
                Code::MissingField,
                format!("`{}` has no statement in any level", file.path),
            )
            .at(&header_span)
            .help(
                "a matrix has areas in the first column and each level's statements in its column",
            ),
        );
        return;
    }
    let t = ids.track(framework, stem, true, &header_span, diags);
    framework.tracks[t].levels = levels;
}
