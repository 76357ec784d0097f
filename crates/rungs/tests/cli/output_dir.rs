//! `rungs build -o DIR` and `rungs export -o DIR` never delete what they did
//! not write, and refuse directories that hold the framework.

use std::path::Path;

use super::{path, read, rungs, stderr, tmp};

fn new_framework(parent: &Path, name: &str) -> std::path::PathBuf {
    let careers = parent.join(name);
    let o = rungs(&["new", path(&careers)], parent);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    careers
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_gh_pages_checkout_keeps_its_own_files_over_two_builds() {
    let dir = tmp();
    let careers = new_framework(dir.path(), "careers");
    let pages = dir.path().join("gh-pages");
    write(&pages.join(".git/HEAD"), "ref: refs/heads/gh-pages\n");
    write(&pages.join("CNAME"), "careers.example.org\n");
    for round in 0..2 {
        let o = rungs(&["build", path(&careers), "-o", path(&pages)], dir.path());
        assert_eq!(o.status.code(), Some(0), "round {round}: {}", stderr(&o));
        assert_eq!(read(&pages.join(".git/HEAD")), "ref: refs/heads/gh-pages\n");
        assert_eq!(read(&pages.join("CNAME")), "careers.example.org\n");
        assert!(pages.join("index.html").is_file());
        let manifest = read(&pages.join(".rungs-manifest"));
        assert!(manifest.lines().any(|l| l == "index.html"), "{manifest}");
        assert!(!manifest.contains("CNAME") && !manifest.contains(".git"));
        // A file the user adds after the first build survives the second.
        write(&pages.join("notes/keep.txt"), "mine");
    }
    assert_eq!(read(&pages.join("notes/keep.txt")), "mine");
}

#[test]
fn a_level_removed_from_the_framework_disappears_on_rebuild() {
    let dir = tmp();
    let careers = new_framework(dir.path(), "careers");
    let out = dir.path().join("public");
    let o = rungs(&["build", path(&careers), "-o", path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = out.join("tracks/engineering-management/director.html");
    assert!(page.is_file());
    // The user's file in a folder rungs also writes to stays.
    write(&out.join("tracks/engineering-management/mine.txt"), "mine");
    std::fs::remove_file(careers.join("tracks/engineering-management/director.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    let o = rungs(&["build", path(&careers), "-o", path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!page.exists(), "the removed level's page lingers");
    assert!(
        out.join("tracks/engineering-management/manager.html")
            .is_file()
    );
    assert_eq!(
        read(&out.join("tracks/engineering-management/mine.txt")),
        "mine"
    );
}

#[test]
fn a_manifest_cannot_lead_outside_the_output_directory() {
    let dir = tmp();
    let careers = new_framework(dir.path(), "careers");
    let out = dir.path().join("public");
    let o = rungs(&["build", path(&careers), "-o", path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    write(&dir.path().join("precious.txt"), "keep");
    write(&out.join(".git/config"), "keep");
    let manifest = read(&out.join(".rungs-manifest"));
    write(
        &out.join(".rungs-manifest"),
        &format!("{manifest}../precious.txt\n.git/config\n/etc/hostname\n"),
    );
    let o = rungs(&["build", path(&careers), "-o", path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(read(&dir.path().join("precious.txt")), "keep");
    assert_eq!(read(&out.join(".git/config")), "keep");
}

#[test]
fn building_into_the_framework_directory_is_refused_and_deletes_nothing() {
    let dir = tmp();
    let careers = new_framework(dir.path(), "careers");
    write(&careers.join(".git/HEAD"), "ref: refs/heads/main\n");
    let before = read(&careers.join("rungs.toml"));
    let o = rungs(&["build", ".", "-o", "."], &careers);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is the framework directory"),
        "{}",
        stderr(&o)
    );
    assert_eq!(read(&careers.join("rungs.toml")), before);
    assert!(careers.join(".git/HEAD").is_file());
    assert!(!careers.join("index.html").exists());
    assert!(!careers.join(".rungs-manifest").exists());
}

#[test]
fn building_into_a_parent_of_the_framework_is_refused() {
    let dir = tmp();
    let careers = new_framework(dir.path(), "careers");
    let o = rungs(&["build", "careers", "-o", "."], dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("contains the framework directory"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.path().join("index.html").exists());
    // Even a previous build's manifest there does not make it acceptable.
    write(&dir.path().join(".rungs-manifest"), "careers/rungs.toml\n");
    let o = rungs(
        &["build", path(&careers), "-o", path(dir.path())],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(careers.join("rungs.toml").is_file());
}

#[test]
fn a_directory_of_someone_elses_files_is_refused() {
    let dir = tmp();
    let careers = new_framework(dir.path(), "careers");
    let other = dir.path().join("project");
    write(&other.join(".git/HEAD"), "ref: refs/heads/main\n");
    write(&other.join("src/main.rs"), "fn main() {}");
    let o = rungs(&["build", path(&careers), "-o", path(&other)], dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("holds files rungs did not write") && err.contains("`src`"),
        "{err}"
    );
    assert!(!other.join("index.html").exists());
}

#[test]
fn export_with_force_refuses_the_framework_directory() {
    let dir = tmp();
    let careers = new_framework(dir.path(), "careers");
    let o = rungs(
        &["export", ".", "--format", "markdown", "-o", ".", "--force"],
        &careers,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is the framework directory"),
        "{}",
        stderr(&o)
    );
}
