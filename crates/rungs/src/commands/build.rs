//! `rungs build`: write the static website.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::cli::BuildArgs;
use crate::input::Input;
use crate::outdir;
use crate::render;

pub fn run(args: &BuildArgs) -> Result<ExitCode> {
    let start = Instant::now();
    let mut step = Step::new(args.timings);
    let input = Input::resolve(args.dir.as_deref())?;
    step.done("read the files");
    let loaded = rungs_core::load(&input.sources)?;
    step.done("load and check");
    let errors = loaded.diagnostics.errors();
    if errors > 0 {
        render::print_all(
            &loaded.diagnostics.sorted(),
            &input.sources,
            input.root.as_deref(),
        );
        if !args.force {
            bail!(
                "the framework has {errors} error(s) (see above); fix them, or pass --force to build anyway"
            );
        }
    }
    let mut framework = loaded.framework;
    let translations = loaded.translations;
    // Settings that do not parse fail here, before the generated pages.
    rungs_site::SiteSettings::from_sources(&input.sources)?;
    if let Some(root) = &input.root {
        rungs_site::add_generated_pages(&mut framework, &input.sources, root)?;
    }
    step.done("add generated pages");
    crate::input::refuse_symlinked_output(&args.output)?;
    let previous = outdir::inspect(&args.output, input.root.as_deref())?;
    if matches!(previous, outdir::Previous::Unlisted) {
        eprintln!(
            "note: `{}` holds a build by an older rungs without a `{}`; files it wrote that this build does not are left in place",
            args.output.display(),
            outdir::MANIFEST
        );
    }
    step.done("check the output directory");
    let output = rungs_site::DirOutput::new(&args.output);
    let built =
        rungs_site::build_translated_into(&framework, &translations, &input.sources, &output);
    if let Err(e) = built {
        // Keep track of what was written, so the next build can remove it.
        let _ = outdir::record_partial(&args.output, &previous, &output.written());
        return Err(e)
            .with_context(|| format!("cannot build the site into `{}`", args.output.display()));
    }
    step.done("render and write");
    outdir::finish(&args.output, &previous, &output.written())?;
    step.done("remove stale files");
    crate::output::info!(
        "built the site ({}) into {} in {} ms",
        framework.counts(),
        args.output.display(),
        start.elapsed().as_millis()
    );
    // The process ends here: freeing a large framework piece by piece only
    // delays the exit (the operating system reclaims the memory at once).
    std::mem::forget(framework);
    std::mem::forget(translations);
    std::mem::forget(input);
    Ok(ExitCode::SUCCESS)
}

/// Prints the time each step took, for `--timings`.
struct Step {
    last: Option<Instant>,
}

impl Step {
    fn new(enabled: bool) -> Step {
        Step {
            last: enabled.then(Instant::now),
        }
    }

    fn done(&mut self, what: &str) {
        if let Some(last) = &mut self.last {
            eprintln!("{:>8.1} ms  {what}", last.elapsed().as_secs_f64() * 1000.0);
            *last = Instant::now();
        }
    }
}
