//! The fixture ladders: every valid one loads without findings, every
//! invalid one matches its expected-diagnostics snapshot.

use std::path::Path;

use rungs_core::{Code, Severity};

use crate::support::{describe, fixtures, json, load_dir};

fn dirs(kind: &str) -> Vec<(String, std::path::PathBuf)> {
    let mut out: Vec<_> = std::fs::read_dir(fixtures().join(kind))
        .unwrap_or_else(|e| panic!("{kind} fixtures: {e}"))
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    out.sort();
    out
}

#[test]
fn valid_fixtures_have_no_findings() {
    let all = dirs("valid");
    assert!(
        all.len() >= 5,
        "expected the valid fixtures, found {}",
        all.len()
    );
    for (name, dir) in all {
        let (_, loaded) = load_dir(&dir);
        let diags = loaded.diagnostics.sorted();
        assert!(diags.is_empty(), "{name}:\n{}", describe(&diags));
        insta::assert_snapshot!(
            format!("valid-{name}"),
            serde_json::to_string_pretty(&json(&loaded.framework))
                .expect("a JSON value serialises")
        );
    }
}

#[test]
fn invalid_fixtures_match_their_expected_diagnostics() {
    let all = dirs("invalid");
    assert!(
        all.len() >= 15,
        "expected the invalid fixtures, found {}",
        all.len()
    );
    for (name, dir) in all {
        let (_, loaded) = load_dir(&dir);
        let diags = loaded.diagnostics.sorted();
        assert!(!diags.is_empty(), "{name} should have findings");
        for d in &diags {
            if let Some(span) = &d.span {
                assert!(span.line >= 1 && span.column >= 1, "{name}: {d:?}");
            }
        }
        insta::assert_snapshot!(format!("invalid-{name}"), describe(&diags));
    }
}

fn codes(dir: &str) -> Vec<(Severity, Code)> {
    let (_, loaded) = load_dir(&fixtures().join("invalid").join(dir));
    loaded
        .diagnostics
        .sorted()
        .iter()
        .map(|d| (d.severity, d.code))
        .collect()
}

#[test]
fn each_check_reports_its_own_code() {
    use Code::*;
    use Severity::*;
    let expectations = [
        ("front-matter-syntax", Error, FrontMatter),
        ("front-matter-unclosed", Error, FrontMatter),
        ("empty-track", Error, MissingField),
        ("unknown-area", Error, UnknownArea),
        ("missing-area", Warning, MissingArea),
        ("duplicate-rank", Error, DuplicateRank),
        ("duplicate-id", Error, DuplicateId),
        ("time-split", Error, TimeSplitRange),
        ("time-split", Warning, TimeSplitSum),
        ("time-split", Error, UnknownArea),
        ("year-ranges", Error, YearRange),
        ("year-ranges", Error, UnknownScope),
        ("year-ranges", Error, UnknownGrade),
        ("extends-cycle", Error, ExtendsCycle),
        ("missing-track", Error, MissingTrack),
        ("broken-link", Error, BrokenLink),
        ("empty-statement", Error, EmptyStatement),
        ("not-utf8", Error, NotUtf8),
        ("stray-file", Warning, StrayFile),
        ("unknown-key", Warning, UnknownKey),
        ("not-a-statement", Warning, NotAStatement),
        ("not-a-statement", Error, NotAStatement),
        ("matrix-errors", Error, UnknownArea),
        ("matrix-errors", Error, MissingField),
        ("config-errors", Error, AmbiguousArea),
        ("config-syntax", Error, Syntax),
        ("bad-kind", Error, InvalidValue),
        ("config-unknown", Warning, UnknownKey),
        ("grade-order", Warning, GradeOrder),
        ("branch-rank", Warning, BranchRank),
        ("duplicate-id", Error, InvalidId),
        ("matrix-errors", Error, UnknownLevel),
        ("invalid-id", Error, InvalidId),
        ("too-deep", Error, TooDeep),
        ("titles", Error, AmbiguousTitle),
        ("titles", Error, UnknownLevel),
    ];
    for (dir, severity, code) in expectations {
        let found = codes(dir);
        assert!(
            found.contains(&(severity, code)),
            "{dir}: expected {severity:?} {code:?}, found {found:?}"
        );
    }
}

#[test]
fn unknown_area_suggests_the_closest_area() {
    let (_, loaded) = load_dir(&fixtures().join("invalid/unknown-area"));
    let d = loaded
        .diagnostics
        .sorted()
        .into_iter()
        .find(|d| d.code == Code::UnknownArea);
    let d = d.unwrap_or_else(|| panic!("no unknown-area finding"));
    assert_eq!(
        d.help.as_deref().map(|h| h.contains("`Delivery`")),
        Some(true),
        "{d:?}"
    );
    let span = d.span.expect("the finding has a place");
    assert_eq!(
        (&*span.file, span.line, span.column),
        ("tracks/eng/senior.md", 9, 1)
    );
}

#[test]
fn the_built_in_example_is_complete_and_clean() {
    let sources = rungs_core::SourceSet::example();
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let diags = loaded.diagnostics.sorted();
    assert!(diags.is_empty(), "{}", describe(&diags));
    let fw = &loaded.framework;
    let eng = fw
        .track("engineering")
        .unwrap_or_else(|| panic!("no engineering track"));
    assert!(eng.levels.len() >= 5);
    let mgmt = fw
        .track("engineering-management")
        .unwrap_or_else(|| panic!("no management track"));
    assert_eq!(mgmt.kind, rungs_core::model::TrackKind::Management);
    assert_eq!(
        mgmt.branch.as_ref().map(|b| (b.from.as_str(), b.rank)),
        Some(("engineering", 4))
    );
    assert_eq!(mgmt.levels.first().map(|l| l.rank), Some(4));
    // Every leaf area is filled at every level, and every level has indicators.
    let leaves: Vec<&str> = fw
        .all_areas()
        .iter()
        .filter(|a| a.children.is_empty())
        .map(|a| a.id.as_str())
        .collect();
    assert!(!leaves.is_empty(), "the example has areas");
    for track in [eng, mgmt] {
        for level in &track.levels {
            for leaf in &leaves {
                assert!(
                    level.statements.iter().any(|s| s.area == *leaf),
                    "{} lacks {leaf}",
                    level.title
                );
            }
            assert!(
                level.indicators.tenure.is_some() && !level.indicators.time_split.is_empty(),
                "{}",
                level.title
            );
        }
    }
    assert!(fw.pages.iter().any(|p| p.id == "faq"));
    assert!(
        fw.tracks
            .iter()
            .any(|t| t.id == "site-reliability" && t.extends.as_deref() == Some("engineering"))
    );
    let _ = Path::new("");

    // Inheritance and branching.
    let sre = fw
        .track("site-reliability")
        .unwrap_or_else(|| panic!("no site-reliability track"));
    let inherited = fw.inherited(sre, &sre.levels[0]);
    assert_eq!(
        inherited
            .iter()
            .map(|(t, l)| (t.id.as_str(), l.rank))
            .collect::<Vec<_>>(),
        [("engineering", 2)]
    );
    let ladder: Vec<(&str, u32)> = fw
        .ladder(mgmt)
        .iter()
        .map(|(t, l)| (t.id.as_str(), l.rank))
        .collect();
    assert_eq!(
        ladder,
        [
            ("engineering", 1),
            ("engineering", 2),
            ("engineering", 3),
            ("engineering-management", 4),
            ("engineering-management", 5),
            ("engineering-management", 6)
        ]
    );
}

#[test]
fn statement_ids_survive_reordering_and_late_typo_fixes() {
    let base = "---\ntitle: Senior\nrank: 2\n---\n\n## Craft\n- Designs components that other people build on.\n- Reviews code with care and speed.\n\n## Delivery\n- Leads.\n\n## Mentoring\n- Mentors.\n";
    let reordered = "---\ntitle: Senior\nrank: 2\n---\n\n## Craft\n- Reviews code with care and speed.\n- Designs components that other people build on, with typos fxied.\n\n## Delivery\n- Leads.\n\n## Mentoring\n- Mentors.\n";
    let ids = |text: &str| {
        let mut set = rungs_core::SourceSet::read_dir(&fixtures().join("valid/minimal"))
            .unwrap_or_else(|e| panic!("{e}"));
        set.insert("tracks/eng/senior.md", text);
        let loaded = rungs_core::load(&set).unwrap_or_else(|e| panic!("{e}"));
        let mut ids: Vec<String> = loaded.framework.tracks[0].levels[1]
            .statements
            .iter()
            .map(|s| s.id.clone())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(base), ids(reordered));
    assert!(
        ids(base).contains(&"craft-designs-components-other-people".to_string()),
        "{:?}",
        ids(base)
    );
}

#[test]
fn a_cached_load_equals_a_fresh_load_after_every_kind_of_change() {
    use rungs_core::{LoadCache, SourceSet, load, load_cached};
    let same = |set: &SourceSet, cache: &mut LoadCache, what: &str| {
        let cached = load_cached(set, cache).unwrap_or_else(|e| panic!("{what}: {e}"));
        let fresh = load(set).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(json(&cached.framework), json(&fresh.framework), "{what}");
        assert_eq!(
            describe(&cached.diagnostics.clone().sorted()),
            describe(&fresh.diagnostics.sorted()),
            "{what}"
        );
        cached
    };
    let mut cache = LoadCache::default();
    let mut set = SourceSet::example();
    let first = same(&set, &mut cache, "first load");
    assert_eq!(first.diagnostics.errors(), 0);

    // A level page changes: its new statement is there, with its diagnostics.
    let path = "tracks/engineering/senior.md";
    let text = set
        .get(path)
        .map(|f| f.text().to_string())
        .unwrap_or_else(|| panic!("no {path}"));
    set.insert(
        path,
        format!("{text}\n- You write a statement added in a test.\n"),
    );
    let changed = same(&set, &mut cache, "changed level");
    let senior = changed
        .framework
        .track("engineering")
        .and_then(|t| t.levels.iter().find(|l| l.id == "senior"));
    assert!(senior.is_some_and(|l| {
        l.statements
            .iter()
            .any(|s| s.text.contains("added in a test"))
    }));
    set.insert(
        path,
        format!("{text}\n## Nowhere\n\n- Under an unknown area.\n"),
    );
    let broken = same(&set, &mut cache, "unknown area");
    assert!(broken.diagnostics.errors() > 0);

    // rungs.toml changes: every page resolves its headings again, so the
    // unchanged page's unknown heading now names an area.
    let config = set
        .get("rungs.toml")
        .map(|f| f.text().to_string())
        .expect("no rungs.toml");
    assert!(config.contains("\"Execution\""));
    set.insert(
        "rungs.toml",
        config.replace("\"Execution\"", "\"Execution\", \"Nowhere\""),
    );
    let fixed = same(&set, &mut cache, "rungs.toml changed");
    assert_eq!(fixed.diagnostics.errors(), 0);
    set.insert(path, text);

    // A level page is removed.
    set.remove("tracks/engineering/staff.md");
    let removed = same(&set, &mut cache, "removed level");
    assert!(
        removed
            .framework
            .track("engineering")
            .is_some_and(|t| t.levels.iter().all(|l| l.id != "staff"))
    );
}

#[test]
fn every_template_checks_clean_without_warnings() {
    assert!(rungs_core::TEMPLATES.len() >= 3);
    for template in rungs_core::TEMPLATES {
        let set = rungs_core::SourceSet::template(template.name)
            .unwrap_or_else(|| panic!("no files for template {}", template.name));
        let loaded = rungs_core::load(&set).unwrap_or_else(|e| panic!("{}: {e}", template.name));
        let diags = loaded.diagnostics.sorted();
        assert!(diags.is_empty(), "{}:\n{}", template.name, describe(&diags));
        assert!(loaded.framework.counts().levels >= 5, "{}", template.name);
    }
    assert!(rungs_core::SourceSet::template("no-such-template").is_none());
    // The ten-grade template lines its families up on the scale.
    let set = rungs_core::SourceSet::template("ten-grades").expect("no ten-grades template");
    let fw = rungs_core::load(&set)
        .unwrap_or_else(|e| panic!("{e}"))
        .framework;
    assert_eq!(fw.grades.len(), 10);
    let rows = rungs_core::grades::by_grade(&fw);
    assert!(
        rows.iter()
            .all(|r| r.levels.iter().filter(|l| !l.is_empty()).count() >= 2)
    );
}

#[test]
fn control_characters_are_warnings_with_their_position() {
    let diags = codes("control-character");
    assert!(
        diags
            .iter()
            .all(|d| *d == (Severity::Warning, Code::ControlCharacter)),
        "{diags:?}"
    );
    // The raw ESC and the C1 CSI in statements; not the tab, nor the CRLF
    // line end. (The title's `\e` escape is covered below.)
    assert_eq!(diags.len(), 2, "{diags:?}");
}

#[test]
fn a_control_character_from_a_yaml_escape_is_reported_at_its_title() {
    let mut set = rungs_core::SourceSet::example();
    let path = "tracks/engineering/senior.md";
    let text = set
        .get(path)
        .map(|f| f.text().to_owned())
        .unwrap_or_else(|| panic!("no {path}"));
    set.insert(path, text.replacen("title: ", "title: \"\\e[31m\" # ", 1));
    let loaded = rungs_core::load(&set).unwrap_or_else(|e| panic!("{e}"));
    let found: Vec<_> = loaded
        .diagnostics
        .sorted()
        .into_iter()
        .filter(|d| d.code == Code::ControlCharacter)
        .collect();
    assert_eq!(found.len(), 1, "{}", describe(&found));
    assert_eq!(found[0].span.as_ref().map(|s| &*s.file), Some(path));
    assert!(
        found[0].message.contains("\\u{1b}[31m"),
        "{}",
        found[0].message
    );
}

#[test]
fn one_bad_byte_in_rungs_toml_is_one_diagnostic() {
    let mut set = rungs_core::SourceSet::example();
    let mut bytes = b"title = \"Bad \xff byte\"\n".to_vec();
    bytes.extend_from_slice(
        set.get("rungs.toml")
            .map(|f| f.text().as_bytes())
            .expect("no rungs.toml"),
    );
    set.insert("rungs.toml", bytes);
    let loaded = rungs_core::load(&set).unwrap_or_else(|e| panic!("{e}"));
    let diags = loaded.diagnostics.sorted();
    assert_eq!(diags.len(), 1, "{}", describe(&diags));
    assert_eq!(diags[0].code, Code::NotUtf8);
    let span = diags[0].span.clone().expect("the finding has a place");
    assert_eq!((&*span.file, span.line, span.column), ("rungs.toml", 1, 14));
}

/// A 60-level by 40-area matrix with 20 statements a cell (more YAML values
/// than the parser's default budget of 250,000) loads; an alias bomb is
/// refused in words.
#[test]
fn large_yaml_matrices_load_and_yaml_limits_are_explained() {
    use std::fmt::Write;
    let mut config = String::from("title = \"Big\"\n");
    let mut yaml = String::from("title: Big\nlevels:\n");
    for a in 0..40 {
        let _ = write!(config, "\n[[areas]]\nid = \"a{a}\"\ntitle = \"Area {a}\"\n");
    }
    for l in 0..60 {
        let _ = write!(
            yaml,
            "  - id: l{l}\n    title: Level {l}\n    rank: {}\n",
            l + 1
        );
    }
    yaml.push_str("matrix:\n");
    for a in 0..40 {
        let _ = writeln!(yaml, "  a{a}:");
        for l in 0..60 {
            let _ = writeln!(yaml, "    l{l}:");
            for k in 0..20 {
                let _ = write!(
                    yaml,
                    "      - text: Statement {a} {l} {k} ships services.\n        examples: [One {k}, Two]\n"
                );
            }
        }
    }
    let mut set = rungs_core::SourceSet::new();
    set.insert("rungs.toml", config);
    set.insert("tracks/big.yaml", yaml);
    let loaded = rungs_core::load(&set).unwrap_or_else(|e| panic!("{e}"));
    let diags = loaded.diagnostics.sorted();
    assert!(
        diags.is_empty(),
        "{}",
        describe(&diags[..diags.len().min(3)])
    );
    assert_eq!(loaded.framework.counts().statements, 40 * 60 * 20);

    let bomb = format!(
        "title: Bomb\nlevels:\n  - id: l0\n    title: L0\n    rank: 1\nmatrix:\n  a0:\n    l0: [&s Text, {}]\n",
        vec!["*s"; 200].join(", ")
    );
    set.insert("tracks/big.yaml", bomb);
    let loaded = rungs_core::load(&set).unwrap_or_else(|e| panic!("{e}"));
    let diags = loaded.diagnostics.sorted();
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("200 aliases") && !d.message.contains("Breach")),
        "{}",
        describe(&diags)
    );
}
