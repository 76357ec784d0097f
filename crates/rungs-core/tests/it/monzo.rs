//! The Monzo importer: counts from the source files at run time on Monzo's
//! public frameworks, and small frameworks of our own for prose levels,
//! inheritance by topic name, topic names that read alike, and levels beyond
//! `levels:`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rungs_core::export::native;
use rungs_core::import::monzo;
use rungs_core::model::{Framework, Track};
use rungs_core::{Severity, SourceSet};

use crate::support::{describe, json as to_value, shared_fixture};

/// The front matter of a Monzo file as generic data, parsed independently of
/// the importer's types.
fn matter(text: &str) -> serde_json::Value {
    let inner = text
        .strip_prefix("---\n")
        .and_then(|t| t.split_once("\n---"))
        .map(|(m, _)| m)
        .expect("a framework file has front matter");
    serde_saphyr::from_str(inner).unwrap_or_else(|e| panic!("{e}"))
}

/// Every `.md` file under `frameworks/`, with its path relative to it.
fn framework_files(dir: &Path) -> Vec<(String, String)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().and_then(|e| e.to_str()) == Some("md") {
                let rel = path
                    .strip_prefix(root)
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .expect("a file found under the root");
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
                out.push((rel, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&dir.join("frameworks"), &dir.join("frameworks"), &mut out);
    out.sort();
    out
}

fn track_id(rel: &str) -> String {
    rel.trim_end_matches(".md").replace('/', "-")
}

/// Statements a level shows as inherited, as the site renders them.
fn inherited_count(fw: &Framework, track: &Track, rank: u32) -> usize {
    let Some(level) = track.levels.iter().find(|l| l.rank == rank) else {
        return 0;
    };
    fw.inherited(track, level)
        .iter()
        .flat_map(|(_, l)| &l.statements)
        .filter(|s| track.inherits_area(&s.area))
        .count()
}

fn import(set: &SourceSet) -> rungs_core::import::Imported {
    let imported = monzo::import(set).unwrap_or_else(|e| panic!("{e}"));
    let diags = imported.diagnostics.clone().sorted();
    // Warnings, and errors only for parts of the source left out (which
    // `rungs import` refuses to write without --accept-loss).
    assert!(
        diags
            .iter()
            .all(|d| d.severity == Severity::Warning || d.code == rungs_core::Code::NotImported),
        "{}",
        describe(&diags)
    );
    // What was imported loads back as it is, without errors.
    let fw = &imported.framework;
    let loaded = rungs_core::load(&native::to_sources(fw)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        loaded.diagnostics.errors(),
        0,
        "{}",
        describe(&loaded.diagnostics.sorted())
    );
    assert_eq!(to_value(&loaded.framework), to_value(fw));
    imported
}

#[test]
fn monzo_public_frameworks_import_every_criterion_and_inherit_by_topic_name() {
    let Some(dir) = shared_fixture("monzo-progression-framework") else {
        return;
    };
    let sources = SourceSet::read_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let imported = import(&sources);
    let fw = &imported.framework;
    let files = framework_files(&dir);
    assert!(!files.is_empty());
    let generic: Vec<serde_json::Value> = files
        .iter()
        .filter(|(rel, _)| rel == "generic.md")
        .map(|(_, text)| matter(text))
        .collect();
    let topic_names = |m: &serde_json::Value| -> BTreeSet<String> {
        m["topics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t["name"].as_str().map(String::from))
            .collect()
    };
    let generic_names = generic
        .first()
        .map(topic_names)
        .expect("the fixture has generic.md");
    let mut all_names = BTreeSet::new();
    for (rel, text) in &files {
        let m = matter(text);
        let track = fw
            .track(&track_id(rel))
            .unwrap_or_else(|| panic!("no track for {rel}"));
        all_names.extend(topic_names(&m));
        // Statements and examples per level and topic, from the source.
        let mut expected: BTreeMap<(u64, String), (usize, usize)> = BTreeMap::new();
        for topic in m["topics"].as_array().into_iter().flatten() {
            let name = topic["name"]
                .as_str()
                .unwrap_or_else(|| panic!("{rel}: a topic without a name"))
                .to_string();
            for content in topic["content"].as_array().into_iter().flatten() {
                let level = content["level"]
                    .as_u64()
                    .unwrap_or_else(|| panic!("{rel}: criteria without a level"));
                let e = expected.entry((level, name.clone())).or_default();
                e.0 += content["criteria"].as_array().map_or(0, Vec::len);
                for ex in content["exampleCriteria"].as_array().into_iter().flatten() {
                    e.0 += 1;
                    e.1 += ex["examples"].as_array().map_or(0, Vec::len);
                }
            }
        }
        expected.retain(|_, (n, _)| *n > 0);
        let mut got: BTreeMap<(u64, String), (usize, usize)> = BTreeMap::new();
        for l in &track.levels {
            for s in &l.statements {
                // Areas are named after topics; the id is the topic name's slug.
                let e = got.entry((u64::from(l.rank), s.area.clone())).or_default();
                e.0 += 1;
                e.1 += s.examples.len();
            }
        }
        let expected_by_id: BTreeMap<(u64, String), (usize, usize)> = expected
            .into_iter()
            .map(|((l, n), v)| ((l, n.to_lowercase().replace(' ', "-")), v))
            .collect();
        assert_eq!(got, expected_by_id, "{rel}");
        // Levels: as declared, or up to the highest level with criteria.
        let highest = m["topics"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|t| t["content"].as_array().into_iter().flatten().cloned())
            .filter_map(|c| c["level"].as_u64())
            .max()
            .unwrap_or(0);
        assert_eq!(
            track.levels.len() as u64,
            m["levels"].as_u64().unwrap_or(0).max(highest),
            "{rel}"
        );
        // Inheritance: only topics whose names generic also has.
        if rel != "generic.md" {
            let shared: BTreeSet<String> = topic_names(&m)
                .intersection(&generic_names)
                .cloned()
                .collect();
            let inherited: BTreeSet<String> = track.extends_areas.iter().cloned().collect();
            assert_eq!(inherited, shared, "{rel}");
            for l in &track.levels {
                let expected: usize = generic
                    .iter()
                    .flat_map(|g| g["topics"].as_array().into_iter().flatten())
                    .filter(|t| {
                        shared.contains(t["name"].as_str().expect("generic's topics are named"))
                    })
                    .flat_map(|t| t["content"].as_array().into_iter().flatten().cloned())
                    .filter(|c| c["level"].as_u64() == Some(u64::from(l.rank)))
                    .map(|c| {
                        c["criteria"].as_array().map_or(0, Vec::len)
                            + c["exampleCriteria"].as_array().map_or(0, Vec::len)
                    })
                    .sum();
                assert_eq!(
                    inherited_count(fw, track, l.rank),
                    expected,
                    "{rel} level {}",
                    l.rank
                );
            }
        }
    }
    // One area per distinct topic name.
    assert_eq!(fw.all_areas().len(), all_names.len());
}

#[test]
fn prose_frameworks_become_levels_with_statements_per_paragraph() {
    let mut set = SourceSet::new();
    set.insert(
        "frameworks/design/research.md",
        "---
path: \"/design/research\"
title: \"🔎 Research Framework\"
yaml: false
levels:
---
Read this with your lead.

## Level 1

You are new to research at the company.

### Insight

You plan small studies with help and write down what you learn.

You share findings with your squad
within a week.

### Partnership

- You invite engineers to sessions.
- You ask for feedback on your plans.

---

## Level 2

### Insight

You run studies on your own.

| a | table |
|---|---|
| is | reported |

## Notes

Levels are reviewed every year.
",
    );
    let imported = import(&set);
    let fw = &imported.framework;
    let track = fw
        .track("design-research")
        .unwrap_or_else(|| panic!("no track"));
    assert_eq!(track.title, "Research");
    assert_eq!(track.extends, None);
    let counts: Vec<(u32, &str, usize)> = track
        .levels
        .iter()
        .map(|l| (l.rank, l.title.as_str(), l.statements.len()))
        .collect();
    assert_eq!(counts, [(1, "Level 1", 4), (2, "Level 2", 1)]);
    let level = &track.levels[0];
    assert_eq!(
        level.introduction.as_deref(),
        Some("You are new to research at the company.")
    );
    assert_eq!(
        level.statements[1].text,
        "You share findings with your squad within a week."
    );
    assert_eq!(level.statements[1].area, "insight");
    assert_eq!(
        level.statements[2].text,
        "You invite engineers to sessions."
    );
    assert_eq!(level.statements[2].area, "partnership");
    let areas: Vec<&str> = fw.areas.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(areas, ["Insight", "Partnership"]);
    // Text outside level sections is a page; the table is reported.
    let page = fw
        .pages
        .iter()
        .find(|p| p.id == "about-design-research")
        .unwrap_or_else(|| panic!("no page"));
    assert!(page.body.contains("Read this with your lead."));
    assert!(page.body.contains("## Notes") && page.body.contains("reviewed every year"));
    assert!(!page.body.contains("You run studies"));
    let text = describe(&imported.diagnostics.sorted());
    assert!(
        text.contains("research.md:33:") && text.contains("neither a paragraph nor a list"),
        "{text}"
    );
}

/// A generic framework with three topics, and a discipline sharing one.
const GENERIC: &str = "---
title: \"Generic Framework\"
levels: 2
topics:
  - name: \"craft\"
    title: \"🔨 Craft\"
    content:
      - level: 1
        criteria: [\"Learns the tools of the team\"]
      - level: 2
        criteria: [\"Picks the right tool\", \"Teaches the tools\"]
  - name: \"people\"
    title: \"People\"
    content:
      - level: 1
        criteria: [\"Is kind in reviews\"]
  - name: \"delivery\"
    title: \"🚚 Delivery\"
    content:
      - level: 2
        criteria: [\"Ships on time\"]
---
";

#[test]
fn generic_criteria_are_inherited_only_under_shared_topic_names() {
    let mut set = SourceSet::new();
    set.insert("frameworks/generic.md", GENERIC);
    set.insert(
        "frameworks/data.md",
        "---
title: \"Data Framework\"
levels: 2
topics:
  - name: \"craft\"
    content:
      - level: 1
        criteria: [\"Writes tested queries\"]
  - name: \"modelling\"
    title: \"Modelling\"
    content:
      - level: 2
        criteria: [\"Designs schemas others use\"]
---
",
    );
    set.insert(
        "frameworks/support.md",
        "---
title: \"Support Framework\"
levels: 1
topics:
  - name: \"empathy\"
    content:
      - level: 1
        criteria: [\"Listens first\"]
---
",
    );
    let imported = import(&set);
    let fw = &imported.framework;
    let data = fw.track("data").unwrap_or_else(|| panic!("no data"));
    assert_eq!(data.extends.as_deref(), Some("generic"));
    assert_eq!(data.extends_areas, ["craft"]);
    // Level 1 inherits "craft" only (not "people"); level 2 both craft criteria.
    assert_eq!(inherited_count(fw, data, 1), 1);
    assert_eq!(inherited_count(fw, data, 2), 2);
    // A framework sharing no topic inherits nothing.
    let support = fw.track("support").unwrap_or_else(|| panic!("no support"));
    assert_eq!(support.extends, None);
    // The shared topic takes generic's title, as on Monzo's site.
    assert!(
        fw.areas
            .iter()
            .any(|a| a.id == "craft" && a.title == "Craft")
    );
}

#[test]
fn topic_names_that_read_alike_stay_apart_with_a_warning() {
    let mut set = SourceSet::new();
    set.insert("frameworks/generic.md", GENERIC);
    set.insert(
        "frameworks/ops.md",
        "---
title: \"Ops Framework\"
levels: 1
topics:
  - name: \"Craft\"
    content:
      - level: 1
        criteria: [\"Runs the on-call rota\"]
  - name: \"shipping\"
    title: \"Delivery\"
    content:
      - level: 1
        criteria: [\"Plans releases\"]
---
",
    );
    let imported = import(&set);
    let fw = &imported.framework;
    let ops = fw.track("ops").unwrap_or_else(|| panic!("no ops"));
    let areas: Vec<&str> = ops.levels[0]
        .statements
        .iter()
        .map(|s| s.area.as_str())
        .collect();
    assert_eq!(areas, ["craft-2", "shipping"]);
    // `Craft` is not generic's `craft` (Monzo matches names exactly): no inheritance.
    assert_eq!(ops.extends, None);
    let titles: BTreeSet<&str> = fw.areas.iter().map(|a| a.title.as_str()).collect();
    assert!(
        titles.contains("Craft (Craft)") && titles.contains("Delivery (shipping)"),
        "{titles:?}"
    );
    let text = describe(&imported.diagnostics.sorted());
    assert!(
        text.contains("ops.md:5:")
            && text.contains("topic `Craft` is not topic `craft`")
            && text.contains("has the title \"Craft\" of topic `craft`"),
        "{text}"
    );
    assert!(
        text.contains("ops.md:9:")
            && text.contains("topic `shipping` has the title \"Delivery\" of topic `delivery`"),
        "{text}"
    );
}

#[test]
fn a_level_beyond_the_declared_count_is_kept_marked_and_reported() {
    let mut set = SourceSet::new();
    set.insert(
        "frameworks/web.md",
        "---
title: \"Web Framework\"
levels: 2
topics:
  - name: \"craft\"
    content:
      - level: 1
        criteria: [\"Builds pages\"]
      - level: 4
        criteria: [\"Sets the direction of the web platform\"]
      - level: 0
        criteria: [\"Before the first level\"]
---
",
    );
    let imported = import(&set);
    let track = &imported.framework.tracks[0];
    let ranks: Vec<u32> = track.levels.iter().map(|l| l.rank).collect();
    assert_eq!(ranks, [1, 2, 4]);
    let beyond = &track.levels[2];
    assert_eq!(beyond.statements.len(), 1);
    assert!(
        beyond
            .summary
            .as_deref()
            .is_some_and(|s| s.contains("levels: 2") && s.contains("does not show"))
    );
    assert!(track.levels[1].summary.is_none());
    let text = describe(&imported.diagnostics.sorted());
    assert!(
        text.contains("web.md:9:") && text.contains("level 4 is beyond `levels: 2`"),
        "{text}"
    );
    assert!(
        text.contains("web.md:11:") && text.contains("`level: 0` are not imported"),
        "{text}"
    );
}
