//! What surrounds the content: header links, logos and icons, print codes,
//! admonitions, summaries, and links between the site's own pages.

use super::*;

#[test]
fn site_links_are_shown_in_the_header_and_script_links_are_not() {
    let mut sources = SourceSet::example();
    let toml = sources
        .get("rungs.toml")
        .map(|f| f.text().to_string())
        .expect("the example has a rungs.toml");
    sources.insert(
        "rungs.toml",
        format!(
            "{toml}\n[[site.links]]\ntitle = \"Our blog\"\nurl = \"https://blog.example/\"\n\n[[site.links]]\ntitle = \"Trap\"\nurl = \" JavaScript:alert(1)\"\n"
        ),
    );
    let fw = rungs_core::load(&sources)
        .unwrap_or_else(|e| panic!("{e}"))
        .framework;
    let site = build(&fw, &sources).unwrap_or_else(|e| panic!("{e}"));
    let page = html(&site, "index.html");
    let links: Vec<(String, String)> = page
        .select(&sel("header nav.top-links a"))
        .map(|a| {
            (
                a.text().collect::<String>(),
                a.value()
                    .attr("href")
                    .expect("a link has an href")
                    .to_string(),
            )
        })
        .collect();
    assert_eq!(
        links,
        [("Our blog".to_string(), "https://blog.example/".to_string())]
    );
}

#[test]
fn logo_and_extra_css_are_local_unless_external_urls_are_allowed() {
    let config = |extra: &str| {
        let mut sources = SourceSet::example();
        sources.insert(
            "static/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        );
        let text = format!(
            "{}\n[site]\n{extra}\n",
            sources
                .get("rungs.toml")
                .map(|f| f.text())
                .expect("the example has a rungs.toml")
        );
        sources.insert("rungs.toml", text);
        sources
    };
    for (bad, says) in [
        (
            "logo = \"https://cdn.example.org/logo.svg\"",
            "allow_external",
        ),
        ("logo = \"../secret.png\"", "plain relative path"),
        ("logo = \"/etc/logo.png\"", "plain relative path"),
        ("extra_css = \"javascript:alert(1)\"", "plain relative path"),
        (
            "extra_css = \"static/missing.css\"",
            "not a file the site publishes",
        ),
    ] {
        let err = rungs_site::SiteSettings::from_sources(&config(bad))
            .expect_err("refused")
            .to_string();
        assert!(err.contains(says), "{bad}: {err}");
    }
    // A local logo is reached from pages at any depth.
    let sources = config("logo = \"static/logo.svg\"");
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let site = build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"));
    let logo = |site: &Site, page: &str| {
        html(site, page)
            .select(&sel("a.brand img"))
            .next()
            .and_then(|e| e.value().attr("src").map(str::to_owned))
    };
    assert_eq!(
        logo(&site, "index.html").as_deref(),
        Some("static/logo.svg")
    );
    assert_eq!(
        logo(&site, "tracks/engineering/senior.html").as_deref(),
        Some("../../static/logo.svg")
    );
    // An allowed external URL is used as is on every page.
    let sources = config(
        "allow_external = true\nlogo = \"https://cdn.example.org/logo.svg\"\nextra_css = \"https://cdn.example.org/brand.css\"",
    );
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let site = build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        logo(&site, "tracks/engineering/senior.html").as_deref(),
        Some("https://cdn.example.org/logo.svg")
    );
    let page = html(&site, "tracks/engineering/senior.html");
    let sheets: Vec<&str> = page
        .select(&sel("link[rel=stylesheet]"))
        .filter_map(|e| e.value().attr("href"))
        .collect();
    assert!(
        sheets.contains(&"https://cdn.example.org/brand.css"),
        "{sheets:?}"
    );
}

#[test]
fn a_dark_logo_a_favicon_and_icons_for_known_sites() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
    let site = example_with(
        "[site]\nlogo = \"static/logo.svg\"\nlogo_dark = \"static/logo-dark.svg\"\n\n[[site.links]]\ntitle = \"GitHub\"\nurl = \"https://github.com/example/ladder\"\n\n[[site.links]]\ntitle = \"Handbook\"\nurl = \"https://gitlab.com/example/handbook\"\n\n[[site.links]]\ntitle = \"Blog\"\nurl = \"https://blog.example/\"\n",
        &[("static/logo.svg", svg), ("static/logo-dark.svg", svg)],
    );
    let page = html(&site, "tracks/engineering/senior.html");
    let srcs: Vec<(&str, &str)> = page
        .select(&sel("a.brand img"))
        .map(|i| {
            (
                i.value().attr("class").unwrap_or(""),
                i.value().attr("src").unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        srcs,
        [
            ("logo-light", "../../static/logo.svg"),
            ("logo-dark", "../../static/logo-dark.svg")
        ]
    );
    // The favicon is the logo when no `favicon` is set.
    let icon = page
        .select(&sel("link[rel=icon]"))
        .next()
        .and_then(|l| l.value().attr("href"));
    assert_eq!(icon, Some("../../static/logo.svg"));
    // GitHub and GitLab links are icons in the header, named for screen readers.
    let classes: Vec<(String, String)> = page
        .select(&sel("nav.top-links a"))
        .map(|a| {
            (
                a.value().attr("class").unwrap_or("").to_string(),
                a.text().collect::<String>(),
            )
        })
        .collect();
    assert_eq!(
        classes,
        [
            ("icon icon-github".to_string(), "GitHub".to_string()),
            ("icon icon-gitlab".to_string(), "Handbook".to_string()),
            ("external".to_string(), "Blog".to_string())
        ]
    );
    // Without a logo or favicon, an empty icon: no request for /favicon.ico.
    let (_, plain) = build_example();
    let icon = html(&plain, "index.html")
        .select(&sel("link[rel=icon]"))
        .next()
        .and_then(|l| l.value().attr("href").map(str::to_string));
    assert_eq!(icon.as_deref(), Some("data:,"));
    // An explicit favicon wins over the logo; a missing one is refused.
    let site = example_with(
        "[site]\nlogo = \"static/logo.svg\"\nfavicon = \"static/icon.png\"\n",
        &[("static/logo.svg", svg), ("static/icon.png", "png")],
    );
    let icon = html(&site, "index.html")
        .select(&sel("link[rel=icon]"))
        .next()
        .and_then(|l| l.value().attr("href").map(str::to_string));
    assert_eq!(icon.as_deref(), Some("static/icon.png"));
    let mut sources = SourceSet::example();
    let text = format!(
        "{}\n[site]\nfavicon = \"static/none.png\"\n",
        sources.get("rungs.toml").map(|f| f.text()).unwrap_or("")
    );
    sources.insert("rungs.toml", text);
    let err = rungs_site::SiteSettings::from_sources(&sources)
        .expect_err("refused")
        .to_string();
    assert!(err.contains("favicon"), "{err}");
}

#[test]
fn statement_codes_print_only_when_asked() {
    let (_, site) = build_example();
    let class = |site: &Site| {
        html(site, "tracks/engineering/senior.html")
            .select(&sel("html"))
            .next()
            .map(|h| h.value().attr("class").unwrap_or("").to_string())
            .expect("the page has an html element")
    };
    assert!(!class(&site).contains("print-codes"));
    let site = example_with("[site]\nprint_codes = true\n", &[]);
    assert!(class(&site).contains("print-codes"), "{}", class(&site));
    // Every printed page ends with the footer's text: said once, in the
    // stylesheet, where it cannot end a rule or close anything.
    let site = example_with(
        "[site]\nfooter = \"**Acme** · CC BY 4.0 · a < b </style>\"\n",
        &[],
    );
    let page = String::from_utf8_lossy(
        site.get("tracks/engineering/senior.html")
            .expect("the senior level is built"),
    )
    .into_owned();
    assert!(
        !page.contains("@bottom-left"),
        "the footer rule is in every page"
    );
    let css = String::from_utf8_lossy(
        site.get("assets/rungs.css")
            .expect("assets/rungs.css is built"),
    );
    assert!(
        css.contains(r#"@media print{@page{@bottom-left{content:"Acme · CC BY 4.0 · a \3c  b";"#),
        "{}",
        &css[css.len().saturating_sub(300)..]
    );
    // The stylesheet prints the codes only under that class.
    assert!(css.contains(".print-codes .statement::after"));
    // Statement links no longer print their address beside every statement.
    assert!(!css.contains("attr(href)"), "codes are printed by default");
}

#[test]
fn alerts_callouts_and_fenced_blocks_are_admonitions() {
    let site = example_with(
        "",
        &[(
            "pages/notes.md",
            "---\ntitle: Notes\n---\n\n> [!WARNING]\n> Levels are **not** job titles.\n\n:::tip Good to know\nAsk your manager.\n:::\n\n> A plain quote.\n",
        )],
    );
    let page = html(&site, "pages/notes.html");
    let callouts: Vec<(String, String)> = page
        .select(&sel(".prose .callout"))
        .map(|c| {
            (
                c.value().attr("class").unwrap_or("").to_string(),
                c.text().collect::<String>(),
            )
        })
        .collect();
    assert_eq!(callouts.len(), 2, "{callouts:?}");
    assert_eq!(callouts[0].0, "callout callout-warning");
    assert!(callouts[0].1.starts_with("Warning"), "{callouts:?}");
    assert!(callouts[0].1.contains("Levels are not job titles."));
    assert_eq!(callouts[1].0, "callout callout-tip");
    assert!(callouts[1].1.contains("Good to know") && callouts[1].1.contains("Ask your manager."));
    // A quote without a kind stays a quote.
    assert_eq!(page.select(&sel(".prose blockquote")).count(), 1);
}

#[test]
fn summaries_show_as_text_without_markdown_marks() {
    let mut sources = SourceSet::new();
    sources.insert(
        "rungs.toml",
        "title = \"T\"\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n",
    );
    sources.insert("tracks/web/_index.md", "---\ntitle: Web\n---\n");
    sources.insert(
        "tracks/web/one.md",
        "---\ntitle: Web One\nrank: 1\nsummary: \"**Builds** the [web](two.md) app\"\n---\n\n## Craft\n- You write clear code.\n",
    );
    sources.insert(
        "tracks/web/two.md",
        "---\ntitle: Web Two\nrank: 2\n---\n\n## Craft\n- You lead the code.\n",
    );
    let loaded = rungs_core::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let site = build(&loaded.framework, &sources).unwrap_or_else(|e| panic!("{e}"));
    for (page, selector) in [
        ("tracks/web/one.html", "p.lead"),
        ("tracks/web/index.html", ".rung-summary"),
    ] {
        let text: String = html(&site, page)
            .select(&sel(selector))
            .flat_map(|e| e.text())
            .collect();
        assert_eq!(text.trim(), "Builds the web app", "{page}");
    }
}

#[test]
fn links_into_the_pages_own_folders_are_made_direct() {
    let page = "tracks/a/x.html";
    let cases = [
        (
            r#"<a href="../../tracks/a/y.html">"#,
            r#"<a href="y.html">"#,
        ),
        (
            r#"<a href="../../tracks/b/y.html#s">"#,
            r#"<a href="../b/y.html#s">"#,
        ),
        (
            r#"<a href="../../index.html">"#,
            r#"<a href="../../index.html">"#,
        ),
        (
            r#"<a href="../../tracks-x/y.html">"#,
            r#"<a href="../../tracks-x/y.html">"#,
        ),
        // Never a link to the page itself, an absolute path or a scheme.
        (
            r#"<a href="../../tracks/a/#top">"#,
            r#"<a href="../../tracks/a/#top">"#,
        ),
        (
            r#"<a href="../../tracks/a/">"#,
            r#"<a href="../../tracks/a/">"#,
        ),
        (
            r#"<a href="../../tracks/a//evil">"#,
            r#"<a href="../../tracks/a//evil">"#,
        ),
        (
            r#"<a href="../../tracks/a/javascript:alert(1)">"#,
            r#"<a href="../../tracks/a/javascript:alert(1)">"#,
        ),
        (
            r#"<a href="../../tracks/a/../b.html">"#,
            r#"<a href="../../tracks/a/../b.html">"#,
        ),
    ];
    for (html, want) in cases {
        assert_eq!(rungs_site::urls::shorten_links(html, page), want, "{html}");
    }
    assert_eq!(
        rungs_site::urls::shorten_links(r#"<a href="../pages/b.html">"#, "pages/a.html"),
        r#"<a href="b.html">"#
    );
    assert_eq!(
        rungs_site::urls::shorten_links(r#"<a href="pages/b.html">"#, "index.html"),
        r#"<a href="pages/b.html">"#
    );
}
