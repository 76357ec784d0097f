//! rungs-core: career frameworks as data.
//!
//! Files in, model and diagnostics out; no async, no network, no database.
//! Read this list as the table of contents of the crate:
//!
//! - **Load and check** a framework: [`SourceSet`] (its files, from a
//!   directory or built in memory), [`load`] (and [`load_cached`] for live
//!   previews) into a [`Framework`] ([`model`]) with [`Diagnostic`]s that
//!   point at file, line and column.
//! - **Read what a user points at**: a directory, another format
//!   (`FORMAT:PATH`) or a git revision ([`read_framework`],
//!   [`read_version`], [`read_source`]; a framework with errors comes back
//!   as [`Invalid`], with its diagnostics). [`git`] is the one module that
//!   runs a program.
//! - **Import and export** other formats: the [`import`] registry (Hugo
//!   sites, Monzo, Financial Times, CSV, JSON) and [`export`] (JSON, CSV,
//!   Markdown, Hugo).
//! - **Compare, relink, diff and map**, all on one similarity engine
//!   ([`similarity`]): [`compare`] two levels, [`relink`] the statements of
//!   two versions (the [`relink::IdMap`] stored data follows), [`diff`] two
//!   versions into a changelog, [`map`] the levels of two ladders.
//! - **Impact** of an edit on people ([`impact`]): who becomes or stops
//!   being ready, what becomes of ratings, from data held as plain values
//!   (aggregates only, small groups hidden), and the `[impact]` limits; and
//!   statement health from held assessments.
//! - **Grades** that line tracks up ([`grades`]): the levels of every track
//!   at each grade of a shared scale.
//! - **Titles** as people write them ("Sr. Software Engineer", "SWE II")
//!   placed on a framework's ladders, with a confidence and reasons
//!   ([`titles`]).
//! - **Translations** beside the ladder ([`translate`]): loaded and
//!   checked with it (missing, stale, moved, orphaned), exchanged as XLIFF
//!   or CSV, and looked up with a fallback to the source.
//! - [`fmt`]: level pages rewritten in canonical form, never changing what
//!   they mean.
//! - Small [`text`] helpers shared with the website, and [`synth`]etic
//!   frameworks for benchmarks (feature `synth`).
//!
//! Loading is CPU-bound and uses rayon. From async code (a server), call it
//! on a blocking thread (`tokio::task::spawn_blocking`), never on a runtime
//! worker.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod align;
mod areas;
pub mod assess;
mod diagnostic;
pub mod export;
pub mod fmt;
pub mod git;
pub mod grades;
pub mod ids;
pub mod impact;
pub mod import;
mod input;
mod load;
pub mod model;
pub mod promotions;
mod source;
#[cfg(feature = "synth")]
pub mod synth;
pub mod text;
pub mod titles;
pub mod translate;
mod validate;

pub use align::{compare, diff, engine as similarity, map, relink};
pub use areas::{Ambiguity, AreaIndex};
pub use diagnostic::{Code, Diagnostic, Diagnostics, Severity};
pub use input::{
    Invalid, ReadError, Reported, read_dir, read_framework, read_framework_reported, read_source,
    read_version,
};
pub use load::{LoadCache, LoadError, Loaded, load, load_cached};
pub use model::Framework;
pub use source::{
    FileLimits, InvalidUtf8, SourceFile, SourceSet, TEMPLATES, Template, is_ignored, join_inside,
};
pub use validate::path_ids;
