//! End-to-end tests of the `rungs` binary (one test binary for the crate).

mod browser;
mod controls;
mod diff;
#[cfg(feature = "server")]
mod impact;
mod import;
mod language;
mod map;
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
