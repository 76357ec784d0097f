//! Version changelogs: identity by id, then by similarity.

use rungs_core::SourceSet;
use rungs_core::diff::{StatementChange, diff, to_markdown};

fn load(set: &SourceSet) -> rungs_core::Framework {
    let loaded = rungs_core::load(set).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.diagnostics.errors(), 0);
    loaded.framework
}

fn edit(set: &mut SourceSet, path: &str, from: &str, to: &str) {
    let text = set
        .get(path)
        .map(|f| f.text().to_string())
        .unwrap_or_else(|| panic!("no {path}"));
    assert!(text.contains(from), "{path}: {from}");
    set.insert(path, text.replacen(from, to, 1));
}

#[test]
fn a_framework_has_no_changes_against_itself() {
    let fw = load(&SourceSet::example());
    let log = diff(&fw, &fw);
    assert!(log.is_empty());
    assert_eq!(log.unchanged, fw.counts().statements);
}

#[test]
fn rewordings_moves_additions_and_removals_are_told_apart() {
    let old = SourceSet::example();
    let mut new = old.clone();
    // A typo fix in the first words changes the derived id: relinked by similarity.
    edit(
        &mut new,
        "tracks/engineering/senior.md",
        "You have deep knowledge of at least one area",
        "You have deep knowlege of at least one area",
    );
    // A statement with an explicit id moves to another level.
    edit(
        &mut new,
        "tracks/engineering/senior.md",
        "- You design components and services that other engineers build on, and you document the trade-offs you chose. {#designs-components}\n",
        "",
    );
    edit(
        &mut new,
        "tracks/engineering/staff.md",
        "## Craft\n",
        "## Craft\n- You design components and services that other engineers build on, and you document the trade-offs you chose. {#designs-components}\n",
    );
    // One added, one removed.
    edit(
        &mut new,
        "tracks/engineering/associate.md",
        "## Delivery\n",
        "## Delivery\n- You keep your tickets up to date.\n",
    );
    edit(
        &mut new,
        "tracks/engineering/principal.md",
        "- You develop staff engineers and coach managers on technical decisions.\n",
        "",
    );
    // A new level.
    new.insert(
        "tracks/engineering/fellow.md",
        "---\ntitle: Fellow\nrank: 7\n---\n\n## Craft\n- You invent what others build on.\n",
    );
    let log = diff(&load(&old), &load(&new));
    assert_eq!(log.levels_added, ["engineering/fellow"]);
    let kinds: Vec<&str> = log
        .statements
        .iter()
        .map(|c| match c {
            StatementChange::Added { .. } => "added",
            StatementChange::Removed { .. } => "removed",
            StatementChange::Reworded { .. } => "reworded",
            StatementChange::Moved { .. } => "moved",
            StatementChange::Split { .. } => "split",
            StatementChange::Merged { .. } => "merged",
            StatementChange::Examples { .. } => "examples",
        })
        .collect();
    let count = |k: &str| kinds.iter().filter(|x| **x == k).count();
    assert_eq!(
        (
            count("added"),
            count("removed"),
            count("reworded"),
            count("moved")
        ),
        (2, 1, 1, 1),
        "{kinds:?}"
    );
    let reworded = log.statements.iter().find_map(|c| match c {
        StatementChange::Reworded {
            old_id,
            new_id,
            diff,
            ..
        } => Some((old_id.clone(), new_id.clone(), diff.clone())),
        _ => None,
    });
    let Some((old_id, new_id, parts)) = reworded else {
        panic!("no rewording in {kinds:?}")
    };
    assert_ne!(
        old_id, new_id,
        "the derived id changed, the identity did not"
    );
    assert!(
        parts
            .iter()
            .any(|p| p.op == "added" && p.text.contains("knowlege"))
    );
    let moved = log.statements.iter().find_map(|c| match c {
        StatementChange::Moved {
            from, to, new_id, ..
        } => Some((from.level.clone(), to.level.clone(), new_id.clone())),
        _ => None,
    });
    assert_eq!(
        moved,
        Some(("senior".into(), "staff".into(), "designs-components".into()))
    );
    let md = to_markdown(&log, "v1", "v2");
    assert!(
        md.contains("## engineering › Staff Engineer") && md.contains("Moved from Senior Engineer"),
        "{md}"
    );
}

#[test]
fn large_frameworks_diff_by_id_without_quadratic_work() {
    let input = |tracks: usize| {
        let a = rungs_core::synth::generate(rungs_core::synth::SynthOptions {
            tracks,
            levels: 10,
            seed: 5,
        });
        let mut b = a.clone();
        b.tracks[3].levels[4].statements[0]
            .text
            .push_str(" Also in writing.");
        (a, b)
    };
    let (a, log) = crate::support::assert_linear(40 / 8, "tracks", input, |(a, b)| {
        let log = diff(&a, &b);
        (a, log)
    });
    assert_eq!(log.statements.len(), 1);
    assert_eq!(log.unchanged, a.counts().statements - 1);
}

#[test]
fn examples_added_removed_and_reworded_are_reported() {
    let old = SourceSet::example();
    let mut new = old.clone();
    let path = "tracks/engineering/senior.md";
    let text = old
        .get(path)
        .map(|f| f.text().to_string())
        .unwrap_or_else(|| panic!("no {path}"));
    let example = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("- Example: "))
        .unwrap_or_else(|| panic!("{path} has no example"))
        .to_string();
    edit(
        &mut new,
        path,
        &format!("- Example: {example}"),
        "- Example: you write the proposal down for the whole team",
    );
    let log = diff(&load(&old), &load(&new));
    let found: Vec<&StatementChange> = log
        .statements
        .iter()
        .filter(|c| matches!(c, StatementChange::Examples { .. }))
        .collect();
    assert_eq!(found.len(), 1, "{:?}", log.statements);
    let StatementChange::Examples { added, removed, .. } = found[0] else {
        panic!("not an examples change")
    };
    assert_eq!(added, &["you write the proposal down for the whole team"]);
    assert_eq!(removed, &[example]);
    assert_eq!(log.unchanged, load(&old).counts().statements - 1);
    let md = to_markdown(&log, "v1", "v2");
    assert!(
        md.contains("Examples changed") && md.contains("added “you write"),
        "{md}"
    );
}

#[test]
fn markdown_keeps_spaces_around_highlighted_words() {
    let old = SourceSet::example();
    let mut new = old.clone();
    edit(
        &mut new,
        "tracks/engineering/senior.md",
        "thoroughly, kindly and quickly",
        "thoroughly, kindly and very quickly",
    );
    let md = to_markdown(&diff(&load(&old), &load(&new)), "v1", "v2");
    assert!(md.contains("and **very** quickly"), "{md}");
}

#[test]
fn settings_a_reader_sees_are_in_the_changelog() {
    let old = SourceSet::example();
    let mut new = old.clone();
    let path = "tracks/engineering/senior.md";
    edit(
        &mut new,
        path,
        "title: Senior Engineer",
        "title: Senior Software Engineer",
    );
    edit(&mut new, path, "tenure: 2-3 years", "tenure: 2-4 years");
    edit(&mut new, path, "craft: 50-60%", "craft: 45-55%");
    edit(&mut new, "rungs.toml", "title = \"", "title = \"New ");
    let log = diff(&load(&old), &load(&new));
    let found: Vec<(&str, &str, &str, &str)> = log
        .settings
        .iter()
        .map(|c| (c.of.as_str(), c.field, c.old.as_str(), c.new.as_str()))
        .collect();
    assert!(
        found.contains(&(
            "engineering/senior",
            "title",
            "Senior Engineer",
            "Senior Software Engineer"
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&("engineering/senior", "tenure", "2-3 years", "2-4 years")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(of, field, old, new)| *of == "engineering/senior"
                && *field == "time split"
                && old.contains("craft: 50-60%")
                && new.contains("craft: 45-55%")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(of, field, _, new)| *of == "framework"
            && *field == "title"
            && new.starts_with("New ")),
        "{found:?}"
    );
    // No statement changed.
    assert!(log.statements.is_empty(), "{:?}", log.statements);
    assert!(!log.is_empty());
    let md = to_markdown(&log, "v1", "v2");
    assert!(
        md.contains("engineering/senior tenure: “2-3 years” → “2-4 years”"),
        "{md}"
    );
}
