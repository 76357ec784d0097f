//! Translation files: reading them (with the place of every entry) and
//! writing them back in one canonical layout.
//!
//! Every translated text is a *unit*: the source text it was translated
//! from and the translation, `{ source, text }`. Units sit under fixed keys
//! (`title`, `summary`, ...) and, in level files, under `statements`,
//! keyed by statement id.

use std::sync::Arc;

use indexmap::IndexMap;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostic::{Code, Diagnostic};
use crate::load::frontmatter::parse_yaml;
use crate::load::track::location_span;
use crate::model::Span;
use crate::source::SourceFile;

/// One translated text as read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The file, relative to `translations/<lang>/`.
    pub file: Arc<str>,
    /// Where in the file: `title`, `areas.<id>.title`, `statements.<id>`,
    /// `statements.<id>.examples.<n>`.
    pub key: String,
    /// The area a statement was under when it was translated.
    pub area: Option<String>,
    /// The source text it was translated from.
    pub source: String,
    /// The translation; empty when not translated yet.
    pub text: String,
    /// Where its `source` is written.
    pub span: Span,
}

/// What kind of thing a translation file translates, from its path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `rungs.yaml`: the framework's title, home page and areas.
    Framework,
    /// `tracks/<track>/_index.yaml`.
    Track,
    /// `tracks/<track>/<level>.yaml`.
    Level,
    /// `pages/<page>.yaml`.
    Page,
}

/// The kind of a file (relative to `translations/<lang>/`), `None` for a
/// path that holds no translation.
pub(crate) fn kind(rel: &str) -> Option<Kind> {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        ["rungs.yaml"] => Some(Kind::Framework),
        ["tracks", _, "_index.yaml"] => Some(Kind::Track),
        ["tracks", _, name] if name.ends_with(".yaml") => Some(Kind::Level),
        ["pages", name] if name.ends_with(".yaml") => Some(Kind::Page),
        _ => None,
    }
}

/// The plain keys (not statements or areas) a kind of file has, in order.
pub(crate) fn fields(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Framework => &["title", "description", "introduction"],
        Kind::Track => &["title", "description", "introduction"],
        Kind::Level => &["title", "short_title", "summary", "introduction"],
        Kind::Page => &["title", "short_title", "description", "body"],
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Unit {
    source: Spanned<String>,
    #[serde(default)]
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementUnit {
    #[serde(default)]
    area: Option<String>,
    source: Spanned<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    examples: Vec<Unit>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaUnits {
    title: Option<Unit>,
    description: Option<Unit>,
}

/// Every key any translation file may have; which ones a file may hold
/// is checked against its kind after parsing.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    title: Option<Unit>,
    short_title: Option<Unit>,
    description: Option<Unit>,
    summary: Option<Unit>,
    introduction: Option<Unit>,
    body: Option<Unit>,
    #[serde(default)]
    areas: IndexMap<String, AreaUnits>,
    #[serde(default)]
    statements: IndexMap<String, StatementUnit>,
}

/// Reads one translation file (`rel` relative to `translations/<lang>/`).
/// A file that does not parse, or holds a key its kind has not, is an error
/// at its line and column; nothing of a file that does not parse is used.
pub(crate) fn parse(
    file: &SourceFile,
    rel: &str,
    kind: Kind,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Entry> {
    if file.text().trim().is_empty() {
        return Vec::new();
    }
    let text = file.text();
    let doc: Doc = match parse_yaml(file, text, 0) {
        Ok(d) => d,
        Err(mut d) => {
            d.code = Code::Syntax;
            diags.push(d.help(
                "a translation file maps keys to `{ source, text }`; see docs/translations.md",
            ));
            return Vec::new();
        }
    };
    let rel: Arc<str> = Arc::from(rel);
    let mut out = Vec::new();
    let mut push = |key: String, area: Option<String>, source: Spanned<String>, text: String| {
        out.push(Entry {
            file: rel.clone(),
            key,
            area,
            span: location_span(file, &source.referenced),
            source: source.value,
            text,
        });
    };
    let allowed = fields(kind);
    let mut misplaced: Vec<&str> = Vec::new();
    for (name, unit) in [
        ("title", doc.title),
        ("short_title", doc.short_title),
        ("description", doc.description),
        ("summary", doc.summary),
        ("introduction", doc.introduction),
        ("body", doc.body),
    ] {
        let Some(unit) = unit else { continue };
        if allowed.contains(&name) {
            push(name.to_string(), None, unit.source, unit.text);
        } else {
            misplaced.push(name);
        }
    }
    if !doc.areas.is_empty() && kind != Kind::Framework {
        misplaced.push("areas");
    }
    for (id, units) in doc.areas {
        for (field, unit) in [("title", units.title), ("description", units.description)] {
            if let Some(unit) = unit {
                push(format!("areas.{id}.{field}"), None, unit.source, unit.text);
            }
        }
    }
    if !doc.statements.is_empty() && kind != Kind::Level {
        misplaced.push("statements");
    }
    for (id, s) in doc.statements {
        let examples = s.examples;
        push(format!("statements.{id}"), s.area, s.source, s.text);
        for (n, e) in examples.into_iter().enumerate() {
            push(
                format!("statements.{id}.examples.{n}"),
                None,
                e.source,
                e.text,
            );
        }
    }
    for key in misplaced {
        let span = crate::load::frontmatter::locate(file, text, 0, &[key]);
        diags.push(
            Diagnostic::error(
                Code::Syntax,
                format!("this translation file cannot have `{key}`"),
            )
            .at(&span)
            .help(format!(
                "a file here translates {}: its keys are {}",
                match kind {
                    Kind::Framework => "rungs.toml and the home page",
                    Kind::Track => "a track's _index.md",
                    Kind::Level => "a level",
                    Kind::Page => "a page",
                },
                keys_of(kind)
            )),
        );
    }
    out
}

fn keys_of(kind: Kind) -> String {
    let mut keys: Vec<&str> = fields(kind).to_vec();
    match kind {
        Kind::Framework => keys.push("areas"),
        Kind::Level => keys.push("statements"),
        _ => {}
    }
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes the entries of one file in the canonical layout: plain keys in
/// their order, then areas or statements in the order given.
pub(crate) fn render(lang: &str, source_file: &str, entries: &[&Entry]) -> String {
    let mut out = format!(
        "# {lang} translation of {source_file}: keep `source` as the text you translated\n\
         # from, so `rungs check` can tell when it changes (see docs/translations.md).\n"
    );
    let kind = entries
        .first()
        .and_then(|e| kind(&e.file))
        .unwrap_or(Kind::Page);
    for field in fields(kind) {
        if let Some(e) = entries.iter().find(|e| e.key == *field) {
            out.push_str(&format!("{field}:\n"));
            unit(&mut out, 2, e);
        }
    }
    let mut areas: Vec<&str> = Vec::new();
    let mut statements: Vec<&str> = Vec::new();
    for e in entries {
        if let Some(rest) = e.key.strip_prefix("areas.")
            && let Some((id, _)) = rest.rsplit_once('.')
            && !areas.contains(&id)
        {
            areas.push(id);
        }
        if let Some(rest) = e.key.strip_prefix("statements.") {
            let id = rest.split_once(".examples.").map_or(rest, |(id, _)| id);
            if !statements.contains(&id) {
                statements.push(id);
            }
        }
    }
    if !areas.is_empty() {
        out.push_str("areas:\n");
        for id in areas {
            out.push_str(&format!("  {}:\n", key(id)));
            for field in ["title", "description"] {
                let k = format!("areas.{id}.{field}");
                if let Some(e) = entries.iter().find(|e| e.key == k) {
                    out.push_str(&format!("    {field}:\n"));
                    unit(&mut out, 6, e);
                }
            }
        }
    }
    if !statements.is_empty() {
        out.push_str("statements:\n");
        for id in statements {
            let k = format!("statements.{id}");
            let Some(e) = entries.iter().find(|e| e.key == k) else {
                continue;
            };
            out.push_str(&format!("  {}:\n", key(id)));
            if let Some(area) = &e.area {
                out.push_str(&format!("    area: {}\n", scalar(area, 4)));
            }
            unit(&mut out, 4, e);
            let prefix = format!("{k}.examples.");
            let mut examples: Vec<(usize, &&Entry)> = entries
                .iter()
                .filter_map(|x| Some((x.key.strip_prefix(&prefix)?.parse().ok()?, x)))
                .collect();
            examples.sort_by_key(|(n, _)| *n);
            if !examples.is_empty() {
                out.push_str("    examples:\n");
                for (_, x) in examples {
                    out.push_str(&format!("      - source: {}\n", scalar(&x.source, 8)));
                    out.push_str(&format!("        text: {}\n", scalar(&x.text, 8)));
                }
            }
        }
    }
    out
}

fn unit(out: &mut String, indent: usize, e: &Entry) {
    let pad = " ".repeat(indent);
    out.push_str(&format!("{pad}source: {}\n", scalar(&e.source, indent + 2)));
    out.push_str(&format!("{pad}text: {}\n", scalar(&e.text, indent + 2)));
}

/// A mapping key: ids are plain YAML unless they could be read as something else.
fn key(id: &str) -> String {
    if plain_ok(id) {
        id.to_string()
    } else {
        quoted(id)
    }
}

/// A YAML scalar for `text` that reads back as exactly `text`: plain when
/// that is safe, a literal block for several lines, else quoted.
pub(crate) fn scalar(text: &str, indent: usize) -> String {
    if text.contains('\n') {
        let block_ok = !text.starts_with([' ', '\t', '\n'])
            && !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
            && !text.lines().any(|l| l.ends_with([' ', '\t']))
            && !text.trim_end_matches('\n').contains("\n\n\n\n\n")
            && text.trim_end_matches('\n').len() + 1 >= text.len();
        if block_ok {
            let pad = " ".repeat(indent);
            let (indicator, body) = match text.strip_suffix('\n') {
                Some(body) => ("|", body),
                None => ("|-", text),
            };
            let mut out = indicator.to_string();
            for line in body.split('\n') {
                out.push('\n');
                if !line.is_empty() {
                    out.push_str(&pad);
                    out.push_str(line);
                }
            }
            return out;
        }
        return quoted(text);
    }
    if plain_ok(text) {
        text.to_string()
    } else {
        quoted(text)
    }
}

fn plain_ok(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let reserved = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
    ];
    first.is_alphabetic()
        && !text.ends_with([' ', ':'])
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.chars().any(char::is_control)
        && !reserved.contains(&text.to_lowercase().as_str())
}

/// A double-quoted YAML scalar (JSON's escapes are YAML's).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("\"{}\"", text.escape_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back() {
        for text in [
            "plain words",
            "a: colon",
            "- dash",
            "yes",
            "",
            "two\nlines",
            "two\nlines\n",
            "  leading\nspace",
            "tab\tinside",
            "# hash",
            "**Name**: text",
            "日本語の文",
            "para\n\npara",
        ] {
            let yaml = format!("source: x\ntext: {}\n", scalar(text, 2));
            let file = SourceFile::new("rungs.yaml", yaml.into_bytes());
            let mut diags = Vec::new();
            let doc = format!("title:\n  source: s\n  text: {}\n", scalar(text, 4));
            let file2 = SourceFile::new("rungs.yaml", doc.into_bytes());
            let entries = parse(&file2, "rungs.yaml", Kind::Framework, &mut diags);
            assert!(diags.is_empty(), "{text:?}: {diags:?}");
            assert_eq!(entries[0].text, text, "{}", file.text());
        }
    }
}
