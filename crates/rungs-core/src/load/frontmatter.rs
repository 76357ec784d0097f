//! Splitting a Markdown file into front matter and body, and parsing the
//! front matter (YAML between `---` lines or TOML between `+++` lines, as in Hugo).

use serde::de::DeserializeOwned;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;
use crate::source::SourceFile;

/// Which language the front matter is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    /// `---` fences.
    Yaml,
    /// `+++` fences.
    Toml,
}

/// A Markdown file cut in two.
#[derive(Clone, Copy, Debug)]
pub struct Split<'a> {
    /// The front matter language, `None` when the file has none.
    pub language: Option<Language>,
    /// The front matter text (without fences).
    pub matter: &'a str,
    /// Byte offset of `matter` in the file.
    pub matter_start: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// Byte offset of `body` in the file.
    pub body_start: usize,
}

/// Cuts `file` into front matter and body.
pub fn split(file: &SourceFile) -> Result<Split<'_>, Diagnostic> {
    let text = file.text();
    let (language, fence) = if is_fence(first_line(text), "---") {
        (Language::Yaml, "---")
    } else if is_fence(first_line(text), "+++") {
        (Language::Toml, "+++")
    } else {
        return Ok(Split {
            language: None,
            matter: "",
            matter_start: 0,
            body: text,
            body_start: 0,
        });
    };
    let matter_start = first_line(text).len() + 1;
    let mut pos = matter_start.min(text.len());
    while pos < text.len() {
        let line = first_line(&text[pos..]);
        if is_fence(line, fence) || (language == Language::Yaml && is_fence(line, "...")) {
            let body_start = (pos + line.len() + 1).min(text.len());
            return Ok(Split {
                language: Some(language),
                matter: &text[matter_start..pos],
                matter_start,
                body: &text[body_start..],
                body_start,
            });
        }
        pos += line.len() + 1;
    }
    Err(
        Diagnostic::error(Code::FrontMatter, "front matter is never closed")
            .at(&file.line_span(1))
            .label(format!("this `{fence}` opens front matter"))
            .help(format!(
                "end the front matter with a line holding only `{fence}`"
            )),
    )
}

fn first_line(text: &str) -> &str {
    text.split('\n').next().unwrap_or("")
}

fn is_fence(line: &str, fence: &str) -> bool {
    line.trim_end() == fence
}

/// Parses the front matter of `split` into `T`.
///
/// An empty front matter parses as `T::default()`.
pub fn parse<T: DeserializeOwned + Default>(
    file: &SourceFile,
    split: &Split<'_>,
) -> Result<T, Diagnostic> {
    if split.matter.trim().is_empty() {
        return Ok(T::default());
    }
    match split.language {
        None => Ok(T::default()),
        Some(Language::Yaml) => parse_yaml(file, split.matter, split.matter_start),
        Some(Language::Toml) => toml::from_str(split.matter).map_err(|e| {
            let span = match e.span() {
                Some(r) => file.span(
                    split.matter_start + r.start,
                    split.matter_start + r.end.max(r.start + 1),
                ),
                None => file.span(split.matter_start, split.matter_start),
            };
            Diagnostic::error(Code::FrontMatter, format!("front matter: {}", e.message()))
                .at(&span)
                .help("front matter between `+++` lines is TOML; see docs/format.md for the keys")
        }),
    }
}

/// Parses YAML text that starts at byte `offset` of `file`.
pub fn parse_yaml<T: DeserializeOwned>(
    file: &SourceFile,
    yaml: &str,
    offset: usize,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options(yaml, yaml_options(yaml.len())).map_err(|e| {
        let plain = e.without_snippet();
        let span = match plain.location() {
            Some(loc) => {
                let base = file.span(offset, offset);
                let line = base.line as usize + loc.line() as usize - 1;
                let line_span = file.line_span(line);
                let col = (loc.column() as usize).saturating_sub(1);
                let line_text = &file.text()[line_span.start..line_span.end];
                let byte_col: usize = line_text.chars().take(col).map(char::len_utf8).sum();
                let start = line_span.start + byte_col;
                file.span(start, (start + 1).min(line_span.end.max(start)))
            }
            None => file.span(offset, offset),
        };
        if let serde_saphyr::Error::Budget { breach, .. } = plain {
            return Diagnostic::error(Code::FrontMatter, format!("YAML: {}", budget_in_words(breach)))
                .at(&span)
                .help("split the file, or remove the anchors and aliases (`&name`, `*name`) that repeat content");
        }
        Diagnostic::error(Code::FrontMatter, format!("YAML: {}", first_sentence(&plain.to_string())))
            .at(&span)
            .help("check the indentation and quoting; quote values that contain `: ` or start with a special character")
    })
}

/// The YAML parser's limits. They protect against documents that expand
/// far beyond their size (aliases of aliases), not against large files: the
/// node and event counts grow with the text, so a big legitimate matrix (60
/// levels by 40 areas, a dozen statements a cell) is never refused, while
/// alias and anchor limits stay at the library's defaults.
fn yaml_options(len: usize) -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    // Every node and event needs at least a byte or two of text of its own
    // unless it comes from an alias, so these bounds only bite on aliases.
    budget.max_nodes = budget.max_nodes.max(len.saturating_add(1024));
    budget.max_events = budget
        .max_events
        .max(len.saturating_mul(2).saturating_add(1024));
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options
}

/// A YAML limit, in words a framework author can act on.
fn budget_in_words(breach: &serde_saphyr::budget::BudgetBreach) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Aliases { aliases } => {
            format!("the document uses aliases (`*name`) {aliases} times, more than rungs accepts")
        }
        B::Anchors { anchors } => {
            format!("the document defines {anchors} anchors (`&name`), more than rungs accepts")
        }
        B::AliasAnchorRatio { aliases, anchors } => format!(
            "the document repeats {anchors} anchor(s) through {aliases} aliases, which looks like an alias bomb"
        ),
        B::Depth { depth } => {
            format!("the document nests {depth} levels deep; rungs accepts up to 64")
        }
        B::Nodes { nodes } => format!(
            "the document expands to more than {} values, far more than its text holds (aliases repeating content?)",
            nodes.saturating_sub(1)
        ),
        B::Events { events } => format!(
            "the document expands to more than {} parser events, far more than its text holds (aliases repeating content?)",
            events.saturating_sub(1)
        ),
        B::ScalarBytes { total_scalar_bytes } => format!(
            "the document's text values add up to {total_scalar_bytes} bytes, more than rungs accepts"
        ),
        B::Documents { documents } => format!(
            "the file holds {documents} YAML documents (separated by `---`); rungs reads one"
        ),
        other => {
            format!("the document is larger or more repetitive than rungs accepts ({other:?})")
        }
    }
}

/// The YAML library appends its own location; we show ours instead.
fn first_sentence(message: &str) -> String {
    let line = message.lines().next().unwrap_or(message);
    match line.find(" at line ") {
        Some(i) => line[..i].to_string(),
        None => line.to_string(),
    }
}

/// Finds where a key (or nested key path) is written in front matter or a
/// YAML/TOML document, so diagnostics about values can point at their line.
///
/// This is a line scan, not a parser: it recognises `key:` / `key =` at the
/// indentation below its parent, which covers the block style people write.
/// When a key cannot be found it falls back to its parent, then to the start.
pub fn locate(file: &SourceFile, matter: &str, matter_start: usize, path: &[&str]) -> Span {
    let mut best = file.span(matter_start, matter_start);
    let mut from = 0usize;
    let mut parent_indent: Option<usize> = None;
    'keys: for key in path {
        let table = format!("[{key}]");
        let mut pos = from;
        for line in matter[from..].split_inclusive('\n') {
            let indent = line.len() - line.trim_start().len();
            let trimmed = line.trim_start().trim_start_matches("- ");
            if let Some(p) = parent_indent
                && indent <= p
                && !line.trim().is_empty()
                && pos != from
            {
                break;
            }
            let bare = trimmed.trim_start_matches(['"', '\'']);
            if let Some(rest) = bare.strip_prefix(key) {
                let rest = rest.trim_start_matches(['"', '\'']).trim_start();
                if rest.starts_with(':') || rest.starts_with('=') {
                    let start = matter_start + pos + (line.len() - trimmed.len());
                    let end = matter_start + pos + line.trim_end().len();
                    best = file.span(start, end);
                    from = pos + line.len();
                    parent_indent = Some(indent);
                    continue 'keys;
                }
            }
            // TOML tables: `[time_split]`.
            if trimmed.trim_end() == table {
                let start = matter_start + pos;
                best = file.span(start, start + line.trim_end().len());
                from = pos + line.len();
                parent_indent = None;
                continue 'keys;
            }
            pos += line.len();
        }
        break;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_toml() {
        let f = SourceFile::new("a.md", b"---\ntitle: A\n---\nbody\n".to_vec());
        let s = split(&f)
            .map_err(|d| d.message)
            .unwrap_or_else(|m| panic!("{m}"));
        assert_eq!(s.language, Some(Language::Yaml));
        assert_eq!(s.matter, "title: A\n");
        assert_eq!(s.body, "body\n");
        let f = SourceFile::new("a.md", b"+++\ntitle = 'A'\n+++\nbody".to_vec());
        let s = split(&f)
            .map_err(|d| d.message)
            .unwrap_or_else(|m| panic!("{m}"));
        assert_eq!(s.language, Some(Language::Toml));
        assert_eq!(s.body, "body");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let f = SourceFile::new("a.md", b"---\ntitle: A\nbody".to_vec());
        assert!(split(&f).is_err());
    }

    #[test]
    fn locates_nested_keys() {
        let text = "---\ntitle: A\ntime_split:\n  craft: 50%\n  delivery: 20%\n---\n";
        let f = SourceFile::new("a.md", text.as_bytes().to_vec());
        let s = split(&f)
            .map_err(|d| d.message)
            .unwrap_or_else(|m| panic!("{m}"));
        let span = locate(&f, s.matter, s.matter_start, &["time_split", "delivery"]);
        assert_eq!((span.line, span.column), (5, 3));
    }
}
