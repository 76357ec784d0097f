//! One module per command.

mod build;
mod check;
mod diff;
mod export;
mod fmt;
#[cfg(feature = "server")]
mod impact;
mod import;
mod map;
mod new;
#[cfg(feature = "serve")]
mod serve;
#[cfg(feature = "server")]
mod server;
mod synth;
mod translate;

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command, DevCommand};

/// Runs the command and returns the process exit status:
/// 0 all good, 1 findings, 2 could not run (returned as an error).
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Build(args) => build::run(&args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(&args),
        #[cfg(feature = "server")]
        Command::Server(args) => server::run(&args),
        #[cfg(not(feature = "server"))]
        Command::Server { .. } => Err(anyhow::anyhow!(
            "this rungs was built without `rungs server`; build it with the `server` feature: \
             `cargo install --path crates/rungs --features server` \
             (or `cargo run --release --features server -- server`)"
        )),
        Command::New { dir, template } => new::run(&dir, &template),
        Command::Import(args) => import::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Map(args) => map::run(&args),
        Command::Diff(args) => diff::run(&args),
        #[cfg(feature = "server")]
        Command::Impact(args) => impact::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Translate(command) => translate::run(&command),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            // Written here rather than by clap_complete, which panics when
            // a write fails.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "rungs", &mut script);
            crate::output::stdout().write_all(&script)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(command).render(&mut crate::output::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Dev(DevCommand::Synth {
            tracks,
            levels,
            seed,
            out,
        }) => synth::run(tracks, levels, seed, &out),
    }
}
