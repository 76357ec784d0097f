//! The `[site]` table of rungs.toml: presentation settings.

use serde::Deserialize;

use rungs_core::SourceSet;

use crate::SiteError;

/// How the website looks and behaves.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSettings {
    /// Path of a logo image inside the framework (usually under `static/`).
    pub logo: Option<String>,
    /// Accent colour as a CSS colour, e.g. `#0b6bcb`.
    pub accent: Option<String>,
    /// Path of an extra stylesheet inside the framework, loaded after the theme's.
    pub extra_css: Option<String>,
    /// Keep `<script>` elements, event handlers and `javascript:` links in the
    /// framework's raw HTML. Off by default: HTML is sanitised.
    #[serde(default)]
    pub allow_scripts: bool,
    /// Footer text (Markdown).
    pub footer: Option<String>,
    /// Other frameworks to publish a "how our levels compare" page for.
    #[serde(default)]
    pub compare_with: Vec<CompareWith>,
    /// A git revision to publish a "what changed" page against (e.g. `v1.0`).
    pub changes_since: Option<String>,
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

impl SiteSettings {
    /// Reads `[site]` from the framework's rungs.toml (defaults when absent).
    pub fn from_sources(sources: &SourceSet) -> Result<SiteSettings, SiteError> {
        let Some(file) = sources.get("rungs.toml") else {
            return Ok(SiteSettings::default());
        };
        let root: Root = toml::from_str(file.text())
            .map_err(|e| SiteError::Settings(e.message().to_string()))?;
        let settings = root.site.unwrap_or_default();
        if let Some(accent) = &settings.accent {
            // The accent goes into a style attribute: accept colour syntax only.
            let ok = accent
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "#(),.% ".contains(c));
            if !ok {
                return Err(SiteError::Settings(format!(
                    "accent `{accent}` is not a CSS colour"
                )));
            }
        }
        Ok(settings)
    }
}
