//! `rungs serve`: live preview.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::ServeArgs;

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    let root: Option<PathBuf> = match &args.dir {
        Some(d) if !d.is_dir() => bail!("`{}` is not a directory", d.display()),
        Some(d) => Some(d.clone()),
        None if Path::new("rungs.toml").exists() => Some(PathBuf::from(".")),
        None => {
            crate::output::info!(
                "note: no rungs.toml here; serving the built-in example framework (`rungs new DIR` writes it out)"
            );
            None
        }
    };
    let name = root
        .as_ref()
        .map_or("the built-in example".to_string(), |r| {
            r.display().to_string()
        });
    if !args.host.is_loopback() {
        eprintln!(
            "warning: listening on {}, not only on this machine: the preview has no authentication, anyone who can reach this address can read the framework",
            args.host
        );
    }
    // Diagnostics in the terminal too, on start and on every rebuild, as
    // `rungs check` prints them: the overlay shows errors only in the browser.
    let shown_root = root.clone();
    let report = rungs_preview::Reporter(std::sync::Arc::new(
        move |diagnostics: &[rungs_core::Diagnostic], sources: &rungs_core::SourceSet| {
            crate::render::print_all(diagnostics, sources, shown_root.as_deref());
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == rungs_core::Severity::Error)
                .count();
            let warnings = diagnostics.len() - errors;
            if errors + warnings > 0 {
                eprintln!("{errors} error(s), {warnings} warning(s)");
            }
        },
    ));
    let config = rungs_preview::ServeConfig {
        root,
        report: Some(report),
        addr: std::net::SocketAddr::new(args.host, args.port),
        limits: rungs_preview::Limits {
            header_timeout: std::time::Duration::from_millis(args.header_timeout_ms.max(1)),
            ..rungs_preview::Limits::default()
        },
    };
    rungs_preview::serve(config, move |addr| {
        crate::output::info!("serving {name} at http://{addr}/ (Ctrl-C to stop)");
    })?;
    Ok(ExitCode::SUCCESS)
}
