//! End-to-end tests of the `rungs` binary (one test binary for the crate).

mod browser;
mod controls;
#[cfg(feature = "server")]
mod impact;
mod language;
mod meaning;
mod output_dir;
mod pipes;
mod safety;
mod serve;
#[cfg(feature = "server")]
mod server;
mod translate;

/// The `rungs server` tests compile only with the feature; say so rather
/// than pass in silence (and fail under RUNGS_REQUIRE_ALL=1).
#[cfg(not(feature = "server"))]
#[test]
fn server_tests_need_the_server_feature() {
    let why = "this build has no `rungs server`: test with `--features rungs/server`";
    if std::env::var("RUNGS_REQUIRE_ALL").as_deref() == Ok("1") {
        panic!("RUNGS_REQUIRE_ALL=1 but {why}");
    }
    eprintln!("skipped: {why}");
}

/// Without the feature, `rungs server` says how to get it (exit 2), not
/// "unrecognized subcommand", whatever its arguments.
#[cfg(not(feature = "server"))]
#[test]
fn a_build_without_the_server_says_how_to_get_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = rungs(
        &["server", "careers", "--listen", "127.0.0.1:0"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--features server"),
        "{}",
        stderr(&out)
    );
}

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn rungs(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run rungs: {e}"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn core_fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../rungs-core/tests/fixtures")
        .join(path)
}

/// A public ladder from `../shared/fixtures`, or `None` (with a printed
/// reason) when it is absent; under `RUNGS_REQUIRE_ALL=1` absence fails.
fn shared_fixture(name: &str) -> Option<PathBuf> {
    let site = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures")
        .join(name);
    if site.is_dir() {
        return Some(site);
    }
    assert_ne!(
        std::env::var("RUNGS_REQUIRE_ALL").as_deref(),
        Ok("1"),
        "RUNGS_REQUIRE_ALL=1 but {} is missing",
        site.display()
    );
    eprintln!("skipped: {} is not present", site.display());
    None
}

/// A file the test reads: a missing or unreadable one fails the test.
fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// JSON a command printed, or a file holds: anything else fails the test.
fn parse_json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap_or_else(|| panic!("non-UTF-8 temp path"))
}

#[test]
fn check_build_and_export_without_a_framework_fail_and_say_where_they_looked() {
    // Before, they fell back to the built-in example and exited 0: a CI job
    // one folder off was always green.
    let dir = tmp();
    for args in [&["check"][..], &["build"], &["export", "--format", "json"]] {
        let o = rungs(args, dir.path());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains("no rungs.toml in") && err.contains("rungs new DIR"),
            "{args:?}: {err}"
        );
    }
    assert!(
        !dir.path().join("public").exists(),
        "build wrote the example"
    );
    // In a framework directory, no DIR is needed.
    let a = dir.path().join("a");
    assert_eq!(rungs(&["new", path(&a)], dir.path()).status.code(), Some(0));
    let o = rungs(&["check"], &a);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("0 errors"), "{}", stderr(&o));
}

#[test]
fn check_prints_rustc_style_diagnostics() {
    let dir = core_fixture("invalid/unknown-area");
    let o = rungs(&["check", path(&dir)], Path::new("."));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for needle in [
        "error[unknown-area]: `Delivry` is not an area of this framework",
        "tracks/eng/senior.md:9:1",
        "9 | ## Delivry",
        "^^^^^^^^^^ unknown area",
        "help: did you mean `Delivery`?",
        "failed:",
        "1 error, 1 warning",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}

#[test]
fn check_json_reports_positions_for_tools() {
    let dir = core_fixture("invalid/time-split");
    let o = rungs(&["check", "--format", "json", path(&dir)], Path::new("."));
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value =
        serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)));
    assert_eq!(report["ok"], false);
    assert_eq!(report["errors"], 3);
    let first_error = report["diagnostics"]
        .as_array()
        .and_then(|a| a.iter().find(|d| d["code"] == "time-split-range"))
        .cloned()
        .unwrap_or_else(|| panic!("no time-split-range diagnostic in {report}"));
    assert_eq!(first_error["line"], 5);
    assert_eq!(first_error["column"], 3);
    assert!(
        first_error["file"]
            .as_str()
            .unwrap_or_else(|| panic!("no file in {first_error}"))
            .ends_with("tracks/eng/senior.md")
    );
    assert!(first_error["help"].is_string());
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let dir = core_fixture("invalid/missing-area");
    assert_eq!(
        rungs(&["check", path(&dir)], Path::new(".")).status.code(),
        Some(0)
    );
    assert_eq!(
        rungs(&["check", "--deny-warnings", path(&dir)], Path::new("."))
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn check_exits_2_when_it_cannot_run() {
    let dir = tmp();
    let o = rungs(&["check", "does-not-exist"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a directory"));
    let o = rungs(&["check", "."], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no rungs.toml"), "{}", stderr(&o));
}

#[test]
fn new_writes_a_framework_that_checks_clean() {
    let dir = tmp();
    let target = dir.path().join("careers");
    let o = rungs(&["new", path(&target)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(target.join("rungs.toml").is_file() && target.join("pages/faq.md").is_file());
    let o = rungs(&["check", "--deny-warnings", path(&target)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Refuses to overwrite.
    let o = rungs(&["new", path(&target)], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not empty"));
}

#[test]
fn exports_json_csv_markdown_and_schema() {
    let dir = tmp();
    let ex = dir.path().join("ex");
    assert_eq!(
        rungs(&["new", path(&ex)], dir.path()).status.code(),
        Some(0)
    );
    let o = rungs(&["export", "--format", "json"], &ex);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = parse_json(&stdout(&o));
    assert_eq!(json["tracks"].as_array().map(Vec::len), Some(3));

    let o = rungs(&["export", "--format", "csv"], &ex);
    let csv = stdout(&o);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "track,level,level_title,rank,grade,area,area_path,statement_id,parent_id,name,text,examples,links"
        )
    );
    assert!(lines.count() > 50);

    let out = dir.path().join("md");
    let o = rungs(&["export", "--format", "markdown", "-o", path(&out)], &ex);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = rungs(&["check", path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let o = rungs(&["export", "--format", "schema"], dir.path());
    let schema: serde_json::Value = parse_json(&stdout(&o));
    assert_eq!(schema["title"], "Framework");
}

#[test]
fn export_refuses_a_framework_with_errors() {
    let dir = core_fixture("invalid/duplicate-rank");
    let o = rungs(&["export", "--format", "json", path(&dir)], Path::new("."));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("error[duplicate-rank]"));
    assert!(stdout(&o).is_empty());
}

#[test]
fn json_import_round_trips_through_the_cli() {
    let dir = tmp();
    let ex = dir.path().join("ex");
    assert_eq!(
        rungs(&["new", path(&ex)], dir.path()).status.code(),
        Some(0)
    );
    let json = dir.path().join("fw.json");
    let o = rungs(&["export", "--format", "json", "-o", path(&json)], &ex);
    assert_eq!(o.status.code(), Some(0));
    let out = dir.path().join("again");
    let o = rungs(&["import", "json", path(&json), path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = rungs(&["export", "--format", "json", path(&out)], dir.path());
    let a: serde_json::Value = parse_json(&read(&json));
    let b: serde_json::Value = parse_json(&stdout(&o));
    assert_eq!(a, b);
}

#[test]
fn hugo_import_of_infracloud() {
    let Some(site) = shared_fixture("infracloud-career-ladders") else {
        return;
    };
    let dir = tmp();
    let out = dir.path().join("ic");
    // The site's landing page (a hero and a redirect to the docs) is not
    // content: its subtitle opens the home page, the rest is a warning, so
    // the seed imports with no flag; the dry run says so with the same code.
    let o = rungs(
        &["import", "hugo", "--dry-run", path(&site), path(&out)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 tracks, 5 levels, 8 areas, 116 statements"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists(), "dry run wrote files");
    let o = rungs(&["import", "hugo", path(&site), path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        !stderr(&o).contains("error[") && stderr(&o).contains("landing page"),
        "{}",
        stderr(&o)
    );
    // Every level's summary is the same sentence with its title: the import
    // says so, and the site does not show it.
    assert!(
        stderr(&o).contains("warning[boilerplate-summary]"),
        "{}",
        stderr(&o)
    );
    let o = rungs(&["check", path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let site_dir = dir.path().join("site");
    let o = rungs(&["build", path(&out), "-o", path(&site_dir)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let level = read(&site_dir.join("tracks/engineering/senior-engineer.html"));
    let page = read(&out.join("tracks/engineering/senior-engineer.md"));
    let summary = page
        .lines()
        .find_map(|l| l.strip_prefix("summary:"))
        .map(|s| s.trim().trim_matches('"').to_string())
        .unwrap_or_else(|| panic!("no summary in {page}"));
    assert!(!summary.is_empty(), "the imported level has a summary");
    assert!(level.contains("<h1>"), "the level page was built");
    assert!(
        !level.contains(&summary),
        "a boilerplate summary is not shown"
    );
    // Approximations are kept: the source writes its time split with `~`.
    assert!(
        page.contains('~') && level.contains("\">~"),
        "the `~` of the source is kept"
    );
    // The track page does not list the levels twice: the source's own list
    // of levels ("3. Senior Engineer") is dropped, and the level is linked
    // only from the side navigation, the ladder and the time-split bars.
    let track = read(&site_dir.join("tracks/engineering/index.html"));
    assert!(!track.contains("3. Senior Engineer"), "{track}");
    assert_eq!(track.matches("href=\"senior-engineer.html\"").count(), 3);
}

#[test]
fn hugo_import_of_gitlab_handbook() {
    let Some(site) = shared_fixture("gitlab-handbook-careers") else {
        return;
    };
    let dir = tmp();
    let out = dir.path().join("gl");
    // Everything the copy holds is placed (the malformed shortcode is read
    // as the include it names, with a warning): no flag needed.
    let o = rungs(&["import", "hugo", path(&site), path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("error["), "{}", stderr(&o));
    // Infrastructure and its Distribution specialty; missing includes reported.
    assert!(stderr(&o).contains("read 2 tracks"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is not in the site's assets/ folder"),
        "{}",
        stderr(&o)
    );
    let index = std::fs::read_to_string(out.join("tracks/distribution/_index.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(index.contains("extends: infrastructure"), "{index}");
    let o = rungs(&["check", path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("0 errors") || stdout(&o).contains("0 errors"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn synth_is_deterministic_and_hidden_from_help() {
    let dir = tmp();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    for out in [&a, &b] {
        let o = rungs(
            &[
                "dev",
                "synth",
                "--tracks",
                "3",
                "--levels",
                "4",
                "--seed",
                "9",
                path(out),
            ],
            dir.path(),
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let level = "native/tracks/backend-engineering/level-02.md";
    assert!(!read(&a.join(level)).is_empty());
    assert_eq!(read(&a.join(level)), read(&b.join(level)));
    assert!(
        a.join("hugo/hugo.toml").is_file()
            && a.join("hugo/content/docs/backend-engineering/level-02.md")
                .is_file()
    );
    let o = rungs(
        &["check", "--deny-warnings", path(&a.join("native"))],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let help = stdout(&rungs(&["--help"], dir.path()));
    assert!(help.contains("check") && !help.contains("dev"), "{help}");
}

/// Runs git in a new repository at `dir`; `None` (with a reason) when git is missing.
fn git_in(dir: &Path) -> Option<impl Fn(&[&str]) -> std::io::Result<Output> + '_> {
    let git = move |args: &[&str]| {
        Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .current_dir(dir)
            .output()
    };
    if git(&["init", "-q"])
        .map(|o| !o.status.success())
        .unwrap_or(true)
    {
        assert_ne!(
            std::env::var("RUNGS_REQUIRE_ALL").as_deref(),
            Ok("1"),
            "RUNGS_REQUIRE_ALL=1 but git is missing"
        );
        eprintln!("skipped: git is not available");
        return None;
    }
    Some(git)
}

#[test]
fn diff_between_git_revisions_and_directories() {
    let dir = tmp();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap_or_else(|e| panic!("{e}"));
    let Some(git) = git_in(&repo) else {
        return;
    };
    let careers = repo.join("careers");
    assert_eq!(
        rungs(&["new", path(&careers)], dir.path()).status.code(),
        Some(0)
    );
    // A file name with non-ASCII characters (git quotes such names unless asked not to).
    std::fs::create_dir_all(careers.join("static")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(careers.join("static/café.txt"), "Menu.\n").unwrap_or_else(|e| panic!("{e}"));
    let _ = git(&["add", "-A"]);
    let _ = git(&["commit", "-qm", "v1"]);
    let senior = careers.join("tracks/engineering/senior.md");
    let text = read(&senior);
    std::fs::write(
        &senior,
        text.replace(
            "thoroughly, kindly and quickly",
            "thoroughly, kindly and promptly",
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let _ = git(&["commit", "-qam", "v2"]);
    let o = rungs(
        &["diff", "HEAD~1", "HEAD", "--dir", path(&careers)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("~ engineering/senior [craft]") && out.contains("[-quickly.-]{+promptly.+}"),
        "{out}"
    );
    let o = rungs(
        &[
            "diff",
            "HEAD~1",
            path(&careers),
            "--dir",
            path(&careers),
            "--format",
            "json",
        ],
        dir.path(),
    );
    let json: serde_json::Value = parse_json(&stdout(&o));
    assert_eq!(
        json["statements"][0]["change"],
        "reworded",
        "{}",
        stdout(&o)
    );
    let o = rungs(
        &[
            "diff",
            "HEAD~1",
            "HEAD",
            "--dir",
            path(&careers),
            "--format",
            "idmap",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)));
    let links = json["links"]
        .as_array()
        .unwrap_or_else(|| panic!("no links: {json}"));
    let reworded: Vec<&serde_json::Value> =
        links.iter().filter(|l| l["fate"] == "reworded").collect();
    assert_eq!(reworded.len(), 1, "{json}");
    assert_eq!(reworded[0]["old"]["level"], "senior");
    assert_eq!(reworded[0]["new"]["area"], "craft");
    assert!(
        reworded[0]["similarity"]
            .as_f64()
            .is_some_and(|s| s > 0.5 && s < 1.0)
    );
    assert!(links.iter().filter(|l| l["fate"] == "unchanged").count() > 50);
    assert_eq!(json["added"].as_array().map(Vec::len), Some(0));
    // --exit-code: 1 when the versions differ, 0 when they are the same.
    let o = rungs(
        &[
            "diff",
            "HEAD~1",
            "HEAD",
            "--dir",
            path(&careers),
            "--exit-code",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = rungs(
        &[
            "diff",
            "HEAD",
            "HEAD",
            "--dir",
            path(&careers),
            "--exit-code",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = rungs(
        &["diff", "no-such-rev", "HEAD", "--dir", path(&careers)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn map_reports_a_monotone_table_with_evidence() {
    let dir = tmp();
    let a = dir.path().join("a");
    assert_eq!(rungs(&["new", path(&a)], dir.path()).status.code(), Some(0));
    let o = rungs(&["map", path(&a), path(&a), "--format", "json"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = parse_json(&stdout(&o));
    let matches = json["mapping"]["matches"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("no matches in {json}"));
    assert_eq!(matches.len(), 6);
    for (i, m) in matches.iter().enumerate() {
        assert_eq!(
            (m["b_first"].as_u64(), m["b_last"].as_u64()),
            (Some(i as u64), Some(i as u64))
        );
    }
    let o = rungs(
        &[
            "map",
            path(&a),
            path(&a),
            "--track-b",
            "engineering-management",
            "--pin",
            "staff=manager",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Staff Engineer") && stdout(&o).contains("shared terms"),
        "{}",
        stdout(&o)
    );
    let o = rungs(
        &["map", path(&a), path(&a), "--track-a", "nope"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no track `nope`"));
}

#[test]
fn build_publishes_level_comparison_and_changes_pages() {
    let dir = tmp();
    let careers = dir.path().join("careers");
    assert_eq!(
        rungs(&["new", path(&careers)], dir.path()).status.code(),
        Some(0)
    );
    let Some(git) = git_in(&careers) else {
        return;
    };
    let _ = git(&["add", "-A"]);
    let _ = git(&["commit", "-qm", "v1"]);
    // A copy to compare with, and a change since the commit.
    let other = dir.path().join("other");
    assert_eq!(
        rungs(&["new", path(&other)], dir.path()).status.code(),
        Some(0)
    );
    let config = careers.join("rungs.toml");
    let mut text = read(&config);
    // `../other` is outside the git repository of `careers`: allowed explicitly.
    text.push_str("\n[files]\nallow_sources_outside_repository = true\n\n[site]\nchanges_since = \"HEAD\"\n\n[[site.compare_with]]\nsource = \"../other\"\ntitle = \"Our sister company\"\n");
    std::fs::write(&config, text).unwrap_or_else(|e| panic!("{e}"));
    let senior = careers.join("tracks/engineering/senior.md");
    let level = read(&senior);
    std::fs::write(
        &senior,
        level.replace("kindly and quickly", "kindly and promptly"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // An author's own page with the id the generated page would take.
    std::fs::write(
        careers.join("pages/changes.md"),
        "---\ntitle: How we change the ladder\n---\n\nBy pull request.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("public");
    let o = rungs(&["build", path(&careers), "-o", path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let compare = read(&out.join("pages/compare-with-our-sister-company.html"));
    assert!(
        compare.contains("href=\"../tracks/engineering/senior.html\"")
            && compare.contains("<td>Senior Engineer</td>")
            && compare.contains("both titles say Senior")
            && compare.contains("shared terms:"),
        "{compare}"
    );
    let changes = std::fs::read_to_string(out.join("pages/changes-2.html"))
        .unwrap_or_else(|e| panic!("the generated page: {e}"));
    assert!(
        changes.contains("Reworded") && changes.contains("promptly"),
        "{changes}"
    );
    let own = std::fs::read_to_string(out.join("pages/changes.html"))
        .unwrap_or_else(|e| panic!("the author's page: {e}"));
    assert!(own.contains("By pull request."), "{own}");
}

#[test]
fn map_answers_for_one_title() {
    let dir = tmp();
    let a = dir.path().join("a");
    assert_eq!(rungs(&["new", path(&a)], dir.path()).status.code(), Some(0));
    // Any spacing and case; the track is found from the title.
    let o = rungs(
        &["map", path(&a), path(&a), "--title", "senior  ENGINEER"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(
        out.matches(" → ").count(),
        2,
        "the header and one row: {out}"
    );
    assert!(
        out.contains("Senior Engineer") && out.contains("confidence"),
        "{out}"
    );
    let o = rungs(
        &[
            "map",
            path(&a),
            path(&a),
            "--title",
            "Director of Engineering",
            "--track-b",
            "engineering-management",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = parse_json(&stdout(&o));
    assert_eq!(json["a"]["track"], "engineering-management");
    let matches = json["mapping"]["matches"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("no matches in {json}"));
    assert_eq!(matches.len(), 1, "{json}");
    // A title A does not have: an error that lists A's titles, once each.
    let o = rungs(
        &["map", path(&a), path(&a), "--title", "Wizard"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("no level titled") && err.contains("Staff Engineer"),
        "{err}"
    );
    assert_eq!(err.matches("Associate Engineer").count(), 1, "{err}");
    // A title as people write it is read, and the reading shown.
    let o = rungs(
        &[
            "map",
            path(&a),
            path(&a),
            "--title",
            "Sr. Software Engineer",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("reads as Senior Engineer")
            && out.contains("\u{201c}Sr\u{201d} reads as Senior"),
        "{out}"
    );
    // Off the ladder: said so, not the nearest level.
    let o = rungs(&["map", path(&a), path(&a), "--title", "CEO"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("not on this ladder"), "{err}");
}

#[test]
fn map_applies_equivalences_declared_in_rungs_toml() {
    let dir = tmp();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for d in [&a, &b] {
        assert_eq!(rungs(&["new", path(d)], dir.path()).status.code(), Some(0));
    }
    let config = a.join("rungs.toml");
    let mut text = read(&config);
    text.push_str("\n[[site.compare_with]]\nsource = \"../b\"\npins = { staff = \"principal\" }\n");
    std::fs::write(&config, text).unwrap_or_else(|e| panic!("{e}"));
    let o = rungs(&["map", path(&a), path(&b), "--format", "json"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = parse_json(&stdout(&o));
    let staff = &json["mapping"]["matches"][3];
    assert_eq!(
        (staff["b_first"].as_u64(), staff["b_last"].as_u64()),
        (Some(4), Some(4)),
        "{staff}"
    );
}

/// A running `rungs serve`, stopped when dropped.
struct Serve {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
    /// `127.0.0.1:PORT`, read from its first line.
    addr: String,
}

impl Serve {
    /// Starts `rungs serve DIR --port 0` in `cwd` and waits until it listens.
    fn start(dir: &str, cwd: &Path) -> Serve {
        Serve::start_with(dir, cwd, &[]).0
    }

    /// Starts `rungs serve DIR --port 0 EXTRA...` in `cwd` and waits until it
    /// listens; also returns the lines it printed before.
    fn start_with(dir: &str, cwd: &Path, extra: &[&str]) -> (Serve, Vec<String>) {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_rungs"))
            .args(["serve", dir, "--port", "0"])
            .args(extra)
            .current_dir(cwd)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run rungs serve: {e}"));
        let (tx, lines) = std::sync::mpsc::channel::<String>();
        if let Some(err) = child.stderr.take() {
            std::thread::spawn(move || {
                for line in std::io::BufReader::new(err).lines().map_while(Result::ok) {
                    let _ = tx.send(line);
                }
            });
        }
        let mut serve = Serve {
            child,
            lines,
            addr: String::new(),
        };
        // "serving DIR at http://127.0.0.1:PORT/ (Ctrl-C to stop)"
        let mut before = Vec::new();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let mut addr = None;
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match serve.lines.recv_timeout(left) {
                Ok(line) if line.contains("serving") => {
                    addr = line
                        .split("http://")
                        .nth(1)
                        .and_then(|url| Some(url.split('/').next()?.to_string()));
                    break;
                }
                Ok(line) => before.push(line),
                Err(_) => break,
            }
        }
        serve.addr = addr.unwrap_or_else(|| panic!("rungs serve did not start: {before:?}"));
        (serve, before)
    }

    /// Fetches `path` until `done` holds for the response (up to 20 s, no
    /// fixed sleep), and returns the last response.
    fn poll(&self, path: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let response = self.get(path);
            if done(&response) || std::time::Instant::now() > deadline {
                return response;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// Waits (up to 20 s) for a line of its output containing `needle`.
    fn wait_for(&self, needle: &str) -> Option<String> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return Some(line),
                Ok(_) => {}
                Err(_) => return None,
            }
        }
        None
    }

    /// The whole response (status line, headers, body) to `GET /path`, over plain HTTP/1.1.
    fn get(&self, path: &str) -> String {
        use std::io::{Read, Write};
        let addr = &self.addr;
        let mut stream = std::net::TcpStream::connect(addr)
            .unwrap_or_else(|e| panic!("cannot connect to {addr}: {e}"));
        let request = format!("GET /{path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
        stream
            .write_all(request.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        response
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serve_rebuilds_when_a_file_of_a_relative_directory_changes() {
    let dir = tmp();
    assert_eq!(
        rungs(&["new", "careers"], dir.path()).status.code(),
        Some(0)
    );
    let serve = Serve::start("careers", dir.path());
    let level = dir.path().join("careers/tracks/engineering/senior.md");
    let mut text = read(&level);
    text.push_str("\n- You add a statement while the preview runs.\n");
    std::fs::write(&level, text).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        serve.wait_for("rebuilt").is_some(),
        "no rebuild after a change under a relative directory"
    );
}

#[test]
fn serve_previews_the_generated_comparison_page() {
    let dir = tmp();
    for name in ["careers", "other"] {
        assert_eq!(rungs(&["new", name], dir.path()).status.code(), Some(0));
    }
    let config = dir.path().join("careers/rungs.toml");
    let mut text = read(&config);
    text.push_str(
        "\n[files]\nallow_sources_outside_repository = true\n\n[[site.compare_with]]\nsource = \"../other\"\ntitle = \"Our sister company\"\n",
    );
    std::fs::write(&config, &text).unwrap_or_else(|e| panic!("{e}"));
    let serve = Serve::start("careers", dir.path());
    let page = serve.get("pages/compare-with-our-sister-company.html");
    assert!(
        page.starts_with("HTTP/1.1 200") && page.contains("<td>Senior Engineer</td>"),
        "{page}"
    );
    // A source that cannot be read: the preview says so instead of dropping the page silently.
    std::fs::write(&config, text.replace("../other", "../missing"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(serve.wait_for("rebuilt").is_some(), "no rebuild");
    let home = serve.get("index.html");
    assert!(
        home.contains("Generated pages are missing") && home.contains("missing"),
        "{home}"
    );
}

#[test]
fn any_registered_format_reads_as_format_path() {
    let dir = tmp();
    let a = dir.path().join("a");
    assert_eq!(rungs(&["new", path(&a)], dir.path()).status.code(), Some(0));
    let csv = dir.path().join("a.csv");
    let o = rungs(
        &["export", path(&a), "--format", "csv", "-o", path(&csv)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // `csv:` was not accepted as a prefix before the registry.
    let spec = format!("csv:{}", path(&csv));
    let o = rungs(&["map", path(&a), &spec, "--format", "json"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)));
    let matches = json["mapping"]["matches"]
        .as_array()
        .unwrap_or_else(|| panic!("no matches: {json}"));
    assert!(!matches.is_empty());
    for m in matches {
        assert_eq!(m["a"], m["b_first"], "{m}");
    }
    let help = stdout(&rungs(&["import", "--help"], dir.path()));
    for format in ["hugo", "monzo", "ft", "csv", "json"] {
        assert!(help.contains(format), "{help}");
    }
}

#[test]
fn map_shows_what_each_imported_side_reports_and_stops_on_errors() {
    let dir = tmp();
    let a = dir.path().join("a");
    assert_eq!(rungs(&["new", path(&a)], dir.path()).status.code(), Some(0));
    let csv = dir.path().join("b.csv");
    let write = |text: &str| std::fs::write(&csv, text).unwrap_or_else(|e| panic!("{e}"));
    let spec = format!("csv:{}", path(&csv));
    // Two areas whose names make one id: a warning with its file and line;
    // the map is still made, exit 0.
    write(
        "level,area_path,text\nJunior,Team-work,Pairs on tasks.\nSenior,Team work,Leads the design of services.\n",
    );
    let o = rungs(&["map", path(&a), &spec], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("warning[duplicate-id]") && err.contains("b.csv:3:1"),
        "{err}"
    );
    assert!(err.contains("B (`csv:"), "{err}");
    assert!(stdout(&o).contains('→'), "{}", stdout(&o));
    // A row the import cannot place: the error is shown, nothing is mapped.
    write("level,area,text\njunior,Craft,You write tests.\nsenior,Craft,\n");
    let o = rungs(&["map", &spec, path(&a)], dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("error[missing-field]") && err.contains("b.csv:3:1"),
        "{err}"
    );
    assert!(err.contains("--accept-loss"), "{err}");
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
}

#[test]
fn check_reports_site_settings_with_their_line() {
    let dir = tmp();
    let a = dir.path().join("a");
    assert_eq!(rungs(&["new", path(&a)], dir.path()).status.code(), Some(0));
    let config = a.join("rungs.toml");
    let mut text = std::fs::read_to_string(&config).unwrap_or_else(|e| panic!("{e}"));
    text.push_str("\n[site]\naccentt = \"red\"\n");
    let line = text.lines().count();
    std::fs::write(&config, &text).unwrap_or_else(|e| panic!("{e}"));
    // Before, this checked clean and only the build failed, without a line.
    let o = rungs(&["check", path(&a)], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("error[unknown-key]: `accentt` is not a setting of [site]")
            && err.contains(&format!("rungs.toml:{line}:1"))
            && err.contains("did you mean `accent`?"),
        "{err}"
    );
    let o = rungs(
        &["build", path(&a), "-o", path(&dir.path().join("out"))],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!("rungs.toml:{line}:1")),
        "{}",
        stderr(&o)
    );
    // A value that is not a colour is an error at its line too.
    std::fs::write(
        &config,
        text.replace("accentt = \"red\"", "accent = \"red; x: y\""),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let o = rungs(&["check", path(&a), "--format", "json"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)));
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "invalid-value", "{json}");
    assert_eq!(d["line"], line as u64, "{json}");
    assert!(d["end_column"].is_u64(), "{json}");
}

#[test]
fn import_writes_nothing_when_parts_are_lost_unless_the_loss_is_accepted() {
    let dir = tmp();
    let csv = dir.path().join("ladder.csv");
    std::fs::write(
        &csv,
        "level,area,text\njunior,Craft,You write tests.\nsenior,Craft,You design systems.\nsenior,Craft,\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    // A dry run needs no OUT, and its exit code tells the truth too.
    let o = rungs(&["import", "csv", "--dry-run", path(&csv)], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("dry run: would write"),
        "{}",
        stderr(&o)
    );
    let o = rungs(&["import", "csv", path(&csv), path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("nothing was written") && stderr(&o).contains("--accept-loss"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists(), "a refused import wrote files");
    let o = rungs(
        &["import", "csv", "--accept-loss", path(&csv), path(&out)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("left out"), "{}", stderr(&o));
    assert_eq!(
        rungs(&["check", path(&out)], dir.path()).status.code(),
        Some(0)
    );
    // Without OUT and without --dry-run, the command line is refused.
    let o = rungs(&["import", "csv", path(&csv)], dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn a_dry_run_stops_where_the_import_stops_with_the_same_code() {
    let dir = tmp();
    let csv = dir.path().join("ladder.csv");
    let write = |text: &str| std::fs::write(&csv, text).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    let both = |extra: &[&str]| {
        // The dry run first: it must leave OUT as the real run finds it.
        let mut args = vec!["import", "csv", "--dry-run"];
        args.extend(extra);
        args.extend([path(&csv), path(&out)]);
        let dry = rungs(&args, dir.path());
        args.remove(2);
        let real = rungs(&args, dir.path());
        (dry, real)
    };
    // Two Japanese areas and a name clash: all imported, the clash a warning.
    write(
        "level,area,text\nジュニア,信頼性,約束を守る。\nジュニア,アカウンタビリティ,期限を守る。\nシニア,Team-work,Pairs.\nシニア,Team work,Leads.\n",
    );
    let (dry, real) = both(&[]);
    assert_eq!(dry.status.code(), Some(0), "{}", stderr(&dry));
    assert_eq!(real.status.code(), Some(0), "{}", stderr(&real));
    for o in [&dry, &real] {
        assert!(stderr(o).contains("warning[duplicate-id]"), "{}", stderr(o));
    }
    assert!(
        stderr(&dry).contains("dry run: would write"),
        "{}",
        stderr(&dry)
    );
    assert!(out.join("tracks/ladder/ジュニア.md").is_file());
    // OUT is no longer empty: both refuse, with the same message and code.
    let (dry, real) = both(&[]);
    assert_eq!((dry.status.code(), real.status.code()), (Some(2), Some(2)));
    assert!(stderr(&dry).contains("is not empty"), "{}", stderr(&dry));
    // A part of the source lost: both stop with 1, whatever OUT holds.
    write("level,area,text\njunior,Craft,You write tests.\nsenior,Craft,\n");
    let (dry, real) = both(&["--force"]);
    assert_eq!((dry.status.code(), real.status.code()), (Some(1), Some(1)));
    assert!(
        stderr(&dry).contains("nothing would be written"),
        "{}",
        stderr(&dry)
    );
    assert!(
        stderr(&real).contains("nothing was written"),
        "{}",
        stderr(&real)
    );
}

#[test]
fn check_validates_compare_with_and_changes_since() {
    let dir = tmp();
    let a = dir.path().join("a");
    assert_eq!(rungs(&["new", path(&a)], dir.path()).status.code(), Some(0));
    let config = a.join("rungs.toml");
    let original = std::fs::read_to_string(&config).unwrap_or_else(|e| panic!("{e}"));
    // A comparison with a framework that is not there: before, only `build` failed.
    let text = format!("{original}\n[[site.compare_with]]\nsource = \"no-such-ladder\"\n");
    std::fs::write(&config, &text).unwrap_or_else(|e| panic!("{e}"));
    let line = text.lines().count();
    let o = rungs(&["check", path(&a)], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("error[invalid-value]")
            && err.contains("no-such-ladder")
            && err.contains(&format!("rungs.toml:{line}:")),
        "{err}"
    );
    // A revision that does not exist.
    let text = format!("{original}\n[site]\nchanges_since = \"v9.9-missing\"\n");
    std::fs::write(&config, &text).unwrap_or_else(|e| panic!("{e}"));
    let o = rungs(&["check", path(&a)], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("v9.9-missing"), "{}", stderr(&o));
}

#[test]
fn completions_man_page_color_and_quiet() {
    let dir = tmp();
    let o = rungs(&["completions", "bash"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for command in ["check", "build", "import", "diff", "map"] {
        assert!(stdout(&o).contains(command), "completion lacks {command}");
    }
    let o = rungs(&["man"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with(".ie") || stdout(&o).contains(".TH rungs"),
        "{}",
        stdout(&o)
    );
    // The top-level help names every command people use.
    let help = stdout(&rungs(&["--help"], dir.path()));
    for command in [
        "check",
        "build",
        "serve",
        "new",
        "import",
        "map",
        "diff",
        "export",
        "completions",
        "man",
    ] {
        assert!(
            help.contains(&format!("  {command}")),
            "help lacks {command}: {help}"
        );
    }
    let broken = core_fixture("invalid/unknown-area");
    let o = rungs(&["check", "--color", "always", path(&broken)], dir.path());
    assert!(stderr(&o).contains('\u{1b}'), "no colour: {}", stderr(&o));
    let o = rungs(&["check", "--color", "never", path(&broken)], dir.path());
    assert!(!stderr(&o).contains('\u{1b}'), "colour: {}", stderr(&o));
    // --quiet keeps diagnostics and drops the summary.
    let o = rungs(&["check", "--quiet", path(&broken)], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("error[unknown-area]"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("failed:"), "{}", stderr(&o));
    let o = rungs(&["check", path(&broken)], dir.path());
    assert!(stderr(&o).contains("failed:"), "{}", stderr(&o));
}

#[test]
fn grades_line_tracks_up_in_export_and_map() {
    let dir = tmp();
    let a = dir.path().join("a");
    assert_eq!(rungs(&["new", path(&a)], dir.path()).status.code(), Some(0));
    let o = rungs(&["export", path(&a), "--format", "grades"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let csv = stdout(&o);
    let mut lines = csv.lines();
    let header = lines.next().unwrap_or_else(|| panic!("no header: {csv}"));
    assert!(header.starts_with("grade,grade_title,Engineering"), "{csv}");
    let l3 = lines
        .find(|l| l.starts_with("L3,"))
        .unwrap_or_else(|| panic!("no L3 row: {csv}"));
    assert!(
        l3.contains("Senior Engineer") && l3.contains("Senior Reliability Engineer"),
        "{l3}"
    );
    // Within one framework, map honours the shared scale: each graded level
    // of A goes with the level of B at its grade.
    let o = rungs(
        &[
            "map",
            path(&a),
            path(&a),
            "--track-a",
            "engineering",
            "--track-b",
            "site-reliability",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("levels at the same grade are matched"),
        "{}",
        stderr(&o)
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)));
    let b_levels = json["b"]["levels"]
        .as_array()
        .unwrap_or_else(|| panic!("{json}"));
    let senior_b = b_levels
        .iter()
        .position(|l| l == "senior-reliability-engineer")
        .unwrap_or_else(|| panic!("{json}"));
    let senior_a = &json["mapping"]["matches"][2];
    assert_eq!(
        senior_a["b_first"].as_u64(),
        Some(senior_b as u64),
        "{json}"
    );
}

#[test]
fn new_offers_templates_that_check_and_build_clean() {
    let dir = tmp();
    let help = stdout(&rungs(&["new", "--help"], dir.path()));
    for name in ["example", "ten-grades", "growth"] {
        assert!(help.contains(name), "{help}");
        let target = dir.path().join(name);
        let o = rungs(&["new", path(&target), "--template", name], dir.path());
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let o = rungs(&["check", "--deny-warnings", path(&target)], dir.path());
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let out = dir.path().join(format!("{name}-site"));
        let o = rungs(&["build", path(&target), "-o", path(&out)], dir.path());
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        assert!(out.join("index.html").is_file());
    }
    assert!(dir.path().join("ten-grades-site/grades.html").is_file());
    let o = rungs(
        &["new", path(&dir.path().join("x")), "--template", "nope"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn hugo_export_builds_with_plain_hugo_and_imports_back() {
    if std::process::Command::new("hugo")
        .arg("version")
        .output()
        .is_err()
    {
        if std::env::var("RUNGS_REQUIRE_ALL").as_deref() == Ok("1") {
            panic!("RUNGS_REQUIRE_ALL=1 but hugo is not installed (apt-get install hugo)");
        }
        eprintln!("skipped: hugo is not installed");
        return;
    }
    let dir = tmp();
    let ex = dir.path().join("ex");
    assert_eq!(
        rungs(&["new", path(&ex)], dir.path()).status.code(),
        Some(0)
    );
    let site = dir.path().join("hugo-site");
    let o = rungs(
        &["export", path(&ex), "--format", "hugo", "-o", path(&site)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let public = dir.path().join("public");
    let o = std::process::Command::new("hugo")
        .args([
            "--quiet",
            "--source",
            path(&site),
            "--destination",
            path(&public),
        ])
        .output()
        .unwrap_or_else(|e| panic!("cannot run hugo: {e}"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Pages, not only feeds: the export ships its own layouts.
    let senior = std::fs::read_to_string(public.join("docs/engineering/senior/index.html"))
        .unwrap_or_else(|e| panic!("no level page: {e}"));
    assert!(
        senior.contains("<h1>Senior Engineer") && senior.contains("<li>You review code"),
        "{senior}"
    );
    assert!(public.join("index.html").is_file());
    // And the Hugo importer reads the export back with nothing lost.
    let back = dir.path().join("back");
    let o = rungs(&["import", "hugo", path(&site), path(&back)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("0 part(s) could not be imported"),
        "{}",
        stderr(&o)
    );
    // As many levels and statements as the framework exported.
    let counts = |text: &str| -> Option<String> {
        let end = text.rfind(" statements")?;
        let start = text[..end].rfind('(')?;
        Some(text[start + 1..end].to_string())
    };
    let exported = counts(&stderr(&rungs(&["check", path(&ex)], dir.path())));
    let imported = counts(&stderr(&o));
    assert!(
        exported.is_some() && exported == imported,
        "{exported:?} != {imported:?}"
    ); // Ranks, grades, kinds, extends and branches come back too.
    let shape = |dir: &Path| -> Vec<String> {
        let o = rungs(&["export", path(dir), "--format", "json"], dir);
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&o)));
        let mut out = Vec::new();
        let tracks = json["tracks"]
            .as_array()
            .unwrap_or_else(|| panic!("no tracks in {json}"));
        for t in tracks {
            out.push(format!(
                "{} {} {} {}",
                t["id"], t["kind"], t["extends"], t["branch"]
            ));
            let levels = t["levels"]
                .as_array()
                .unwrap_or_else(|| panic!("no levels in {t}"));
            for l in levels {
                out.push(format!("  {} {} {}", l["id"], l["rank"], l["grade"]));
            }
        }
        out
    };
    let (original, again) = (shape(&ex), shape(&back));
    assert!(original.len() > 10);
    assert_eq!(again, original);
}

#[test]
fn serve_prints_diagnostics_on_start_and_on_every_rebuild() {
    let dir = tmp();
    let fw = dir.path().join("fw");
    assert_eq!(
        rungs(&["new", path(&fw)], dir.path()).status.code(),
        Some(0)
    );
    let senior = fw.join("tracks/engineering/senior.md");
    let text = std::fs::read_to_string(&senior).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&senior, text.replacen("## Delivery", "## Delivry", 1))
        .unwrap_or_else(|e| panic!("{e}"));
    let (serve, before) = Serve::start_with(path(&fw), dir.path(), &[]);
    let printed = before.join("\n");
    assert!(
        printed.contains("error[unknown-area]") && printed.contains("senior.md"),
        "{printed}"
    );
    // A new mistake while serving is printed when the page is rebuilt.
    std::fs::write(&senior, text.replacen("## Delivery", "## Deliverance", 1))
        .unwrap_or_else(|e| panic!("{e}"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut seen = Vec::new();
    while std::time::Instant::now() < deadline {
        if let Ok(line) = serve
            .lines
            .recv_timeout(std::time::Duration::from_millis(200))
        {
            let found = line.contains("Deliverance");
            seen.push(line);
            if found {
                return;
            }
        }
    }
    panic!("no diagnostic printed after the edit: {seen:?}");
}

#[test]
fn fmt_rewrites_level_pages_in_canonical_form_and_check_says_which() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("tracks/eng")).expect("mkdir");
    std::fs::write(
        root.join("rungs.toml"),
        "title = \"Formatting\"\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n",
    )
    .expect("write");
    std::fs::write(root.join("tracks/eng/_index.md"), "---\ntitle: Eng\n---\n").expect("write");
    let messy = "---\nrank: 1\ntitle: Developer\n---\n## Craft\n* You build small features. {#small}\n*   You test them.\n";
    std::fs::write(root.join("tracks/eng/dev.md"), messy).expect("write");
    let commented = "---\ntitle: Lead # the old name was Senior\nrank: 2\n---\n## Craft\n* You lead the design.\n";
    std::fs::write(root.join("tracks/eng/lead.md"), commented).expect("write");

    let check = rungs(&["fmt", "--check", "."], root);
    assert_eq!(
        check.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&check.stdout).trim(),
        "tracks/eng/dev.md"
    );
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("kept as written: tracks/eng/lead.md"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("tracks/eng/dev.md")).expect("read"),
        messy,
        "--check writes nothing"
    );

    let fmt = rungs(&["fmt", "."], root);
    assert_eq!(
        fmt.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&fmt.stderr)
    );
    let formatted = std::fs::read_to_string(root.join("tracks/eng/dev.md")).expect("read");
    assert!(
        formatted.starts_with("---\ntitle: Developer\nrank: 1\n---\n"),
        "{formatted}"
    );
    assert!(
        formatted.contains("- You build small features. {#small}\n- You test them.\n"),
        "{formatted}"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("tracks/eng/lead.md")).expect("read"),
        commented,
        "comments are never dropped"
    );
    let again = rungs(&["fmt", "--check", "."], root);
    assert_eq!(again.status.code(), Some(0));
    let leftovers: Vec<_> = std::fs::read_dir(root.join("tracks/eng"))
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".rungs-fmt"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files are left behind");

    // A framework with errors is not rewritten.
    std::fs::write(
        root.join("tracks/eng/dev.md"),
        "---\nrank: 1\n---\n## Nowhere\n* x\n",
    )
    .expect("write");
    let refused = rungs(&["fmt", "."], root);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("without errors"));
}
