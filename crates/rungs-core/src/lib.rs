//! rungs-core: career frameworks as data.
//!
//! Load a framework directory ([`load::load`]) into the [`model`], with
//! [`diagnostic`]s that point at file, line and column; export it
//! ([`export`]); import other formats ([`import`]); generate synthetic
//! frameworks for benchmarks ([`synth`]).
//!
//! This crate has no async, no network and no database: everything is a pure
//! function of files in, model out.

#![warn(missing_docs)]

pub mod align;
pub mod areas;
pub mod diagnostic;
pub mod export;
pub mod ids;
pub mod import;
pub mod load;
pub mod model;
pub mod source;
#[cfg(feature = "synth")]
pub mod synth;
pub mod text;
pub mod validate;

pub use align::{compare, diff, engine as similarity, map, relink};
pub use diagnostic::{Code, Diagnostic, Diagnostics, Severity};
pub use load::{LoadCache, LoadError, Loaded, load, load_cached};
pub use model::Framework;
pub use source::{SourceFile, SourceSet};
