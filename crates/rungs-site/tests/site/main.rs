//! Tests of the built website: structure (scraper), links, snapshots.

use std::collections::BTreeSet;
use std::path::Path;

use rungs_core::SourceSet;
use rungs_site::{Site, build};
use scraper::{Html, Selector};

mod chrome;
mod i18n;
mod search_data;

fn example() -> (rungs_core::Framework, SourceSet) {
    let sources = SourceSet::example();
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    (loaded.framework, sources)
}

fn build_example() -> (rungs_core::Framework, Site) {
    let (fw, sources) = example();
    let site = build(&fw, &sources).unwrap_or_else(|e| panic!("{e}"));
    (fw, site)
}

fn html(site: &Site, path: &str) -> Html {
    let bytes = site
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not built"));
    Html::parse_document(&String::from_utf8_lossy(bytes))
}

mod languages;

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("selector {s}: {e}"))
}

#[test]
fn every_statement_has_an_anchor_on_its_level_page() {
    let (fw, site) = build_example();
    let mut checked = 0;
    for track in &fw.tracks {
        for level in &track.levels {
            let page = html(&site, &rungs_site::urls::level(&track.id, &level.id));
            for s in &level.statements {
                s.visit(&mut |x| {
                    checked += 1;
                    let li = sel(&format!("li#{}", rungs_site::urls::anchor(&x.id)));
                    assert!(
                        page.select(&li).next().is_some(),
                        "{}/{}: no anchor for {}",
                        track.id,
                        level.id,
                        x.id
                    );
                });
            }
            assert_eq!(page.select(&sel("h1")).count(), 1);
        }
    }
    assert!(checked > 0, "the example has statements");
}

#[test]
fn pages_have_landmarks_and_ordered_headings() {
    let (_, site) = build_example();
    let pages: Vec<&String> = site.files.keys().filter(|p| p.ends_with(".html")).collect();
    assert!(!pages.is_empty(), "the site has pages");
    for path in pages {
        let page = html(&site, path);
        for landmark in [
            "header",
            "nav",
            "main#main",
            "footer",
            "a.skip[href='#main']",
        ] {
            assert!(
                page.select(&sel(landmark)).next().is_some(),
                "{path}: no {landmark}"
            );
        }
        // Headings inside main never skip a level.
        let mut last = 1;
        for h in page.select(&sel("main h1, main h2, main h3, main h4, main h5, main h6")) {
            let level: usize = h.value().name()[1..]
                .parse()
                .expect("a heading is h1 to h6");
            assert!(level <= last + 1, "{path}: h{level} after h{last}");
            last = level;
        }
        assert_eq!(page.select(&sel("html[lang]")).count(), 1, "{path}");
    }
}

/// Checks that every relative link and resource of every page is a file
/// of the site (percent-escapes decoded, as a server does) and that nothing
/// is fetched from elsewhere; returns how many links were followed.
fn assert_links_resolve(site: &Site) -> usize {
    let files: BTreeSet<&str> = site.files.keys().map(String::as_str).collect();
    let pages: Vec<&String> = site.files.keys().filter(|p| p.ends_with(".html")).collect();
    assert!(!pages.is_empty(), "the site has pages");
    let mut resolved_links = 0;
    for path in pages {
        let page = html(site, path);
        let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
        for (selector, attr) in [
            ("a[href]", "href"),
            ("link[rel=stylesheet]", "href"),
            ("script[src]", "src"),
            ("img[src]", "src"),
        ] {
            for el in page.select(&sel(selector)) {
                let target = el.value().attr(attr).expect("selected by this attribute");
                if attr != "href" || selector != "a[href]" {
                    assert!(
                        !target.contains("://"),
                        "{path}: external resource {target}"
                    );
                }
                if target.starts_with('#')
                    || target.contains("://")
                    || target.starts_with("mailto:")
                {
                    continue;
                }
                if path == "404.html" || path.ends_with("/404.html") {
                    // Served at any depth (each language's under its folder):
                    // links start at the site's path from base_url.
                    assert!(target.starts_with('/'), "{path}: {target}");
                    continue;
                }
                let file = target.split('#').next().expect("a split has a first part");
                let file = rungs_core::text::percent_decode(file)
                    .unwrap_or_else(|| panic!("{path}: {target} is not a valid address"));
                let resolved = rungs_core::text::join_path(dir, &file)
                    .unwrap_or_else(|| panic!("{path}: {target} leaves the site"));
                assert!(
                    files.contains(resolved.as_str()),
                    "{path}: link {target} -> {resolved} is missing"
                );
                resolved_links += 1;
            }
        }
    }
    resolved_links
}

#[test]
fn every_relative_link_resolves_and_nothing_is_fetched_from_elsewhere() {
    let (_, site) = build_example();
    assert!(assert_links_resolve(&site) > 0, "the pages link each other");
}

#[test]
fn a_ladder_named_in_japanese_builds_and_its_links_resolve() {
    let mut sources = SourceSet::new();
    sources.insert(
        "rungs.toml",
        "title = \"キャリアラダー\"\nbase_url = \"https://ladder.example.jp/\"\n\n[[areas]]\ntitle = \"アカウンタビリティ\"\n\n[[areas]]\ntitle = \"信頼性\"\n",
    );
    sources.insert(
        "tracks/エンジニア/_index.md",
        "---\ntitle: エンジニア\n---\n\n[シニア](シニア.md)から読んでください。\n",
    );
    sources.insert(
        "tracks/エンジニア/ジュニア.md",
        "---\ntitle: ジュニアエンジニア\nshort_title: ジュニア\nrank: 1\n---\n\n## アカウンタビリティ\n\n- 自分のタスクを期限内に終える。\n\n## 信頼性\n\n- 約束したことを守る。\n",
    );
    sources.insert(
        "tracks/エンジニア/シニア.md",
        "---\ntitle: シニアエンジニア\nrank: 2\n---\n\n## アカウンタビリティ\n\n- チームの目標に責任を持つ。\n\n## 信頼性\n\n- 設計の判断を説明する。\n",
    );
    // One link written with its letters, one percent-encoded as a browser would copy it.
    sources.insert(
        "pages/よくある質問.md",
        "---\ntitle: よくある質問\n---\n\n[ジュニア](../tracks/エンジニア/ジュニア.md)と[シニア](../tracks/%E3%82%A8%E3%83%B3%E3%82%B8%E3%83%8B%E3%82%A2/%E3%82%B7%E3%83%8B%E3%82%A2.md)。\n",
    );
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.diagnostics.errors(), 0, "{:?}", loaded.diagnostics);
    let fw = loaded.framework;
    let site = build(&fw, &sources).unwrap_or_else(|e| panic!("{e}"));
    for page in [
        "tracks/エンジニア/index.html",
        "tracks/エンジニア/シニア.html",
        "pages/よくある質問.html",
        "compare/エンジニア/index.html",
    ] {
        assert!(site.get(page).is_some(), "{page} was not built");
    }
    assert!(assert_links_resolve(&site) > 0);
    // The sidebar names a level by its short title, its page by its title.
    let junior = html(&site, "tracks/エンジニア/ジュニア.html");
    let side: Vec<String> = junior
        .select(&sel("nav.side a"))
        .map(|a| a.text().collect::<String>())
        .collect();
    assert!(side.iter().any(|t| t == "ジュニア"), "{side:?}");
    assert!(!side.iter().any(|t| t == "ジュニアエンジニア"), "{side:?}");
    let h1: String = junior.select(&sel("h1")).flat_map(|h| h.text()).collect();
    assert!(h1.contains("ジュニアエンジニア"), "{h1}");
    // Statement anchors keep their letters.
    let senior = html(&site, "tracks/エンジニア/シニア.html");
    let id = &fw.tracks[0].levels[1].statements[0].id;
    assert!(id.starts_with("アカウンタビリティ-"), "{id}");
    assert!(
        senior
            .select(&sel(&format!("li#{}", rungs_site::urls::anchor(id))))
            .next()
            .is_some()
    );
    // The sitemap's addresses are percent-encoded.
    let sitemap =
        String::from_utf8_lossy(site.get("sitemap.xml").expect("a sitemap with a base URL"));
    assert!(
        sitemap.contains("<loc>https://ladder.example.jp/tracks/%E3%82%A8%E3%83%B3%E3%82%B8%E3%83%8B%E3%82%A2/</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("エ"), "{sitemap}");
}

#[test]
fn each_track_has_one_comparison_page_listing_its_steps() {
    let (fw, site) = build_example();
    let eng = fw
        .track("engineering")
        .unwrap_or_else(|| panic!("engineering"));
    let page = html(&site, &rungs_site::urls::compare_track("engineering"));
    // One entry per step up the track, each linking both levels and the
    // pair's comparison (built in the browser from data.js).
    let steps = page.select(&sel("ul.pairs > li")).count();
    assert_eq!(steps, eng.levels.len() - 1);
    let (a, b) = (&eng.levels[2], &eng.levels[3]);
    let pair = rungs_site::urls::compare("engineering", &a.id, "engineering", &b.id);
    assert_eq!(
        pair,
        format!(
            "compare/engineering/index.html#engineering/{}..engineering/{}",
            a.id, b.id
        )
    );
    let hash = pair.split_once('#').map(|(_, h)| format!("#{h}"));
    assert!(
        page.select(&sel("a.step-link"))
            .any(|l| l.value().attr("href") == hash.as_deref()),
        "no link to {pair}"
    );
    // The first step is selected when the page opens.
    let selected: Vec<String> = page
        .select(&sel("select option[selected]"))
        .filter_map(|o| o.value().attr("value").map(str::to_string))
        .collect();
    assert_eq!(
        selected,
        [
            format!("engineering/{}", eng.levels[0].id),
            format!("engineering/{}", eng.levels[1].id)
        ]
    );
    // Without JavaScript, the page says how to read the levels instead.
    assert_eq!(page.select(&sel(".no-js-only")).count(), 1);
    // No page per pair: the branch's first step is on the branch's page.
    assert!(
        !site
            .files
            .keys()
            .any(|p| p.starts_with("compare/") && p.contains("--"))
    );
    let branch = html(
        &site,
        &rungs_site::urls::compare_track("engineering-management"),
    );
    let first: String = branch
        .select(&sel("ul.pairs > li"))
        .next()
        .map(|li| li.text().collect())
        .expect("the branch page lists its pairs");
    assert!(
        first.contains("Senior") && first.contains("Manager"),
        "{first}"
    );
    // The level page links to its next comparison.
    let level = html(&site, &rungs_site::urls::level("engineering", &a.id));
    assert_eq!(level.select(&sel("a.next-change")).count(), 1);
}

#[test]
fn branch_is_drawn_on_the_track_page() {
    let (_, site) = build_example();
    let page = html(&site, "tracks/engineering-management/index.html");
    assert_eq!(
        page.select(&sel("table.ladder thead th")).count(),
        3,
        "rank + two tracks"
    );
    assert_eq!(
        page.select(&sel("td.shared[colspan='2']")).count(),
        3,
        "ranks 1-3 are shared"
    );
    assert_eq!(page.select(&sel("tr.split")).count(), 1);
}

#[test]
fn matrix_has_a_column_per_level_of_the_ladder() {
    let (_, site) = build_example();
    let page = html(&site, "tracks/engineering-management/matrix.html");
    // rank 1-3 shared from engineering + 3 management levels + the area column
    assert_eq!(page.select(&sel("table.matrix thead th")).count(), 7);
    // Areas with sub-areas (People, Impact) fold; single areas need no header row.
    assert_eq!(
        page.select(&sel("tbody.group button.group-toggle")).count(),
        2
    );
    assert_eq!(page.select(&sel("tbody.group")).count(), 5);
}

#[test]
fn search_and_comparison_data_and_exports_are_published() {
    let (fw, site) = build_example();
    let data = String::from_utf8_lossy(
        site.get("assets/data.js")
            .unwrap_or_else(|| panic!("{} was not built", "assets/data.js")),
    )
    .into_owned();
    let json = data
        .trim_start_matches("window.RUNGS_DATA=")
        .trim_end()
        .trim_end_matches(';');
    let value: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("data.js: {e}"));
    assert_eq!(
        value["tracks"].as_array().map(Vec::len),
        Some(fw.tracks.len())
    );
    // The JSON export is published only when asked: no page needs it.
    assert!(site.get("framework.json").is_none());
    let with_export = example_with("[site]\njson_export = true\n", &[]);
    let exported: serde_json::Value = serde_json::from_slice(
        with_export
            .get("framework.json")
            .unwrap_or_else(|| panic!("{} was not built", "framework.json")),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(exported["title"], fw.title.as_str());
    let sitemap = String::from_utf8_lossy(
        site.get("sitemap.xml")
            .unwrap_or_else(|| panic!("{} was not built", "sitemap.xml")),
    )
    .into_owned();
    assert!(
        sitemap.contains(
            "<loc>https://careers.northwind.example/tracks/engineering/senior.html</loc>"
        ),
        "{sitemap}"
    );
    let page = html(&site, "tracks/engineering/senior.html");
    let canonical = page
        .select(&sel("link[rel=canonical]"))
        .next()
        .and_then(|e| e.value().attr("href"));
    assert_eq!(
        canonical,
        Some("https://careers.northwind.example/tracks/engineering/senior.html")
    );
    assert!(page.select(&sel("meta[name=description]")).next().is_some());
    assert!(site.get("404.html").is_some());
}

#[test]
fn raw_html_is_sanitised_unless_the_framework_opts_in() {
    let mut sources = SourceSet::example();
    sources.insert(
        "pages/faq.md",
        "---\ntitle: FAQ\n---\n\nHello <script>alert(1)</script><img src=x onerror=\"alert(2)\">\n",
    );
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let site = build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"));
    let faq = String::from_utf8_lossy(
        site.get("pages/faq.html")
            .unwrap_or_else(|| panic!("{} was not built", "pages/faq.html")),
    )
    .into_owned();
    assert!(
        !faq.contains("alert(1)") && !faq.contains("onerror"),
        "{faq}"
    );

    let config = format!(
        "{}\n[site]\nallow_scripts = true\n",
        sources
            .get("rungs.toml")
            .map(|f| f.text())
            .expect("the example has a rungs.toml")
    );
    sources.insert("rungs.toml", config);
    let site = build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"));
    let faq = String::from_utf8_lossy(
        site.get("pages/faq.html")
            .unwrap_or_else(|| panic!("{} was not built", "pages/faq.html")),
    )
    .into_owned();
    assert!(faq.contains("<script>alert(1)</script>"), "{faq}");
}

#[test]
fn theme_files_override_the_built_in_ones_one_by_one() {
    let mut sources = SourceSet::example();
    sources.insert("theme/templates/page.html", "{% extends \"base.html\" %}{% block content %}<p class=\"custom\">{{ title }}</p>{% endblock %}");
    sources.insert("theme/assets/extra.css", "body { color: red; }");
    let config = format!(
        "{}\n[site]\naccent = \"#aa3300\"\nextra_css = \"assets/extra.css\"\n",
        sources
            .get("rungs.toml")
            .map(|f| f.text())
            .expect("the example has a rungs.toml")
    );
    sources.insert("rungs.toml", config);
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let site = build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"));
    let faq = html(&site, "pages/faq.html");
    assert_eq!(
        faq.select(&sel("p.custom"))
            .next()
            .map(|e| e.text().collect::<String>()),
        Some("FAQ".into())
    );
    assert!(site.get("assets/extra.css").is_some());
    let text = String::from_utf8_lossy(
        site.get("index.html")
            .unwrap_or_else(|| panic!("{} was not built", "index.html")),
    )
    .into_owned();
    assert!(text.contains("--accent: #aa3300"), "{text}");
    let index = html(&site, "index.html");
    let sheets: Vec<&str> = index
        .select(&sel("link[rel=stylesheet]"))
        .filter_map(|e| e.value().attr("href"))
        .collect();
    assert_eq!(sheets, ["assets/rungs.css", "assets/extra.css"]);
    // A broken override is reported with the template's name.
    sources.insert("theme/templates/level.html", "{% if %}");
    let err = build(&loaded.framework, &sources)
        .expect_err("a broken template fails the build")
        .to_string();
    assert!(err.contains("level.html"), "{err}");
}

#[test]
fn a_level_page_snapshot() {
    let (_, site) = build_example();
    let page = String::from_utf8_lossy(
        site.get("tracks/engineering/senior.html")
            .expect("the senior page is built"),
    )
    .into_owned();
    let main = page
        .split("<main")
        .nth(1)
        .and_then(|m| m.split("</main>").next())
        .expect("the page has a <main>");
    insta::assert_snapshot!("senior-main", main);
}

#[test]
fn infracloud_builds_and_every_statement_is_on_its_level_page() {
    let site_dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/infracloud-career-ladders");
    if !site_dir.is_dir() {
        assert_ne!(
            std::env::var("RUNGS_REQUIRE_ALL").as_deref(),
            Ok("1"),
            "RUNGS_REQUIRE_ALL=1 but {} is missing",
            site_dir.display()
        );
        eprintln!("skipped: {} is not present", site_dir.display());
        return;
    }
    let hugo = SourceSet::read_dir(&site_dir).unwrap_or_else(|e| panic!("{e}"));
    let imported = rungs_core::import::hugo::import(&hugo).unwrap_or_else(|e| panic!("{e}"));
    let sources = rungs_core::export::native::to_sources(&imported.framework);
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.diagnostics.errors(), 0);
    let site = build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"));
    let mut total = 0;
    for track in &loaded.framework.tracks {
        for level in &track.levels {
            let page = html(&site, &rungs_site::urls::level(&track.id, &level.id));
            for s in &level.statements {
                s.visit(&mut |x| {
                    total += 1;
                    let li = sel(&format!("li#{}", rungs_site::urls::anchor(&x.id)));
                    assert!(page.select(&li).next().is_some(), "{}: {}", level.id, x.id);
                });
            }
        }
    }
    assert_eq!(total, loaded.framework.counts().statements);
    assert!(total > 0, "the ladder has statements");
}

#[test]
fn incremental_rebuild_equals_a_full_build() {
    let (_, mut sources) = example();
    // With the JSON export, so that its rebuild is checked too.
    let toml = sources
        .get("rungs.toml")
        .map(|f| f.text().to_string())
        .expect("the example has a rungs.toml");
    sources.insert(
        "rungs.toml",
        format!("{toml}\n[site]\njson_export = true\n"),
    );
    let old_fw = rungs_core::load(&sources)
        .unwrap_or_else(|e| panic!("{e}"))
        .framework;
    let previous = build(&old_fw, &sources).unwrap_or_else(|e| panic!("{e}"));
    let cases: [(&str, &str, &str); 3] = [
        (
            "tracks/engineering/senior.md",
            "You review code and designs thoroughly",
            "You review code, designs and plans thoroughly",
        ),
        (
            "tracks/site-reliability.yaml",
            "You design for failure",
            "You design for failure and recovery",
        ),
        (
            "pages/faq.md",
            "Is management a promotion?",
            "Is management a step up?",
        ),
    ];
    for (path, from, to) in cases {
        let text = sources
            .get(path)
            .map(|f| f.text().to_string())
            .unwrap_or_else(|| panic!("the example has no {path}"));
        assert!(text.contains(from), "{path}");
        sources.insert(path, text.replace(from, to));
        let new_fw = rungs_core::load(&sources)
            .unwrap_or_else(|e| panic!("{e}"))
            .framework;
        let incremental = rungs_site::rebuild(
            &old_fw,
            previous.clone(),
            &new_fw,
            &sources,
            &[path.to_string()],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let full = build(&new_fw, &sources).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            incremental.files.keys().collect::<Vec<_>>(),
            full.files.keys().collect::<Vec<_>>(),
            "{path}"
        );
        assert!(!full.files.is_empty(), "{path}: nothing built");
        for (name, bytes) in &full.files {
            assert!(
                incremental.files.get(name) == Some(bytes),
                "{path}: {name} differs"
            );
        }
        assert!(
            String::from_utf8_lossy(
                full.get("framework.json")
                    .unwrap_or_else(|| panic!("{} was not built", "framework.json"))
            )
            .contains(to)
        );
        sources.insert(path, text);
    }
}

#[test]
fn inherited_statements_never_repeat_an_id_on_a_level_page() {
    // A track that extends another and says the same thing again at the same
    // rank: both statements get the same derived id.
    let mut sources = SourceSet::new();
    sources.insert(
        "rungs.toml",
        "title = \"T\"\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n",
    );
    sources.insert("tracks/base/_index.md", "---\ntitle: Base\n---\n");
    sources.insert(
        "tracks/base/one.md",
        "---\ntitle: One\nrank: 1\n---\n\n## Craft\n- You write clear code.\n  - You name things well.\n",
    );
    sources.insert(
        "tracks/web/_index.md",
        "---\ntitle: Web\nextends: base\n---\n",
    );
    sources.insert(
        "tracks/web/one.md",
        "---\ntitle: Web One\nrank: 1\n---\n\n## Craft\n- You write clear code.\n  - You name things well.\n",
    );
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.diagnostics.errors(), 0, "{:?}", loaded.diagnostics);
    let site = build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"));
    let page = html(&site, &rungs_site::urls::level("web", "one"));
    let ids: Vec<&str> = page
        .select(&sel("[id]"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "duplicate ids: {ids:?}");
    // Both the level's own statement and the inherited one are there, each
    // with an id (the script adds the `#` link to it).
    assert!(page.select(&sel("li.statement")).count() >= 4, "{ids:?}");
    assert!(
        page.select(&sel("li.statement"))
            .all(|li| li.value().attr("id").is_some())
    );
}

/// A YAML track of `n` levels, one statement each.
fn long_track(n: usize) -> (rungs_core::Framework, SourceSet) {
    let mut yaml = String::from("title: Long\nlevels:\n");
    for i in 0..n {
        yaml.push_str(&format!(
            "  - id: l{i}\n    title: Level {i}\n    rank: {}\n",
            i + 1
        ));
    }
    yaml.push_str("matrix:\n  craft:\n");
    for i in 0..n {
        yaml.push_str(&format!("    l{i}: [Does the work of level {i}.]\n"));
    }
    let mut sources = SourceSet::new();
    sources.insert(
        "rungs.toml",
        "title = \"L\"\n\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n",
    );
    sources.insert("tracks/long.yaml", yaml);
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    (loaded.framework, sources)
}

#[test]
fn pages_of_a_long_track_do_not_grow_with_its_length() {
    // Every page once listed every level: 5,000 levels made 6.1 GB.
    let largest = |n: usize| {
        let (fw, sources) = long_track(n);
        let site = build(&fw, &sources).unwrap_or_else(|e| panic!("{e}"));
        let level_pages = site
            .files
            .iter()
            .filter(|(p, _)| p.starts_with("tracks/long/l"))
            .map(|(_, b)| b.len());
        let largest = level_pages.max().expect("the track has level pages");
        (largest, site)
    };
    let (small, _) = largest(40);
    let (big, site) = largest(400);
    assert!(
        big < small + small / 4,
        "largest level page: {small} bytes with 40 levels, {big} with 400"
    );
    // The window: the current level, ten neighbours each side, and links to the rest.
    let page = html(&site, "tracks/long/l200.html");
    let side: Vec<String> = page
        .select(&sel(".side-levels a"))
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(side.len(), 21 + 2, "{side:?}");
    assert_eq!(side[0], "… 190 earlier levels");
    assert_eq!(side[1], "Level 190");
    assert_eq!(side[21], "Level 210");
    assert_eq!(side[22], "… 189 later levels");
    let first = html(&site, "tracks/long/l0.html");
    assert_eq!(first.select(&sel(".side-levels a")).count(), 21 + 1);
}

#[test]
fn grades_line_tracks_up_on_a_page_and_on_level_pages() {
    let (fw, site) = build_example();
    let page = html(&site, "grades.html");
    let rows: Vec<String> = page
        .select(&sel("table.grades tbody tr"))
        .map(|r| r.text().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(rows.len(), fw.grades.len(), "{rows:?}");
    // Every graded level of every track is linked from its grade's row.
    let mut graded = 0;
    for track in &fw.tracks {
        for level in track.levels.iter().filter(|l| l.grade.is_some()) {
            graded += 1;
            let grade = level.grade.as_deref().expect("filtered on its grade");
            let row = fw
                .grades
                .iter()
                .position(|g| g.id == grade)
                .unwrap_or_else(|| panic!("{grade} is not on the scale"));
            assert!(
                rows[row].contains(&level.title),
                "{} not in row {grade}: {}",
                level.title,
                rows[row]
            );
        }
    }
    assert!(graded > 0, "the example has graded levels");
    // Level pages link their peers at the same grade, in other tracks only.
    let senior = html(&site, "tracks/engineering/senior.html");
    let peers: Vec<&str> = senior
        .select(&sel("p.peers a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        !peers.is_empty() && peers.iter().all(|p| !p.contains("tracks/engineering/")),
        "{peers:?}"
    );
    // The navigation links the page.
    let home = html(&site, "index.html");
    assert!(
        home.select(&sel("a[href=\"grades.html\"]"))
            .next()
            .is_some()
    );
}

#[test]
fn no_grades_page_without_a_grade_scale() {
    let mut sources = SourceSet::new();
    sources.insert(
        "rungs.toml",
        "title = \"T\"\n[[areas]]\ntitle = \"Craft\"\n",
    );
    sources.insert("tracks/eng/_index.md", "---\ntitle: Eng\n---\n");
    sources.insert(
        "tracks/eng/one.md",
        "---\ntitle: One\nrank: 1\n---\n## Craft\n- You learn.\n",
    );
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let site = build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"));
    assert!(site.get("grades.html").is_none());
    let home = html(&site, "index.html");
    assert!(
        home.select(&sel("a[href=\"grades.html\"]"))
            .next()
            .is_none()
    );
}

#[test]
fn statement_links_show_beside_their_statement_and_extends_areas_limits_inheritance() {
    let mut sources = SourceSet::new();
    sources.insert(
        "rungs.toml",
        "title = \"T\"\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n[[areas]]\nid = \"people\"\ntitle = \"People\"\n",
    );
    sources.insert("tracks/base/_index.md", "---\ntitle: Base\n---\n");
    sources.insert(
        "tracks/base/one.md",
        "---\ntitle: One\nrank: 1\n---\n\n## Craft\n- You write clear code.\n## People\n- You welcome newcomers.\n",
    );
    sources.insert(
        "tracks/web/_index.md",
        "---\ntitle: Web\nextends: base\nextends_areas: [craft]\n---\n",
    );
    sources.insert(
        "tracks/web/one.md",
        "---\ntitle: Web One\nrank: 1\n---\n\n## Craft\n- You build accessible pages.\n  - Link: [Accessibility \\[guide\\]](https://example.org/a11y?x=1\\&y=2)\n  - Link: [Bad](javascript:alert\\(1\\))\n",
    );
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.diagnostics.errors(), 0, "{:?}", loaded.diagnostics);
    let site = build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"));
    let page = html(&site, &rungs_site::urls::level("web", "one"));
    // The link to a script is left without an href.
    let links: Vec<(String, Option<&str>)> = page
        .select(&sel("li.statement ul.links a"))
        .map(|a| (a.text().collect::<String>(), a.value().attr("href")))
        .collect();
    assert_eq!(
        links.first().map(|(t, u)| (t.as_str(), *u)),
        Some((
            "Accessibility [guide]",
            Some("https://example.org/a11y?x=1&y=2")
        ))
    );
    let text = page.root_element().html();
    assert!(!text.contains("javascript:"), "{text}");
    // Craft is inherited from base; People is not, as extends_areas says.
    assert!(text.contains("You write clear code."), "{text}");
    assert!(!text.contains("You welcome newcomers."), "{text}");
}

#[test]
fn experience_and_tenure_written_in_words_show_on_level_pages() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../rungs-core/tests/fixtures/valid/indicators-in-words");
    let sources = SourceSet::read_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let site = rungs_site::build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"));
    let agent = html(&site, "tracks/support/agent.html");
    let text: String = agent.root_element().text().collect();
    assert!(text.contains("No prior experience required"), "{text}");
    assert!(text.contains("A year or so"), "{text}");
    let specialist = html(&site, "tracks/support/specialist.html");
    let text: String = specialist.root_element().text().collect();
    assert!(
        text.contains("Several years in a customer-facing role"),
        "{text}"
    );
    assert!(
        text.contains("2-4 years"),
        "ranges still show as ranges: {text}"
    );
}

#[test]
fn a_specialty_to_be_written_is_a_placeholder_not_an_empty_table() {
    let mut sources = SourceSet::new();
    let mut write = |path: &str, text: &str| sources.insert(path, text.as_bytes().to_vec());
    write(
        "rungs.toml",
        "title = \"Specialties\"\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n",
    );
    write("tracks/base/_index.md", "---\ntitle: Engineering\n---\n");
    write(
        "tracks/base/engineer.md",
        "---\ntitle: Engineer\nrank: 1\n---\n## Craft\n- You build and test your changes.\n",
    );
    write(
        "tracks/data/_index.md",
        "---\ntitle: Data specialty\ndescription: To be added by each team.\n---\n",
    );
    write(
        "tracks/search/_index.md",
        "---\ntitle: Search specialty\n---\n",
    );
    write(
        "tracks/search/engineer.md",
        "---\ntitle: Search Engineer\nrank: 1\n---\n",
    );
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let site = build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"));
    let data = html(&site, "tracks/data/index.html");
    let note = data
        .select(&sel("main .placeholder"))
        .next()
        .map(|n| n.text().collect::<String>())
        .expect("the track page says it is a placeholder");
    assert!(
        note.contains("No levels yet.") && note.contains("To be added by each team."),
        "{note}"
    );
    assert_eq!(
        data.select(&sel("main table")).count(),
        0,
        "no empty ladder table"
    );
    assert_eq!(
        data.select(&sel("main .actions")).count(),
        0,
        "no buttons to empty pages"
    );
    assert!(
        site.get("tracks/data/matrix.html").is_none(),
        "no empty grid page"
    );
    let search = html(&site, "tracks/search/index.html");
    assert_eq!(
        search.select(&sel("main .placeholder-levels li")).count(),
        1
    );
    let level = html(&site, "tracks/search/engineer.html");
    assert!(
        level
            .select(&sel("main .placeholder"))
            .next()
            .is_some_and(|n| n
                .text()
                .collect::<String>()
                .contains("No expectations written")),
        "an empty level says so"
    );
    // The ordinary track keeps its ladder and grid.
    assert!(site.get("tracks/base/matrix.html").is_some());
}

/// The example with `[site]` settings and extra files.
fn example_with(site: &str, files: &[(&str, &str)]) -> Site {
    let mut sources = SourceSet::example();
    for (path, text) in files {
        sources.insert(path, *text);
    }
    let text = format!(
        "{}\n{site}\n",
        sources
            .get("rungs.toml")
            .map(|f| f.text())
            .expect("the example has a rungs.toml")
    );
    sources.insert("rungs.toml", text);
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"))
}
