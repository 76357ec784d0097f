//! How rungs talks on standard error: colour and quietness, set once from
//! the global `--color` and `--quiet` flags before a command runs.

use std::io::IsTerminal;
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
