//! Loading a framework directory into the model.
//!
//! The layout (see `docs/format.md`):
//!
//! ```text
//! rungs.toml                  settings, grade scale, area tree
//! _index.md                   home page introduction (optional)
//! pages/<id>.md               free pages (introduction, FAQ, ...)
//! tracks/<id>/_index.md       a level-major track ...
//! tracks/<id>/<level>.md      ... and one page per level
//! tracks/<id>.yaml            an area-major track (areas × levels matrix)
//! theme/, static/             website overrides and assets
//! ```
//!
//! Loading never stops at the first problem: it collects every diagnostic and
//! returns the best model it could build, so `rungs check` reports all at once.

pub mod config;
pub mod frontmatter;
pub mod level;
pub mod markdown;
pub mod ranges;
pub mod track;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Deserialize;

use crate::areas::AreaIndex;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::model::{Framework, Page, Span, Track};
use crate::source::{SourceFile, SourceSet};
use crate::validate;

use self::level::{HUGO_KEYS, LevelDraft, check_keys, read_level};
use self::markdown::{Link, links, strip_comments};
use self::track::{TrackHead, read_index, read_matrix};

/// A loaded framework and what was found wrong with it.
#[derive(Debug)]
pub struct Loaded {
    /// The model, as complete as the files allow.
    pub framework: Framework,
    /// Errors and warnings.
    pub diagnostics: Diagnostics,
    /// The translations under `translations/`, matched against the framework.
    pub translations: crate::translate::Translations,
}

/// The directory is not a framework at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// There is no `rungs.toml`.
    #[error("no rungs.toml here, so this is not a rungs framework")]
    NoConfig,
    /// `rungs.toml` exists but was refused (not a regular file, too large, a
    /// link out of the framework): see [`SourceSet::unreadable`].
    #[error("rungs.toml was not read: {0}")]
    ConfigRefused(String),
}

/// Where a file belongs in the framework.
enum Role<'a> {
    Config,
    Home,
    Page(&'a str),
    TrackIndex(&'a str),
    Level { track: &'a str, id: &'a str },
    Matrix(&'a str),
    Ignored,
    Stray,
}

fn role(path: &str) -> Role<'_> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["rungs.toml"] => Role::Config,
        ["_index.md"] => Role::Home,
        ["pages", name] => name.strip_suffix(".md").map_or(Role::Stray, Role::Page),
        ["tracks", name] => match name
            .strip_suffix(".yaml")
            .or_else(|| name.strip_suffix(".yml"))
        {
            Some(id) => Role::Matrix(id),
            None => Role::Stray,
        },
        ["tracks", track, "_index.md"] => Role::TrackIndex(track),
        ["tracks", track, name] => match name.strip_suffix(".md") {
            Some(id) => Role::Level { track, id },
            None => Role::Stray,
        },
        // Read by `crate::translate`, after the framework.
        ["theme" | "static" | "translations", ..] => Role::Ignored,
        [name] if is_repo_file(name) => Role::Ignored,
        _ => Role::Stray,
    }
}

pub(crate) fn is_repo_file(name: &str) -> bool {
    let upper = name.to_uppercase();
    [
        "README",
        "LICENSE",
        "LICENCE",
        "CHANGELOG",
        "CONTRIBUTING",
        "NOTICE",
        "COPYING",
    ]
    .iter()
    .any(|p| upper.starts_with(p))
}

#[derive(Debug, Default, Deserialize)]
struct PageMatter {
    title: Option<String>,
    #[serde(alias = "linktitle", alias = "linkTitle")]
    short_title: Option<String>,
    description: Option<String>,
    weight: Option<i64>,
}

const PAGE_KEYS: &[&str] = &[
    "title",
    "short_title",
    "linktitle",
    "linkTitle",
    "description",
    "weight",
];

/// Loads a framework from its files.
pub fn load(sources: &SourceSet) -> Result<Loaded, LoadError> {
    load_with(sources, None)
}

/// Level pages parsed by an earlier load, so that loading again after a few
/// files changed (as `rungs serve` does on every save) only parses those.
///
/// A page is reused when its text and rungs.toml are exactly as they were.
#[derive(Debug, Default)]
pub struct LoadCache {
    /// The text of rungs.toml the pages were parsed with (areas resolve through it).
    config: String,
    /// Path to the page's text and what parsing it gave.
    levels: std::collections::HashMap<std::sync::Arc<str>, CachedLevel>,
}

#[derive(Debug)]
struct CachedLevel {
    text: String,
    draft: Option<LevelDraft>,
    diagnostics: Vec<Diagnostic>,
}

/// As [`load`], reusing (and updating) the level pages parsed by earlier loads.
pub fn load_cached(sources: &SourceSet, cache: &mut LoadCache) -> Result<Loaded, LoadError> {
    load_with(sources, Some(cache))
}

fn load_with(sources: &SourceSet, mut cache: Option<&mut LoadCache>) -> Result<Loaded, LoadError> {
    let Some(config_file) = sources.get("rungs.toml") else {
        return Err(
            match sources.unreadable.iter().find(|(p, _)| p == "rungs.toml") {
                Some((_, reason)) => LoadError::ConfigRefused(reason.clone()),
                None => LoadError::NoConfig,
            },
        );
    };
    let mut diags: Vec<Diagnostic> = Vec::new();
    for (path, reason) in &sources.unreadable {
        diags.push(
            Diagnostic::error(
                Code::RefusedFile,
                format!("`{path}` was not read: {reason}"),
            )
            .help(
                "rungs reads only regular files inside the framework, within the limits of \
                 `[files]` in rungs.toml (see docs/security.md)",
            ),
        );
    }
    // A rungs.toml that is not UTF-8 reads as empty: without this, one bad
    // byte would also report a missing title, missing areas and every
    // heading of every level as an unknown area.
    let unreadable_config = match &config_file.text {
        Err(bad) => Some(not_utf8(config_file, bad)),
        Ok(_) => None,
    };
    let (config, config_diags) = match unreadable_config {
        Some(d) => (config::Config::default(), vec![d]),
        None => config::parse(config_file),
    };
    let config_broken = config_diags
        .iter()
        .any(|d| d.code == Code::Syntax || d.code == Code::NotUtf8);
    diags.extend(config_diags);
    if config_broken {
        // Without the area tree every heading would be reported as unknown: stop here.
        let mut diagnostics = Diagnostics::default();
        diagnostics.extend(diags);
        return Ok(Loaded {
            framework: Framework {
                title: config.title,
                span: config_file.start_span(),
                ..Framework::default()
            },
            diagnostics,
            translations: Default::default(),
        });
    }
    let (areas, clashes) = AreaIndex::new(&config.areas);
    // The author's scope scale, or rungs's default.
    let scope_scale = if config.scopes.is_empty() {
        crate::model::ScopeStep::defaults()
    } else {
        config.scopes.clone()
    };
    for clash in clashes {
        let span = config
            .areas
            .iter()
            .flat_map(|a| a.walk())
            .find(|a| a.id == clash.second)
            .map(|a| a.span.clone());
        let message = if clash.first == clash.second {
            format!("two areas have the id `{}`", clash.first)
        } else {
            format!(
                "the name `{}` is used by areas `{}` and `{}`",
                clash.name, clash.first, clash.second
            )
        };
        diags.push(
            Diagnostic::error(Code::AmbiguousArea, message)
            .at(&span.unwrap_or_default())
            .help("give each area a distinct id, title and aliases so headings name exactly one area"),
        );
    }

    let (assessments, assess_diags) = crate::assess::parse(config_file, &config.areas);
    diags.extend(assess_diags);
    let (titles, title_diags) = crate::titles::settings::parse(config_file);
    diags.extend(title_diags);
    let (impact, impact_diags) = crate::impact::parse_limits(config_file);
    diags.extend(impact_diags);
    let (promotions, promotion_diags) = crate::promotions::parse(config_file);
    diags.extend(promotion_diags);
    let mut framework = Framework {
        assessments,
        impact,
        promotions,
        title: config.title,
        description: config.description,
        base_url: config.base_url,
        grades: config.grades,
        areas: config.areas,
        scopes: config.scopes,
        span: config_file.start_span(),
        ..Framework::default()
    };
    let mut all_links: Vec<Link> = Vec::new();
    let mut heads: BTreeMap<String, (TrackHead, Vec<LevelDraft>)> = BTreeMap::new();
    let mut level_files: Vec<(&str, &str, &SourceFile)> = Vec::new();
    let mut pages: Vec<(Option<i64>, Page)> = Vec::new();

    for file in sources.iter() {
        let role = role(&file.path);
        if let Err(bad) = &file.text {
            // Binary assets belong in static/ or theme/; only text roles must be UTF-8.
            if !matches!(role, Role::Ignored | Role::Stray) {
                diags.push(not_utf8(file, bad));
                continue;
            }
        }
        match role {
            Role::Config | Role::Ignored => {}
            Role::Home => {
                if let Some((_, page)) = read_page(file, "index", &mut diags, &mut all_links) {
                    framework.introduction = Some(page.body).filter(|b| !b.is_empty());
                }
            }
            Role::Page(id) => {
                if let Some(page) = read_page(file, id, &mut diags, &mut all_links) {
                    pages.push(page);
                }
            }
            Role::TrackIndex(track) => {
                let head = read_index(file, &mut diags);
                all_links.extend(head.links.iter().cloned());
                add_head(&mut heads, track, head, Vec::new(), &mut diags);
            }
            Role::Matrix(track) => {
                let (head, drafts) = read_matrix(file, &areas, &scope_scale, &mut diags);
                add_head(&mut heads, track, head, drafts, &mut diags);
            }
            Role::Level { track, id } => level_files.push((track, id, file)),
            Role::Stray => diags.push(
                Diagnostic::warning(Code::StrayFile, format!("`{}` is not part of the framework", file.path))
                    .at(&file.start_span())
                    .help(
                        "rungs reads rungs.toml, _index.md, pages/*.md, tracks/<track>/*.md and tracks/<track>.yaml; \
                         move the file into one of those places, or into static/ if it is an asset",
                    ),
            ),
        }
    }

    // Level pages are the bulk of a framework: parse them in parallel, each
    // at most once while it and rungs.toml stay the same.
    if let Some(cache) = cache.as_deref_mut()
        && cache.config != config_file.text()
    {
        cache.levels.clear();
        cache.config = config_file.text().to_string();
    }
    let cached = cache.as_deref().map(|c| &c.levels);
    let parsed: Vec<(String, Option<LevelDraft>, Vec<Diagnostic>, bool)> = level_files
        .par_iter()
        .map(|(track, id, file)| {
            if let Some(c) = cached.and_then(|levels| levels.get(&file.path))
                && c.text == file.text()
            {
                return (
                    track.to_string(),
                    c.draft.clone(),
                    c.diagnostics.clone(),
                    false,
                );
            }
            let mut d = Vec::new();
            let mut draft = read_level(file, id, &areas, &scope_scale, &mut d);
            if let Some(draft) = draft.as_mut() {
                crate::ids::assign(&mut draft.level);
            }
            (track.to_string(), draft, d, true)
        })
        .collect();
    if let Some(cache) = cache {
        let paths: std::collections::HashSet<&str> =
            level_files.iter().map(|(_, _, f)| &*f.path).collect();
        cache.levels.retain(|path, _| paths.contains(&**path));
        for ((_, _, file), (_, draft, d, fresh)) in level_files.iter().zip(&parsed) {
            if *fresh {
                cache.levels.insert(
                    file.path.clone(),
                    CachedLevel {
                        text: file.text().to_string(),
                        draft: draft.clone(),
                        diagnostics: d.clone(),
                    },
                );
            }
        }
    }
    for (track, draft, d, _) in parsed {
        diags.extend(d);
        let Some(draft) = draft else { continue };
        all_links.extend(draft.links.iter().cloned());
        match heads.get_mut(&track) {
            Some((_, drafts)) => drafts.push(draft),
            None => {
                heads.insert(track, (TrackHead::default(), vec![draft]));
            }
        }
    }

    let mut tracks: Vec<(Option<i64>, Track, Span, Span)> = Vec::new();
    for (id, (head, drafts)) in heads {
        if head.span.is_unknown()
            && head.matter.title.is_none()
            && let Some(first) = drafts.first()
        {
            diags.push(
                Diagnostic::warning(Code::MissingField, format!("track `{id}` has no _index.md"))
                    .at(&first.level.span)
                    .help(format!(
                        "add tracks/{id}/_index.md with a `title` (and `kind`) for the track"
                    )),
            );
        }
        let weight = head.matter.weight;
        let (track, extends_span, branch_span) = assemble_track(&id, head, drafts);
        tracks.push((weight, track, extends_span, branch_span));
    }
    tracks.sort_by(|a, b| {
        a.0.unwrap_or(0)
            .cmp(&b.0.unwrap_or(0))
            .then_with(|| a.1.id.cmp(&b.1.id))
    });
    let spans: Vec<(Span, Span)> = tracks.iter().map(|t| (t.2.clone(), t.3.clone())).collect();
    framework.tracks = tracks.into_iter().map(|t| t.1).collect();
    pages.sort_by(|a, b| {
        a.0.unwrap_or(0)
            .cmp(&b.0.unwrap_or(0))
            .then_with(|| a.1.title.cmp(&b.1.title))
    });
    framework.pages = pages.into_iter().map(|p| p.1).collect();
    crate::titles::settings::apply(&mut framework, titles, &mut diags);

    let mut diagnostics = Diagnostics::default();
    diagnostics.extend(diags);
    validate::validate(&framework, &areas, &spans, &mut diagnostics);
    diagnostics.extend(crate::titles::settings::check(&framework));
    validate::check_links(sources, &all_links, &mut diagnostics);
    validate::check_control_characters(&framework, sources, &mut diagnostics);
    let (translations, translation_diags) = crate::translate::load(sources, &framework);
    diagnostics.extend(translation_diags);
    Ok(Loaded {
        framework,
        diagnostics,
        translations,
    })
}

fn not_utf8(file: &SourceFile, bad: &crate::source::InvalidUtf8) -> Diagnostic {
    let span = Span {
        file: file.path.clone(),
        start: bad.offset,
        end: bad.offset,
        line: bad.line,
        column: bad.column,
    };
    Diagnostic::error(
        Code::NotUtf8,
        format!("`{}` is not valid UTF-8 (byte {})", file.path, bad.offset),
    )
    .at(&span)
    .help("save the file as UTF-8 in your editor (most offer \"Save with encoding\")")
}

fn add_head(
    heads: &mut BTreeMap<String, (TrackHead, Vec<LevelDraft>)>,
    id: &str,
    head: TrackHead,
    drafts: Vec<LevelDraft>,
    diags: &mut Vec<Diagnostic>,
) {
    match heads.get_mut(id) {
        Some((existing, existing_drafts)) if !existing.span.is_unknown() => {
            diags.push(
                Diagnostic::error(Code::DuplicateId, format!("track `{id}` is declared twice"))
                    .at(&head.span)
                    .help(format!(
                        "a track is either tracks/{id}/ (level pages) or tracks/{id}.yaml (a matrix); keep one"
                    )),
            );
            existing_drafts.extend(drafts);
        }
        Some(entry) => {
            entry.0 = head;
            entry.1.extend(drafts);
        }
        None => {
            heads.insert(id.to_string(), (head, drafts));
        }
    }
}

fn read_page(
    file: &SourceFile,
    id: &str,
    diags: &mut Vec<Diagnostic>,
    all_links: &mut Vec<Link>,
) -> Option<(Option<i64>, Page)> {
    let split = match frontmatter::split(file) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    check_keys(file, &split, &[PAGE_KEYS, HUGO_KEYS], diags);
    let matter: PageMatter = frontmatter::parse(file, &split).unwrap_or_else(|d| {
        diags.push(d);
        PageMatter::default()
    });
    all_links.extend(links(file, split.body, split.body_start));
    let title = matter.title.unwrap_or_else(|| {
        if id != "index" {
            diags.push(
                Diagnostic::warning(Code::MissingField, "this page has no `title`")
                    .at(&file.start_span())
                    .help("add `title: ...` to the front matter; the file name is used meanwhile"),
            );
        }
        id.replace(['-', '_'], " ")
    });
    let span = frontmatter::locate(file, split.matter, split.matter_start, &["title"]);
    Some((
        matter.weight,
        Page {
            id: id.to_string(),
            title,
            short_title: matter.short_title,
            description: matter.description,
            body: strip_comments(split.body).trim().to_string(),
            span,
        },
    ))
}

/// Orders a track's levels and gives each its rank and statement ids.
fn assemble_track(id: &str, head: TrackHead, mut drafts: Vec<LevelDraft>) -> (Track, Span, Span) {
    // Levels with a rank come in rank order; the rest follow by weight, then file name.
    drafts.sort_by(|a, b| {
        (a.rank.is_none(), a.rank, a.weight, &a.level.id).cmp(&(
            b.rank.is_none(),
            b.rank,
            b.weight,
            &b.level.id,
        ))
    });
    let base = head.matter.branch.as_ref().map_or(1, |b| b.rank.max(1));
    let mut next = base;
    let mut levels = Vec::with_capacity(drafts.len());
    for mut d in drafts {
        d.level.rank = match d.rank {
            Some(r) => r,
            None => next,
        };
        next = d.level.rank + 1;
        levels.push(d.level);
    }
    let title = head
        .matter
        .title
        .clone()
        .unwrap_or_else(|| id.replace(['-', '_'], " "));
    (
        Track {
            id: id.to_string(),
            title,
            description: head.matter.description.clone(),
            introduction: head.introduction,
            kind: head.kind,
            extends: head.matter.extends.clone(),
            extends_areas: head.matter.extends_areas.clone(),
            branch: head.matter.branch.clone(),
            levels,
            span: head.span,
        },
        head.extends_span,
        head.branch_span,
    )
}
