//! `[site] language`: checked with file, line and column, and a site built
//! in the language.

use super::{path, rungs, stderr, tmp};

#[test]
fn check_refuses_an_unknown_site_language_and_suggests_a_known_one() {
    let dir = tmp();
    let a = dir.path().join("a");
    assert_eq!(rungs(&["new", path(&a)], dir.path()).status.code(), Some(0));
    let config = a.join("rungs.toml");
    let text = std::fs::read_to_string(&config).unwrap_or_else(|e| panic!("{e}"));
    let line = text.lines().count() + 3;
    for (written, meant) in [("deu", "de"), ("jp", "ja"), ("de_DE", "de")] {
        std::fs::write(
            &config,
            format!("{text}\n[site]\nlanguage = \"{written}\"\n"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let o = rungs(&["check", path(&a)], dir.path());
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains(&format!(
                "error[invalid-value]: the site cannot be written in `{written}`"
            )) && err.contains(&format!("rungs.toml:{line}:12"))
                && err.contains(&format!("did you mean `{meant}`?")),
            "{err}"
        );
    }
    // A language nothing resembles lists those there are.
    std::fs::write(&config, format!("{text}\n[site]\nlanguage = \"tlh\"\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    let err = stderr(&rungs(&["check", path(&a)], dir.path()));
    assert!(err.contains("`en`, `de`, `ja`"), "{err}");

    // A known one checks clean and builds a site in it.
    std::fs::write(&config, format!("{text}\n[site]\nlanguage = \"ja\"\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    let o = rungs(&["check", path(&a)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = dir.path().join("out");
    let o = rungs(&["build", path(&a), "-o", path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let index = std::fs::read_to_string(out.join("index.html")).expect("the home page is built");
    assert!(index.contains("<html lang=\"ja\""), "{index}");
    assert!(index.contains("本文へ移動"), "{index}");
}
