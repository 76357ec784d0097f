//! A ladder file can never make the binary write, read or hang outside its
//! place: hostile ids, links, FIFOs and settings, end to end.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{path, rungs, stderr, tmp};

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(p, text).unwrap_or_else(|e| panic!("{e}"));
}

const CONFIG: &str = "title = \"T\"\n\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n";

/// `<tmp>/a/b/c/d/fw`: a framework four folders deep, so that `../../../..`
/// from its output lands in `<tmp>`, where the test looks for escapes.
fn deep_framework(top: &Path, level_id: &str) -> std::path::PathBuf {
    let fw = top.join("a/b/c/d/fw");
    write(&fw, "rungs.toml", CONFIG);
    write(
        &fw,
        "tracks/eng.yaml",
        &format!(
            "title: Eng\nlevels:\n  - id: one\n    rank: 1\n  - id: {level_id}\n    rank: 2\n\
             matrix:\n  craft:\n    one: [Writes code.]\n    {level_id}: [Writes files anywhere.]\n"
        ),
    );
    fw
}

/// Every file under `top` whose name contains `needle`.
fn found(top: &Path, needle: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![top.to_path_buf()];
    while let Some(dir) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p.clone());
            }
            if e.file_name().to_string_lossy().contains(needle) {
                out.push(p.display().to_string());
            }
        }
    }
    out
}

#[test]
fn a_yaml_level_id_with_dots_is_an_error_and_writes_nothing_outside() {
    let top = tmp();
    let fw = deep_framework(top.path(), "../../../../escaped");
    let o = rungs(&["check", path(&fw)], top.path());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("error[invalid-id]") && err.contains("tracks/eng.yaml:5:5"),
        "{err}"
    );
    let out = fw.join("out");
    for args in [
        vec!["build", path(&fw), "-o", path(&out), "--force"],
        vec![
            "export",
            path(&fw),
            "--format",
            "markdown",
            "--output",
            path(&out),
            "--force",
        ],
        vec![
            "export",
            path(&fw),
            "--format",
            "hugo",
            "--output",
            path(&out),
            "--force",
        ],
    ] {
        let o = rungs(&args, top.path());
        assert_ne!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("escaped"), "{args:?}: {}", stderr(&o));
        assert!(
            found(top.path(), "escaped.").is_empty(),
            "{args:?}: {:?}",
            found(top.path(), "escaped.")
        );
    }
}

#[test]
fn import_json_with_hostile_ids_writes_nothing() {
    let top = tmp();
    let fw = deep_framework(top.path(), "fine");
    let o = rungs(&["export", path(&fw), "--format", "json"], top.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json = String::from_utf8_lossy(&o.stdout).replace("\"fine\"", "\"../../../../escaped\"");
    assert!(json.contains("../../../../escaped"));
    let file = top.path().join("a/b/c/d/ladder.json");
    std::fs::write(&file, json).unwrap_or_else(|e| panic!("{e}"));
    let out = top.path().join("a/b/c/d/imported");
    let o = rungs(&["import", "json", path(&file), path(&out)], top.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cannot become file names"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists(), "the output folder was created");
    assert!(found(top.path(), "escaped").is_empty());
}

/// Runs rungs with a deadline: a FIFO once made `check` wait forever.
fn rungs_within(args: &[&str], secs: u64) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    // Read standard error while the child runs, or a full pipe blocks it.
    let reader = child.stderr.take().map(|mut s| {
        std::thread::spawn(move || {
            use std::io::Read;
            let mut err = String::new();
            let _ = s.read_to_string(&mut err);
            err
        })
    });
    let start = Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            let err = reader
                .map(|r| {
                    r.join()
                        .unwrap_or_else(|_| panic!("the stderr reader panicked"))
                })
                .unwrap_or_else(|| panic!("no stderr"));
            return (status.code(), err);
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`rungs {}` did not finish in {secs} s", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_fifo_and_an_outside_link_in_static_are_refused() {
    let top = tmp();
    let fw = top.path().join("fw");
    write(&fw, "rungs.toml", CONFIG);
    write(&fw, "tracks/eng/_index.md", "---\ntitle: Eng\n---\n");
    write(
        &fw,
        "tracks/eng/one.md",
        "---\ntitle: One\nrank: 1\n---\n\n## Craft\n\n- Writes code.\n",
    );
    std::fs::create_dir_all(fw.join("static")).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink("/etc/passwd", fw.join("static/passwd"))
        .unwrap_or_else(|e| panic!("{e}"));
    let made = Command::new("mkfifo").arg(fw.join("static/pipe")).status();
    let fifo = made.is_ok_and(|s| s.success());

    let (code, err) = rungs_within(&["check", path(&fw)], 30);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("error[refused-file]: `static/passwd`"),
        "{err}"
    );
    if fifo {
        assert!(
            err.contains("`static/pipe` was not read: it is a named pipe"),
            "{err}"
        );
    }
    let out = top.path().join("out");
    let (code, err) = rungs_within(&["build", path(&fw), "-o", path(&out)], 60);
    assert_eq!(code, Some(2), "{err}");
    assert!(!out.join("static/passwd").exists());

    // Allowed explicitly, the outside file is read; the FIFO never is.
    write(
        &fw,
        "rungs.toml",
        &format!("{CONFIG}\n[files]\nfollow_external_symlinks = true\n"),
    );
    let (_, err) = rungs_within(&["check", path(&fw)], 30);
    assert!(!err.contains("static/passwd"), "{err}");
}

#[test]
fn compare_with_outside_the_repository_needs_an_allow() {
    let top = tmp();
    let repo = top.path().join("repo");
    let fw = repo.join("ladder");
    std::fs::create_dir_all(repo.join(".git")).unwrap_or_else(|e| panic!("{e}"));
    let other = top.path().join("elsewhere");
    for dir in [&fw, &other] {
        write(dir, "rungs.toml", CONFIG);
        write(dir, "tracks/eng/_index.md", "---\ntitle: Eng\n---\n");
        write(
            dir,
            "tracks/eng/one.md",
            "---\ntitle: One\nrank: 1\n---\n\n## Craft\n\n- Writes code.\n",
        );
    }
    write(
        &fw,
        "rungs.toml",
        &format!("{CONFIG}\n[[site.compare_with]]\nsource = \"../../elsewhere\"\n"),
    );
    let out = top.path().join("out");
    let o = rungs(&["build", path(&fw), "-o", path(&out)], top.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("outside the repository")
            && stderr(&o).contains("allow_sources_outside_repository"),
        "{}",
        stderr(&o)
    );
    write(
        &fw,
        "rungs.toml",
        &format!(
            "{CONFIG}\n[files]\nallow_sources_outside_repository = true\n\n[[site.compare_with]]\nsource = \"../../elsewhere\"\n"
        ),
    );
    let o = rungs(&["build", path(&fw), "-o", path(&out)], top.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // `changes_since` may name a directory: the same rule.
    write(
        &fw,
        "rungs.toml",
        &format!(
            "{CONFIG}
[site]
changes_since = \"{}\"\n",
            path(&other)
        ),
    );
    let o = rungs(&["build", path(&fw), "-o", path(&out)], top.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("outside the repository"),
        "{}",
        stderr(&o)
    );
    // And a revision that git would read as an option is refused.
    write(
        &fw,
        "rungs.toml",
        &format!(
            "{CONFIG}
[site]
changes_since = \"--output=x\"\n"
        ),
    );
    let o = rungs(&["build", path(&fw), "-o", path(&out)], top.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is not a git revision"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn diagnostics_on_one_very_long_line_show_an_excerpt() {
    // Each snippet made the renderer read the whole line: 20,000 links on
    // one 430 KB line took 94 s.
    let top = tmp();
    let fw = top.path().join("fw");
    write(&fw, "rungs.toml", CONFIG);
    write(&fw, "tracks/eng/_index.md", "---\ntitle: Eng\n---\n");
    let links: Vec<String> = (0..3000).map(|i| format!("[x](missing-{i}.md)")).collect();
    write(
        &fw,
        "tracks/eng/one.md",
        &format!(
            "---\ntitle: One\nrank: 1\n---\n\n## Craft\n\n- Reads {}\n",
            links.join(" ")
        ),
    );
    let (code, err) = rungs_within(&["check", path(&fw)], 60);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("= note: in "),
        "{}",
        &err[..err.len().min(2000)]
    );
    assert!(err.contains("one.md:8:"), "{}", &err[..err.len().min(2000)]);
    assert!(
        err.contains("…- Reads [x](missing-0.md)…"),
        "{}",
        &err[..err.len().min(2000)]
    );
    assert!(err.len() < 3000 * 600, "{} bytes of diagnostics", err.len());
}

#[test]
fn an_output_folder_that_is_a_symbolic_link_is_refused() {
    // A pull request can commit `public -> /somewhere/empty`.
    let top = tmp();
    let fw = deep_framework(top.path(), "fine");
    let elsewhere = top.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap_or_else(|e| panic!("{e}"));
    let link = fw.join("public");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap_or_else(|e| panic!("{e}"));
    for args in [
        vec!["build", path(&fw), "-o", path(&link)],
        vec![
            "export",
            path(&fw),
            "--format",
            "markdown",
            "--output",
            path(&link),
        ],
    ] {
        let o = rungs(&args, top.path());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("is a symbolic link"), "{}", stderr(&o));
        let written = std::fs::read_dir(&elsewhere).map_or(0, |d| d.count());
        assert_eq!(written, 0, "{args:?} wrote through the link");
    }
}
