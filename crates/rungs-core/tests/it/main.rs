//! The integration tests of rungs-core, in one binary (compile time matters).

mod any_script;
mod diff;
mod fixtures;
mod ft;
mod hugo;
mod hugo_gitlab;
mod importers;
mod map;
mod monzo;
mod no_panic;
mod properties;
mod relink;
mod roundtrip;
mod safety;
mod schema;
mod support;
mod titles;
mod translations;
