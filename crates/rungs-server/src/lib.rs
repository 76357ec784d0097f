//! `rungs server`: the ladder used with people.
//!
//! One address serves the framework's published site (the pages
//! `rungs build` writes) and the people app under `/app`, with its JSON API
//! under `/api/v1`. People, placements, rollouts, sessions and the audit log
//! live in a [`rungs_store::Store`] (SQLite by default, PostgreSQL on request).
//!
//! - [`config`]: what the server is told (listen address, database, base URL).
//! - `framework`: the ladder in use, its revision, reloads that refuse errors.
//! - `auth`: who is asking (session cookie or API token), CSRF, passwords,
//!   sign-in rate limits.
//! - `access`: who may do what: the one place permissions are decided.
//! - `ops`: the actions, each checking access then writing through the store;
//!   the HTML pages and the API are thin layers over them.
//! - `routes`: the route table, pages and API.
//! - [`serve`]: the app on a listener until told to stop;
//!   [`backup`], [`restore`] and [`verify_audit`]: the database outside of
//!   requests.

#![warn(missing_docs)]

mod access;
mod assessments;
mod auth;
mod error;
mod framework;
mod growth;
mod maintenance;
#[cfg(feature = "oidc")]
mod oidc;
mod ops;
mod relink;
mod roster_csv;
mod routes;
mod serve;
mod state;
mod suggest;
mod team;
mod views;

pub mod config;

pub use config::{Config, Database, FrameworkSource, OidcConfig};
pub use error::ServerError;
pub use maintenance::{backup, restore, verify_audit};
pub use routes::{openapi_json, route_table};
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
