//! The site-wide pages: the home page, the 404 page and the free pages
//! (`pages/*.md`).

use serde::Serialize;

use rungs_core::model::Page;

use crate::markdown::to_html;
use crate::urls;

use super::Rendered;
use super::context::{Ctx, NavTrack};
use super::source_of;

/// The home page: the introduction and every track.
pub(super) fn home(ctx: &Ctx<'_>) -> Rendered {
    #[derive(Serialize)]
    struct Home<'a> {
        introduction_html: Option<String>,
        tracks: Vec<(&'a NavTrack, Option<String>)>,
    }
    let fw = ctx.fw;
    let path = urls::HOME.to_string();
    let home = Home {
        introduction_html: fw
            .introduction
            .as_deref()
            .map(|m| to_html(m, &ctx.place("_index.md", &path))),
        tracks: ctx
            .tracks
            .iter()
            .zip(&fw.tracks)
            .map(|(n, t)| (n, t.description.clone()))
            .collect(),
    };
    let common = ctx.common(&path, &fw.title, None, "home");
    Ok((path, ctx.render("index.html", common, &home)?))
}

/// The 404 page.
pub(super) fn not_found(ctx: &Ctx<'_>) -> Rendered {
    let path = "404.html".to_string();
    let mut common = ctx.common(&path, &ctx.words().get("not-found-title"), None, "");
    // A 404 page is served at any depth: when the site knows its URL, links
    // start at its path ("/careers/"), which stays on the same server.
    if let Some(base) = &ctx.site.base_url {
        common.root = site_path(base);
    }
    common.canonical = None;
    Ok((path, ctx.render("404.html", common, &())?))
}

/// A free page.
pub(super) fn free_page(ctx: &Ctx<'_>, p: &Page) -> Rendered {
    #[derive(Serialize)]
    struct FreePage {
        body_html: String,
    }
    let path = urls::page(&p.id);
    let source = source_of(&p.span, || format!("pages/{}.md", p.id));
    let common = ctx.common(&path, &p.title, p.description.as_deref(), &p.id);
    let page = FreePage {
        body_html: to_html(&p.body, &ctx.place(&source, &path)),
    };
    Ok((path, ctx.render("page.html", common, &page)?))
}

/// The path part of a base URL, with slashes at both ends: `https://x.org/careers` → `/careers/`.
fn site_path(base: &str) -> String {
    let after_scheme = base.split_once("://").map_or(base, |(_, rest)| rest);
    let path = after_scheme
        .split_once('/')
        .map_or("", |(_, p)| p)
        .trim_matches('/');
    if path.is_empty() {
        "/".to_string()
    } else {
        format!("/{path}/")
    }
}
