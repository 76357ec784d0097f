//! Reading a framework from where a user points: a directory, another
//! format (`FORMAT:PATH`, any format of the [`import`](crate::import)
//! registry), or a git revision.
//!
//! Files in, model out: a framework with errors is refused with its
//! diagnostics and files ([`Invalid`]), so the caller can show them.

use std::path::{Path, PathBuf};

use crate::import::{self, Format, ImportError, Input as ImportInput};
use crate::{Diagnostic, Framework, LoadError, SourceSet, git};

/// Why a framework could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// A directory was expected.
    #[error("`{}` is not a directory", .0.display())]
    NotADirectory(PathBuf),
    /// A file was expected.
    #[error("`{}` is not a file", .0.display())]
    NotAFile(PathBuf),
    /// The file or directory could not be read.
    #[error("cannot read `{}`: {error}", path.display())]
    Io {
        /// What was read.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
    /// The directory has no (readable) rungs.toml.
    #[error("`{name}`: {error}{hint}", hint = other_formats_hint(.other_formats))]
    NotAFramework {
        /// The directory or revision, as the user named it.
        name: String,
        /// What loading said.
        error: LoadError,
        /// Whether `FORMAT:PATH` would have been accepted (the hint says so).
        other_formats: bool,
    },
    /// The importer refused the source.
    #[error("cannot read `{path}` as {format}: {error}", format = format.description)]
    Import {
        /// The path, as the user named it.
        path: String,
        /// The format it was read as.
        format: &'static Format,
        /// What the importer said.
        error: ImportError,
    },
    /// A git revision could not be read.
    #[error(transparent)]
    Git(#[from] git::GitError),
    /// The framework was read but has errors.
    #[error("{0}")]
    Invalid(Box<Invalid>),
}

/// The hint after "no rungs.toml": the `FORMAT:` prefixes, when they are
/// accepted.
fn other_formats_hint(accepted: &bool) -> String {
    if !accepted {
        return String::new();
    }
    let names: Vec<String> = import::FORMATS
        .iter()
        .map(|f| format!("{}:", f.name))
        .collect();
    format!(
        "; to read another format, write FORMAT:PATH ({})",
        names.join(", ")
    )
}

/// A framework refused for its errors: what was read, and what is wrong.
#[derive(Debug)]
pub struct Invalid {
    /// The directory or revision, as the user named it.
    pub name: String,
    /// Its files.
    pub sources: SourceSet,
    /// The directory the diagnostics' files are relative to, for messages.
    pub root: Option<PathBuf>,
    /// Every diagnostic (errors and warnings), sorted.
    pub diagnostics: Vec<Diagnostic>,
}

impl Invalid {
    /// How many of the diagnostics are errors.
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == crate::Severity::Error)
            .count()
    }
}

impl std::fmt::Display for Invalid {
    /// One line: how many errors, and the first of them.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` has {} error(s)", self.name, self.errors())?;
        // A sentence that is still useful where the diagnostics are not shown.
        let first = self
            .diagnostics
            .iter()
            .find(|d| d.severity == crate::Severity::Error);
        match first {
            Some(d) => write!(f, "; the first: {}: {}", d.location(), d.message),
            None => Ok(()),
        }
    }
}

/// Reads the files of the directory `dir` (which must be one).
pub fn read_dir(dir: &Path) -> Result<SourceSet, ReadError> {
    if !dir.is_dir() {
        return Err(ReadError::NotADirectory(dir.to_path_buf()));
    }
    SourceSet::read_dir(dir).map_err(|error| ReadError::Io {
        path: dir.to_path_buf(),
        error,
    })
}

/// Reads what an importer of `format` reads at `path`: a directory's
/// files, or one file. Returns the files and the directory that messages
/// name them from.
pub fn read_source(
    format: &Format,
    path: &Path,
) -> Result<(SourceSet, Option<PathBuf>), ReadError> {
    let one_file = match format.input {
        ImportInput::File => true,
        ImportInput::Directory => false,
        _ => path.is_file(),
    };
    if !one_file {
        return Ok((read_dir(path)?, Some(path.to_path_buf())));
    }
    if !path.is_file() {
        return Err(ReadError::NotAFile(path.to_path_buf()));
    }
    let bytes = std::fs::read(path).map_err(|error| ReadError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    let name = path.file_name().map_or_else(
        || format!("input.{}", format.name),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut set = SourceSet::new();
    set.insert(&name, bytes);
    Ok((set, path.parent().map(Path::to_path_buf)))
}

/// Reads a framework from a directory, or from another format with a
/// `FORMAT:PATH` prefix (any format of the import registry): what commands
/// that compare frameworks take. A framework with errors is refused
/// ([`ReadError::Invalid`]); an import keeps what it could read.
pub fn read_framework(spec: &str) -> Result<Framework, ReadError> {
    let Some((format, path)) = import::split_spec(spec) else {
        let path = Path::new(spec);
        let sources = read_dir(path)?;
        return checked(spec, sources, Some(path.to_path_buf()), true);
    };
    let (sources, _) = read_source(format, Path::new(path))?;
    Ok(format
        .import(&sources)
        .map_err(|error| ReadError::Import {
            path: path.to_string(),
            format,
            error,
        })?
        .framework)
}

/// What [`read_framework_reported`] read: the framework, and the warnings
/// of its import with the files they point into.
#[derive(Debug)]
pub struct Reported {
    /// The framework.
    pub framework: Framework,
    /// The importer's warnings, sorted (none for a directory: those are
    /// `rungs check`'s to show).
    pub warnings: Vec<Diagnostic>,
    /// The files read.
    pub sources: SourceSet,
    /// The directory the warnings' files are relative to, for messages.
    pub root: Option<PathBuf>,
}

/// Like [`read_framework`], but an import (`FORMAT:PATH`) is held to the
/// standard of a directory: one whose importer reported errors (parts of
/// the source it could not place) is refused ([`ReadError::Invalid`], with
/// every diagnostic and the files they point into), and its warnings come
/// back with it, for commands that compare frameworks to show.
pub fn read_framework_reported(spec: &str) -> Result<Reported, ReadError> {
    let Some((format, path)) = import::split_spec(spec) else {
        let dir = Path::new(spec);
        let sources = read_dir(dir)?;
        let framework = checked(spec, sources.clone(), Some(dir.to_path_buf()), true)?;
        return Ok(Reported {
            framework,
            warnings: Vec::new(),
            sources,
            root: Some(dir.to_path_buf()),
        });
    };
    let (sources, root) = read_source(format, Path::new(path))?;
    let imported = format.import(&sources).map_err(|error| ReadError::Import {
        path: path.to_string(),
        format,
        error,
    })?;
    let diagnostics = imported.diagnostics.sorted();
    if diagnostics
        .iter()
        .any(|d| d.severity == crate::Severity::Error)
    {
        return Err(ReadError::Invalid(Box::new(Invalid {
            name: spec.to_string(),
            sources,
            root,
            diagnostics,
        })));
    }
    Ok(Reported {
        framework: imported.framework,
        warnings: diagnostics,
        sources,
        root,
    })
}

/// Reads a version of a framework: the directory `spec`, or else the git
/// revision `spec` of the repository holding `dir` (the files under `dir`
/// at that revision). A version with errors is refused
/// ([`ReadError::Invalid`]).
pub fn read_version(spec: &str, dir: &Path) -> Result<Framework, ReadError> {
    let sources = if Path::new(spec).is_dir() {
        SourceSet::read_dir(Path::new(spec)).map_err(|error| ReadError::Io {
            path: PathBuf::from(spec),
            error,
        })?
    } else {
        git::read_revision(spec, dir)?
    };
    checked(spec, sources, Some(PathBuf::from(spec)), false)
}

/// Loads `sources`; refuses a framework with errors.
fn checked(
    name: &str,
    sources: SourceSet,
    root: Option<PathBuf>,
    other_formats: bool,
) -> Result<Framework, ReadError> {
    let loaded = crate::load(&sources).map_err(|error| ReadError::NotAFramework {
        name: name.to_string(),
        error,
        other_formats,
    })?;
    if loaded.diagnostics.errors() > 0 {
        return Err(ReadError::Invalid(Box::new(Invalid {
            name: name.to_string(),
            sources,
            root,
            diagnostics: loaded.diagnostics.sorted(),
        })));
    }
    Ok(loaded.framework)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name)
    }

    #[test]
    fn a_framework_with_errors_comes_back_with_its_diagnostics() {
        let dir = fixture("invalid/unknown-area");
        let spec = dir.to_string_lossy();
        let Err(ReadError::Invalid(invalid)) = read_framework(&spec) else {
            panic!("{spec} was not refused for its errors");
        };
        assert_eq!(invalid.errors(), 1);
        assert!(invalid.sources.get("rungs.toml").is_some());
        assert_eq!(invalid.root.as_deref(), Some(dir.as_path()));
        let message = invalid.to_string();
        assert!(
            message.contains("has 1 error(s); the first: tracks/eng/senior.md:9:1:"),
            "{message}"
        );
    }

    #[test]
    fn what_is_not_a_framework_says_what_else_is_read() {
        let dir = fixture("invalid");
        let e = read_framework(&dir.to_string_lossy())
            .err()
            .unwrap_or_else(|| panic!("{} read as a framework", dir.display()));
        let message = e.to_string();
        assert!(
            matches!(e, ReadError::NotAFramework { .. })
                && message.contains("write FORMAT:PATH (hugo:, monzo:"),
            "{message}"
        );
        // A version is a directory or a revision: no FORMAT: hint there.
        let e = read_version(&dir.to_string_lossy(), &dir)
            .err()
            .unwrap_or_else(|| panic!("{} read as a version", dir.display()));
        assert!(!e.to_string().contains("FORMAT:PATH"), "{e}");
        let e = read_framework("no/such/directory")
            .err()
            .unwrap_or_else(|| panic!("a missing directory was read"));
        assert!(matches!(e, ReadError::NotADirectory(_)), "{e}");
    }

    #[test]
    fn an_import_is_refused_for_its_errors_and_keeps_its_warnings() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let csv = dir.path().join("ladder.csv");
        let write = |text: &str| std::fs::write(&csv, text).unwrap_or_else(|e| panic!("{e}"));
        // Two areas whose names make one id: a warning, both imported.
        write("level,area_path,text\nJunior,Team-work,Pairs.\nSenior,Team work,Leads.\n");
        let spec = format!("csv:{}", csv.display());
        let read = read_framework_reported(&spec).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.framework.all_areas().len(), 2);
        assert!(
            read.warnings
                .iter()
                .any(|d| d.code == crate::Code::DuplicateId
                    && d.span
                        .as_ref()
                        .is_some_and(|s| &*s.file == "ladder.csv" && s.line == 3)),
            "{:?}",
            read.warnings
        );
        assert_eq!(read.root.as_deref(), Some(dir.path()));
        // A row the import cannot place: refused with its diagnostics.
        write("level,area,text\njunior,Craft,You write tests.\nsenior,Craft,\n");
        let Err(ReadError::Invalid(invalid)) = read_framework_reported(&spec) else {
            panic!("an import with errors was read");
        };
        assert_eq!(invalid.errors(), 1);
        assert!(invalid.to_string().contains("ladder.csv:3:"), "{invalid}");
        // read_framework keeps what it could read, as before.
        assert!(read_framework(&spec).is_ok());
    }

    #[test]
    fn a_revision_git_would_take_for_an_option_is_refused_before_git_runs() {
        for rev in ["--output=/tmp/x", "-p", "HEAD\nmain"] {
            let e = read_version(rev, Path::new("."))
                .err()
                .unwrap_or_else(|| panic!("{rev:?} was read"));
            assert!(
                matches!(e, ReadError::Git(git::GitError::NotARevision(_))),
                "{rev:?}: {e}"
            );
        }
    }
}
