//! `rungs`: career ladders as code.
//!
//! The binary wires the command line to `rungs-core`; every command lives in
//! its own module under `commands/`.

mod cli;
mod commands;
mod input;
mod logging;
#[cfg(feature = "semantic")]
mod meaning;
mod outdir;
mod output;
mod render;

use std::process::ExitCode;

use clap::Parser;

// Rendering allocates many small strings on every core; mimalloc handles that
// much better than the system allocator (about 2x faster site builds).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    output::configure(cli.color, cli.quiet);
    logging::init(&cli);
    // What is still buffered is written now, so that a failure to write
    // it is an error too (the buffer's own flush at exit would ignore it).
    let ran = commands::run(cli).and_then(|code| {
        std::io::Write::flush(&mut output::stdout())?;
        Ok(code)
    });
    match ran {
        Ok(code) => code,
        // A reader that stops early (`rungs export | head`) is not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Errors quote file names and content: show control characters, never send them.
            eprintln!("error: {}", rungs_core::text::visible(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

/// True when writing to standard output failed because its reader went away.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
