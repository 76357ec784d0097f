//! Planning a build and rendering it: the pages to render (all, or those of
//! the tracks that changed), rendered in parallel while the data files are
//! written; then the theme's assets, the sitemap and the `static/` files.

use rayon::prelude::*;

use rungs_core::model::{Level, Track};
use rungs_core::{Framework, SourceSet};

use crate::settings::SiteSettings;
use crate::theme::Theme;
use crate::{Output, SiteError, data, urls};

use super::Rendered;
use super::context::Ctx;
use super::sitemap::sitemap;
use super::track::is_placeholder;
use super::{compare, grades, level, matrix, pages, track};

/// Renders the whole site into `out`, page by page.
///
/// With `only`, the pages of other tracks are not rendered (they are known to
/// be unchanged); site-wide pages and data files always are.
pub(crate) fn render_site(
    fw: &Framework,
    sources: &SourceSet,
    settings: &SiteSettings,
    theme: &Theme,
    out: &dyn Output,
    only: Option<&std::collections::HashSet<String>>,
    editions: &crate::editions::Editions,
) -> Result<(), SiteError> {
    let ctx = Ctx::new(fw, settings, theme, editions);
    let mut all_paths_extra: Vec<String> = Vec::new();
    // Pages are independent: render them in parallel.
    let mut jobs: Vec<Job<'_>> = vec![Job::Home, Job::NotFound, Job::CompareIndex];
    if ctx.site.has_grades {
        jobs.push(Job::Grades);
        all_paths_extra.push(urls::GRADES.to_string());
    }
    jobs.extend(fw.pages.iter().map(Job::Page));
    // Every page of the site, for the sitemap, even those not re-rendered.
    let mut all_paths: Vec<String> = std::mem::take(&mut all_paths_extra);
    let wanted = |id: &str| only.is_none_or(|set| set.contains(id));
    for track in &fw.tracks {
        all_paths.push(urls::track(&track.id));
        // A placeholder track has no grid to show.
        let grid = !is_placeholder(track);
        if grid {
            all_paths.push(urls::matrix(&track.id));
        }
        if wanted(&track.id) {
            jobs.push(Job::Track(track));
            if grid {
                jobs.push(Job::Matrix(track));
            }
        }
        let ladder = ctx.index.ladder(track);
        // The level's place among its own track's levels ("Level 3 of 5").
        let mut own = 0;
        for (i, (t, level)) in ladder.iter().enumerate() {
            if t.id == track.id {
                own += 1;
                all_paths.push(urls::level(&track.id, &level.id));
                if wanted(&track.id) {
                    jobs.push(Job::Level(track, level, i, own));
                }
            }
        }
        // One comparison page per track with a step up: the browser builds
        // each pair from data.js, rather than a page per pair being written.
        if !super::compare::steps(&ctx, track).is_empty() {
            all_paths.push(urls::compare_track(&track.id));
            if wanted(&track.id) {
                jobs.push(Job::Compare(track));
            }
        }
    }
    let mut ctx = ctx;
    ctx.facts = crate::facts::by_level(fw, &ctx.areas, ctx.words());
    let ctx = ctx;
    // The two big data files are written while the pages render.
    let (paths, data) = rayon::join(
        || -> Result<Vec<String>, SiteError> {
            jobs.par_iter()
                .map(|job| {
                    let (path, bytes) = job.render(&ctx)?;
                    out.put(&path, bytes)?;
                    Ok(path)
                })
                .collect()
        },
        || -> Result<(), SiteError> {
            let (data, json) = rayon::join(
                || {
                    out.put_with("assets/data.js", &|w| {
                        data::write_data_js(
                            fw,
                            &ctx.areas,
                            &ctx.facts,
                            &ctx.boilerplate,
                            &mut std::io::BufWriter::new(w),
                        )
                    })
                },
                // Compact: it is for programs, and large frameworks publish tens of megabytes.
                // Serialised through a typed buffer: many small writes, each
                // a cheap copy rather than a call through `dyn Write`.
                // Only when asked (`json_export`): no page reads it.
                || {
                    if !settings.json_export {
                        return Ok(());
                    }
                    out.put_with("framework.json", &|w| {
                        let mut w = std::io::BufWriter::new(w);
                        serde_json::to_writer(&mut w, fw).map_err(std::io::Error::from)?;
                        std::io::Write::flush(&mut w)
                    })
                },
            );
            data.and(json)
        },
    );
    let paths = paths?;
    data?;
    for (name, bytes) in &theme.assets {
        if name == "rungs.css" {
            // The printed footer is the site's (and its language's): said
            // once here rather than in the head of every page.
            let mut css = bytes.clone();
            css.extend_from_slice(ctx.site.print_footer_rule().as_bytes());
            out.put("assets/rungs.css", css)?;
        } else {
            out.put(&format!("assets/{name}"), bytes.clone())?;
        }
    }
    // One sitemap, at the root, lists the pages of every edition.
    if let Some(base) = editions.base_url.as_ref().filter(|_| editions.is_source()) {
        // Site-wide pages are always rendered; track pages are listed above.
        all_paths.extend(paths.into_iter().filter(|p| {
            !p.starts_with("tracks/") && !p.starts_with("compare/") || p == urls::COMPARE_INDEX
        }));
        all_paths.sort();
        all_paths.dedup();
        out.put(
            "sitemap.xml",
            sitemap(base, &all_paths, editions).into_bytes(),
        )?;
    }
    for file in sources.iter() {
        if file.path.starts_with("static/") {
            out.put(&file.path, file.bytes().to_vec())?;
        }
    }
    Ok(())
}

enum Job<'a> {
    Home,
    NotFound,
    CompareIndex,
    Grades,
    Page(&'a rungs_core::model::Page),
    Track(&'a Track),
    Matrix(&'a Track),
    /// A level, its index in the track's ladder and its place (from 1)
    /// among the track's own levels.
    Level(&'a Track, &'a Level, usize, usize),
    /// A track's comparison page.
    Compare(&'a Track),
}

impl Job<'_> {
    fn render(&self, ctx: &Ctx<'_>) -> Rendered {
        match self {
            Job::Home => pages::home(ctx),
            Job::NotFound => pages::not_found(ctx),
            Job::Page(p) => pages::free_page(ctx, p),
            Job::Track(t) => track::render(ctx, t),
            Job::Matrix(t) => matrix::render(ctx, t),
            Job::Level(t, level, i, position) => level::render(ctx, t, level, *i, *position),
            Job::Compare(t) => compare::track_page(ctx, t),
            Job::Grades => grades::render(ctx),
            Job::CompareIndex => compare::index(ctx),
        }
    }
}
