//! PostgreSQL for `rungs server`: for larger organisations and for several
//! server processes behind a load balancer (sessions live in the database).

use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use rungs_store::{Backend, Result, Store, StoreError};
use sqlx::{AnyPool, Connection, Executor};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The PostgreSQL backend.
#[derive(Debug, Clone, Copy, Default)]
pub struct Postgres;

/// Connects to `url` (`postgres://user:password@host/db`) and migrates.
pub async fn open(url: &str) -> Result<Store> {
    rungs_store::install_drivers();
    let pool = rungs_store::pool_options()
        .max_connections(pool_size())
        .acquire_timeout(Duration::from_secs(30))
        .connect(url)
        .await?;
    Store::open(pool, Arc::new(Postgres)).await
}

/// How many tables the database at `url` has in its current schema,
/// without migrating it: a restore goes only into an empty database.
pub async fn table_count(url: &str) -> Result<i64> {
    rungs_store::install_drivers();
    let mut conn = sqlx::AnyConnection::connect(url).await?;
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()",
    )
    .fetch_one(&mut conn)
    .await?;
    conn.close().await?;
    Ok(count)
}

/// Connections per server process: four per core. More only adds
/// PostgreSQL processes that take turns on the same cores (measured: 16
/// connections on 2 cores gave a worse p99 than 8).
fn pool_size() -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    u32::try_from(cores * 4).unwrap_or(32).clamp(4, 32)
}

/// Connects to `url` with every table in `schema` (created if missing), and
/// migrates it: several independent stores in one database (the tests use
/// one schema each). `schema` is lower-case letters, digits and `_`.
pub async fn open_in_schema(url: &str, schema: &str) -> Result<Store> {
    if schema.is_empty()
        || !schema
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(StoreError::Invalid(format!(
            "`{schema}` is not a schema name (a-z, 0-9, _)"
        )));
    }
    rungs_store::install_drivers();
    let mut conn = sqlx::AnyConnection::connect(url).await?;
    conn.execute(sqlx::AssertSqlSafe(format!(
        "CREATE SCHEMA IF NOT EXISTS {schema}"
    )))
    .await?;
    conn.close().await?;
    let search_path = format!("SET search_path TO {schema}");
    let pool = rungs_store::pool_options()
        .max_connections(pool_size())
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(move |conn, _| {
            let search_path = search_path.clone();
            Box::pin(async move {
                conn.execute(sqlx::AssertSqlSafe(search_path)).await?;
                Ok(())
            })
        })
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

    fn analyze<'a>(
        &'a self,
        pool: &'a AnyPool,
    ) -> Pin<Box<dyn Future<Output = Result<()>> + Send + 'a>> {
        // Autovacuum would catch up later; a fresh import of thousands of
        // people would meet plans made for an empty table until then.
        Box::pin(async move {
            sqlx::query("ANALYZE people, teams, placements, rollout_entries")
                .execute(pool)
                .await?;
            Ok(())
        })
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
