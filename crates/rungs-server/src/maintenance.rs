//! What is done to the database outside of requests: the lock file beside
//! an SQLite database, backup, restore, and checking the audit log.
//!
//! PostgreSQL is backed up and restored by its own tools, `pg_dump` and
//! `pg_restore` (its client tools must be installed): they know every
//! table, sequence and trigger, and a copy made by hand would drift from
//! the schema.

use std::fs::File;
use std::path::{Path, PathBuf};

use rungs_store::audit::{AuditKey, Checkpoint, Verification};

use crate::config::Database;
use crate::error::ServerError;

/// `FILE.lock` beside an SQLite database, held (shared) by every server
/// using the database and exclusively by a restore, so a restore never
/// replaces a database in use. Released when dropped (or when the process
/// ends, however it ends).
#[derive(Debug)]
pub(crate) struct DatabaseLock {
    _file: File,
}

/// Takes the lock of the SQLite database `database`: shared to serve it,
/// `exclusive` to replace it. Creates the data directory if needed.
pub(crate) fn lock_database(database: &Path, exclusive: bool) -> Result<DatabaseLock, ServerError> {
    let data = database
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(data).map_err(|e| {
        ServerError::Config(format!(
            "cannot create the data directory {}: {e}",
            data.display()
        ))
    })?;
    let path = beside(database, ".lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| ServerError::Config(format!("cannot open {}: {e}", path.display())))?;
    let locked = if exclusive {
        file.try_lock()
    } else {
        file.try_lock_shared()
    };
    match locked {
        Ok(()) => Ok(DatabaseLock { _file: file }),
        Err(_) if exclusive => Err(ServerError::Config(format!(
            "a server is using {}: stop it first",
            database.display()
        ))),
        Err(_) => Err(ServerError::Config(format!(
            "{} is being restored: wait for the restore to finish",
            database.display()
        ))),
    }
}

/// `file` with `suffix` added to its name (`rungs.sqlite-wal`).
fn beside(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Checks the audit log in `database`: its hash chain, and with `key` its
/// MACs; with `since`, also that the log still holds the checkpoint's
/// entry unchanged (it was neither cut below it nor rewritten up to it).
pub async fn verify_audit(
    database: &Database,
    key: Option<AuditKey>,
    since: Option<&Checkpoint>,
) -> Result<Verification, ServerError> {
    let store = crate::open_store(database).await?;
    let store = match key {
        Some(key) => store.with_audit_key(key),
        None => store,
    };
    let verification = match since {
        Some(checkpoint) => store.verify_audit_since(checkpoint).await,
        None => store.verify_audit().await,
    };
    store.close().await;
    Ok(verification?)
}

/// The audit log's head now, signed with `key` if given, to keep apart
/// from the database (refused when the log does not verify).
pub async fn audit_checkpoint(
    database: &Database,
    key: Option<AuditKey>,
) -> Result<Checkpoint, ServerError> {
    let store = crate::open_store(database).await?;
    let store = match key {
        Some(key) => store.with_audit_key(key),
        None => store,
    };
    let checkpoint = store.audit_checkpoint().await;
    store.close().await;
    Ok(checkpoint?)
}

/// Writes a consistent copy of the database to `file`, while servers keep
/// using it: SQLite's `VACUUM INTO`, or for PostgreSQL `pg_dump` in its
/// custom format (one snapshot of every table).
pub async fn backup(database: &Database, file: &Path) -> Result<(), ServerError> {
    if let Database::Postgres(url) = database {
        if file.exists() {
            return Err(ServerError::Config(format!(
                "{} exists: choose a new file for the backup",
                file.display()
            )));
        }
        let mut command = postgres_tool("pg_dump", url)?;
        command
            .args(["--format=custom", "--no-owner", "--file"])
            .arg(file);
        return run_tool(command, "pg_dump").await;
    }
    let store = crate::open_store(database).await?;
    let written = store.backup(file).await;
    store.close().await;
    written.map_err(|e| {
        ServerError::Config(format!("cannot write the backup {}: {e}", file.display()))
    })
}

/// Replaces the database with the copy `file` (a backup).
///
/// SQLite: refused while a server uses the database, and for a file that
/// is not an SQLite database. The copy is written beside the database and
/// renamed over it, so a crash leaves the old database or the new one,
/// never half of one. Blocking: it copies the file.
///
/// PostgreSQL: restored with `pg_restore` in one transaction into a
/// database that must be empty (a new one, from `createdb`), so nothing
/// is overwritten and a failed restore leaves it empty.
pub async fn restore(database: &Database, file: &Path) -> Result<(), ServerError> {
    let target = match database {
        Database::Sqlite(target) => target,
        Database::Postgres(url) => return restore_postgres(url, file).await,
    };
    let mut header = [0u8; 16];
    let read = File::open(file).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header));
    if read.is_err() || &header != b"SQLite format 3\0" {
        return Err(ServerError::Config(format!(
            "{} is not an SQLite database",
            file.display()
        )));
    }
    let _lock = lock_database(target, true)?;
    let partial = beside(target, ".restoring");
    std::fs::copy(file, &partial)
        .map_err(|e| ServerError::Config(format!("cannot copy to {}: {e}", partial.display())))?;
    // The old database's journal must not be replayed into the new one.
    for stale in ["-wal", "-shm"] {
        let stale = beside(target, stale);
        match std::fs::remove_file(&stale) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(ServerError::Config(format!(
                    "cannot remove {}: {e}",
                    stale.display()
                )));
            }
            _ => {}
        }
    }
    std::fs::rename(&partial, target)
        .map_err(|e| ServerError::Config(format!("cannot replace {}: {e}", target.display())))
}

async fn restore_postgres(url: &str, file: &Path) -> Result<(), ServerError> {
    let mut header = [0u8; 5];
    let read = File::open(file).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header));
    if read.is_err() || &header != b"PGDMP" {
        return Err(ServerError::Config(format!(
            "{} is not a PostgreSQL backup (`rungs server backup` or pg_dump --format=custom writes one)",
            file.display()
        )));
    }
    let tables = rungs_store_postgres::table_count(url)
        .await
        .map_err(|e| ServerError::Config(format!("cannot open the database: {e}")))?;
    if tables > 0 {
        return Err(ServerError::Config(format!(
            "the database is not empty ({tables} tables): restore into a new database \
             (createdb NAME), then point --database at it"
        )));
    }
    let mut command = postgres_tool("pg_restore", url)?;
    command
        .args(["--no-owner", "--exit-on-error", "--single-transaction"])
        .arg(file);
    run_tool(command, "pg_restore").await
}

/// `tool` (`pg_dump`, `pg_restore`) aimed at the database of `url`. The
/// password goes through the environment (`PGPASSWORD`), not the command
/// line, where other users of the machine could read it.
fn postgres_tool(tool: &str, url: &str) -> Result<std::process::Command, ServerError> {
    let (url, password) = split_password(url);
    let mut command = std::process::Command::new(tool);
    command.arg("--dbname").arg(url);
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    Ok(command)
}

/// Runs a PostgreSQL tool; its error output becomes the error.
async fn run_tool(mut command: std::process::Command, tool: &str) -> Result<(), ServerError> {
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .map_err(|e| ServerError::Internal(e.to_string()))?
        .map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            ServerError::Config(format!(
                "{tool} was not found: install PostgreSQL's client tools (e.g. the postgresql-client package)"
            ))
        } else {
            ServerError::Config(format!("cannot run {tool}: {e}"))
        }
    })?;
    if output.status.success() {
        return Ok(());
    }
    Err(ServerError::Config(format!(
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr).trim()
    )))
}

/// `postgres://user:secret@host/db` as `postgres://user@host/db` and
/// `secret` (percent-decoded as libpq would not be asked to).
fn split_password(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_string(), None);
    };
    let (authority, tail) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let Some((userinfo, host)) = authority.rsplit_once('@') else {
        return (url.to_string(), None);
    };
    let Some((user, password)) = userinfo.split_once(':') else {
        return (url.to_string(), None);
    };
    (
        format!("{scheme}://{user}@{host}{tail}"),
        Some(percent_decode(password)),
    )
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_leaves_the_url() {
        assert_eq!(
            split_password("postgres://rungs:s%40cret@db.example.com:5432/rungs?sslmode=require"),
            (
                "postgres://rungs@db.example.com:5432/rungs?sslmode=require".to_string(),
                Some("s@cret".to_string())
            )
        );
        assert_eq!(
            split_password("postgres://rungs@db/rungs"),
            ("postgres://rungs@db/rungs".to_string(), None)
        );
        assert_eq!(
            split_password("postgresql://db/rungs"),
            ("postgresql://db/rungs".to_string(), None)
        );
    }
}
