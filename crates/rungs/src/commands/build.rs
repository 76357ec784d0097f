//! `rungs build`: write the static website.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::cli::BuildArgs;
use crate::input::Input;
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
    let settings = rungs_site::SiteSettings::from_sources(&input.sources)?;
    if let Some(root) = &input.root {
        super::publish::add_pages(&mut framework, &settings, root)?;
    }
    step.done("add generated pages");
    crate::input::refuse_symlinked_output(&args.output)?;
    clear_previous_build(&args.output)?;
    step.done("clear the previous build");
    rungs_site::build_into(
        &framework,
        &input.sources,
        &rungs_site::DirOutput::new(&args.output),
    )
    .with_context(|| format!("cannot build the site into `{}`", args.output.display()))?;
    step.done("render and write");
    crate::output::info!(
        "built the site ({}) into {} in {} ms",
        framework.counts(),
        args.output.display(),
        start.elapsed().as_millis()
    );
    // The process ends here: freeing a large framework piece by piece only
    // delays the exit (the operating system reclaims the memory at once).
    std::mem::forget(framework);
    std::mem::forget(input);
    Ok(ExitCode::SUCCESS)
}

/// Removes a previous build so deleted levels do not linger, but refuses to
/// delete a directory that does not look like one of our builds.
fn clear_previous_build(out: &Path) -> Result<()> {
    if !out.exists() {
        return Ok(());
    }
    let is_empty = std::fs::read_dir(out)?.next().is_none();
    let is_ours = out.join("assets/rungs.js").is_file() && out.join("framework.json").is_file();
    if is_empty {
        return Ok(());
    }
    if !is_ours {
        bail!(
            "`{}` exists and is not a previous rungs build; choose another --output directory",
            out.display()
        );
    }
    std::fs::remove_dir_all(out).with_context(|| format!("cannot clear `{}`", out.display()))
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
