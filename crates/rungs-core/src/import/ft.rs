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
//!   name and `examples` as examples;
//! - keys that carry no ladder content (`googleSheetId`, `isLegacy`) are
//!   reported, never silently dropped.

use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::frontmatter::{locate, parse_yaml};
use crate::model::{Area, Branch, Framework, Level, Statement, Track, TrackKind};
use crate::source::{SourceFile, SourceSet};
use crate::text::{collapse_whitespace, slug};

use super::{ImportError, Imported};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JobFamily {
    name: String,
    summary: Option<String>,
    google_sheet_id: Option<String>,
    is_legacy: Option<bool>,
    levels: Vec<FtLevel>,
    themes: Vec<Theme>,
    competencies: Vec<Competency>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FtLevel {
    id: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Theme {
    id: String,
    name: String,
    summary: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Competency {
    /// With its place in the file, which the statement's span points at.
    id: serde_saphyr::Spanned<String>,
    level: String,
    theme: String,
    summary: String,
    proficiency: Option<String>,
    #[serde(default)]
    examples: Vec<String>,
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
    Imported::checked(framework, diags)
}

fn import_family(
    file: &SourceFile,
    family: JobFamily,
    framework: &mut Framework,
    diags: &mut Diagnostics,
) {
    let at = |key: &str| locate(file, file.text(), 0, &[key]);
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
    // Areas: themes, merged by id across families.
    // Lookups by id, not searches per competency: a family can list tens of
    // thousands of competencies.
    let mut area_ids: std::collections::HashSet<String> =
        framework.areas.iter().map(|a| a.id.clone()).collect();
    let theme_order: std::collections::HashMap<&str, usize> = family
        .themes
        .iter()
        .enumerate()
        .rev()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    for theme in &family.themes {
        if area_ids.insert(theme.id.clone()) {
            framework.areas.push(Area {
                id: theme.id.clone(),
                title: theme.name.clone(),
                description: theme.summary.as_deref().map(collapse_whitespace),
                ..Area::default()
            });
        }
    }
    // Ranks: IC and manager variants of one base share a rank.
    let mut bases: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let mut placed: Vec<(Variant, u32, &FtLevel)> = Vec::new();
    for level in &family.levels {
        let (v, base) = variant(level);
        let next = bases.len() as u32 + 1;
        let rank = *bases.entry(base).or_insert(next);
        placed.push((v, rank, level));
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
    let make_level = |l: &FtLevel, rank: u32| Level {
        id: slug(&l.id),
        rank,
        title: l.name.clone(),
        span: file.start_span(),
        ..Level::default()
    };
    let mut ic_levels: Vec<Level> = placed
        .iter()
        .filter(|p| p.0 != Variant::Manager)
        .map(|p| make_level(p.2, p.1))
        .collect();
    let mut pm_levels: Vec<Level> = placed
        .iter()
        .filter(|p| p.0 == Variant::Manager)
        .map(|p| make_level(p.2, p.1))
        .collect();
    // Level id to (manager variant?, position); the first of equal ids wins.
    let mut level_index: std::collections::HashMap<String, (bool, usize)> =
        std::collections::HashMap::new();
    for (pm, levels) in [(false, &ic_levels), (true, &pm_levels)] {
        for (i, l) in levels.iter().enumerate() {
            level_index.entry(l.id.clone()).or_insert((pm, i));
        }
    }
    for c in family.competencies {
        let level_id = slug(&c.level);
        let target = match level_index.get(&level_id) {
            Some(&(false, i)) => ic_levels.get_mut(i),
            Some(&(true, i)) => pm_levels.get_mut(i),
            None => None,
        };
        let span = crate::load::track::location_span(file, &c.id.referenced);
        let c_id = c.id.value;
        let Some(level) = target else {
            diags.push(
                Diagnostic::warning(
                    Code::NotImported,
                    format!("competency for unknown level `{}` is not imported", c.level),
                )
                .at(&span)
                .help("add the level to `levels`, or fix the competency's `level`"),
            );
            continue;
        };
        if !theme_order.contains_key(c.theme.as_str()) {
            diags.push(
                Diagnostic::warning(
                    Code::NotImported,
                    format!("competency for unknown theme `{}` is not imported", c.theme),
                )
                .at(&span)
                .help("add the theme to `themes`, or fix the competency's `theme`"),
            );
            continue;
        }
        level.statements.push(Statement {
            id: c_id,
            explicit_id: true,
            area: c.theme.clone(),
            name: c.proficiency.clone(),
            text: collapse_whitespace(&c.summary),
            examples: c.examples.iter().map(|e| collapse_whitespace(e)).collect(),
            children: Vec::new(),
            span,
        });
    }
    // Statements in theme order, as the source's themes list them.
    let order = |area: &str| theme_order.get(area).copied().unwrap_or(usize::MAX);
    for l in ic_levels.iter_mut().chain(pm_levels.iter_mut()) {
        l.statements.sort_by_key(|s| order(&s.area));
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
