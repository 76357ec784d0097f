//! The store's tests, on SQLite always and on PostgreSQL when
//! `RUNGS_TEST_POSTGRES_URL` is set (required under `RUNGS_REQUIRE_ALL=1`):
//! the schema both migration sets make, the invariants the database holds,
//! and migrating a database the previous version wrote.

mod support;

mod invariants;
mod migrate;
mod schema;
mod search;
