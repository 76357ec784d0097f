//! Runs the browser tests (tests/browser, node's test runner with
//! playwright-core, axe-core and pixelmatch) against this build of `rungs`, in headless
//! Debian chromium. Skips with a reason when node, chromium or the npm
//! packages are missing; under RUNGS_REQUIRE_ALL=1 that is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

fn missing(what: &str) {
    if std::env::var("RUNGS_REQUIRE_ALL").as_deref() == Ok("1") {
        panic!("RUNGS_REQUIRE_ALL=1 but {what}");
    }
    eprintln!("skipped: {what}");
}

#[test]
fn website_in_a_real_browser() {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if Command::new("node").arg("--version").output().is_err() {
        return missing("node is not installed");
    }
    if !Path::new(&chromium).exists() {
        return missing("chromium is not installed (apt-get install chromium)");
    }
    if !dir.join("node_modules/playwright-core").is_dir()
        || !dir.join("node_modules/axe-core").is_dir()
        || !dir.join("node_modules/pdfjs-dist").is_dir()
        || !dir.join("node_modules/smtp-server").is_dir()
        || !dir.join("node_modules/pixelmatch").is_dir()
        || !dir.join("node_modules/pngjs").is_dir()
    {
        return missing("the browser test packages are not installed (cd tests/browser && npm ci)");
    }
    // Every `*.test.mjs` file runs; those that start `rungs server` (they
    // import server-process.mjs) need a binary built with the server.
    let mut files = Vec::new();
    let mut need_server = Vec::new();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {dir:?}: {e}"));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("cannot list {dir:?}: {e}"))
            .path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !name.ends_with(".test.mjs") {
            continue;
        }
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path:?}: {e}"));
        if text.contains("server-process.mjs") && !cfg!(feature = "server") {
            need_server.push(name.to_owned());
        } else {
            files.push(name.to_owned());
        }
    }
    files.sort();
    assert!(!files.is_empty(), "no browser tests in {dir:?}");
    if !need_server.is_empty() {
        missing(&format!(
            "this build has no `rungs server` (test with `--features rungs/server`), so {} did not run",
            need_server.join(", ")
        ));
    }
    let output = Command::new("node")
        .arg("--test")
        .arg("--test-reporter=tap")
        .args(&files)
        .current_dir(&dir)
        .env("RUNGS_BIN", env!("CARGO_BIN_EXE_rungs"))
        .env("CHROMIUM", &chromium)
        // Screenshots that differ from the approved ones are written here.
        .env("RUNGS_TMP", env!("CARGO_TARGET_TMPDIR"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run node: {e}"));
    let report = String::from_utf8_lossy(&output.stdout);
    // Show the figures the tests print (live-reload time) in the cargo output.
    for line in report
        .lines()
        .filter(|l| l.starts_with("# ") || l.starts_with("ok") || l.starts_with("not ok"))
    {
        eprintln!("browser: {line}");
    }
    assert!(
        output.status.success(),
        "browser tests failed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        report.contains("# fail 0") && !report.contains("# pass 0"),
        "{report}"
    );
}
