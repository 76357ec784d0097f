//! Finding the framework a command works on.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rungs_core::{Framework, ReadError, SourceSet};

/// A framework's files and how to name them in messages.
pub struct Input {
    /// The files.
    pub sources: SourceSet,
    /// Directory shown before relative file names (`None` for the built-in example).
    pub root: Option<PathBuf>,
}

impl Input {
    /// Reads DIR; without DIR, the current directory, which must hold a
    /// rungs.toml. Never the built-in example: a CI job run one folder off
    /// must fail, not check the example and pass.
    pub fn resolve(dir: Option<&Path>) -> Result<Input> {
        let dir = match dir {
            Some(d) => d.to_path_buf(),
            None if Path::new("rungs.toml").is_file() => PathBuf::from("."),
            None => {
                let here = std::env::current_dir().map_or_else(
                    |_| "the current directory".into(),
                    |d| d.display().to_string(),
                );
                bail!(
                    "no rungs.toml in {here}: name the framework directory (e.g. `rungs check careers`), \
                     create one with `rungs new DIR`, or preview the built-in example with `rungs serve`"
                );
            }
        };
        Input::read(&dir)
    }

    /// Reads a directory.
    pub fn read(dir: &Path) -> Result<Input> {
        let sources = rungs_core::read_dir(dir)?;
        Ok(Input {
            sources,
            root: Some(dir.to_path_buf()),
        })
    }
}

/// Joins a relative path to the directory the user named (left out when it is `.`).
pub fn display_path(root: Option<&Path>, rel: &str) -> String {
    match root {
        None => format!("<example>/{rel}"),
        Some(r) if r == Path::new(".") => rel.to_string(),
        Some(r) => r.join(rel).display().to_string(),
    }
}

/// Fails when the output folder is a symbolic link: a checkout can contain
/// `public -> /somewhere`, and writing through it would write outside.
pub fn refuse_symlinked_output(dir: &Path) -> Result<()> {
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        bail!(
            "`{}` is a symbolic link; write into a real folder (or remove the link)",
            dir.display()
        );
    }
    Ok(())
}

/// Fails unless `dir` is missing or empty (or `force` is set); creates it.
pub fn prepare_output_dir(dir: &Path, force: bool) -> Result<()> {
    check_output_dir(dir, force)?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))
}

/// Fails unless `dir` could be written into: missing or empty (or `force`
/// is set), not a link. Creates nothing, so a dry run can ask too.
pub fn check_output_dir(dir: &Path, force: bool) -> Result<()> {
    refuse_symlinked_output(dir)?;
    if dir.exists() {
        if !dir.is_dir() {
            bail!("`{}` exists and is not a directory", dir.display());
        }
        let non_empty = std::fs::read_dir(dir)?.next().is_some();
        if non_empty && !force {
            bail!(
                "`{}` is not empty; choose a new directory, or pass --force to write into it",
                dir.display()
            );
        }
    }
    Ok(())
}

/// Reads a framework from a directory, or from another format with a
/// `FORMAT:PATH` prefix (an import keeps what it could read). One with
/// errors has them printed. (`rungs map` uses [`framework_reported`].)
#[cfg(feature = "server")]
pub fn framework(spec: &str) -> Result<Framework> {
    rungs_core::read_framework(spec).map_err(|e| refused(e, "run `rungs check` on it"))
}

/// Reads side `side` (`A`, `B`) of a comparison: a directory, or another
/// format (`FORMAT:PATH`) whose import's warnings are printed, file:line:col
/// as `rungs check` shows them; an import with errors (parts of the source
/// it could not place) is refused with them, as a directory with errors is.
pub fn framework_reported(spec: &str, side: &str) -> Result<Framework> {
    let hint = match rungs_core::import::split_spec(spec) {
        Some((format, path)) => format!(
            "{side} is an import that leaves parts of its source out; fix the source, or write \
             what can be imported with `rungs import {} {path} DIR --accept-loss` and compare DIR",
            format.name
        ),
        None => format!("{side} cannot be compared; run `rungs check` on it"),
    };
    let read = rungs_core::read_framework_reported(spec).map_err(|e| refused(e, &hint))?;
    if !read.warnings.is_empty() {
        crate::render::print_all(&read.warnings, &read.sources, read.root.as_deref());
        crate::output::info!(
            "note: {side} (`{spec}`) imported with {} warning(s), above",
            read.warnings.len()
        );
    }
    Ok(read.framework)
}

/// A directory, or a git revision of the repository holding `dir`. One
/// with errors has them printed, and the error ends with `hint` (what the
/// command needs them for).
pub fn version(spec: &str, dir: &Path, hint: &str) -> Result<Framework> {
    rungs_core::read_version(spec, dir).map_err(|e| refused(e, hint))
}

/// The error, after printing the diagnostics of a framework refused for
/// its errors; `hint` says what to do about them.
fn refused(e: ReadError, hint: &str) -> anyhow::Error {
    match e {
        ReadError::Invalid(invalid) => {
            crate::render::print_all(
                &invalid.diagnostics,
                &invalid.sources,
                invalid.root.as_deref(),
            );
            anyhow::anyhow!(
                "`{}` has {} error(s); {hint}",
                invalid.name,
                invalid.errors()
            )
        }
        e => e.into(),
    }
}
