//! Page bodies for the native format: Hugo shortcodes converted (`callout`,
//! `cards`/`card`) or reported, relative links rewritten to native paths.

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::source::SourceFile;
use crate::text::collapse_whitespace;

use super::discovery::{dir_of, hugo_url};

/// Converts a page body for the native format: shortcodes understood,
/// comments dropped (already blanked), relative links rewritten.
pub(super) fn convert(
    file: &SourceFile,
    body_start: usize,
    body: &str,
    key: &str,
    native: &HashMap<String, String>,
    target_dir: &str,
    diags: &mut Diagnostics,
) -> String {
    let section = if key.ends_with("_index") {
        hugo_url(key)
    } else {
        dir_of(key).to_string()
    };
    let link = |dest: &str| -> Option<String> {
        let dest = dest.trim();
        if dest.is_empty()
            || dest.starts_with('#')
            || dest.contains("://")
            || dest.starts_with("mailto:")
        {
            return None;
        }
        let (path, fragment) = dest.split_once('#').map_or((dest, ""), |(p, f)| (p, f));
        let joined = if let Some(abs) = path.strip_prefix('/') {
            abs.to_string()
        } else {
            format!("{section}/{path}")
        };
        let mut parts: Vec<&str> = Vec::new();
        for part in joined.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                p => parts.push(p),
            }
        }
        let url = parts.join("/").trim_end_matches(".md").to_string();
        let target = native.get(&url)?;
        let rel = crate::text::relative_path(target_dir, target);
        Some(if fragment.is_empty() {
            rel
        } else {
            format!("{rel}#{fragment}")
        })
    };
    let mut out = String::new();
    let mut rest = body;
    let mut consumed = 0usize;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let at = body_start + consumed + i;
        let Some(end) = rest[i..].find("}}") else {
            out.push_str(&rest[i..]);
            rest = "";
            break;
        };
        let tag = &rest[i + 2..i + end];
        let inner = tag
            .trim_matches(|c| c == '<' || c == '>' || c == '%')
            .trim();
        let name = inner.split_whitespace().next().unwrap_or("").to_string();
        let args = parse_args(inner);
        let shortcode_end = i + end + 2;
        match name.as_str() {
            "callout" => {
                let kind = args.get("type").cloned().unwrap_or_else(|| "note".into());
                let close = rest[shortcode_end..].find("{{<").and_then(|j| {
                    let after = &rest[shortcode_end + j..];
                    after
                        .find("}}")
                        .map(|k| (j, after[..k].contains("/callout"), k))
                });
                match close {
                    Some((j, true, k)) => {
                        let content = collapse_whitespace(&rest[shortcode_end..shortcode_end + j]);
                        // A GitHub alert, which the site styles as an
                        // admonition (and GitHub shows as one too).
                        out.push_str(&format!("> [!{}]\n> {content}", alert_kind(&kind)));
                        let next = shortcode_end + j + k + 2;
                        consumed += next;
                        rest = &rest[next..];
                        continue;
                    }
                    _ => diags.push(shortcode_warning(
                        file,
                        at,
                        &name,
                        "it is never closed with {{< /callout >}}",
                    )),
                }
            }
            "cards" | "/cards" => {}
            // Department menus (`*-nav.md`) are navigation; rungs builds its own.
            "include" if inner.contains("-nav.md\"") => {}
            "include" => diags.push(shortcode_warning(
                file,
                at,
                &name,
                "included content is only expanded in level pages",
            )),
            "card" => {
                let title = args.get("title").cloned().unwrap_or_default();
                match args.get("link").map(|l| (l.clone(), link(l))) {
                    Some((_, Some(target))) => out.push_str(&format!("- [{title}]({target})")),
                    Some((l, None)) if l.contains("://") => {
                        out.push_str(&format!("- [{title}]({l})"))
                    }
                    _ => {
                        diags.push(shortcode_warning(
                            file,
                            at,
                            &name,
                            "its link points at no page of the ladder",
                        ));
                        out.push_str(&format!("- {title}"));
                    }
                }
            }
            _ => diags.push(shortcode_warning(
                file,
                at,
                &name,
                "rungs does not know this shortcode",
            )),
        }
        consumed += shortcode_end;
        rest = &rest[shortcode_end..];
    }
    out.push_str(rest);
    // Rewrite relative Markdown links.
    let mut result = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find("](") {
        result.push_str(&rest[..i + 2]);
        let after = &rest[i + 2..];
        let Some(close) = after.find(')') else {
            rest = after;
            break;
        };
        let inner = &after[..close];
        let (dest, title) = inner.split_once(' ').map_or((inner, ""), |(d, t)| (d, t));
        match link(dest) {
            Some(new) if title.is_empty() => result.push_str(&new),
            Some(new) => result.push_str(&format!("{new} {title}")),
            None => result.push_str(inner),
        }
        result.push(')');
        rest = &after[close + 1..];
    }
    result.push_str(rest);
    collapse_blank_lines(&result)
}

fn shortcode_warning(file: &SourceFile, at: usize, name: &str, why: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::NotImported,
        format!("shortcode `{name}` is not imported: {why}"),
    )
    .at(&file.line_span(file.span(at, at).line as usize))
    .help("rewrite its content in Markdown in the imported page")
}

fn parse_args(inner: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut rest = inner;
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .to_string();
        let value_start = eq + 2;
        let Some(end) = rest[value_start..].find('"') else {
            break;
        };
        out.insert(key, rest[value_start..value_start + end].to_string());
        rest = &rest[value_start + end + 1..];
    }
    out
}

fn collapse_blank_lines(text: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in text.trim().lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
            out.push('\n');
        } else {
            blank = 0;
            out.push_str(line);
            out.push('\n');
        }
    }
    out.trim().to_string()
}

/// The words of a bit of HTML: tags removed (each a word break), common
/// entities decoded, white space collapsed.
pub(super) fn html_words(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    collapse_whitespace(&decoded)
}

/// The GitHub alert kind of a Hextra callout `type`.
fn alert_kind(callout: &str) -> &'static str {
    match callout.to_ascii_lowercase().as_str() {
        "warning" => "WARNING",
        "error" | "danger" => "CAUTION",
        "important" => "IMPORTANT",
        "tip" | "success" => "TIP",
        _ => "NOTE",
    }
}

#[cfg(test)]
mod tests {
    use super::html_words;

    #[test]
    fn html_becomes_words() {
        assert_eq!(
            html_words("  Ladders used here&nbsp;<br class=\"x\" />open to all.\n"),
            "Ladders used here open to all."
        );
        assert_eq!(
            html_words("<b>Tenure</b>:&nbsp;2 years"),
            "Tenure : 2 years"
        );
    }
}
