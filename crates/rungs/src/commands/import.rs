//! `rungs import FORMAT SRC OUT`.
//!
//! A real run and a dry run take the same steps and stop at the same
//! places with the same exit code: the import, its diagnostics, the check of
//! what would be written (in memory, before anything is written), the output
//! folder; only the last step, writing, is left out of a dry run.

use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use rungs_core::export::native;

use crate::cli::ImportArgs;
use crate::input::{check_output_dir, prepare_output_dir};
use crate::render;

pub fn run(args: &ImportArgs) -> Result<ExitCode> {
    let format = rungs_core::import::format(&args.format)
        .with_context(|| format!("`{}` is not a format rungs imports", args.format))?;
    let (sources, root) = rungs_core::read_source(format, &args.src)?;
    let imported = format.import(&sources).with_context(|| {
        format!(
            "cannot import `{}` as {}",
            args.src.display(),
            format.description
        )
    })?;
    // Errors are parts of the source that are not in the framework; warnings
    // are things worth knowing that lose nothing of the ladder.
    let (lost, warnings) = (
        imported.diagnostics.errors(),
        imported.diagnostics.warnings(),
    );
    render::print_all(&imported.diagnostics.sorted(), &sources, root.as_deref());
    let counts = imported.framework.counts();
    crate::output::info!(
        "read {counts} from {}; {lost} part(s) could not be imported, {warnings} warning(s)",
        args.src.display()
    );
    if counts.levels == 0 {
        bail!(
            "nothing to write: no level could be imported from `{}`",
            args.src.display()
        );
    }
    let files = native::to_sources(&imported.framework);
    let dry = args.dry_run;
    let out = args.out.as_deref();
    let into = out.map_or(String::new(), |o| format!(" into {}", o.display()));
    if dry {
        eprintln!("dry run: would write {} files{into}:", files.len());
        for f in files.iter() {
            eprintln!("  {}", f.path);
        }
    }
    let (nothing, would) = if dry {
        ("nothing would be written", "would write")
    } else {
        ("nothing was written", "wrote")
    };
    if lost > 0 && !args.accept_loss {
        eprintln!(
            "{nothing}: {lost} part(s) of the source could not be imported (the errors above). \
             Fix the source, or pass --accept-loss to write the framework without them."
        );
        return Ok(ExitCode::from(1));
    }
    // Check what will be written, as `rungs check` would, before writing:
    // problems show now, not at publishing time, and a framework with
    // errors is never written.
    let loaded = rungs_core::load(&files)?;
    let (errors, check_warnings) = (loaded.diagnostics.errors(), loaded.diagnostics.warnings());
    if errors > 0 || check_warnings > 0 {
        // Warnings too: a boilerplate summary or a time split that does not
        // add up is worth knowing before publishing.
        render::print_all(&loaded.diagnostics.sorted(), &files, out);
    }
    if errors > 0 {
        bail!("{nothing}: the imported framework would have {errors} error(s); see above");
    }
    if let Some(out) = out {
        check_output_dir(out, args.force)?;
    }
    let left_out = if lost > 0 {
        format!(" ({lost} part(s) of the source left out, as --accept-loss allows)")
    } else {
        String::new()
    };
    let check_warnings = if check_warnings > 0 {
        format!(" and {check_warnings} warning(s), above")
    } else {
        String::new()
    };
    let Some(out) = out.filter(|_| !dry) else {
        crate::output::info!(
            "dry run: {would} {} files ({}){into}{left_out}; `rungs check` would find no errors{check_warnings}",
            files.len(),
            loaded.framework.counts(),
        );
        return Ok(ExitCode::SUCCESS);
    };
    prepare_output_dir(out, args.force)?;
    files
        .write_to(out)
        .with_context(|| format!("cannot write into `{}`", out.display()))?;
    crate::output::info!(
        "{would} {} files ({}) into {}{left_out}; `rungs check {}` finds no errors{check_warnings}",
        files.len(),
        loaded.framework.counts(),
        out.display(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
