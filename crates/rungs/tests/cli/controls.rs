//! Control characters in content are shown, never sent to the terminal.

use super::{core_fixture, path, read, rungs, stderr, stdout, tmp};

#[test]
fn check_shows_control_characters_and_warns_about_them() {
    let dir = core_fixture("invalid/control-character");
    let o = rungs(&["check", path(&dir)], std::path::Path::new("."));
    let err = stderr(&o);
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{9b}'),
        "{err:?}"
    );
    assert!(
        err.contains("warning[control-character]")
            && err.contains("tracks/eng/junior.md:8:17")
            && err.contains("Writes small, \\u{1b}[2Jtested"),
        "{err}"
    );
    // The caret sits under the escape, not shifted by its longer spelling.
    let line = err
        .lines()
        .position(|l| l.contains("Writes small, \\u{1b}"))
        .unwrap_or_else(|| panic!("{err}"));
    let source = err.lines().nth(line).unwrap_or_else(|| panic!("{err}"));
    let caret = err
        .lines()
        .nth(line + 1)
        .unwrap_or_else(|| panic!("no caret line: {err}"));
    let at = source
        .find("\\u{1b}")
        .unwrap_or_else(|| panic!("no escape in {source}"));
    assert_eq!(caret.find('^'), Some(at), "{source}\n{caret}");
}

#[test]
fn diff_and_map_text_output_show_control_characters() {
    let dir = tmp();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for d in [&a, &b] {
        let o = rungs(&["new", path(d)], dir.path());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let senior = b.join("tracks/engineering/senior.md");
    let text = read(&senior);
    let Some(line) = text.lines().find(|l| l.starts_with("- ")) else {
        panic!("no statement in {text}");
    };
    let changed = text.replacen(line, &format!("{line} \u{1b}]0;pwned\u{7}\u{1b}[2J"), 1);
    std::fs::write(&senior, changed).unwrap_or_else(|e| panic!("{e}"));
    for args in [
        vec!["diff", path(&a), path(&b)],
        vec!["diff", path(&a), path(&b), "--format", "markdown"],
        vec!["map", path(&b), path(&a)],
    ] {
        let o = rungs(&args, dir.path());
        let out = stdout(&o);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?}: {out:?}"
        );
        if args[0] == "diff" {
            assert!(out.contains("\\u{1b}]0;pwned\\u{7}"), "{args:?}: {out}");
        }
    }
}
