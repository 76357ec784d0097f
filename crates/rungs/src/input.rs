//! Finding the framework a command works on.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rungs_core::SourceSet;

/// A framework's files and how to name them in messages.
pub struct Input {
    /// The files.
    pub sources: SourceSet,
    /// Directory shown before relative file names (`None` for the built-in example).
    pub root: Option<PathBuf>,
}

impl Input {
    /// Reads DIR; without DIR, the current directory if it has a rungs.toml,
    /// else the built-in example.
    pub fn resolve(dir: Option<&Path>) -> Result<Input> {
        let dir = match dir {
            Some(d) => d.to_path_buf(),
            None if Path::new("rungs.toml").exists() => PathBuf::from("."),
            None => {
                eprintln!(
                    "note: no rungs.toml here; using the built-in example framework (`rungs new DIR` writes it out)"
                );
                return Ok(Input {
                    sources: SourceSet::example(),
                    root: None,
                });
            }
        };
        Input::read(&dir)
    }

    /// Reads a directory.
    pub fn read(dir: &Path) -> Result<Input> {
        if !dir.is_dir() {
            bail!("`{}` is not a directory", dir.display());
        }
        let sources =
            SourceSet::read_dir(dir).with_context(|| format!("cannot read `{}`", dir.display()))?;
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
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))
}

/// Reads a framework from a directory, or from another format with a
/// `FORMAT:PATH` prefix (`hugo:`, `monzo:`, `ft:`, `json:`), for commands that
/// compare frameworks.
pub fn framework(spec: &str) -> Result<rungs_core::Framework> {
    use rungs_core::import;
    let (format, path) = match spec.split_once(':') {
        Some((f, p)) if ["hugo", "monzo", "ft", "json"].contains(&f) => (Some(f), p),
        _ => (None, spec),
    };
    let path = Path::new(path);
    if format == Some("json") {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read `{}`", path.display()))?;
        return rungs_core::export::json::from_json(&text)
            .with_context(|| format!("`{}` is not a rungs JSON export", path.display()));
    }
    let input = Input::read(path)?;
    let imported = match format {
        None => {
            let loaded = rungs_core::load(&input.sources).with_context(|| {
                format!("`{}`: no rungs.toml; to read another format, write FORMAT:PATH (hugo:, monzo:, ft:, json:)", path.display())
            })?;
            let errors = loaded.diagnostics.errors();
            if errors > 0 {
                crate::render::print_all(
                    &loaded.diagnostics.sorted(),
                    &input.sources,
                    input.root.as_deref(),
                );
                bail!(
                    "`{}` has {errors} error(s); run `rungs check` on it",
                    path.display()
                );
            }
            return Ok(loaded.framework);
        }
        Some("hugo") => import::hugo::import(&input.sources),
        Some("monzo") => import::monzo::import(&input.sources),
        _ => import::ft::import(&input.sources),
    };
    Ok(imported
        .with_context(|| format!("cannot read `{}`", path.display()))?
        .framework)
}
