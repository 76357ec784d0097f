//! A site's landing page outside the ladder: a hero headline, a subtitle,
//! a button to the docs and often a redirect to them (Hextra's
//! `hextra-home` layout, as InfraCloud's site has). It is a doorway, not
//! content: its headline and subtitle open the home page's introduction,
//! and the rest (the redirect, the buttons, the page's HTML) is reported as
//! navigation, a warning. Text of its own beyond that is content and stays
//! an error, so nothing is dropped silently.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};

use super::discovery::ContentPage;
use super::shortcodes::html_words;

/// What a landing page gives the imported framework.
pub(super) struct Landing {
    /// Headline and subtitles, as Markdown paragraphs, in page order.
    pub(super) paragraphs: Vec<String>,
}

/// True when `p` is a landing page: it redirects (`<meta http-equiv=
/// "refresh">`), has a home layout, or shows hero shortcodes.
pub(super) fn is_landing(p: &ContentPage) -> bool {
    let body = &p.file.text()[p.body_start..].to_ascii_lowercase();
    body.contains("http-equiv=\"refresh\"")
        || body.contains("http-equiv='refresh'")
        || body.contains("/hero-")
        || p.matter
            .layout
            .as_deref()
            .is_some_and(|l| l.to_ascii_lowercase().contains("home"))
}

/// Reads the landing page `p`: its headline and subtitles, and a warning
/// (at the page's first line) for its navigation; text of its own is an
/// error at its line.
pub(super) fn read(p: &ContentPage, titles: &[&str], diags: &mut Diagnostics) -> Landing {
    let text = p.file.text();
    let body = &text[p.body_start..];
    let redirects = body.to_ascii_lowercase().contains("http-equiv=\"refresh\"");
    let mut paragraphs = Vec::new();
    let mut navigation: Vec<&str> = Vec::new();
    if redirects {
        navigation.push("a redirect");
    }
    // Blank each part that is read or reported, so what is left is text of its own.
    let mut rest = body.to_string();
    let mut at = 0;
    while let Some(i) = rest[at..].find("{{") {
        let start = at + i;
        let Some(end) = rest[start..].find("}}").map(|j| start + j + 2) else {
            break;
        };
        let tag = rest[start + 2..end - 2]
            .trim_matches(|c| c == '<' || c == '>' || c == '%')
            .trim()
            .to_string();
        let name = tag.split_whitespace().next().unwrap_or("").to_string();
        let kind = name.rsplit('/').next().unwrap_or("").to_string();
        let closing = format!("/{name}");
        // A paired shortcode: its content up to the closing tag.
        let close = rest[end..].find("{{").map(|j| end + j).filter(|&c| {
            rest[c..]
                .split("}}")
                .next()
                .is_some_and(|t| t.contains(&closing))
        });
        let (inner, until) = match close {
            Some(c) => {
                let close_end = rest[c..].find("}}").map_or(rest.len(), |j| c + j + 2);
                (Some(rest[end..c].to_string()), close_end)
            }
            None => (None, end),
        };
        match (kind.as_str(), inner) {
            ("hero-headline" | "hero-title", Some(inner)) => {
                let words = html_words(&inner);
                // The title the home page shows already is not said twice.
                let n = crate::text::normalise(&words);
                if !words.is_empty() && !titles.iter().any(|t| crate::text::normalise(t) == n) {
                    paragraphs.push(format!("**{words}**"));
                }
            }
            ("hero-subtitle", Some(inner)) => {
                let words = html_words(&inner);
                // "Redirecting…" is the redirect speaking, not the ladder.
                let notice = redirects && crate::text::normalise(&words).starts_with("redirect");
                if !notice && !words.is_empty() {
                    paragraphs.push(words);
                }
            }
            _ if kind.contains("button") || kind.contains("card") => {
                if !navigation.contains(&"buttons to the docs") {
                    navigation.push("buttons to the docs");
                }
            }
            _ => {
                if !navigation.contains(&"shortcodes of the site's theme") {
                    navigation.push("shortcodes of the site's theme");
                }
            }
        }
        blank(&mut rest, start, until);
        at = until;
    }
    // HTML tags (`<div>`, `<meta>`) are the page's layout.
    let mut at = 0;
    while let Some(i) = rest[at..].find('<') {
        let start = at + i;
        let Some(end) = rest[start..].find('>').map(|j| start + j + 1) else {
            break;
        };
        blank(&mut rest, start, end);
        at = end;
    }
    let what = if navigation.is_empty() {
        "its layout".to_string()
    } else {
        navigation.join(", ")
    };
    diags.push(
        Diagnostic::warning(
            Code::NotImported,
            format!(
                "`{}` is the site's landing page: its headline and subtitle open the home page's introduction; {what} (navigation) are not imported",
                p.file.path
            ),
        )
        .at(&p.file.start_span())
        .help("the imported site opens on the ladder itself; nothing of the ladder is left out"),
    );
    // Text of its own: content, reported where it is.
    let first_line = p.file.span(p.body_start, p.body_start).line as usize;
    for (i, line) in rest.lines().enumerate() {
        if !line.trim().is_empty() && line.trim() != "---" {
            diags.push(
                Diagnostic::error(
                    Code::NotImported,
                    "text of the landing page is not imported",
                )
                .at(&p.file.line_span(first_line + i))
                .help("copy it into the introduction or a page of the imported framework"),
            );
        }
    }
    Landing { paragraphs }
}

/// Replaces `s[start..end]` with spaces, newlines kept.
fn blank(s: &mut String, start: usize, end: usize) {
    let mut replaced = String::with_capacity(end - start);
    for c in s[start..end].chars() {
        if c == '\n' {
            replaced.push('\n');
        } else {
            // As many spaces as bytes, so every offset stays where it was.
            replaced.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    s.replace_range(start..end, &replaced);
}
