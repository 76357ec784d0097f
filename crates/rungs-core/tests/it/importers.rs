//! The Monzo and FT importers, on the public fixtures (when present) and on
//! small files of our own, malformed ones included.

use std::collections::BTreeMap;

use rungs_core::export::native;
use rungs_core::import::{ft, monzo};
use rungs_core::model::TrackKind;
use rungs_core::{Code, SourceSet};

use crate::support::{describe, shared_fixture};

/// A YAML document as generic data, parsed independently of the importers' types.
fn yaml(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("{e}"))
}

fn loads_clean(fw: &rungs_core::Framework) {
    let loaded = rungs_core::load(&native::to_sources(fw)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        loaded.diagnostics.errors(),
        0,
        "{}",
        describe(&loaded.diagnostics.sorted())
    );
    assert_eq!(loaded.framework.counts(), fw.counts());
}

#[test]
fn ft_job_family_imports_with_parallel_ic_and_manager_levels() {
    let Some(dir) = shared_fixture("ft-engineering-progression") else {
        return;
    };
    let sources = SourceSet::read_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let imported = ft::import(&sources).unwrap_or_else(|e| panic!("{e}"));
    let fw = &imported.framework;
    let text = std::fs::read_to_string(dir.join("data/job-families/engineering.yml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let source = yaml(&text);
    let themes = source["themes"]
        .as_array()
        .map(Vec::len)
        .expect("the job family lists themes");
    assert_eq!(fw.areas.len(), themes);
    // Competencies per level, counted from the source.
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for c in source["competencies"].as_array().into_iter().flatten() {
        *expected
            .entry(
                c["level"]
                    .as_str()
                    .expect("a competency has a level")
                    .to_string(),
            )
            .or_default() += 1;
    }
    let mut got: BTreeMap<String, usize> = BTreeMap::new();
    for t in &fw.tracks {
        for l in &t.levels {
            got.insert(l.id.clone(), l.statements.len());
            assert!(
                l.statements
                    .iter()
                    .all(|s| s.explicit_id && s.id.len() == 36),
                "UUIDs kept as ids"
            );
        }
    }
    assert_eq!(got, expected);
    assert_eq!(
        fw.counts().levels,
        source["levels"]
            .as_array()
            .map(Vec::len)
            .expect("the job family lists levels")
    );
    // IC and manager variants share ranks; managers branch off at the first shared rank.
    let ic = fw
        .track("engineering")
        .unwrap_or_else(|| panic!("no engineering track"));
    let pm = fw
        .track("engineering-people-manager")
        .unwrap_or_else(|| panic!("no manager track"));
    assert_eq!(pm.kind, TrackKind::Management);
    let rank = |t: &rungs_core::model::Track, id: &str| {
        t.levels.iter().find(|l| l.id == id).map(|l| l.rank)
    };
    assert_eq!(rank(ic, "senior-2-ic"), rank(pm, "senior-2-pm"));
    assert_eq!(rank(ic, "principal-ic"), rank(pm, "principal-pm"));
    assert_eq!(
        pm.branch.as_ref().map(|b| (b.from.as_str(), Some(b.rank))),
        Some(("engineering", rank(pm, "senior-2-pm")))
    );
    let ranks: Vec<u32> = ic.levels.iter().map(|l| l.rank).collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
    // googleSheetId is reported, with its line.
    let diags = imported.diagnostics.sorted();
    assert!(diags.iter().any(|d| d.code == Code::NotImported
        && d.message.contains("googleSheetId")
        && d.span.as_ref().is_some_and(|s| s.line > 1)));
    loads_clean(fw);
}

#[test]
fn monzo_frameworks_import_with_generic_as_the_base() {
    let Some(dir) = shared_fixture("monzo-progression-framework") else {
        return;
    };
    let sources = SourceSet::read_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let imported = monzo::import(&sources).unwrap_or_else(|e| panic!("{e}"));
    let fw = &imported.framework;
    for (file, track) in [
        ("frameworks/generic.md", "generic"),
        ("frameworks/engineering/backend.md", "engineering-backend"),
    ] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{e}"));
        let matter = text
            .split("---\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{file} has no front matter"));
        let source = yaml(matter);
        let mut expected: BTreeMap<u64, usize> = BTreeMap::new();
        for topic in source["topics"].as_array().into_iter().flatten() {
            for content in topic["content"].as_array().into_iter().flatten() {
                let n = content["criteria"].as_array().map_or(0, Vec::len)
                    + content["exampleCriteria"].as_array().map_or(0, Vec::len);
                *expected
                    .entry(
                        content["level"]
                            .as_u64()
                            .expect("criteria name their level"),
                    )
                    .or_default() += n;
            }
        }
        let t = fw
            .track(track)
            .unwrap_or_else(|| panic!("no track {track}"));
        let got: BTreeMap<u64, usize> = t
            .levels
            .iter()
            .map(|l| (l.rank as u64, l.statements.len()))
            .filter(|(_, n)| *n > 0)
            .collect();
        assert_eq!(got, expected, "{file}");
        assert_eq!(
            t.levels.len() as u64,
            source["levels"]
                .as_u64()
                .unwrap_or_else(|| panic!("{file} declares no levels"))
        );
        let examples: usize = t
            .levels
            .iter()
            .flat_map(|l| &l.statements)
            .map(|s| s.examples.len())
            .sum();
        let expected_examples: usize = source["topics"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|t| t["content"].as_array().into_iter().flatten())
            .flat_map(|c| c["exampleCriteria"].as_array().into_iter().flatten())
            .map(|e| e["examples"].as_array().map_or(0, Vec::len))
            .sum();
        assert_eq!(examples, expected_examples, "{file}");
    }
    let backend = fw
        .track("engineering-backend")
        .unwrap_or_else(|| panic!("backend"));
    assert_eq!(backend.extends.as_deref(), Some("generic"));
    let inherited = fw.inherited(backend, &backend.levels[2]);
    assert_eq!(inherited.len(), 1, "level 3 inherits generic level 3");
    assert!(fw.pages.iter().any(|p| p.id == "about-engineering-backend"));
    assert!(
        imported
            .diagnostics
            .iter()
            .any(|d| d.code == Code::NotImported && d.message.contains("sidebarTitle"))
    );
    loads_clean(fw);
}

#[test]
fn malformed_and_partial_sources_are_reported() {
    let mut set = SourceSet::new();
    set.insert(
        "data/job-families/tiny.yml",
        "name: Tiny\nsummary: A tiny family.\nlevels:\n  - id: one\n    name: One\nthemes:\n  - id: craft\n    name: Craft\ncompetencies:\n  - id: 00000000-0000-4000-8000-000000000001\n    level: one\n    theme: craft\n    summary: Builds things.\n  - id: 00000000-0000-4000-8000-000000000002\n    level: seven\n    theme: craft\n    summary: Ghost level.\n",
    );
    set.insert("data/job-families/broken.yml", "name: [Broken\n");
    let imported = ft::import(&set).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.framework.counts().statements, 1);
    let text = describe(&imported.diagnostics.sorted());
    assert!(
        text.contains("broken.yml:1:") && text.contains("error[syntax]"),
        "{text}"
    );
    assert!(
        text.contains("tiny.yml:14:") && text.contains("unknown level `seven`"),
        "{text}"
    );

    let mut set = SourceSet::new();
    set.insert(
        "frameworks/notes.md",
        "---\ntitle: Notes\n---\nNo topics here.\n",
    );
    set.insert(
        "frameworks/web.md",
        "---\ntitle: \"Web Framework\"\nlevels: 1\ntopics:\n  - name: craft\n    content:\n      - level: 1\n        criteria: [\"Builds pages\"]\n      - level: 2\n        criteria: [\"Beyond the last level\"]\n---\n",
    );
    let imported = monzo::import(&set).unwrap_or_else(|e| panic!("{e}"));
    // The level beyond `levels: 1` is kept (Monzo hides it), and marked.
    assert_eq!(imported.framework.counts().statements, 2);
    assert_eq!(imported.framework.tracks[0].title, "Web");
    assert!(
        imported.framework.tracks[0].levels[1]
            .summary
            .as_deref()
            .is_some_and(|s| s.contains("levels: 1"))
    );
    let text = describe(&imported.diagnostics.sorted());
    assert!(
        text.contains("notes.md:1:1") && text.contains("no `topics`"),
        "{text}"
    );
    assert!(text.contains("beyond `levels: 1`"), "{text}");
    assert!(monzo::import(&SourceSet::new()).is_err());
    assert!(ft::import(&SourceSet::new()).is_err());
}

#[test]
fn csv_export_re_imports_to_the_same_csv() {
    let fw = rungs_core::load(&SourceSet::example())
        .unwrap_or_else(|e| panic!("{e}"))
        .framework;
    let csv = rungs_core::export::csv::to_csv(&fw).unwrap_or_else(|e| panic!("{e}"));
    let mut set = SourceSet::new();
    set.insert("ladder.csv", csv.clone());
    let imported = rungs_core::import::csv::import(&set).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        imported.diagnostics.is_empty(),
        "{}",
        describe(&imported.diagnostics.sorted())
    );
    let again =
        rungs_core::export::csv::to_csv(&imported.framework).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again, csv);
    assert_eq!(
        imported.framework.counts().statements,
        fw.counts().statements
    );
    loads_clean(&imported.framework);
}

#[test]
fn csv_matrix_layout_and_its_errors() {
    let mut set = SourceSet::new();
    set.insert(
        "platform.csv",
        "Competency,Engineer,Senior Engineer\nCraft,\"- Writes tests\n- Reviews code\",- Designs services\nPeople > Mentoring,,\"**Patience**: coaches juniors {#coach}\"\n,,\n",
    );
    let imported = rungs_core::import::csv::import(&set).unwrap_or_else(|e| panic!("{e}"));
    let t = &imported.framework.tracks[0];
    assert_eq!((t.id.as_str(), t.levels.len()), ("platform", 2));
    assert_eq!(t.levels[0].statements.len(), 2);
    let coach = &t.levels[1].statements[1];
    assert_eq!(
        (
            coach.id.as_str(),
            coach.name.as_deref(),
            coach.area.as_str()
        ),
        ("coach", Some("Patience"), "mentoring")
    );
    assert_eq!(imported.framework.areas[1].children[0].title, "Mentoring");
    loads_clean(&imported.framework);

    let mut set = SourceSet::new();
    // A short row is a spreadsheet dropping empty cells; a long one has text
    // under no column.
    set.insert(
        "ragged.csv",
        "area,L1,L2\nCraft,a,b\nDelivery,c\nPeople,d,e,f\n",
    );
    set.insert("latin1.csv", b"area,L1\nCraft,Caf\xe9\n".to_vec());
    set.insert("rows.csv", "level,text,colour\nL1,Writes code,blue\nL2,,\n");
    let imported = rungs_core::import::csv::import(&set).unwrap_or_else(|e| panic!("{e}"));
    let text = describe(&imported.diagnostics.sorted());
    assert!(
        text.contains("ragged.csv:4:") && text.contains("4 cells but the header names 3 columns"),
        "{text}"
    );
    assert!(
        text.contains("latin1.csv:2:") && text.contains("not UTF-8"),
        "{text}"
    );
    // A column with text in it is content left out: an error.
    assert!(
        text.contains("error[not-imported] rows.csv:1:1: column `colour` is not imported"),
        "{text}"
    );
    assert!(
        text.contains("rows.csv:3:") && text.contains("no level or no text"),
        "{text}"
    );
}

#[test]
fn every_registered_format_is_documented_and_named_by_its_prefix() {
    let docs = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/import.md"),
    )
    .unwrap_or_else(|e| panic!("docs/import.md: {e}"));
    assert!(rungs_core::import::FORMATS.len() >= 5);
    for format in rungs_core::import::FORMATS {
        assert!(
            docs.contains(&format!("`rungs import {} ", format.name)),
            "docs/import.md has no section on `{}`",
            format.name
        );
        let spec = format!("{}:some/path", format.name);
        let (found, path) = rungs_core::import::split_spec(&spec)
            .unwrap_or_else(|| panic!("{spec} is not recognised"));
        assert_eq!((found.name, path), (format.name, "some/path"));
    }
    // A path with a colon that names no format stays a path.
    assert!(rungs_core::import::split_spec("C:/ladders").is_none());
}

#[test]
fn the_json_importer_reads_an_export_and_names_the_line_of_a_syntax_error() {
    let fw = rungs_core::load(&rungs_core::SourceSet::example())
        .unwrap_or_else(|e| panic!("{e}"))
        .framework;
    let json = rungs_core::import::format("json").unwrap_or_else(|| panic!("no json format"));
    let mut set = rungs_core::SourceSet::new();
    set.insert("ladder.json", rungs_core::export::json::to_json(&fw));
    let imported = json.import(&set).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.framework.counts(), fw.counts());
    let mut broken = rungs_core::SourceSet::new();
    broken.insert("ladder.json", "{\n  \"title\": \"x\",\n  oops\n}");
    let err = json
        .import(&broken)
        .map(|_| ())
        .err()
        .map(|e| e.to_string());
    assert!(
        err.as_deref()
            .is_some_and(|e| e.starts_with("ladder.json:3:")),
        "{err:?}"
    );
}

#[test]
fn a_spreadsheet_export_with_a_title_notes_codes_indicators_and_bullets() {
    // As spreadsheets export it: a title and a note above the header, blank
    // rows, padding columns, level codes in the header, an indicator row,
    // and bullets of several kinds inside cells.
    let csv = "\
Platform Engineering Ladder,,,,,
Last reviewed by the guild in spring.,,,,,
,,,,,
Area,Apprentice (P1),Engineer (P2),Senior Engineer (P3),,
Time in level,1-2 years,2-3 years,Several years,,
Craft,\"• Fixes small bugs\n• Writes tests\",\"1. Builds features\n2. Reviews code of\npeers with care\",\"- Designs services • Leads reviews\",,
,,,,,
Delivery,Ships with help,\"* Ships on time\n* Plans a sprint\",Plans quarters,,
";
    let mut set = SourceSet::new();
    set.insert("platform.csv", csv);
    let imported = rungs_core::import::csv::import(&set).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        imported.diagnostics.errors(),
        0,
        "{}",
        describe(&imported.diagnostics.sorted())
    );
    let t = &imported.framework.tracks[0];
    assert_eq!(t.title, "Platform Engineering Ladder");
    assert_eq!(
        t.description.as_deref(),
        Some("Last reviewed by the guild in spring.")
    );
    let summary: Vec<(&str, &str, Option<&str>, usize)> = t
        .levels
        .iter()
        .map(|l| {
            (
                l.id.as_str(),
                l.title.as_str(),
                l.grade.as_deref(),
                l.statements.len(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("apprentice", "Apprentice", Some("P1"), 3),
            ("engineer", "Engineer", Some("P2"), 4),
            ("senior-engineer", "Senior Engineer", Some("P3"), 3),
        ]
    );
    // A numbered item continued on the next line stays one statement.
    assert!(
        t.levels[1]
            .statements
            .iter()
            .any(|s| s.text == "Reviews code of peers with care")
    );
    // The indicator row is indicators, not statements; words are kept as words.
    assert_eq!(
        t.levels[0].indicators.tenure.as_ref().map(|r| r.min),
        Some(1.0)
    );
    assert_eq!(t.levels[2].indicators.tenure, None);
    assert_eq!(
        t.levels[2].indicators.tenure_words.as_deref(),
        Some("Several years"),
        "{:?}",
        t.levels[2].indicators
    );
    let areas: Vec<&str> = imported
        .framework
        .areas
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(areas, ["Craft", "Delivery"]);
    loads_clean(&imported.framework);
}

#[test]
fn a_csv_with_no_level_or_unnamed_levels_is_never_written_with_empty_ids() {
    let mut set = SourceSet::new();
    set.insert("empty.csv", "Area,Junior,Senior\nCraft,,\n");
    let imported = rungs_core::import::csv::import(&set);
    let text = match imported {
        Ok(i) => {
            assert!(i.framework.tracks.is_empty(), "{:?}", i.framework.tracks);
            describe(&i.diagnostics.sorted())
        }
        Err(e) => e.to_string(),
    };
    assert!(text.contains("no statement"), "{text}");

    let mut set = SourceSet::new();
    set.insert(
        "symbols.csv",
        "level,text\n—,You learn.\n***,You teach.\n—,You ask.\n",
    );
    let imported = rungs_core::import::csv::import(&set).unwrap_or_else(|e| panic!("{e}"));
    let t = &imported.framework.tracks[0];
    let ids: Vec<&str> = t.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["level-1", "level-2"]);
    assert_eq!(t.levels[0].statements.len(), 2);
    loads_clean(&imported.framework);
}

#[test]
fn csv_export_neutralises_formula_cells_unless_asked_to_keep_them() {
    use rungs_core::export::csv::{Formulas, to_csv, to_csv_with};
    let mut fw = rungs_core::load(&SourceSet::example())
        .unwrap_or_else(|e| panic!("{e}"))
        .framework;
    fw.tracks[0].levels[0].statements[0].text = "=HYPERLINK(\"http://evil\",\"x\")".into();
    let safe = to_csv(&fw).unwrap_or_else(|e| panic!("{e}"));
    assert!(safe.contains("'=HYPERLINK"), "{safe}");
    assert!(!safe.contains(",=HYPERLINK") && !safe.contains(",\"=HYPERLINK"));
    let kept = to_csv_with(&fw, Formulas::Keep).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        kept.contains("\"=HYPERLINK") && !kept.contains("'=HYPERLINK"),
        "{kept}"
    );
}

#[test]
fn csv_ranks_out_of_range_are_errors_with_row_and_column() {
    let mut set = SourceSet::new();
    set.insert(
        "eng.csv",
        "level,rank,text\nJunior,1,Writes tests.\nSenior,0,Designs services.\nStaff,-3,Sets direction.\nPrincipal,99999999999,Shapes strategy.\nFellow,two,Invents things.\n",
    );
    let imported = rungs_core::import::csv::import(&set).unwrap_or_else(|e| panic!("{e}"));
    let diags = imported.diagnostics.sorted();
    let ranks: Vec<_> = diags
        .iter()
        .filter(|d| d.message.contains("is not a whole number from 1"))
        .collect();
    assert_eq!(ranks.len(), 4, "{}", describe(&diags));
    assert!(
        ranks[0]
            .message
            .starts_with("row 3, column 2 (`rank`): rank `0`"),
        "{}",
        ranks[0].message
    );
    assert_eq!(ranks[0].span.as_ref().map(|s| s.line), Some(3));
    assert!(
        ranks
            .iter()
            .all(|d| d.severity == rungs_core::Severity::Error)
    );
}

#[test]
fn statement_links_survive_a_csv_round_trip() {
    let mut fw = rungs_core::load(&SourceSet::example())
        .unwrap_or_else(|e| panic!("{e}"))
        .framework;
    fw.tracks[0].levels[0].statements[0].links = vec![
        rungs_core::model::StatementLink {
            title: "Guide (v2) [draft]".into(),
            url: "https://docs.example/guide?a=1&b=(2)".into(),
        },
        rungs_core::model::StatementLink {
            title: "Second".into(),
            url: "https://docs.example/two".into(),
        },
    ];
    let csv = rungs_core::export::csv::to_csv(&fw).unwrap_or_else(|e| panic!("{e}"));
    let mut set = SourceSet::new();
    set.insert("ladder.csv", csv.clone());
    let imported = rungs_core::import::csv::import(&set).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        imported.diagnostics.errors(),
        0,
        "{}",
        describe(&imported.diagnostics.sorted())
    );
    let again =
        rungs_core::export::csv::to_csv(&imported.framework).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again, csv);
    let first = &imported.framework.tracks[0].levels[0].statements[0];
    assert_eq!(first.links, fw.tracks[0].levels[0].statements[0].links);
    // A cell that is not a link is an error, not silently dropped.
    let mut bad = SourceSet::new();
    bad.insert("bad.csv", "level,text,links\nL1,You learn.,just words\n");
    let imported = rungs_core::import::csv::import(&bad).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        imported.diagnostics.errors(),
        1,
        "{}",
        describe(&imported.diagnostics.sorted())
    );
}
