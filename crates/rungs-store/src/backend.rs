//! What differs between SQLite and PostgreSQL.

use std::path::Path;

use sqlx::AnyPool;

use crate::Result;

/// A database backend: how to migrate and back up. Queries are shared (see
/// [`Store`](crate::Store)); each backend crate implements this and opens
/// the pool.
pub trait Backend: Send + Sync + std::fmt::Debug {
    /// `sqlite` or `postgres`.
    fn name(&self) -> &'static str;

    /// Applies the backend's embedded migrations.
    fn migrate<'a>(
        &'a self,
        pool: &'a AnyPool,
    ) -> std::pin::Pin<Box<dyn Future<Output = Result<()>> + Send + 'a>>;

    /// Refreshes the query planner's statistics after a bulk change (a
    /// roster import, a rollout), so the next queries are planned for the
    /// table sizes they will meet.
    fn analyze<'a>(
        &'a self,
        pool: &'a AnyPool,
    ) -> std::pin::Pin<Box<dyn Future<Output = Result<()>> + Send + 'a>>;

    /// Writes a consistent copy of the database to `to`, online. Backends
    /// that have their own tool (PostgreSQL's `pg_dump`) say so in the error.
    fn backup<'a>(
        &'a self,
        pool: &'a AnyPool,
        to: &'a Path,
    ) -> std::pin::Pin<Box<dyn Future<Output = Result<()>> + Send + 'a>>;
}

/// The pool settings both backends share. sqlx tests a connection with a
/// round trip as it goes back to the pool, and by default again as it is
/// taken out: a page that reads on three connections paid six round trips
/// for nothing. A connection is tested when it is taken out only after a
/// minute idle, in case the database closed it meanwhile.
pub fn pool_options() -> sqlx::any::AnyPoolOptions {
    sqlx::any::AnyPoolOptions::new()
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for >= IDLE_BEFORE_TEST {
                    sqlx::Connection::ping(conn).await?;
                }
                Ok(true)
            })
        })
}

/// How long a connection may sit in the pool before it is tested again.
const IDLE_BEFORE_TEST: std::time::Duration = std::time::Duration::from_secs(60);

/// Registers the SQLite and PostgreSQL drivers with sqlx's `Any` driver,
/// once per process. Every backend's `open` calls it, so both databases
/// can be used by one process (as the tests do), whichever opens first.
pub fn install_drivers() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Only this function installs drivers, and only once: the one way
        // to fail, "already installed", cannot happen.
        let _ = sqlx::any::install_drivers(&[sqlx_sqlite::any::DRIVER, sqlx_postgres::any::DRIVER]);
    });
}
