//! `rungs import`: public ladders read as they are, and nothing written when parts would be lost.

use super::*;

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
