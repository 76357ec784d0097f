//! A reader for translation files in the layout rungs writes them in
//! ([`super::file::render`]), much cheaper than a YAML parser: a language
//! of a large ladder is thousands of files and tens of thousands of texts,
//! and parsing them was most of the time `rungs check` and `rungs build`
//! spent on translations.
//!
//! It reads only what it is sure of: keys and scalars one to a line at the
//! indentation rungs writes, plain scalars that cannot mean anything but
//! their text, and double-quoted ones in the JSON form rungs writes. On
//! anything else (a literal block, a comment after a value, a key a file of
//! its kind may not have, a repeated key) it gives up, and the file is read
//! by the YAML parser, which also reports every mistake. Both give the same
//! entries for the files it reads (see the tests).

use std::sync::Arc;

use super::file::{Entry, Kind, fields};
use crate::source::SourceFile;

/// One text read from a line: its value and where it starts (byte offset).
struct Scalar {
    value: String,
    at: usize,
}

/// A `{ source, text }` unit.
struct Unit {
    source: Scalar,
    text: String,
}

struct Statement {
    id: String,
    area: Option<String>,
    unit: Unit,
    examples: Vec<Unit>,
}

/// The lines of a file with their byte offsets, blank lines and comment
/// lines (`#` in the first column) left out.
struct Lines<'a> {
    lines: Vec<(usize, &'a str)>,
    next: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let mut lines = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let body = line.strip_suffix('\n').unwrap_or(line);
            if !body.trim().is_empty() && !body.starts_with('#') {
                lines.push((at, body));
            }
            at += line.len();
        }
        Lines { lines, next: 0 }
    }

    /// The next line if it is indented by exactly `indent` spaces: its
    /// offset and what follows the indentation.
    fn peek(&self, indent: usize) -> Option<(usize, &'a str)> {
        let &(at, line) = self.lines.get(self.next)?;
        let rest = line.get(indent..)?;
        (line.as_bytes()[..indent].iter().all(|&b| b == b' ') && !rest.starts_with([' ', '\t']))
            .then_some((at + indent, rest))
    }

    /// `key: value` at `indent`, the value read as a scalar.
    fn field(&mut self, indent: usize, key: &str) -> Option<Scalar> {
        let (at, rest) = self.peek(indent)?;
        let value = rest.strip_prefix(key)?.strip_prefix(": ")?;
        let scalar = scalar(value)?;
        self.next += 1;
        Some(Scalar {
            value: scalar,
            at: at + key.len() + 2,
        })
    }

    /// `key:` alone at `indent`, a key chosen by the writer (a field name
    /// or an id): its text.
    fn key(&mut self, indent: usize) -> Option<String> {
        let (_, rest) = self.peek(indent)?;
        let key = scalar(rest.strip_suffix(':')?)?;
        self.next += 1;
        Some(key)
    }

    /// `source:` and `text:` at `indent`.
    fn unit(&mut self, indent: usize) -> Option<Unit> {
        let source = self.field(indent, "source")?;
        let text = self.field(indent, "text")?.value;
        Some(Unit { source, text })
    }

    fn done(&self) -> bool {
        self.next == self.lines.len()
    }
}

/// The text of a scalar written by [`super::file::scalar`] on one line, or
/// `None` when it is anything the YAML parser could read differently.
fn scalar(value: &str) -> Option<String> {
    if let Some(inner) = value.strip_prefix('"') {
        // JSON's escapes are YAML's, except `\u` pairs, which are left to
        // the YAML parser.
        if !inner.ends_with('"') || inner.contains("\\u") {
            return None;
        }
        return serde_json::from_str(value).ok();
    }
    let first = value.chars().next()?;
    let reserved = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~", "nan", "inf",
    ];
    let plain = first.is_alphabetic()
        && !value.ends_with([' ', ':'])
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.chars().any(char::is_control)
        // The words are short: only a short value can be one of them.
        && (value.len() > 5 || !reserved.iter().any(|r| value.eq_ignore_ascii_case(r)));
    plain.then(|| value.to_string())
}

/// The entries of `file` (`rel` relative to `translations/<lang>/`) in the
/// order [`super::file::parse`] gives them, or `None` when the file is not
/// in the layout rungs writes.
pub(super) fn parse(file: &SourceFile, rel: &str, kind: Kind) -> Option<Vec<Entry>> {
    let text = file.text();
    let mut lines = Lines::new(text);
    let allowed = fields(kind);
    let mut plain: Vec<(&'static str, Unit)> = Vec::new();
    let mut areas: Vec<(String, Option<Unit>, Option<Unit>)> = Vec::new();
    let mut statements: Vec<Statement> = Vec::new();
    let mut seen_areas = false;
    let mut seen_statements = false;
    while !lines.done() {
        let key = lines.key(0)?;
        match key.as_str() {
            "areas" if kind == Kind::Framework && !seen_areas => {
                seen_areas = true;
                while let Some(id) = lines.key(2) {
                    if areas.iter().any(|(a, _, _)| *a == id) {
                        return None;
                    }
                    let mut title = None;
                    let mut description = None;
                    while let Some(field) = lines.key(4) {
                        let slot = match field.as_str() {
                            "title" if title.is_none() => &mut title,
                            "description" if description.is_none() => &mut description,
                            _ => return None,
                        };
                        *slot = Some(lines.unit(6)?);
                    }
                    areas.push((id, title, description));
                }
            }
            "statements" if kind == Kind::Level && !seen_statements => {
                seen_statements = true;
                let mut ids = std::collections::HashSet::new();
                while let Some(id) = lines.key(2) {
                    if !ids.insert(id.clone()) {
                        return None;
                    }
                    let area = lines.field(4, "area").map(|a| a.value);
                    let unit = lines.unit(4)?;
                    let mut examples = Vec::new();
                    if lines.peek(4).is_some_and(|(_, rest)| rest == "examples:") {
                        lines.next += 1;
                        while let Some((at, rest)) = lines.peek(6) {
                            if !rest.starts_with("- ") {
                                break;
                            }
                            // `- source: S` then `  text: T`: the dash
                            // stands in the indentation of `source`.
                            let source = scalar(rest.strip_prefix("- source: ")?)?;
                            lines.next += 1;
                            let text = lines.field(8, "text")?.value;
                            examples.push(Unit {
                                source: Scalar {
                                    value: source,
                                    at: at + "- source: ".len(),
                                },
                                text,
                            });
                        }
                    } else if lines.peek(4).is_some() {
                        return None;
                    }
                    statements.push(Statement {
                        id,
                        area,
                        unit,
                        examples,
                    });
                }
            }
            name => {
                let name = *allowed.iter().find(|f| **f == name)?;
                if plain.iter().any(|(f, _)| *f == name) {
                    return None;
                }
                plain.push((name, lines.unit(2)?));
            }
        }
    }

    let rel: Arc<str> = Arc::from(rel);
    let mut out = Vec::new();
    let mut push = |key: String, area: Option<String>, unit: Unit| {
        out.push(Entry {
            file: rel.clone(),
            key,
            area,
            span: span_from(file, unit.source.at),
            source: unit.source.value,
            text: unit.text,
        });
    };
    // The order of `file::parse`: plain keys in their fixed order, then
    // areas and statements as written.
    for name in [
        "title",
        "short_title",
        "description",
        "summary",
        "introduction",
        "body",
    ] {
        if let Some(at) = plain.iter().position(|(f, _)| *f == name) {
            let (_, unit) = plain.swap_remove(at);
            push(name.to_string(), None, unit);
        }
    }
    for (id, title, description) in areas {
        for (field, unit) in [("title", title), ("description", description)] {
            if let Some(unit) = unit {
                push(format!("areas.{id}.{field}"), None, unit);
            }
        }
    }
    for s in statements {
        push(format!("statements.{}", s.id), s.area, s.unit);
        for (n, e) in s.examples.into_iter().enumerate() {
            push(format!("statements.{}.examples.{n}", s.id), None, e);
        }
    }
    Some(out)
}

/// From byte `at` to the end of its line, as the YAML path places a
/// `source` ([`crate::load::track::location_span`]).
fn span_from(file: &SourceFile, at: usize) -> crate::model::Span {
    let text = file.text();
    let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    let end = if text[..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    file.span(at, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both readers, on one file: the fast one must give the YAML
    /// parser's entries, or give up.
    fn both(rel: &str, kind: Kind, yaml: &str) -> Option<Vec<Entry>> {
        let file = SourceFile::new(rel, yaml.as_bytes().to_vec());
        let mut diags = Vec::new();
        let slow = super::super::file::parse_yaml_path(&file, rel, kind, &mut diags);
        let fast = parse(&file, rel, kind);
        if let Some(fast) = &fast {
            assert!(diags.is_empty(), "{yaml}: {diags:?}");
            assert_eq!(fast, &slow, "{yaml}");
        }
        fast
    }

    #[test]
    fn written_files_read_the_same() {
        let level = "# de translation of tracks/a/b.md: keep `source`\n\
            # as the text.\n\
            title:\n  source: Senior Engineer\n  text: Senior-Ingenieurin\n\
            summary:\n  source: \"Leads: work\"\n  text: \"\"\n\
            statements:\n\
            \x20 craft-owns-features:\n    area: craft\n    source: You own features.\n    text: Du verantwortest Features.\n\
            \x20 \"3-starts-with-digit\":\n    source: 日本語の文\n    text: \"tab\\there \\\"q\\\"\"\n\
            \x20   examples:\n      - source: an example\n        text: ein Beispiel\n      - source: \"#two\"\n        text: zwei\n\
            \x20 last:\n    source: Last one\n    text: Letzte\n";
        let entries = both("tracks/a/b.yaml", Kind::Level, level).expect("read fast");
        assert_eq!(entries.len(), 7);
        assert_eq!(entries[4].key, "statements.3-starts-with-digit.examples.0");
        assert_eq!(entries[3].text, "tab\there \"q\"");
        let framework = "title:\n  source: Ladder\n  text: Leiter\n\
            areas:\n  craft:\n    title:\n      source: Craft\n      text: Handwerk\n\
            \x20   description:\n      source: How you build\n      text: Wie du baust\n\
            description:\n  source: About\n  text: Über\n";
        let entries = both("rungs.yaml", Kind::Framework, framework).expect("read fast");
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "title",
                "description",
                "areas.craft.title",
                "areas.craft.description"
            ]
        );
    }

    #[test]
    fn anything_else_is_left_to_the_yaml_parser() {
        for (kind, yaml) in [
            // A literal block.
            (
                Kind::Level,
                "introduction:\n  source: |\n    two\n    lines\n  text: x\n",
            ),
            // A comment after a value, a plain scalar over two lines.
            (Kind::Level, "title:\n  source: a # note\n  text: b\n"),
            (Kind::Level, "title:\n  source: a\n    more\n  text: b\n"),
            // A key this kind has not, a repeated key, an unknown key.
            (
                Kind::Track,
                "statements:\n  a:\n    source: x\n    text: y\n",
            ),
            (
                Kind::Level,
                "title:\n  source: a\n  text: b\ntitle:\n  source: a\n  text: b\n",
            ),
            (Kind::Level, "colour:\n  source: a\n  text: b\n"),
            // Values YAML reads as something else, keys in another order.
            (Kind::Level, "title:\n  source: yes\n  text: b\n"),
            (Kind::Level, "title:\n  source: 12\n  text: b\n"),
            (Kind::Level, "title:\n  text: b\n  source: a\n"),
            (
                Kind::Level,
                "title:\n  source: \"\\ud83d\\ude00\"\n  text: b\n",
            ),
            (Kind::Level, "title: {source: a, text: b}\n"),
            (Kind::Level, "title:\n\tsource: a\n\ttext: b\n"),
        ] {
            assert!(both("tracks/a/b.yaml", kind, yaml).is_none(), "{yaml}");
        }
    }
}
