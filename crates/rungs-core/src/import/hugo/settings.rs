//! The presentation settings of a Hugo site: logo, copyright, menus.
//!
//! What rungs's website can show is carried over into the `[site]` table of
//! the imported rungs.toml: the copyright notice (from the configuration's
//! `copyright` or the translation files') as `footer`, the absolute links of
//! the menus as `[[site.links]]`. The rest (the logo, whose image is not part
//! of the content; links into the old site's own pages) is reported with the
//! line it is on and its value, so the author can finish by hand.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::frontmatter;
use crate::source::{SourceFile, SourceSet};

/// A value of the expected shape, or anything else (ignored, never fatal:
/// a theme-specific setting must not cost the site its title).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Tolerant<T> {
    Ok(T),
    Other(IgnoredAny),
}

impl<T> Tolerant<T> {
    fn ok(&self) -> Option<&T> {
        match self {
            Tolerant::Ok(t) => Some(t),
            Tolerant::Other(_) => None,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Logo {
    Path(String),
    Table { path: Option<String> },
}

#[derive(Debug, Default, Deserialize)]
struct Navbar {
    logo: Option<Tolerant<Logo>>,
}

#[derive(Debug, Default, Deserialize)]
struct Params {
    navbar: Option<Tolerant<Navbar>>,
    logo: Option<Tolerant<Logo>>,
}

#[derive(Debug, Deserialize)]
struct MenuEntry {
    name: Option<String>,
    url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Parts {
    copyright: Option<Tolerant<String>>,
    params: Option<Tolerant<Params>>,
    menu: Option<Tolerant<BTreeMap<String, Tolerant<Vec<MenuEntry>>>>>,
}

/// Translated strings: a string, or Hugo's `{ other = "…" }` form.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Translation {
    Text(String),
    Plural { other: String },
}

#[derive(Debug, Default, Deserialize)]
struct I18n {
    copyright: Option<Tolerant<Translation>>,
}

/// Reads the logo, copyright and menus of the configuration `file` (and the
/// copyright of the site's translation files): what rungs can show comes back
/// as the `[site]` table, the rest is reported as not imported.
pub(super) fn read(site: &SourceSet, file: &SourceFile, diags: &mut Diagnostics) -> toml::Table {
    let mut out = toml::Table::new();
    let parts: Parts = if file.path.ends_with(".toml") {
        toml::from_str(file.text()).unwrap_or_default()
    } else {
        frontmatter::parse_yaml(file, file.text(), 0).unwrap_or_default()
    };
    let params = parts.params.as_ref().and_then(Tolerant::ok);
    let logo = params
        .and_then(|p| p.navbar.as_ref())
        .and_then(Tolerant::ok)
        .and_then(|n| n.logo.as_ref())
        .or_else(|| params.and_then(|p| p.logo.as_ref()))
        .and_then(Tolerant::ok);
    if let Some(logo) = logo {
        let path = match logo {
            Logo::Path(p) => Some(p.as_str()),
            Logo::Table { path } => path.as_deref(),
        };
        if let Some(path) = path {
            diags.push(
                not_imported(file, "logo", format!("site logo `{path}` is not imported (the image is not part of the content)"))
                    .help("copy the image into the framework's static/ folder and set `[site] logo = \"static/…\"` in rungs.toml"),
            );
        }
    }
    if let Some(c) = parts.copyright.as_ref().and_then(Tolerant::ok) {
        out.insert("footer".into(), toml::Value::String(footer(c)));
    } else if let Some(f) = translated_copyright(site, diags) {
        out.insert("footer".into(), toml::Value::String(f));
    }
    let mut links: Vec<toml::Value> = Vec::new();
    let menus = parts.menu.as_ref().and_then(Tolerant::ok);
    for (name, entries) in menus.into_iter().flatten() {
        let mut left: Vec<String> = Vec::new();
        for e in entries.ok().into_iter().flatten() {
            match (&e.name, &e.url) {
                (Some(title), Some(url)) if url.contains("://") => {
                    let mut link = toml::Table::new();
                    link.insert("title".into(), toml::Value::String(title.clone()));
                    link.insert("url".into(), toml::Value::String(url.clone()));
                    links.push(toml::Value::Table(link));
                }
                (Some(title), Some(url)) => left.push(format!("{title} ({url})")),
                (Some(title), None) => left.push(title.clone()),
                _ => {}
            }
        }
        if !left.is_empty() {
            diags.push(
                not_imported(
                    file,
                    name,
                    format!(
                        "entries of menu `{name}` without an absolute URL are not imported: {}",
                        left.join(", ")
                    ),
                )
                .help("they point into the Hugo site's own pages or only structure the menu; add `[[site.links]]` for any you still need"),
            );
        }
    }
    if !links.is_empty() {
        out.insert("links".into(), toml::Value::Array(links));
    }
    out
}

/// A copyright notice as a footer: HTML comments (a commented-out logo) dropped.
fn footer(text: &str) -> String {
    super::discovery::blank_comments(text)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The copyright of the translation files: English first, else the first
/// language; the other languages' notices are reported.
fn translated_copyright(site: &SourceSet, diags: &mut Diagnostics) -> Option<String> {
    let mut files: Vec<&SourceFile> = site
        .iter()
        .filter(|f| f.path.starts_with("i18n/"))
        .collect();
    files.sort_by_key(|f| (!f.path.starts_with("i18n/en."), f.path.clone()));
    let mut found: Option<String> = None;
    for f in files {
        let parsed: I18n = if f.path.ends_with(".toml") {
            toml::from_str(f.text()).unwrap_or_default()
        } else {
            frontmatter::parse_yaml(f, f.text(), 0).unwrap_or_default()
        };
        let Some(t) = parsed.copyright.as_ref().and_then(Tolerant::ok) else {
            continue;
        };
        let text = match t {
            Translation::Text(s) | Translation::Plural { other: s } => footer(s),
        };
        if found.is_none() {
            found = Some(text);
        } else if let Some(line) = key_line(f.text(), "copyright") {
            diags.push(
                Diagnostic::warning(
                    Code::NotImported,
                    format!("the copyright notice of `{}` is not imported (rungs sites have one language)", f.path),
                )
                .at(&f.line_span(line))
                .help("the footer holds the first language's notice; edit `[site] footer` to change it"),
            );
        }
    }
    found
}

fn not_imported(file: &SourceFile, key: &str, message: String) -> Diagnostic {
    let d = Diagnostic::warning(Code::NotImported, message);
    match key_line(file.text(), key) {
        Some(line) => d.at(&file.line_span(line)),
        None => d.at(&file.start_span()),
    }
}

/// The 1-based line on which `key` is set: `key:` (YAML), `key =` (TOML)
/// or a table header naming it (`[menu.main]`, `[[menu.main]]`).
fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let t = l.trim_start();
            let plain = t
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '=']));
            let header = t.starts_with('[')
                && t.trim_matches(|c| c == '[' || c == ']')
                    .rsplit('.')
                    .next()
                    .is_some_and(|last| last.trim() == key);
            plain || header
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_in_yaml_and_toml() {
        assert_eq!(key_line("a: 1\ncopyright: x\n", "copyright"), Some(2));
        assert_eq!(key_line("a = 1\n[[menu.main]]\n", "main"), Some(2));
        assert_eq!(key_line("  logo:\n", "logo"), Some(1));
        assert_eq!(key_line("logos: 1\n", "logo"), None);
    }
}
