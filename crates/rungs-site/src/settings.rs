//! The `[site]` table of rungs.toml: presentation settings.

use serde::Deserialize;

use rungs_core::model::Span;
use rungs_core::{Code, Diagnostic, SourceFile, SourceSet};

use crate::SiteError;

/// How the website looks and behaves.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSettings {
    /// Path of a logo image the site publishes (`static/...`, or a theme
    /// asset `assets/...`); an `https://` URL only with `allow_external`.
    pub logo: Option<String>,
    /// The logo shown in dark mode (as for `logo`); `logo` in both modes
    /// when absent.
    pub logo_dark: Option<String>,
    /// The page icon (as for `logo`); `logo` when absent, and an empty icon
    /// when neither is set, so browsers do not ask for `/favicon.ico`.
    pub favicon: Option<String>,
    /// Print each statement's anchor beside it (for reviewers who cite
    /// statements by their code). Off by default: printed pages read as a
    /// document.
    #[serde(default)]
    pub print_codes: bool,
    /// Publish the JSON export of the whole framework as `framework.json`,
    /// for programs that read the site. Off by default: it is the largest
    /// file a site publishes (tens of megabytes for thousands of levels) and
    /// no page needs it; `rungs export --format json` writes the same
    /// document.
    #[serde(default)]
    pub json_export: bool,
    /// Accent colour as a CSS colour, e.g. `#0b6bcb`.
    pub accent: Option<String>,
    /// Path of an extra stylesheet the site publishes, loaded after the
    /// theme's (as for `logo`).
    pub extra_css: Option<String>,
    /// Allow `logo` and `extra_css` to be `https://` (or `http://`) URLs.
    /// Off by default: a page then depends on, and tells, another server.
    #[serde(default)]
    pub allow_external: bool,
    /// Keep `<script>` elements, event handlers and `javascript:` links in the
    /// framework's raw HTML. Off by default: HTML is sanitised.
    #[serde(default)]
    pub allow_scripts: bool,
    /// Footer text (Markdown).
    pub footer: Option<String>,
    /// The language of the site's own words (navigation, headings, search,
    /// comparisons), dates and numbers: `en` (the default), `de` or `ja`.
    pub language: Option<String>,
    /// Links shown in the header of every page (`[[site.links]]`), e.g. the
    /// organisation's home page or the ladder's repository.
    #[serde(default)]
    pub links: Vec<SiteLink>,
    /// Other frameworks to publish a "how our levels compare" page for.
    #[serde(default)]
    pub compare_with: Vec<CompareWith>,
    /// A git revision to publish a "what changed" page against (e.g. `v1.0`).
    pub changes_since: Option<String>,
    /// The translations (`translations/<lang>/`) to publish, each under
    /// `<lang>/`: all of them when absent, none with `[]`.
    pub languages: Option<Vec<String>>,
}

/// A link in the site's header.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteLink {
    /// The text shown.
    pub title: String,
    /// Where it goes: an absolute URL or a path of the site.
    pub url: String,
}

/// Another framework to map our levels onto.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareWith {
    /// Where it is: a directory relative to this framework, or `FORMAT:PATH`
    /// (`hugo:`, `monzo:`, `ft:`, `json:`).
    pub source: String,
    /// How to name it on the page (default: its title).
    pub title: Option<String>,
    /// Our track to map (default: our first track).
    pub track: Option<String>,
    /// Their track to map onto (default: their first track).
    pub their_track: Option<String>,
    /// Declared equivalences: our level id → their level id. The alignment
    /// goes through every pin (here and in `rungs map`).
    #[serde(default)]
    pub pins: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Root {
    #[serde(default)]
    site: Option<SiteSettings>,
}

/// The keys of `[site]` and of `[[site.compare_with]]`, for "did you mean".
const KEYS: &[&str] = &[
    "logo",
    "logo_dark",
    "favicon",
    "print_codes",
    "json_export",
    "accent",
    "extra_css",
    "allow_scripts",
    "footer",
    "language",
    "links",
    "url",
    "compare_with",
    "changes_since",
    "languages",
    "source",
    "title",
    "track",
    "their_track",
    "pins",
];

impl SiteSettings {
    /// Reads `[site]` from the framework's rungs.toml (defaults when absent).
    pub fn from_sources(sources: &SourceSet) -> Result<SiteSettings, SiteError> {
        Self::read(sources).map_err(|diagnostics| {
            SiteError::Settings(
                diagnostics
                    .iter()
                    .map(|d| match &d.help {
                        Some(help) => format!("{}: {} ({help})", d.location(), d.message),
                        None => format!("{}: {}", d.location(), d.message),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })
    }

    /// What is wrong with `[site]`, as diagnostics with file, line and
    /// column, for `rungs check`. Empty when it is valid, and when
    /// rungs.toml is not TOML at all (loading reports that).
    pub fn check(sources: &SourceSet) -> Vec<Diagnostic> {
        match sources.get("rungs.toml") {
            Some(file) if toml::from_str::<toml::Table>(file.text()).is_ok() => {
                Self::read(sources).err().unwrap_or_default()
            }
            _ => Vec::new(),
        }
    }

    fn read(sources: &SourceSet) -> Result<SiteSettings, Vec<Diagnostic>> {
        let Some(file) = sources.get("rungs.toml") else {
            return Ok(SiteSettings::default());
        };
        let text = file.text();
        let root: Root = toml::from_str(text).map_err(|e| {
            let span = match e.span() {
                Some(r) => file.span(r.start, r.end.max(r.start + 1)),
                None => file.start_span(),
            };
            let message = e.message().trim().to_string();
            let unknown = message
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split('`').next());
            let d = match unknown {
                Some(key) => Diagnostic::error(
                    Code::UnknownKey,
                    format!("`{key}` is not a setting of [site]"),
                )
                .at(&span)
                .label("unknown key")
                .help(rungs_core::text::suggest_or(
                    key,
                    KEYS.iter().copied(),
                    || "see docs/theming.md for the settings of [site]".to_string(),
                )),
                None => Diagnostic::error(Code::Syntax, format!("[site]: {message}"))
                    .at(&span)
                    .help("see docs/theming.md for the settings of [site]"),
            };
            vec![d]
        })?;
        let settings = root.site.unwrap_or_default();
        if let Some(accent) = &settings.accent {
            // The accent goes into a style attribute: accept colour syntax only.
            let ok = accent
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "#(),.% ".contains(c));
            if !ok {
                return Err(vec![
                    Diagnostic::error(
                        Code::InvalidValue,
                        format!("accent `{accent}` is not a CSS colour"),
                    )
                    .at(&key_span(file, "accent"))
                    .help("write a colour such as `#0b6bcb`, `rgb(11, 107, 203)` or `teal`"),
                ]);
            }
        }
        if let Some(language) = &settings.language
            && crate::i18n::catalogue(language).is_none()
        {
            return Err(vec![
                Diagnostic::error(
                    Code::InvalidValue,
                    format!("the site cannot be written in `{language}`"),
                )
                .at(&value_span(file, "language"))
                .label("unknown or unsupported language")
                .help(language_help(language)),
            ]);
        }
        for (key, value) in [
            ("logo", &settings.logo),
            ("logo_dark", &settings.logo_dark),
            ("favicon", &settings.favicon),
            ("extra_css", &settings.extra_css),
        ] {
            if let Some(value) = value
                && let Err(message) = check_asset(key, value, settings.allow_external, sources)
            {
                return Err(vec![
                    Diagnostic::error(Code::InvalidValue, message)
                        .at(&key_span(file, key))
                        .help("see docs/theming.md on logo and extra_css"),
                ]);
            }
        }
        Ok(settings)
    }
}

/// Which supported language `code` probably means, and which there are.
fn language_help(code: &str) -> String {
    let lower = code.trim().to_ascii_lowercase().replace('_', "-");
    // ISO 639-2 codes, country codes used for languages, regional variants.
    let primary = lower.split('-').next().unwrap_or("");
    let alias = match primary {
        "deu" | "ger" | "german" | "deutsch" => Some("de"),
        "jp" | "jpn" | "japanese" => Some("ja"),
        "eng" | "english" => Some("en"),
        other => crate::i18n::catalogue(other).map(|_| other),
    };
    let codes: Vec<&str> = crate::i18n::LANGUAGES.iter().map(|(c, _, _)| *c).collect();
    let known = codes
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match alias.and_then(|a| codes.iter().find(|c| **c == a)) {
        Some(code) => format!("did you mean `{code}`? The site is written in {known}"),
        None => rungs_core::text::suggest_or(code, codes.iter().copied(), || {
            format!("the site is written in {known}; see docs/website.md on adding a language")
        }),
    }
}

/// The value `key` is set to (on the first line that sets it), or the
/// key's span when the value is not a plain string.
fn value_span(file: &SourceFile, key: &str) -> Span {
    let span = key_span(file, key);
    let text = file.text();
    let start = span.start;
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..line_end];
    match (line.find('"'), line.rfind('"')) {
        (Some(a), Some(b)) if b > a => file.span(start + a, start + b + 1),
        _ => span,
    }
}

/// The line that sets `key` (the first one), or the file's start.
fn key_span(file: &SourceFile, key: &str) -> Span {
    let text = file.text();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            let start = offset + (line.len() - trimmed.len());
            return file.span(start, start + key.len());
        }
        offset += line.len();
    }
    file.start_span()
}

/// Whether `value` is an `http(s)://` URL rather than a path.
pub fn is_external(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// `logo` and `extra_css` must name a file the site publishes, by a plain
/// relative path, so they work from every page (the templates prefix each
/// page's way back to the root) and cannot point at another server or a
/// `javascript:` URL; external URLs need `allow_external = true`.
fn check_asset(
    key: &str,
    value: &str,
    allow_external: bool,
    sources: &SourceSet,
) -> Result<(), String> {
    if is_external(value) {
        if allow_external {
            return Ok(());
        }
        return Err(format!(
            "{key} `{value}` is an external URL; put the file under static/ and write `static/...`, \
             or set `allow_external = true` in [site] if the site may load it from there"
        ));
    }
    let plain = !value.is_empty()
        && !value.contains(['\\', ':', '?', '#', '"', '\'', '<', '>'])
        && value
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..");
    if !plain {
        return Err(format!(
            "{key} `{value}` is not a plain relative path; write the path of a file under static/, such as `static/logo.svg`"
        ));
    }
    let published = if value.starts_with("static/") {
        sources.get(value).is_some()
    } else if let Some(asset) = value.strip_prefix("assets/") {
        sources.get(&format!("theme/assets/{asset}")).is_some()
            || crate::theme::ASSETS.iter().any(|(name, _)| *name == asset)
    } else {
        false
    };
    if !published {
        return Err(format!(
            "{key} `{value}` is not a file the site publishes; put it under static/ (published as is) \
             or theme/assets/ (published as assets/...) and write that path"
        ));
    }
    Ok(())
}
