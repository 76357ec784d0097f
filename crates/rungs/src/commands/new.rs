//! `rungs new DIR [--template NAME]`: write a starting point for a framework.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use rungs_core::SourceSet;

use crate::input::prepare_output_dir;

pub fn run(dir: &Path, template: &str) -> Result<ExitCode> {
    // `new` never writes over files: say what to do instead.
    if dir.is_dir() && std::fs::read_dir(dir)?.next().is_some() {
        anyhow::bail!(
            "`{}` is not empty, and `rungs new` never writes over files: name a new directory \
             (e.g. `rungs new careers`), or move what is in `{}` elsewhere first",
            dir.display(),
            dir.display()
        );
    }
    prepare_output_dir(dir, false)?;
    let example = SourceSet::template(template)
        .with_context(|| format!("`{template}` is not a template of rungs new"))?;
    example
        .write_to(dir)
        .with_context(|| format!("cannot write into `{}`", dir.display()))?;
    crate::output::info!("created {} with {} files", dir.display(), example.len());
    crate::output::info!(
        "next: edit rungs.toml and tracks/, then run `rungs check {}`",
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
