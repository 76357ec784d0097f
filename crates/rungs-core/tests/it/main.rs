//! The integration tests of rungs-core, in one binary (compile time matters).

mod diff;
mod fixtures;
mod hugo;
mod hugo_gitlab;
mod importers;
mod map;
mod relink;
mod roundtrip;
mod schema;
mod support;
