//! How rungs talks: colour and quietness on standard error, set once from
//! the global `--color` and `--quiet` flags before a command runs, and
//! standard output, whose write errors are errors.

use std::io::{IsTerminal, StdoutLock, Write};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::ValueEnum;

/// When diagnostics are coloured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Always, even into a file or a pipe.
    Always,
    /// Never.
    Never,
}

static COLOR: OnceLock<ColorChoice> = OnceLock::new();
static QUIET: AtomicBool = AtomicBool::new(false);

/// Records the global flags; the first call wins.
pub fn configure(color: ColorChoice, quiet: bool) {
    let _ = COLOR.set(color);
    QUIET.store(quiet, Ordering::Relaxed);
}

/// True when standard error gets colours.
pub fn coloured() -> bool {
    match COLOR.get().copied().unwrap_or_default() {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    }
}

/// True under `--quiet`: only diagnostics and errors are printed.
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// Prints an informational line on standard error, unless `--quiet`.
macro_rules! info {
    ($($arg:tt)*) => {
        if !$crate::output::quiet() {
            eprintln!($($arg)*);
        }
    };
}
pub(crate) use info;

/// Standard output for a command's results. A write that fails is an
/// error that names standard output (a full disk must not pass for
/// success); the kind is kept, so `main` still tells a reader that went
/// away (`BrokenPipe`, a normal end) from a real failure.
pub fn stdout() -> Stdout {
    Stdout(std::io::stdout().lock())
}

/// See [`stdout`].
pub struct Stdout(StdoutLock<'static>);

/// The error of a failed write, saying it was standard output.
fn named(e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("cannot write to standard output: {e}"))
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf).map_err(named)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush().map_err(named)
    }
}
