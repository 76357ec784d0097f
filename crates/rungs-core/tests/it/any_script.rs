//! Ladders written in any script: ids keep their letters, stay unique and
//! never empty, collisions are two things and a warning (never one merged
//! thing), and what is imported writes and reads back the same.

use std::collections::{BTreeSet, HashSet};

use proptest::prelude::*;
use rungs_core::export::native;
use rungs_core::model::{Framework, Statement};
use rungs_core::text::{is_valid_id, normalise, path_id_problem};
use rungs_core::{Code, SourceSet};

use crate::support::{describe, fixtures, json, load_dir};

fn read(dir: &str) -> SourceSet {
    let path = fixtures().join(dir);
    SourceSet::read_dir(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Writes the framework as native files, loads them, and checks that the
/// load has no error and gives back the same framework.
fn writes_and_reads_back(fw: &Framework) {
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    native::to_sources(fw)
        .write_to(out.path())
        .unwrap_or_else(|e| panic!("{e}"));
    let (_, loaded) = load_dir(out.path());
    assert_eq!(
        loaded.diagnostics.errors(),
        0,
        "{}",
        describe(&loaded.diagnostics.sorted())
    );
    assert_eq!(json(&loaded.framework), json(fw));
}

fn area_title<'a>(fw: &'a Framework, id: &str) -> &'a str {
    fw.all_areas()
        .into_iter()
        .find(|a| a.id == id)
        .map(|a| a.title.as_str())
        .unwrap_or_else(|| panic!("no area `{id}`"))
}

fn all_statements(fw: &Framework) -> Vec<&Statement> {
    let mut out = Vec::new();
    for level in fw.tracks.iter().flat_map(|t| &t.levels) {
        for s in &level.statements {
            s.visit(&mut |x| out.push(x));
        }
    }
    out
}

/// Every area id non-empty and unique; every track, level and page id a
/// file name; statement ids unique within their level.
fn ids_are_sound(fw: &Framework) {
    let mut seen = HashSet::new();
    for a in fw.all_areas() {
        assert!(is_valid_id(&a.id), "area id {:?} ({})", a.id, a.title);
        assert!(seen.insert(a.id.clone()), "area id {} twice", a.id);
    }
    for t in &fw.tracks {
        assert_eq!(path_id_problem(&t.id), None, "track {}", t.id);
        let mut levels = HashSet::new();
        for l in &t.levels {
            assert_eq!(path_id_problem(&l.id), None, "level {}", l.id);
            assert!(levels.insert(&l.id), "level {} twice", l.id);
            let mut ids = HashSet::new();
            for s in &l.statements {
                s.visit(&mut |x| assert!(ids.insert(x.id.clone()), "statement {} twice", x.id));
            }
        }
    }
    for p in &fw.pages {
        assert_eq!(path_id_problem(&p.id), None, "page {}", p.id);
    }
    assert!(rungs_core::import::check(fw).is_ok());
}

#[test]
fn a_japanese_hugo_ladder_keeps_its_letters_and_every_statement() {
    let site = read("import/hugo-ja");
    let imported = rungs_core::import::hugo::import(&site).unwrap_or_else(|e| panic!("{e}"));
    let diags = describe(&imported.diagnostics.clone().sorted());
    assert_eq!(imported.diagnostics.errors(), 0, "{diags}");
    let fw = &imported.framework;
    ids_are_sound(fw);

    // Areas are named by their letters, each its own.
    let tree: Vec<(&str, Vec<&str>)> = fw
        .areas
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.children.iter().map(|c| c.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        tree,
        [
            ("アカウンタビリティ", vec![]),
            ("信頼性", vec![]),
            ("機能別コンピテンシー", vec!["マネジメント", "人材育成"]),
            ("行動特性", vec![]),
            ("ユーザー理解", vec![]),
        ]
    );
    let tracks: Vec<(&str, Vec<&str>)> = fw
        .tracks
        .iter()
        .map(|t| {
            (
                t.id.as_str(),
                t.levels.iter().map(|l| l.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        tracks,
        [
            ("engineering", vec!["junior", "senior"]),
            ("デザイン", vec!["ジュニア", "シニア"]),
        ]
    );
    // Every bullet of every page is a statement, under the heading above it.
    for t in &fw.tracks {
        for l in &t.levels {
            let dir = if t.id == "engineering" {
                "engineering"
            } else {
                "デザイン"
            };
            let path = format!("content/docs/{dir}/{}.md", l.id);
            let text = site
                .get(&path)
                .unwrap_or_else(|| panic!("no {path}"))
                .text()
                .to_string();
            let bullets = text
                .lines()
                .filter(|x| x.trim_start().starts_with("* "))
                .count();
            let got: usize = l.statements.iter().map(Statement::count).sum();
            assert_eq!(got, bullets, "{path}");
            for s in &l.statements {
                let heading = format!("## {}", area_title(fw, &s.area));
                let (before, _) = text
                    .split_once(s.text.as_str())
                    .unwrap_or_else(|| panic!("{} not in {path}", s.text));
                let last_heading = before
                    .lines()
                    .rev()
                    .find(|x| x.starts_with("##"))
                    .unwrap_or_else(|| panic!("no heading before {}", s.text));
                assert_eq!(
                    last_heading.trim_start_matches('#'),
                    heading.trim_start_matches('#')
                );
            }
        }
    }
    // A `linktitle` is the level's short title for navigation.
    let junior = &fw.tracks[0].levels[0];
    assert_eq!(
        (junior.title.as_str(), junior.short_title.as_deref()),
        ("ジュニアエンジニア", Some("ジュニア"))
    );
    // Pages keep their letters, and links between them are rewritten.
    let pages: Vec<&str> = fw.pages.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(pages, ["よくある質問"]);
    assert!(
        fw.introduction
            .as_deref()
            .is_some_and(|i| i.contains("](pages/よくある質問.md)")),
        "{:?}",
        fw.introduction
    );
    assert!(
        fw.pages[0].body.contains("](../tracks/デザイン/シニア.md)"),
        "{}",
        fw.pages[0].body
    );
    writes_and_reads_back(fw);
}

#[test]
fn a_japanese_spreadsheet_keeps_its_areas_apart_and_its_indicators() {
    let imported =
        rungs_core::import::csv::import(&read("import/csv-ja")).unwrap_or_else(|e| panic!("{e}"));
    let diags = describe(&imported.diagnostics.clone().sorted());
    assert_eq!(imported.diagnostics.errors(), 0, "{diags}");
    let fw = &imported.framework;
    ids_are_sound(fw);
    let titles: Vec<&str> = fw.all_areas().iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "アカウンタビリティ",
            "信頼性",
            "人材育成",
            "メンタリング",
            "採用",
            "ユーザー理解"
        ]
    );
    // Each statement sits under the area of its row.
    let engineering = fw
        .tracks
        .iter()
        .find(|t| t.id == "エンジニア")
        .unwrap_or_else(|| panic!("no track エンジニア: {:?}", fw.tracks));
    assert_eq!(engineering.title, "エンジニアのキャリアラダー");
    let senior = &engineering.levels[2];
    assert_eq!(
        (senior.id.as_str(), senior.grade.as_deref()),
        ("シニア", Some("J3"))
    );
    let by_area: Vec<(&str, &str)> = senior
        .statements
        .iter()
        .map(|s| (area_title(fw, &s.area), s.text.as_str()))
        .collect();
    assert_eq!(
        by_area,
        [
            ("アカウンタビリティ", "複数のチームの成果に責任を持つ"),
            ("アカウンタビリティ", "障害の振り返りを主導する"),
            ("信頼性", "組織全体から技術的に信頼される"),
            ("メンタリング", "ミドルエンジニアのメンターを務める"),
            ("採用", "採用面接の質問を作る"),
        ]
    );
    // The tenure, experience and scope rows are indicators, not statements.
    let years = |l: usize| {
        let ind = &engineering.levels[l].indicators;
        (
            ind.tenure.map(|r| (r.min, r.max)),
            ind.experience.map(|r| (r.min, r.max)),
            ind.scope.clone(),
        )
    };
    assert_eq!(
        years(0),
        (
            Some((1.0, Some(2.0))),
            Some((0.0, Some(2.0))),
            Some("individual".to_string())
        )
    );
    assert_eq!(
        years(2),
        (
            Some((3.0, None)),
            Some((5.0, None)),
            Some("multi-team".to_string())
        )
    );
    assert!(!all_statements(fw).iter().any(|s| s.text.contains("1〜2")));
    // The second file's design track shares the areas by name; two statements
    // with the same first words have two ids.
    let design = fw
        .tracks
        .iter()
        .find(|t| t.id == "デザイン")
        .unwrap_or_else(|| panic!("no track デザイン"));
    assert_eq!(design.levels.len(), 2);
    let ids: Vec<&str> = design.levels[1]
        .statements
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(ids[0].starts_with("アカウンタビリティ-"), "{ids:?}");
    writes_and_reads_back(fw);
    // A CSV export imports back to the same CSV.
    let csv = rungs_core::export::csv::to_csv(fw).unwrap_or_else(|e| panic!("{e}"));
    let mut set = SourceSet::new();
    set.insert("again.csv", csv.clone());
    let again = rungs_core::import::csv::import(&set).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        rungs_core::export::csv::to_csv(&again.framework).unwrap_or_else(|e| panic!("{e}")),
        csv
    );
}

#[test]
fn names_that_make_one_id_are_two_things_and_a_warning() {
    // Areas, levels and tracks of a spreadsheet.
    let mut set = SourceSet::new();
    set.insert(
        "eng.csv",
        "track,level,area_path,text\nEng,Senior,Team-work,Pairs daily.\nEng,Senior!,Team work,Leads pairing.\nEng,Senior,People > Growth,Mentors one.\nEng,Senior,Craft > Growth,Learns a language.\nEng,Senior,W;,Waits.\nEng,Senior,W,Works.\n",
    );
    set.insert("ENG.csv", "Area,Senior\nCraft,Writes code.\n");
    let imported = rungs_core::import::csv::import(&set).unwrap_or_else(|e| panic!("{e}"));
    let sorted = imported.diagnostics.sorted();
    let diags = describe(&sorted);
    let fw = &imported.framework;
    ids_are_sound(fw);
    let ids: BTreeSet<&str> = fw.all_areas().iter().map(|a| a.id.as_str()).collect();
    for id in ["team-work", "team-work-2", "growth", "growth-2"] {
        assert!(ids.contains(id), "{ids:?}");
    }
    let track_ids: Vec<&str> = fw.tracks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(track_ids.len(), 2, "{track_ids:?}");
    let eng = fw
        .tracks
        .iter()
        .find(|t| t.levels.len() == 2)
        .unwrap_or_else(|| panic!("no track with both seniors: {track_ids:?}"));
    let levels: Vec<&str> = eng.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(levels, ["senior", "senior-2"]);
    for wanted in [
        "area `Team work` would have the id `team-work`, which another area has (`Team-work` at eng.csv:2)",
        "area `Growth` would have the id `growth`",
        "level `Senior!` would have the id `senior`",
        "track `",
    ] {
        assert!(diags.contains(wanted), "{wanted}: {diags}");
    }
    assert!(
        sorted
            .iter()
            .filter(|d| d.code == Code::DuplicateId)
            .all(|d| d.severity == rungs_core::Severity::Warning && d.span.is_some())
    );
    // An id may not be another area's name: `W;` does not keep the id `w`
    // that the heading `W` names.
    let under: Vec<(&str, &str)> = eng.levels[0]
        .statements
        .iter()
        .filter(|s| s.text.starts_with('W'))
        .map(|s| (s.text.as_str(), area_title(fw, &s.area)))
        .collect();
    assert_eq!(under, [("Waits.", "W;"), ("Works.", "W")]);
    assert!(
        !fw.all_areas().iter().any(|a| a.id == "w" && a.title != "W"),
        "{:?}",
        fw.all_areas()
    );
    writes_and_reads_back(fw);

    // Area headings and track folders of a Hugo site.
    let mut site = SourceSet::new();
    let level = |growth_under: &str| {
        format!(
            "---\ntitle: L\n---\n\n## People\n\n* Helps.\n\n### Growth\n\n* Mentors.\n\n## {growth_under}\n\n* Builds.\n\n### Growth\n\n* Learns.\n"
        )
    };
    for dir in ["development/fullstack", "quality/fullstack"] {
        site.insert(&format!("content/{dir}/one.md"), level("Craft"));
        site.insert(&format!("content/{dir}/two.md"), level("Craft"));
    }
    let imported = rungs_core::import::hugo::import(&site).unwrap_or_else(|e| panic!("{e}"));
    let diags = describe(&imported.diagnostics.clone().sorted());
    let fw = &imported.framework;
    ids_are_sound(fw);
    let tracks: Vec<&str> = fw.tracks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(tracks, ["fullstack", "quality-fullstack"], "{diags}");
    assert!(
        diags.contains("`content/development/fullstack` and `content/quality/fullstack` would both have the id `fullstack`"),
        "{diags}"
    );
    let ids: Vec<&str> = fw.all_areas().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["people", "growth", "craft", "growth-2"]);
    assert!(
        diags.contains("area `Growth` would have the id `growth`"),
        "{diags}"
    );
    writes_and_reads_back(fw);
}

/// Names as people write them, in any script: letters, marks, digits,
/// punctuation, symbols and spaces. `>` (a sub-area in a spreadsheet) and
/// ASCII brackets (a level code) are left to their own tests.
fn name() -> impl Strategy<Value = String> {
    "[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}]{1,12}".prop_filter("a name", |n| {
        !n.trim().is_empty() && !n.contains(['>', '(', ')', '\'']) && !n.trim().starts_with('"')
    })
}

/// A spreadsheet (matrix layout) with these area and level names, one
/// statement per cell naming its row and column.
fn matrix(areas: &[String], levels: &[String]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["Area".to_string()];
    header.extend(levels.iter().cloned());
    w.write_record(&header).unwrap_or_else(|e| panic!("{e}"));
    for (i, a) in areas.iter().enumerate() {
        let mut row = vec![a.clone()];
        row.extend((0..levels.len()).map(|j| format!("Statement {i} of column {j}.")));
        w.write_record(&row).unwrap_or_else(|e| panic!("{e}"));
    }
    String::from_utf8(w.into_inner().unwrap_or_else(|e| panic!("{e}"))).expect("CSV of UTF-8 text")
}

/// Names the spreadsheet reader gives another meaning: header words of the
/// row-per-statement layout, indicator rows.
fn reserved(n: &str) -> bool {
    let k = normalise(n).replace('_', " ");
    [
        "level",
        "level id",
        "text",
        "statement",
        "expectation",
        "criteria",
        "criterion",
        "behaviour",
        "behavior",
    ]
    .contains(&k.as_str())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn any_area_or_level_name_gives_a_unique_non_empty_id_and_round_trips(
        areas in prop::collection::vec(name(), 1..8),
        levels in prop::collection::vec(name(), 1..5),
    ) {
        prop_assume!(!levels.iter().any(|l| reserved(l)));
        let mut set = SourceSet::new();
        set.insert("ladder.csv", matrix(&areas, &levels));
        let imported = rungs_core::import::csv::import(&set)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Rows whose names read as indicator headings are indicators.
        let indicator = |n: &str| {
            rungs_core::import::csv::import(&{
                let mut s = SourceSet::new();
                s.insert("x.csv", format!("Area,L\n{},1-2\n", csv_cell(n)));
                s
            })
            .map(|i| i.framework.tracks.is_empty())
            .unwrap_or(true)
        };
        prop_assume!(!areas.iter().any(|a| indicator(a)));
        let fw = &imported.framework;
        prop_assert_eq!(imported.diagnostics.errors(), 0, "{}", describe(&imported.diagnostics.clone().sorted()));
        ids_are_sound(fw);
        // One area per distinct name, one level per column.
        let distinct: BTreeSet<String> = areas.iter().map(|a| normalise(a)).collect();
        prop_assert_eq!(fw.all_areas().len(), distinct.len());
        prop_assert_eq!(fw.tracks[0].levels.len(), levels.len());
        // Every statement is under the area of its row.
        for level in &fw.tracks[0].levels {
            for s in &level.statements {
                let row: usize = s.text.split(' ').nth(1).and_then(|n| n.parse().ok()).unwrap_or(usize::MAX);
                prop_assert_eq!(normalise(area_title(fw, &s.area)), normalise(&areas[row]));
            }
        }
        // import → export → import is identical.
        let loaded = rungs_core::load(&native::to_sources(fw)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(loaded.diagnostics.errors(), 0, "{}", describe(&loaded.diagnostics.sorted()));
        prop_assert_eq!(json(&loaded.framework), json(fw));
    }

    #[test]
    fn any_heading_of_a_hugo_ladder_gives_a_unique_non_empty_area_id(
        areas in prop::collection::vec(name(), 2..6),
    ) {
        // A heading naming indicators starts the indicators table; `{{` opens
        // a Hugo shortcode and `<` HTML, which Hugo reads as such.
        prop_assume!(!areas.iter().any(|a| normalise(a).contains("indicators") || a.contains("{{") || a.contains('<')));
        // A heading Markdown shows empty (`## #`) names nothing.
        prop_assume!(areas.iter().all(|a| !rungs_core::text::heading_text(&format!("## {}", a.trim())).trim().is_empty()));
        let mut body = String::from("---\ntitle: L\n---\n\n");
        for (i, a) in areas.iter().enumerate() {
            body.push_str(&format!("## {}\n\n* Statement {i}.\n\n", a.trim()));
        }
        let mut site = SourceSet::new();
        site.insert("content/docs/eng/one.md", body.clone());
        site.insert("content/docs/eng/two.md", body);
        let imported = rungs_core::import::hugo::import(&site)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let fw = &imported.framework;
        prop_assert_eq!(imported.diagnostics.errors(), 0, "{}", describe(&imported.diagnostics.clone().sorted()));
        ids_are_sound(fw);
        for level in &fw.tracks[0].levels {
            prop_assert_eq!(level.statements.len(), areas.len());
            for s in &level.statements {
                let row: usize = s.text.split(' ').nth(1).and_then(|n| n.trim_end_matches('.').parse().ok()).unwrap_or(usize::MAX);
                prop_assert_eq!(normalise(area_title(fw, &s.area)), normalise(&rungs_core::text::heading_text(&format!("## {}", areas[row].trim()))));
            }
        }
        let loaded = rungs_core::load(&native::to_sources(fw)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(loaded.diagnostics.errors(), 0, "{}", describe(&loaded.diagnostics.sorted()));
        prop_assert_eq!(json(&loaded.framework), json(fw));
    }

    #[test]
    fn slugs_of_any_text_are_file_names_or_empty(text in "\\PC{0,40}") {
        let s = rungs_core::text::slug(&text);
        prop_assert!(s.is_empty() || path_id_problem(&s).is_none(), "{:?} → {:?}", text, s);
        prop_assert_eq!(rungs_core::text::slug(&s), s.clone(), "a slug is its own slug");
    }
}

fn csv_cell(n: &str) -> String {
    format!("\"{}\"", n.replace('"', "\"\""))
}
