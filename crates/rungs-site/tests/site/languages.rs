//! Each translation published as a site of its own under `<lang>/`.

use rungs_core::SourceSet;
use rungs_site::{Site, build};
use scraper::Html;

use super::{html, sel};

const SENIOR: &str = "tracks/engineering/senior.html";

fn build_with(settings: &str) -> Result<Site, rungs_site::SiteError> {
    let mut sources = SourceSet::example();
    let config = format!(
        "{}\n[site]\n{settings}\n",
        sources
            .get("rungs.toml")
            .map(|f| f.text())
            .expect("the example has a rungs.toml")
    );
    sources.insert("rungs.toml", config);
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    build(&loaded.framework, &sources)
}

fn example_site() -> Site {
    let sources = SourceSet::example();
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"))
}

fn text_of(page: &Html, selector: &str) -> String {
    page.select(&sel(selector))
        .map(|e| e.text().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `(hreflang, href)` of every alternate link in the head.
fn alternates(page: &Html) -> Vec<(String, String)> {
    page.select(&sel("head link[rel=alternate][hreflang]"))
        .map(|l| {
            (
                l.value()
                    .attr("hreflang")
                    .expect("an alternate link has hreflang")
                    .to_string(),
                l.value()
                    .attr("href")
                    .expect("an alternate link has href")
                    .to_string(),
            )
        })
        .collect()
}

/// `(lang, href)` of every link of the language switcher.
fn switcher(page: &Html) -> Vec<(String, String)> {
    page.select(&sel("header .lang-switch a[hreflang]"))
        .map(|a| {
            (
                a.value()
                    .attr("hreflang")
                    .expect("a switcher link has hreflang")
                    .to_string(),
                a.value()
                    .attr("href")
                    .expect("a switcher link has href")
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn each_translation_is_a_site_under_its_language() {
    let site = example_site();
    let source = html(&site, SENIOR);
    let de = html(&site, &format!("de/{SENIOR}"));
    let ja = html(&site, &format!("ja/{SENIOR}"));
    // The translated statements, from translations/<lang>/tracks/engineering/senior.yaml.
    let statements = |page: &Html| text_of(page, "main li.statement");
    assert!(statements(&source).contains("You review code and designs thoroughly"));
    assert!(
        statements(&de).contains("Du prüfst Code und Entwürfe gründlich"),
        "{}",
        statements(&de)
    );
    assert!(
        statements(&ja).contains("コードと設計を、丁寧に、思いやりをもって、素早くレビューする。")
    );
    assert!(!statements(&ja).contains("You review code and designs thoroughly"));
    assert!(
        text_of(&ja, "main h1")
            .trim()
            .starts_with("シニアエンジニア")
    );
    // The page's language.
    let lang = |page: &Html| {
        page.select(&sel("html"))
            .next()
            .and_then(|h| h.value().attr("lang"))
            .expect("the page has <html lang>")
            .to_string()
    };
    assert_eq!(lang(&source), "en");
    assert_eq!(lang(&de), "de");
    assert_eq!(lang(&ja), "ja");
    // Around the content, each speaks its own language too.
    assert_eq!(text_of(&source, ".toc-title").trim(), "On this page");
    assert_eq!(text_of(&de, ".toc-title").trim(), "Auf dieser Seite");
    assert_eq!(text_of(&ja, ".toc-title").trim(), "このページの内容");
    // The same page set in every language, with its own assets and search data.
    for path in site.files.keys().filter(|p| {
        !p.contains('/')
            || p.starts_with("tracks/")
            || p.starts_with("compare/")
            || p.starts_with("pages/")
            || p.starts_with("assets/")
    }) {
        if path == "sitemap.xml" {
            continue;
        }
        for lang in ["de", "ja"] {
            assert!(
                site.get(&format!("{lang}/{path}")).is_some(),
                "{lang}/{path} is missing"
            );
        }
    }
    let data = |path: &str| {
        String::from_utf8_lossy(
            site.get(path)
                .unwrap_or_else(|| panic!("{path} is not built")),
        )
        .into_owned()
    };
    assert!(data("de/assets/data.js").contains("Du prüfst Code und Entwürfe gründlich"));
    assert!(!data("assets/data.js").contains("Du prüfst Code"));
    assert!(data("ja/assets/data.js").contains("素早くレビューする"));
}

#[test]
fn every_page_links_its_versions_in_the_other_languages() {
    let site = example_site();
    let base = "https://careers.northwind.example/";
    let expected: Vec<(String, String)> = [
        ("en", format!("{base}{SENIOR}")),
        ("x-default", format!("{base}{SENIOR}")),
        ("de", format!("{base}de/{SENIOR}")),
        ("ja", format!("{base}ja/{SENIOR}")),
    ]
    .into_iter()
    .map(|(l, h)| (l.to_string(), h))
    .collect();
    for path in [
        SENIOR.to_string(),
        format!("de/{SENIOR}"),
        format!("ja/{SENIOR}"),
    ] {
        let page = html(&site, &path);
        assert_eq!(alternates(&page), expected, "{path}");
        // The switcher leads to the same page in each language, named in it.
        let links = switcher(&page);
        assert_eq!(
            links.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(),
            ["en", "de", "ja"],
            "{path}"
        );
        // Relative, so they stay on the server showing the site (`rungs serve`).
        for (lang, href) in &links {
            let own = path.starts_with(&format!("{lang}/")) || (lang == "en" && path == SENIOR);
            assert!(
                !href.contains("://")
                    && href.ends_with("senior.html")
                    && (own || href.ends_with(SENIOR)),
                "{path}: {href}"
            );
        }
        let names = text_of(&page, "header .lang-switch li");
        assert!(
            names.contains("Deutsch") && names.contains("日本語"),
            "{names}"
        );
        let current = text_of(&page, "header .lang-switch a[aria-current]");
        let lang = path
            .split('/')
            .next()
            .filter(|l| l.len() == 2)
            .unwrap_or("en");
        let own = match lang {
            "de" => "Deutsch",
            "ja" => "日本語",
            _ => "English",
        };
        assert_eq!(current, own, "{path}");
    }
    // Pages at the root of a language too: the home page.
    let home = html(&site, "ja/index.html");
    assert!(alternates(&home).contains(&("de".to_string(), format!("{base}de/"))));
    // One sitemap lists each language's pages, each with its alternates.
    let sitemap = String::from_utf8_lossy(site.get("sitemap.xml").expect("sitemap.xml is built"))
        .into_owned();
    assert!(
        sitemap.contains(&format!("<loc>{base}ja/{SENIOR}</loc>")),
        "{sitemap}"
    );
    assert!(sitemap.contains(&format!(
        "<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"{base}de/{SENIOR}\"/>"
    )));
    assert!(site.get("de/sitemap.xml").is_none());
}

/// A framework whose source is written in German (`[site] language`)
/// says so on its own pages and keeps its translations' languages.
#[test]
fn the_source_speaks_the_sites_language() {
    let site = build_with("language = \"de\"").unwrap_or_else(|e| panic!("{e}"));
    let lang = |path: &str| {
        html(&site, path)
            .select(&sel("html"))
            .next()
            .and_then(|h| h.value().attr("lang"))
            .expect("the page has <html lang>")
            .to_string()
    };
    assert_eq!(lang(SENIOR), "de");
    assert_eq!(lang(&format!("ja/{SENIOR}")), "ja");
    assert_eq!(
        text_of(&html(&site, &format!("ja/{SENIOR}")), ".toc-title").trim(),
        "このページの内容"
    );
}

#[test]
fn relative_alternates_without_a_base_url() {
    let mut sources = SourceSet::example();
    let config = sources
        .get("rungs.toml")
        .map(|f| {
            f.text()
                .replace("base_url = \"https://careers.northwind.example/\"", "")
        })
        .expect("the example has a rungs.toml");
    sources.insert("rungs.toml", config);
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let site = build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"));
    let ja = html(&site, &format!("ja/{SENIOR}"));
    let links = switcher(&ja);
    // From ja/tracks/engineering/, the source is three folders up.
    assert!(
        links.contains(&(
            "en".to_string(),
            "../../../tracks/engineering/senior.html".to_string()
        )),
        "{links:?}"
    );
    assert!(
        links.contains(&(
            "de".to_string(),
            "../../../de/tracks/engineering/senior.html".to_string()
        )),
        "{links:?}"
    );
    assert!(
        links.contains(&(
            "ja".to_string(),
            "../../../ja/tracks/engineering/senior.html".to_string()
        )),
        "{links:?}"
    );
    assert!(site.get("sitemap.xml").is_none());
}

#[test]
fn site_languages_restricts_the_translations_published() {
    let site = build_with("languages = [\"de\"]").unwrap_or_else(|e| panic!("{e}"));
    assert!(site.get(&format!("de/{SENIOR}")).is_some());
    assert!(site.files.keys().all(|p| !p.starts_with("ja/")));
    let page = html(&site, SENIOR);
    assert_eq!(
        switcher(&page)
            .iter()
            .map(|(l, _)| l.as_str())
            .collect::<Vec<_>>(),
        ["en", "de"]
    );
    // None: the source alone, with no switcher and no alternates.
    let site = build_with("languages = []").unwrap_or_else(|e| panic!("{e}"));
    assert!(
        site.files
            .keys()
            .all(|p| !p.starts_with("de/") && !p.starts_with("ja/"))
    );
    let page = html(&site, SENIOR);
    assert!(switcher(&page).is_empty());
    assert!(alternates(&page).is_empty());
    // A language with no translation is refused, naming those there are.
    let err = build_with("languages = [\"fr\"]")
        .err()
        .map(|e| e.to_string())
        .expect("an untranslated language is refused");
    assert!(err.contains("`fr`") && err.contains("de, ja"), "{err}");
}

#[test]
fn japanese_search_data_holds_the_text_the_browser_pairs() {
    let site = example_site();
    let data = String::from_utf8_lossy(
        site.get("ja/assets/data.js")
            .expect("ja/assets/data.js is built"),
    )
    .into_owned();
    // 設計 sits inside 「コードと設計を…」: the sentence is published whole,
    // and rungs.js indexes it as its character pairs when search opens.
    assert!(
        data.contains("コードと設計を"),
        "no statement text in ja/assets/data.js"
    );
    // The pairs themselves are not published: they were twice the text.
    assert!(!data.contains("\"k\":["), "pairs in ja/assets/data.js");
    assert!(!data.contains("設計 計を"), "pairs in ja/assets/data.js");
}
