//! `rungs import FORMAT SRC OUT`.

use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use rungs_core::SourceSet;
use rungs_core::export::native;
use rungs_core::import::Imported;

use crate::cli::{ImportArgs, ImportFormat};
use crate::input::{Input, prepare_output_dir};
use crate::render;

pub fn run(args: &ImportArgs) -> Result<ExitCode> {
    let (imported, sources, root) = match args.format {
        ImportFormat::Hugo | ImportFormat::Monzo | ImportFormat::Ft => {
            let input = Input::read(&args.src)?;
            type Importer = fn(&SourceSet) -> Result<Imported, rungs_core::import::ImportError>;
            let (importer, what): (Importer, &str) = match args.format {
                ImportFormat::Hugo => (rungs_core::import::hugo::import, "a Hugo site"),
                ImportFormat::Monzo => (
                    rungs_core::import::monzo::import,
                    "a Monzo progression framework",
                ),
                _ => (
                    rungs_core::import::ft::import,
                    "FT engineering-progression job families",
                ),
            };
            let imported = importer(&input.sources)
                .with_context(|| format!("cannot import `{}` as {what}", args.src.display()))?;
            (imported, input.sources, Some(args.src.clone()))
        }
        ImportFormat::Csv => {
            let (sources, root) = if args.src.is_file() {
                let bytes = std::fs::read(&args.src)
                    .with_context(|| format!("cannot read `{}`", args.src.display()))?;
                let name = args
                    .src
                    .file_name()
                    .map_or("ladder.csv".into(), |n| n.to_string_lossy().into_owned());
                let mut set = SourceSet::new();
                set.insert(&name, bytes);
                (set, args.src.parent().map(std::path::Path::to_path_buf))
            } else {
                (Input::read(&args.src)?.sources, Some(args.src.clone()))
            };
            let imported = rungs_core::import::csv::import(&sources)
                .with_context(|| format!("cannot import `{}` as CSV", args.src.display()))?;
            (imported, sources, root)
        }
        ImportFormat::Json => {
            let text = std::fs::read_to_string(&args.src)
                .with_context(|| format!("cannot read `{}`", args.src.display()))?;
            let framework = rungs_core::export::json::from_json(&text)
                .with_context(|| format!("`{}` is not a rungs JSON export", args.src.display()))?;
            let imported = Imported {
                framework,
                diagnostics: Default::default(),
            };
            (imported, SourceSet::new(), None)
        }
    };
    let import_errors = imported.diagnostics.errors();
    let diags = imported.diagnostics.sorted();
    render::print_all(&diags, &sources, root.as_deref());
    let counts = imported.framework.counts();
    eprintln!(
        "imported {counts}; {} warning(s) about content that was not imported",
        diags.len()
    );
    if import_errors > 0 && !args.dry_run && !args.force {
        // Bad input changes nothing: fix the source, or take what was read.
        bail!(
            "the input has {import_errors} error(s) (see above); nothing was written. \
             Fix them, or pass --force to write what could be read"
        );
    }
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
