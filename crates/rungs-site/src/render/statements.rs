//! Statements as HTML: the `<li>` lists of level pages, and the cells of
//! grids and comparisons.

use rungs_core::model::Statement;

use crate::html::{escape, escape_into};
use crate::markdown::{Place, inline_html};
use crate::urls;

use super::context::Ctx;

impl Ctx<'_> {
    /// The statements as `<li>` elements (with ids, examples and
    /// sub-statements). Rendered in Rust rather than by a template macro:
    /// level pages hold hundreds of statements and this is the hot path of
    /// large builds. Style them with CSS (classes `statement`, `name`,
    /// `examples`, `links`, `children`; the script adds an `anchor` link).
    ///
    /// `from` is the track of inherited statements: their anchors name it,
    /// so they never take the id of one of the level's own statements.
    pub(super) fn statements_html(
        &self,
        statements: &[&Statement],
        place: &Place<'_>,
        from: Option<&str>,
    ) -> String {
        let mut out = String::with_capacity(statements.len() * 300);
        for s in statements {
            self.write_statement(s, place, from, &mut out);
        }
        out
    }

    fn write_statement(
        &self,
        s: &Statement,
        place: &Place<'_>,
        from: Option<&str>,
        out: &mut String,
    ) {
        let anchor = match from {
            Some(track) => escape(&urls::inherited_anchor(track, &s.id)),
            None => escape(&urls::anchor(&s.id)),
        };
        // The `#` link to the statement is added by the script, not
        // written before each of the hundreds of statements of a page.
        out.push_str("<li id=\"");
        out.push_str(&anchor);
        out.push_str("\" class=\"statement\"");
        out.push_str(crate::html::dir_auto(&s.text));
        out.push('>');
        if let Some(name) = &s.name {
            out.push_str("<strong class=\"name\">");
            escape_into(out, name);
            out.push_str("</strong>: ");
        }
        out.push_str(&inline_html(&s.text, place));
        if !s.examples.is_empty() {
            out.push_str("<details class=\"examples\"><summary>");
            out.push_str(&self.words_html.examples);
            out.push_str("</summary><ul>");
            for e in &s.examples {
                out.push_str("<li>");
                out.push_str(&inline_html(e, place));
                out.push_str("</li>");
            }
            out.push_str("</ul></details>");
        }
        if !s.links.is_empty() {
            // Through the Markdown renderer, so a link gets the same URL
            // rewriting and sanitising as a link written in the text.
            out.push_str("<ul class=\"links\" aria-label=\"");
            out.push_str(&self.words_html.further_reading);
            out.push_str("\">");
            for link in &s.links {
                out.push_str("<li>");
                out.push_str(&inline_html(&link.markdown(), place));
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        if !s.children.is_empty() {
            out.push_str("<ul class=\"children\">");
            for c in &s.children {
                self.write_statement(c, place, from, out);
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>\n");
    }
}
