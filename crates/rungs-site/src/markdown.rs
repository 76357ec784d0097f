//! Markdown to HTML: links between framework files rewritten to site pages,
//! raw HTML sanitised unless the framework opts in.

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::html::escape_text;

/// Where a piece of Markdown comes from and where it is published.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    /// The source file, relative to the framework root (`pages/faq.md`).
    pub source: &'a str,
    /// The output page, relative to the site root (`pages/faq.html`).
    pub page: &'a str,
    /// Keep scripts and event handlers in raw HTML.
    pub allow_scripts: bool,
    /// The site's words, for the titles of admonitions (English without).
    pub words: Option<&'a crate::i18n::Messages>,
}

/// The site page a framework file is published as.
pub fn page_of_source(source: &str) -> Option<String> {
    let parts: Vec<&str> = source.split('/').collect();
    match parts.as_slice() {
        ["_index.md"] => Some(crate::urls::HOME.to_string()),
        ["pages", name] => name.strip_suffix(".md").map(crate::urls::page),
        ["tracks", track, "_index.md"] => Some(crate::urls::track(track)),
        ["tracks", track, name] => name
            .strip_suffix(".md")
            .map(|l| crate::urls::level(track, l)),
        ["tracks", name] => name
            .strip_suffix(".yaml")
            .or_else(|| name.strip_suffix(".yml"))
            .map(crate::urls::track),
        _ => None,
    }
}

/// Rewrites a link written in `place.source` to point at the published page.
fn rewrite(dest: &str, place: &Place<'_>) -> Option<String> {
    if dest.starts_with('#') || dest.starts_with('/') || dest.contains("://") || dest.contains(':')
    {
        return None;
    }
    let (path, fragment) = dest
        .split_once('#')
        .map_or((dest, None), |(p, f)| (p, Some(f)));
    let source_dir = place.source.rsplit_once('/').map_or("", |(d, _)| d);
    // `%XX` escapes name the same file as the letters they stand for.
    let path = rungs_core::text::percent_decode(path)?;
    let target = rungs_core::text::join_path(source_dir, &path)?;
    let page = page_of_source(&target).or_else(|| {
        // A folder link (`../engineering/`) means its _index.md.
        page_of_source(&format!("{}/_index.md", target.trim_end_matches('/')))
    })?;
    let page_dir = place.page.rsplit_once('/').map_or("", |(d, _)| d);
    let relative = rungs_core::text::relative_path(page_dir, &page);
    Some(match fragment {
        Some(f) => format!("{relative}#{f}"),
        None => relative,
    })
}

/// The class and title of an admonition.
fn admonition(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "Note"),
        BlockQuoteKind::Tip => ("tip", "Tip"),
        BlockQuoteKind::Important => ("important", "Important"),
        BlockQuoteKind::Warning => ("warning", "Warning"),
        BlockQuoteKind::Caution => ("caution", "Caution"),
    }
}

/// The alert kind a `:::` block names (`:::warning`, `::: tip Title`).
fn fence_kind(word: &str) -> &'static str {
    match word.to_ascii_lowercase().as_str() {
        "tip" | "hint" | "success" => "TIP",
        "important" => "IMPORTANT",
        "warning" | "warn" | "attention" => "WARNING",
        "caution" | "danger" | "error" => "CAUTION",
        _ => "NOTE",
    }
}

/// `:::kind` … `:::` blocks (as in Docusaurus and VitePress) become GitHub
/// alerts (`> [!KIND]`), which the renderer styles as admonitions.
fn fenced_admonitions(markdown: &str) -> Option<String> {
    if !markdown.lines().any(|l| l.trim_start().starts_with(":::")) {
        return None;
    }
    let mut out = String::with_capacity(markdown.len() + 64);
    let mut open = false;
    for line in markdown.lines() {
        let trimmed = line.trim();
        match trimmed.strip_prefix(":::") {
            Some(rest) if !open && !rest.trim().is_empty() => {
                let rest = rest.trim();
                let (word, title) = rest.split_once(' ').unwrap_or((rest, ""));
                out.push_str("> [!");
                out.push_str(fence_kind(word));
                out.push_str("]\n");
                if !title.trim().is_empty() {
                    out.push_str("> **");
                    out.push_str(title.trim());
                    out.push_str("**\n>\n");
                }
                open = true;
            }
            Some(rest) if open && rest.trim().is_empty() => {
                out.push('\n');
                open = false;
            }
            _ if open => {
                out.push_str("> ");
                out.push_str(line);
                out.push('\n');
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    Some(out)
}

/// Renders Markdown to HTML. GitHub alerts (`> [!NOTE]`) and `:::` blocks
/// become admonitions: `<div class="callout callout-KIND">` with a title.
pub fn to_html(markdown: &str, place: &Place<'_>) -> String {
    let fenced = fenced_admonitions(markdown);
    let markdown = fenced.as_deref().unwrap_or(markdown);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM;
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    let rewritten = |dest: CowStr<'_>| match rewrite(&dest, place) {
        Some(new) => CowStr::from(new),
        None => CowStr::from(dest.into_string()),
    };
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: rewritten(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: rewritten(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::BlockQuote(Some(kind))) => {
            let (class, title) = admonition(kind);
            let title = match place.words {
                Some(words) => crate::html::escape(&words.get(&format!("alert-{class}"))),
                None => title.to_string(),
            };
            Event::Html(CowStr::from(format!(
                "<div class=\"callout callout-{class}\" role=\"note\"><p class=\"callout-title\">{title}</p>\n"
            )))
        }
        Event::End(TagEnd::BlockQuote(Some(_))) => Event::Html(CowStr::from("</div>\n")),
        other => other,
    });
    html::push_html(&mut out, events);
    sanitise(out, markdown, place.allow_scripts)
}

/// True when `text` renders as itself: no character that Markdown would
/// interpret inline, and nothing at the start that would open a block.
fn is_plain(text: &str) -> bool {
    let starts_block = text.starts_with(|c: char| {
        c.is_ascii_digit() || matches!(c, '-' | '+' | '#' | '>' | '=' | ' ')
    });
    // One pass over the bytes: every character that matters is ASCII.
    !starts_block
        && !text.bytes().any(|b| {
            matches!(
                b,
                b'*' | b'_'
                    | b'`'
                    | b'['
                    | b']'
                    | b'<'
                    | b'>'
                    | b'&'
                    | b'\\'
                    | b'!'
                    | b'~'
                    | b'|'
                    | b'\n'
                    | b':'
            )
        })
}

/// One line of Markdown as plain text: emphasis marks and link targets
/// left out (`**Owns** [releases](x.md)` is "Owns releases"), for text that
/// templates show as text, such as summaries and descriptions.
pub fn plain_text(markdown: &str) -> String {
    if is_plain(markdown) {
        return markdown.trim().to_string();
    }
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// Renders one line of inline Markdown (a statement) without the `<p>` wrapper.
pub fn inline_html(markdown: &str, place: &Place<'_>) -> String {
    // Most statements are plain sentences: escaping them is all rendering does.
    if is_plain(markdown) {
        return escape_text(markdown.trim());
    }
    let html = to_html(markdown, place);
    let trimmed = html.trim();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => trimmed.to_string(),
    }
}

/// Removes scripts, event handlers and dangerous URLs from rendered HTML.
///
/// Text without `<`, `&` and `:` cannot produce any of those (pulldown-cmark
/// escapes everything else, and a URL scheme needs a colon), so it skips the
/// sanitiser: most statements are plain text and this keeps large sites fast.
fn sanitise(html: String, source: &str, allow_scripts: bool) -> String {
    if allow_scripts {
        return html;
    }
    let risky = source.contains('<') || source.contains(':') || source.contains('&');
    if !risky {
        return html;
    }
    // Author ids and names get GitHub's `user-content-` prefix: an element
    // with `id="RUNGS_DATA"` would otherwise shadow the page's own globals
    // (DOM clobbering). In-page links to those ids (footnotes) follow.
    let ids = ids_in(&html);
    ammonia::Builder::default()
        .add_generic_attributes(["id", "class", "title", "style", "align"])
        .add_tags(["details", "summary", "figure", "figcaption", "mark", "kbd"])
        .filter_style_properties(SAFE_STYLE_PROPERTIES.into_iter().collect())
        .attribute_filter(move |_tag, attribute, value| match attribute {
            "id" | "name" => Some(format!("{USER_CONTENT}{value}").into()),
            "href" => match value.strip_prefix('#') {
                Some(target) if ids.contains(target) => {
                    Some(format!("#{USER_CONTENT}{target}").into())
                }
                _ => Some(value.into()),
            },
            _ => Some(value.into()),
        })
        .clean(&html)
        .to_string()
}

/// The prefix author `id` and `name` attributes get, as on GitHub.
const USER_CONTENT: &str = "user-content-";

/// The only CSS properties kept in an author's `style` attribute: colours
/// and text layout. Anything that can position an element over the page
/// (`position`, `z-index`, `inset`), load a URL (`background`) or hide
/// content is dropped.
const SAFE_STYLE_PROPERTIES: [&str; 8] = [
    "color",
    "background-color",
    "text-align",
    "vertical-align",
    "font-weight",
    "font-style",
    "text-decoration",
    "white-space",
];

/// The values of double-quoted `id` attributes in `html` (as pulldown-cmark
/// writes them), so in-page links to them can be prefixed too.
fn ids_in(html: &str) -> std::collections::HashSet<String> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACE: Place<'static> = Place {
        source: "pages/faq.md",
        page: "pages/faq.html",
        allow_scripts: false,
        words: None,
    };

    #[test]
    fn scripts_are_removed_unless_allowed() {
        let md =
            "Hi <script>alert(1)</script> <a href=\"javascript:alert(2)\" onclick=\"x()\">x</a>";
        let safe = to_html(md, &PLACE);
        assert!(
            !safe.contains("<script") && !safe.contains("onclick") && !safe.contains("javascript:"),
            "{safe}"
        );
        let raw = to_html(
            md,
            &Place {
                allow_scripts: true,
                words: None,
                ..PLACE
            },
        );
        assert!(raw.contains("<script>"));
        assert_eq!(
            inline_html("You **own** it.", &PLACE),
            "You <strong>own</strong> it."
        );
    }

    #[test]
    fn author_ids_cannot_clobber_page_globals_and_styles_are_limited() {
        let md = "<div id=\"RUNGS_DATA\">x</div> <img name=\"cookie\" src=\"a.png\"> \
                  <p style=\"position: fixed; z-index: 9; color: red\">hi</p>\n\n\
                  Note[^1].\n\n[^1]: The footnote.\n";
        let safe = to_html(md, &PLACE);
        assert!(
            safe.contains("id=\"user-content-RUNGS_DATA\"") && !safe.contains("id=\"RUNGS_DATA\""),
            "{safe}"
        );
        assert!(!safe.contains("name=\"cookie\""), "{safe}");
        assert!(
            safe.contains("style=\"color:red\"") && !safe.contains("position"),
            "{safe}"
        );
        // The footnote link still reaches its (prefixed) footnote.
        assert!(
            safe.contains("href=\"#user-content-1\"") && safe.contains("id=\"user-content-1\""),
            "{safe}"
        );
    }

    #[test]
    fn plain_text_drops_emphasis_and_link_targets() {
        assert_eq!(
            plain_text("**Owns** the [release](../x.md) of _one_ `service`"),
            "Owns the release of one service"
        );
        assert_eq!(plain_text("A plain summary."), "A plain summary.");
    }

    #[test]
    fn plain_text_renders_like_markdown_would() {
        for text in [
            "You ship reliable services.",
            "Tom's \"quoted\" plan, 50% done.",
            "Uses C# and F#.",
        ] {
            let fast = inline_html(text, &PLACE);
            let html = to_html(text, &PLACE);
            let slow = html
                .trim()
                .trim_start_matches("<p>")
                .trim_end_matches("</p>");
            assert_eq!(fast, slow, "{text}");
        }
    }

    #[test]
    fn links_between_files_become_links_between_pages() {
        let html = inline_html(
            "[Senior](../tracks/eng/senior.md#s-x) and [home](../_index.md) and [web](https://x.org)",
            &PLACE,
        );
        assert!(
            html.contains("href=\"../tracks/eng/senior.html#s-x\""),
            "{html}"
        );
        assert!(html.contains("href=\"../index.html\""), "{html}");
        assert!(html.contains("href=\"https://x.org\""), "{html}");
    }
}
