//! Rendering every page of the site.

use std::collections::HashMap;

use minijinja::Value;
use rayon::prelude::*;
use serde::Serialize;

use rungs_core::AreaIndex;
use rungs_core::compare::{Change, Prepared, compare_prepared};
use rungs_core::model::{Level, Statement, Track, TrackIndex};
use rungs_core::{Framework, SourceSet};

use crate::chart::{Palette, legend_html, stacked_html, strip_html, time_split_html};
use crate::html::{escape, escape_into};
use crate::ladder::{LadderView, ladder};
use crate::markdown::{Place, inline_html, to_html};
use crate::settings::SiteSettings;
use crate::theme::Theme;
use crate::{Output, SiteError, data, urls};

/// A link: title and path relative to the site root.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    /// Text of the link.
    pub title: String,
    /// Target, relative to the site root.
    pub url: String,
}

#[derive(Serialize)]
struct SiteView {
    title: String,
    description: Option<String>,
    base_url: Option<String>,
    accent: Option<String>,
    logo: Option<String>,
    extra_css: Option<String>,
    /// The logo is an external URL (`allow_external`): not prefixed with
    /// the way back to the site root.
    logo_external: bool,
    /// As `logo_external`, for `extra_css`.
    extra_css_external: bool,
    footer_html: Option<String>,
    /// The framework has a grade scale with graded levels: link the grades page.
    has_grades: bool,
    /// Header links (`[[site.links]]`).
    links: Vec<LinkView>,
}

#[derive(Serialize)]
struct LinkView {
    title: String,
    url: String,
    /// Leaves the site and its title has no arrow of its own: the theme marks it.
    external: bool,
}

#[derive(Serialize)]
struct NavTrack {
    id: String,
    title: String,
    url: String,
    kind: &'static str,
    levels: Vec<Link>,
    /// Levels left out before and after `levels` on the pages of a track too
    /// long to list whole (see [`NAV_NEIGHBOURS`]).
    hidden_before: usize,
    hidden_after: usize,
}

/// On the pages of a track with more levels than this, the side navigation
/// lists only the current level's neighbours (and a link to the track
/// page), and pre-rendered comparisons offer only the pair's neighbours:
/// listing every level on every page made a 5,000-level track 6.1 GB.
const NAV_NEIGHBOURS: usize = 10;
const NAV_LEVELS: usize = 2 * NAV_NEIGHBOURS + 1;

/// The part of `levels` shown around position `current`: its range.
fn level_window(len: usize, current: usize) -> std::ops::Range<usize> {
    if len <= NAV_LEVELS {
        return 0..len;
    }
    let from = current.saturating_sub(NAV_NEIGHBOURS).min(len - NAV_LEVELS);
    from..from + NAV_LEVELS
}

/// Navigation shown on every page. Its size does not grow with the number of
/// levels (nor, past a few, of tracks), so the site builds in linear time.
#[derive(Serialize)]
struct Nav {
    /// Every track, when there are few enough to list on every page.
    tracks: Vec<Link>,
    /// True when there are too many tracks to list; the home page lists them.
    many_tracks: bool,
    pages: Vec<Link>,
}

/// Most tracks listed in the navigation of every page.
const NAV_TRACKS: usize = 12;

/// What every template gets (see docs/theming.md). The site, the navigation
/// and each track's navigation are converted to template values once per
/// build and shared by every page.
struct Common {
    /// Prefix from this page back to the root: `""`, `"../"`, ...
    root: String,
    /// This page, relative to the root.
    path: String,
    /// Absolute URL of this page when `base_url` is set.
    canonical: Option<String>,
    /// `<title>` and `<h1>`.
    title: String,
    /// Meta description.
    description: Option<String>,
    /// Which navigation entry is current (a track id, a page id, or "home").
    section: String,
    /// The current track and its levels, on track, level, matrix and compare pages.
    track_nav: Option<Value>,
}

#[derive(Serialize)]
struct Inherited {
    from: Link,
    statements_html: String,
}

#[derive(Serialize)]
struct AreaSection {
    id: String,
    title: String,
    description: Option<String>,
    /// 2 for top-level areas, 3 for their children, ...
    heading: usize,
    /// The level's own statements in this area, as `<li>` elements.
    statements_html: String,
    inherited: Vec<Inherited>,
}

#[derive(Serialize)]
struct LevelView {
    id: String,
    title: String,
    /// The level's place in its own track, from 1 ("Level 3 of 5").
    position: usize,
    /// How many levels its track has.
    of: usize,
    /// The grade as people read it (`L5 · Middle+`).
    grade: Option<String>,
    /// The levels of other tracks at the same grade (the first few).
    peers: Vec<Link>,
    /// How many more levels share the grade (listed on the grades page).
    peers_more: usize,
    summary: Option<String>,
    introduction_html: Option<String>,
    tenure: Option<String>,
    experience: Option<String>,
    scope: Option<String>,
    note: Option<String>,
    /// The full time-split chart (see [`crate::chart`]).
    chart_html: Option<String>,
    /// The split as one thin bar, for the strip at the top of the page.
    strip_html: Option<String>,
    areas: Vec<AreaSection>,
    track: Link,
    prev: Option<Link>,
    next: Option<Link>,
    compare_prev: Option<String>,
    compare_next: Option<String>,
    key: String,
}

/// One area of a comparison. Its rows are rendered in Rust (a comparison
/// page has dozens, and there is one page per pair of adjacent levels).
#[derive(Serialize)]
struct CompareArea {
    title: String,
    /// The reworded statements, shown first:
    /// `<tr class="row CHANGE"><td>before</td><td>after</td><td class="badge">CHANGE</td></tr>` per row.
    rows_html: String,
    /// New, not restated and unchanged statements, folded behind "show all".
    folded_html: String,
    /// What is folded, in words: "2 new, 1 not restated, 4 unchanged".
    folded: String,
}

#[derive(Serialize)]
struct LevelOption {
    key: String,
    title: String,
}

#[derive(Serialize)]
struct OptionGroup {
    title: String,
    levels: Vec<LevelOption>,
}

#[derive(Serialize)]
struct CompareView {
    a: Option<Link>,
    b: Option<Link>,
    a_key: String,
    b_key: String,
    /// The higher level's title alone, for "not restated at …".
    b_title: String,
    summary: Option<rungs_core::compare::Summary>,
    /// Indicators that differ: label, before, after.
    facts: Vec<crate::facts::FactChange>,
    areas: Vec<CompareArea>,
    options: Vec<OptionGroup>,
    pairs: Vec<(Link, Link, String)>,
}

#[derive(Serialize)]
struct MatrixRow {
    title: String,
    depth: usize,
    /// One `<td>` per level, rendered in Rust: a list of the level's
    /// statements in this area, each with a link to it on the level page.
    cells_html: String,
}

#[derive(Serialize)]
struct MatrixGroup {
    id: String,
    title: String,
    rows: Vec<MatrixRow>,
}

#[derive(Serialize)]
struct MatrixView {
    levels: Vec<(Link, Option<String>)>,
    groups: Vec<MatrixGroup>,
}

/// Shared state while rendering.
struct Ctx<'a> {
    fw: &'a Framework,
    areas: AreaIndex,
    tracks: Vec<NavTrack>,
    theme: &'a Theme,
    site: SiteView,
    allow_scripts: bool,
    /// Area id to its description.
    descriptions: HashMap<String, Option<String>>,
    /// Area id to its depth in the tree.
    depths: HashMap<String, usize>,
    /// Levels prepared for comparison once (each takes part in two comparisons).
    prepared: HashMap<(&'a str, &'a str), Prepared<'a>>,
    /// Every level's indicators as facts, worked out once: comparisons and
    /// the search data both use them.
    facts: crate::facts::FactsByLevel<'a>,
    /// Tracks by id.
    index: TrackIndex<'a>,
    /// Track id to its position in `tracks`.
    nav_index: HashMap<String, usize>,
    /// Area id to its position in `areas.order`.
    area_positions: HashMap<String, usize>,
    /// Levels by grade, for each level page's peers.
    peers: rungs_core::grades::Peers<'a>,
    /// A colour per area in the time-split charts.
    palette: Palette,
    /// Tracks whose level summaries only repeat the level's title: not shown.
    boilerplate: std::collections::HashSet<String>,
    /// `site`, `nav` and each of `tracks`, as template values.
    site_value: Value,
    nav_value: Value,
    track_values: Vec<Value>,
}

impl Ctx<'_> {
    /// A level's indicator facts: worked out up front for a full build,
    /// here otherwise.
    fn facts_of<'s>(
        &'s self,
        track: &'s Track,
        level: &'s Level,
    ) -> std::borrow::Cow<'s, [(String, String)]> {
        match self.facts.get(&(track.id.as_str(), level.id.as_str())) {
            Some(f) => std::borrow::Cow::Borrowed(f.as_slice()),
            None => crate::facts::indicator_facts(self.fw, &self.areas, &level.indicators).into(),
        }
    }

    fn nav_track(&self, id: &str) -> Option<&NavTrack> {
        self.nav_index.get(id).map(|&i| &self.tracks[i])
    }

    fn common(&self, path: &str, title: &str, description: Option<&str>, section: &str) -> Common {
        Common {
            root: urls::root_of(path),
            path: path.to_string(),
            canonical: self.site.base_url.as_ref().map(|b| {
                format!(
                    "{}/{}",
                    b.trim_end_matches('/'),
                    path.trim_end_matches("index.html")
                )
            }),
            title: title.to_string(),
            description: description
                .map(str::to_string)
                .or_else(|| self.site.description.clone()),
            section: section.to_string(),
            // A framework with one track lists its levels on every page.
            track_nav: self
                .nav_index
                .get(section)
                .copied()
                .or((self.tracks.len() == 1).then_some(0))
                .map(|i| self.track_nav_value(i, path)),
        }
    }

    /// The track's navigation for the page at `path`: the shared value, or
    /// for a long track a window around the current level.
    fn track_nav_value(&self, i: usize, path: &str) -> Value {
        let t = &self.tracks[i];
        if t.levels.len() <= NAV_LEVELS {
            return self.track_values[i].clone();
        }
        let current = t.levels.iter().position(|l| l.url == path).unwrap_or(0);
        let window = level_window(t.levels.len(), current);
        Value::from(minijinja::value::Serde(&NavTrack {
            id: t.id.clone(),
            title: t.title.clone(),
            url: t.url.clone(),
            kind: t.kind,
            hidden_before: window.start,
            hidden_after: t.levels.len() - window.end,
            levels: t.levels[window].to_vec(),
        }))
    }

    /// Renders `template` with the common fields at the top level and the
    /// page's own data under `page`.
    fn render(
        &self,
        template: &str,
        common: Common,
        page: &impl Serialize,
    ) -> Result<Vec<u8>, SiteError> {
        let error = |source| SiteError::Template {
            name: template.to_string(),
            source,
        };
        let tmpl = self.theme.env.get_template(template).map_err(error)?;
        let context = minijinja::context! {
            site => self.site_value.clone(),
            nav => self.nav_value.clone(),
            root => common.root,
            path => common.path,
            canonical => common.canonical,
            title => common.title,
            description => common.description,
            section => common.section,
            track_nav => common.track_nav,
            page => Value::from(minijinja::value::Serde(page)),
        };
        tmpl.render(context).map(String::into_bytes).map_err(error)
    }

    /// Top-level statements grouped by area, in the order of `areas.order`
    /// (statements of unknown areas are left out, as validation reports them).
    fn by_area<'s>(&self, statements: &'s [Statement]) -> Vec<Vec<&'s Statement>> {
        let mut groups = vec![Vec::new(); self.areas.order.len()];
        for s in statements {
            if let Some(&i) = self.area_positions.get(s.area.as_str()) {
                groups[i].push(s);
            }
        }
        groups
    }

    fn place<'p>(&self, source: &'p str, page: &'p str) -> Place<'p> {
        Place {
            source,
            page,
            allow_scripts: self.allow_scripts,
        }
    }

    /// The statements as `<li>` elements (with anchors, examples and
    /// sub-statements). Rendered in Rust rather than by a template macro:
    /// level pages hold hundreds of statements and this is the hot path of
    /// large builds. Style them with CSS (classes `statement`, `anchor`,
    /// `name`, `examples`, `links`, `children`).
    ///
    /// `from` is the track of inherited statements: their anchors name it,
    /// so they never take the id of one of the level's own statements.
    fn statements_html(
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
        out.push_str("<li id=\"");
        out.push_str(&anchor);
        out.push_str("\" class=\"statement\"><a class=\"anchor\" href=\"#");
        out.push_str(&anchor);
        out.push_str("\" aria-label=\"Link to this statement\">#</a> ");
        if let Some(name) = &s.name {
            out.push_str("<strong class=\"name\">");
            escape_into(out, name);
            out.push_str("</strong>: ");
        }
        out.push_str(&inline_html(&s.text, place));
        if !s.examples.is_empty() {
            out.push_str("<details class=\"examples\"><summary>Examples</summary><ul>");
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
            out.push_str("<ul class=\"links\" aria-label=\"Further reading\">");
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

/// Renders the whole site into `out`, page by page.
///
/// With `only`, the pages of other tracks are not rendered (they are known to
/// be unchanged); site-wide pages and data files always are.
pub fn render_site(
    fw: &Framework,
    sources: &SourceSet,
    settings: &SiteSettings,
    theme: &Theme,
    out: &dyn Output,
    only: Option<&std::collections::HashSet<String>>,
) -> Result<(), SiteError> {
    let (areas, _) = AreaIndex::new(&fw.areas);
    let mut descriptions = HashMap::new();
    let mut depths = HashMap::new();
    for a in fw.all_areas() {
        descriptions.insert(a.id.clone(), a.description.clone());
        depths.insert(a.id.clone(), areas.ancestors.get(&a.id).map_or(0, Vec::len));
    }
    let allow = settings.allow_scripts;
    let site = SiteView {
        title: fw.title.clone(),
        description: fw.description.clone(),
        base_url: fw.base_url.clone(),
        accent: settings.accent.clone(),
        logo: settings.logo.clone(),
        links: settings
            .links
            .iter()
            // A `javascript:` link is a script: kept only when scripts are allowed.
            .filter(|l| allow || !l.url.trim().to_ascii_lowercase().starts_with("javascript:"))
            .map(|l| LinkView {
                title: l.title.clone(),
                url: l.url.clone(),
                external: crate::settings::is_external(&l.url)
                    && !l.title.contains(['↗', '→', '⧉']),
            })
            .collect(),
        extra_css: settings.extra_css.clone(),
        logo_external: settings
            .logo
            .as_deref()
            .is_some_and(crate::settings::is_external),
        extra_css_external: settings
            .extra_css
            .as_deref()
            .is_some_and(crate::settings::is_external),
        footer_html: settings.footer.as_deref().map(|f| {
            inline_html(
                f,
                &Place {
                    source: "rungs.toml",
                    page: "",
                    allow_scripts: allow,
                },
            )
        }),
        has_grades: !rungs_core::grades::by_grade(fw).is_empty(),
    };
    let tracks: Vec<NavTrack> = fw
        .tracks
        .iter()
        .map(|t| NavTrack {
            id: t.id.clone(),
            title: t.title.clone(),
            url: urls::track(&t.id),
            kind: t.kind.as_str(),
            levels: t
                .levels
                .iter()
                .map(|l| Link {
                    title: l.title.clone(),
                    url: urls::level(&t.id, &l.id),
                })
                .collect(),
            hidden_before: 0,
            hidden_after: 0,
        })
        .collect();
    let many_tracks = tracks.len() > NAV_TRACKS;
    let nav = Nav {
        tracks: if many_tracks {
            Vec::new()
        } else {
            tracks
                .iter()
                .map(|t| Link {
                    title: t.title.clone(),
                    url: t.url.clone(),
                })
                .collect()
        },
        many_tracks,
        pages: fw
            .pages
            .iter()
            .map(|p| Link {
                title: p.title.clone(),
                url: urls::page(&p.id),
            })
            .collect(),
    };
    let nav_index = tracks
        .iter()
        .enumerate()
        .rev()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    let area_positions = areas
        .order
        .iter()
        .enumerate()
        .rev()
        .map(|(i, a)| (a.clone(), i))
        .collect();
    let palette = Palette::new(
        &areas,
        fw.tracks
            .iter()
            .flat_map(|t| t.levels.iter().map(|l| &l.indicators)),
    );
    let ctx = Ctx {
        fw,
        palette,
        boilerplate: fw
            .tracks
            .iter()
            .filter(|t| t.summaries_are_boilerplate())
            .map(|t| t.id.clone())
            .collect(),
        area_positions,
        peers: rungs_core::grades::Peers::new(fw),
        index: TrackIndex::new(fw),
        nav_index,
        site_value: Value::from(minijinja::value::Serde(&site)),
        nav_value: Value::from(minijinja::value::Serde(&nav)),
        track_values: tracks
            .iter()
            .map(|t| Value::from(minijinja::value::Serde(t)))
            .collect(),
        areas,
        tracks,
        theme,
        site,
        allow_scripts: allow,
        descriptions,
        depths,
        prepared: HashMap::new(),
        facts: HashMap::new(),
    };

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
            if let Some((nt, next)) = ladder.get(i + 1) {
                // Each adjacent pair once: rendered by the track that owns the upper level.
                if nt.id == track.id {
                    all_paths.push(urls::compare(&t.id, &level.id, &nt.id, &next.id));
                    if wanted(&t.id) || wanted(&nt.id) {
                        jobs.push(Job::Compare(t, level, nt, next));
                    }
                }
            }
        }
    }
    // Prepare every level a comparison needs, once, in parallel.
    let mut needed: Vec<(&Track, &Level)> = Vec::new();
    for job in &jobs {
        if let Job::Compare(ta, la, tb, lb) = job {
            needed.push((ta, la));
            needed.push((tb, lb));
        }
    }
    needed.sort_by_key(|(t, l)| (t.id.as_str(), l.id.as_str()));
    needed.dedup_by_key(|(t, l)| (t.id.as_str(), l.id.as_str()));
    let mut ctx = ctx;
    ctx.prepared = needed
        .par_iter()
        .map(|(t, l)| ((t.id.as_str(), l.id.as_str()), Prepared::level(l)))
        .collect();
    ctx.facts = crate::facts::by_level(fw, &ctx.areas);
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
                || {
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
        out.put(&format!("assets/{name}"), bytes.clone())?;
    }
    if let Some(base) = &fw.base_url {
        // Site-wide pages are always rendered; track pages are listed above.
        all_paths.extend(paths.into_iter().filter(|p| {
            !p.starts_with("tracks/") && !p.starts_with("compare/") || p == urls::COMPARE_INDEX
        }));
        all_paths.sort();
        all_paths.dedup();
        out.put("sitemap.xml", sitemap(base, &all_paths).into_bytes())?;
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
    Compare(&'a Track, &'a Level, &'a Track, &'a Level),
}

impl Job<'_> {
    fn render(&self, ctx: &Ctx<'_>) -> Result<(String, Vec<u8>), SiteError> {
        let fw = ctx.fw;
        match self {
            Job::Home => {
                #[derive(Serialize)]
                struct Home<'a> {
                    introduction_html: Option<String>,
                    tracks: Vec<(&'a NavTrack, Option<String>)>,
                }
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
            Job::NotFound => {
                let path = "404.html".to_string();
                let mut common = ctx.common(&path, "Page not found", None, "");
                // A 404 page is served at any depth: when the site knows its URL, links
                // start at its path ("/careers/"), which stays on the same server.
                if let Some(base) = &ctx.site.base_url {
                    common.root = site_path(base);
                }
                common.canonical = None;
                Ok((path, ctx.render("404.html", common, &())?))
            }
            Job::Page(p) => {
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
            Job::Track(track) => {
                #[derive(Serialize)]
                struct TrackPage<'a> {
                    track: &'a NavTrack,
                    introduction_html: Option<String>,
                    ladder: LadderView,
                    matrix_url: String,
                    branch_of: Option<Link>,
                    extends: Option<Link>,
                    /// No levels or no expectations yet: shown as a
                    /// placeholder, not an empty table.
                    placeholder: bool,
                    description: Option<&'a str>,
                    /// One stacked bar per level: how time shifts up the ladder.
                    time_shift: Option<TimeShift>,
                }
                let path = urls::track(&track.id);
                let nav = ctx.nav_track(&track.id);
                let link = |id: &str| {
                    ctx.index.track(id).map(|t| Link {
                        title: t.title.clone(),
                        url: urls::track(&t.id),
                    })
                };
                let Some(nav) = nav else {
                    return Ok((path, Vec::new()));
                };
                let common =
                    ctx.common(&path, &track.title, track.description.as_deref(), &track.id);
                let page = TrackPage {
                    track: nav,
                    introduction_html: track.introduction.as_deref().map(|m| {
                        let source =
                            source_of(&track.span, || format!("tracks/{}/_index.md", track.id));
                        // The ladder below lists the levels: a list in the
                        // introduction that only links them is not repeated.
                        let files: Vec<String> = track
                            .levels
                            .iter()
                            .map(|l| format!("{}.html", l.id))
                            .collect();
                        without_level_list(&to_html(m, &ctx.place(&source, &path)), &files)
                    }),
                    time_shift: time_shift(ctx, track),
                    ladder: ladder(&ctx.index, track, &ctx.boilerplate),
                    matrix_url: urls::matrix(&track.id),
                    branch_of: track.branch.as_ref().and_then(|b| link(&b.from)),
                    extends: track.extends.as_deref().and_then(link),
                    placeholder: is_placeholder(track),
                    description: track.description.as_deref(),
                };
                Ok((path, ctx.render("track.html", common, &page)?))
            }
            Job::Matrix(track) => {
                let path = urls::matrix(&track.id);
                let title = format!("{}: all levels", track.title);
                let common = ctx.common(&path, &title, track.description.as_deref(), &track.id);
                Ok((
                    path,
                    ctx.render("matrix.html", common, &matrix(ctx, track))?,
                ))
            }
            Job::Level(track, level, i, position) => {
                let path = urls::level(&track.id, &level.id);
                let title = format!("{} · {}", level.title, track.title);
                let view = level_view(ctx, track, level, *i, *position);
                // A boilerplate summary is no description either.
                let summary = level
                    .summary
                    .as_deref()
                    .filter(|_| !ctx.boilerplate.contains(&track.id));
                let common = ctx.common(&path, &title, summary, &track.id);
                Ok((path, ctx.render("level.html", common, &view)?))
            }
            Job::Compare(ta, a, tb, b) => {
                let path = urls::compare(&ta.id, &a.id, &tb.id, &b.id);
                let title = format!("{} → {}", a.title, b.title);
                let view = compare_view(ctx, Some((ta, a)), Some((tb, b)));
                let description = format!("What changes from {} to {}", a.title, b.title);
                let common = ctx.common(&path, &title, Some(&description), &tb.id);
                Ok((path, ctx.render("compare.html", common, &view)?))
            }
            Job::Grades => {
                let path = urls::GRADES.to_string();
                let view = grades_view(ctx);
                let common = ctx.common(
                    &path,
                    "Grades",
                    Some("Every track's level at each grade, side by side."),
                    "grades",
                );
                Ok((path, ctx.render("grades.html", common, &view)?))
            }
            Job::CompareIndex => {
                let path = urls::COMPARE_INDEX.to_string();
                let view = compare_view(ctx, None, None);
                let common = ctx.common(
                    &path,
                    "Compare levels",
                    Some("Compare any two levels, side by side."),
                    "compare",
                );
                Ok((path, ctx.render("compare.html", common, &view)?))
            }
        }
    }
}

/// The grades page: a row per grade, a column per track.
#[derive(Serialize)]
struct GradesView {
    tracks: Vec<Link>,
    rows: Vec<GradeRowView>,
}

#[derive(Serialize)]
struct GradeRowView {
    id: String,
    title: Option<String>,
    /// Per track: its levels at this grade.
    cells: Vec<Vec<Link>>,
}

fn grades_view(ctx: &Ctx<'_>) -> GradesView {
    let fw = ctx.fw;
    GradesView {
        tracks: fw
            .tracks
            .iter()
            .map(|t| Link {
                title: t.title.clone(),
                url: urls::track(&t.id),
            })
            .collect(),
        rows: rungs_core::grades::by_grade(fw)
            .into_iter()
            .map(|row| GradeRowView {
                id: row.grade.id.clone(),
                title: row.grade.title.clone(),
                cells: row
                    .levels
                    .iter()
                    .zip(&fw.tracks)
                    .map(|(levels, t)| {
                        levels
                            .iter()
                            .map(|l| Link {
                                title: l.title.clone(),
                                url: urls::level(&t.id, &l.id),
                            })
                            .collect()
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A statement with its name, as matrix and comparison cells show it.
fn cell_html(out: &mut String, s: &Statement, place: &Place<'_>) {
    if let Some(n) = &s.name {
        out.push_str("<strong>");
        escape_into(out, n);
        out.push_str("</strong>: ");
    }
    out.push_str(&inline_html(&s.text, place));
}

/// The words for a change on its badge. A statement the higher level does
/// not repeat is "not restated", never "dropped": in most ladders each
/// level builds on the one below.
fn change_label(change: Change) -> &'static str {
    match change {
        Change::Dropped => "not restated",
        other => change_name(other),
    }
}

/// The word for a change, as CSS classes use it.
fn change_name(change: Change) -> &'static str {
    match change {
        Change::New => "new",
        Change::Changed => "changed",
        Change::Unchanged => "unchanged",
        Change::Dropped => "dropped",
    }
}

/// The file an item was read from, or where it would be in the native layout.
fn source_of(span: &rungs_core::model::Span, conventional: impl FnOnce() -> String) -> String {
    if span.is_unknown() {
        conventional()
    } else {
        span.file.to_string()
    }
}

fn key(track: &Track, level: &Level) -> String {
    format!("{}/{}", track.id, level.id)
}

/// How many peers at the same grade a level page lists; the grades page has them all.
const SHOWN_PEERS: usize = 8;

fn level_view(
    ctx: &Ctx<'_>,
    track: &Track,
    level: &Level,
    index: usize,
    position: usize,
) -> LevelView {
    let ladder = ctx.index.ladder(track);
    let (peers, peers_more) = ctx.peers.of(track, level, SHOWN_PEERS);
    let link = |(t, l): &(&Track, &Level)| Link {
        title: l.title.clone(),
        url: urls::level(&t.id, &l.id),
    };
    let prev = index.checked_sub(1).and_then(|i| ladder.get(i));
    let next = ladder.get(index + 1);
    let inherited = ctx.index.inherited(track, level);
    let path = urls::level(&track.id, &level.id);
    let source = source_of(&level.span, || {
        format!("tracks/{}/{}.md", track.id, level.id)
    });
    let place = ctx.place(&source, &path);
    let inherited_sources: Vec<String> = inherited
        .iter()
        .map(|(t, l)| source_of(&l.span, || format!("tracks/{}/{}.md", t.id, l.id)))
        .collect();
    let own = ctx.by_area(&level.statements);
    let inherited_by_area: Vec<Vec<Vec<&Statement>>> = inherited
        .iter()
        .map(|(_, l)| ctx.by_area(&l.statements))
        .collect();
    let mut sections = Vec::new();
    for (a, area_id) in ctx.areas.order.iter().enumerate() {
        let inherited: Vec<Inherited> = inherited
            .iter()
            .zip(&inherited_sources)
            .zip(&inherited_by_area)
            .filter(|(_, groups)| !groups[a].is_empty() && track.inherits_area(area_id))
            .map(|(((t, l), source), groups)| Inherited {
                from: Link {
                    title: format!("{} ({})", l.title, t.title),
                    url: urls::level(&t.id, &l.id),
                },
                statements_html: ctx.statements_html(
                    &groups[a],
                    &ctx.place(source, &path),
                    Some(&t.id),
                ),
            })
            .collect();
        sections.push(AreaSection {
            id: area_id.clone(),
            title: ctx.areas.title(area_id).to_string(),
            description: ctx.descriptions.get(area_id).cloned().flatten(),
            heading: 2 + ctx.depths.get(area_id).copied().unwrap_or(0),
            statements_html: ctx.statements_html(&own[a], &place, None),
            inherited,
        });
    }
    // Keep an area when it or one of its descendants has content, so headings stay in order.
    let has_content: Vec<bool> = sections
        .iter()
        .map(|s| !s.statements_html.is_empty() || !s.inherited.is_empty())
        .collect();
    // An area is kept when it or a descendant has content: the ancestors of
    // every section with content, gathered once (asking every section about
    // every other was quadratic in the number of areas).
    let needed: std::collections::HashSet<&str> = sections
        .iter()
        .zip(&has_content)
        .filter(|(_, has)| **has)
        .filter_map(|(d, _)| ctx.areas.ancestors.get(&d.id))
        .flatten()
        .map(String::as_str)
        .collect();
    let keep: Vec<bool> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| has_content[i] || needed.contains(s.id.as_str()))
        .collect();
    let areas = sections
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(s, _)| s)
        .collect();
    let ind = &level.indicators;
    LevelView {
        id: level.id.clone(),
        title: level.title.clone(),
        position,
        of: track.levels.len(),
        grade: level
            .grade
            .as_deref()
            .map(|g| rungs_core::grades::label(ctx.fw, g)),
        peers: peers
            .iter()
            .map(|(t, l)| Link {
                title: format!("{} ({})", l.title, t.title),
                url: urls::level(&t.id, &l.id),
            })
            .collect(),
        peers_more,
        summary: level
            .summary
            .clone()
            .filter(|_| !ctx.boilerplate.contains(&track.id)),
        introduction_html: level.introduction.as_deref().map(|m| to_html(m, &place)),
        tenure: ind.tenure_text(),
        experience: ind.experience_text(),
        scope: ind.scope.as_deref().map(|s| ctx.fw.scope_title(s)),
        note: ind.note.clone(),
        chart_html: time_split_html(ind, &ctx.areas, &ctx.palette),
        strip_html: strip_html(ind, &ctx.areas, &ctx.palette),
        areas,
        track: Link {
            title: track.title.clone(),
            url: urls::track(&track.id),
        },
        compare_prev: prev.map(|(t, l)| urls::compare(&t.id, &l.id, &track.id, &level.id)),
        compare_next: next.map(|(t, l)| urls::compare(&track.id, &level.id, &t.id, &l.id)),
        prev: prev.map(link),
        next: next.map(link),
        key: key(track, level),
    }
}

fn compare_view(
    ctx: &Ctx<'_>,
    a: Option<(&Track, &Level)>,
    b: Option<(&Track, &Level)>,
) -> CompareView {
    let fw = ctx.fw;
    let option = |t: &Track, l: &Level| LevelOption {
        key: key(t, l),
        title: l.title.clone(),
    };
    let options: Vec<OptionGroup> = match (a, b) {
        // A pair's page lists only the pair: the script fills in every level
        // from data.js when the picker is used (without it the picker cannot
        // be used), so pages stay small however big the framework.
        (Some((ta, la)), Some((tb, lb))) => {
            let mut groups = vec![OptionGroup {
                title: ta.title.clone(),
                levels: vec![option(ta, la)],
            }];
            if tb.id == ta.id {
                groups[0].levels.push(option(tb, lb));
            } else {
                groups.push(OptionGroup {
                    title: tb.title.clone(),
                    levels: vec![option(tb, lb)],
                });
            }
            groups
        }
        // The comparison index lists every level of a few tracks; of many,
        // none (the script fills them in).
        _ if fw.tracks.len() <= NAV_TRACKS => fw
            .tracks
            .iter()
            .map(|t| OptionGroup {
                title: t.title.clone(),
                levels: t.levels.iter().map(|l| option(t, l)).collect(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut pairs = Vec::new();
    if a.is_none() && fw.tracks.len() <= NAV_TRACKS {
        for track in &fw.tracks {
            let ladder = ctx.index.ladder(track);
            for w in ladder.windows(2) {
                let ((ta, la), (tb, lb)) = (w[0], w[1]);
                if tb.id == track.id {
                    pairs.push((
                        Link {
                            title: la.title.clone(),
                            url: urls::level(&ta.id, &la.id),
                        },
                        Link {
                            title: lb.title.clone(),
                            url: urls::level(&tb.id, &lb.id),
                        },
                        urls::compare(&ta.id, &la.id, &tb.id, &lb.id),
                    ));
                }
            }
        }
    }
    let (Some((ta, la)), Some((tb, lb))) = (a, b) else {
        return CompareView {
            a: None,
            b: None,
            a_key: String::new(),
            b_key: String::new(),
            b_title: String::new(),
            summary: None,
            facts: Vec::new(),
            areas: Vec::new(),
            options,
            pairs,
        };
    };
    // Prepared up front for a full build; prepared here otherwise.
    let (fresh_a, fresh_b);
    let pa = match ctx.prepared.get(&(ta.id.as_str(), la.id.as_str())) {
        Some(p) => p,
        None => {
            fresh_a = Prepared::level(la);
            &fresh_a
        }
    };
    let pb = match ctx.prepared.get(&(tb.id.as_str(), lb.id.as_str())) {
        Some(p) => p,
        None => {
            fresh_b = Prepared::level(lb);
            &fresh_b
        }
    };
    let comparison = compare_prepared(pa, pb, &ctx.area_positions);
    let page_path = urls::compare(&ta.id, &la.id, &tb.id, &lb.id);
    let source_a = source_of(&la.span, || format!("tracks/{}/{}.md", ta.id, la.id));
    let source_b = source_of(&lb.span, || format!("tracks/{}/{}.md", tb.id, lb.id));
    let (place_a, place_b) = (
        ctx.place(&source_a, &page_path),
        ctx.place(&source_b, &page_path),
    );
    let mut areas: Vec<CompareArea> = Vec::new();
    let mut current_area = "";
    // One side of a word diff: the words it keeps, with the other side's left out.
    let diff_side = |out: &mut String, diff: &[rungs_core::compare::DiffPart], skip: &str| {
        for p in diff.iter().filter(|p| p.op != skip) {
            let (open, close) = match p.op {
                "added" => ("<ins>", "</ins>"),
                "removed" => ("<del>", "</del>"),
                _ => ("", ""),
            };
            out.push_str(open);
            escape_into(out, &p.text);
            out.push_str(close);
        }
    };
    // Per area: how many rows of each folded kind.
    let mut counts: Vec<[usize; 3]> = Vec::new();
    for row in &comparison.rows {
        if row.area != current_area || areas.is_empty() {
            current_area = row.area;
            areas.push(CompareArea {
                // "People › Mentoring", as the breadcrumbs write a path.
                title: ctx.areas.path_title_with(row.area, " › "),
                rows_html: String::new(),
                folded_html: String::new(),
                folded: String::new(),
            });
            counts.push([0; 3]);
        }
        let (Some(area), Some(count)) = (areas.last_mut(), counts.last_mut()) else {
            continue;
        };
        let out = match row.change {
            Change::Changed => &mut area.rows_html,
            Change::New => {
                count[0] += 1;
                &mut area.folded_html
            }
            Change::Dropped => {
                count[1] += 1;
                &mut area.folded_html
            }
            Change::Unchanged => {
                count[2] += 1;
                &mut area.folded_html
            }
        };
        let change = change_name(row.change);
        out.push_str("<tr class=\"row ");
        out.push_str(change);
        out.push_str("\"><td>");
        if row.change == Change::Changed {
            diff_side(out, &row.diff, "added");
        } else if let Some(s) = row.old {
            cell_html(out, s, &place_a);
        }
        out.push_str("</td><td>");
        if row.change == Change::Changed {
            diff_side(out, &row.diff, "removed");
        } else if let Some(s) = row.new {
            cell_html(out, s, &place_b);
        }
        out.push_str("</td><td class=\"badge\">");
        out.push_str(change_label(row.change));
        out.push_str("</td></tr>\n");
    }
    for (area, [new, dropped, unchanged]) in areas.iter_mut().zip(counts) {
        area.folded = [
            (new, "new"),
            (dropped, "not restated"),
            (unchanged, "unchanged"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect::<Vec<_>>()
        .join(", ");
    }
    CompareView {
        a: Some(Link {
            title: format!("{} ({})", la.title, ta.title),
            url: urls::level(&ta.id, &la.id),
        }),
        b: Some(Link {
            title: format!("{} ({})", lb.title, tb.title),
            url: urls::level(&tb.id, &lb.id),
        }),
        a_key: key(ta, la),
        b_key: key(tb, lb),
        b_title: lb.title.clone(),
        summary: Some(comparison.summary),
        facts: crate::facts::changed_facts(&ctx.facts_of(ta, la), &ctx.facts_of(tb, lb)),
        areas,
        options,
        pairs,
    }
}

/// The stacked time-split bars of a track page.
#[derive(Serialize)]
struct TimeShift {
    legend_html: String,
    /// Per level, junior first: the level and its bar.
    rows: Vec<(Link, String)>,
}

/// How time shifts up a track's ladder, when two levels or more split time.
fn time_shift(ctx: &Ctx<'_>, track: &Track) -> Option<TimeShift> {
    let rows: Vec<(Link, String)> = track
        .levels
        .iter()
        .filter_map(|l| {
            stacked_html(&l.indicators, &ctx.areas, &ctx.palette).map(|bar| {
                (
                    Link {
                        title: l.title.clone(),
                        url: urls::level(&track.id, &l.id),
                    },
                    bar,
                )
            })
        })
        .collect();
    (rows.len() >= 2).then(|| TimeShift {
        legend_html: legend_html(&ctx.areas, &ctx.palette),
        rows,
    })
}

/// `html` without a list whose every item is only a link to one of the
/// track's level pages (`files`, such as `senior.html`): the track page
/// shows the ladder, and a second list of the same levels is noise.
fn without_level_list(html: &str, files: &[String]) -> String {
    let links_a_level = |item: &str| -> bool {
        let item = item.trim();
        let Some(rest) = item.strip_prefix("<li><a href=\"") else {
            return false;
        };
        let Some((href, after)) = rest.split_once('"') else {
            return false;
        };
        let file = href.rsplit('/').next().unwrap_or(href);
        files.iter().any(|f| f == file)
            && after.ends_with("</a>")
            && !after.contains("<a ")
            && !after.contains("<ul")
            && !after.contains("<ol")
    };
    for (open, close) in [("<ul>", "</ul>"), ("<ol>", "</ol>")] {
        let mut from = 0;
        while let Some(start) = html[from..].find(open).map(|i| i + from) {
            let body_start = start + open.len();
            let Some(end) = html[body_start..].find(close).map(|i| i + body_start) else {
                break;
            };
            let items: Vec<&str> = html[body_start..end]
                .split("</li>")
                .filter(|i| !i.trim().is_empty())
                .collect();
            if items.len() >= 2 && items.iter().all(|i| links_a_level(i)) {
                let tail = &html[end + close.len()..];
                return format!(
                    "{}{}",
                    &html[..start],
                    tail.strip_prefix('\n').unwrap_or(tail)
                );
            }
            from = end;
        }
    }
    html.to_string()
}

/// A track with nothing to read yet: no levels, or levels with no
/// expectations of their own or inherited (a specialty "to be added by each
/// team").
fn is_placeholder(track: &Track) -> bool {
    track.levels.is_empty()
        || (track.extends.is_none() && track.levels.iter().all(|l| l.statements.is_empty()))
}

fn matrix(ctx: &Ctx<'_>, track: &Track) -> MatrixView {
    let ladder = ctx.index.ladder(track);
    let path = urls::matrix(&track.id);
    let sources: Vec<String> = ladder
        .iter()
        .map(|(t, l)| source_of(&l.span, || format!("tracks/{}/{}.md", t.id, l.id)))
        .collect();
    let levels = ladder
        .iter()
        .map(|(t, l)| {
            (
                Link {
                    title: l.title.clone(),
                    url: urls::level(&t.id, &l.id),
                },
                l.grade.clone(),
            )
        })
        .collect();
    let root = urls::root_of(&path);
    let grouped: Vec<Vec<Vec<&Statement>>> = ladder
        .iter()
        .map(|(_, l)| ctx.by_area(&l.statements))
        .collect();
    let mut groups: Vec<MatrixGroup> = Vec::new();
    for top in &ctx.fw.areas {
        let mut rows = Vec::new();
        for area in top.walk() {
            let Some(&a) = ctx.area_positions.get(&area.id) else {
                continue;
            };
            if grouped.iter().all(|g| g[a].is_empty()) {
                continue;
            }
            let mut cells = String::new();
            for (((t, l), source), groups) in ladder.iter().zip(&sources).zip(&grouped) {
                cells.push_str("<td>");
                if !groups[a].is_empty() {
                    let place = ctx.place(source, &path);
                    let level_url = urls::level(&t.id, &l.id);
                    cells.push_str("<ul>");
                    for s in &groups[a] {
                        cells.push_str("<li><a class=\"cell-link\" href=\"");
                        escape_into(&mut cells, &root);
                        escape_into(&mut cells, &level_url);
                        cells.push('#');
                        escape_into(&mut cells, &urls::anchor(&s.id));
                        cells.push_str("\" aria-label=\"Open this statement\">#</a> ");
                        cell_html(&mut cells, s, &place);
                        cells.push_str("</li>");
                    }
                    cells.push_str("</ul>");
                }
                cells.push_str("</td>");
            }
            rows.push(MatrixRow {
                title: area.title.clone(),
                depth: ctx.depths.get(&area.id).copied().unwrap_or(0),
                cells_html: cells,
            });
        }
        if !rows.is_empty() {
            groups.push(MatrixGroup {
                id: top.id.clone(),
                title: top.title.clone(),
                rows,
            });
        }
    }
    MatrixView { levels, groups }
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

fn sitemap(base: &str, paths: &[String]) -> String {
    let base = base.trim_end_matches('/');
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths
        .iter()
        .filter(|p| p.ends_with(".html") && *p != "404.html")
    {
        let loc = format!("{base}/{}", path.trim_end_matches("index.html"));
        out.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(&loc)));
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::without_level_list;

    #[test]
    fn a_list_that_only_links_the_levels_is_left_out() {
        let files = vec!["junior.html".to_string(), "senior.html".to_string()];
        let html = "<p>Our levels:</p>\n<ul>\n<li><a href=\"junior.html\">1. Junior</a></li>\n<li><a href=\"../../tracks/eng/senior.html\" rel=\"noopener\">2. Senior</a></li>\n</ul>\n<p>After.</p>\n";
        assert_eq!(
            without_level_list(html, &files),
            "<p>Our levels:</p>\n<p>After.</p>\n"
        );
        // A list with anything else in it is the author's: kept whole.
        let mixed =
            "<ul>\n<li><a href=\"junior.html\">Junior</a></li>\n<li>Ask your manager</li>\n</ul>\n";
        assert_eq!(without_level_list(mixed, &files), mixed);
        let other = "<ol>\n<li><a href=\"faq.html\">FAQ</a></li>\n<li><a href=\"senior.html\">Senior</a></li>\n</ol>\n";
        assert_eq!(without_level_list(other, &files), other);
        // One link alone is a reference in prose, not a list of the levels.
        let one = "<ul>\n<li><a href=\"senior.html\">Senior</a></li>\n</ul>\n";
        assert_eq!(without_level_list(one, &files), one);
    }
}
