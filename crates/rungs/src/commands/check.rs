//! `rungs check`: load, validate, report.

use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;

use crate::cli::{CheckArgs, CheckFormat};
use crate::input::Input;
use crate::render;

pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let input = Input::resolve(args.dir.as_deref())?;
    let loaded = match rungs_core::load(&input.sources) {
        Ok(l) => l,
        Err(e) => anyhow::bail!(
            "{}: {e}\nhelp: create a framework with `rungs new DIR`, or import one with `rungs import hugo SITE DIR`",
            input
                .root
                .as_ref()
                .map_or("<example>".into(), |r| r.display().to_string())
        ),
    };
    // The website's settings ([site]) are checked here too, so a typo fails
    // `rungs check` with its line rather than the build later.
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(rungs_site::SiteSettings::check(&input.sources));
    // The pages `rungs build` generates from other frameworks and from git
    // are made here too (and thrown away), so a wrong source or revision
    // fails `check` rather than the build.
    if let Some(root) = &input.root
        && diagnostics.errors() == 0
        && let Ok(settings) = rungs_site::SiteSettings::from_sources(&input.sources)
        && (!settings.compare_with.is_empty() || settings.changes_since.is_some())
        && let Err(e) =
            rungs_site::add_generated_pages(&mut loaded.framework.clone(), &input.sources, root)
    {
        // The setting's value in rungs.toml, in quotes.
        let needle = format!("\"{}\"", e.value());
        let span = input
            .sources
            .get("rungs.toml")
            .map(|file| match file.text().find(&needle) {
                Some(at) => file.span(at, at + needle.len()),
                None => file.start_span(),
            });
        let mut d = rungs_core::Diagnostic::error(rungs_core::Code::InvalidValue, e.to_string())
            .help("see docs/theming.md on [[site.compare_with]] and changes_since");
        if let Some(span) = &span {
            d = d.at(span);
        }
        diagnostics.push(d);
    }
    let errors = diagnostics.errors();
    let warnings = diagnostics.warnings();
    let counts = loaded.framework.counts();
    let diags = diagnostics.sorted();
    let failed = errors > 0 || (args.deny_warnings && warnings > 0);
    match args.format {
        CheckFormat::Json => {
            let report = json!({
                "ok": !failed,
                "errors": errors,
                "warnings": warnings,
                "counts": counts,
                "diagnostics": diags.iter().map(|d| render::json(d, &input.sources, input.root.as_deref())).collect::<Vec<_>>(),
            });
            use std::io::Write as _;
            writeln!(
                crate::output::stdout(),
                "{}",
                serde_json::to_string_pretty(&report)?
            )?;
        }
        CheckFormat::Text => {
            render::print_all(&diags, &input.sources, input.root.as_deref());
            let name = input
                .root
                .as_ref()
                .map_or("the built-in example".into(), |r| r.display().to_string());
            let verdict = if failed { "failed" } else { "ok" };
            crate::output::info!(
                "{verdict}: {name}: {errors} error{}, {warnings} warning{} ({counts})",
                plural(errors),
                plural(warnings)
            );
        }
    }
    // As in `build`: the process ends here, and the operating system takes
    // the memory back at once.
    std::mem::forget(loaded.framework);
    std::mem::forget(loaded.translations);
    std::mem::forget(input);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
