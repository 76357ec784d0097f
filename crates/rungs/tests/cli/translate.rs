//! `rungs translate`: coverage for CI, and the files translators get.

use std::path::{Path, PathBuf};

use super::{parse_json, path, read, rungs, stderr, stdout, tmp};

/// A new framework (the example, with its German and Japanese translations).
fn careers(dir: &Path) -> PathBuf {
    let target = dir.join("careers");
    let o = rungs(&["new", path(&target)], dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    target
}

#[test]
fn status_deny_stale_passes_a_complete_translation_and_fails_a_stale_one() {
    let dir = tmp();
    let fw = careers(dir.path());
    let o = rungs(
        &["translate", "status", "--deny-stale", path(&fw)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("de") && out.contains("100.0% translated"),
        "{out}"
    );
    assert!(out.contains("ja"), "{out}");

    // Reword one statement: both languages are now stale.
    let senior = fw.join("tracks/engineering/senior.md");
    let text = read(&senior).replace(
        "You review code and designs thoroughly, kindly and quickly.",
        "You review code and designs thoroughly and kindly, within a day.",
    );
    std::fs::write(&senior, text).unwrap_or_else(|e| panic!("{e}"));
    let o = rungs(
        &["translate", "status", "--deny-stale", path(&fw)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("1 stale"), "{}", stdout(&o));
    // Without --deny-stale it reports and passes.
    let o = rungs(
        &["translate", "status", path(&fw), "--format", "json"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json = parse_json(&stdout(&o));
    assert_eq!(json["languages"][0]["lang"], "de");
    assert_eq!(json["languages"][0]["coverage"]["stale"], 1);
    // `check` shows where, with the word diff.
    let o = rungs(&["check", path(&fw)], dir.path());
    let err = stderr(&o);
    assert!(err.contains("translation-stale"), "{err}");
    assert!(
        err.contains("translations/de/tracks/engineering/senior.yaml:"),
        "{err}"
    );
    assert!(err.contains("{+"), "{err}");

    // A missing file fails too.
    std::fs::remove_file(fw.join("translations/ja/pages/faq.yaml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let o = rungs(
        &["translate", "status", "--deny-stale", path(&fw)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("missing"), "{}", stdout(&o));
}

#[test]
fn export_writes_xliff_and_csv_with_source_translation_and_state() {
    let dir = tmp();
    let fw = careers(dir.path());
    let o = rungs(
        &[
            "translate",
            "export",
            path(&fw),
            "--lang",
            "ja",
            "--format",
            "xliff",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let xml = stdout(&o);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"ja\">"), "{xml}");
    assert!(
        xml.contains("<file id=\"f1\" original=\"rungs.yaml\">"),
        "{xml}"
    );
    assert!(xml.contains("<unit id=\"statements.craft-review-code-designs-thoroughly\">"));
    assert!(xml.contains("<segment state=\"translated\">"));
    assert!(xml.contains("<target xml:space=\"preserve\">コードと設計を"));

    let out = dir.path().join("de.csv");
    let o = rungs(
        &[
            "translate",
            "export",
            path(&fw),
            "--lang",
            "de",
            "--format",
            "csv",
            "-o",
            path(&out),
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let csv = read(&out);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("lang,file,key,state,source,translation,old_source")
    );
    assert_eq!(
        lines.next(),
        Some(
            "de,rungs.yaml,title,translated,Northwind Engineering Careers,Karrierewege in der Northwind-Entwicklung,"
        )
    );

    // Bad language codes are refused with the code meant.
    let o = rungs(
        &[
            "translate",
            "export",
            path(&fw),
            "--lang",
            "deu",
            "--format",
            "csv",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean `de`?"), "{}", stderr(&o));
}

#[test]
fn import_writes_translations_back_and_a_bad_row_writes_nothing() {
    let dir = tmp();
    let fw = careers(dir.path());
    let file = fw.join("translations/de/tracks/engineering/senior.yaml");
    let before = read(&file);
    let header = "lang,file,key,state,source,translation,old_source\n";
    let good =
        "de,tracks/engineering/senior.yaml,title,translated,Senior Engineer,Senior-Ingenieur:in,\n";
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        format!("{header}{good}de,../../../outside.yaml,title,translated,x,y,\n"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let o = rungs(
        &["translate", "import", path(&bad), "--dir", path(&fw)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("row 3"), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothing was written"), "{}", stderr(&o));
    assert_eq!(read(&file), before);
    assert!(!dir.path().join("outside.yaml").exists());

    let ok = dir.path().join("ok.csv");
    std::fs::write(&ok, format!("{header}{good}")).unwrap_or_else(|e| panic!("{e}"));
    let o = rungs(
        &["translate", "import", path(&ok), "--dir", path(&fw)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(read(&file).contains("text: Senior-Ingenieur:in"));
    let o = rungs(&["check", "--deny-warnings", path(&fw)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
