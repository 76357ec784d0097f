//! Printing diagnostics: rustc-style snippets for people, JSON for tools.

use std::io::IsTerminal;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use rungs_core::text::visible;
use rungs_core::{Diagnostic, Severity, SourceSet};
use serde_json::json;

use crate::input::display_path;

/// Renders one diagnostic with its source line, caret and help.
pub fn text(
    d: &Diagnostic,
    sources: &SourceSet,
    root: Option<&Path>,
    renderer: &Renderer,
) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    // Everything printed goes through `visible`, so a control character in
    // a file, a file name or a message is shown, never sent to the terminal.
    let message = visible(&d.message);
    let title = level.primary_title(message.as_ref()).id(d.code.as_str());
    let path;
    let source;
    let label;
    let mut group: Group<'_> = match d
        .span
        .as_ref()
        .and_then(|s| sources.get(&s.file).map(|f| (s, f)))
    {
        Some((span, file)) if file.text.is_ok() => {
            path = visible(&display_path(root, &span.file)).into_owned();
            source = visible(file.text());
            // The escapes are longer than the characters they stand for:
            // shift the span by what was added before each end.
            let shift = |offset: usize| {
                offset
                    + rungs_core::text::hidden_controls(file.text())
                        .take_while(|&(i, _)| i < offset)
                        .map(|(_, c)| escape_len(c) - c.len_utf8())
                        .sum::<usize>()
            };
            let start = shift(span.start);
            let end = shift(span.end.max(span.start));
            let mut annotation = AnnotationKind::Primary.span(start..end);
            label = d.label.as_deref().map(visible);
            if let Some(label) = &label {
                annotation = annotation.label(label.as_ref());
            }
            title.element(
                Snippet::source(source.as_ref())
                    .path(path.as_str())
                    .annotation(annotation),
            )
        }
        Some((span, _)) => {
            path = format!(
                "{}:{}:{}",
                visible(&display_path(root, &span.file)),
                span.line,
                span.column
            );
            title.element(Level::NOTE.message(format!("in {path}")))
        }
        None => Group::with_title(title),
    };
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(visible(help)));
    }
    renderer.render(&[group])
}

/// The length of the escape [`visible`] writes for `c`.
fn escape_len(c: char) -> usize {
    format!("\\u{{{:x}}}", c as u32).len()
}

/// `println!` for text built from framework content: control characters
/// are shown as `\u{1b}` (see [`rungs_core::text::visible`]), never sent
/// to the terminal.
macro_rules! outln {
    () => { println!() };
    ($($arg:tt)*) => {
        println!("{}", rungs_core::text::visible(&format!($($arg)*)))
    };
}
pub(crate) use outln;

/// The renderer for standard error: coloured on a terminal unless NO_COLOR is set.
pub fn renderer() -> Renderer {
    if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

/// Prints every diagnostic to standard error.
pub fn print_all(diags: &[Diagnostic], sources: &SourceSet, root: Option<&Path>) {
    let renderer = renderer();
    for d in diags {
        eprintln!("{}\n", text(d, sources, root, &renderer));
    }
}

/// One diagnostic as JSON (1-based lines and columns; columns count characters).
pub fn json(d: &Diagnostic, sources: &SourceSet, root: Option<&Path>) -> serde_json::Value {
    let (file, line, column, end_line, end_column) = match &d.span {
        Some(s) => {
            let end = sources.get(&s.file).map(|f| f.span(s.end, s.end));
            (
                Some(display_path(root, &s.file)),
                Some(s.line),
                Some(s.column),
                end.as_ref().map(|e| e.line),
                end.as_ref().map(|e| e.column),
            )
        }
        None => (None, None, None, None, None),
    };
    json!({
        "severity": d.severity,
        "code": d.code,
        "message": d.message,
        "file": file,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "label": d.label,
        "help": d.help,
    })
}
