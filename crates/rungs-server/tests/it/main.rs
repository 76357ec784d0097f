//! The server's tests: one story suite run against SQLite always and
//! against PostgreSQL when `RUNGS_TEST_POSTGRES_URL` is set (required under
//! `RUNGS_REQUIRE_ALL=1`), the route × role permission matrix, bad input,
//! the audit chain.

mod support;

mod assessments;
mod audit;
mod bad_input;
mod confirm;
mod lifecycle;
#[cfg(feature = "oidc")]
mod oidc;
mod openapi;
mod organisation;
mod permissions;
mod rollout_bulk;
mod scim;
mod story;
