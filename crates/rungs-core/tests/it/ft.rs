//! The FT importer: every key of FT's job-family schema is read, counted
//! from the source files at run time, on FT's public data and on a job family
//! of our own that sets every key.

use std::collections::BTreeMap;
use std::path::Path;

use rungs_core::export::{json, native};
use rungs_core::import::ft;
use rungs_core::{Code, Framework, Severity, SourceSet};

use crate::support::{describe, fixtures, json as to_value, shared_fixture};

/// A YAML document as generic data, parsed independently of the importer's types.
fn yaml(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("{e}"))
}

/// What the source says, per `level/theme`: competencies, examples, links.
type Tally = BTreeMap<String, (usize, usize, usize)>;

fn tally_source(dir: &Path) -> Tally {
    let mut out = Tally::new();
    let families = dir.join("data/job-families");
    let entries = std::fs::read_dir(&families).unwrap_or_else(|e| panic!("{e}"));
    let mut seen = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("yml") {
            continue;
        }
        seen += 1;
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        for c in yaml(&text)["competencies"].as_array().into_iter().flatten() {
            let key = format!(
                "{}/{}",
                c["level"].as_str().expect("a competency has a level"),
                c["theme"].as_str().expect("a competency has a theme")
            );
            let e = out.entry(key).or_default();
            e.0 += 1;
            e.1 += c["examples"].as_array().map_or(0, Vec::len);
            e.2 += c["supportingUrls"].as_array().map_or(0, Vec::len);
        }
    }
    assert!(seen > 0, "no job family in {}", families.display());
    out
}

fn tally_import(fw: &Framework) -> Tally {
    let mut out = Tally::new();
    for t in &fw.tracks {
        for l in &t.levels {
            for s in &l.statements {
                let e = out.entry(format!("{}/{}", l.id, s.area)).or_default();
                e.0 += s.count();
                e.1 += s.examples.len();
                e.2 += s.links.len();
            }
        }
    }
    out
}

/// Imports `dir`, checks the counts against the source and that the result
/// survives the native format and JSON unchanged.
fn import_and_check(dir: &Path) -> rungs_core::import::Imported {
    let sources = SourceSet::read_dir(dir).unwrap_or_else(|e| panic!("{e}"));
    let imported = ft::import(&sources).unwrap_or_else(|e| panic!("{e}"));
    let diags = imported.diagnostics.clone().sorted();
    assert!(
        diags.iter().all(|d| d.severity == Severity::Warning),
        "{}",
        describe(&diags)
    );
    let source = tally_source(dir);
    assert!(!source.is_empty());
    assert_eq!(tally_import(&imported.framework), source);
    let fw = &imported.framework;
    let loaded = rungs_core::load(&native::to_sources(fw)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        loaded.diagnostics.errors(),
        0,
        "{}",
        describe(&loaded.diagnostics.sorted())
    );
    assert_eq!(to_value(&loaded.framework), to_value(fw));
    let back = json::from_json(&json::to_json(fw)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(to_value(&back), to_value(fw));
    imported
}

#[test]
fn ft_public_data_imports_every_competency_example_and_link() {
    let Some(dir) = shared_fixture("ft-engineering-progression") else {
        return;
    };
    import_and_check(&dir);
}

#[test]
fn a_job_family_with_every_schema_key_imports_all_of_it() {
    let imported = import_and_check(&fixtures().join("import/ft-platform"));
    let fw = &imported.framework;
    let statement = |id: &str| {
        fw.tracks
            .iter()
            .flat_map(|t| &t.levels)
            .flat_map(|l| &l.statements)
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("no statement {id}"))
    };
    let first = statement("3f2b8c1e-7a4d-4e2f-9b1c-0d5e6f7a8b90");
    let links: Vec<(&str, &str)> = first
        .links
        .iter()
        .map(|l| (l.title.as_str(), l.url.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            (
                "Incident runbook template",
                "https://example.org/runbooks/template"
            ),
            (
                "Why we page early [blog]",
                "https://example.org/blog/page-early?from=ladder&lang=en"
            ),
        ]
    );
    assert_eq!(first.name.as_deref(), Some("Awareness"));
    assert_eq!(
        first.text,
        "Follows the runbook during an incident and asks for help early."
    );
    // Theme summaries become area descriptions; a theme without one has none.
    let area = |id: &str| fw.areas.iter().find(|a| a.id == id);
    assert!(area("reliability").is_some_and(|a| a.description.as_deref()
        == Some("Keeps the platform available and recovers it quickly when something breaks.")));
    assert!(area("stewardship").is_some_and(|a| a.description.is_none()));
    // The manager variant branches off at the lead rank.
    let pm = fw
        .track("platform-people-manager")
        .unwrap_or_else(|| panic!("no manager track"));
    assert_eq!(pm.branch.as_ref().map(|b| b.rank), Some(3));
    // The level page writes the links as nested bullets, escaped.
    let files = native::to_sources(fw);
    let page = files
        .iter()
        .find(|f| &*f.path == "tracks/platform/associate.md")
        .unwrap_or_else(|| panic!("no associate page"));
    assert!(
        page.text()
            .contains("  - Link: [Why we page early \\[blog\\]](https://example.org/blog/page-early?from=ladder\\&lang=en)\n"),
        "{}",
        page.text()
    );
    assert!(json::to_json(fw).contains("\"links\""));
    // Only googleSheetId is reported: `isLegacy: false` needs no word.
    let diags = imported.diagnostics.clone().sorted();
    assert_eq!(diags.len(), 1, "{}", describe(&diags));
    assert!(
        describe(&diags).contains("platform.yml:7:") && diags[0].message.contains("googleSheetId"),
        "{}",
        describe(&diags)
    );
}

#[test]
fn keys_outside_the_schema_are_warnings_at_their_line_and_lose_nothing_else() {
    let family = "\
name: Data
summary: Data engineers.
levels:
  - id: one
    name: One
    owner: platform-guild
owner: data-guild
themes:
  - id: craft
    name: Craft
    colour: blue
competencies:
  - id: 00000000-0000-4000-8000-000000000001
    level: one
    theme: craft
    summary: Builds pipelines.
    proficiency: Practitioner
    weight: 3
    supportingUrls:
      - label: Pipelines
        url: https://example.org/pipelines
        archived: true
  - id: 00000000-0000-4000-8000-000000000002
    level: one
    theme: craft
    proficiency: Awareness
  - level: one
    theme: craft
    summary: Reads the data catalogue.
    proficiency: Awareness
  - id: 00000000-0000-4000-8000-000000000004
    level: one
    summary: No theme here.
  - id: 00000000-0000-4000-8000-000000000005
    level: one
    theme: craft
    summary: Has a link without a URL.
    supportingUrls:
      - label: Nowhere
";
    let mut set = SourceSet::new();
    set.insert("data/job-families/data.yml", family);
    let imported = ft::import(&set).unwrap_or_else(|e| panic!("{e}"));
    let text = describe(&imported.diagnostics.clone().sorted());
    // Unknown keys are warnings; the competencies and links that cannot be
    // placed are errors (left out, so `rungs import` needs --accept-loss).
    let diags = imported.diagnostics.clone().sorted();
    assert!(imported.diagnostics.errors() > 0, "{text}");
    assert!(
        diags
            .iter()
            .all(|d| d.severity == rungs_core::Severity::Warning
                || (d.code == rungs_core::Code::NotImported
                    && d.message.contains("is not imported"))),
        "{text}"
    );
    assert!(
        diags
            .iter()
            .filter(|d| d.message.contains("is not part of FT's job-family schema"))
            .all(|d| d.severity == rungs_core::Severity::Warning),
        "{text}"
    );
    for (line, key) in [
        // The family's `owner`, not the level's one above it.
        (7, "owner"),
        (6, "owner"),
        (11, "colour"),
        (18, "weight"),
        (22, "archived"),
    ] {
        assert!(
            text.contains(&format!("data.yml:{line}:"))
                && text.contains(&format!("`{key}`"))
                && text.contains("not part of FT's job-family schema"),
            "{key} at line {line}:\n{text}"
        );
    }
    assert!(
        text.contains("data.yml:23:") && text.contains("has no `summary`"),
        "{text}"
    );
    assert!(
        text.contains("data.yml:31:") && text.contains("has no `level` or no `theme`"),
        "{text}"
    );
    assert!(
        text.contains("data.yml:38:") && text.contains("has no `url`") && text.contains("Nowhere"),
        "{text}"
    );
    // The competency with its unknown keys is imported, link and all; the
    // one without an id gets a derived id.
    let level = &imported.framework.tracks[0].levels[0];
    assert_eq!(level.statements.len(), 3, "{text}");
    assert_eq!(level.statements[0].links.len(), 1);
    assert!(!level.statements[1].explicit_id && !level.statements[1].id.is_empty());
    assert!(
        imported
            .diagnostics
            .iter()
            .all(|d| d.code == Code::NotImported)
    );
}
