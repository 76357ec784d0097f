//! `rungs export --format ...`.

use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use rungs_core::export::{csv, hugo, json, native};

use crate::cli::{CsvFormulas, ExportArgs, ExportFormat};
use crate::input::{Input, prepare_output_dir};
use crate::render;

pub fn run(args: &ExportArgs) -> Result<ExitCode> {
    if args.format == ExportFormat::Schema {
        write_text(args, &json::schema())?;
        return Ok(ExitCode::SUCCESS);
    }
    let input = Input::resolve(args.dir.as_deref())?;
    let loaded = rungs_core::load(&input.sources)?;
    if loaded.diagnostics.errors() > 0 && !args.force {
        render::print_all(
            &loaded.diagnostics.sorted(),
            &input.sources,
            input.root.as_deref(),
        );
        bail!("the framework has errors (see above); fix them, or pass --force to export anyway");
    }
    let framework = &loaded.framework;
    match args.format {
        ExportFormat::Json => write_text(args, &json::to_json(framework))?,
        ExportFormat::Csv => {
            let formulas = match args.csv_formulas {
                CsvFormulas::Neutralise => csv::Formulas::Neutralise,
                CsvFormulas::Keep => csv::Formulas::Keep,
            };
            write_text(args, &csv::to_csv_with(framework, formulas)?)?;
        }
        ExportFormat::Grades => {
            if rungs_core::grades::by_grade(framework).is_empty() {
                bail!(
                    "the framework has no grade scale with graded levels: declare `grades` in rungs.toml and give levels a `grade`"
                );
            }
            write_text(args, &rungs_core::grades::to_csv(framework)?)?
        }
        ExportFormat::Markdown | ExportFormat::Hugo => {
            let Some(out) = &args.output else {
                bail!("--format markdown and --format hugo write a directory: pass --output DIR");
            };
            // Even with --force, never write over the framework being exported.
            crate::outdir::refuse_framework_overlap(out, input.root.as_deref())?;
            prepare_output_dir(out, args.force)?;
            let files = if args.format == ExportFormat::Hugo {
                hugo::to_hugo(framework)
            } else {
                native::to_sources(framework)
            };
            files
                .write_to(out)
                .with_context(|| format!("cannot write into `{}`", out.display()))?;
            crate::output::info!("wrote {} files into {}", files.len(), out.display());
        }
        ExportFormat::Schema => {}
    }
    Ok(ExitCode::SUCCESS)
}

fn write_text(args: &ExportArgs, text: &str) -> Result<()> {
    match &args.output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write `{}`", path.display()))
        }
        None => {
            use std::io::Write;
            let mut out = crate::output::stdout();
            out.write_all(text.as_bytes())?;
            if !text.ends_with('\n') {
                out.write_all(b"\n")?;
            }
            Ok(())
        }
    }
}
