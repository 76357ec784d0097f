//! `sitemap.xml`: every page of the site, when its URL is known; with
//! translations, every page of each language, each listing its versions
//! in the other languages (`xhtml:link`).

use crate::editions::Editions;
use crate::html::escape;

pub(super) fn sitemap(base: &str, paths: &[String], editions: &Editions) -> String {
    let base = base.trim_end_matches('/');
    let many = editions.all.len() > 1;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
    );
    if many {
        out.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    out.push_str(">\n");
    // Pages named in any script: the address is percent-encoded, as a sitemap's must be.
    let loc = |prefix: &str, path: &str| {
        let url = format!("{base}/{prefix}{}", path.trim_end_matches("index.html"));
        escape(&rungs_core::text::percent_encode(&url))
    };
    for path in paths
        .iter()
        .filter(|p| p.ends_with(".html") && *p != "404.html")
    {
        for edition in &editions.all {
            out.push_str(&format!("  <url><loc>{}</loc>", loc(&edition.prefix, path)));
            if many {
                for (i, other) in editions.all.iter().enumerate() {
                    let href = loc(&other.prefix, path);
                    out.push_str(&format!(
                        "\n    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{href}\"/>",
                        escape(&other.code)
                    ));
                    if i == 0 {
                        out.push_str(&format!(
                            "\n    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{href}\"/>"
                        ));
                    }
                }
                out.push_str("\n  ");
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}
