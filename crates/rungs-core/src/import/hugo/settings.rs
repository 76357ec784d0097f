//! The presentation settings of a Hugo site (logo, copyright, menus).
//!
//! rungs's `Framework` does not carry website settings (they live in the
//! `[site]` table of rungs.toml, read by rungs-site), so the importer cannot
//! write them yet. Rather than let them vanish, each one is reported with the
//! line it is on and the value, so the author can copy it into `[site]`.

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

/// Reports the logo, copyright and menus of the configuration `file`, and
/// any `copyright` of the site's translation files, as not imported.
pub(super) fn report(site: &SourceSet, file: &SourceFile, diags: &mut Diagnostics) {
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
                not_imported(file, "logo", format!("site logo `{path}` is not imported"))
                    .help("copy the image into the framework's static/ folder and set `[site] logo = \"static/…\"` in rungs.toml"),
            );
        }
    }
    if let Some(c) = parts.copyright.as_ref().and_then(Tolerant::ok) {
        diags.push(
            not_imported(
                file,
                "copyright",
                format!(
                    "copyright notice `{}` is not imported",
                    first_line(c)
                ),
            )
            .help("set `[site] footer = \"…\"` (Markdown) in rungs.toml; a licence notice may be required by the source's licence"),
        );
    }
    let menus = parts.menu.as_ref().and_then(Tolerant::ok);
    for (name, entries) in menus.into_iter().flatten() {
        let links: Vec<String> = entries
            .ok()
            .into_iter()
            .flatten()
            .filter_map(|e| match (&e.name, &e.url) {
                (Some(n), Some(u)) => Some(format!("{n} ({u})")),
                _ => None,
            })
            .collect();
        if links.is_empty() {
            continue;
        }
        diags.push(
            not_imported(
                file,
                name,
                format!("menu `{name}` is not imported: {}", links.join(", ")),
            )
            .help("add the links you need to the imported home page or footer"),
        );
    }
    // Translation files hold the copyright of some themes (`copyright: …`).
    for f in site.iter().filter(|f| f.path.starts_with("i18n/")) {
        if let Some(line) = key_line(f.text(), "copyright") {
            diags.push(
                Diagnostic::warning(
                    Code::NotImported,
                    format!(
                        "the translated copyright notice in `{}` is not imported",
                        f.path
                    ),
                )
                .at(&f.line_span(line))
                .help("set `[site] footer = \"…\"` (Markdown) in rungs.toml"),
            );
        }
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("").trim()
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
