//! `rungs dev synth`: write a synthetic framework for benchmarks.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use rungs_core::export::{hugo, native};
use rungs_core::synth::{SynthOptions, generate};

use crate::input::prepare_output_dir;

pub fn run(tracks: usize, levels: usize, seed: u64, out: &Path) -> Result<ExitCode> {
    prepare_output_dir(out, false)?;
    let framework = generate(SynthOptions {
        tracks,
        levels,
        seed,
    });
    let native_dir = out.join("native");
    let hugo_dir = out.join("hugo");
    native::to_sources(&framework)
        .write_to(&native_dir)
        .with_context(|| format!("cannot write `{}`", native_dir.display()))?;
    hugo::to_hugo(&framework)
        .write_to(&hugo_dir)
        .with_context(|| format!("cannot write `{}`", hugo_dir.display()))?;
    eprintln!(
        "wrote synthetic framework ({}) into {} and {}",
        framework.counts(),
        native_dir.display(),
        hugo_dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
