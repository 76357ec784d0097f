//! `rungs translate`: coverage of each language, and exchange with translators.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use rungs_core::translate::{self, ExchangeFormat};
use serde_json::json;

use crate::cli::{
    CheckFormat, TranslateCommand, TranslateExportArgs, TranslateFormat, TranslateImportArgs,
    TranslateInitArgs, TranslateStatusArgs,
};
use crate::input::Input;
use crate::render;

pub fn run(command: &TranslateCommand) -> Result<ExitCode> {
    match command {
        TranslateCommand::Status(args) => status(args),
        TranslateCommand::Export(args) => export(args),
        TranslateCommand::Import(args) => import(args),
        TranslateCommand::Init(args) => init(args),
    }
}

/// Loads the framework; with errors, prints them and fails unless `allow`.
fn load(input: &Input, allow_errors: bool) -> Result<rungs_core::Loaded> {
    let loaded = rungs_core::load(&input.sources)?;
    if loaded.diagnostics.errors() > 0 {
        let errors: Vec<_> = loaded
            .diagnostics
            .clone()
            .sorted()
            .into_iter()
            .filter(|d| d.severity == rungs_core::Severity::Error)
            .collect();
        render::print_all(&errors, &input.sources, input.root.as_deref());
        if !allow_errors {
            bail!("the framework or its translations have errors (see above); fix them first");
        }
    }
    Ok(loaded)
}

fn status(args: &TranslateStatusArgs) -> Result<ExitCode> {
    let input = Input::resolve(args.dir.as_deref())?;
    let loaded = load(&input, true)?;
    let languages = loaded.translations.languages();
    let behind = languages
        .iter()
        .any(|l| l.coverage().stale > 0 || l.coverage().missing > 0);
    let failed = loaded.diagnostics.errors() > 0 || (args.deny_stale && behind);
    let mut out = crate::output::stdout();
    match args.format {
        CheckFormat::Json => {
            let report = json!({
                "ok": !failed,
                "languages": languages.iter().map(|l| json!({
                    "lang": l.code(),
                    "coverage": l.coverage(),
                })).collect::<Vec<_>>(),
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
        }
        CheckFormat::Text => {
            if languages.is_empty() {
                writeln!(
                    out,
                    "no translations: start one with `rungs translate init --lang de` (see docs/translations.md)"
                )?;
            }
            for l in languages {
                let c = l.coverage();
                writeln!(
                    out,
                    "{:<8} {:>5.1}% translated ({}/{}), {} stale ({:.1}%), {} missing ({:.1}%), {} orphaned",
                    l.code(),
                    c.percent(c.translated),
                    c.translated,
                    c.total,
                    c.stale,
                    c.percent(c.stale),
                    c.missing,
                    c.percent(c.missing),
                    c.orphaned
                )?;
            }
            if args.deny_stale && behind {
                crate::output::info!(
                    "failed: some texts are stale or missing; `rungs check` shows each, with what changed"
                );
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn export(args: &TranslateExportArgs) -> Result<ExitCode> {
    let input = Input::resolve(args.dir.as_deref())?;
    let loaded = load(&input, false)?;
    let format = match args.format {
        TranslateFormat::Xliff => ExchangeFormat::Xliff,
        TranslateFormat::Csv => ExchangeFormat::Csv,
    };
    let text = translate::export(
        &loaded.framework,
        &loaded.translations,
        &args.lang,
        format,
        &args.source_lang,
    )?;
    match &args.output {
        Some(path) => std::fs::write(path, &text)
            .with_context(|| format!("cannot write `{}`", path.display()))?,
        None => crate::output::stdout().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn import(args: &TranslateImportArgs) -> Result<ExitCode> {
    let input = Input::resolve(args.dir.as_deref())?;
    let Some(root) = input.root.clone() else {
        bail!("name the framework directory with --dir");
    };
    let loaded = load(&input, false)?;
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read `{}`", args.file.display()))?;
    let plan = translate::import(&loaded.framework, &loaded.translations, &text)
        .map_err(|e| anyhow::anyhow!("{}: {e}; nothing was written", args.file.display()))?;
    report_plan(&plan, &root, args.dry_run)?;
    crate::output::info!(
        "{} {} translation{} into {} file{}",
        if args.dry_run {
            "would import"
        } else {
            "imported"
        },
        plan.changed,
        if plan.changed == 1 { "" } else { "s" },
        plan.files.len(),
        if plan.files.len() == 1 { "" } else { "s" }
    );
    Ok(ExitCode::SUCCESS)
}

fn init(args: &TranslateInitArgs) -> Result<ExitCode> {
    let input = Input::resolve(args.dir.as_deref())?;
    let Some(root) = input.root.clone() else {
        bail!("name the framework directory");
    };
    let loaded = load(&input, false)?;
    let plan = translate::init(&loaded.framework, &input.sources, &args.lang)?;
    report_plan(&plan, &root, false)?;
    crate::output::info!(
        "wrote {} file{} to translate into translations/{}/",
        plan.files.len(),
        if plan.files.len() == 1 { "" } else { "s" },
        args.lang
    );
    Ok(ExitCode::SUCCESS)
}

fn report_plan(plan: &translate::Plan, root: &std::path::Path, dry_run: bool) -> Result<()> {
    for (path, _) in &plan.files {
        crate::output::info!("  {}", crate::input::display_path(Some(root), path));
    }
    if !dry_run {
        plan.write_to(root)
            .with_context(|| format!("cannot write into `{}`", root.display()))?;
    }
    Ok(())
}
