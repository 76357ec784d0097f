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
