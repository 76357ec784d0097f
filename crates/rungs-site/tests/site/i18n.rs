//! The site's own words: every catalogue parses and has exactly the English
//! catalogue's messages, every message the code asks for exists, and a site
//! in German or Japanese has no English left in its chrome.

use std::collections::BTreeSet;
use std::path::Path;

use fluent_bundle::FluentResource;
use rungs_site::i18n::{LANGUAGES, message_ids};

use super::{example_with, html, sel};

fn english() -> BTreeSet<&'static str> {
    message_ids(LANGUAGES[0].2).into_iter().collect()
}

#[test]
fn every_catalogue_parses_and_has_the_english_messages() {
    let english = english();
    assert!(english.len() > 100, "{}", english.len());
    for (code, _, ftl) in LANGUAGES {
        if let Err((_, errors)) = FluentResource::try_new(ftl.to_string()) {
            panic!("locales/{code}/site.ftl does not parse: {errors:?}");
        }
        let ids: Vec<&str> = message_ids(ftl);
        let set: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(set.len(), ids.len(), "{code}: a message is defined twice");
        let missing: Vec<_> = english.difference(&set).collect();
        assert!(missing.is_empty(), "{code} lacks {missing:?}");
        let extra: Vec<_> = set.difference(&english).collect();
        assert!(
            extra.is_empty(),
            "{code} has messages English lacks: {extra:?}"
        );
    }
}

/// The string literals that open the calls `calls` in `text`: the first
/// argument (and both sides of a `? :` in it).
fn ids_called(text: &str, calls: &[&str], into: &mut BTreeSet<String>) {
    for call in calls {
        for (at, _) in text.match_indices(call) {
            // `t(` is not the end of `format(`; `.get(` is a method anywhere.
            let before = text[..at].chars().next_back();
            if call.starts_with(|c: char| c.is_alphanumeric())
                && before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let rest = &text[at + call.len()..];
            let end = rest.find([',', ')']).unwrap_or(rest.len());
            for (i, literal) in rest[..end].split(['"', '\'']).enumerate() {
                let looks_like_id = !literal.is_empty()
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if i % 2 == 1 && looks_like_id {
                    into.insert(literal.to_string());
                }
            }
        }
    }
}

fn sources_under(dir: &Path, ext: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources_under(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext)
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            out.push(text);
        }
    }
}

#[test]
fn every_message_the_site_asks_for_exists_and_every_message_is_used() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut used = BTreeSet::new();
    for (_, template) in rungs_site::theme::TEMPLATES {
        ids_called(template, &["t("], &mut used);
    }
    let mut rust = Vec::new();
    sources_under(&crate_dir.join("src"), "rs", &mut rust);
    for text in &rust {
        ids_called(
            text,
            &[".get(", ".with(", ".format(", "level_in(ctx, "],
            &mut used,
        );
    }
    // Admonition titles are asked for by kind (`alert-{class}`).
    for kind in ["note", "tip", "important", "warning", "caution"] {
        used.insert(format!("alert-{kind}"));
    }
    let mut scripts = Vec::new();
    sources_under(&crate_dir.join("theme/assets"), "js", &mut scripts);
    for text in &scripts {
        let mut js = BTreeSet::new();
        ids_called(text, &["say(", "sayHtml(", "count("], &mut js);
        used.extend(js.into_iter().map(|id| format!("js-{id}")));
    }
    let english = english();
    // Only ids of messages: literals such as `.get("rungs.toml")` do not
    // look like one.
    let asked: BTreeSet<&str> = used
        .iter()
        .map(String::as_str)
        .filter(|id| id.contains('-') || english.contains(id))
        .collect();
    let missing: Vec<_> = asked.iter().filter(|id| !english.contains(**id)).collect();
    assert!(missing.is_empty(), "asked for but not in en: {missing:?}");
    let unused: Vec<_> = english.iter().filter(|id| !asked.contains(**id)).collect();
    assert!(unused.is_empty(), "in en but never asked for: {unused:?}");
}

/// Words of the English chrome that must not show on a page in another
/// language.
const ENGLISH_CHROME: &[&str] = &[
    "Skip to content",
    "Compare levels",
    "All tracks",
    "On this page",
    "Previous level",
    "Next level",
    "What changes at the next level",
    "Indicators",
    "Typical time at this level",
    "Breadcrumb",
    "Levels and pages",
    "More links",
    "The ladder",
    "All levels in one grid",
    "Individual contributor",
    "Choose a level",
    "Page not found",
    "Each step of",
    "Every level side by side",
    "Examples",
    "aria-label=\"Menu\"",
    ">Home<",
    ">Tracks<",
    ">More<",
];

#[test]
fn a_site_in_german_or_japanese_has_its_words_and_no_english_chrome() {
    for (lang, expected) in [
        (
            "de",
            &[
                "Zum Inhalt springen",
                "Auf dieser Seite",
                "Startseite",
                "Nächste Stufe",
            ][..],
        ),
        (
            "ja",
            &["本文へ移動", "このページの内容", "ホーム", "次のレベル"][..],
        ),
    ] {
        let site = example_with(&format!("[site]\nlanguage = \"{lang}\""), &[]);
        let level = "tracks/engineering/senior.html";
        let page = String::from_utf8_lossy(
            site.get(level)
                .unwrap_or_else(|| panic!("{level} is not built")),
        )
        .into_owned();
        assert!(page.contains(&format!("<html lang=\"{lang}\"")), "{lang}");
        for words in expected {
            assert!(page.contains(words), "{lang}: {level} lacks {words}");
        }
        // Words the framework itself writes (its introduction says
        // "Indicators") are content, not chrome.
        let content: String = rungs_core::SourceSet::example()
            .iter()
            .filter_map(|f| f.text.as_ref().ok().cloned())
            .collect();
        for (path, bytes) in &site.files {
            if !path.ends_with(".html") {
                continue;
            }
            let text = String::from_utf8_lossy(bytes);
            for english in ENGLISH_CHROME.iter().filter(|e| !content.contains(**e)) {
                assert!(
                    !text.contains(english),
                    "{lang}: {path} still says {english:?}"
                );
            }
        }
        // The scripts' words come with the script, in the language.
        let script = String::from_utf8_lossy(
            site.get("assets/rungs.js")
                .expect("assets/rungs.js is built"),
        )
        .into_owned();
        assert!(
            script.starts_with(&format!("window.RUNGS_I18N={{\"lang\":\"{lang}\"")),
            "{}",
            &script[..80.min(script.len())]
        );
        assert!(!script.contains("No results for"), "{lang}");
        // Indicators in the search and comparison data are labelled in the language.
        let data =
            String::from_utf8_lossy(site.get("assets/data.js").expect("assets/data.js is built"))
                .into_owned();
        assert!(!data.contains("Time at this level"), "{lang}");
        let doc = html(&site, "index.html");
        assert_eq!(doc.select(&sel("html[lang]")).count(), 1);
    }
}

#[test]
fn an_english_site_keeps_its_words_and_needs_no_setting() {
    let site = example_with("[site]\nlanguage = \"en\"", &[]);
    let page = String::from_utf8_lossy(
        site.get("tracks/engineering/senior.html")
            .expect("the senior level is built"),
    )
    .into_owned();
    assert!(page.starts_with("<!doctype html>\n<html lang=\"en\""));
    assert!(page.contains("On this page") && page.contains("Skip to content"));
}

#[test]
fn right_to_left_titles_and_statements_lay_out_in_their_own_direction() {
    let sources = rungs_core::SourceSet::example();
    let level = sources
        .get("tracks/engineering/senior.md")
        .map(|f| f.text().to_string())
        .expect("the example has a senior level");
    assert!(!level.is_empty(), "the example has a senior level");
    // A statement in Hebrew and one in Arabic, after the first statement.
    let Some(at) = level.find("\n- ") else {
        panic!("no statement list in {level}")
    };
    let mut rtl = level.clone();
    rtl.insert_str(at, "\n- מוביל את התכנון של המערכת\n- يقود تصميم النظام");
    let site = example_with("", &[("tracks/engineering/senior.md", &rtl)]);
    let page = String::from_utf8_lossy(
        site.get("tracks/engineering/senior.html")
            .expect("the senior level is built"),
    )
    .into_owned();
    let doc = scraper::Html::parse_document(&page);
    let auto: Vec<String> = doc
        .select(&sel("li.statement[dir=auto]"))
        .map(|li| li.text().collect())
        .collect();
    assert_eq!(auto.len(), 2, "{auto:?}");
    assert!(auto[0].contains("מוביל") && auto[1].contains("يقود"));
    // The page itself stays left to right, and English statements are untouched.
    assert!(!page.contains("<html lang=\"en\" dir="));
    assert!(doc.select(&sel("li.statement:not([dir])")).count() > 2);
}
