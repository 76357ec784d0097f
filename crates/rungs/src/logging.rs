//! Where the libraries' `tracing` events go: standard error, one line each,
//! filtered by `RUST_LOG`.
//!
//! `RUST_LOG` is read as a list of directives separated by commas, each a
//! level (`off`, `error`, `warn`, `info`, `debug`, `trace`) for everything,
//! or `TARGET=LEVEL` for the events whose target starts with `TARGET`
//! (a module path such as `rungs_server`, or `request` for the request
//! lines); the most specific target wins, and a target no directive
//! covers is off unless a bare level is given. Examples: `debug`,
//! `warn,request=info`, `info,rungs_server::relink=debug`. This is
//! `tracing_subscriber::filter::Targets`: unlike `env_logger`'s syntax there
//! are no span names, field values or regular expressions.
//!
//! Without `RUST_LOG`, the servers (`rungs serve`, `rungs server`) log at
//! `info` (a line per request, rebuilds, relinks) and every other command
//! at `warn`, so their output is only what they print themselves.
//! `--quiet` lowers the default to `warn` everywhere.

use std::str::FromStr;

use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use crate::cli::{Cli, Command};

/// Installs the subscriber for this run of `cli`.
pub fn init(cli: &Cli) {
    let default = if is_server(&cli.command) && !cli.quiet {
        LevelFilter::INFO
    } else {
        LevelFilter::WARN
    };
    let (filter, invalid) = filter(std::env::var("RUST_LOG").ok().as_deref(), default);
    let installed = if json(&cli.command) {
        tracing_subscriber::registry()
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .with_current_span(true)
                    .with_span_list(false)
                    .with_writer(std::io::stderr),
            )
            .with(filter)
            .try_init()
    } else {
        tracing_subscriber::registry()
            .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
            .with(filter)
            .try_init()
    };
    if installed.is_ok()
        && let Some(error) = invalid
    {
        tracing::warn!(
            error = error.as_str(),
            "RUST_LOG is not understood; ignored"
        );
    }
}

/// The filter `RUST_LOG` (if set and not empty) describes, else `default`
/// for every target; and why `RUST_LOG` was not understood, if it was not.
fn filter(rust_log: Option<&str>, default: LevelFilter) -> (Targets, Option<String>) {
    let everything = Targets::new().with_default(default);
    match rust_log.map(str::trim).filter(|v| !v.is_empty()) {
        None => (everything, None),
        Some(value) => match Targets::from_str(value) {
            Ok(targets) => (targets, None),
            Err(e) => (everything, Some(e.to_string())),
        },
    }
}

/// Whether the log is asked for as JSON (`rungs server --log-format json`).
fn json(command: &Command) -> bool {
    match command {
        #[cfg(feature = "server")]
        Command::Server(args) => args.log_format == crate::cli::LogFormat::Json,
        _ => false,
    }
}

/// Whether the command runs a server (and not one of its maintenance
/// commands).
fn is_server(command: &Command) -> bool {
    match command {
        #[cfg(feature = "serve")]
        Command::Serve(_) => true,
        #[cfg(feature = "server")]
        Command::Server(args) => args.command.is_none(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use tracing::Level;

    use super::*;

    #[test]
    fn rust_log_sets_levels_by_target_and_falls_back_to_the_default() {
        let (f, invalid) = filter(None, LevelFilter::WARN);
        assert!(invalid.is_none());
        assert!(f.would_enable("rungs_server", &Level::WARN));
        assert!(!f.would_enable("rungs_server", &Level::INFO));

        let (f, invalid) = filter(
            Some("warn,request=info,rungs_server::relink=debug"),
            LevelFilter::WARN,
        );
        assert!(invalid.is_none());
        assert!(f.would_enable("request", &Level::INFO));
        assert!(f.would_enable("rungs_server::relink", &Level::DEBUG));
        assert!(!f.would_enable("rungs_server::oidc", &Level::INFO));
        assert!(f.would_enable("rungs_server::oidc", &Level::WARN));

        let (f, invalid) = filter(Some("  "), LevelFilter::INFO);
        assert!(invalid.is_none());
        assert!(f.would_enable("request", &Level::INFO));

        let (f, invalid) = filter(Some("request=loud"), LevelFilter::INFO);
        assert!(invalid.is_some());
        assert!(f.would_enable("request", &Level::INFO));
        assert!(!f.would_enable("request", &Level::DEBUG));
    }
}
