//! Level pages: their statements by area and their indicators; pages in
//! the GitLab handbook's conventions go to [`gitlab`](super::gitlab).

use std::collections::HashMap;

use crate::areas::AreaIndex;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::markdown::{BodyOptions, LevelBody, parse_level_body};
use crate::model::{Area, Level};
use crate::source::SourceSet;
use crate::text::normalise;

use super::discovery::{ContentPage, HugoMatter, dir_of, level_id};
use super::gitlab;
use super::indicators::{Cell, cells, read_indicators};

/// The short title for navigation a page's `linktitle` gives, when it is
/// not the title again.
pub(super) fn short_title(matter: &HugoMatter, title: &str) -> Option<String> {
    matter
        .linktitle
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty() && normalise(s) != normalise(title))
        .map(str::to_string)
}

/// A level page's own rank and grade, when its front matter has them, and
/// its short title.
pub(super) fn level_matter(level: &mut Level, matter: &HugoMatter) {
    level.short_title = short_title(matter, &level.title);
    if let Some(rank) = matter.rank.filter(|r| *r > 0) {
        level.rank = rank;
    }
    if let Some(grade) = &matter.grade {
        level.grade = Some(grade.clone());
    }
}

fn parse_body(p: &ContentPage, areas: &AreaIndex, diags: &mut Vec<Diagnostic>) -> LevelBody {
    let text = p.file.text();
    let from = diags.len();
    let body = parse_level_body(
        &p.file,
        &text[p.body_start..],
        p.body_start,
        areas,
        BodyOptions {
            allow_indicators: true,
        },
        diags,
    );
    // In a framework's own page, text that is not a statement stays in the
    // file (a warning); in an import it is left out of what is written:
    // an error, unless the user accepts the loss.
    for d in &mut diags[from..] {
        if d.code == Code::NotAStatement {
            d.severity = crate::diagnostic::Severity::Error;
        }
    }
    body
}

/// Each level page's body, parsed once, with the cells of its indicators.
pub(super) fn parse_bodies(
    level_pages: &[&ContentPage],
    first_index: &AreaIndex,
    diags: &mut Diagnostics,
) -> Vec<(LevelBody, Vec<Cell>)> {
    level_pages
        .iter()
        .map(|p| {
            let mut d = Vec::new();
            let body = parse_body(p, first_index, &mut d);
            diags.extend(d);
            let cells = body
                .indicators
                .map(|(start, end)| cells(&p.file.text()[start..end], start))
                .unwrap_or_default();
            (body, cells)
        })
        .collect()
}

/// The GitLab-style level pages, read by [`gitlab::read_level`], by content
/// key; `includes` are the site's `assets/` files, comments blanked.
pub(super) fn read_gitlab_levels(
    includes: &SourceSet,
    pages: &[ContentPage],
    track_dirs: &[String],
    areas: &mut Vec<Area>,
    diags: &mut Diagnostics,
) -> HashMap<String, Level> {
    let mut gitlab_pages: Vec<&ContentPage> = pages
        .iter()
        .filter(|p| p.is_level && p.gitlab && track_dirs.iter().any(|t| t == dir_of(&p.key)))
        .collect();
    gitlab_pages.sort_by_key(|p| (p.key.matches('/').count(), p.key.clone()));
    let mut gitlab_levels: HashMap<String, Level> = HashMap::new();
    for p in gitlab_pages {
        let stem = p.key.rsplit('/').next().unwrap_or(&p.key);
        let read = gitlab::read_level(
            includes,
            &p.file,
            p.body_start,
            stem,
            p.matter.title.as_deref(),
            areas,
            diags,
        );
        gitlab_levels.insert(p.key.clone(), read.level);
    }
    gitlab_levels
}

pub(super) fn read_level(
    p: &ContentPage,
    name: &str,
    body: LevelBody,
    cells: &[Cell],
    areas: &AreaIndex,
    diags: &mut Diagnostics,
) -> Level {
    let mut d = Vec::new();
    let text = p.file.text();
    // Shortcodes have no place among statements: report them.
    for (i, _) in text[p.body_start..].match_indices("{{") {
        let at = p.body_start + i;
        let line = p.file.span(at, at + 2);
        d.push(
            Diagnostic::error(
                Code::NotImported,
                "Hugo shortcode in a level page is not imported",
            )
            .at(&p.file.line_span(line.line as usize))
            .help("rewrite its content as statements in the imported level page"),
        );
    }
    diags.extend(d);
    let indicators = read_indicators(p, cells, areas, diags);
    Level {
        id: level_id(name),
        rank: 0,
        title: p
            .matter
            .title
            .clone()
            .or_else(|| p.matter.linktitle.clone())
            .unwrap_or_else(|| name.to_string()),
        grade: None,
        summary: p.matter.description.clone(),
        introduction: body.introduction,
        indicators,
        statements: body.statements,
        span: p.file.start_span(),
        ..Level::default()
    }
}
