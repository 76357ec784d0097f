//! Both migration sets make the same schema: one SQL text runs on both, so
//! a table, column or index one backend lacks is a bug waiting for a query.

use std::collections::BTreeSet;

use crate::support::*;

/// A column: table, name, type class (`integer`, `text`), not null.
type Column = (String, String, String, bool);
/// An index made with `CREATE INDEX`: table, name, unique, partial.
type Index = (String, String, bool, bool);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_migration_sets_make_the_same_tables_columns_indexes_and_rules() {
    let Some(url) = postgres_url("the schema comparison") else {
        return;
    };
    let sqlite = Db::empty_sqlite().await;
    let postgres = Db::empty_postgres(&url, "schema").await;
    sqlite.open().await.expect("open sqlite");
    postgres.open().await.expect("open postgres");

    let (lite, pg) = (
        sqlite_columns(&sqlite).await,
        postgres_columns(&postgres).await,
    );
    assert!(
        lite.iter().any(|c| c.0 == "people" && c.1 == "email"),
        "the SQLite schema was read: {lite:?}"
    );
    assert_same("columns", &lite, &pg);

    let (lite, pg) = (
        indexes(&sqlite, SQLITE_INDEXES).await,
        indexes(&postgres, POSTGRES_INDEXES).await,
    );
    assert!(
        lite.iter()
            .any(|i| i.1 == "placements_one_open" && i.2 && i.3),
        "the SQLite indexes were read: {lite:?}"
    );
    assert_same("indexes", &lite, &pg);

    let (lite, pg) = (sqlite_rules(&sqlite).await, postgres_rules(&postgres).await);
    assert!(
        lite.contains("people_role"),
        "the SQLite rules were read: {lite:?}"
    );
    assert_same("rules", &lite, &pg);
}

fn assert_same<T: Ord + std::fmt::Debug>(what: &str, sqlite: &BTreeSet<T>, postgres: &BTreeSet<T>) {
    let only_sqlite: Vec<_> = sqlite.difference(postgres).collect();
    let only_postgres: Vec<_> = postgres.difference(sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "{what} differ:\n  only on SQLite: {only_sqlite:?}\n  only on PostgreSQL: {only_postgres:?}"
    );
}

/// `INTEGER` (the row id) and `BIGINT` are both SQLite's 64-bit integers.
fn type_class(declared: &str) -> String {
    match declared.to_ascii_lowercase().as_str() {
        "integer" | "bigint" => "integer".into(),
        other => other.into(),
    }
}

async fn sqlite_columns(db: &Db) -> BTreeSet<Column> {
    let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT m.name, c.name, c.type, c.\"notnull\", c.pk
         FROM sqlite_master m JOIN pragma_table_info(m.name) c
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'",
    )
    .fetch_all(&db.raw)
    .await
    .expect("sqlite columns");
    rows.into_iter()
        // SQLite lets a primary key other than INTEGER hold NULL (an old
        // quirk it keeps); the store never writes one, and PostgreSQL
        // refuses it, so a key column counts as not null.
        .map(|(t, c, ty, not_null, pk)| (t, c, type_class(&ty), not_null != 0 || pk != 0))
        .collect()
}

async fn postgres_columns(db: &Db) -> BTreeSet<Column> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT c.table_name::text, c.column_name::text, c.data_type::text,
            CASE WHEN c.is_nullable = 'NO' THEN 1 ELSE 0 END
         FROM information_schema.columns c
         WHERE c.table_schema = current_schema() AND c.table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&db.raw)
    .await
    .expect("postgres columns");
    rows.into_iter()
        .map(|(t, c, ty, not_null)| (t, c, type_class(&ty), not_null != 0))
        .collect()
}

/// Indexes made by CREATE INDEX, on SQLite: origin `c` (not made by a
/// UNIQUE or PRIMARY KEY constraint, which each database names its own way).
const SQLITE_INDEXES: &str = "SELECT m.name, i.name, i.\"unique\", i.partial
    FROM sqlite_master m JOIN pragma_index_list(m.name) i
    WHERE m.type = 'table' AND i.origin = 'c'";

/// On PostgreSQL: indexes that back no constraint.
const POSTGRES_INDEXES: &str = "SELECT t.relname::text, i.relname::text,
        CASE WHEN x.indisunique THEN 1 ELSE 0 END,
        CASE WHEN x.indpred IS NOT NULL THEN 1 ELSE 0 END
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relnamespace = current_schema()::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)";

async fn indexes(db: &Db, sql: &'static str) -> BTreeSet<Index> {
    let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(sql)
        .fetch_all(&db.raw)
        .await
        .unwrap_or_else(|e| panic!("{} indexes: {e}", db.name));
    rows.into_iter()
        .map(|(t, i, unique, partial)| (t, i, unique != 0, partial != 0))
        .collect()
}

/// The rules on stored values: on SQLite, the names its triggers raise
/// (`RAISE(ABORT, 'name: …')`).
async fn sqlite_rules(db: &Db) -> BTreeSet<String> {
    let triggers: Vec<String> =
        sqlx::query_scalar("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
            .fetch_all(&db.raw)
            .await
            .expect("sqlite triggers");
    triggers
        .iter()
        .flat_map(|sql| sql.split("RAISE(ABORT, '").skip(1))
        .filter_map(|raised| raised.split_once(": ").map(|(name, _)| name.to_string()))
        .collect()
}

/// On PostgreSQL, its CHECK constraints, less the audit head's one row
/// (a CHECK in the table itself on both).
async fn postgres_rules(db: &Db) -> BTreeSet<String> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT conname::text FROM pg_constraint
         WHERE contype = 'c' AND connamespace = current_schema()::regnamespace
           AND conname <> 'audit_head_id_check'",
    )
    .fetch_all(&db.raw)
    .await
    .expect("postgres constraints");
    names.into_iter().collect()
}
