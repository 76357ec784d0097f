//! The databases the store's tests run on: SQLite always, PostgreSQL when
//! `RUNGS_TEST_POSTGRES_URL` is set (required under `RUNGS_REQUIRE_ALL=1`).
//! Each test has a database (a file, or a PostgreSQL schema) of its own,
//! and a plain connection beside the store for writing behind its back.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rungs_store::Store;
use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;

/// One database: the store on it and a plain pool to the same tables.
pub struct Db {
    /// `sqlite` or `postgres`.
    pub name: &'static str,
    /// Where it is: the SQLite file, or the PostgreSQL URL and schema.
    pub place: Place,
    /// A plain connection, for writing behind the store's back.
    pub raw: AnyPool,
    /// Keeps the SQLite file alive.
    _dir: Option<tempfile::TempDir>,
}

/// Where a test database is.
#[derive(Clone)]
pub enum Place {
    /// An SQLite file.
    Sqlite(PathBuf),
    /// A schema of the PostgreSQL database at the URL.
    Postgres { url: String, schema: String },
}

impl Db {
    /// An empty database: no tables yet.
    pub async fn empty_sqlite() -> Db {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("rungs.sqlite");
        let raw = sqlite_pool(&file).await;
        Db {
            name: "sqlite",
            place: Place::Sqlite(file),
            raw,
            _dir: Some(dir),
        }
    }

    /// An empty schema in the PostgreSQL database at `url`.
    pub async fn empty_postgres(url: &str, test: &str) -> Db {
        static SCHEMA: AtomicUsize = AtomicUsize::new(0);
        let schema = format!(
            "store_{test}_{}_{}",
            std::process::id(),
            SCHEMA.fetch_add(1, Ordering::Relaxed)
        );
        let raw = postgres_pool(url, &schema).await;
        Db {
            name: "postgres",
            place: Place::Postgres {
                url: url.to_string(),
                schema,
            },
            raw,
            _dir: None,
        }
    }

    /// Opens the store on this database (migrating it).
    pub async fn open(&self) -> rungs_store::Result<Store> {
        match &self.place {
            Place::Sqlite(file) => rungs_store_sqlite::open(file).await,
            Place::Postgres { url, schema } => {
                rungs_store_postgres::open_in_schema(url, schema).await
            }
        }
    }

    /// The directory of this backend's migrations.
    pub fn migrations(&self) -> PathBuf {
        let backend = match self.place {
            Place::Sqlite(_) => "rungs-store-sqlite",
            Place::Postgres { .. } => "rungs-store-postgres",
        };
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(backend)
            .join("migrations")
    }
}

/// Every database to test on, empty.
pub async fn empty_databases(test: &str) -> Vec<Db> {
    let mut out = vec![Db::empty_sqlite().await];
    if let Some(url) = postgres_url(test) {
        out.push(Db::empty_postgres(&url, test).await);
    }
    out
}

/// Every database to test on, with the store open on it.
pub async fn databases(test: &str) -> Vec<(Db, Store)> {
    let mut out = Vec::new();
    for db in empty_databases(test).await {
        let store = db
            .open()
            .await
            .unwrap_or_else(|e| panic!("open {}: {e}", db.name));
        out.push((db, store));
    }
    out
}

/// `RUNGS_TEST_POSTGRES_URL`, if set. Unset, the test goes on without
/// PostgreSQL and says so, unless `RUNGS_REQUIRE_ALL=1`, which fails it.
pub fn postgres_url(test: &str) -> Option<String> {
    match std::env::var("RUNGS_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var("RUNGS_REQUIRE_ALL").is_ok_and(|v| v == "1") => panic!(
            "RUNGS_REQUIRE_ALL=1 but RUNGS_TEST_POSTGRES_URL is not set: {test} must run on PostgreSQL too"
        ),
        _ => {
            eprintln!("skipping PostgreSQL for {test}: RUNGS_TEST_POSTGRES_URL is not set");
            None
        }
    }
}

/// A plain pool on the SQLite file (created if missing), with foreign keys
/// on as the store has them.
async fn sqlite_pool(file: &Path) -> AnyPool {
    rungs_store::install_drivers();
    AnyPoolOptions::new()
        .max_connections(1)
        .after_connect(|conn, _| {
            Box::pin(async move {
                sqlx::Executor::execute(conn, "PRAGMA foreign_keys = ON").await?;
                Ok(())
            })
        })
        .connect(&format!("sqlite://{}?mode=rwc", file.display()))
        .await
        .expect("connect to sqlite")
}

/// A plain pool on `schema` (created if missing) of the database at `url`.
async fn postgres_pool(url: &str, schema: &str) -> AnyPool {
    rungs_store::install_drivers();
    let create = AnyPool::connect(url).await.expect("connect to postgres");
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "CREATE SCHEMA IF NOT EXISTS {schema}"
    )))
    .execute(&create)
    .await
    .expect("create schema");
    create.close().await;
    let search_path = format!("SET search_path TO {schema}");
    AnyPoolOptions::new()
        .max_connections(1)
        .after_connect(move |conn, _| {
            let search_path = search_path.clone();
            Box::pin(async move {
                sqlx::Executor::execute(conn, sqlx::AssertSqlSafe(search_path)).await?;
                Ok(())
            })
        })
        .connect(url)
        .await
        .expect("connect to postgres")
}

/// Runs `sql` (one statement) on `pool`, for setting data up.
pub async fn exec(pool: &AnyPool, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}
