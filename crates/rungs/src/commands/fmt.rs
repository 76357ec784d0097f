//! `rungs fmt`: level pages in canonical form (see `rungs_core::fmt`).

use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::cli::FmtArgs;
use crate::input::Input;
use crate::{output, render};

pub fn run(args: &FmtArgs) -> Result<ExitCode> {
    let input = Input::resolve(args.dir.as_deref())?;
    let Some(root) = input.root.clone() else {
        bail!("name the framework directory to format");
    };
    let loaded = rungs_core::load(&input.sources)
        .with_context(|| format!("cannot load `{}`", root.display()))?;
    let errors = loaded.diagnostics.errors();
    if errors > 0 {
        let diags = loaded.diagnostics.sorted();
        let only_errors: Vec<_> = diags
            .into_iter()
            .filter(|d| d.severity == rungs_core::Severity::Error)
            .collect();
        render::print_all(&only_errors, &input.sources, Some(&root));
        bail!(
            "`rungs fmt` rewrites only a framework without errors: fix the {errors} error{} above first",
            if errors == 1 { "" } else { "s" }
        );
    }
    let done = rungs_core::fmt::format(&loaded.framework, &input.sources)?;
    for (path, why) in &done.kept {
        eprintln!("kept as written: {path}: {why}");
    }
    if args.check {
        for (path, _) in &done.changed {
            render::outln!("{path}")?;
        }
        if done.changed.is_empty() {
            if !output::quiet() {
                eprintln!("ok: every level page is canonical");
            }
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!(
            "{} page{} not in canonical form: run `rungs fmt {}`",
            done.changed.len(),
            if done.changed.len() == 1 {
                " is"
            } else {
                "s are"
            },
            root.display()
        );
        return Ok(ExitCode::from(1));
    }
    for (path, text) in &done.changed {
        // Only inside the framework, and never half-written: a temporary
        // file beside the page, renamed over it.
        let target = rungs_core::join_inside(&root, path)?;
        let temporary = target.with_extension("md.rungs-fmt");
        std::fs::write(&temporary, text)
            .with_context(|| format!("cannot write `{}`", temporary.display()))?;
        std::fs::rename(&temporary, &target)
            .with_context(|| format!("cannot replace `{}`", target.display()))?;
        if !output::quiet() {
            eprintln!("formatted {path}");
        }
    }
    if !output::quiet() {
        eprintln!(
            "{} page{} formatted, {} already canonical, {} kept as written",
            done.changed.len(),
            if done.changed.len() == 1 { "" } else { "s" },
            done.unchanged,
            done.kept.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}
