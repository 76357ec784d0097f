//! Where the audit chain's key comes from: the environment, a file the
//! operator names, or a file the server makes in its data directory on
//! first start. The key never goes into the database: someone who can
//! write there must not be able to write entries that verify.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use rungs_store::audit::AuditKey;

use crate::error::ServerError;

/// Where to find the audit key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditKeySource {
    /// The key itself, in hex (`RUNGS_AUDIT_KEY`).
    Hex(String),
    /// A file the operator names (`--audit-key-file`): it must exist.
    File(PathBuf),
    /// The data directory's `audit.key`: made (readable by its owner only)
    /// when the server starts and it is missing.
    Default(PathBuf),
}

/// The name of the key file in the data directory.
pub const DEFAULT_FILE: &str = "audit.key";

impl AuditKeySource {
    /// The key. `create`: make the default file if it is missing (the
    /// server starting); otherwise a missing default file is no key
    /// (`Ok(None)`: the maintenance commands check the hash chain only).
    pub fn load(&self, create: bool) -> Result<Option<AuditKey>, ServerError> {
        match self {
            AuditKeySource::Hex(hex) => AuditKey::from_hex(hex)
                .map(Some)
                .map_err(|e| ServerError::Config(format!("RUNGS_AUDIT_KEY: {e}"))),
            AuditKeySource::File(file) => read(file).map(Some),
            AuditKeySource::Default(file) if file.exists() => read(file).map(Some),
            AuditKeySource::Default(file) if create => make(file).map(Some),
            AuditKeySource::Default(_) => Ok(None),
        }
    }
}

fn read(file: &Path) -> Result<AuditKey, ServerError> {
    let text = std::fs::read_to_string(file).map_err(|e| {
        ServerError::Config(format!("cannot read the audit key {}: {e}", file.display()))
    })?;
    AuditKey::from_hex(&text).map_err(|e| ServerError::Config(format!("{}: {e}", file.display())))
}

/// Writes a new key to `file`, readable and writable by its owner only.
fn make(file: &Path) -> Result<AuditKey, ServerError> {
    let cannot = |e: std::io::Error| {
        ServerError::Config(format!(
            "cannot write the audit key {}: {e}",
            file.display()
        ))
    };
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(cannot)?;
    }
    let key = AuditKey::generate()?;
    let mut options = std::fs::File::options();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut out = options.open(file).map_err(cannot)?;
    writeln!(out, "{}", key.to_hex()).map_err(cannot)?;
    out.sync_all().map_err(cannot)?;
    tracing::warn!(
        file = %file.display(),
        "made a new audit key: keep a copy apart from the database's backups"
    );
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_is_made_once_owner_only_and_read_back() {
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("data").join(DEFAULT_FILE);
        let source = AuditKeySource::Default(file.clone());
        assert!(source.load(false).expect("no key yet").is_none());
        let made = source.load(true).expect("made").expect("a key");
        let read = source.load(false).expect("read").expect("a key");
        assert_eq!(made.to_hex(), read.to_hex());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let named = AuditKeySource::File(dir.path().join("missing"));
        assert!(named.load(true).is_err(), "a named file must exist");
        assert!(AuditKeySource::Hex("12".into()).load(true).is_err());
    }
}
