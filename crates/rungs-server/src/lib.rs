//! `rungs server`: the ladder used with people.
//!
//! One address serves the framework's published site (the pages
//! `rungs build` writes) and the people app under `/app`, with its JSON API
//! under `/api/v1`. People, placements, rollouts, sessions and the audit log
//! live in a [`rungs_store::Store`] (SQLite by default, PostgreSQL on request).
//!
//! How the crate is laid out (read `docs/architecture.md` first):
//!
//! - [`config`]: what the server is told (listen address, database, base URL).
//! - `framework`: the ladder in use, its revision, reloads that refuse errors;
//!   `relink`: ratings follow their statements when the ladder changes.
//! - `auth`: who is asking (session cookie or API token), CSRF, passwords,
//!   sign-in rate limits.
//! - `access`: who may do what, the one place permissions are decided. It
//!   hands out capabilities; the operations take them as arguments.
//! - The domains, each with its operations (`mod.rs`), pages (`pages.rs`)
//!   and API (`api.rs`): `account` (sign-in, password links, API tokens),
//!   `people` (people, placements, rosters), `rollout` (suggestions,
//!   proposals, confirmations), `assessments` (view, ratings and steps, the
//!   offline sheet, cycles), `growth` (goals, 1-on-1 notes, timeline),
//!   `team` (heatmaps and aggregates), `admin` (audit log, framework
//!   reload), `impact` (what a ladder edit does to people; statement
//!   health).
//!   reload), `invite` (invitations), `todo` (what waits for each person,
//!   and notifying them).
//! - `mail`: email settings, the SMTP connection, the outbox's delivery
//!   by a background task.
//! - `web`: what pages and handlers share (rendering, errors, uploads) and
//!   the published site; `views`: the app's templates; `routes`: the route
//!   table; `openapi`: the API's document.
//! - [`serve`]: the app on a listener until told to stop;
//!   [`backup`], [`restore`], [`verify_audit`] and [`audit_checkpoint`]:
//!   the database outside of requests; [`AuditKeySource`]: where the audit
//!   chain's key comes from.
//! - `ops`, `metrics`: `/healthz`, `/readyz` and `/metrics`, beside sign-in.

#![warn(missing_docs)]

#[macro_use]
mod web;

mod access;
mod account;
mod admin;
mod assessments;
mod audit_key;
mod auth;
mod error;
mod framework;
mod growth;
mod impact;
mod in_flight;
mod invite;
mod localise;
mod mail;
mod maintenance;
mod metrics;
#[cfg(feature = "oidc")]
mod oidc;
mod openapi;
mod ops;
mod people;
mod phrase;
mod promotions;
mod readiness_words;
mod relink;
mod rollout;
mod routes;
mod scim;
mod serve;
mod state;
mod team;
mod todo;
mod views;

pub mod config;
pub mod i18n;

pub use audit_key::{AuditKeySource, DEFAULT_FILE as DEFAULT_AUDIT_KEY_FILE};
pub use config::{Config, Database, FrameworkSource, OidcConfig};
pub use error::ServerError;
pub use impact::on_store as impact_on_store;
pub use in_flight::default_limit as default_max_in_flight;
pub use mail::config::{EmailConfig, Tls, email_config};
pub use maintenance::{audit_checkpoint, backup, restore, verify_audit};
pub use openapi::openapi_json;
pub use routes::route_table;
/// Time limits and the connection limit of the listener (`Config::limits`).
pub use rungs_http::Limits;
pub use rungs_store::audit::{AuditKey, Checkpoint};
pub use serve::serve;
pub use state::App;

/// Opens the store named by `database`.
pub async fn open_store(database: &Database) -> Result<rungs_store::Store, ServerError> {
    let store = match database {
        Database::Sqlite(file) => {
            if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| {
                    ServerError::Config(format!(
                        "cannot create the data directory {}: {e}",
                        dir.display()
                    ))
                })?;
            }
            rungs_store_sqlite::open(file).await
        }
        Database::Postgres(url) => rungs_store_postgres::open(url).await,
    };
    store.map_err(|e| ServerError::Config(format!("cannot open the database: {e}")))
}
