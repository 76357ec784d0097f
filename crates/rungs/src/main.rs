//! `rungs`: career ladders as code.
//!
//! The binary wires the command line to `rungs-core`; every command lives in
//! its own module under `commands/`.

mod cli;
mod commands;
mod input;
mod render;

use std::process::ExitCode;

use clap::Parser;

// Rendering allocates many small strings on every core; mimalloc handles that
// much better than the system allocator (about 2x faster site builds).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
