//! What is done to the database outside of requests: the lock file beside
//! an SQLite database, backup, restore, and checking the audit log.
//!
//! PostgreSQL has its own tools for backups (`pg_dump`, `pg_restore`); these
//! functions say so rather than half-do it.

use std::fs::File;
use std::path::{Path, PathBuf};

use rungs_store::audit::Verification;

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

/// Checks the hash chain of the audit log in `database`.
pub async fn verify_audit(database: &Database) -> Result<Verification, ServerError> {
    let store = crate::open_store(database).await?;
    let verification = store.verify_audit().await;
    store.close().await;
    Ok(verification?)
}

/// Writes a consistent copy of the SQLite database to `file`, while
/// servers keep using it. PostgreSQL is refused: `pg_dump` does this.
pub async fn backup(database: &Database, file: &Path) -> Result<(), ServerError> {
    if let Database::Postgres(_) = database {
        return Err(ServerError::Config(
            "back up PostgreSQL with pg_dump --format=custom (see docs/server.md)".into(),
        ));
    }
    let store = crate::open_store(database).await?;
    let written = store.backup(file).await;
    store.close().await;
    written.map_err(|e| {
        ServerError::Config(format!("cannot write the backup {}: {e}", file.display()))
    })
}

/// Replaces the SQLite database with the copy `file` (a backup). Refused
/// while a server uses the database, and for a file that is not an SQLite
/// database. The copy is written beside the database and renamed over it,
/// so a crash leaves the old database or the new one, never half of one.
/// PostgreSQL is refused: `pg_restore` does this.
///
/// Blocking: it copies the file.
pub fn restore(database: &Database, file: &Path) -> Result<(), ServerError> {
    let target = match database {
        Database::Sqlite(target) => target,
        Database::Postgres(_) => {
            return Err(ServerError::Config(
                "restore PostgreSQL with pg_restore (see docs/server.md)".into(),
            ));
        }
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
