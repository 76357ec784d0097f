//! The integration tests of rungs-core, in one binary (compile time matters).

mod diff;
mod fixtures;
mod ft;
mod hugo;
mod importers;
mod map;
mod monzo;
mod relink;
mod roundtrip;
mod schema;
mod support;
