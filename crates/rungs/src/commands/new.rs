//! `rungs new DIR`: write the built-in example framework.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use rungs_core::SourceSet;

use crate::input::prepare_output_dir;

pub fn run(dir: &Path) -> Result<ExitCode> {
    prepare_output_dir(dir, false)?;
    let example = SourceSet::example();
    example
        .write_to(dir)
        .with_context(|| format!("cannot write into `{}`", dir.display()))?;
    eprintln!("created {} with {} files", dir.display(), example.len());
    eprintln!(
        "next: edit rungs.toml and tracks/, then run `rungs check {}`",
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
