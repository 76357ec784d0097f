//! The Hugo importer on GitLab handbook career matrices: the shared fixture
//! (when present), counted from its Markdown at run time, and small sites of
//! our own written in the same conventions.

use std::collections::BTreeMap;
use std::path::Path;

use rungs_core::export::native;
use rungs_core::import::hugo::import;
use rungs_core::model::{Framework, Level, Statement, Track};
use rungs_core::{Code, SourceSet};

use crate::support::{describe, shared_fixture};

const MATRIX: &str = "content/handbook/engineering/careers/matrix";
const GROWTH: [&str; 4] = ["Accountability", "Credibility", "Autonomy", "Team building"];

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The page body after its front matter.
fn body(text: &str) -> &str {
    text.splitn(3, "---\n")
        .nth(2)
        .expect("a page has front matter")
}

/// `1.` items per `##` heading, text whitespace-normalised, straight from the source.
fn numbered_items(text: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut heading = String::new();
    for line in body(text).lines() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix("## ") {
            heading = h.trim().to_string();
        } else if t.starts_with('#') {
            heading = String::new();
        } else if let Some(item) = t.strip_prefix("1. ")
            && !heading.is_empty()
        {
            out.entry(heading.clone()).or_default().push(words(item));
        }
    }
    out
}

/// The paragraphs under the page's first `##` heading, up to the next heading.
fn opening_paragraphs(text: &str) -> Vec<String> {
    let section = body(text)
        .split("\n## ")
        .nth(1)
        .expect("a level page has a `##` heading");
    let section = section
        .split("\n#")
        .next()
        .expect("a split has a first part");
    section
        .split("\n\n")
        .skip(1)
        .map(words)
        .filter(|p| !p.is_empty() && !p.starts_with("{{"))
        .collect()
}

fn area_title<'a>(fw: &'a Framework, id: &str) -> &'a str {
    fw.all_areas()
        .into_iter()
        .find(|a| a.id == id)
        .map(|a| a.title.as_str())
        .unwrap_or_else(|| panic!("no area {id}"))
}

fn top_texts(fw: &Framework, level: &Level, area: &str) -> Vec<String> {
    level
        .statements
        .iter()
        .filter(|s| area_title(fw, &s.area) == area)
        .map(|s| words(&s.text))
        .collect()
}

fn track<'a>(fw: &'a Framework, id: &str) -> &'a Track {
    fw.tracks
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("no track {id}"))
}

fn count_all(statements: &[Statement]) -> usize {
    statements.iter().map(Statement::count).sum()
}

/// Writes the framework and loads it back like `rungs check`: no errors allowed.
fn check_written(fw: &Framework) {
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    native::to_sources(fw)
        .write_to(out.path())
        .unwrap_or_else(|e| panic!("{e}"));
    let (_, loaded) = crate::support::load_dir(out.path());
    assert_eq!(
        loaded.diagnostics.errors(),
        0,
        "{}",
        describe(&loaded.diagnostics.sorted())
    );
    assert_eq!(loaded.framework.counts(), fw.counts());
}

#[test]
fn gitlab_handbook_infrastructure_imports_completely() {
    let Some(site) = shared_fixture("gitlab-handbook-careers") else {
        return;
    };
    let sources = SourceSet::read_dir(&site).unwrap_or_else(|e| panic!("{e}"));
    let imported = import(&sources).unwrap_or_else(|e| panic!("{e}"));
    let fw = &imported.framework;
    // Nothing of the ladder is left out: what is reported (includes whose
    // files are not in the copy, levels listed without a page, the
    // malformed shortcode) loses nothing the copy holds.
    assert_eq!(imported.diagnostics.errors(), 0);
    let diags = describe(&imported.diagnostics.sorted());
    let infra_dir = site.join(MATRIX).join("infrastructure");

    // Level order: the numbered list of the index that names the level pages.
    let index = read(&infra_dir.join("_index.md"));
    let mut lists: Vec<Vec<(String, String)>> = vec![Vec::new()]; // (name, slug)
    for line in index.lines() {
        let Some(item) = line.trim().strip_prefix("1. ") else {
            lists.push(Vec::new());
            continue;
        };
        let name = item
            .strip_prefix('[')
            .and_then(|r| r.split("](").next())
            .unwrap_or(item)
            .trim()
            .to_string();
        let slug = name.to_lowercase().replace(' ', "-");
        if let Some(last) = lists.last_mut() {
            last.push((name, slug));
        }
    }
    // The job levels: the list naming the most level pages.
    let has_page = |(_, s): &(String, String)| infra_dir.join(format!("{s}.md")).is_file();
    let listed = lists
        .into_iter()
        .max_by_key(|l| l.iter().filter(|i| has_page(i)).count())
        .expect("one list at least");
    let with_page: Vec<&str> = listed
        .iter()
        .filter(|(_, s)| infra_dir.join(format!("{s}.md")).is_file())
        .map(|(_, s)| s.as_str())
        .collect();
    let infra = track(fw, "infrastructure");
    let ids: Vec<&str> = infra.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, with_page);
    assert_eq!(ids.len(), 6);
    for (name, slug) in &listed {
        if !infra_dir.join(format!("{slug}.md")).is_file() {
            assert!(
                diags.contains(&format!("level `{name}` is listed but has no page")),
                "{name} not reported: {diags}"
            );
        }
    }

    // Areas: the four growth dimensions and Engineering alignment's three.
    let tops: Vec<&str> = fw.areas.iter().map(|a| a.title.as_str()).collect();
    for g in GROWTH {
        assert!(tops.contains(&g), "{tops:?}");
    }
    let alignment = fw
        .areas
        .iter()
        .find(|a| a.title == "Engineering alignment")
        .unwrap_or_else(|| panic!("no Engineering alignment in {tops:?}"));
    let mut subs: Vec<String> = alignment
        .children
        .iter()
        .map(|a| a.title.to_lowercase())
        .collect();
    subs.sort();
    assert_eq!(
        subs,
        [
            "leadership competencies",
            "technical competencies",
            "values alignment"
        ]
    );

    for level in &infra.levels {
        let path = infra_dir.join(format!("{}.md", level.id));
        let text = read(&path);
        // Every numbered item, per area, text for text.
        let items = numbered_items(&text);
        assert!(!items.is_empty(), "{} has no numbered items", level.id);
        for g in GROWTH {
            assert_eq!(
                top_texts(fw, level, g),
                items
                    .get(g)
                    .cloned()
                    .unwrap_or_else(|| panic!("{} has no {g} items", level.id)),
                "{} / {g}",
                level.id
            );
        }
        // The opening paragraphs: the first is the summary (unless it has a
        // link), the others the introduction, links kept; none is repeated.
        let opening = opening_paragraphs(&text);
        assert!(!opening.is_empty(), "{}", level.id);
        let intro = words(level.introduction.as_deref().unwrap_or(""));
        let summary = level.summary.as_deref().map(words);
        match &summary {
            Some(s) => assert_eq!(s, &opening[0], "{}", level.id),
            None => assert!(opening[0].contains("]("), "{}", level.id),
        }
        for p in &opening {
            let in_summary = summary.as_deref() == Some(p.as_str());
            assert!(
                in_summary != intro.contains(p.as_str()),
                "{}: `{p}` must be in the summary or the introduction, once",
                level.id
            );
        }
        // Includes under `### <Level> … Competencies`: a found file gives its
        // bullets to the sub-area; a missing one is reported at its line.
        let mut sub = String::new();
        for (i, line) in text.lines().enumerate() {
            let t = line.trim();
            if let Some(h) = t.strip_prefix("### ") {
                sub = h
                    .split_whitespace()
                    .skip(1)
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
            }
            let Some(target) = t
                .strip_prefix("{{% include \"")
                .and_then(|r| r.split('"').next())
            else {
                continue;
            };
            if target.ends_with("-nav.md") {
                continue;
            }
            let inc = site.join("assets").join(target);
            if inc.is_file() {
                let bullets = read(&inc)
                    .lines()
                    .filter(|l| {
                        let l = l.trim_start();
                        l.starts_with("* ") || l.starts_with("- ")
                    })
                    .count();
                let imported: usize = level
                    .statements
                    .iter()
                    .filter(|s| area_title(fw, &s.area).to_lowercase() == sub)
                    .map(|s| s.count() - 1) // the `#####` group holds the bullets
                    .sum();
                assert_eq!(imported, bullets, "{} / {sub}", level.id);
            } else {
                let at = format!("{}/infrastructure/{}.md:{}:", MATRIX, level.id, i + 1);
                assert!(
                    diags.contains(&at) && diags.contains(target),
                    "missing include {target} not reported at {at}"
                );
            }
        }
    }

    // The Distribution specialty extends Infrastructure at the same ranks.
    let dist = track(fw, "distribution");
    assert_eq!(dist.extends.as_deref(), Some("infrastructure"));
    let dist_dir = infra_dir.join("core-platform/distribution");
    assert!(!dist.levels.is_empty(), "Distribution has no levels");
    for level in &dist.levels {
        let base = infra
            .levels
            .iter()
            .find(|l| l.id == level.id)
            .unwrap_or_else(|| panic!("{} has no base level", level.id));
        assert_eq!(level.rank, base.rank);
        // `- ` bullets under each `##### Distribution`, as a group's children.
        let text = read(&dist_dir.join(format!("{}.md", level.id)));
        let mut in_group = false;
        let mut expected = 0;
        for line in text.lines() {
            let t = line.trim();
            if t.starts_with('#') {
                in_group = t == "##### Distribution";
            } else if in_group && t.starts_with("- ") {
                expected += 1;
            }
        }
        let got: usize = level
            .statements
            .iter()
            .filter(|s| s.text == "Distribution" || s.name.as_deref() == Some("Distribution"))
            .map(|s| s.children.len())
            .sum();
        assert!(expected > 0);
        assert_eq!(got, expected, "{}", level.id);
        // A malformed shortcode is reported at its line, and the rest imports.
        for (i, line) in text.lines().enumerate() {
            if line.contains("{{$") {
                let at = format!("distribution/{}.md:{}:", level.id, i + 1);
                assert!(diags.contains(&at), "{at} not reported: {diags}");
            }
        }
    }
    assert!(count_all(&dist.levels[1].statements) > 0);

    check_written(fw);
}

/// A GitLab-style department of our own: `{{< include >}}` shortcodes, a
/// two-word level name in the headings, a missing include, a menu, numbered
/// items with continuation lines and nested items, and a specialty folder.
fn security_site() -> SourceSet {
    let mut site = SourceSet::new();
    site.insert("hugo.toml", "title = \"Handbook\"\n");
    site.insert(
        "assets/includes/sec/menu-nav.md",
        "[Security](/sec/) | [Other](/other/)\n",
    );
    site.insert(
        "assets/includes/sec/staff-analyst-craft.md",
        "##### Company\n\nWhat every staff analyst does.\n\n* Reviews threat models of other groups.\n* Writes the yearly risk summary.\n",
    );
    site.insert(
        "content/hb/sec/_index.md",
        "---\ntitle: Security careers\n---\n\n{{< include \"includes/sec/menu-nav.md\" >}}\n\nThe levels:\n\n1. [Analyst](analyst/)\n1. [Staff Analyst](staff-analyst/)\n1. Chief Analyst\n",
    );
    site.insert(
        "content/hb/sec/analyst.md",
        "---\ntitle: \"Analyst - Security careers\"\n---\n\n{{< include \"includes/sec/menu-nav.md\" >}}\n\n## Analyst\n\nAnalysts triage alerts with [runbooks](/runbooks/).\n\n## Judgement\n\n1. Escalates incidents\n   within the hour.\n1. Asks before acting.\n   - Example: a page at night.\n\n## Reach\n\n1. Answers questions in the team channel.\n\n## Craft alignment\n\n### Analyst Craft Competencies\n\n{{< include \"includes/sec/analyst-craft.md\" >}}\n",
    );
    site.insert(
        "content/hb/sec/staff-analyst.md",
        "---\ntitle: \"Staff Analyst - Security careers\"\n---\n\n## Staff Analyst\n\nStaff analysts shape detection for several teams.\n\nThey mentor analysts.\n\n## Judgement\n\n1. Decides which alerts page a human.\n\n## Reach\n\n1. Speaks for security in planning.\n1. Writes the guides others follow.\n\n## Craft alignment\n\n### Staff Analyst Craft Competencies\n\n{{< include \"includes/sec/staff-analyst-craft.md\" >}}\n",
    );
    site.insert(
        "content/hb/sec/cloud/_index.md",
        "---\ntitle: Cloud security\n---\n",
    );
    site.insert(
        "content/hb/sec/cloud/analyst.md",
        "---\ntitle: \"Cloud security: Analyst\"\n---\n\n## Cloud Analyst\n\n---\n\n### Craft Competencies\n\n##### Cloud\n\n- Reads cloud audit logs.\n- Knows the shared-responsibility model.\n\n##### Platform\n\n- Hardens base images.\n",
    );
    site.insert(
        "content/hb/sec/cloud/staff-analyst.md",
        "---\ntitle: \"Cloud security: Staff Analyst\"\n---\n\n## Cloud Staff Analyst\n\n### Craft Competencies\n\n{{% include \"includes/sec/gone.md\" %}}\n\n##### Cloud\n\n- Designs the account layout.\n- Reviews policies.\n\n##### Platform\n\n- Owns the image pipeline.\n",
    );
    site
}

#[test]
fn a_gitlab_style_department_of_our_own_imports() {
    let imported = import(&security_site()).unwrap_or_else(|e| panic!("{e}"));
    let fw = &imported.framework;
    let sorted = imported.diagnostics.sorted();
    let diags = describe(&sorted);
    let sec = track(fw, "sec");
    let ids: Vec<&str> = sec.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["analyst", "staff-analyst"]);
    let titles: Vec<&str> = sec.levels.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(titles, ["Analyst", "Staff Analyst"]);
    assert!(
        diags.contains("level `Chief Analyst` is listed but has no page"),
        "{diags}"
    );
    assert!(diags.contains("content/hb/sec/_index.md:11:"), "{diags}");

    // Continuation lines join the item; a nested item is a sub-statement.
    let analyst = &sec.levels[0];
    assert_eq!(
        top_texts(fw, analyst, "Judgement"),
        [
            "Escalates incidents within the hour.",
            "Asks before acting."
        ]
    );
    assert_eq!(analyst.statements[1].examples, ["a page at night."]);
    // An opening with a link stays Markdown in the introduction.
    assert_eq!(analyst.summary, None);
    assert_eq!(
        analyst.introduction.as_deref(),
        Some("Analysts triage alerts with [runbooks](/runbooks/).")
    );
    // The missing include is reported at its line; the menu is not.
    assert!(diags.contains("content/hb/sec/analyst.md:26:"), "{diags}");
    assert!(!diags.contains("menu-nav"), "{diags}");

    // "Staff Analyst Craft Competencies" and "Analyst Craft Competencies" are one area.
    let craft = fw
        .areas
        .iter()
        .find(|a| a.title == "Craft alignment")
        .unwrap_or_else(|| panic!("no Craft alignment"));
    let subs: Vec<&str> = craft.children.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(subs, ["Craft Competencies"]);
    let staff = &sec.levels[1];
    assert_eq!(
        staff.summary.as_deref(),
        Some("Staff analysts shape detection for several teams.")
    );
    assert_eq!(staff.introduction.as_deref(), Some("They mentor analysts."));
    let group = staff
        .statements
        .iter()
        .find(|s| s.area == craft.children[0].id)
        .unwrap_or_else(|| panic!("no craft group"));
    assert_eq!(group.name.as_deref(), Some("Company"));
    assert_eq!(group.text, "What every staff analyst does.");
    assert_eq!(group.children.len(), 2);

    // The specialty extends the department at the same ranks, in the same area.
    let cloud = track(fw, "cloud");
    assert_eq!(cloud.extends.as_deref(), Some("sec"));
    let ranks: Vec<u32> = cloud.levels.iter().map(|l| l.rank).collect();
    assert_eq!(ranks, [1, 2]);
    for level in &cloud.levels {
        let groups: Vec<(&str, usize)> = level
            .statements
            .iter()
            .map(|s| (s.text.as_str(), s.children.len()))
            .collect();
        assert_eq!(groups, [("Cloud", 2), ("Platform", 1)], "{}", level.id);
        assert!(
            level
                .statements
                .iter()
                .all(|s| s.area == craft.children[0].id)
        );
    }
    assert!(
        diags.contains("content/hb/sec/cloud/staff-analyst.md:9:") && diags.contains("gone.md"),
        "{diags}"
    );
    assert!(
        sorted.iter().all(|d| d.code == Code::NotImported),
        "{diags}"
    );
    check_written(fw);
}

fn our_site(name: &str) -> SourceSet {
    let dir = crate::support::fixtures().join("import").join(name);
    SourceSet::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

/// Titles of the statements of `level` (with their sub-statements), by area title.
fn by_area(fw: &Framework, level: &Level) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for s in &level.statements {
        s.visit(&mut |x| out.push((area_title(fw, &s.area).to_string(), x.text.clone())));
    }
    out
}

#[test]
fn a_department_of_include_only_levels_imports_with_its_specialty() {
    let imported = import(&our_site("gitlab-dev")).unwrap_or_else(|e| panic!("{e}"));
    let fw = &imported.framework;
    let sorted = imported.diagnostics.sorted();
    let diags = describe(&sorted);
    assert!(
        sorted
            .iter()
            .all(|d| d.severity == rungs_core::Severity::Warning),
        "{diags}"
    );
    // Levels made only of includes are levels, in the order the index's
    // links point at (their text names no page title).
    let dev = track(fw, "development");
    let ids: Vec<&str> = dev.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        ["intermediate", "senior", "staff", "principal"],
        "{diags}"
    );
    let ranks: Vec<u32> = dev.levels.iter().map(|l| l.rank).collect();
    assert_eq!(ranks, [1, 2, 3, 4]);
    assert!(
        diags.contains("level `Distinguished engineer` is listed but has no page"),
        "{diags}"
    );
    let senior = &dev.levels[1];
    assert_eq!(senior.title, "Senior");
    assert_eq!(
        senior.summary.as_deref(),
        Some("Senior engineers own features from proposal to production.")
    );
    assert_eq!(
        by_area(fw, senior),
        [
            (
                "Accountability",
                "Breaks a feature into iterations the team can ship."
            ),
            (
                "Accountability",
                "Follows up on the incidents their feature caused."
            ),
            ("Craft", "Chooses designs others can maintain."),
            ("Craft", "Raises the quality bar of reviews in the group."),
        ]
        .map(|(a, t)| (a.to_string(), t.to_string()))
    );
    assert_eq!(
        senior.statements[2].examples,
        ["a migration split so each step can be rolled back."]
    );
    // The table of contents is navigation; a link to another level, in the
    // contents or under a heading of its own, is kept in the introduction.
    let staff = &dev.levels[2];
    assert_eq!(
        by_area(fw, staff)
            .iter()
            .map(|(a, _)| a.as_str())
            .collect::<Vec<_>>(),
        [
            "Accountability",
            "Accountability",
            "Craft",
            "Craft",
            "Craft"
        ]
    );
    let intro = staff
        .introduction
        .as_deref()
        .expect("the staff level keeps its link to another page as its introduction");
    assert_eq!(
        intro.matches("[All competencies of a Senior](").count(),
        1,
        "{intro}"
    );
    assert!(
        !fw.all_areas()
            .iter()
            .any(|a| a.title.contains("Competencies") && a.title.contains("Senior"))
    );
    // The specialty beside the department is a track that extends it.
    let fullstack = track(fw, "fullstack");
    assert_eq!(fullstack.extends.as_deref(), Some("development"));
    let ranks: Vec<(&str, u32)> = fullstack
        .levels
        .iter()
        .map(|l| (l.id.as_str(), l.rank))
        .collect();
    assert_eq!(ranks, [("intermediate", 1), ("senior", 2)]);
    for level in &fullstack.levels {
        assert_eq!(level.statements.len(), 2, "{}", level.id);
        assert!(
            level
                .statements
                .iter()
                .all(|s| area_title(fw, &s.area) == "Fullstack Competencies")
        );
    }
    // Nothing is a free page.
    assert!(
        fw.pages.is_empty(),
        "{:?}",
        fw.pages.iter().map(|p| &p.id).collect::<Vec<_>>()
    );
    check_written(fw);
}

#[test]
fn a_translation_reads_what_it_shows_and_orders_levels_by_their_links() {
    let imported = import(&our_site("gitlab-ja")).unwrap_or_else(|e| panic!("{e}"));
    let fw = &imported.framework;
    let sorted = imported.diagnostics.sorted();
    let diags = describe(&sorted);
    // Commented-out includes are not content: no warning for their missing
    // files, nothing read from them.
    assert!(sorted.is_empty(), "{diags}");
    let dev = track(fw, "development");
    let levels: Vec<(&str, &str)> = dev
        .levels
        .iter()
        .map(|l| (l.id.as_str(), l.title.as_str()))
        .collect();
    assert_eq!(
        levels,
        [
            ("intermediate", "インターミディエイトエンジニア"),
            ("senior", "シニアエンジニア"),
            ("staff", "スタッフエンジニア"),
            ("principal", "プリンシパルエンジニア"),
        ]
    );
    let areas: Vec<(&str, &str)> = fw
        .all_areas()
        .iter()
        .map(|a| (a.id.as_str(), a.title.as_str()))
        .collect();
    assert_eq!(
        areas,
        [
            ("アカウンタビリティ", "アカウンタビリティ"),
            ("技術力", "技術力"),
            ("価値観", "価値観"),
        ]
    );
    let staff = &dev.levels[2];
    let texts: Vec<String> = by_area(fw, staff).into_iter().map(|(_, t)| t).collect();
    assert_eq!(
        texts,
        [
            "チームをまたぐプロジェクトの成果に責任を持つ。",
            "複数のチームが使うシステムを設計する。",
            "計画のリスクを出荷前に見つける。",
            "レビューのたびに会社の価値観を体現する。",
            "意見が違うときも敬意を持って伝える。",
        ]
    );
    assert_eq!(
        staff.summary.as_deref(),
        Some("スタッフエンジニアは、複数のチームをより良くします。")
    );
    let intermediate = &dev.levels[0];
    assert_eq!(intermediate.statements.len(), 3);
    check_written(fw);
}
