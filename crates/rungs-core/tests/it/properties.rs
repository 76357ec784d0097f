//! Property tests with large generated inputs: whatever a ladder file holds,
//! loading and importing never panic, no id that reaches a path can leave
//! its folder, and the output stays within a fixed multiple of the input.

use proptest::prelude::*;
use rungs_core::join_inside;
use rungs_core::text::path_id_problem;
use rungs_core::{Code, SourceSet};

const CONFIG: &str = "title = \"P\"\n\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n";

/// Ids an attacker or a careless author might write.
fn hostile_id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9][a-z0-9-]{0,20}",
        Just("../../../../x".to_string()),
        Just("/etc/passwd".to_string()),
        Just("..".to_string()),
        Just("a/b".to_string()),
        Just("a\\\\b".to_string()),
        Just("Senior_Engineer".to_string()),
        Just("x".repeat(101)),
        Just("-leading".to_string()),
        "\\PC{1,12}",
    ]
}

/// A level body of bullets nested at random depths (up to 40).
fn nested_body() -> impl Strategy<Value = String> {
    prop::collection::vec((0usize..40, "[a-z]{1,8}( [a-z]{1,8}){0,5}"), 1..600).prop_map(|items| {
        let mut body = String::from("---\ntitle: L\nrank: 1\n---\n\n## Craft\n\n");
        let mut depth = 0usize;
        for (want, text) in items {
            // Markdown nests one level at a time.
            depth = want.min(depth + 1);
            body.push_str(&"  ".repeat(depth));
            body.push_str("- ");
            body.push_str(&text);
            body.push('\n');
        }
        body
    })
}

fn all_ids(statements: &[rungs_core::model::Statement]) -> usize {
    let mut bytes = 0;
    let mut todo: Vec<_> = statements.iter().collect();
    while let Some(s) = todo.pop() {
        bytes += s.id.len();
        todo.extend(&s.children);
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn deep_random_nesting_loads_within_bounds(body in nested_body()) {
        let mut set = SourceSet::new();
        set.insert("rungs.toml", CONFIG);
        set.insert("tracks/eng/l.md", body.clone());
        let loaded = rungs_core::load(&set).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let level = &loaded.framework.tracks[0].levels[0];
        prop_assert!(rungs_core::ids::depth(&level.statements) <= rungs_core::ids::MAX_DEPTH);
        // Ids repeat their ancestors' at most 8 times over.
        prop_assert!(all_ids(&level.statements) <= 20 * body.len());
        let exported: usize = rungs_core::export::native::to_sources(&loaded.framework)
            .iter()
            .map(|f| f.bytes().len())
            .sum();
        prop_assert!(exported <= 20 * body.len() + 10_000, "{exported} bytes from {}", body.len());
    }

    #[test]
    fn no_hostile_id_reaches_a_path_unreported(
        ids in prop::collection::vec(hostile_id(), 1..30),
        page in hostile_id(),
    ) {
        let mut yaml = String::from("title: T\nlevels:\n");
        for (i, id) in ids.iter().enumerate() {
            yaml.push_str(&format!("  - id: {}\n    rank: {}\n", serde_json::to_string(id).expect("a string serialises"), i + 1));
        }
        let mut set = SourceSet::new();
        set.insert("rungs.toml", CONFIG);
        set.insert("tracks/t.yaml", yaml);
        set.insert(&format!("pages/{}.md", page.replace('/', "-")), "---\ntitle: P\n---\nText.\n");
        let loaded = rungs_core::load(&set).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let fw = &loaded.framework;
        let invalid = loaded.diagnostics.iter().filter(|d| d.code == Code::InvalidId && d.message.contains("cannot be used")).count();
        let bad = fw.tracks.iter().flat_map(|t| t.levels.iter().map(|l| &l.id))
            .chain(fw.pages.iter().map(|p| &p.id))
            .filter(|id| path_id_problem(id).is_some())
            .count();
        prop_assert_eq!(invalid, bad);
        // The import check agrees, and a clean framework writes only safe paths.
        let reserved = fw.tracks.iter().flat_map(|t| &t.levels)
            .filter(|l| l.id == "index" || l.id == "matrix")
            .count();
        prop_assert_eq!(rungs_core::import::check(fw).is_ok(), bad + reserved == 0);
        if bad == 0 {
            for f in rungs_core::export::native::to_sources(fw).iter() {
                prop_assert!(join_inside(std::path::Path::new("/out"), &f.path).is_ok(), "{}", f.path);
            }
        }
    }

    #[test]
    fn csv_of_any_shape_imports_without_panic_and_with_bounded_findings(
        columns in 1usize..3000,
        rows in prop::collection::vec(prop::collection::vec("[a-zA-Z ./]{0,6}", 0..8), 0..400),
        statement_layout in any::<bool>(),
    ) {
        let mut text = String::new();
        if statement_layout {
            text.push_str("level,area,text");
            for i in 0..columns { text.push_str(&format!(",extra {i}")); }
        } else {
            text.push_str("area");
            for i in 0..columns.min(200) { text.push_str(&format!(",Level {i}")); }
        }
        text.push('\n');
        for row in &rows {
            text.push_str(&row.join(","));
            text.push('\n');
        }
        let mut set = SourceSet::new();
        set.insert("x.csv", text);
        if let Ok(imported) = rungs_core::import::csv::import(&set) {
            // One finding per row at most, plus one for the header.
            prop_assert!(imported.diagnostics.iter().count() <= rows.len() + 2);
            prop_assert!(rungs_core::import::check(&imported.framework).is_ok());
        }
    }
}
