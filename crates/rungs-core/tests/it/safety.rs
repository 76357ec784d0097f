//! A ladder file can never write, read or delete outside its place: ids that
//! become paths are checked, writers refuse paths that leave their folder,
//! and reading a framework opens only regular files inside it, within limits.

use std::path::Path;

use rungs_core::{Code, SourceSet};
use rungs_core::{FileLimits, join_inside};

use crate::support::assert_linear;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

fn write(root: &Path, rel: &str, text: &[u8]) {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

const CONFIG: &str = "title = \"T\"\n\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n";

const LEVEL: &str = "---\ntitle: Senior\nrank: 1\n---\n\n## Craft\n\n- Writes code.\n";

/// A small valid framework on disk.
fn framework(config_extra: &str) -> tempfile::TempDir {
    let dir = tmp();
    write(
        dir.path(),
        "rungs.toml",
        format!("{CONFIG}{config_extra}").as_bytes(),
    );
    write(
        dir.path(),
        "tracks/eng/_index.md",
        b"---\ntitle: Engineering\n---\n",
    );
    write(dir.path(), "tracks/eng/senior.md", LEVEL.as_bytes());
    dir
}

fn refused(set: &SourceSet, rel: &str) -> Option<String> {
    set.unreadable
        .iter()
        .find(|(p, _)| p == rel)
        .map(|(_, reason)| reason.clone())
}

fn read(dir: &Path) -> SourceSet {
    SourceSet::read_dir(dir).unwrap_or_else(|e| panic!("{e}"))
}

fn codes(set: &SourceSet) -> Vec<Code> {
    let loaded = rungs_core::load(set).unwrap_or_else(|e| panic!("{e}"));
    loaded.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn join_inside_refuses_every_way_out() {
    let root = Path::new("/out");
    for bad in [
        "../x",
        "a/../../x",
        "/etc/passwd",
        "a//b",
        "",
        ".",
        "a/./b",
        "a/..",
        "a\\..\\b",
        "nul\0byte",
        "a/",
    ] {
        assert!(join_inside(root, bad).is_err(), "`{bad}` was accepted");
    }
    for good in [
        "index.html",
        "tracks/eng/senior.html",
        "compare/a.b--c.d.html",
    ] {
        let joined = join_inside(root, good).unwrap_or_else(|e| panic!("{good}: {e}"));
        assert!(joined.starts_with(root), "{}", joined.display());
    }
}

#[test]
fn write_to_writes_nothing_when_one_path_would_escape() {
    let dir = tmp();
    let out = dir.path().join("a/b/out");
    let mut set = SourceSet::new();
    set.insert("fine.md", "fine");
    set.insert("tracks/../../../../escaped.md", "escaped");
    assert!(set.write_to(&out).is_err());
    assert!(!dir.path().join("escaped.md").exists());
    assert!(!out.join("fine.md").exists(), "a partial write was left");
}

#[test]
fn ids_from_yaml_matrices_and_file_names_are_checked() {
    let mut set = SourceSet::new();
    set.insert("rungs.toml", CONFIG);
    set.insert(
        "tracks/eng.yaml",
        "title: E\nlevels:\n  - id: ../../../../x\n    rank: 1\n  - id: UPPER\n    rank: 2\nmatrix:\n  craft:\n    ../../../../x: [Writes code.]\n",
    );
    set.insert("tracks/Ops_Team/_index.md", "---\ntitle: Ops\n---\n");
    set.insert(
        &format!("tracks/ops/{}.md", "a".repeat(101)),
        LEVEL.as_bytes(),
    );
    set.insert("pages/about us.md", "---\ntitle: About\n---\nHi.\n");
    let loaded = rungs_core::load(&set).unwrap_or_else(|e| panic!("{e}"));
    let invalid: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::InvalidId)
        .collect();
    let says = |needle: &str| invalid.iter().any(|d| d.message.contains(needle));
    assert!(says("`../../../../x`"), "{invalid:#?}");
    assert!(says("`UPPER`"), "{invalid:#?}");
    assert!(says("`Ops_Team`"), "{invalid:#?}");
    assert!(says("101 bytes long"), "{invalid:#?}");
    assert!(says("`about us`"), "{invalid:#?}");
    // Each points at its file, line and column.
    let yaml = invalid
        .iter()
        .find(|d| d.message.contains("../"))
        .and_then(|d| d.span.clone())
        .unwrap_or_else(|| panic!("no placed finding on `../`: {invalid:#?}"));
    assert_eq!(
        (&*yaml.file, yaml.line, yaml.column),
        ("tracks/eng.yaml", 3, 5)
    );
}

#[test]
fn a_json_export_with_hostile_ids_is_refused() {
    let (_, loaded) = crate::support::load_dir(&crate::support::fixtures().join("valid/minimal"));
    let mut framework = loaded.framework;
    assert!(rungs_core::import::check(&framework).is_ok());
    framework.tracks[0].levels[0].id = "../../../../x".into();
    let text = rungs_core::export::json::to_json(&framework);
    let back = rungs_core::export::json::from_json(&text).unwrap_or_else(|e| panic!("{e}"));
    let err = rungs_core::import::check(&back).map_or_else(|e| e.to_string(), |()| String::new());
    assert!(err.contains("../../../../x"), "{err}");
}

#[test]
fn importers_refuse_ids_that_cannot_be_file_names() {
    // A CSV's track column is the importer's only id that is not slugged;
    // whatever the importer does, no id it returns may leave its folder.
    let mut set = SourceSet::new();
    set.insert(
        "ladder.csv",
        "track,level,area,text\n../../../x,../../y,craft,Writes code.\n",
    );
    match rungs_core::import::csv::import(&set) {
        Ok(imported) => {
            assert!(rungs_core::import::check(&imported.framework).is_ok());
            let paths = rungs_core::export::native::to_sources(&imported.framework);
            assert!(paths.iter().all(|f| !f.path.contains("..")));
        }
        Err(e) => assert!(e.to_string().contains("id"), "{e}"),
    }
    // A level column named in another script keeps its letters; one whose
    // name has no letter or digit gets a numbered id, never an empty one
    // (which would be a file named `.md`); titles are kept.
    let mut set = SourceSet::new();
    set.insert(
        "ladder.csv",
        "area,日本,★\ncraft,Writes code.,Reviews code.\n",
    );
    let imported = rungs_core::import::csv::import(&set).unwrap_or_else(|e| panic!("{e}"));
    let levels: Vec<(&str, &str)> = imported.framework.tracks[0]
        .levels
        .iter()
        .map(|l| (l.id.as_str(), l.title.as_str()))
        .collect();
    assert_eq!(levels, [("日本", "日本"), ("level-2", "★")]);
    assert!(rungs_core::import::check(&imported.framework).is_ok());
}

#[test]
fn a_fifo_is_refused_without_being_opened() {
    let dir = framework("");
    let fifo = dir.path().join("static/pipe");
    std::fs::create_dir_all(dir.path().join("static")).unwrap_or_else(|e| panic!("{e}"));
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // Opening the FIFO would block this test forever.
    let set = read(dir.path());
    let reason = refused(&set, "static/pipe")
        .unwrap_or_else(|| panic!("the pipe is not refused: {:?}", set.unreadable));
    assert!(reason.contains("named pipe"), "{:?}", set.unreadable);
    assert!(codes(&set).contains(&Code::RefusedFile));
    // As `rungs serve` reloads one file.
    let one = SourceSet::read_file(dir.path(), "static/pipe");
    assert!(
        one.as_ref().is_err_and(|e| e.contains("named pipe")),
        "{one:?}"
    );
    assert_eq!(
        SourceSet::read_file(dir.path(), "tracks/eng/senior.md")
            .ok()
            .flatten(),
        Some(LEVEL.as_bytes().to_vec())
    );
    assert_eq!(
        SourceSet::read_file(dir.path(), "tracks").ok().flatten(),
        None
    );
    assert!(SourceSet::read_file(dir.path(), "../x").is_err());
    // Even rungs.toml, which says what the limits are.
    std::fs::remove_file(dir.path().join("rungs.toml")).unwrap_or_else(|e| panic!("{e}"));
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("rungs.toml"))
        .status();
    assert!(made.is_ok_and(|s| s.success()));
    let set = read(dir.path());
    assert!(
        refused(&set, "rungs.toml").is_some(),
        "{:?}",
        set.unreadable
    );
    let err = rungs_core::load(&set).map_or_else(|e| e.to_string(), |_| String::new());
    assert!(
        err.contains("rungs.toml was not read: it is a named pipe"),
        "{err}"
    );
    assert!(SourceSet::read_file(dir.path(), "tracks/eng/senior.md").is_ok());
}

#[test]
fn links_that_leave_the_framework_are_refused_unless_allowed() {
    use std::os::unix::fs::symlink;
    let outside = tmp();
    write(outside.path(), "secret.txt", b"secret");
    let dir = framework("");
    std::fs::create_dir_all(dir.path().join("static")).unwrap_or_else(|e| panic!("{e}"));
    let link = |name: &str, to: &Path| {
        symlink(to, dir.path().join("static").join(name)).unwrap_or_else(|e| panic!("{e}"))
    };
    link("secret.txt", &outside.path().join("secret.txt"));
    link("passwd", Path::new("/etc/passwd"));
    link("inside.md", &dir.path().join("tracks/eng/senior.md"));
    link("relative.md", Path::new("../tracks/eng/senior.md"));
    link("zero", Path::new("/dev/zero"));
    link("dangling", Path::new("/nonexistent/file"));
    link("folder", outside.path());

    let set = read(dir.path());
    for name in ["secret.txt", "passwd", "zero", "folder"] {
        let reason = refused(&set, &format!("static/{name}"))
            .unwrap_or_else(|| panic!("{name} is not refused: {:?}", set.unreadable));
        assert!(reason.contains("outside the framework"), "{name}: {reason}");
        assert!(set.get(&format!("static/{name}")).is_none());
    }
    assert!(refused(&set, "static/dangling").is_some());
    assert_eq!(set.get("static/inside.md").map(|f| f.text()), Some(LEVEL));
    assert_eq!(set.get("static/relative.md").map(|f| f.text()), Some(LEVEL));

    // Allowed: the outside file is read, but a device or a folder still is not.
    write(
        dir.path(),
        "rungs.toml",
        format!("{CONFIG}\n[files]\nfollow_external_symlinks = true\n").as_bytes(),
    );
    let set = read(dir.path());
    assert_eq!(
        set.get("static/secret.txt").map(|f| f.text()),
        Some("secret")
    );
    let zero = refused(&set, "static/zero")
        .unwrap_or_else(|| panic!("zero is not refused: {:?}", set.unreadable));
    assert!(zero.contains("device"), "{zero}");
    let folder = refused(&set, "static/folder")
        .unwrap_or_else(|| panic!("the folder is not refused: {:?}", set.unreadable));
    assert!(folder.contains("folder"), "{folder}");
    assert!(
        !codes(&set).contains(&Code::Syntax),
        "[files] is a known table"
    );
}

#[test]
fn files_over_the_limits_are_refused_with_the_key_to_raise() {
    let dir = framework("\n[files]\nmax_file_mib = 1\nmax_total_mib = 3\n");
    write(dir.path(), "static/big.bin", &vec![0u8; (1 << 20) + 1]);
    write(dir.path(), "static/fits.bin", &vec![0u8; 1 << 20]);
    let set = read(dir.path());
    let reason = refused(&set, "static/big.bin")
        .unwrap_or_else(|| panic!("big.bin is not refused: {:?}", set.unreadable));
    assert!(
        reason.contains("1 MiB") && reason.contains("max_file_mib"),
        "{reason}"
    );
    assert!(set.get("static/fits.bin").is_some());

    for i in 0..3 {
        write(
            dir.path(),
            &format!("static/more-{i}.bin"),
            &vec![0u8; 1 << 20],
        );
    }
    let err = SourceSet::read_dir(dir.path()).map_or_else(|e| e.to_string(), |_| String::new());
    assert!(
        err.contains("3 MiB") && err.contains("max_total_mib"),
        "{err}"
    );
}

#[test]
fn a_wrong_files_table_is_reported_and_the_defaults_apply() {
    let dir = framework("\n[files]\nmax_file_mb = 1000\n");
    let set = read(dir.path());
    let loaded = rungs_core::load(&set).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.code == Code::Syntax && d.message.contains("max_file_mb")),
        "{:?}",
        loaded.diagnostics
    );
    assert_eq!(
        FileLimits::from_config(b"[files]\nmax_file_mb = 1000\n"),
        FileLimits::default()
    );
}

#[test]
fn names_that_are_not_utf8_are_reported_not_merged() {
    use std::os::unix::ffi::OsStrExt;
    let dir = framework("");
    let tracks = dir.path().join("tracks/eng");
    for bytes in [&b"bad-\xff.md"[..], &b"bad-\xfe.md"[..]] {
        let name = std::ffi::OsStr::from_bytes(bytes);
        if std::fs::write(tracks.join(name), LEVEL).is_err() {
            eprintln!("skipped: this file system refuses non-UTF-8 names");
            return;
        }
    }
    let set = read(dir.path());
    assert_eq!(set.unreadable.len(), 2, "{:?}", set.unreadable);
    assert!(set.unreadable.iter().all(|(_, r)| r.contains("UTF-8")));
    assert!(codes(&set).contains(&Code::RefusedFile));
}

#[test]
fn statements_nested_too_deep_are_cut_with_one_error() {
    let mut body = String::from("---\ntitle: S\nrank: 1\n---\n\n## Craft\n\n");
    for depth in 0..2000 {
        body.push_str(&"  ".repeat(depth));
        body.push_str("- Point.\n");
    }
    let mut set = SourceSet::new();
    set.insert("rungs.toml", CONFIG);
    set.insert("tracks/eng/s.md", body);
    let loaded = rungs_core::load(&set).unwrap_or_else(|e| panic!("{e}"));
    let deep: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::TooDeep)
        .collect();
    assert_eq!(deep.len(), 1, "{deep:#?}");
    let level = &loaded.framework.tracks[0].levels[0];
    assert_eq!(
        rungs_core::ids::depth(&level.statements),
        rungs_core::ids::MAX_DEPTH
    );
    let longest = all_ids(&level.statements)
        .map(str::len)
        .max()
        .expect("the level has statements");
    assert!(longest < 200, "ids grow with depth: {longest} bytes");

    // The same in a YAML matrix.
    let mut yaml = String::from("levels:\n  - id: s\n    rank: 1\nmatrix:\n  craft:\n    s:\n");
    let mut indent = 6;
    for _ in 0..12 {
        yaml.push_str(&format!(
            "{}- text: Point.\n{}  children:\n",
            " ".repeat(indent),
            " ".repeat(indent)
        ));
        indent += 4;
    }
    yaml.push_str(&format!("{}- Leaf.\n", " ".repeat(indent)));
    set.insert("tracks/eng.yaml", yaml);
    set.remove("tracks/eng/s.md");
    let loaded = rungs_core::load(&set).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.diagnostics.iter().any(|d| d.code == Code::TooDeep));
    let level = &loaded.framework.tracks[0].levels[0];
    assert_eq!(
        rungs_core::ids::depth(&level.statements),
        rungs_core::ids::MAX_DEPTH
    );
}

fn all_ids(statements: &[rungs_core::model::Statement]) -> impl Iterator<Item = &str> {
    let mut out = Vec::new();
    let mut todo: Vec<_> = statements.iter().collect();
    while let Some(s) = todo.pop() {
        out.push(s.id.as_str());
        todo.extend(&s.children);
    }
    out.into_iter()
}

#[test]
fn many_identical_statements_get_distinct_ids_in_linear_time() {
    // 30,000 identical bullets and explicit ids that take some suffixes:
    // counting up from `-2` for each bullet took minutes here.
    let input = |n: usize| {
        let mut body = String::from("---\ntitle: S\nrank: 1\n---\n\n## Craft\n\n");
        body.push_str("- Owns it. {#craft-owns-3}\n- Owns it. {#craft-owns-5}\n");
        for _ in 0..n {
            body.push_str("- Owns it.\n");
        }
        let mut set = SourceSet::new();
        set.insert("rungs.toml", CONFIG);
        set.insert("tracks/eng/s.md", body);
        set
    };
    let loaded = assert_linear(30_000 / 8, "bullets", input, |set| {
        rungs_core::load(&set).unwrap_or_else(|e| panic!("{e}"))
    });
    let level = &loaded.framework.tracks[0].levels[0];
    let ids: Vec<&str> = level.statements.iter().map(|s| s.id.as_str()).collect();
    let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len());
    assert_eq!(
        &ids[2..6],
        ["craft-owns", "craft-owns-2", "craft-owns-4", "craft-owns-6"]
    );
}

#[test]
fn a_csv_of_many_distinct_levels_and_areas_imports_in_linear_time() {
    // Each row searched every level and area before: 80,000 distinct levels
    // took 12 s in a release build, and doubling the rows quadrupled it.
    let n = 20_000;
    let input = |n: usize| {
        let mut text = String::from("level,area_path,text\n");
        for i in 0..n {
            text.push_str(&format!(
                "level {i},Area {} > Sub {i},Owns the work.\n",
                i % 7
            ));
        }
        text.push_str("level 3,area 3 > sub 3,Again.\n");
        let mut set = SourceSet::new();
        set.insert("ladder.csv", text);
        set
    };
    let imported = assert_linear(n / 8, "rows", input, |set| {
        rungs_core::import::csv::import(&set).unwrap_or_else(|e| panic!("{e}"))
    });
    let track = &imported.framework.tracks[0];
    assert_eq!(track.levels.len(), n);
    assert_eq!(
        track.levels[3].statements.len(),
        2,
        "the same level is found again"
    );
    assert_eq!(track.levels.last().map(|l| l.rank), Some(n as u32));
    let areas = &imported.framework.areas;
    assert_eq!(areas.len(), 7);
    assert_eq!(areas.iter().map(|a| a.children.len()).sum::<usize>(), n);
    assert_eq!(
        track.levels[3].statements[0].area, track.levels[3].statements[1].area,
        "area titles match case-insensitively"
    );
}

#[test]
fn columns_count_characters_on_long_lines_and_at_block_edges() {
    // Columns are counted from 4 KiB checkpoints; check them against a
    // plain count on a line of multi-byte characters crossing several.
    let line: String = "é€a😀".repeat(3000);
    let text = format!("x\n{line}\n{}", "b".repeat(4096 * 2 - line.len() % 4096));
    let file = rungs_core::SourceFile::new("f.md", text.clone().into_bytes());
    for at in (0..text.len()).step_by(997).chain([text.len()]) {
        if !text.is_char_boundary(at) {
            continue;
        }
        let span = file.span(at, at);
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let expected = text[line_start..at].chars().count() + 1;
        assert_eq!(span.column as usize, expected, "at byte {at}");
    }
}

#[test]
fn a_monzo_framework_with_absurd_levels_and_many_criteria_imports_quickly() {
    // `levels: 4000000000` allocated a level each; every criterion searched
    // the whole file for its span.
    let mut matter = String::from(
        "---\ntitle: Web Framework\nlevels: 4000000000\ntopics:\n  - name: craft\n    content:\n",
    );
    for level in 1..=5 {
        matter.push_str(&format!("      - level: {level}\n        criteria:\n"));
        for i in 0..4000 {
            // Folded criteria are never found as written: the worst case.
            matter.push_str(&format!(
                "          - >-\n            Builds\n            page {i}\n"
            ));
        }
    }
    matter.push_str("---\n");
    let mut set = SourceSet::new();
    set.insert("frameworks/web.md", matter);
    let imported = rungs_core::import::monzo::import(&set).unwrap_or_else(|e| panic!("{e}"));
    let track = &imported.framework.tracks[0];
    assert_eq!(track.levels.len(), 1000);
    assert_eq!(imported.framework.counts().statements, 20_000);
    assert!(
        imported
            .diagnostics
            .iter()
            .any(|d| d.message.contains("more than rungs imports")),
        "{:?}",
        imported.diagnostics
    );
}

#[test]
fn level_ids_that_are_names_of_track_pages_are_reserved() {
    // tracks/eng/index.html is the track's page: a level `index` replaced it.
    let mut set = SourceSet::new();
    set.insert("rungs.toml", CONFIG);
    set.insert("tracks/eng/_index.md", "---\ntitle: Eng\n---\n");
    set.insert("tracks/eng/index.md", LEVEL);
    set.insert("tracks/eng/matrix.md", LEVEL.replace("rank: 1", "rank: 2"));
    let loaded = rungs_core::load(&set).unwrap_or_else(|e| panic!("{e}"));
    let reserved: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::InvalidId && d.message.contains("reserved"))
        .collect();
    assert_eq!(reserved.len(), 2, "{:?}", loaded.diagnostics);
}

#[test]
fn a_hugo_site_with_thousands_of_distinct_headings_imports_in_linear_time() {
    // Each heading searched its siblings: 8,000 distinct headings took 9.3 s
    // in a release build, and doubling them quadrupled it.
    let n = 5_000;
    let input = |n: usize| {
        let mut set = SourceSet::new();
        for name in ["a", "b"] {
            let mut page = String::from("---\ntitle: L\n---\n\n");
            for i in 0..n {
                page.push_str(&format!("## Heading {i}\n\n- Does thing {i} well.\n\n"));
            }
            // The same area written differently is still one area.
            page.push_str("## heading   7\n\n- Again.\n");
            set.insert(&format!("content/ladder/{name}.md"), page);
        }
        set
    };
    let imported = assert_linear(n / 8, "headings", input, |set| {
        rungs_core::import::hugo::import(&set).unwrap_or_else(|e| panic!("{e}"))
    });
    assert_eq!(imported.framework.areas.len(), n);
    assert_eq!(imported.framework.counts().statements, 2 * (n + 1));
}
