//! Reading a level page's Markdown body: area headings, bullets as
//! statements, nested bullets as sub-statements or examples, links.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::areas::AreaIndex;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Span, Statement, StatementLink};
use crate::source::SourceFile;
use crate::text::{collapse_whitespace, is_valid_id, normalise};

/// The Markdown extensions rungs enables everywhere.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// A link found in Markdown, for the broken-link check.
#[derive(Clone, Debug)]
pub struct Link {
    /// The destination as written.
    pub dest: String,
    /// Where the link is.
    pub span: Span,
}

/// What a level body holds.
#[derive(Debug, Default)]
pub struct LevelBody {
    /// Markdown before the first heading.
    pub introduction: Option<String>,
    /// Statements in written order (ids not assigned yet).
    pub statements: Vec<Statement>,
    /// Every link of the body.
    pub links: Vec<Link>,
    /// File byte range of an "Indicators" section, when `allow_indicators` is set.
    pub indicators: Option<(usize, usize)>,
}

/// How to treat headings that are not areas.
#[derive(Clone, Copy, Debug, Default)]
pub struct BodyOptions {
    /// Treat a heading containing "indicators" as the start of an indicator
    /// section (used by importers) instead of an unknown area.
    pub allow_indicators: bool,
}

#[derive(Debug)]
enum Section {
    Intro,
    Area(String),
    Unknown,
    Indicators(HeadingLevel),
}

#[derive(Debug, Default)]
struct Item {
    start: usize,
    text: Option<(usize, usize)>,
    text_closed: bool,
    children: Vec<Statement>,
    examples: Vec<String>,
    links: Vec<StatementLink>,
}

/// Collects every link destination of a Markdown text that starts at byte `offset` of `file`.
pub fn links(file: &SourceFile, text: &str, offset: usize) -> Vec<Link> {
    Parser::new_ext(text, markdown_options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => Some(Link {
                dest: dest_url.to_string(),
                span: file.span(offset + range.start, offset + range.end),
            }),
            _ => None,
        })
        .collect()
}

/// Parses the body of a level page.
pub fn parse_level_body(
    file: &SourceFile,
    body: &str,
    offset: usize,
    areas: &AreaIndex,
    options: BodyOptions,
    diags: &mut Vec<Diagnostic>,
) -> LevelBody {
    let mut out = LevelBody::default();
    let mut section = Section::Intro;
    let mut heading: Option<(HeadingLevel, usize, String)> = None;
    // The areas of the headings around the current one, outermost first.
    let mut enclosing: Vec<(HeadingLevel, String)> = Vec::new();
    let mut stack: Vec<Item> = Vec::new();
    let mut intro: Option<(usize, usize)> = None;
    let mut in_comment = false;
    let mut last_warned_line = 0u32;
    let mut indicators_start: Option<usize> = None;
    let mut top_depth = 0usize; // open block containers outside lists (block quotes, tables)

    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        // Links, wherever they are.
        if let Event::Start(Tag::Link { dest_url, .. })
        | Event::Start(Tag::Image { dest_url, .. }) = &event
        {
            out.links.push(Link {
                dest: dest_url.to_string(),
                span: file.span(offset + range.start, offset + range.end),
            });
        }
        if let Some((_, _, text)) = heading.as_mut() {
            match &event {
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::End(TagEnd::Heading(_)) => {}
                _ => continue,
            }
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                if let (Section::Indicators(l), Some(start)) = (&section, indicators_start)
                    && level <= *l
                {
                    out.indicators = Some((offset + start, offset + range.start));
                    indicators_start = None;
                }
                heading = Some((level, range.start, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, start, text)) = heading.take() else {
                    continue;
                };
                let span = file.span(offset + start, offset + range.end);
                if options.allow_indicators && normalise(&text).contains("indicators") {
                    section = Section::Indicators(level);
                    indicators_start = Some(range.end);
                    continue;
                }
                if let Section::Indicators(l) = section
                    && level > l
                {
                    continue;
                }
                // The areas of the enclosing headings decide between areas
                // that share a name.
                enclosing.retain(|(l, _)| *l < level);
                let context: Vec<String> = enclosing.iter().map(|(_, a)| a.clone()).collect();
                section = match areas.resolve_under(&text, &context) {
                    Ok(id) => {
                        enclosing.push((level, id.to_string()));
                        Section::Area(id.to_string())
                    }
                    Err(candidates) if candidates.is_empty() => {
                        diags.push(unknown_area(&text, &span, areas));
                        Section::Unknown
                    }
                    Err(candidates) => {
                        diags.push(ambiguous_heading(&text, &span, areas, &candidates));
                        Section::Unknown
                    }
                };
            }
            Event::Start(Tag::List(_)) => {
                if let Some(top) = stack.last_mut() {
                    top.text_closed = true;
                }
            }
            Event::Start(Tag::Item) => stack.push(Item {
                start: range.start,
                ..Item::default()
            }),
            Event::End(TagEnd::Item) => {
                let Some(item) = stack.pop() else { continue };
                let area = match &section {
                    Section::Area(a) => a.clone(),
                    Section::Indicators(_) | Section::Unknown => continue,
                    Section::Intro => {
                        if stack.is_empty() && top_depth == 0 {
                            diags.push(
                                Diagnostic::error(Code::NotAStatement, "this bullet comes before any area heading")
                                    .at(&file.span(offset + item.start, offset + item.start + 1))
                                    .help("add an area heading (e.g. `## Craft`) above it, so the statement has an area"),
                            );
                        }
                        continue;
                    }
                };
                // `stack` holds the open ancestors of this item.
                if stack.len() >= crate::ids::MAX_DEPTH {
                    // Report the outermost item that is too deep; its own
                    // sub-items were dropped silently before it closed.
                    if stack.len() == crate::ids::MAX_DEPTH {
                        diags.push(too_deep(
                            &file.span(offset + item.start, offset + item.start + 1),
                        ));
                    }
                    continue;
                }
                let Some(statement) = build_statement(file, body, offset, item, &area, diags)
                else {
                    continue;
                };
                match stack.last_mut() {
                    Some(parent) => {
                        if let Some(example) = example_text(&statement.text) {
                            parent.examples.push(example);
                        } else if let Some(link) = link_bullet(&statement.text) {
                            parent.links.push(link);
                        } else {
                            parent.children.push(statement);
                        }
                    }
                    None if top_depth == 0 => out.statements.push(statement),
                    None => {}
                }
            }
            Event::Html(ref html) | Event::InlineHtml(ref html) if stack.is_empty() => {
                let was_comment = in_comment || html.trim_start().starts_with("<!--");
                in_comment = was_comment && !html.contains("-->");
                if !was_comment {
                    warn_stray(file, offset, &range, &section, &mut last_warned_line, diags);
                    extend_intro(&section, &mut intro, &range);
                }
            }
            Event::Start(
                Tag::Paragraph | Tag::Table(_) | Tag::CodeBlock(_) | Tag::BlockQuote(_),
            ) if stack.is_empty() => {
                if !matches!(event, Event::Start(Tag::Paragraph)) {
                    top_depth += 1;
                }
                if top_depth <= 1 {
                    warn_stray(file, offset, &range, &section, &mut last_warned_line, diags);
                    extend_intro(&section, &mut intro, &range);
                }
            }
            Event::End(TagEnd::Table | TagEnd::CodeBlock | TagEnd::BlockQuote(_))
                if stack.is_empty() =>
            {
                top_depth = top_depth.saturating_sub(1);
            }
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            _ => {
                if let Some(top) = stack.last_mut()
                    && !top.text_closed
                    && !is_item_boundary(&event)
                {
                    top.text = Some(match top.text {
                        Some((s, e)) => (s.min(range.start), e.max(range.end)),
                        None => (range.start, range.end),
                    });
                }
            }
        }
    }
    if let (Section::Indicators(_), Some(start)) = (&section, indicators_start) {
        out.indicators = Some((offset + start, offset + body.len()));
    }
    out.introduction = intro
        .map(|(s, e)| strip_comments(&body[s..e]).trim().to_string())
        .filter(|t| !t.is_empty());
    out
}

fn is_item_boundary(event: &Event<'_>) -> bool {
    matches!(
        event,
        Event::End(TagEnd::List(_)) | Event::End(TagEnd::Item)
    )
}

fn extend_intro(
    section: &Section,
    intro: &mut Option<(usize, usize)>,
    range: &std::ops::Range<usize>,
) {
    if matches!(section, Section::Intro) {
        *intro = Some(match *intro {
            Some((s, e)) => (s.min(range.start), e.max(range.end)),
            None => (range.start, range.end),
        });
    }
}

fn warn_stray(
    file: &SourceFile,
    offset: usize,
    range: &std::ops::Range<usize>,
    section: &Section,
    last_warned_line: &mut u32,
    diags: &mut Vec<Diagnostic>,
) {
    if !matches!(section, Section::Area(_)) {
        return;
    }
    let span = file.span(offset + range.start, offset + range.end);
    if span.line == *last_warned_line {
        return;
    }
    *last_warned_line = span.line;
    let first_line_end = file.text()[span.start..span.end]
        .find('\n')
        .map_or(span.end, |i| span.start + i);
    diags.push(
        Diagnostic::warning(Code::NotAStatement, "this text under an area heading is not a bullet, so it is not a statement")
            .at(&file.span(span.start, first_line_end))
            .help("write it as a `- ` bullet, or move it above the first heading to make it the level's introduction"),
    );
}

fn ambiguous_heading(
    text: &str,
    span: &Span,
    areas: &AreaIndex,
    candidates: &[&str],
) -> Diagnostic {
    let paths: Vec<String> = candidates
        .iter()
        .map(|id| format!("`{}` ({})", areas.path_title(id), id))
        .collect();
    Diagnostic::error(
        Code::AmbiguousArea,
        format!(
            "`{}` is the name of several areas: {}",
            text.trim(),
            paths.join(", ")
        ),
    )
    .at(span)
    .label("which one?")
    .help("put it under its parent's heading (e.g. `## Parent` then `### Child`), or write the area's id as the heading")
}

fn unknown_area(text: &str, span: &Span, areas: &AreaIndex) -> Diagnostic {
    let d = Diagnostic::error(
        Code::UnknownArea,
        format!("`{}` is not an area of this framework", text.trim()),
    )
    .at(span)
    .label("unknown area");
    match areas.suggest(text) {
        Some(s) => d.help(format!(
            "did you mean `{s}`? Areas and their aliases are declared in rungs.toml"
        )),
        None => d.help(format!(
            "use one of the areas declared in rungs.toml ({}), or add this one there",
            areas
                .names()
                .iter()
                .take(12)
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Removes `<!-- ... -->` comments (without copying text that has none).
pub fn strip_comments(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("<!--") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        match rest[i..].find("-->") {
            Some(j) => rest = &rest[i + j + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The error for a statement nested deeper than [`crate::ids::MAX_DEPTH`].
pub(crate) fn too_deep(span: &Span) -> Diagnostic {
    Diagnostic::error(
        Code::TooDeep,
        format!(
            "statements are nested more than {} levels deep here; the deeper ones are left out",
            crate::ids::MAX_DEPTH
        ),
    )
    .at(span)
    .help("move these sub-points up a level, or make them separate statements")
}

fn build_statement(
    file: &SourceFile,
    body: &str,
    offset: usize,
    item: Item,
    area: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Statement> {
    let (start, end) = item.text.unwrap_or((item.start, item.start));
    let raw = collapse_whitespace(&strip_comments(&body[start..end]));
    let span = file.span(offset + item.start, offset + end.max(item.start + 1));
    let (text, id) = split_id(&raw);
    let (name, text) = split_name(text);
    if let Some(id) = &id
        && !is_valid_id(id)
    {
        diags.push(
            Diagnostic::error(
                Code::InvalidId,
                format!("`{{#{id}}}` is not a valid statement id"),
            )
            .at(&span)
            .help("ids use letters, digits, `-` and `_`, e.g. `{#owns-features}`"),
        );
    }
    if text.is_empty() && item.children.is_empty() {
        diags.push(
            Diagnostic::error(Code::EmptyStatement, "this bullet has no text")
                .at(&span)
                .help("write the expectation after the bullet, or delete the empty bullet"),
        );
        return None;
    }
    Some(Statement {
        explicit_id: id.is_some(),
        id: id.unwrap_or_default(),
        area: area.to_string(),
        name,
        text: text.to_string(),
        examples: item.examples,
        links: item.links,
        children: item.children,
        span,
    })
}

/// Splits a trailing `{#id}` off a statement.
pub fn split_id(text: &str) -> (&str, Option<String>) {
    let trimmed = text.trim_end();
    if let Some(open) = trimmed.rfind("{#")
        && trimmed.ends_with('}')
    {
        let id = &trimmed[open + 2..trimmed.len() - 1];
        return (trimmed[..open].trim_end(), Some(id.trim().to_string()));
    }
    (trimmed, None)
}

/// Splits a leading `**Name**:` (or `**Name:**`) off a statement.
///
/// Inside the name, `\*` and `\\` stand for `*` and `\` (as in Markdown),
/// so a name with asterisks survives an export and a reload: see
/// [`escape_name`].
pub fn split_name(text: &str) -> (Option<String>, &str) {
    let Some(rest) = text.strip_prefix("**") else {
        return (None, text);
    };
    let Some(close) = closing_stars(rest) else {
        return (None, text);
    };
    let inner = &rest[..close];
    let after = &rest[close + 2..];
    let (name, after) = if let Some(name) = inner.strip_suffix(':') {
        (name, after)
    } else if let Some(after) = after.strip_prefix(':') {
        (inner, after)
    } else {
        return (None, text);
    };
    let name = unescape_name(name.trim());
    if name.is_empty() || name.trim().is_empty() {
        return (None, text);
    }
    (Some(name), after.trim())
}

/// The byte offset of the first `**` in `text` not preceded by an odd
/// number of backslashes (an escaped `\*` does not close the name).
fn closing_stars(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'*' if bytes[i + 1] == b'*' => return Some(i),
            b'*' => return None,
            _ => i += 1,
        }
    }
    None
}

fn unescape_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(next @ ('*' | '\\')) => out.push(next),
                Some(next) => {
                    out.push(c);
                    out.push(next);
                }
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A statement name written so that [`split_name`] reads it back as it is:
/// `*` and `\` are escaped with a backslash.
pub fn escape_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    for c in name.chars() {
        if c == '*' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The text of a nested bullet written as an example (`Example: ...`, `e.g. ...`).
pub(crate) fn example_text(text: &str) -> Option<String> {
    for prefix in ["Example:", "example:", "E.g.", "e.g.", "Eg:", "eg:"] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return Some(rest.trim().trim_start_matches(',').trim().to_string());
        }
    }
    None
}

/// A nested bullet written as `Link: [title](url)`: exactly one Markdown
/// link after the prefix, nothing else (anything more stays a sub-statement,
/// so no words are lost). The title is read as plain text, escapes undone,
/// which is how the native exporter writes it.
pub fn link_bullet(text: &str) -> Option<StatementLink> {
    let rest = text.strip_prefix("Link:")?.trim();
    let mut title = String::new();
    let mut url = None;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(rest, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::Link { dest_url, .. }) if depth == 0 && url.is_none() => {
                // The link must cover the whole text, or words would be dropped.
                if range.start != 0 || range.end != rest.len() {
                    return None;
                }
                url = Some(dest_url.to_string());
                depth += 1;
            }
            Event::End(TagEnd::Link) if depth == 1 => depth = 0,
            Event::Text(t) | Event::Code(t) if depth == 1 => title.push_str(&t),
            _ => return None,
        }
    }
    Some(StatementLink {
        title: collapse_whitespace(&title),
        url: url?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_bullets_round_trip_through_the_exporter_syntax() {
        for (title, url) in [
            ("A guide", "https://example.org/guide"),
            (
                "Odd [title] *with* `marks` & <tags> \\ {#x}",
                "https://example.org/a_(b)?q=1&amp;r=<2>",
            ),
            ("Spaces", "https://example.org/a b"),
            ("Ünïcode — titles", "http://example.org/ü"),
        ] {
            let link = StatementLink {
                title: title.into(),
                url: url.into(),
            };
            let written = crate::export::native::link_markdown(&link);
            assert_eq!(link_bullet(&written), Some(link), "{written}");
        }
        assert_eq!(link_bullet("Link: [a](https://x.example) and more"), None);
        assert_eq!(link_bullet("Link: no link here"), None);
        assert_eq!(link_bullet("Links are fun"), None);
    }

    #[test]
    fn names_and_ids() {
        assert_eq!(
            split_name("**Tenacity**: keeps going"),
            (Some("Tenacity".into()), "keeps going")
        );
        assert_eq!(
            split_name("**Tenacity:** keeps going"),
            (Some("Tenacity".into()), "keeps going")
        );
        assert_eq!(split_name("**Bold** start"), (None, "**Bold** start"));
        for name in ["a**b", "**", "C*", "back\\slash", "x\\*y"] {
            let line = format!("**{}**: text", escape_name(name));
            assert_eq!(
                split_name(&line),
                (Some(name.to_string()), "text"),
                "{line}"
            );
        }
        assert_eq!(
            split_id("Ships things {#ships}"),
            ("Ships things", Some("ships".into()))
        );
        assert_eq!(split_id("No id here"), ("No id here", None));
    }
}
