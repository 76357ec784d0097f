//! Level pages written in the GitLab handbook's career-matrix conventions.
//!
//! The handbook's department matrices (Infrastructure, Development, Quality,
//! Support, ...) share one shape, which differs from the bulleted InfraCloud
//! layout the rest of the Hugo importer reads:
//! - the page opens with `## <Level>` and a paragraph or two describing the
//!   level: that is the level's summary and introduction, not an area;
//! - areas are `##` headings (Accountability, Credibility, ...) with numbered
//!   items (`1.`); `### <Level> Leadership Competencies` names a sub-area with
//!   the level's name in it, which is not part of the area;
//! - content is shared through `{{% include "includes/…" %}}`, resolved against
//!   the site's `assets/` folder; includes ending in `-nav.md` are menus;
//! - `#####` sub-headings inside an area group the bullets of one source
//!   ("Engineering", "Development", "Distribution"); they become a statement
//!   named after the sub-heading, with the bullets as its sub-statements, so
//!   the grouping and every count survive.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::ids::{Allocator, clash_warning};
use crate::load::markdown::example_text;
use crate::model::{Area, Level, Span, Statement};
use crate::source::{SourceFile, SourceSet};
use crate::text::{collapse_whitespace, normalise};

/// How deep includes may nest: the handbook nests none, so a deeper chain is a loop.
const MAX_INCLUDE_DEPTH: usize = 4;

/// True when a level page uses the GitLab conventions: includes or numbered
/// items under `##` headings. InfraCloud-style pages (bullets only) are not.
pub(super) fn is_gitlab_page(body: &str) -> bool {
    let mut under_heading = false;
    for line in body.lines() {
        let t = line.trim_start();
        if include_target(t).is_some() {
            return true;
        }
        if t.starts_with("##") {
            under_heading = true;
        } else if under_heading && numbered_item(t).is_some() {
            return true;
        }
    }
    false
}

/// One line of a page after includes are expanded, with where it was written.
struct Line<'a> {
    text: &'a str,
    file: &'a SourceFile,
    /// 1-based line number in `file`.
    line: usize,
    /// The line was an include of content (found or not): the heading above
    /// it names an area even when the included file is missing.
    include: bool,
}

/// The site's `assets/` files, which includes read, with their HTML
/// comments blanked (every line kept where it was): an include that a
/// translation comments out, or an original kept in a comment beside its
/// translation, is not content.
pub(super) fn include_files(site: &SourceSet) -> SourceSet {
    let mut out = SourceSet::new();
    for file in site.iter().filter(|f| f.path.starts_with("assets/")) {
        out.insert(
            &file.path,
            super::discovery::blank_comments(file.text()).into_bytes(),
        );
    }
    out
}

/// True when the page body has an include of content (not a menu).
pub(super) fn has_content_include(body: &str) -> bool {
    body.lines().any(|l| {
        include_target(l.trim())
            .or_else(|| malformed_include_target(l.trim()))
            .is_some_and(|t| !t.ends_with("-nav.md"))
    })
}

/// The body with the text of its includes written in, for deciding what
/// the page is (a level whose every statement is in included files).
pub(super) fn expanded_text(includes: &SourceSet, body: &str, depth: usize) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        let t = line.trim();
        match include_target(t).or_else(|| malformed_include_target(t)) {
            Some(target) if !target.ends_with("-nav.md") && depth < MAX_INCLUDE_DEPTH => {
                let path = format!("assets/{}", target.trim_start_matches('/'));
                if let Some(inc) = includes.get(&path) {
                    out.push_str(&expanded_text(includes, inc.text(), depth + 1));
                }
            }
            Some(_) => {}
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// The include a malformed shortcode means (`{{$ include "x" %}}`): Hugo
/// shows such a line as text, but what it names is plain.
fn malformed_include_target(t: &str) -> Option<&str> {
    let inner = t.strip_prefix("{{")?.strip_suffix("}}")?;
    let inner = inner.trim_start_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    let rest = inner.strip_prefix("include")?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(&rest[..end])
}

/// The target of a `{{% include "x" %}}` (or `{{< include "x" >}}`) line.
fn include_target(t: &str) -> Option<&str> {
    let inner = t.trim().strip_prefix("{{")?.strip_suffix("}}")?;
    let inner = inner
        .trim_matches(|c| c == '%' || c == '<' || c == '>')
        .trim();
    let rest = inner.strip_prefix("include")?.trim();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(&rest[..end])
}

/// Expands the lines of `file` from byte `start`, resolving includes.
fn expand<'a>(
    site: &'a SourceSet,
    file: &'a SourceFile,
    start: usize,
    depth: usize,
    out: &mut Vec<Line<'a>>,
    diags: &mut Diagnostics,
) {
    let text = file.text();
    let first_line = file.span(start, start).line as usize;
    let body = text.get(start..).unwrap_or("");
    for (i, raw) in body.lines().enumerate() {
        let line = first_line + i;
        let t = raw.trim();
        let malformed = include_target(t)
            .is_none()
            .then(|| malformed_include_target(t))
            .flatten();
        if let Some(target) = malformed {
            diags.push(
                Diagnostic::warning(
                    Code::NotImported,
                    format!("malformed shortcode: Hugo shows this line as text; it is read as the include of `{target}` it names"),
                )
                .at(&file.line_span(line))
                .help("write it `{{% include \"…\" %}}` in the source"),
            );
        }
        if let Some(target) = include_target(t).or(malformed) {
            // Menus shared by every page of a department: navigation, not content.
            if target.ends_with("-nav.md") {
                continue;
            }
            out.push(Line {
                text: "",
                file,
                line,
                include: true,
            });
            let path = format!("assets/{}", target.trim_start_matches('/'));
            match site.get(&path) {
                Some(inc) if depth < MAX_INCLUDE_DEPTH => {
                    expand(site, inc, 0, depth + 1, out, diags)
                }
                Some(_) => diags.push(
                    Diagnostic::warning(
                        Code::NotImported,
                        format!("include `{target}` nests too deeply and is not imported"),
                    )
                    .at(&file.line_span(line))
                    .help("includes that include themselves cannot be expanded"),
                ),
                None => diags.push(
                    Diagnostic::warning(
                        Code::NotImported,
                        format!("include `{target}` is not in the site's assets/ folder and is not imported"),
                    )
                    .at(&file.line_span(line))
                    .help("copy the included file into assets/ and import again, or add its statements to the imported level by hand"),
                ),
            }
            continue;
        }
        if t.contains("{{") {
            diags.push(
                Diagnostic::error(
                    Code::NotImported,
                    "shortcode not understood (a malformed `{{% … %}}`?) is not imported",
                )
                .at(&file.line_span(line))
                .help("fix the shortcode in the source, or add its content to the imported level by hand"),
            );
            continue;
        }
        out.push(Line {
            text: raw,
            file,
            line,
            include: false,
        });
    }
}

/// `1. text` → `text`.
pub(super) fn numbered_item(t: &str) -> Option<&str> {
    let digits = t.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 {
        return None;
    }
    t[digits..].strip_prefix(". ").map(str::trim)
}

/// `- text`, `* text`, `+ text` or `1. text` → `text`.
fn list_item(t: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return Some(rest.trim());
        }
    }
    numbered_item(t)
}

/// A thematic break (`---`, `***`, `___`): layout only.
fn is_separator(t: &str) -> bool {
    let first = t.chars().next();
    matches!(first, Some('-' | '*' | '_'))
        && t.chars().filter(|c| *c != ' ').count() >= 3
        && t.chars().all(|c| Some(c) == first || c == ' ')
}

/// The heading `## text` → (2, "text").
fn heading(t: &str) -> Option<(usize, String)> {
    let depth = t.chars().take_while(|c| *c == '#').count();
    if depth == 0 || !t[depth..].starts_with(' ') {
        return None;
    }
    let title = collapse_whitespace(t[depth..].trim().trim_end_matches('#'));
    Some((depth, title)).filter(|(_, t)| !t.is_empty())
}

/// Removes the level's name from a heading (`Intern Leadership Competencies`
/// → `Leadership Competencies`), word by word so no offset of a lowercased
/// copy is used to slice the original.
fn strip_level_name(title: &str, level_words: &[String]) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    let n = level_words.len();
    if n > 0 && words.len() > n {
        let head: Vec<String> = words[..n].iter().map(|w| normalise(w)).collect();
        if head == level_words {
            return words[n..].join(" ");
        }
    }
    title.to_string()
}

/// A level read from a GitLab-style page.
pub(super) struct GitlabLevel {
    /// The level, statements in written order (ids not assigned yet).
    pub level: Level,
}

/// Where statements go: a top-level area title and, optionally, a sub-area title.
#[derive(Clone, Default)]
struct AreaPath {
    top: Option<String>,
    sub: Option<String>,
    /// The area was named under the level heading (`### Leadership
    /// Competencies` in a specialty page): found by title anywhere in the tree.
    by_title: bool,
}

/// Reads one level page. `stem` is the file name (`intern`), `title` the
/// front matter title; `areas` grows with the areas met.
pub(super) fn read_level(
    site: &SourceSet,
    file: &SourceFile,
    body_start: usize,
    stem: &str,
    title: Option<&str>,
    areas: &mut Vec<Area>,
    diags: &mut Diagnostics,
) -> GitlabLevel {
    let mut lines = Vec::new();
    expand(site, file, body_start, 0, &mut lines, diags);
    let stem_words: Vec<String> = stem.split(['-', '_']).map(normalise).collect();
    // The level's name as the handbook writes it in headings: the title up to
    // " - " ("Intern - Infrastructure Department ..."), else the file name.
    let mut level_title = title
        .and_then(|t| t.split_once(" - ").map(|(a, _)| a.trim().to_string()))
        .unwrap_or_else(|| stem.to_string());
    let mut level_words: Vec<String> = level_title.split_whitespace().map(normalise).collect();

    let mut in_intro_heading = false;
    let mut intro: Vec<&str> = Vec::new();
    // Links to other pages met in lists of contents or on their own.
    let mut links: Vec<String> = Vec::new();
    let mut path = AreaPath::default();
    let mut group: Option<Statement> = None;
    let mut statements: Vec<Statement> = Vec::new();
    let mut seen_heading = false;
    // Depth of the heading that opened the current top-level area.
    let mut area_depth = 0usize;
    // The open list item: continuation lines append to it.
    let mut open_item = false;
    for l in &lines {
        if l.include {
            // Areas come from the headings over included content, so every
            // level names the same areas even where an include is missing.
            if path.top.is_some() && !in_intro_heading {
                ensure_area(areas, &path, l, diags);
            }
            continue;
        }
        let t = l.text.trim();
        if t.is_empty() {
            open_item = false;
            if in_intro_heading && intro.last().is_some_and(|s| !s.is_empty()) {
                intro.push("");
            }
            continue;
        }
        if let Some((depth, text)) = heading(t) {
            open_item = false;
            // The first `##` naming the level is the level's own heading.
            if !seen_heading && depth == 2 {
                let words: Vec<String> = text.split_whitespace().map(normalise).collect();
                // A translation's heading may be shorter than its title
                // (`## スタッフ` for "スタッフエンジニア - 開発部門").
                let short = normalise(&text);
                if words.iter().any(|w| stem_words.contains(w))
                    || short == normalise(&level_title)
                    || (!short.is_empty() && normalise(&level_title).contains(&short))
                {
                    seen_heading = true;
                    in_intro_heading = true;
                    if normalise(&text) == normalise(&level_title) || words.len() > 1 {
                        level_title = text.clone();
                        level_words = words;
                        if let Some(short) = title.and_then(|t| t.split_once(" - ")) {
                            level_words = short.0.split_whitespace().map(normalise).collect();
                        }
                    }
                    continue;
                }
            }
            seen_heading = true;
            flush_group(&mut group, &mut statements);
            if depth >= 4 {
                // A sub-heading inside an area groups the bullets below it.
                group = Some(Statement {
                    area: String::new(),
                    text: text.clone(),
                    span: l.file.line_span(l.line),
                    ..Statement::default()
                });
                continue;
            }
            let name = strip_level_name(&text, &level_words);
            if depth == 2 {
                in_intro_heading = false;
                area_depth = depth;
                path = AreaPath {
                    top: Some(name),
                    sub: None,
                    by_title: false,
                };
            } else if in_intro_heading || path.top.is_none() || depth <= area_depth {
                // Areas written under the level heading (`### Leadership
                // Competencies` of a specialty page): siblings, found by title.
                in_intro_heading = false;
                area_depth = depth;
                path = AreaPath {
                    top: Some(name),
                    sub: None,
                    by_title: true,
                };
            } else {
                path.sub = Some(name);
            }
            continue;
        }
        if is_separator(t) {
            open_item = false;
            continue;
        }
        let indent = l.text.len() - l.text.trim_start().len();
        if in_intro_heading {
            if let Some(item) = list_item(t).or((open_item && indent > 0).then_some(t)) {
                // A list in the level's opening: the handbook's table of
                // contents. Links to the page's own headings are navigation;
                // a link to another page (the level below) is kept in the
                // introduction; anything else cannot be an introduction in
                // rungs, where a list item is a statement.
                open_item = true;
                match only_link(item) {
                    Some((_, dest)) if dest.starts_with('#') => {}
                    Some(_) => keep_link(&mut links, item),
                    None => diags.push(lost(l, "a list item in the level's opening")),
                }
                continue;
            }
            intro.push(l.text.trim_end());
            continue;
        }
        if let Some(item) = list_item(t) {
            // A table of contents further down the page: navigation.
            if only_link(item).is_some_and(|(_, dest)| dest.starts_with('#')) {
                open_item = false;
                continue;
            }
            if path.top.is_none() {
                diags.push(lost(l, "a list item before any area heading"));
                continue;
            }
            let area = ensure_area(areas, &path, l, diags);
            let st = Statement {
                area,
                text: item.to_string(),
                span: l.file.line_span(l.line),
                ..Statement::default()
            };
            let target = match group.as_mut() {
                Some(g) => &mut g.children,
                None => &mut statements,
            };
            match target.last_mut() {
                // A nested `Example: …` illustrates its parent, as in rungs's own format.
                Some(parent) if indent >= 2 => match example_text(&st.text) {
                    Some(example) => parent.examples.push(example),
                    None => parent.children.push(st),
                },
                _ => target.push(st),
            }
            open_item = true;
            continue;
        }
        if open_item {
            // A continuation line of the item above.
            let target = match group.as_mut() {
                Some(g) => &mut g.children,
                None => &mut statements,
            };
            if let Some(last) = target.last_mut() {
                let last = match last.children.last_mut() {
                    Some(child) if indent >= 2 => child,
                    _ => last,
                };
                last.text = format!("{} {}", last.text, t);
                continue;
            }
        }
        // A paragraph right under a `#####` group heading introduces the group:
        // it becomes the group's text, named after the heading.
        if let Some(g) = group.as_mut()
            && g.children.is_empty()
        {
            if g.name.is_none() {
                g.name = Some(std::mem::take(&mut g.text));
                g.text = t.to_string();
            } else {
                g.text = format!("{} {}", g.text, t);
            }
            continue;
        }
        // A link on its own ("All competencies of a Senior") points at
        // another page: it goes to the introduction, where links are kept.
        if only_link(t).is_some() {
            keep_link(&mut links, t);
            continue;
        }
        diags.push(lost(
            l,
            "text under an area heading that is not a list item",
        ));
    }
    flush_group(&mut group, &mut statements);
    // A group inherits the area of its first bullet; an empty group is only a heading.
    statements.retain(|s| !s.area.is_empty());

    // The first opening paragraph is the summary (one line, shown as plain
    // text), the rest the introduction (Markdown). A first paragraph with a
    // link stays in the introduction, where the link still works; the summary
    // is then left empty rather than shown with raw Markdown.
    let opening = intro.join("\n");
    let opening = opening.trim();
    let (first, rest) = opening.split_once("\n\n").unwrap_or((opening, ""));
    let (summary, mut introduction) = if first.contains("](") {
        (None, opening.to_string())
    } else {
        (
            Some(collapse_whitespace(first)).filter(|s| !s.is_empty()),
            rest.trim().to_string(),
        )
    };
    for link in links.iter().filter(|l| !opening.contains(l.as_str())) {
        if !introduction.is_empty() {
            introduction.push_str("\n\n");
        }
        introduction.push_str(link);
    }
    GitlabLevel {
        level: Level {
            id: super::discovery::level_id(stem),
            rank: 0,
            title: level_title,
            summary,
            introduction: Some(introduction).filter(|s| !s.is_empty()),
            statements,
            span: file.start_span(),
            ..Level::default()
        },
    }
}

/// `[text](dest)` and nothing else (a closing `.` or `:` aside) → (text, dest).
fn only_link(t: &str) -> Option<(&str, &str)> {
    let t = t.trim().trim_end_matches(['.', ':']);
    let rest = t.strip_prefix('[')?;
    let close = rest.find("](")?;
    let dest = rest[close + 2..].strip_suffix(')')?;
    (!dest.contains(char::is_whitespace) && !rest[..close].contains(']'))
        .then(|| (&rest[..close], dest))
}

/// Adds the link `t` (as written) to `links`, once: the same text and
/// page, with or without a closing `/`, is one link.
fn keep_link(links: &mut Vec<String>, t: &str) {
    let key = |l: &str| {
        only_link(l).map(|(text, dest)| (text.to_string(), dest.trim_end_matches('/').to_string()))
    };
    let t = t.trim().trim_end_matches(['.', ':']).to_string();
    if !links.iter().any(|l| key(l) == key(&t)) {
        links.push(t);
    }
}

/// Closes a `#####` group: it takes the area of its bullets.
fn flush_group(group: &mut Option<Statement>, statements: &mut Vec<Statement>) {
    if let Some(mut g) = group.take()
        && let Some(area) = g.children.first().map(|c| c.area.clone())
    {
        g.area = area;
        statements.push(g);
    }
}

/// Content of the source that the import leaves out: an error, so nothing
/// is written unless the user accepts the loss (`--accept-loss`).
fn lost(l: &Line<'_>, what: &str) -> Diagnostic {
    Diagnostic::error(Code::NotImported, format!("{what} is not imported"))
        .at(&l.file.line_span(l.line))
        .help("add it to the imported level page by hand if it matters")
}

/// The id of the area `path` names, creating it (and its parent) when new.
fn ensure_area(
    areas: &mut Vec<Area>,
    path: &AreaPath,
    l: &Line<'_>,
    diags: &mut Diagnostics,
) -> String {
    let Some(top) = path.top.as_deref() else {
        return String::new();
    };
    if path.by_title && path.sub.is_none() {
        // A heading under the level heading: the area of that title anywhere
        // in the tree ("Leadership Competencies" of Engineering alignment).
        let n = normalise(top);
        let found: Vec<&Area> = areas
            .iter()
            .flat_map(Area::walk)
            .filter(|a| normalise(&a.title) == n)
            .collect();
        if let [one] = found.as_slice() {
            return one.id.clone();
        }
    }
    let span = l.file.line_span(l.line);
    let n = normalise(top);
    let pos = match areas.iter().position(|a| normalise(&a.title) == n) {
        Some(i) => i,
        None => {
            areas.push(Area {
                id: unique_id(areas, top, &span, diags),
                title: top.to_string(),
                span: span.clone(),
                ..Area::default()
            });
            areas.len() - 1
        }
    };
    let Some(sub) = path.sub.as_deref() else {
        return areas[pos].id.clone();
    };
    let n = normalise(sub);
    if let Some(child) = areas[pos]
        .children
        .iter()
        .find(|a| normalise(&a.title) == n)
    {
        return child.id.clone();
    }
    let id = unique_id(areas, sub, &span, diags);
    areas[pos].children.push(Area {
        id: id.clone(),
        title: sub.to_string(),
        span,
        ..Area::default()
    });
    id
}

/// An area id from `title` that no area of the tree has yet; a clash with
/// another area's id is reported at `span`.
fn unique_id(areas: &[Area], title: &str, span: &Span, diags: &mut Diagnostics) -> String {
    let mut ids = Allocator::default();
    for a in areas.iter().flat_map(Area::walk) {
        ids.reserve_for(&a.id, &format!("`{}`", a.title));
    }
    let claim = ids.claim_for(title, "area", "");
    if let Some(d) = clash_warning("area", title, &claim) {
        diags.push(d.at(span));
    }
    claim.id
}

/// A level a track's `_index.md` lists: the name as written, the last
/// part of the page its link points at (`staff` for
/// `/ja/handbook/…/development/staff/`), and its line.
pub(super) struct Listed {
    /// The name as written (the link text, or the plain item).
    pub name: String,
    /// The file name the link points at, if the item is a link.
    pub target: Option<String>,
    /// 1-based line in the index.
    pub line: usize,
}

/// The levels a track's `_index.md` lists in order ("can be seen at the job
/// level: 1. [Intern](…) 1. Associate ..."): the first numbered list in which
/// at least two items name levels of the track (`is_level` says whether an
/// item does, by its link target or its name).
pub(super) fn listed_levels(
    file: &SourceFile,
    body_start: usize,
    is_level: impl Fn(&Listed) -> bool,
) -> Vec<Listed> {
    let first_line = file.span(body_start, body_start).line as usize;
    let body = file.text().get(body_start..).unwrap_or("");
    let mut run: Vec<Listed> = Vec::new();
    let mut best: Vec<Listed> = Vec::new();
    let mut finish = |run: &mut Vec<Listed>| {
        if best.is_empty() && run.iter().filter(|l| is_level(l)).count() >= 2 {
            best = std::mem::take(run);
        }
        run.clear();
    };
    for (i, raw) in body.lines().enumerate() {
        match numbered_item(raw.trim()) {
            Some(item) => {
                let (name, target) = match only_link(item) {
                    Some((text, dest)) => (text.trim().to_string(), link_target(dest)),
                    None => (item.trim().to_string(), None),
                };
                run.push(Listed {
                    name,
                    target,
                    line: first_line + i,
                });
            }
            None => finish(&mut run),
        }
    }
    finish(&mut run);
    best
}

/// The last part of a link's path, the page it names: `/x/staff/` →
/// `staff`, `senior.md#top` → `senior`.
fn link_target(dest: &str) -> Option<String> {
    let path = dest.split(['#', '?']).next().unwrap_or("");
    let last = path.trim_end_matches('/').rsplit('/').next()?;
    let last = last.strip_suffix(".md").unwrap_or(last);
    let last = crate::text::percent_decode(last).map(|l| l.into_owned())?;
    (!last.is_empty() && !last.contains("://")).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn includes_are_recognised_in_both_shortcode_styles() {
        assert_eq!(
            include_target(r#"{{% include "includes/a.md" %}}"#),
            Some("includes/a.md")
        );
        assert_eq!(
            include_target(r#"{{< include "includes/b.md" >}}"#),
            Some("includes/b.md")
        );
        assert_eq!(include_target(r#"{{$ include "includes/c.md" %}}"#), None);
    }

    #[test]
    fn the_level_name_is_not_part_of_the_area() {
        let words = vec!["senior".to_string()];
        assert_eq!(
            strip_level_name("Senior Technical Competencies", &words),
            "Technical Competencies"
        );
        assert_eq!(strip_level_name("Senior", &words), "Senior");
        assert_eq!(
            strip_level_name("Values Alignment", &words),
            "Values Alignment"
        );
    }

    #[test]
    fn links_on_their_own() {
        assert_eq!(
            only_link("[Senior](/x/senior/)"),
            Some(("Senior", "/x/senior/"))
        );
        assert_eq!(only_link("[A](#a)."), Some(("A", "#a")));
        assert_eq!(only_link("[A](#a) and more"), None);
        assert_eq!(link_target("/ja/x/staff/").as_deref(), Some("staff"));
        assert_eq!(link_target("senior.md#top").as_deref(), Some("senior"));
        assert_eq!(
            malformed_include_target(r#"{{$ include "includes/c.md" %}}"#),
            Some("includes/c.md")
        );
    }

    #[test]
    fn separators_and_items() {
        assert!(is_separator("---"));
        assert!(is_separator("***"));
        assert!(!is_separator("--"));
        assert_eq!(numbered_item("12. Twelve"), Some("Twelve"));
        assert_eq!(numbered_item("2024 was"), None);
        assert_eq!(list_item("* Star"), Some("Star"));
    }
}
