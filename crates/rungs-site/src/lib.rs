//! rungs-site: publishes a career framework as a static website.
//!
//! [`build`] turns a loaded framework into a [`Site`]: every page rendered
//! with minijinja templates (embedded, overridable file by file from the
//! framework's `theme/` folder), the search and comparison data, the JSON
//! export and a sitemap. Nothing is written to disk until [`Site::write_to`],
//! so `rungs serve` can keep the site in memory.
//!
//! Every link is relative, so the same output works from `file://`, at a
//! domain root and under a sub-path.

mod chart;
mod data;
mod ladder;
mod markdown;
mod render;
pub mod settings;
pub mod theme;
pub mod urls;

use std::collections::BTreeMap;
use std::path::Path;

use rungs_core::{Framework, SourceSet};

pub use settings::SiteSettings;

/// A built site: output paths (relative, `/`-separated) and their bytes.
#[derive(Clone, Debug, Default)]
pub struct Site {
    /// The files, by path.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Site {
    /// Writes every file under `dir` (in parallel; files are independent).
    pub fn write_to(&self, dir: &Path) -> std::io::Result<()> {
        use rayon::prelude::*;
        let dirs: std::collections::BTreeSet<std::path::PathBuf> = self
            .files
            .keys()
            .filter_map(|p| dir.join(p).parent().map(Path::to_path_buf))
            .collect();
        for d in dirs {
            std::fs::create_dir_all(d)?;
        }
        self.files
            .par_iter()
            .map(|(path, bytes)| std::fs::write(dir.join(path), bytes))
            .collect::<std::io::Result<()>>()
    }

    /// The file at `path`, if any.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }
}

/// Why a site could not be built.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// A template (embedded or from `theme/`) failed to parse or render.
    #[error("template `{name}`: {source}")]
    Template {
        /// The template name.
        name: String,
        /// The minijinja error.
        #[source]
        source: minijinja::Error,
    },
    /// `[site]` in rungs.toml is invalid.
    #[error("rungs.toml [site]: {0}")]
    Settings(String),
}

/// Builds the website of `framework`, whose files are `sources` (for the
/// `[site]` settings, `theme/` overrides and `static/` assets).
pub fn build(framework: &Framework, sources: &SourceSet) -> Result<Site, SiteError> {
    let settings = SiteSettings::from_sources(sources)?;
    let theme = theme::Theme::load(sources)?;
    render::render_site(framework, sources, &settings, &theme)
}
