//! PostgreSQL for `rungs server`: for larger organisations and for several
//! server processes behind a load balancer (sessions live in the database).

use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use rungs_store::{Backend, Result, Store, StoreError};
use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The PostgreSQL backend.
#[derive(Debug, Clone, Copy, Default)]
pub struct Postgres;

/// Connects to `url` (`postgres://user:password@host/db`) and migrates.
pub async fn open(url: &str) -> Result<Store> {
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(30))
        .connect(url)
        .await?;
    Store::open(pool, Arc::new(Postgres)).await
}

impl Backend for Postgres {
    fn name(&self) -> &'static str {
        "postgres"
    }

    fn migrate<'a>(
        &'a self,
        pool: &'a AnyPool,
    ) -> Pin<Box<dyn Future<Output = Result<()>> + Send + 'a>> {
        // The migrator takes an advisory lock: several processes starting
        // at once migrate once.
        Box::pin(async move { Ok(MIGRATOR.run(pool).await?) })
    }

    fn backup<'a>(
        &'a self,
        _: &'a AnyPool,
        _: &'a Path,
    ) -> Pin<Box<dyn Future<Output = Result<()>> + Send + 'a>> {
        Box::pin(async {
            Err(StoreError::Invalid(
                "back up PostgreSQL with its own tool: pg_dump --format=custom DATABASE > FILE (see docs/server.md)".into(),
            ))
        })
    }
}
