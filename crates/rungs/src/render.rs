//! Printing diagnostics: rustc-style snippets for people, JSON for tools.

use std::io::IsTerminal;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use rungs_core::{Diagnostic, Severity, SourceSet};

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
    let title = level.primary_title(d.message.as_str()).id(d.code.as_str());
    let path;
    let mut group: Group<'_> = match d
        .span
        .as_ref()
        .and_then(|s| sources.get(&s.file).map(|f| (s, f)))
    {
        Some((span, file)) if file.text.is_ok() => {
            path = display_path(root, &span.file);
            let mut annotation = AnnotationKind::Primary.span(span.start..span.end.max(span.start));
            if let Some(label) = &d.label {
                annotation = annotation.label(label.as_str());
            }
            title.element(
                Snippet::source(file.text())
                    .path(path.as_str())
                    .annotation(annotation),
            )
        }
        Some((span, _)) => {
            path = format!(
                "{}:{}:{}",
                display_path(root, &span.file),
                span.line,
                span.column
            );
            title.element(Level::NOTE.message(format!("in {path}")))
        }
        None => Group::with_title(title),
    };
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    renderer.render(&[group])
}

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
    let mut value = serde_json::to_value(d).unwrap_or_default();
    // Paths as the user named them, and where the span ends (for editors).
    if let Some(s) = &d.span {
        value["file"] = display_path(root, &s.file).into();
        let end = sources.get(&s.file).map(|f| f.span(s.end, s.end));
        value["end_line"] = end.as_ref().map(|e| e.line).into();
        value["end_column"] = end.as_ref().map(|e| e.column).into();
    } else {
        value["end_line"] = serde_json::Value::Null;
        value["end_column"] = serde_json::Value::Null;
    }
    value
}
