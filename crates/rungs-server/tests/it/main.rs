//! The server's tests: one story suite run against SQLite always and
//! against PostgreSQL when `RUNGS_TEST_POSTGRES_URL` is set (required under
//! `RUNGS_REQUIRE_ALL=1`), the route × role permission matrix, bad input,
//! the audit chain.

mod smtp;
mod support;

mod assessments;
mod audit;
mod bad_input;
mod confirm;
mod hardening;
mod i18n;
mod i18n_words;
mod impact;
mod invitations;
mod lifecycle;
#[cfg(feature = "oidc")]
mod oidc;
mod openapi;
mod operations;
mod organisation;
mod permissions;
mod promotions;
mod rollout_bulk;
mod roster;
mod scim;
mod story;
