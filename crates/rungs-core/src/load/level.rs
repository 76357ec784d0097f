//! A level page: front matter with the level's facts, body with its statements.

use indexmap::IndexMap;
use serde::Deserialize;

use crate::areas::AreaIndex;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Indicators, Level, ScopeStep, TimeShare};
use crate::source::SourceFile;

use super::frontmatter::{self, Split, locate};
use super::markdown::{BodyOptions, Link, parse_level_body};
use super::ranges::{Scalar, parse_percent, parse_years};

/// Front matter keys of a level page, shared with area-major `levels:` entries.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct LevelMatter {
    /// Level id (area-major documents only; pages use their file name).
    pub id: Option<String>,
    /// Display title.
    pub title: Option<String>,
    /// Other titles people hold at this level.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Shorter title for navigation (`linktitle` as Hugo writes it).
    #[serde(alias = "linktitle", alias = "linkTitle")]
    pub short_title: Option<String>,
    /// Explicit rank.
    pub rank: Option<u32>,
    /// Hugo-style ordering weight.
    pub weight: Option<i64>,
    /// Grade code.
    pub grade: Option<String>,
    /// One-line summary (`description` is accepted for Hugo pages).
    #[serde(alias = "description")]
    pub summary: Option<String>,
    /// Tenure range.
    pub tenure: Option<Scalar>,
    /// Experience range.
    pub experience: Option<Scalar>,
    /// Scope keyword.
    pub scope: Option<String>,
    /// Area name to share.
    pub time_split: Option<IndexMap<String, ShareSpec>>,
    /// Free text about the indicators.
    pub indicators_note: Option<String>,
}

/// One time-split entry: `50-65%`, `50`, or `{ percent: .., note: .. }`.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum ShareSpec {
    /// A bare range.
    Range(Scalar),
    /// A range and/or a note.
    Detailed {
        /// The range.
        percent: Option<Scalar>,
        /// The note.
        note: Option<String>,
    },
}

/// Keys a level page may have; Hugo's own keys are accepted silently.
pub const LEVEL_KEYS: &[&str] = &[
    "title",
    "aliases",
    "short_title",
    "linktitle",
    "linkTitle",
    "rank",
    "weight",
    "grade",
    "summary",
    "description",
    "tenure",
    "experience",
    "scope",
    "time_split",
    "indicators_note",
];

/// Hugo front matter keys that carry no meaning for a ladder.
pub const HUGO_KEYS: &[&str] = &[
    "date",
    "lastmod",
    "linktitle",
    "draft",
    "aliases",
    "toc",
    "sidebar",
    "prev",
    "next",
    "layout",
    "type",
    "slug",
    "url",
    "tags",
    "categories",
    "keywords",
    "params",
    "menu",
    "cascade",
    "publishDate",
    "expiryDate",
    "math",
    "comments",
    "breadcrumbs",
    "width",
    "sidebarTitle",
];

/// A level read from its page, before the track puts it in order.
#[derive(Clone, Debug)]
pub struct LevelDraft {
    /// The level (rank 0 until ordered).
    pub level: Level,
    /// The rank the author wrote.
    pub rank: Option<u32>,
    /// Ordering weight.
    pub weight: Option<i64>,
    /// Links in the body.
    pub links: Vec<Link>,
}

/// Reads one level page of track `track`.
pub fn read_level(
    file: &SourceFile,
    id: &str,
    areas: &AreaIndex,
    scopes: &[ScopeStep],
    diags: &mut Vec<Diagnostic>,
) -> Option<LevelDraft> {
    let split = match frontmatter::split(file) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    check_keys(file, &split, &[LEVEL_KEYS, HUGO_KEYS], diags);
    let (matter, matter_ok): (LevelMatter, bool) = match frontmatter::parse(file, &split) {
        Ok(m) => (m, true),
        Err(d) => {
            diags.push(d);
            (LevelMatter::default(), false)
        }
    };
    let body = parse_level_body(
        file,
        split.body,
        split.body_start,
        areas,
        BodyOptions::default(),
        diags,
    );
    let locate_key = |path: &[&str]| locate(file, split.matter, split.matter_start, path);
    let title = matter.title.clone().unwrap_or_else(|| {
        if !matter_ok {
            // The front matter error is already reported; a missing title would only repeat it.
            return id.to_string();
        }
        diags.push(
            Diagnostic::error(Code::MissingField, "this level has no `title`")
                .at(&file.start_span())
                .help("add `title: Senior Engineer` (or the level's name) to the front matter"),
        );
        id.to_string()
    });
    let indicators = indicators(&matter, areas, scopes, &locate_key, diags);
    let (aliases, alias_spans) = aliases(file, &matter, &locate_key, diags);
    let span = if split.language.is_some() {
        locate_key(&["title"])
    } else {
        file.start_span()
    };
    Some(LevelDraft {
        level: Level {
            id: id.to_string(),
            rank: matter.rank.unwrap_or(0),
            title,
            aliases,
            alias_spans,
            short_title: matter.short_title.clone(),
            grade: matter.grade.clone(),
            summary: matter.summary.clone(),
            introduction: body.introduction,
            indicators,
            statements: body.statements,
            span,
            grade_span: if matter.grade.is_some() {
                locate_key(&["grade"])
            } else {
                crate::model::Span::default()
            },
            rank_derived: matter.rank.is_none(),
        },
        rank: matter.rank,
        weight: matter.weight,
        links: body.links,
    })
}

/// True for an `aliases` entry that is a path or an address: one of Hugo's
/// redirects (`/old-page/`), not a title.
pub(crate) fn is_redirect(alias: &str) -> bool {
    alias.trim_start().starts_with('/') || alias.contains("://")
}

/// The `aliases` of a level, each with where it is written (its entry, or
/// the `aliases` key when the entry cannot be found). Entries that are
/// paths (`/old-page/`) are Hugo's redirects, not titles, and are left to
/// Hugo; an empty entry is an error.
pub fn aliases(
    file: &SourceFile,
    matter: &LevelMatter,
    locate_key: &dyn Fn(&[&str]) -> crate::model::Span,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<String>, Vec<crate::model::Span>) {
    if matter.aliases.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let key = locate_key(&["aliases"]);
    let text = file.text();
    let mut from = key.start;
    let (mut out, mut spans) = (Vec::new(), Vec::new());
    for alias in &matter.aliases {
        let alias = crate::text::collapse_whitespace(alias);
        if is_redirect(&alias) {
            continue;
        }
        let span = match text.get(from..).and_then(|rest| rest.find(alias.as_str())) {
            Some(i) if !alias.is_empty() => {
                let start = from + i;
                from = start + alias.len();
                file.span(start, start + alias.len())
            }
            _ => key.clone(),
        };
        if alias.is_empty() {
            diags.push(
                Diagnostic::error(Code::InvalidValue, "an alias of this level is empty")
                    .at(&span)
                    .help("write the title people use, e.g. `aliases: [\"SWE II\"]`, or delete the empty entry"),
            );
            continue;
        }
        out.push(alias);
        spans.push(span);
    }
    (out, spans)
}

/// Builds indicators from front matter values, reporting bad ranges where they are written.
pub fn indicators(
    matter: &LevelMatter,
    areas: &AreaIndex,
    scopes: &[ScopeStep],
    locate_key: &dyn Fn(&[&str]) -> crate::model::Span,
    diags: &mut Vec<Diagnostic>,
) -> Indicators {
    let mut out = Indicators {
        note: matter.indicators_note.clone(),
        ..Indicators::default()
    };
    for (key, value, slot, words) in [
        (
            "tenure",
            &matter.tenure,
            &mut out.tenure,
            &mut out.tenure_words,
        ),
        (
            "experience",
            &matter.experience,
            &mut out.experience,
            &mut out.experience_words,
        ),
    ] {
        if let Some(v) = value {
            let text = v.as_text();
            match parse_years(&text) {
                Ok(r) => *slot = Some(r),
                // Words without a number ("Several years", "No prior
                // experience required") are kept as written.
                Err(_) if !text.trim().is_empty() && !text.chars().any(|c| c.is_ascii_digit()) => {
                    *words = Some(crate::text::collapse_whitespace(text.trim()));
                }
                Err(m) => diags.push(
                    Diagnostic::error(Code::YearRange, format!("invalid {key}: {m}"))
                        .at(&locate_key(&[key]))
                        .help(format!("write {key} as years, e.g. `{key}: 2-3 years`, `{key}: 1 year` or `{key}: 8+ years`, or in words without a number, e.g. `{key}: Several years`")),
                ),
            }
        }
    }
    if let Some(scope) = &matter.scope {
        // By id or by title, on the framework's scale.
        let wanted = crate::text::normalise(scope);
        match scopes.iter().find(|s| {
            crate::text::normalise(&s.id) == wanted || crate::text::normalise(&s.title) == wanted
        }) {
            Some(s) => out.scope = Some(s.id.clone()),
            None => {
                let known: Vec<&str> = scopes.iter().map(|s| s.id.as_str()).collect();
                let help = crate::text::suggest_or(scope, known.iter().copied(), || {
                    format!("use one of: {}", known.join(", "))
                });
                diags.push(
                    Diagnostic::error(
                        Code::UnknownScope,
                        format!("`{scope}` is not on the scope scale"),
                    )
                    .at(&locate_key(&["scope"]))
                    .help(help),
                );
            }
        }
    }
    for (name, spec) in matter.time_split.iter().flatten() {
        // Locating a key scans the text: only do it when there is something to report.
        let span = || locate_key(&["time_split", name]);
        let Some(area) = areas.resolve(name) else {
            let owners = areas.owners(name);
            if owners.len() > 1 {
                diags.push(
                    Diagnostic::error(
                        Code::AmbiguousArea,
                        format!(
                            "time split names `{name}`, which several areas are called: {}",
                            owners.join(", ")
                        ),
                    )
                    .at(&span())
                    .help("write the area's id as the key"),
                );
                continue;
            }
            let help = match areas.suggest(name) {
                Some(s) => format!("did you mean `{s}`?"),
                None => {
                    "time-split keys are area ids, titles or aliases from rungs.toml".to_string()
                }
            };
            diags.push(
                Diagnostic::error(
                    Code::UnknownArea,
                    format!("time split names `{name}`, which is not an area"),
                )
                .at(&span())
                .help(help),
            );
            continue;
        };
        let (percent, note) = match spec {
            ShareSpec::Range(r) => (Some(r.as_text()), None),
            ShareSpec::Detailed { percent, note } => {
                (percent.as_ref().map(Scalar::as_text), note.clone())
            }
        };
        let percent = match percent.map(|p| parse_percent(&p)) {
            Some(Ok(r)) => Some(r),
            Some(Err(m)) => {
                diags.push(
                    Diagnostic::error(
                        Code::TimeSplitRange,
                        format!("invalid time split for `{name}`: {m}"),
                    )
                    .at(&span())
                    .help("write a percentage or a range between 0 and 100, e.g. `50-65%`"),
                );
                continue;
            }
            None => None,
        };
        out.time_split.push(TimeShare {
            area: area.to_string(),
            percent,
            note,
        });
    }
    out
}

/// Warns about front matter keys that none of `known` lists.
pub fn check_keys(
    file: &SourceFile,
    split: &Split<'_>,
    known: &[&[&str]],
    diags: &mut Vec<Diagnostic>,
) {
    let Some(language) = split.language else {
        return;
    };
    let keys = top_level_keys(split.matter, language);
    for key in keys {
        if known.iter().any(|list| list.contains(&key.as_str())) {
            continue;
        }
        let ours = known.first().copied().unwrap_or_default();
        let help = crate::text::suggest_or(&key, ours.iter().copied(), || {
            format!("known keys: {}", ours.join(", "))
        });
        diags.push(
            Diagnostic::warning(
                Code::UnknownKey,
                format!("unknown front matter key `{key}` is ignored"),
            )
            .at(&locate(file, split.matter, split.matter_start, &[&key]))
            .help(help),
        );
    }
}

/// The top-level keys of front matter, by a line scan: keys start at column 0.
///
/// Parsing the front matter a second time just for its keys would double the
/// cost of loading large frameworks; block-style front matter always puts
/// top-level keys at the start of a line.
fn top_level_keys(matter: &str, language: frontmatter::Language) -> Vec<String> {
    let sep = match language {
        frontmatter::Language::Yaml => ':',
        frontmatter::Language::Toml => '=',
    };
    let mut keys = Vec::new();
    let mut in_table = false;
    for line in matter.lines() {
        let Some(first) = line.chars().next() else {
            continue;
        };
        if first.is_whitespace() || first == '#' || first == '-' {
            continue;
        }
        if language == frontmatter::Language::Toml && first == '[' {
            let name = line
                .trim()
                .trim_matches(['[', ']'])
                .split('.')
                .next()
                .unwrap_or("")
                .trim();
            if !name.is_empty() {
                keys.push(name.trim_matches(['"', '\'']).to_string());
            }
            // In TOML every key after a table header belongs to a table.
            in_table = true;
            continue;
        }
        if in_table {
            continue;
        }
        if let Some((key, _)) = line.split_once(sep) {
            let key = key.trim().trim_matches(['"', '\'']);
            if !key.is_empty() && !key.contains(' ') {
                keys.push(key.to_string());
            }
        }
    }
    keys
}
