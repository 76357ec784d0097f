//! `rungs map`: levels and titles between ladders, with their evidence.

use super::*;

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
