//! Printing diagnostics: rustc-style snippets for people, JSON for tools.

use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use rungs_core::text::visible;
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
        Some((span, file))
            if file.text.is_ok() && {
                let (_, lines) = file.lines_of(span.start, span.end);
                lines.len() > LONG_LINES
            } =>
        {
            // The renderer reads the whole of the lines it shows, once per
            // diagnostic: 20,000 links on one 430 KB line took 94 s. Show
            // where, and a short excerpt instead.
            path = format!(
                "{}:{}:{}",
                visible(&display_path(root, &span.file)),
                span.line,
                span.column
            );
            let text = file.text();
            let (_, lines) = file.lines_of(span.start, span.end);
            let from = floor_boundary(text, span.start.saturating_sub(40).max(lines.start));
            let to = floor_boundary(text, span.end.min(span.start + 80).min(lines.end)).max(from);
            let excerpt = visible(&text[from..to].replace(['\n', '\r', '\t'], " ")).into_owned();
            title
                .element(Level::NOTE.message(format!("in {path}")))
                .element(Level::NOTE.message(format!("…{excerpt}…")))
        }
        Some((span, file)) if file.text.is_ok() => {
            path = visible(&display_path(root, &span.file)).into_owned();
            // Only the lines the span touches: handing the whole file to the
            // renderer made it scan the file once per diagnostic (20,000
            // broken links in one page took 9.5 s; a 50 MB page never ended).
            let (first_line, lines) = file.lines_of(span.start, span.end);
            let shown = &file.text()[lines.clone()];
            // Control characters are shown as escapes, which are longer than
            // the characters they stand for: shift the span by what was
            // added before each end.
            source = visible(shown);
            let shift = |offset: usize| {
                offset
                    + rungs_core::text::hidden_controls(shown)
                        .take_while(|&(i, _)| i < offset)
                        .map(|(_, c)| escape_len(c) - c.len_utf8())
                        .sum::<usize>()
            };
            let start = span.start.clamp(lines.start, lines.end) - lines.start;
            let end = span.end.clamp(span.start, lines.end).max(lines.start) - lines.start;
            let (start, end) = (shift(start), shift(end.max(start)));
            let mut annotation = AnnotationKind::Primary.span(start..end);
            label = d.label.as_deref().map(visible);
            if let Some(label) = &label {
                annotation = annotation.label(label.as_ref());
            }
            title.element(
                Snippet::source(source.as_ref())
                    .line_start(first_line)
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

/// Longest stretch of source lines shown as a snippet (bytes).
const LONG_LINES: usize = 4096;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The length of the escape [`visible`] writes for `c`.
fn escape_len(c: char) -> usize {
    format!("\\u{{{:x}}}", c as u32).len()
}

/// A writer for text built from framework content: control characters are
/// shown as `\u{1b}` (see [`rungs_core::text::visible`]), never sent to
/// the terminal. Formatting writes whole `str` pieces, so no character is
/// split between two writes.
pub struct Visible<W>(pub W);

impl<W: std::io::Write> std::io::Write for Visible<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match std::str::from_utf8(buf) {
            Ok(text) => self.0.write_all(visible(text).as_bytes())?,
            Err(_) => self.0.write_all(buf)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// `println!` for text built from framework content: control characters
/// are shown as `\u{1b}` (see [`rungs_core::text::visible`]), never sent
/// to the terminal. Returns the write's `io::Result`: pass it on with `?`
/// (`main` ends quietly when the reader went away, and fails otherwise).
macro_rules! outln {
    () => {{
        use std::io::Write as _;
        writeln!($crate::output::stdout())
    }};
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!($crate::output::stdout(), "{}", rungs_core::text::visible(&format!($($arg)*)))
    }};
}
pub(crate) use outln;

/// The renderer for standard error: coloured on a terminal unless NO_COLOR is set.
pub fn renderer() -> Renderer {
    if crate::output::coloured() {
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
