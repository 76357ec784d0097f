//! Helpers shared by the tests.

use std::path::{Path, PathBuf};

use rungs_core::{Diagnostic, Loaded, SourceSet};

/// The directory of this crate's fixture ladders.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A public ladder from `../shared/fixtures`, or `None` (with a printed
/// reason) when it is absent. Under `RUNGS_REQUIRE_ALL=1` absence is a failure.
pub fn shared_fixture(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures")
        .join(name);
    if path.is_dir() {
        return Some(path);
    }
    if std::env::var("RUNGS_REQUIRE_ALL").as_deref() == Ok("1") {
        panic!(
            "RUNGS_REQUIRE_ALL=1 but the shared fixture {} is missing",
            path.display()
        );
    }
    eprintln!("skipped: shared fixture {} is not present", path.display());
    None
}

/// Loads a directory, failing the test if it is not a framework.
pub fn load_dir(dir: &Path) -> (SourceSet, Loaded) {
    let sources =
        SourceSet::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    (sources, loaded)
}

/// Diagnostics in a compact, stable text form for snapshots.
pub fn describe(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let severity = match d.severity {
            rungs_core::Severity::Error => "error",
            rungs_core::Severity::Warning => "warning",
        };
        out.push_str(&format!(
            "{severity}[{}] {}: {}\n",
            d.code.as_str(),
            d.location(),
            d.message
        ));
        if let Some(label) = &d.label {
            out.push_str(&format!("  label: {label}\n"));
        }
        if let Some(help) = &d.help {
            out.push_str(&format!("  help: {help}\n"));
        }
    }
    out
}

/// The framework's JSON export as a value, for equality checks that ignore spans.
pub fn json(framework: &rungs_core::Framework) -> serde_json::Value {
    serde_json::from_str(&rungs_core::export::json::to_json(framework))
        .expect("the JSON export is JSON")
}

/// Runs `run` on the input of size `small` and on the input eight times as
/// large, and fails unless the larger took less than 24 times as long:
/// linear work takes about 8 times as long, quadratic work 64 times. Each
/// size runs five times, taking turns so that a busy machine slows both
/// alike, and the fastest run of each counts; building the inputs is not
/// timed. Returns what `run` gave on the larger input.
pub fn assert_linear<T, R>(
    small: usize,
    what: &str,
    input: impl Fn(usize) -> T,
    run: impl Fn(T) -> R,
) -> R {
    const FACTOR: usize = 8;
    let time = |n: usize| {
        let x = input(n);
        let start = std::time::Instant::now();
        let out = run(x);
        (start.elapsed(), out)
    };
    let (mut fastest_small, mut fastest_large) =
        (std::time::Duration::MAX, std::time::Duration::MAX);
    let mut last = None;
    for _ in 0..5 {
        fastest_small = fastest_small.min(time(small).0);
        let (took, out) = time(small * FACTOR);
        fastest_large = fastest_large.min(took);
        last = Some(out);
    }
    let ratio = fastest_large.as_secs_f64() / fastest_small.as_secs_f64().max(1e-9);
    assert!(
        ratio < 24.0,
        "{FACTOR} times the {what} took {ratio:.1} times as long \
         ({fastest_small:?}, then {fastest_large:?})"
    );
    last.expect("five runs")
}
