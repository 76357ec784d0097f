//! Track documents: a track's `_index.md` (level-major tracks) and
//! `tracks/<id>.yaml` (area-major tracks: one matrix of areas × levels).

use indexmap::IndexMap;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::areas::AreaIndex;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Branch, Level, Span, Statement, TrackKind};
use crate::source::SourceFile;

use super::frontmatter::{self, locate};
use super::level::{HUGO_KEYS, LevelDraft, LevelMatter, aliases, check_keys, indicators};
use super::markdown::{Link, links, split_id, split_name};

/// The facts about a track, from `_index.md` front matter or a matrix document.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct TrackMatter {
    /// Display title.
    pub title: Option<String>,
    /// Short description.
    pub description: Option<String>,
    /// `ic` or `management`.
    pub kind: Option<String>,
    /// Base track id.
    pub extends: Option<String>,
    /// Areas inherited from the base track (all when empty).
    #[serde(default)]
    pub extends_areas: Vec<String>,
    /// Branch point.
    pub branch: Option<Branch>,
    /// Ordering weight among tracks.
    pub weight: Option<i64>,
}

/// Keys of a track's `_index.md`.
pub const TRACK_KEYS: &[&str] = &[
    "title",
    "description",
    "kind",
    "extends",
    "extends_areas",
    "branch",
    "weight",
];

/// A track header, read from wherever the track is declared.
#[derive(Debug, Default)]
pub struct TrackHead {
    /// The front matter.
    pub matter: TrackMatter,
    /// Parsed kind.
    pub kind: TrackKind,
    /// Markdown introduction.
    pub introduction: Option<String>,
    /// Where the track is declared.
    pub span: Span,
    /// Where `extends` is written.
    pub extends_span: Span,
    /// Where `branch` is written.
    pub branch_span: Span,
    /// Links in the introduction.
    pub links: Vec<Link>,
}

/// Reads `tracks/<id>/_index.md`.
pub fn read_index(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> TrackHead {
    let split = match frontmatter::split(file) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return TrackHead::default();
        }
    };
    check_keys(file, &split, &[TRACK_KEYS, HUGO_KEYS], diags);
    let matter: TrackMatter = frontmatter::parse(file, &split).unwrap_or_else(|d| {
        diags.push(d);
        TrackMatter::default()
    });
    require_title(file, matter.title.as_deref(), diags);
    let at = |path: &[&str]| locate(file, split.matter, split.matter_start, path);
    let kind = parse_kind(&matter, &at(&["kind"]), diags);
    let body = crate::load::markdown::strip_comments(split.body);
    let body = body.trim();
    TrackHead {
        kind,
        introduction: (!body.is_empty()).then(|| body.to_string()),
        span: at(&["title"]),
        extends_span: at(&["extends"]),
        branch_span: at(&["branch"]),
        links: links(file, split.body, split.body_start),
        matter,
    }
}

/// A track file must give the track a title (docs/format.md marks it
/// required): an empty `_index.md` or YAML file is a mistake, not a track
/// silently titled after its id.
fn require_title(file: &SourceFile, title: Option<&str>, diags: &mut Vec<Diagnostic>) {
    if title.is_some_and(|t| !t.trim().is_empty()) {
        return;
    }
    let what = if file.text().trim().is_empty() {
        "this track file is empty"
    } else {
        "this track has no `title`"
    };
    diags.push(
        Diagnostic::error(Code::MissingField, what)
            .at(&file.start_span())
            .help("add a title, such as `title: Engineering` (in the front matter of an _index.md, between `---` lines)"),
    );
}

fn parse_kind(matter: &TrackMatter, span: &Span, diags: &mut Vec<Diagnostic>) -> TrackKind {
    let Some(k) = matter.kind.as_deref() else {
        return TrackKind::Ic;
    };
    match TrackKind::parse(k) {
        Some(kind) => kind,
        None => {
            let k = k.trim();
            let help = crate::text::suggest_or(k, ["ic", "management"], || {
                "use `ic` (individual contributor) or `management`".to_string()
            });
            diags.push(
                Diagnostic::error(Code::InvalidValue, format!("`{k}` is not a track kind"))
                    .at(span)
                    .help(help),
            );
            TrackKind::Ic
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MatrixDoc {
    title: Option<String>,
    description: Option<String>,
    introduction: Option<String>,
    kind: Option<String>,
    extends: Option<String>,
    #[serde(default)]
    extends_areas: Vec<String>,
    branch: Option<Branch>,
    weight: Option<i64>,
    #[serde(default)]
    levels: Vec<Spanned<LevelMatter>>,
    #[serde(default)]
    matrix: IndexMap<String, IndexMap<String, Vec<Spanned<MatrixStatement>>>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
enum MatrixStatement {
    Text(String),
    Full {
        id: Option<String>,
        name: Option<String>,
        text: String,
        #[serde(default)]
        examples: Vec<String>,
        #[serde(default)]
        links: Vec<crate::model::StatementLink>,
        #[serde(default)]
        children: Vec<MatrixStatement>,
    },
}

/// Reads an area-major `tracks/<id>.yaml`: the track head and its levels.
pub fn read_matrix(
    file: &SourceFile,
    areas: &AreaIndex,
    scopes: &[crate::model::ScopeStep],
    diags: &mut Vec<Diagnostic>,
) -> (TrackHead, Vec<LevelDraft>) {
    let doc: MatrixDoc = match frontmatter::parse_yaml(file, file.text(), 0) {
        Ok(d) => d,
        Err(mut d) => {
            d.code = Code::Syntax;
            diags.push(
                d.help("see docs/format.md, \"Area-major tracks\", for the layout of this file"),
            );
            return (TrackHead::default(), Vec::new());
        }
    };
    require_title(file, doc.title.as_deref(), diags);
    let text = file.text();
    let at = |path: &[&str]| locate(file, text, 0, path);
    let matter = TrackMatter {
        title: doc.title,
        description: doc.description,
        kind: doc.kind,
        extends: doc.extends,
        extends_areas: doc.extends_areas,
        branch: doc.branch,
        weight: doc.weight,
    };
    let kind = parse_kind(&matter, &at(&["kind"]), diags);
    let mut drafts: Vec<LevelDraft> = Vec::new();
    for spanned in doc.levels {
        let span = location_span(file, &spanned.referenced);
        let m = spanned.value;
        let Some(id) = m.id.clone() else {
            diags.push(
                Diagnostic::error(Code::MissingField, "this level has no `id`")
                    .at(&span)
                    .help("give each level an id such as `id: senior`; the matrix refers to levels by id"),
            );
            continue;
        };
        let level_line = span.line as usize;
        let locate_key = |path: &[&str]| {
            // Keys of this level entry are written below its first line.
            let start = file.line_span(level_line).start;
            locate(file, &text[start..], start, path)
        };
        let inds = indicators(&m, areas, scopes, &locate_key, diags);
        let (aliases, alias_spans) = aliases(file, &m, &locate_key, diags);
        drafts.push(LevelDraft {
            level: Level {
                title: m.title.clone().unwrap_or_else(|| id.clone()),
                aliases,
                alias_spans,
                short_title: m.short_title.clone(),
                id,
                rank: m.rank.unwrap_or(0),
                grade: m.grade.clone(),
                summary: m.summary.clone(),
                introduction: None,
                indicators: inds,
                statements: Vec::new(),
                grade_span: if m.grade.is_some() {
                    locate_key(&["grade"])
                } else {
                    crate::model::Span::default()
                },
                rank_derived: m.rank.is_none(),
                span,
            },
            rank: m.rank,
            weight: m.weight,
            links: Vec::new(),
        });
    }
    for (area_name, by_level) in doc.matrix {
        let area_span = at(&["matrix", &area_name]);
        let Some(area) = areas.resolve(&area_name) else {
            let help = match areas.suggest(&area_name) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "matrix keys are area ids, titles or aliases from rungs.toml".to_string(),
            };
            diags.push(
                Diagnostic::error(
                    Code::UnknownArea,
                    format!("`{area_name}` is not an area of this framework"),
                )
                .at(&area_span)
                .label("unknown area")
                .help(help),
            );
            continue;
        };
        for (level_id, statements) in by_level {
            let Some(draft) = drafts.iter_mut().find(|d| d.level.id == level_id) else {
                let ids: Vec<&str> = drafts.iter().map(|d| d.level.id.as_str()).collect();
                let help = crate::text::suggest_or(&level_id, ids.iter().copied(), || {
                    format!("the levels of this track are: {}", ids.join(", "))
                });
                diags.push(
                    Diagnostic::error(
                        Code::UnknownLevel,
                        format!("`{level_id}` is not a level of this track"),
                    )
                    .at(&at(&["matrix", &area_name, &level_id]))
                    .help(help),
                );
                continue;
            };
            for spanned in statements {
                let span = location_span(file, &spanned.referenced);
                if let Some(s) = matrix_statement(spanned.value, area, &span, 1, diags) {
                    draft.level.statements.push(s);
                }
            }
        }
    }
    for d in &mut drafts {
        crate::ids::assign(&mut d.level);
    }
    let head = TrackHead {
        kind,
        introduction: doc.introduction,
        span: at(&["title"]),
        extends_span: at(&["extends"]),
        branch_span: at(&["branch"]),
        links: Vec::new(),
        matter,
    };
    (head, drafts)
}

fn matrix_statement(
    s: MatrixStatement,
    area: &str,
    span: &Span,
    depth: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<Statement> {
    if depth > crate::ids::MAX_DEPTH {
        diags.push(super::markdown::too_deep(span));
        return None;
    }
    let (text, id, name, examples, links, children) = match s {
        MatrixStatement::Text(t) => {
            let (rest, id) = split_id(&t);
            let (name, rest) = split_name(rest);
            (
                rest.to_string(),
                id,
                name,
                Vec::new(),
                Vec::new(),
                Vec::new(),
            )
        }
        MatrixStatement::Full {
            id,
            name,
            text,
            examples,
            links,
            children,
        } => (text, id, name, examples, links, children),
    };
    let text = crate::text::collapse_whitespace(&text);
    if text.is_empty() {
        diags.push(
            Diagnostic::error(Code::EmptyStatement, "this statement has no text")
                .at(span)
                .help("write the expectation, or delete the empty entry"),
        );
        return None;
    }
    let children = children
        .into_iter()
        .filter_map(|c| matrix_statement(c, area, span, depth + 1, diags))
        .collect();
    Some(Statement {
        explicit_id: id.is_some(),
        id: id.unwrap_or_default(),
        area: area.to_string(),
        name,
        text,
        examples,
        links,
        children,
        span: span.clone(),
    })
}

/// Converts a YAML location (1-based line and character column) into a span of `file`.
pub(crate) fn location_span(file: &SourceFile, loc: &serde_saphyr::Location) -> Span {
    let line = file.line_span(loc.line().max(1) as usize);
    let text = &file.text()[line.start..line.end];
    let col = (loc.column() as usize).saturating_sub(1);
    let byte_col: usize = text.chars().take(col).map(char::len_utf8).sum();
    file.span(line.start + byte_col, line.end)
}
