//! The Hugo importer, on the public InfraCloud ladder (when present) and on
//! synthetic Hugo sites.

use std::collections::BTreeMap;

use rungs_core::export::{hugo, native};
use rungs_core::import::hugo::import;
use rungs_core::model::{Framework, Statement};
use rungs_core::synth::{SynthOptions, generate};
use rungs_core::{Code, SourceSet};

use crate::support::{describe, shared_fixture};

/// Bullets per level and heading, counted straight from the source text:
/// (top-level bullets, nested bullets). Independent of the importer.
fn count_bullets(text: &str) -> BTreeMap<String, (usize, usize)> {
    let mut without_comments = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("<!--") {
        without_comments.push_str(&rest[..i]);
        rest = rest[i..].find("-->").map_or("", |j| &rest[i + j + 3..]);
    }
    without_comments.push_str(rest);
    let body = without_comments
        .splitn(3, "---\n")
        .nth(2)
        .expect("a page has front matter");
    let mut out: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut heading = String::new();
    let mut top_indent: Option<usize> = None;
    for line in body.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            heading = trimmed.trim_start_matches('#').trim().to_string();
            top_indent = None;
            continue;
        }
        if heading.contains("Indicators")
            || !(trimmed.starts_with("* ") || trimmed.starts_with("- "))
        {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let top = *top_indent.get_or_insert(indent);
        let entry = out.entry(heading.clone()).or_default();
        if indent <= top {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }
    out
}

fn imported_counts(fw: &Framework, level: &str) -> BTreeMap<String, (usize, usize)> {
    let titles: BTreeMap<&str, &str> = fw
        .all_areas()
        .iter()
        .map(|a| (a.id.as_str(), a.title.as_str()))
        .collect();
    let mut out: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let level = fw.tracks[0]
        .levels
        .iter()
        .find(|l| l.id == level)
        .unwrap_or_else(|| panic!("no level {level}"));
    for s in &level.statements {
        let entry = out.entry(titles[s.area.as_str()].to_string()).or_default();
        entry.0 += 1;
        entry.1 += s.count() - 1;
    }
    out
}

#[test]
fn infracloud_imports_completely() {
    let Some(site) = shared_fixture("infracloud-career-ladders") else {
        return;
    };
    let sources = SourceSet::read_dir(&site).unwrap_or_else(|e| panic!("{e}"));
    let imported = import(&sources).unwrap_or_else(|e| panic!("{e}"));
    let fw = &imported.framework;

    // One track, five levels in weight order.
    assert_eq!(fw.tracks.len(), 1);
    let track = &fw.tracks[0];
    assert_eq!(track.id, "engineering");
    let ids: Vec<&str> = track.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "associate-engineer",
            "engineer",
            "senior-engineer",
            "staff-engineer",
            "principal-engineer"
        ]
    );
    let ranks: Vec<u32> = track.levels.iter().map(|l| l.rank).collect();
    assert_eq!(ranks, [1, 2, 3, 4, 5]);

    // The area tree.
    let tree: Vec<(String, Vec<String>)> = fw
        .areas
        .iter()
        .map(|a| {
            (
                a.title.clone(),
                a.children.iter().map(|c| c.title.clone()).collect(),
            )
        })
        .collect();
    let expected: Vec<(String, Vec<String>)> = vec![
        ("Core Competencies".into(), vec![]),
        (
            "Functional Competencies".into(),
            vec![
                "Management".into(),
                "Delighting People".into(),
                "Organization Building".into(),
                "Social Capital".into(),
            ],
        ),
        (
            "Behavioral Competencies".into(),
            vec!["Enabling Traits".into()],
        ),
    ];
    assert_eq!(tree, expected);

    // Every bullet of every level, per area, nested bullets as children.
    for level in &track.levels {
        let text =
            std::fs::read_to_string(site.join(format!("content/docs/engineering/{}.md", level.id)))
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            imported_counts(fw, &level.id),
            count_bullets(&text),
            "level {}",
            level.id
        );
        // Named traits: every `**Name**:` bullet under Enabling Traits.
        let named = level
            .statements
            .iter()
            .filter(|s| s.area == "enabling-traits" && s.name.is_some())
            .count();
        let traits_section = text
            .split("### Enabling Traits")
            .nth(1)
            .unwrap_or_else(|| panic!("{} has no Enabling Traits", level.id));
        let traits_section = traits_section
            .split("## Broad")
            .next()
            .expect("a split has a first part");
        assert_eq!(
            named,
            traits_section.matches("* **").count(),
            "named traits of {}",
            level.id
        );
        // Indicators: a time split for the five measured areas, a note for the traits, a tenure.
        let ind = &level.indicators;
        assert_eq!(
            ind.time_split
                .iter()
                .filter(|t| t.percent.is_some())
                .count(),
            5,
            "{}",
            level.id
        );
        assert!(
            ind.time_split
                .iter()
                .any(|t| t.area == "enabling-traits" && t.note.is_some())
        );
        assert!(ind.tenure.is_some(), "{}", level.id);
    }
    let senior = &track.levels[2].indicators;
    let core = senior
        .time_split
        .iter()
        .find(|t| t.area == "core-competencies")
        .and_then(|t| t.percent);
    assert_eq!(core.map(|p| (p.min, p.max)), Some((50, 65)));
    assert_eq!(
        senior.tenure.map(|t| (t.min, t.max)),
        Some((2.0, Some(3.0)))
    );

    // Pages: the introduction and the FAQ; shortcodes converted, comments dropped.
    let page_ids: Vec<&str> = fw.pages.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(page_ids, ["introduction", "faq"]);
    let intro = &fw.pages[0].body;
    assert!(
        intro.contains("> [!NOTE]\n> "),
        "callout not converted: {intro}"
    );
    assert!(
        track
            .introduction
            .as_deref()
            .expect("the track has an introduction")
            .contains("](associate-engineer.md)"),
        "cards not converted"
    );
    let everything = rungs_core::export::json::to_json(fw);
    assert!(
        !everything.contains("{{") && !everything.contains("<!--"),
        "shortcode or comment left over"
    );

    // The landing page (a hero and a redirect to the docs) is not content:
    // its subtitle opens the home page's introduction (the headline is the
    // title), the rest is a warning; nothing is an error.
    let diags = imported.diagnostics.sorted();
    assert!(
        diags
            .iter()
            .all(|d| d.severity == rungs_core::Severity::Warning),
        "{}",
        describe(&diags)
    );
    assert!(
        diags.iter().any(|d| d.code == Code::NotImported
            && d.severity == rungs_core::Severity::Warning
            && d.message.contains("landing page")
            && d.span
                .as_ref()
                .is_some_and(|s| &*s.file == "content/_index.md")),
        "{}",
        describe(&diags)
    );
    let landing =
        std::fs::read_to_string(site.join("content/_index.md")).unwrap_or_else(|e| panic!("{e}"));
    let subtitle = landing
        .split("hero-subtitle >}}")
        .nth(1)
        .and_then(|s| s.split("{{<").next())
        .expect("the landing page has a subtitle");
    let first_words: String = subtitle
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let intro = fw
        .introduction
        .as_deref()
        .expect("the landing page opens the introduction");
    assert!(intro.starts_with(&first_words), "{intro}");
    assert!(
        !intro.contains("Redirecting") && !intro.contains('<'),
        "{intro}"
    );

    // The written result checks without errors.
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

fn texts(statements: &[Statement]) -> Vec<(String, Option<String>, String, usize)> {
    statements
        .iter()
        .map(|s| (s.area.clone(), s.name.clone(), s.text.clone(), s.count()))
        .collect()
}

#[test]
fn synthetic_hugo_sites_import_to_the_same_content() {
    let fw = generate(SynthOptions {
        tracks: 5,
        levels: 4,
        seed: 7,
    });
    let site = hugo::to_hugo(&fw);
    let imported = import(&site).unwrap_or_else(|e| panic!("{e}"));
    let diags = imported.diagnostics.sorted();
    assert!(diags.is_empty(), "{}", describe(&diags));
    let back = &imported.framework;
    assert_eq!(back.tracks.len(), fw.tracks.len());
    assert_eq!(back.pages.len(), fw.pages.len());
    assert!(!back.tracks.is_empty(), "nothing imported");
    for (a, b) in fw.tracks.iter().zip(&back.tracks) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.levels.len(), b.levels.len());
        for (la, lb) in a.levels.iter().zip(&b.levels) {
            assert_eq!(la.title, lb.title);
            assert_eq!(texts(&la.statements), texts(&lb.statements), "{}", la.title);
            assert_eq!(la.indicators.tenure, lb.indicators.tenure);
            assert_eq!(la.indicators.experience, lb.indicators.experience);
            assert_eq!(la.indicators.scope, lb.indicators.scope);
            assert_eq!(
                la.indicators.time_split, lb.indicators.time_split,
                "{}",
                la.title
            );
        }
    }
}

#[test]
fn unknown_shortcodes_and_cells_are_reported_with_their_line() {
    let mut site = SourceSet::new();
    site.insert("hugo.toml", "title = \"T\"\n");
    let level = |title: &str, weight: u32| {
        format!(
            "---\ntitle: {title}\nweight: {weight}\n---\n\n## Craft\n* Builds things.\n\n## Delivery\n* Ships things.\n\n## Broad Indicators\n<table>\n<tr><td>Craft: ~60%</td></tr>\n<tr><td>Delivery: ~40%</td></tr>\n<tr><td>Mood: sunny</td></tr>\n</table>\n"
        )
    };
    site.insert(
        "content/ladder/eng/_index.md",
        "---\ntitle: Eng\n---\n\n{{< mystery thing=\"x\" >}}\n",
    );
    site.insert("content/ladder/eng/one.md", level("One", 1));
    site.insert("content/ladder/eng/two.md", level("Two", 2));
    site.insert("content/ladder/eng/photo.png", "png");
    let imported = import(&site).unwrap_or_else(|e| panic!("{e}"));
    let diags = imported.diagnostics.sorted();
    let text = describe(&diags);
    assert!(
        text.contains("content/ladder/eng/_index.md:5:1") && text.contains("mystery"),
        "{text}"
    );
    assert!(
        text.contains("content/ladder/eng/one.md:16:") && text.contains("Mood: sunny"),
        "{text}"
    );
    assert!(text.contains("photo.png"), "{text}");
    assert_eq!(
        imported.framework.tracks[0].levels[0]
            .indicators
            .time_split
            .len(),
        2
    );
}

#[test]
fn a_site_without_ladder_pages_is_refused() {
    let mut site = SourceSet::new();
    site.insert("content/about.md", "---\ntitle: About\n---\nHello.\n");
    assert!(import(&site).is_err());
}

/// The lines of a file on which `needle` appears (1-based), found at run time.
fn lines_with(text: &str, needle: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The `[[site.links]]` of an imported framework: (title, url).
fn site_links(fw: &Framework) -> Vec<(String, String)> {
    let links = fw
        .site
        .as_ref()
        .and_then(|s| s.get("links"))
        .and_then(|l| l.as_array())
        .cloned()
        .expect("the site has links");
    links
        .iter()
        .map(|l| {
            let get = |k: &str| {
                l.get(k)
                    .and_then(|v| v.as_str())
                    .unwrap_or_else(|| panic!("a link without {k}: {l:?}"))
                    .to_string()
            };
            (get("title"), get("url"))
        })
        .collect()
}

fn site_footer(fw: &Framework) -> &str {
    fw.site
        .as_ref()
        .and_then(|s| s.get("footer"))
        .and_then(|f| f.as_str())
        .expect("the site has a footer")
}

#[test]
fn infracloud_site_settings_carry_over_or_are_reported() {
    let Some(site) = shared_fixture("infracloud-career-ladders") else {
        return;
    };
    let sources = SourceSet::read_dir(&site).unwrap_or_else(|e| panic!("{e}"));
    let imported = import(&sources).unwrap_or_else(|e| panic!("{e}"));
    let fw = &imported.framework;
    let text = describe(&imported.diagnostics.sorted());
    let config =
        std::fs::read_to_string(site.join("config.yaml")).unwrap_or_else(|e| panic!("{e}"));
    // The logo image is not content: reported at its line.
    let line = lines_with(&config, "logo:")[0];
    assert!(text.contains(&format!("config.yaml:{line}:")), "{text}");
    // Menu links: absolute ones become header links, the others are reported.
    let links = site_links(fw);
    let urls: Vec<&str> = config
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("url:"))
        .collect();
    assert!(!urls.is_empty(), "the fixture has menu links");
    for url in urls {
        let url = url.trim().trim_matches('"');
        if url.contains("://") {
            assert!(
                links.iter().any(|(_, u)| u == url),
                "{url} not carried over"
            );
        } else {
            assert!(text.contains(url), "{url} not reported: {text}");
        }
    }
    // The licence notice of the translation file is the footer, comment dropped.
    let i18n = std::fs::read_to_string(site.join("i18n/en.yaml")).unwrap_or_else(|e| panic!("{e}"));
    let line = lines_with(&i18n, "copyright")[0];
    let notice = i18n
        .lines()
        .nth(line)
        .expect("the copyright's text follows its key")
        .trim();
    assert!(notice.contains("CC BY"), "{notice}");
    assert_eq!(site_footer(fw), notice);
    // A short title (linktitle) other than the title is kept for navigation.
    let value = |text: &str, key: &str| -> Option<(usize, String)> {
        text.lines().enumerate().find_map(|(i, l)| {
            l.strip_prefix(key)
                .map(|v| (i + 1, v.trim().trim_matches('"').to_string()))
        })
    };
    let mut shortened = 0;
    for f in sources.iter().filter(|f| f.path.starts_with("content/")) {
        if let (Some((line, short)), Some((_, title))) =
            (value(f.text(), "linktitle:"), value(f.text(), "title:"))
            && short != title
        {
            shortened += 1;
            let _ = line;
            let kept = fw
                .pages
                .iter()
                .map(|p| p.short_title.as_deref())
                .chain(
                    fw.tracks
                        .iter()
                        .flat_map(|t| &t.levels)
                        .map(|l| l.short_title.as_deref()),
                )
                .any(|s| s == Some(short.as_str()));
            assert!(kept, "{}: linktitle `{short}` not kept", f.path);
            assert!(!text.contains("linktitle"), "{text}");
        }
    }
    assert!(shortened > 0, "the fixture has a page with a short title");
    // Written out, rungs.toml holds them.
    let toml_text = native::to_sources(fw)
        .get("rungs.toml")
        .map(|f| f.text().to_string())
        .expect("a rungs.toml is written");
    assert!(
        toml_text.contains("[[site.links]]") && toml_text.contains("footer = "),
        "{toml_text}"
    );
}

#[test]
fn toml_site_settings_carry_over_or_are_reported() {
    let mut site = SourceSet::new();
    site.insert(
        "hugo.toml",
        "title = \"T\"\ncopyright = \"© Us, CC BY 4.0\"\n\n[params.navbar.logo]\npath = \"/logo.svg\"\n\n[[menu.main]]\nname = \"Blog\"\nurl = \"https://blog.example/\"\n\n[[menu.main]]\nname = \"Docs\"\nurl = \"/docs/\"\n",
    );
    let level = |title: &str| {
        format!("---\ntitle: {title}\n---\n\n## Craft\n* Builds.\n\n## Delivery\n* Ships.\n")
    };
    site.insert("content/l/eng/one.md", level("One"));
    site.insert("content/l/eng/two.md", level("Two"));
    let imported = import(&site).unwrap_or_else(|e| panic!("{e}"));
    let fw = &imported.framework;
    assert_eq!(fw.title, "T");
    assert_eq!(site_footer(fw), "© Us, CC BY 4.0");
    assert_eq!(
        site_links(fw),
        [("Blog".to_string(), "https://blog.example/".to_string())]
    );
    let text = describe(&imported.diagnostics.sorted());
    assert!(
        text.contains("hugo.toml:4:") && text.contains("/logo.svg"),
        "{text}"
    );
    assert!(
        text.contains("hugo.toml:7:") && text.contains("Docs (/docs/)"),
        "{text}"
    );
}
