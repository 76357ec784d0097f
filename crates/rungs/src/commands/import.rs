//! `rungs import FORMAT SRC OUT`.

use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use rungs_core::export::native;

use crate::cli::ImportArgs;
use crate::input::{Input, prepare_output_dir};
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
    let refused = lost > 0 && !args.accept_loss;
    let files = native::to_sources(&imported.framework);
    let out = match (&args.out, args.dry_run) {
        (Some(out), false) => out,
        (out, _) => {
            let into = out
                .as_ref()
                .map_or(String::new(), |o| format!(" into {}", o.display()));
            eprintln!("dry run: would write {} files{into}:", files.len());
            for f in files.iter() {
                eprintln!("  {}", f.path);
            }
            return Ok(if refused {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            });
        }
    };
    if refused {
        eprintln!(
            "nothing was written: {lost} part(s) of the source could not be imported (the errors above). \
             Fix the source, or pass --accept-loss to write the framework without them."
        );
        return Ok(ExitCode::from(1));
    }
    prepare_output_dir(out, args.force)?;
    files
        .write_to(out)
        .with_context(|| format!("cannot write into `{}`", out.display()))?;
    // Check what was written, so problems show now and not at publishing time.
    let written = Input::read(out)?;
    let loaded = rungs_core::load(&written.sources)?;
    let errors = loaded.diagnostics.errors();
    let warnings = loaded.diagnostics.warnings();
    if errors > 0 || warnings > 0 {
        // Warnings too: a boilerplate summary or a time split that does not
        // add up is worth knowing before publishing.
        render::print_all(
            &loaded.diagnostics.sorted(),
            &written.sources,
            written.root.as_deref(),
        );
    }
    if errors > 0 {
        bail!(
            "the imported framework in `{}` has {errors} error(s); see above",
            out.display()
        );
    }
    let left_out = if lost > 0 {
        format!(" ({lost} part(s) of the source left out, as --accept-loss allows)")
    } else {
        String::new()
    };
    let check_warnings = if warnings > 0 {
        format!(" and {warnings} warning(s), above")
    } else {
        String::new()
    };
    crate::output::info!(
        "wrote {} files ({}) into {}{left_out}; `rungs check {}` finds no errors{check_warnings}",
        files.len(),
        loaded.framework.counts(),
        out.display(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
