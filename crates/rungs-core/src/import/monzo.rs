//! Importing Monzo's progression framework (`frameworks/**/*.md`: YAML front
//! matter with `topics` → `content` → `level`, `criteria`, `exampleCriteria`,
//! and a Markdown body).
//!
//! - `generic.md` (the criteria every framework inherits) becomes a base track
//!   `generic`; every other framework becomes a track that `extends` it, so its
//!   levels show the generic criteria of the same rank too;
//! - topics become areas, merged by name across frameworks;
//! - `level: N` becomes rank N; `criteria` become statements and
//!   `exampleCriteria` statements with examples;
//! - a framework's Markdown body becomes a free page;
//! - site settings (`path`, `sidebarTitle`, `sidebarGroup`, `homepage`,
//!   `yaml`) are reported as not imported.

use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::frontmatter::{self, locate};
use crate::model::{Area, Framework, Level, Page, Statement, Track};
use crate::source::{SourceFile, SourceSet};
use crate::text::{InOrderFinder, collapse_whitespace, slug};

use super::{ImportError, Imported};

#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Matter {
    title: Option<String>,
    levels: Option<u32>,
    #[serde(default)]
    topics: Vec<Topic>,
    path: Option<String>,
    sidebar_title: Option<String>,
    sidebar_group: Option<String>,
    homepage: Option<bool>,
    yaml: Option<bool>,
}

#[derive(Deserialize)]
struct Topic {
    name: String,
    title: Option<String>,
    #[serde(default)]
    content: Vec<Content>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Content {
    level: u32,
    #[serde(default)]
    criteria: Vec<String>,
    #[serde(default)]
    example_criteria: Vec<ExampleCriterion>,
}

#[derive(Deserialize)]
struct ExampleCriterion {
    criteria: String,
    #[serde(default)]
    examples: Vec<String>,
}

/// The base track every other framework extends.
pub const GENERIC: &str = "generic";

/// Imports the frameworks in `src` (a repository with `frameworks/`, or the
/// `frameworks` folder itself).
pub fn import(src: &SourceSet) -> Result<Imported, ImportError> {
    let has_frameworks_folder = src.iter().any(|g| g.path.starts_with("frameworks/"));
    let mut files: Vec<(&SourceFile, String)> = src
        .iter()
        .filter(|f| f.path.ends_with(".md"))
        .filter_map(|f| {
            let rel = f.path.strip_prefix("frameworks/").unwrap_or(&f.path);
            (f.path.starts_with("frameworks/") || !has_frameworks_folder)
                .then(|| (f, rel.trim_end_matches(".md").to_string()))
        })
        .collect();
    // The generic framework first: the others extend it.
    files.sort_by_key(|(_, rel)| (rel != GENERIC, rel.clone()));
    let mut diags = Diagnostics::default();
    let mut framework = Framework {
        title: "Progression framework".into(),
        ..Framework::default()
    };
    let has_generic = files.iter().any(|(_, rel)| rel == GENERIC);
    for (file, rel) in files {
        let split = match frontmatter::split(file) {
            Ok(s) => s,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let matter: Matter = match frontmatter::parse(file, &split) {
            Ok(m) => m,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        if matter.topics.is_empty() {
            diags.push(
                Diagnostic::warning(
                    Code::NotImported,
                    format!(
                        "`{}` has no `topics`, so no ladder, and is not imported",
                        file.path
                    ),
                )
                .at(&file.start_span())
                .help("copy its text into a page of the imported framework if you need it"),
            );
            continue;
        }
        let at = |key: &str| locate(file, split.matter, split.matter_start, &[key]);
        let ignored: Vec<(&str, bool)> = vec![
            ("path", matter.path.is_some()),
            ("sidebarTitle", matter.sidebar_title.is_some()),
            ("sidebarGroup", matter.sidebar_group.is_some()),
            ("homepage", matter.homepage.is_some()),
            ("yaml", matter.yaml.is_some()),
        ];
        for (key, present) in ignored {
            if present {
                diags.push(
                    Diagnostic::warning(
                        Code::NotImported,
                        format!("`{key}` (a setting of the Monzo website) is not imported"),
                    )
                    .at(&at(key))
                    .help("rungs lays out its website itself; see docs/theming.md"),
                );
            }
        }
        let id = slug(&rel.replace('/', " "));
        let title = clean_title(matter.title.as_deref().unwrap_or(&rel));
        let count = matter.levels.unwrap_or_else(|| {
            matter
                .topics
                .iter()
                .flat_map(|t| &t.content)
                .map(|c| c.level)
                .max()
                .unwrap_or(0)
        });
        // `levels: 4000000000` would allocate a level each.
        let count = if count > MAX_LEVELS {
            diags.push(
                Diagnostic::warning(
                    Code::NotImported,
                    format!("{count} levels is more than rungs imports; only levels 1 to {MAX_LEVELS} are"),
                )
                .at(&at("levels"))
                .help("a progression framework has a handful of levels; check `levels` in the source"),
            );
            MAX_LEVELS
        } else {
            count
        };
        let mut levels: Vec<Level> = (1..=count)
            .map(|n| Level {
                id: format!("level-{n}"),
                rank: n,
                title: format!("Level {n}"),
                span: file.start_span(),
                ..Level::default()
            })
            .collect();
        let topics_span = locate(file, split.matter, split.matter_start, &["topics"]);
        let mut finder = InOrderFinder::new(split.matter_start);
        for topic in &matter.topics {
            let area_id = slug(&topic.name);
            if !framework.areas.iter().any(|a| a.id == area_id) {
                let title = topic
                    .title
                    .as_deref()
                    .map(clean_title)
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| capitalise(&topic.name));
                framework.areas.push(Area {
                    id: area_id.clone(),
                    title,
                    span: file.start_span(),
                    ..Area::default()
                });
            }
            for content in &topic.content {
                let span = topics_span.clone();
                // Levels are ranks 1..=count in order.
                let slot = (content.level as usize).checked_sub(1);
                let Some(level) = slot.and_then(|i| levels.get_mut(i)) else {
                    diags.push(
                        Diagnostic::warning(Code::NotImported, format!("criteria for level {} are beyond `levels: {count}` and are not imported", content.level))
                            .at(&span)
                            .help("raise `levels` in the source, or move the criteria to an existing level"),
                    );
                    continue;
                };
                for text in &content.criteria {
                    level
                        .statements
                        .push(statement(&area_id, text, Vec::new(), file, &mut finder));
                }
                for ex in &content.example_criteria {
                    let examples = ex.examples.iter().map(|e| collapse_whitespace(e)).collect();
                    level.statements.push(statement(
                        &area_id,
                        &ex.criteria,
                        examples,
                        file,
                        &mut finder,
                    ));
                }
            }
        }
        for level in &mut levels {
            crate::ids::assign(level);
        }
        let body = split.body.trim();
        if !body.is_empty() {
            framework.pages.push(Page {
                id: format!("about-{id}"),
                title: format!("About: {title}"),
                body: body.to_string(),
                span: file.span(split.body_start, split.body_start),
                ..Page::default()
            });
        }
        let extends = (has_generic && id != GENERIC).then(|| GENERIC.to_string());
        framework.tracks.push(Track {
            id,
            title,
            extends,
            levels,
            span: file.start_span(),
            ..Track::default()
        });
    }
    if framework.tracks.is_empty() {
        return Err(ImportError::NotRecognised(
            "no framework with `topics` found: expected frameworks/**/*.md".into(),
        ));
    }
    Imported::checked(framework, diags)
}

fn statement(
    area: &str,
    text: &str,
    examples: Vec<String>,
    file: &SourceFile,
    finder: &mut InOrderFinder,
) -> Statement {
    let text = collapse_whitespace(text);
    let span = match finder.find(file.text(), &text) {
        Some(i) => file.span(i, i + text.len()),
        None => file.start_span(),
    };
    Statement {
        area: area.to_string(),
        text,
        examples,
        span,
        ..Statement::default()
    }
}

/// Most levels a framework may declare.
const MAX_LEVELS: u32 = 1000;

/// Titles carry emoji and "Framework" in the source ("🛠️ Backend Engineering Framework").
fn clean_title(title: &str) -> String {
    let kept: String = title
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace() || "&'-/(),.".contains(*c))
        .collect();
    let kept = collapse_whitespace(&kept);
    kept.strip_suffix(" Framework").unwrap_or(&kept).to_string()
}

fn capitalise(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars)
            .collect::<String>()
            .replace(['-', '_'], " "),
        None => String::new(),
    }
}
