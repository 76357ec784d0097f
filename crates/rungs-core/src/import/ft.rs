//! Importing the Financial Times engineering-progression job families
//! (`data/job-families/*.yml`: `levels`, `themes`, `competencies`).
//!
//! - each job family becomes a track; levels that exist in an individual
//!   contributor and a people-manager variant at one rank (`senior-2-ic` /
//!   `senior-2-pm`, or names ending "(Individual Contributor)" / "(People
//!   Manager)") share that rank: the manager variants form a management track
//!   that branches from the family's track at the first such rank;
//! - themes become areas (with their summaries as descriptions);
//! - competencies become statements, keeping their UUIDs as explicit ids (so
//!   assessments survive re-imports), with the proficiency as the statement's
//!   name, `examples` as examples and `supportingUrls` as the statement's
//!   links;
//! - keys that carry no ladder content (`googleSheetId`, `isLegacy`) and keys
//!   FT's schema does not define are reported with their line, never
//!   silently dropped, and never a reason to lose the rest of the file.

use indexmap::IndexMap;
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::Spanned;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::frontmatter::{locate, parse_yaml};
use crate::load::track::location_span;
use crate::model::{
    Area, Branch, Framework, Level, Span, Statement, StatementLink, Track, TrackKind,
};
use crate::source::{SourceFile, SourceSet};
use crate::text::{collapse_whitespace, slug};

use super::{ImportError, Imported};

// The shapes below follow FT's own schema (`test/schema/job-family.json`):
// every key it allows is read. Keys it does not know land in `extra` and are
// reported as warnings, so a newer file still imports (no `deny_unknown_fields`:
// one new key would otherwise lose the whole family).

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JobFamily {
    name: String,
    summary: Option<String>,
    google_sheet_id: Option<String>,
    is_legacy: Option<bool>,
    #[serde(default)]
    levels: Vec<Spanned<FtLevel>>,
    #[serde(default)]
    themes: Vec<Spanned<Theme>>,
    #[serde(default)]
    competencies: Vec<Spanned<Competency>>,
    #[serde(flatten)]
    extra: IndexMap<String, IgnoredAny>,
}

#[derive(Deserialize)]
struct FtLevel {
    id: String,
    name: String,
    #[serde(flatten)]
    extra: IndexMap<String, IgnoredAny>,
}

#[derive(Deserialize)]
struct Theme {
    id: String,
    name: String,
    summary: Option<String>,
    #[serde(flatten)]
    extra: IndexMap<String, IgnoredAny>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Competency {
    id: Option<String>,
    level: Option<String>,
    theme: Option<String>,
    summary: Option<String>,
    proficiency: Option<String>,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    supporting_urls: Vec<SupportingUrl>,
    #[serde(flatten)]
    extra: IndexMap<String, IgnoredAny>,
}

/// One of a competency's `supportingUrls`: `{ label, url }`.
#[derive(Deserialize)]
struct SupportingUrl {
    label: Option<String>,
    url: Option<String>,
    #[serde(flatten)]
    extra: IndexMap<String, IgnoredAny>,
}

/// Which variant of a rank a level is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Variant {
    Single,
    Ic,
    Manager,
}

fn variant(level: &FtLevel) -> (Variant, String) {
    let id = level.id.as_str();
    let name = level.name.to_lowercase();
    if let Some(base) = id.strip_suffix("-ic") {
        (Variant::Ic, base.to_string())
    } else if let Some(base) = id.strip_suffix("-pm") {
        (Variant::Manager, base.to_string())
    } else if name.contains("(individual contributor)") {
        (Variant::Ic, id.to_string())
    } else if name.contains("(people manager)") {
        (Variant::Manager, id.to_string())
    } else {
        (Variant::Single, id.to_string())
    }
}

/// Imports every job family found in `src` (a repository with
/// `data/job-families/`, or a folder of `.yml` files).
pub fn import(src: &SourceSet) -> Result<Imported, ImportError> {
    let mut files: Vec<&SourceFile> = src
        .iter()
        .filter(|f| f.path.ends_with(".yml") || f.path.ends_with(".yaml"))
        .filter(|f| f.path.starts_with("data/job-families/") || !f.path.contains('/'))
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    if files.is_empty() {
        return Err(ImportError::NotRecognised(
            "no job family found: expected data/job-families/*.yml (or .yml files in the folder given)".into(),
        ));
    }
    let mut diags = Diagnostics::default();
    let mut framework = Framework {
        title: "Engineering progression".into(),
        ..Framework::default()
    };
    for file in files {
        let family: JobFamily = match parse_yaml(file, file.text(), 0) {
            Ok(f) => f,
            Err(mut d) => {
                d.code = Code::Syntax;
                diags.push(d.help("a job family has name, summary, levels, themes and competencies (see its JSON schema)"));
                continue;
            }
        };
        import_family(file, family, &mut framework, &mut diags);
    }
    if framework.tracks.is_empty() {
        return Err(ImportError::NotRecognised(
            "no job family could be read (see the errors above)".into(),
        ));
    }
    if framework.tracks.len() <= 2 {
        framework.title = format!("{} progression", framework.tracks[0].title);
    }
    Ok(Imported {
        framework,
        diagnostics: diags,
    })
}

/// Reports the keys of one item (the family, a level, a theme, a
/// competency) that FT's schema does not define: rungs cannot place them, so
/// they are warnings at the key's line, never a reason to drop the item.
fn report_extra(
    file: &SourceFile,
    extra: &IndexMap<String, IgnoredAny>,
    item: &str,
    at: &Span,
    diags: &mut Diagnostics,
) {
    for key in extra.keys() {
        diags.push(
            Diagnostic::warning(
                Code::NotImported,
                format!(
                    "`{key}` of {item} is not part of FT's job-family schema and is not imported"
                ),
            )
            .at(&key_span(file, at, key))
            .help("check the key's spelling against test/schema/job-family.json"),
        );
    }
}

/// The line of `key:` in the item that starts at `at` (the first such line
/// at or after it), or the item's own span when the key is not found. For
/// an unknown `at` (the job family itself), only unindented keys count, so a
/// nested key of the same name is never taken for it.
fn key_span(file: &SourceFile, at: &Span, key: &str) -> Span {
    let top_level = at.is_unknown();
    let text = file.text();
    // Spans of this file always start on a character boundary; a foreign
    // span (an unknown one, at 0) just searches the whole file.
    let from = if text.is_char_boundary(at.start) {
        at.start
    } else {
        0
    };
    let mut pos = from;
    for line in text.get(from..).unwrap_or_default().split_inclusive('\n') {
        let trimmed = line.trim_start().trim_start_matches("- ");
        if top_level && trimmed.len() != line.len() {
            pos += line.len();
            continue;
        }
        let bare = trimmed.trim_start_matches(['"', '\'']);
        if let Some(rest) = bare.strip_prefix(key)
            && rest
                .trim_start_matches(['"', '\''])
                .trim_start()
                .starts_with(':')
        {
            let start = pos + (line.len() - trimmed.len());
            return file.span(start, pos + line.trim_end().len());
        }
        pos += line.len();
    }
    if top_level {
        file.start_span()
    } else {
        at.clone()
    }
}

fn import_family(
    file: &SourceFile,
    family: JobFamily,
    framework: &mut Framework,
    diags: &mut Diagnostics,
) {
    let at = |key: &str| locate(file, file.text(), 0, &[key]);
    report_extra(
        file,
        &family.extra,
        "the job family",
        // An unknown span is how the family's own keys are told apart:
        // they are searched at the top level only.
        &Span::default(),
        diags,
    );
    if family.google_sheet_id.is_some() {
        diags.push(
            Diagnostic::warning(
                Code::NotImported,
                "`googleSheetId` (the spreadsheet this family is pushed to) is not imported",
            )
            .at(&at("googleSheetId"))
            .help("rungs exports CSV for spreadsheets: `rungs export --format csv`"),
        );
    }
    if family.is_legacy == Some(true) {
        diags.push(
            Diagnostic::warning(
                Code::NotImported,
                "this job family is marked legacy; it is imported as a normal track",
            )
            .at(&at("isLegacy"))
            .help("delete the imported track if you do not want it"),
        );
    }
    let levels: Vec<(Span, FtLevel)> = family
        .levels
        .into_iter()
        .map(|l| (location_span(file, &l.referenced), l.value))
        .collect();
    let themes: Vec<(Span, Theme)> = family
        .themes
        .into_iter()
        .map(|t| (location_span(file, &t.referenced), t.value))
        .collect();
    for (span, level) in &levels {
        report_extra(
            file,
            &level.extra,
            &format!("level `{}`", level.id),
            span,
            diags,
        );
    }
    // Areas: themes, merged by id across families. Lookups by id, not
    // searches per theme or competency: a family can list tens of thousands.
    let mut area_ids: std::collections::HashSet<String> =
        framework.areas.iter().map(|a| a.id.clone()).collect();
    let theme_ids: std::collections::HashSet<&str> =
        themes.iter().map(|(_, t)| t.id.as_str()).collect();
    for (span, theme) in &themes {
        report_extra(
            file,
            &theme.extra,
            &format!("theme `{}`", theme.id),
            span,
            diags,
        );
        if area_ids.insert(theme.id.clone()) {
            framework.areas.push(Area {
                id: theme.id.clone(),
                title: theme.name.clone(),
                description: theme.summary.as_deref().map(collapse_whitespace),
                span: span.clone(),
                ..Area::default()
            });
        }
    }
    // Ranks: IC and manager variants of one base share a rank.
    let mut bases: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let mut placed: Vec<(Variant, u32, &FtLevel, &Span)> = Vec::new();
    for (span, level) in &levels {
        let (v, base) = variant(level);
        let next = bases.len() as u32 + 1;
        let rank = *bases.entry(base).or_insert(next);
        placed.push((v, rank, level, span));
    }
    let track_id = slug(
        file.path
            .rsplit('/')
            .next()
            .unwrap_or("track")
            .trim_end_matches(".yml")
            .trim_end_matches(".yaml"),
    );
    let manager_id = format!("{track_id}-people-manager");
    let make_level = |l: &FtLevel, rank: u32, span: &Span| Level {
        id: slug(&l.id),
        rank,
        title: l.name.clone(),
        span: span.clone(),
        ..Level::default()
    };
    let mut ic_levels: Vec<Level> = placed
        .iter()
        .filter(|p| p.0 != Variant::Manager)
        .map(|p| make_level(p.2, p.1, p.3))
        .collect();
    let mut pm_levels: Vec<Level> = placed
        .iter()
        .filter(|p| p.0 == Variant::Manager)
        .map(|p| make_level(p.2, p.1, p.3))
        .collect();
    // Level id to (manager variant?, position); the first of equal ids wins.
    let mut level_index: std::collections::HashMap<String, (bool, usize)> =
        std::collections::HashMap::new();
    for (pm, list) in [(false, &ic_levels), (true, &pm_levels)] {
        for (i, l) in list.iter().enumerate() {
            level_index.entry(l.id.clone()).or_insert((pm, i));
        }
    }
    for spanned in family.competencies {
        let span = location_span(file, &spanned.referenced);
        let c = spanned.value;
        let what = match &c.id {
            Some(id) => format!("competency `{id}`"),
            None => "a competency".to_string(),
        };
        report_extra(file, &c.extra, &what, &span, diags);
        // FT's schema requires `level` and `theme`; without them the
        // competency has no place, which is said rather than failing the file.
        let (Some(c_level), Some(c_theme)) = (c.level.as_deref(), c.theme.as_deref()) else {
            diags.push(
                Diagnostic::error(
                    Code::NotImported,
                    format!("{what} has no `level` or no `theme` and is not imported"),
                )
                .at(&span)
                .help("give the competency the `level` and `theme` it belongs to"),
            );
            continue;
        };
        let level_id = slug(c_level);
        let target = match level_index.get(&level_id) {
            Some(&(false, i)) => ic_levels.get_mut(i),
            Some(&(true, i)) => pm_levels.get_mut(i),
            None => None,
        };
        let Some(level) = target else {
            diags.push(
                Diagnostic::error(
                    Code::NotImported,
                    format!("competency for unknown level `{c_level}` is not imported"),
                )
                .at(&span)
                .help("add the level to `levels`, or fix the competency's `level`"),
            );
            continue;
        };
        if !theme_ids.contains(c_theme) {
            diags.push(
                Diagnostic::error(
                    Code::NotImported,
                    format!("competency for unknown theme `{c_theme}` is not imported"),
                )
                .at(&span)
                .help("add the theme to `themes`, or fix the competency's `theme`"),
            );
            continue;
        }
        let Some(summary) = c
            .summary
            .as_deref()
            .map(collapse_whitespace)
            .filter(|s| !s.is_empty())
        else {
            diags.push(
                Diagnostic::error(
                    Code::NotImported,
                    format!("{what} has no `summary` (its text) and is not imported"),
                )
                .at(&span)
                .help("write the competency's `summary`"),
            );
            continue;
        };
        let mut links = Vec::new();
        for u in c.supporting_urls {
            report_extra(
                file,
                &u.extra,
                &format!("a supporting URL of {what}"),
                &key_span(file, &span, "supportingUrls"),
                diags,
            );
            let Some(url) = u.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) else {
                diags.push(
                    Diagnostic::error(
                        Code::NotImported,
                        format!(
                            "a supporting URL of {what} has no `url` and is not imported{}",
                            u.label
                                .as_deref()
                                .map(|l| format!(" (label: {l})"))
                                .unwrap_or_default()
                        ),
                    )
                    .at(&key_span(file, &span, "supportingUrls"))
                    .help("give the link its `url`, or delete it"),
                );
                continue;
            };
            let url = url.to_string();
            // A label-less link still carries its URL: the URL is its title.
            let title = u
                .label
                .as_deref()
                .map(collapse_whitespace)
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| url.clone());
            links.push(StatementLink { title, url });
        }
        level.statements.push(Statement {
            // Without an id (FT's schema requires one) the statement gets a
            // derived id when the track is checked, like any written statement.
            explicit_id: c.id.is_some(),
            id: c.id.clone().unwrap_or_default(),
            area: c_theme.to_string(),
            name: c.proficiency.clone(),
            text: summary,
            examples: c.examples.iter().map(|e| collapse_whitespace(e)).collect(),
            links,
            children: Vec::new(),
            span,
        });
    }
    // Statements in theme order, as the source's themes list them.
    let order = |area: &str| {
        themes
            .iter()
            .position(|(_, t)| t.id == area)
            .unwrap_or(usize::MAX)
    };
    for l in ic_levels.iter_mut().chain(pm_levels.iter_mut()) {
        l.statements.sort_by_key(|s| order(&s.area));
        // Competencies without an id get the derived id a level page would give them.
        if l.statements.iter().any(|s| s.id.is_empty()) {
            l.assign_ids();
        }
    }
    let branch_rank = pm_levels.iter().map(|l| l.rank).min();
    framework.tracks.push(Track {
        id: track_id.clone(),
        title: family.name.clone(),
        description: family.summary.as_deref().map(collapse_whitespace),
        kind: TrackKind::Ic,
        levels: std::mem::take(&mut ic_levels),
        span: file.start_span(),
        ..Track::default()
    });
    if let Some(rank) = branch_rank {
        framework.tracks.push(Track {
            id: manager_id,
            title: format!("{} (People Manager)", family.name),
            description: Some(format!(
                "The people-manager path of {}, from rank {rank}.",
                family.name
            )),
            kind: TrackKind::Management,
            branch: Some(Branch {
                from: track_id,
                rank,
            }),
            levels: pm_levels,
            span: file.start_span(),
            ..Track::default()
        });
    }
}
