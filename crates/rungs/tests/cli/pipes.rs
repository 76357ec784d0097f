//! Standard output that cannot be written: a full disk is an error, a
//! reader that went away is a normal end.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use super::{path, rungs, stderr, tmp};

/// Runs rungs with `/dev/full` as standard output (every write fails with
/// "no space left on device"), or `None` where there is no `/dev/full`.
fn into_full_disk(args: &[&str], cwd: &Path) -> Option<std::process::Output> {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        assert!(
            std::env::var_os("RUNGS_REQUIRE_ALL").is_none(),
            "RUNGS_REQUIRE_ALL=1 but /dev/full is missing"
        );
        eprintln!("skipped: /dev/full is not available");
        return None;
    };
    let output = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdout(full)
        .output()
        .unwrap_or_else(|e| panic!("cannot run rungs: {e}"));
    Some(output)
}

#[test]
fn a_full_disk_on_standard_output_fails_with_a_message() {
    let dir = tmp();
    let a = dir.path().join("a");
    assert_eq!(rungs(&["new", path(&a)], dir.path()).status.code(), Some(0));
    for args in [
        // A whole document at once, JSON through a writer, lines one by one.
        &["export", "--format", "json", path(&a)][..],
        &["check", "--format", "json", path(&a)],
        &["map", path(&a), path(&a)],
        &["diff", path(&a), path(&a), "--format", "text"],
        &["completions", "bash"],
        &["man"],
    ] {
        let Some(o) = into_full_disk(args, dir.path()) else {
            return;
        };
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains("error: cannot write to standard output") && !err.contains("panicked"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_reader_that_goes_away_is_a_normal_end() {
    let dir = tmp();
    let synth = dir.path().join("synth");
    let big = synth.join("native");
    // Its export (300 KB) is far more than a pipe holds, so rungs is still
    // writing when the reader leaves.
    let o = rungs(
        &[
            "dev",
            "synth",
            "--tracks",
            "4",
            "--levels",
            "8",
            path(&synth),
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Leaving after the first bytes (a large export), or before anything
    // is written (map loads both ladders first).
    for (args, read_first) in [
        (&["export", "--format", "json", path(&big)][..], true),
        (&["map", path(&big), path(&big)], false),
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rungs"))
            .args(args)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run rungs: {e}"));
        let mut out = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
        if read_first {
            let mut start = [0u8; 64];
            out.read_exact(&mut start)
                .unwrap_or_else(|e| panic!("{args:?}: {e}"));
        }
        drop(out);
        let o = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("{args:?}: {e}"));
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(
            !stderr(&o).contains("error:") && !stderr(&o).contains("panicked"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}
