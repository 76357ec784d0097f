//! The integration tests of rungs-core, in one binary (compile time matters).

mod diff;
mod fixtures;
mod hugo;
mod importers;
mod map;
mod properties;
mod roundtrip;
mod safety;
mod schema;
mod support;
