//! `rungs.toml`: the framework's settings, grade scale and area tree.

use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Area, Grade, ScopeStep};
use crate::source::SourceFile;
use crate::text::{InOrderFinder, did_you_mean, slug};

use super::frontmatter::locate;

/// The parsed settings file.
#[derive(Debug, Default)]
pub struct Config {
    /// Framework title.
    pub title: String,
    /// Framework description.
    pub description: Option<String>,
    /// Public URL.
    pub base_url: Option<String>,
    /// Grade scale.
    pub grades: Vec<Grade>,
    /// Area tree.
    pub areas: Vec<Area>,
    /// The scope scale, narrowest first (empty: the default).
    pub scopes: Vec<ScopeStep>,
}

#[derive(Deserialize)]
struct RawConfig {
    title: Option<String>,
    description: Option<String>,
    base_url: Option<String>,
    #[serde(default)]
    grades: Vec<RawGrade>,
    #[serde(default)]
    areas: Vec<RawArea>,
    #[serde(default)]
    scopes: Vec<RawGrade>,
    // Read by the website, which checks it (`SiteSettings::check`).
    #[serde(default)]
    #[allow(dead_code)]
    site: Option<toml::Table>,
    // Read and checked by `assess::parse`.
    #[serde(default)]
    #[allow(dead_code)]
    assessments: Option<toml::Table>,
    // Read and checked by `impact::parse_limits`.
    #[serde(default)]
    #[allow(dead_code)]
    impact: Option<toml::Value>,
    // Read and checked by `promotions::parse`.
    #[serde(default)]
    #[allow(dead_code)]
    promotions: Option<toml::Value>,
    // Read and checked by `titles::settings`.
    #[serde(default)]
    #[allow(dead_code)]
    titles: Option<toml::Table>,
    // Read by `SourceSet::read_dir` before loading; parsed here too so that
    // a typo or a wrong type is reported with its line.
    #[serde(default)]
    #[allow(dead_code)]
    files: Option<crate::source::FileLimits>,
    /// Every other key: reported, so a typo or a table rungs does not read
    /// (such as a `[theme]` that has no effect) does not pass unnoticed.
    #[serde(flatten)]
    unknown: toml::Table,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawGrade {
    Code(String),
    Full { id: String, title: Option<String> },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArea {
    id: Option<String>,
    title: String,
    #[serde(default)]
    aliases: Vec<String>,
    description: Option<String>,
    #[serde(default)]
    children: Vec<RawArea>,
}

const KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "grades",
    "areas",
    "site",
    "files",
    "assessments",
    "promotions",
    "scopes",
    "titles",
    "impact",
    // Read by `rungs server` (SMTP settings); see docs/server.md.
    "email",
];

/// A `syntax` error of rungs.toml, at the place the TOML parser names.
pub(crate) fn syntax_error(file: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    let span = match e.span() {
        Some(r) => file.span(r.start, r.end.max(r.start + 1)),
        None => file.start_span(),
    };
    Diagnostic::error(Code::Syntax, format!("rungs.toml: {}", e.message().trim())).at(&span)
}

/// Parses `rungs.toml`.
pub fn parse(file: &SourceFile) -> (Config, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let text = file.text();
    let raw: RawConfig = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let mut d = syntax_error(file, &e);
            d = match e
                .message()
                .split('`')
                .nth(1)
                .and_then(|k| did_you_mean(k, KEYS.iter().copied()))
            {
                Some(s) if e.message().contains("unknown field") => {
                    d.help(format!("did you mean `{s}`?"))
                }
                _ => d.help("see docs/format.md for the keys of rungs.toml"),
            };
            diags.push(d);
            return (Config::default(), diags);
        }
    };
    for key in raw.unknown.keys() {
        let help = if key == "theme" {
            "rungs.toml has no [theme] table: theme files go in the `theme/` folder, colours in [site]; see docs/theming.md".to_string()
        } else {
            crate::text::suggest_or(key, KEYS.iter().copied(), || {
                format!("the keys of rungs.toml are {}", KEYS.join(", "))
            })
        };
        diags.push(
            Diagnostic::warning(
                Code::UnknownKey,
                format!("rungs.toml: `{key}` is not a setting"),
            )
            .at(&locate(file, text, 0, &[key]))
            .label("unknown key")
            .help(help),
        );
    }
    let title = match raw.title {
        Some(t) if !t.trim().is_empty() => t,
        _ => {
            diags.push(
                Diagnostic::error(Code::MissingField, "rungs.toml has no `title`")
                    .at(&file.start_span())
                    .help("add a line such as `title = \"Acme Engineering Careers\"`"),
            );
            "Untitled framework".to_string()
        }
    };
    // Once, not once per grade: locating scans the file.
    let grades_span = locate(file, text, 0, &["grades"]);
    let grades = raw
        .grades
        .into_iter()
        .map(|g| {
            let (id, title) = match g {
                RawGrade::Code(id) => (id, None),
                RawGrade::Full { id, title } => (id, title),
            };
            Grade {
                id,
                title,
                span: grades_span.clone(),
            }
        })
        .collect();
    let mut areas = Vec::new();
    // Areas are written in tree order: each title is looked for after the last.
    let mut finder = InOrderFinder::new(0);
    // Derived ids that several areas would take: those under a parent take
    // the parent's id in front ("leadership-accountability").
    let mut seen = std::collections::HashSet::new();
    let mut used = std::collections::HashSet::new();
    fn walk(
        raw: &RawArea,
        seen: &mut std::collections::HashSet<String>,
        twice: &mut std::collections::HashSet<String>,
    ) {
        if raw.id.is_none() && !seen.insert(slug(&raw.title)) {
            twice.insert(slug(&raw.title));
        }
        for c in &raw.children {
            walk(c, seen, twice);
        }
    }
    for raw_area in &raw.areas {
        walk(raw_area, &mut seen, &mut used);
    }
    for raw_area in raw.areas {
        areas.push(build_area(
            file,
            raw_area,
            None,
            &used,
            &mut diags,
            &mut finder,
        ));
    }
    if areas.is_empty() {
        diags.push(
            Diagnostic::error(Code::MissingField, "rungs.toml declares no areas")
                .at(&file.start_span())
                .help("declare the competency areas with `[[areas]]` tables; see docs/format.md"),
        );
    }
    let scopes = scope_scale(file, raw.scopes, &mut diags);
    (
        Config {
            title,
            description: raw.description,
            base_url: raw.base_url,
            grades,
            areas,
            scopes,
        },
        diags,
    )
}

/// `scopes = ["Task", "Feature", "Team", …]` (or `{ id, title }` tables),
/// narrowest first: ids are slugs of the titles unless given.
fn scope_scale(
    file: &SourceFile,
    raw: Vec<RawGrade>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<ScopeStep> {
    if raw.is_empty() {
        return Vec::new();
    }
    let span = locate(file, file.text(), 0, &["scopes"]);
    let steps: Vec<ScopeStep> = raw
        .into_iter()
        .map(|r| match r {
            RawGrade::Code(title) => ScopeStep {
                id: slug(&title),
                title: title.trim().to_string(),
            },
            RawGrade::Full { id, title } => ScopeStep {
                title: title.unwrap_or_else(|| id.clone()).trim().to_string(),
                id,
            },
        })
        .collect();
    if steps.len() < 2 {
        diags.push(
            Diagnostic::error(Code::InvalidValue, "the scope scale needs at least two steps")
                .at(&span)
                .help("list the scopes narrowest first, e.g. `scopes = [\"Task\", \"Team\", \"Organisation\"]`, or remove `scopes` for the default scale"),
        );
        return Vec::new();
    }
    for (i, s) in steps.iter().enumerate() {
        if s.id.is_empty() || !crate::text::is_valid_id(&s.id) {
            diags.push(
                Diagnostic::error(
                    Code::InvalidId,
                    format!("scope `{}` gives no usable id", s.title),
                )
                .at(&span)
                .help("give it words, or an `id` of letters, digits, `-` and `_`"),
            );
            return Vec::new();
        }
        if steps[..i].iter().any(|t| t.id == s.id) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    format!("the scope scale names `{}` twice", s.id),
                )
                .at(&span)
                .help("each scope appears once, narrowest first"),
            );
            return Vec::new();
        }
    }
    steps
}

fn build_area(
    file: &SourceFile,
    raw: RawArea,
    parent: Option<&str>,
    twice: &std::collections::HashSet<String>,
    diags: &mut Vec<Diagnostic>,
    finder: &mut InOrderFinder,
) -> Area {
    let span = find_title(file, &raw.title, finder);
    let id = match raw.id {
        Some(id) => {
            if !crate::text::is_valid_id(&id) {
                diags.push(
                    Diagnostic::error(
                        Code::InvalidId,
                        format!("area id `{id}` has characters ids cannot have"),
                    )
                    .at(&span)
                    .help("use letters, digits, `-` and `_`, e.g. `delivery`"),
                );
            }
            id
        }
        None => {
            let s = slug(&raw.title);
            let s = if s.is_empty() { "area".to_string() } else { s };
            // An area named like one under another parent ("Accountability"
            // under two components) takes its parent's id in front.
            match parent {
                Some(p) if twice.contains(&s) => format!("{p}-{s}"),
                _ => s,
            }
        }
    };
    let children = raw
        .children
        .into_iter()
        .map(|c| build_area(file, c, Some(&id), twice, diags, finder))
        .collect();
    Area {
        id,
        title: raw.title,
        aliases: raw.aliases,
        description: raw.description,
        children,
        span,
    }
}

/// Points at the `title = "..."` line of an area.
fn find_title(file: &SourceFile, title: &str, finder: &mut InOrderFinder) -> crate::model::Span {
    let text = file.text();
    for quoted in [format!("\"{title}\""), format!("'{title}'")] {
        if let Some(i) = finder.find(text, &quoted) {
            let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
            return file.span(line_start, i + quoted.len());
        }
    }
    file.start_span()
}
