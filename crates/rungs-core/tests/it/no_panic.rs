//! Arbitrary text, in the places each importer and the loader read, never
//! makes them panic: they answer with a framework and diagnostics, or an
//! error. The generated texts mix the markup these formats use (front
//! matter, headings, bullets, tables, YAML keys, CSV cells) with arbitrary
//! Unicode, including characters whose lowercase is longer than they are.

use proptest::prelude::*;
use rungs_core::SourceSet;

/// Pieces of the formats' syntax and text that trips byte offsets.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\n".to_string()),
        Just("+++\n".to_string()),
        Just("title: ".to_string()),
        Just("rank: 2\n".to_string()),
        Just("## ".to_string()),
        Just("### Competencies\n".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("  - ".to_string()),
        Just("**Name**: ".to_string()),
        Just("{#x}".to_string()),
        Just("<table><tr><td>Tenure</td><td>İstanbul 2 years</td></tr></table>\n".to_string()),
        Just("| a | b |\n|---|---|\n".to_string()),
        Just("{{% include \"x.md\" %}}\n".to_string()),
        Just("levels:\n  - id: a\n    title: A\n".to_string()),
        Just("matrix:\n  craft:\n    a: [x]\n".to_string()),
        Just("competencies:\n  - summary: x\n".to_string()),
        Just("topics:\n  - name: T\n".to_string()),
        Just("level,text,area\n".to_string()),
        Just("\"a,b\",\"c\n".to_string()),
        Just("İİİ ẞ ﬁ ǅ".to_string()),
        Just("\n".to_string()),
        "\\PC{0,12}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|p| p.concat())
}

/// A level page the Hugo importer recognises, so what follows reaches the
/// deeper parts of it (indicators, tables).
const HUGO_LEVEL: &str = "---\ntitle: L\nweight: 1\n---\n\n## Core\n\n- a.\n\n## Traits\n\n- b.\n\n## Broad Indicators\n";

/// Where each format reads its files, and what each file starts with.
fn layouts() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            "hugo",
            vec![
                ("config.toml", ""),
                ("content/docs/_index.md", ""),
                ("content/docs/eng/junior.md", HUGO_LEVEL),
                ("content/docs/eng/senior.md", HUGO_LEVEL),
            ],
        ),
        (
            "monzo",
            vec![
                ("frameworks/backend/_index.md", ""),
                (
                    "frameworks/backend/backend.md",
                    "---\ntitle: Backend\nlevels: 2\n",
                ),
                ("frameworks/generic/generic.md", ""),
            ],
        ),
        ("ft", vec![("data/job-families/engineering.yml", "")]),
        ("csv", vec![("ladder.csv", "level,area,text\n")]),
        ("json", vec![("framework.json", "")]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_importer_panics_on_arbitrary_text(texts in prop::collection::vec(text(), 4)) {
        for (name, paths) in layouts() {
            let format = rungs_core::import::format(name)
                .unwrap_or_else(|| panic!("no format {name}"));
            let mut set = SourceSet::new();
            for ((path, start), text) in paths.iter().zip(texts.iter().cycle()) {
                set.insert(path, format!("{start}{text}"));
            }
            // Either answer is fine; a panic fails the test.
            let _ = format.import(&set);
        }
    }

    #[test]
    fn loading_never_panics_on_arbitrary_text(texts in prop::collection::vec(text(), 4)) {
        let mut set = SourceSet::new();
        set.insert("rungs.toml", format!("title = \"T\"\n[[areas]]\ntitle = \"Craft\"\n{}", texts[0]));
        set.insert("tracks/eng/_index.md", texts[1].clone());
        set.insert("tracks/eng/senior.md", format!("---\ntitle: S\nrank: 1\n---\n## Craft\n{}", texts[2]));
        set.insert("tracks/ops.yaml", texts[3].clone());
        if let Ok(loaded) = rungs_core::load(&set) {
            // Every diagnostic names a place that exists.
            for d in loaded.diagnostics.sorted() {
                if let Some(span) = &d.span {
                    prop_assert!(set.get(&span.file).is_some(), "{:?}", d);
                }
            }
        }
    }
}

#[test]
fn a_dotted_capital_i_in_hugo_indicators_does_not_panic() {
    // "İ" lowercases to a longer text: offsets taken on a lowercased copy
    // used to slice the original in the middle of a character.
    let mut set = SourceSet::new();
    set.insert("config.toml", "title = \"T\"\n");
    set.insert("content/docs/_index.md", "---\ntitle: Careers\n---\n");
    set.insert("content/docs/eng/_index.md", "---\ntitle: Eng\n---\n");
    set.insert(
        "content/docs/eng/junior.md",
        "---\ntitle: Junior\nweight: 0\n---\n\n## Core\n\n- You learn.\n\n## Traits\n\n- You ask.\n",
    );
    set.insert(
        "content/docs/eng/senior.md",
        "---\ntitle: Senior\nweight: 1\n---\n\n## Core\n\n- You ship.\n\n## Traits\n\n- You teach.\n\n## Broad Indicators\nİİİİ İstanbul İİİİ\n<table>\n<tr>\n<td>Tenure İİ</td>\n<td>2 years</td>\n</tr>\n<tr>\n<td>Scope</td>\n<td>İİİİİİİİİİİİ team</td>\n</tr>\n</table>\n",
    );
    let imported = rungs_core::import::hugo::import(&set).unwrap_or_else(|e| panic!("{e}"));
    let level = imported
        .framework
        .tracks
        .iter()
        .flat_map(|t| &t.levels)
        .find(|l| l.title == "Senior")
        .unwrap_or_else(|| panic!("no Senior level in {:?}", imported.framework.tracks));
    assert_eq!(level.statements.len(), 2);
}
