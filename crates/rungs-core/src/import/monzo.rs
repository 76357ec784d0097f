//! Importing Monzo's progression framework (`frameworks/**/*.md`: YAML front
//! matter with `topics` → `content` → `level`, `criteria`, `exampleCriteria`,
//! and a Markdown body).
//!
//! - `generic.md` (the criteria every framework inherits) becomes a base track
//!   `generic`. Monzo's site shows a generic topic's criteria only inside the
//!   topic of the same `name` of the framework viewed, so a framework's track
//!   `extends` generic for exactly the areas of those topics
//!   (`extends_areas`);
//! - topics become areas, one per topic `name`: two different names never
//!   share an area (a name whose id or title another name already took is
//!   imported as a separate area, with a warning);
//! - `level: N` becomes rank N; `criteria` become statements and
//!   `exampleCriteria` statements with examples. A level beyond `levels:`
//!   (which Monzo's site never shows) is kept, marked in its summary, with a
//!   warning;
//! - frameworks written as prose (`yaml: false`: `## Level N` sections with
//!   `### Topic` headings and paragraphs) become levels too: each paragraph or
//!   bullet under a topic heading is a statement of that topic's area, text
//!   before a level's first topic heading is the level's introduction;
//! - the rest of a framework's Markdown body becomes a free page;
//! - site settings (`path`, `sidebarTitle`, `sidebarGroup`, `homepage`,
//!   `yaml`) are reported as not imported.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::frontmatter::{self, Split, locate};
use crate::load::markdown::markdown_options;
use crate::model::{Area, Framework, Level, Page, Span, Statement, Track};
use crate::source::{SourceFile, SourceSet};
use crate::text::{collapse_whitespace, slug};

use super::{ImportError, Imported};

#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Matter {
    title: Option<String>,
    levels: Option<u32>,
    #[serde(default)]
    topics: Vec<Spanned<Topic>>,
    path: Option<String>,
    sidebar_title: Option<String>,
    sidebar_group: Option<String>,
    homepage: Option<bool>,
    yaml: Option<bool>,
}

#[derive(Deserialize)]
struct Topic {
    name: String,
    title: Option<String>,
    #[serde(default)]
    content: Vec<Spanned<Content>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Content {
    level: u32,
    #[serde(default)]
    criteria: Vec<String>,
    #[serde(default)]
    example_criteria: Vec<ExampleCriterion>,
}

#[derive(Deserialize)]
struct ExampleCriterion {
    criteria: String,
    #[serde(default)]
    examples: Vec<String>,
}

/// The base track every other framework extends.
pub const GENERIC: &str = "generic";

/// Areas by the topic name they were made for: Monzo matches topics by
/// `name`, so the name, not the id or title, decides which area is which.
#[derive(Default)]
struct Topics {
    /// (topic name, area id), in order of first appearance.
    by_name: Vec<(String, String)>,
}

impl Topics {
    /// The area of the topic `name`, made on first sight. A name whose id or
    /// title is already taken by another name gets an area of its own (an id
    /// with a number, a title with the name), and a warning says so.
    fn area(
        &mut self,
        framework: &mut Framework,
        name: &str,
        title: Option<&str>,
        span: &Span,
        diags: &mut Diagnostics,
    ) -> String {
        if let Some((_, id)) = self.by_name.iter().find(|(n, _)| n == name) {
            return id.clone();
        }
        let base = match slug(name) {
            s if s.is_empty() => "topic".to_string(),
            s => s,
        };
        let taken_id = |id: &str| framework.all_areas().iter().any(|a| a.id == id);
        let mut id = base.clone();
        let mut n = 2;
        while taken_id(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        if id != base {
            let other = self
                .by_name
                .iter()
                .find(|(_, i)| *i == base)
                .map_or(base.as_str(), |(n, _)| n.as_str());
            diags.push(
                Diagnostic::warning(
                    Code::NotImported,
                    format!(
                        "topic `{name}` is not topic `{other}` (Monzo matches topics by exact name), though both read as `{base}`; it is imported as its own area `{id}`"
                    ),
                )
                .at(span)
                .help("give both topics the same `name` if they are one topic, or rename one"),
            );
        }
        let mut title = title
            .map(clean_title)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| capitalise(name));
        let holder = framework
            .all_areas()
            .iter()
            .find(|a| a.title.to_lowercase() == title.to_lowercase())
            .map(|a| a.id.clone());
        if let Some(holder) = holder {
            // Area titles name areas in level pages, so they must differ.
            let other = self
                .by_name
                .iter()
                .find(|(_, i)| *i == holder)
                .map_or(holder.as_str(), |(n, _)| n.as_str());
            let unique = format!("{title} ({name})");
            diags.push(
                Diagnostic::warning(
                    Code::NotImported,
                    format!(
                        "topic `{name}` has the title \"{title}\" of topic `{other}`; its area is titled \"{unique}\" so the two stay apart"
                    ),
                )
                .at(span)
                .help("give the topics different titles, or the same `name` if they are one topic"),
            );
            title = unique;
        }
        framework.areas.push(Area {
            id: id.clone(),
            title,
            span: span.clone(),
            ..Area::default()
        });
        self.by_name.push((name.to_string(), id.clone()));
        id
    }

    /// The area a prose `### Heading` names: an area whose title or id it
    /// is (ignoring case and spaces), as headings of level pages name
    /// areas; otherwise a new area for the heading.
    fn heading_area(
        &mut self,
        framework: &mut Framework,
        heading: &str,
        span: &Span,
        diags: &mut Diagnostics,
    ) -> String {
        let wanted = collapse_whitespace(&clean_title(heading)).to_lowercase();
        if let Some(a) = framework
            .all_areas()
            .iter()
            .find(|a| a.title.to_lowercase() == wanted || a.id == slug(heading))
        {
            return a.id.clone();
        }
        self.area(framework, heading, Some(heading), span, diags)
    }
}

/// Imports the frameworks in `src` (a repository with `frameworks/`, or the
/// `frameworks` folder itself).
pub fn import(src: &SourceSet) -> Result<Imported, ImportError> {
    let mut files: Vec<(&SourceFile, String)> = src
        .iter()
        .filter(|f| f.path.ends_with(".md"))
        .filter_map(|f| {
            let rel = f.path.strip_prefix("frameworks/").unwrap_or(&f.path);
            (f.path.starts_with("frameworks/")
                || !src.iter().any(|g| g.path.starts_with("frameworks/")))
            .then(|| (f, rel.trim_end_matches(".md").to_string()))
        })
        .collect();
    // The generic framework first: the others extend it.
    files.sort_by_key(|(_, rel)| (rel != GENERIC, rel.clone()));
    let mut diags = Diagnostics::default();
    let mut framework = Framework {
        title: "Progression framework".into(),
        ..Framework::default()
    };
    let mut topics = Topics::default();
    // Topic names of the generic framework: what other frameworks inherit by.
    let mut generic_names: Vec<String> = Vec::new();
    let has_generic = files.iter().any(|(_, rel)| rel == GENERIC);
    for (file, rel) in files {
        let split = match frontmatter::split(file) {
            Ok(s) => s,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let matter: Matter = match frontmatter::parse(file, &split) {
            Ok(m) => m,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let at = |key: &str| locate(file, split.matter, split.matter_start, &[key]);
        let ignored: Vec<(&str, bool)> = vec![
            ("path", matter.path.is_some()),
            ("sidebarTitle", matter.sidebar_title.is_some()),
            ("sidebarGroup", matter.sidebar_group.is_some()),
            ("homepage", matter.homepage.is_some()),
            ("yaml", matter.yaml.is_some()),
        ];
        for (key, present) in ignored {
            if present {
                diags.push(
                    Diagnostic::warning(
                        Code::NotImported,
                        format!("`{key}` (a setting of the Monzo website) is not imported"),
                    )
                    .at(&at(key))
                    .help("rungs lays out its website itself; see docs/theming.md"),
                );
            }
        }
        let id = slug(&rel.replace('/', " "));
        let title = clean_title(matter.title.as_deref().unwrap_or(&rel));
        let mut ladder = Ladder::new(file, matter.levels, at("levels"), &mut diags);
        let mut own_names: Vec<String> = Vec::new();
        for topic in &matter.topics {
            let topic_span = matter_span(file, &split, &topic.referenced, &at("topics"));
            let topic = &topic.value;
            let area_id = topics.area(
                &mut framework,
                &topic.name,
                topic.title.as_deref(),
                &topic_span,
                &mut diags,
            );
            if !own_names.contains(&topic.name) {
                own_names.push(topic.name.clone());
            }
            for content in &topic.content {
                let span = matter_span(file, &split, &content.referenced, &topic_span);
                let content = &content.value;
                if content.level == 0 {
                    // Monzo numbers levels from 1; a rank 0 has no place on a ladder.
                    diags.push(
                        Diagnostic::error(
                            Code::NotImported,
                            "criteria for `level: 0` are not imported: levels count from 1",
                        )
                        .at(&span)
                        .help("move the criteria to level 1 or above"),
                    );
                    continue;
                }
                let level = ladder.level(content.level, &span, &mut diags);
                for text in &content.criteria {
                    level.statements.push(statement(
                        &area_id,
                        text,
                        Vec::new(),
                        file,
                        &split,
                        &span,
                    ));
                }
                for ex in &content.example_criteria {
                    let examples = ex.examples.iter().map(|e| collapse_whitespace(e)).collect();
                    level.statements.push(statement(
                        &area_id,
                        &ex.criteria,
                        examples,
                        file,
                        &split,
                        &span,
                    ));
                }
            }
        }
        // The body: prose levels (frameworks without topics), the rest a page.
        let outside = prose(
            file,
            &split,
            &mut ladder,
            &mut topics,
            &mut framework,
            &mut diags,
        );
        let mut levels = ladder.finish();
        for level in &mut levels {
            crate::ids::assign(level);
        }
        let body = outside.trim();
        if !body.is_empty() {
            framework.pages.push(Page {
                id: format!("about-{id}"),
                title: format!("About: {title}"),
                body: body.to_string(),
                span: file.span(split.body_start, split.body_start),
                ..Page::default()
            });
        }
        if levels
            .iter()
            .all(|l| l.statements.is_empty() && l.introduction.is_none())
        {
            diags.push(
                Diagnostic::error(
                    Code::NotImported,
                    format!(
                        "`{}` has no `topics` and no `## Level N` sections, so no ladder{}",
                        file.path,
                        if body.is_empty() {
                            ""
                        } else {
                            "; its text is imported as a page"
                        }
                    ),
                )
                .at(&file.start_span())
                .help("add `topics` to its front matter, or `## Level 1` ... sections to its text"),
            );
            continue;
        }
        if id == GENERIC {
            generic_names = own_names.clone();
        }
        // As Monzo's site: generic criteria show only under the topics whose
        // `name` the framework shares with generic. Prose frameworks are shown
        // as text there, with nothing inherited.
        let shared: Vec<String> = own_names
            .iter()
            .filter(|n| generic_names.contains(n))
            .filter_map(|n| topics.by_name.iter().find(|(m, _)| m == n))
            .map(|(_, a)| a.clone())
            .collect();
        let extends =
            (has_generic && id != GENERIC && !shared.is_empty()).then(|| GENERIC.to_string());
        let extends_areas = if extends.is_some() {
            shared
        } else {
            Vec::new()
        };
        framework.tracks.push(Track {
            id,
            title,
            extends,
            extends_areas,
            levels,
            span: file.start_span(),
            ..Track::default()
        });
    }
    if framework.tracks.is_empty() {
        return Err(ImportError::NotRecognised(
            "no framework with `topics` or `## Level N` sections found: expected frameworks/**/*.md".into(),
        ));
    }
    Ok(Imported {
        framework,
        diagnostics: diags,
    })
}

/// The levels of one framework as they are met: `levels: N` declares 1..=N;
/// a level beyond it (Monzo's site never shows one) is still made, marked.
/// More levels than any progression framework has: `levels: 4000000000`
/// would otherwise allocate a level each.
const MAX_LEVELS: u32 = 1_000;

struct Ladder<'a> {
    file: &'a SourceFile,
    declared: Option<u32>,
    declared_span: Span,
    levels: Vec<Level>,
}

impl<'a> Ladder<'a> {
    fn new(
        file: &'a SourceFile,
        declared: Option<u32>,
        declared_span: Span,
        diags: &mut Diagnostics,
    ) -> Self {
        let count = declared.unwrap_or(0);
        if count > MAX_LEVELS {
            diags.push(
                Diagnostic::error(
                    Code::NotImported,
                    format!("{count} levels is more than rungs imports; only levels 1 to {MAX_LEVELS} are"),
                )
                .at(&declared_span)
                .help("a progression framework has a handful of levels; check `levels` in the source"),
            );
        }
        let levels = (1..=count.min(MAX_LEVELS))
            .map(|n| Level {
                id: format!("level-{n}"),
                rank: n,
                title: format!("Level {n}"),
                span: declared_span.clone(),
                ..Level::default()
            })
            .collect();
        Ladder {
            file,
            declared,
            declared_span,
            levels,
        }
    }

    /// Level `n`, made (with a warning when beyond `levels:`) on first use.
    fn level(&mut self, n: u32, span: &Span, diags: &mut Diagnostics) -> &mut Level {
        // Levels 1..=MAX_LEVELS sit at their rank's place while declared;
        // the rest are searched (there are few).
        let i = match self
            .levels
            .get(n.wrapping_sub(1) as usize)
            .filter(|l| l.rank == n)
            .map(|_| n as usize - 1)
            .or_else(|| self.levels.iter().position(|l| l.rank == n))
        {
            Some(i) => i,
            None => {
                let mut level = Level {
                    id: format!("level-{n}"),
                    rank: n,
                    title: format!("Level {n}"),
                    span: span.clone(),
                    ..Level::default()
                };
                if let Some(count) = self.declared.filter(|c| n > *c) {
                    level.summary = Some(format!(
                        "Beyond this framework's `levels: {count}`: Monzo's site does not show this level."
                    ));
                    diags.push(
                        Diagnostic::warning(
                            Code::NotImported,
                            format!("level {n} is beyond `levels: {count}`: Monzo's site hides it; it is imported, marked in its summary"),
                        )
                        .at(span)
                        .label(format!("`levels: {count}` is declared at {}:{}", self.file.path, self.declared_span.line))
                        .help("raise `levels` in the source if the level is meant to be shown, or delete the level"),
                    );
                }
                self.levels.push(level);
                self.levels.len() - 1
            }
        };
        &mut self.levels[i]
    }

    /// The levels in rank order.
    fn finish(mut self) -> Vec<Level> {
        self.levels.sort_by_key(|l| l.rank);
        self.levels
    }
}

/// The span of a YAML location of the front matter, or `fallback` when the
/// location is unknown (TOML front matter, a value without position).
fn matter_span(
    file: &SourceFile,
    split: &Split<'_>,
    loc: &serde_saphyr::Location,
    fallback: &Span,
) -> Span {
    if loc.line() == 0 {
        return fallback.clone();
    }
    // Locations count lines from the start of the front matter.
    let first = file.span(split.matter_start, split.matter_start).line as usize;
    file.line_span(first + loc.line() as usize - 1)
}

/// `N` of a `Level N` heading.
fn level_number(heading: &str) -> Option<u32> {
    let mut words = heading.split_whitespace();
    let first = words.next()?;
    if !first.eq_ignore_ascii_case("level") {
        return None;
    }
    let number: String = words
        .next()?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    // "Level 0" is not a rung: its section stays text of the page.
    number.parse().ok().filter(|n| *n > 0)
}

/// The text of a heading block as written (`### Knowledge` → `Knowledge`).
fn heading_text(block: &str) -> String {
    let first = block.lines().next().unwrap_or_default();
    collapse_whitespace(
        first
            .trim()
            .trim_start_matches('#')
            .trim()
            .trim_end_matches('#'),
    )
}

/// Reads the Markdown body: `## Level N` sections become levels, their
/// `###` (and deeper) headings areas, the paragraphs and bullets under those
/// statements, the text before a section's first topic heading the level's
/// introduction. Returns everything outside level sections, for the
/// framework's page.
fn prose(
    file: &SourceFile,
    split: &Split<'_>,
    ladder: &mut Ladder<'_>,
    topics: &mut Topics,
    framework: &mut Framework,
    diags: &mut Diagnostics,
) -> String {
    let body = split.body;
    let offset = split.body_start;
    let mut outside = String::new();
    let mut level: Option<u32> = None;
    let mut area: Option<String> = None;
    let mut depth = 0usize;
    let mut in_list = false;
    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        let top = depth == 0;
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        // Bullets of a list under a topic: one statement each.
        if in_list && depth == 2 {
            if let Event::Start(Tag::Item) = event
                && let (Some(n), Some(a)) = (level, &area)
            {
                let raw = &body[range.clone()];
                let text = collapse_whitespace(strip_bullet(raw));
                if !text.is_empty() {
                    let span = file.span(offset + range.start, offset + range.end);
                    ladder.level(n, &span, diags).statements.push(Statement {
                        area: a.clone(),
                        text,
                        span,
                        ..Statement::default()
                    });
                }
            }
            continue;
        }
        if let Event::End(TagEnd::List(_)) = event
            && depth == 0
        {
            in_list = false;
        }
        if !top {
            continue;
        }
        let raw = &body[range.clone()];
        let span = file.span(offset + range.start, offset + range.end);
        match event {
            Event::Start(Tag::Heading { level: h, .. }) => {
                let text = heading_text(raw);
                match (h, level_number(&text)) {
                    (HeadingLevel::H1 | HeadingLevel::H2, Some(n)) => {
                        level = Some(n);
                        area = None;
                        let l = ladder.level(n, &span, diags);
                        if l.title == format!("Level {n}") {
                            l.title = text;
                        }
                    }
                    (HeadingLevel::H1 | HeadingLevel::H2, None) => {
                        level = None;
                        area = None;
                        push_block(&mut outside, raw);
                    }
                    _ if level.is_some() => {
                        area = Some(topics.heading_area(framework, &text, &span, diags));
                    }
                    _ => push_block(&mut outside, raw),
                }
            }
            // `---` separates levels in Monzo's prose frameworks: layout only.
            Event::Rule if level.is_some() => {}
            Event::Rule => push_block(&mut outside, raw),
            Event::Start(Tag::HtmlBlock) if raw.trim_start().starts_with("<!--") => {}
            Event::Start(tag) => {
                let Some(n) = level else {
                    push_block(&mut outside, raw);
                    continue;
                };
                match (&area, tag) {
                    (Some(a), Tag::Paragraph) => {
                        let text = collapse_whitespace(raw);
                        ladder.level(n, &span, diags).statements.push(Statement {
                            area: a.clone(),
                            text,
                            span,
                            ..Statement::default()
                        });
                    }
                    (Some(_), Tag::List(_)) => in_list = true,
                    (Some(a), _) => diags.push(
                        Diagnostic::error(
                            Code::NotImported,
                            format!("this block under topic `{a}` of level {n} is neither a paragraph nor a list and is not imported"),
                        )
                        .at(&span)
                        .help("write it as a paragraph or bullets, or move it out of the level section"),
                    ),
                    (None, _) => {
                        let l = ladder.level(n, &span, diags);
                        let mut intro = l.introduction.take().unwrap_or_default();
                        push_block(&mut intro, raw);
                        l.introduction = Some(intro);
                    }
                }
            }
            Event::Text(_) | Event::Html(_) | Event::InlineHtml(_) => push_block(&mut outside, raw),
            _ => {}
        }
    }
    outside
}

/// Appends a Markdown block, separated from what is there by a blank line.
fn push_block(out: &mut String, block: &str) {
    let block = block.trim();
    if block.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(block);
}

/// A list item's text without its marker (`- `, `* `, `+ `, `1. `, `1) `).
fn strip_bullet(item: &str) -> &str {
    let t = item.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '*', '+']) {
        return rest.trim_start();
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match t[digits..].strip_prefix(['.', ')']) {
        Some(rest) if digits > 0 => rest.trim_start(),
        _ => t,
    }
}

fn statement(
    area: &str,
    text: &str,
    examples: Vec<String>,
    file: &SourceFile,
    split: &Split<'_>,
    fallback: &Span,
) -> Statement {
    let text = collapse_whitespace(text);
    // The criterion's own line when its words are found as written after
    // the level's entry; else the entry's line.
    let from = fallback.start.max(split.matter_start);
    let span = match file.text().get(from..).and_then(|t| t.find(text.as_str())) {
        Some(i) => file.span(from + i, from + i + text.len()),
        None => fallback.clone(),
    };
    Statement {
        area: area.to_string(),
        text,
        examples,
        span,
        ..Statement::default()
    }
}

/// Titles carry emoji and "Framework" in the source ("🛠️ Backend Engineering Framework").
fn clean_title(title: &str) -> String {
    let kept: String = title
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace() || "&'-/(),.".contains(*c))
        .collect();
    let kept = collapse_whitespace(&kept);
    kept.strip_suffix(" Framework").unwrap_or(&kept).to_string()
}

fn capitalise(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars)
            .collect::<String>()
            .replace(['-', '_'], " "),
        None => String::new(),
    }
}
