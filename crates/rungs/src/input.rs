//! Finding the framework a command works on.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rungs_core::SourceSet;
use rungs_core::import::{self, Format, Input as ImportInput};

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

/// Reads what an importer of `format` reads at `path`: a directory's
/// files, or one file. Returns the files and the directory that messages
/// name them from.
pub fn read_source(format: &Format, path: &Path) -> Result<(SourceSet, Option<PathBuf>)> {
    let one_file = match format.input {
        ImportInput::File => true,
        ImportInput::Directory => false,
        _ => path.is_file(),
    };
    if !one_file {
        let input = Input::read(path)?;
        return Ok((input.sources, input.root));
    }
    if !path.is_file() {
        bail!("`{}` is not a file", path.display());
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    let name = path.file_name().map_or_else(
        || format!("input.{}", format.name),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut set = SourceSet::new();
    set.insert(&name, bytes);
    Ok((set, path.parent().map(Path::to_path_buf)))
}

/// Reads a framework from a directory, or from another format with a
/// `FORMAT:PATH` prefix (any format of the import registry), for commands
/// that compare frameworks.
pub fn framework(spec: &str) -> Result<rungs_core::Framework> {
    let Some((format, path)) = import::split_spec(spec) else {
        let path = Path::new(spec);
        let input = Input::read(path)?;
        let loaded = rungs_core::load(&input.sources).with_context(|| {
            let names: Vec<String> = import::FORMATS
                .iter()
                .map(|f| format!("{}:", f.name))
                .collect();
            format!(
                "`{}`: no rungs.toml; to read another format, write FORMAT:PATH ({})",
                path.display(),
                names.join(", ")
            )
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
    };
    let (sources, _) = read_source(format, Path::new(path))?;
    Ok(format
        .import(&sources)
        .with_context(|| format!("cannot read `{path}` as {}", format.description))?
        .framework)
}
