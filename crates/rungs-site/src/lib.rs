//! rungs-site: publishes a career framework as a static website.
//!
//! [`build`] turns a loaded framework into a [`Site`] in memory (for `rungs
//! serve`), and [`build_into`] renders into any [`Output`], such as a
//! [`DirOutput`] that writes each file as soon as it is rendered (for `rungs
//! build`): every page rendered with minijinja templates (embedded,
//! overridable file by file from the framework's `theme/` folder), the search
//! and comparison data, the JSON export and a sitemap.
//!
//! [`add_generated_pages`] adds the pages made from other sources (how our
//! levels compare with another ladder, what changed since a revision)
//! before either.
//!
//! Every link is relative, so the same output works from `file://`, at a
//! domain root and under a sub-path.

#![warn(missing_docs)]

mod chart;
mod data;
mod editions;
mod facts;
mod generated;
mod html;
pub mod i18n;
mod ladder;
mod markdown;
mod render;
pub mod settings;
pub mod theme;
pub mod urls;

use std::collections::BTreeMap;
use std::path::Path;

use rungs_core::{Framework, SourceSet};

pub use generated::{GenerateError, UnknownPin, add_generated_pages, configured, resolve_pins};
pub use settings::SiteSettings;

/// A built site: output paths (relative, `/`-separated) and their bytes.
#[derive(Clone, Debug, Default)]
pub struct Site {
    /// The files, by path. Shared, so a rebuild starts from a cheap copy.
    pub files: BTreeMap<String, std::sync::Arc<[u8]>>,
}

impl Site {
    /// The file at `path`, if any.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|b| &b[..])
    }
}

/// Where rendered files go: memory (for `serve` and tests) or a directory.
pub trait Output: Sync {
    /// Stores one file.
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), SiteError>;

    /// Stores one file produced by a writer (large files are streamed to disk
    /// instead of being held in memory).
    fn put_with(
        &self,
        path: &str,
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), SiteError> {
        let mut bytes = Vec::new();
        write(&mut bytes).map_err(|source| SiteError::Io {
            path: path.to_string(),
            source,
        })?;
        self.put(path, bytes)
    }
}

impl Output for std::sync::Mutex<Site> {
    /// Large files (the search data, the JSON export) are written into a
    /// buffer the size of their previous version, so a rebuild does not
    /// copy megabytes around while the buffer grows.
    fn put_with(
        &self,
        path: &str,
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), SiteError> {
        let previous = self
            .lock()
            .map_or(0, |site| site.get(path).map_or(0, <[u8]>::len));
        let mut bytes = Vec::with_capacity(previous + previous / 8);
        write(&mut bytes).map_err(|source| SiteError::Io {
            path: path.to_string(),
            source,
        })?;
        self.put(path, bytes)
    }

    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), SiteError> {
        let mut site = self.lock().map_err(|_| SiteError::Io {
            path: path.to_string(),
            source: std::io::Error::other("a rendering thread panicked"),
        })?;
        site.files.insert(path.to_string(), bytes.into());
        Ok(())
    }
}

/// Writes each file as soon as it is rendered, so memory stays flat however
/// large the site.
pub struct DirOutput {
    root: std::path::PathBuf,
    /// Directories already created: a site has thousands of files in a few
    /// hundred folders, so each folder is created once, not once per file.
    created: std::sync::Mutex<std::collections::HashSet<std::path::PathBuf>>,
    /// The paths written so far, so the caller can record them and, on the
    /// next build, remove only what this build wrote.
    written: std::sync::Mutex<Vec<String>>,
}

impl DirOutput {
    /// Writes under `root`.
    pub fn new(root: &Path) -> DirOutput {
        DirOutput {
            root: root.to_path_buf(),
            created: std::sync::Mutex::default(),
            written: std::sync::Mutex::default(),
        }
    }

    /// The relative (`/`-separated) paths written so far, sorted.
    pub fn written(&self) -> Vec<String> {
        let mut paths = self.written.lock().map(|w| w.clone()).unwrap_or_default();
        paths.sort();
        paths.dedup();
        paths
    }
}

impl DirOutput {
    fn create(&self, path: &str) -> Result<(std::path::PathBuf, std::fs::File), SiteError> {
        // Output paths contain ids from content; the join refuses any that
        // would lead outside the output folder.
        let full = rungs_core::join_inside(&self.root, path).map_err(|source| SiteError::Io {
            path: path.to_string(),
            source,
        })?;
        let io = |source| SiteError::Io {
            path: full.display().to_string(),
            source,
        };
        if let Some(parent) = full.parent() {
            let known = self
                .created
                .lock()
                .is_ok_and(|created| created.contains(parent));
            if !known {
                std::fs::create_dir_all(parent).map_err(io)?;
                if let Ok(mut created) = self.created.lock() {
                    created.insert(parent.to_path_buf());
                }
            }
        }
        let file = std::fs::File::create(&full).map_err(io)?;
        if let Ok(mut written) = self.written.lock() {
            written.push(path.to_owned());
        }
        Ok((full, file))
    }
}

impl Output for DirOutput {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), SiteError> {
        use std::io::Write;
        let (full, mut file) = self.create(path)?;
        file.write_all(&bytes).map_err(|source| SiteError::Io {
            path: full.display().to_string(),
            source,
        })
    }

    fn put_with(
        &self,
        path: &str,
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), SiteError> {
        use std::io::Write;
        let (full, file) = self.create(path)?;
        let mut buffered = std::io::BufWriter::with_capacity(1 << 20, file);
        write(&mut buffered)
            .and_then(|()| buffered.flush())
            .map_err(|source| SiteError::Io {
                path: full.display().to_string(),
                source,
            })
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
    /// A file could not be written.
    #[error("cannot write `{path}`: {source}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        #[source]
        source: std::io::Error,
    },
    /// `[site]` in rungs.toml is invalid.
    #[error("rungs.toml [site]: {0}")]
    Settings(String),
    /// A track, level or page id cannot become a file name (even with
    /// `--force`, which builds despite other errors).
    #[error("{0}")]
    InvalidId(String),
}

/// Refuses, before anything is written, a framework with an id that cannot
/// become part of an output path; `rungs check` reports each of them.
fn check_ids(framework: &Framework) -> Result<(), SiteError> {
    match rungs_core::path_ids(framework).first() {
        Some(d) => Err(SiteError::InvalidId(format!(
            "{} ({})",
            d.message,
            d.location()
        ))),
        None => Ok(()),
    }
}

/// Builds the website of `framework`, whose files are `sources` (for the
/// `[site]` settings, `theme/` overrides and `static/` assets).
pub fn build(framework: &Framework, sources: &SourceSet) -> Result<Site, SiteError> {
    let out = std::sync::Mutex::new(Site::default());
    build_into(framework, sources, &out)?;
    out.into_inner().map_err(|_| SiteError::Io {
        path: String::new(),
        source: std::io::Error::other("a rendering thread panicked"),
    })
}

/// Builds the website into any [`Output`] (e.g. [`DirOutput`] for `rungs build`),
/// with each translation under `translations/` (see [`build_translated_into`]).
pub fn build_into(
    framework: &Framework,
    sources: &SourceSet,
    out: &dyn Output,
) -> Result<(), SiteError> {
    let translations = rungs_core::translate::Translations::read(sources, framework);
    build_translated_into(framework, &translations, sources, out)
}

/// Builds the website into `out`: the source at the root and each of
/// `translations` (as loaded with the framework, [`rungs_core::Loaded`])
/// that `[site] languages` publishes under `<lang>/`, a complete site.
pub fn build_translated_into(
    framework: &Framework,
    translations: &rungs_core::translate::Translations,
    sources: &SourceSet,
    out: &dyn Output,
) -> Result<(), SiteError> {
    check_ids(framework)?;
    let settings = SiteSettings::from_sources(sources)?;
    let theme = theme::Theme::load(sources, &settings)?;
    let languages = editions::published(translations, &settings)?;
    editions::render_editions(framework, &languages, sources, &settings, &theme, out, None)
}

/// Rebuilds `previous` (the site of `old`) for `new` after the files
/// `changed` (relative paths) changed, re-rendering only the pages of the
/// tracks those files belong to, and of the tracks that inherit from or branch
/// off them. Falls back to a full build when a site-wide file changed
/// (rungs.toml, pages, the home page, the theme) or levels were added,
/// removed or renamed.
pub fn rebuild(
    old: &Framework,
    previous: Site,
    new: &Framework,
    sources: &SourceSet,
    changed: &[String],
) -> Result<Site, SiteError> {
    let affected = match affected_tracks(old, new, changed) {
        Some(set) => set,
        None => return build(new, sources),
    };
    check_ids(new)?;
    let settings = SiteSettings::from_sources(sources)?;
    let theme = theme::Theme::load(sources, &settings)?;
    let translations = rungs_core::translate::Translations::read(sources, new);
    let languages = editions::published(&translations, &settings)?;
    let out = std::sync::Mutex::new(previous);
    editions::render_editions(
        new,
        &languages,
        sources,
        &settings,
        &theme,
        &out,
        Some(&affected),
    )?;
    out.into_inner().map_err(|_| SiteError::Io {
        path: String::new(),
        source: std::io::Error::other("a rendering thread panicked"),
    })
}

/// The ids of tracks to re-render, or `None` when a full build is needed.
fn affected_tracks(
    old: &Framework,
    new: &Framework,
    changed: &[String],
) -> Option<std::collections::HashSet<String>> {
    let shape = |fw: &Framework| -> Vec<(String, Vec<(String, u32)>)> {
        fw.tracks
            .iter()
            .map(|t| {
                (
                    t.id.clone(),
                    t.levels.iter().map(|l| (l.id.clone(), l.rank)).collect(),
                )
            })
            .collect()
    };
    if shape(old) != shape(new) {
        return None;
    }
    let mut affected = std::collections::HashSet::new();
    for path in changed {
        let parts: Vec<&str> = path.split('/').collect();
        let track = match parts.as_slice() {
            ["tracks", name] => name
                .strip_suffix(".yaml")
                .or_else(|| name.strip_suffix(".yml"))?,
            ["tracks", track, _] => track,
            _ => return None,
        };
        // A track header change can rename the track or change its kind or branch.
        let same_header = |t: &rungs_core::model::Track, u: &rungs_core::model::Track| {
            t.title == u.title
                && t.kind == u.kind
                && t.extends == u.extends
                && t.extends_areas == u.extends_areas
                && t.branch == u.branch
        };
        match (old.track(track), new.track(track)) {
            (Some(t), Some(u)) if same_header(t, u) => affected.insert(track.to_string()),
            _ => return None,
        };
    }
    // Tracks that inherit from or branch off a changed track show its levels.
    loop {
        let more: Vec<String> = new
            .tracks
            .iter()
            .filter(|t| !affected.contains(&t.id))
            .filter(|t| {
                t.extends.as_ref().is_some_and(|e| affected.contains(e))
                    || t.branch
                        .as_ref()
                        .is_some_and(|b| affected.contains(&b.from))
            })
            .map(|t| t.id.clone())
            .collect();
        if more.is_empty() {
            break;
        }
        affected.extend(more);
    }
    Some(affected)
}
