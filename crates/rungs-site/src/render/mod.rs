//! Rendering every page of the site.
//!
//! [`jobs`] plans the pages of a build and renders them in parallel, with the
//! data files and the [`sitemap`]; every page reads the shared [`context`]
//! (the site, its navigation, what is worked out once per build). Each kind
//! of page has its own module: [`pages`] (home, 404, free pages), [`track`],
//! [`matrix`] (a track's grid of all levels), [`level`], [`compare`] and
//! [`grades`]; [`statements`] writes the statement lists they share.

mod compare;
mod context;
mod grades;
mod jobs;
mod level;
mod matrix;
mod pages;
mod sitemap;
mod statements;
mod track;

use serde::Serialize;

use rungs_core::model::{Level, Track};

pub(crate) use jobs::render_site;

/// A rendered page: its path and its bytes.
type Rendered = Result<(String, Vec<u8>), crate::SiteError>;

/// A link: title and path relative to the site root.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Link {
    /// Text of the link.
    pub(crate) title: String,
    /// Target, relative to the site root.
    pub(crate) url: String,
}

/// The file an item was read from, or where it would be in the native layout.
fn source_of(span: &rungs_core::model::Span, conventional: impl FnOnce() -> String) -> String {
    if span.is_unknown() {
        conventional()
    } else {
        span.file.to_string()
    }
}

fn key(track: &Track, level: &Level) -> String {
    format!("{}/{}", track.id, level.id)
}
