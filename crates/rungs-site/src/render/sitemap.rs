//! `sitemap.xml`: every page of the site, when its URL is known.

use crate::html::escape;

pub(super) fn sitemap(base: &str, paths: &[String]) -> String {
    let base = base.trim_end_matches('/');
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths
        .iter()
        .filter(|p| p.ends_with(".html") && *p != "404.html")
    {
        // Pages named in any script: the address is percent-encoded, as a sitemap's must be.
        let loc = format!("{base}/{}", path.trim_end_matches("index.html"));
        let loc = rungs_core::text::percent_encode(&loc);
        out.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(&loc)));
    }
    out.push_str("</urlset>\n");
    out
}
