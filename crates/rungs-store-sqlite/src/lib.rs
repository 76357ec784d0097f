//! SQLite for `rungs server`: one file in the data directory, nothing to
//! install. WAL mode, so readers never wait for the writer and a killed
//! process loses no committed change.
//!
//! The migrations make the same tables as PostgreSQL's. Where PostgreSQL
//! adds a CHECK constraint to a table, SQLite (which cannot) has triggers
//! that raise the same rule's name; see `migrations/0005_invariants.sql`.

use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use rungs_store::{Backend, Result, Store, StoreError};
use sqlx::ConnectOptions;
use sqlx::any::AnyConnectOptions;
use sqlx::{AnyPool, Executor};
use sqlx_sqlite::SqliteConnectOptions;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The SQLite backend.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sqlite;

/// Opens (creating if needed) the database at `file` and migrates it.
pub async fn open(file: &Path) -> Result<Store> {
    rungs_store::install_drivers();
    let url = SqliteConnectOptions::new()
        .filename(file)
        .create_if_missing(true)
        .to_url_lossy();
    let options = AnyConnectOptions::from_url(&url)?;
    let pool = rungs_store::pool_options()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(|conn, _| {
            Box::pin(async move {
                // busy_timeout: a writer waits its turn instead of failing.
                for pragma in [
                    "PRAGMA journal_mode = WAL",
                    "PRAGMA synchronous = NORMAL",
                    "PRAGMA foreign_keys = ON",
                    "PRAGMA busy_timeout = 30000",
                    // Pages are read from a memory map instead of copied
                    // by a system call: in WAL mode every commit makes the
                    // other connections read their pages again, and a busy
                    // server commits many times a second. Only pages read
                    // count as memory, up to the database's size.
                    "PRAGMA mmap_size = 268435456",
                ] {
                    conn.execute(pragma).await?;
                }
                Ok(())
            })
        })
        .connect_with(options)
        .await?;
    Store::open(pool, Arc::new(Sqlite)).await
}

impl Backend for Sqlite {
    fn name(&self) -> &'static str {
        "sqlite"
    }

    fn migrate<'a>(
        &'a self,
        pool: &'a AnyPool,
    ) -> Pin<Box<dyn Future<Output = Result<()>> + Send + 'a>> {
        Box::pin(async move { Ok(MIGRATOR.run(pool).await?) })
    }

    fn analyze<'a>(
        &'a self,
        pool: &'a AnyPool,
    ) -> Pin<Box<dyn Future<Output = Result<()>> + Send + 'a>> {
        Box::pin(async move {
            sqlx::query("PRAGMA optimize").execute(pool).await?;
            Ok(())
        })
    }

    fn backup<'a>(
        &'a self,
        pool: &'a AnyPool,
        to: &'a Path,
    ) -> Pin<Box<dyn Future<Output = Result<()>> + Send + 'a>> {
        Box::pin(async move {
            if to.exists() {
                return Err(StoreError::Invalid(format!(
                    "{} exists: choose a new file for the backup",
                    to.display()
                )));
            }
            let to = to
                .to_str()
                .ok_or_else(|| StoreError::Invalid("the backup path is not UTF-8".into()))?;
            // VACUUM INTO writes a consistent snapshot while the server runs.
            sqlx::query("VACUUM INTO $1").bind(to).execute(pool).await?;
            Ok(())
        })
    }
}
