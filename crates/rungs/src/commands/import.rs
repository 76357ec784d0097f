//! `rungs import FORMAT SRC OUT`.

use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use rungs_core::export::native;

use crate::cli::ImportArgs;
use crate::input::{self, Input, prepare_output_dir};
use crate::render;

pub fn run(args: &ImportArgs) -> Result<ExitCode> {
    let format = rungs_core::import::format(&args.format)
        .with_context(|| format!("`{}` is not a format rungs imports", args.format))?;
    let (sources, root) = input::read_source(format, &args.src)?;
    let imported = format.import(&sources).with_context(|| {
        format!(
            "cannot import `{}` as {}",
            args.src.display(),
            format.description
        )
    })?;
    let diags = imported.diagnostics.sorted();
    render::print_all(&diags, &sources, root.as_deref());
    let counts = imported.framework.counts();
    eprintln!(
        "imported {counts}; {} warning(s) about content that was not imported",
        diags.len()
    );
    if args.dry_run {
        let files = native::to_sources(&imported.framework);
        eprintln!(
            "dry run: would write {} files into {}:",
            files.len(),
            args.out.display()
        );
        for f in files.iter() {
            eprintln!("  {}", f.path);
        }
        return Ok(ExitCode::SUCCESS);
    }
    prepare_output_dir(&args.out, args.force)?;
    let files = native::to_sources(&imported.framework);
    files
        .write_to(&args.out)
        .with_context(|| format!("cannot write into `{}`", args.out.display()))?;
    // Check what was written, so problems show now and not at publishing time.
    let written = Input::read(&args.out)?;
    let loaded = rungs_core::load(&written.sources)?;
    let errors = loaded.diagnostics.errors();
    if errors > 0 {
        render::print_all(
            &loaded.diagnostics.sorted(),
            &written.sources,
            written.root.as_deref(),
        );
        bail!(
            "the imported framework in `{}` has {errors} error(s); see above",
            args.out.display()
        );
    }
    eprintln!(
        "wrote {} files into {}; `rungs check {}` finds no errors",
        files.len(),
        args.out.display(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
