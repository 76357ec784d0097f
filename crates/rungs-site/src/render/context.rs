//! The shared render context: the site, its navigation and what is worked
//! out once per build, read by every page; and what every template gets.

use std::collections::HashMap;

use minijinja::Value;
use serde::Serialize;

use rungs_core::AreaIndex;
use rungs_core::Framework;
use rungs_core::model::{Statement, TrackIndex};

use crate::chart::Palette;
use crate::markdown::{Place, inline_html};
use crate::settings::SiteSettings;
use crate::theme::Theme;
use crate::{SiteError, urls};

use super::Link;

#[derive(Serialize)]
pub(super) struct SiteView {
    /// The language of the site's own words, for `<html lang>`.
    lang: &'static str,
    title: String,
    description: Option<String>,
    pub(super) base_url: Option<String>,
    accent: Option<String>,
    logo: Option<String>,
    /// The logo for dark mode (`logo_dark`).
    logo_dark: Option<String>,
    logo_dark_external: bool,
    /// The page icon: `favicon`, else `logo`; none gives an empty icon.
    favicon: Option<String>,
    favicon_external: bool,
    /// Print statement anchors beside statements (`print_codes`).
    print_codes: bool,
    extra_css: Option<String>,
    /// The logo is an external URL (`allow_external`): not prefixed with
    /// the way back to the site root.
    logo_external: bool,
    /// As `logo_external`, for `extra_css`.
    extra_css_external: bool,
    footer_html: Option<String>,
    /// The footer as a CSS string (quoted), printed at the foot of every
    /// printed page: the footer's text, else the site's title.
    print_footer: String,
    /// The framework has a grade scale with graded levels: link the grades page.
    pub(super) has_grades: bool,
    /// Header links (`[[site.links]]`).
    links: Vec<LinkView>,
}

impl SiteView {
    /// The CSS that prints the footer at the foot of every printed page.
    pub(super) fn print_footer_rule(&self) -> String {
        format!(
            "\n@media print{{@page{{@bottom-left{{content:{};font:8pt system-ui,sans-serif;color:#444}}}}}}\n",
            self.print_footer
        )
    }
}

#[derive(Serialize)]
struct LinkView {
    title: String,
    url: String,
    /// Leaves the site and its title has no arrow of its own: the theme marks it.
    external: bool,
    /// A well-known site the theme shows as an icon (`github`, `gitlab`).
    icon: Option<&'static str>,
}

/// `text` as a quoted CSS string that cannot close its `<style>` element.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\3c "),
            '>' => out.push_str("\\3e "),
            '&' => out.push_str("\\26 "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The icon of a link to a well-known site, by its host.
fn link_icon(url: &str) -> Option<&'static str> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    match host {
        "github.com" => Some("github"),
        "gitlab.com" => Some("gitlab"),
        _ => None,
    }
}

#[derive(Serialize)]
pub(super) struct NavTrack {
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
pub(super) const NAV_TRACKS: usize = 12;

/// What every template gets (see docs/theming.md). The site, the navigation
/// and each track's navigation are converted to template values once per
/// build and shared by every page.
pub(super) struct Common {
    /// Prefix from this page back to the root: `""`, `"../"`, ...
    pub(super) root: String,
    /// This page, relative to the root.
    path: String,
    /// Absolute URL of this page when `base_url` is set.
    pub(super) canonical: Option<String>,
    /// `<title>` and `<h1>`.
    title: String,
    /// Meta description.
    description: Option<String>,
    /// Which navigation entry is current (a track id, a page id, or "home").
    section: String,
    /// The current track and its levels, on track, level, matrix and compare pages.
    track_nav: Option<Value>,
}

/// Words of the statement lists, as HTML.
pub(super) struct WordsHtml {
    pub(super) examples: String,
    pub(super) further_reading: String,
}

/// Shared state while rendering.
pub(super) struct Ctx<'a> {
    pub(super) fw: &'a Framework,
    pub(super) areas: AreaIndex,
    pub(super) tracks: Vec<NavTrack>,
    theme: &'a Theme,
    pub(super) site: SiteView,
    allow_scripts: bool,
    /// Area id to its description.
    pub(super) descriptions: HashMap<String, Option<String>>,
    /// Area id to its depth in the tree.
    pub(super) depths: HashMap<String, usize>,
    /// Every level's indicators as facts, worked out once for the data
    /// the browser searches and compares.
    pub(super) facts: crate::facts::FactsByLevel<'a>,
    /// Tracks by id.
    pub(super) index: TrackIndex<'a>,
    /// Track id to its position in `tracks`.
    nav_index: HashMap<String, usize>,
    /// Area id to its position in `areas.order`.
    pub(super) area_positions: HashMap<String, usize>,
    /// Levels by grade, for each level page's peers.
    pub(super) peers: rungs_core::grades::Peers<'a>,
    /// A colour per area in the time-split charts.
    pub(super) palette: Palette,
    /// Tracks whose level summaries only repeat the level's title: not shown.
    pub(super) boilerplate: std::collections::HashSet<String>,
    /// Words the Rust-rendered fragments repeat, escaped once per build.
    pub(super) words_html: WordsHtml,
    /// `site`, `nav` and each of `tracks`, as template values.
    site_value: Value,
    nav_value: Value,
    track_values: Vec<Value>,
    /// The language editions of the build and the one being rendered.
    editions: crate::editions::Editions,
}

impl<'a> Ctx<'a> {
    /// The context of a build: the site's settings, its navigation and
    /// indexes of the framework. Facts are filled in once
    /// the pages to render are known.
    pub(super) fn new(
        fw: &'a Framework,
        settings: &SiteSettings,
        theme: &'a Theme,
        editions: &crate::editions::Editions,
    ) -> Ctx<'a> {
        let (areas, _) = AreaIndex::new(&fw.areas);
        let mut descriptions = HashMap::new();
        let mut depths = HashMap::new();
        for a in fw.all_areas() {
            descriptions.insert(a.id.clone(), a.description.clone());
            depths.insert(a.id.clone(), areas.ancestors.get(&a.id).map_or(0, Vec::len));
        }
        let allow = settings.allow_scripts;
        let site = SiteView {
            lang: theme.messages.lang,
            title: fw.title.clone(),
            description: fw.description.clone(),
            base_url: fw.base_url.clone(),
            accent: settings.accent.clone(),
            logo: settings.logo.clone(),
            logo_dark: settings.logo_dark.clone(),
            logo_dark_external: settings
                .logo_dark
                .as_deref()
                .is_some_and(crate::settings::is_external),
            favicon: settings.favicon.clone().or_else(|| settings.logo.clone()),
            favicon_external: settings
                .favicon
                .as_deref()
                .or(settings.logo.as_deref())
                .is_some_and(crate::settings::is_external),
            print_codes: settings.print_codes,
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
                    icon: link_icon(&l.url),
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
                        words: Some(&theme.messages),
                    },
                )
            }),
            print_footer: css_string(
                &settings
                    .footer
                    .as_deref()
                    .map(crate::markdown::plain_text)
                    .unwrap_or_else(|| fw.title.clone()),
            ),
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
                        // The sidebar shows the short title (`short_title`, Hugo's `linktitle`).
                        title: l.nav_title().to_string(),
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
                    title: p.nav_title().to_string(),
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
        Ctx {
            fw,
            words_html: WordsHtml {
                examples: crate::html::escape(&theme.messages.get("examples")),
                further_reading: crate::html::escape(&theme.messages.get("further-reading")),
            },
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
            facts: HashMap::new(),
            editions: editions.clone(),
        }
    }

    /// The site's words, in its language.
    pub(super) fn words(&self) -> &crate::i18n::Messages {
        &self.theme.messages
    }

    pub(super) fn nav_track(&self, id: &str) -> Option<&NavTrack> {
        self.nav_index.get(id).map(|&i| &self.tracks[i])
    }

    pub(super) fn common(
        &self,
        path: &str,
        title: &str,
        description: Option<&str>,
        section: &str,
    ) -> Common {
        Common {
            root: urls::root_of(path),
            path: path.to_string(),
            canonical: self.site.base_url.as_ref().map(|b| {
                let url = format!(
                    "{}/{}",
                    b.trim_end_matches('/'),
                    path.trim_end_matches("index.html")
                );
                rungs_core::text::percent_encode(&url).into_owned()
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
    pub(super) fn render(
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
        let path = common.path;
        let context = minijinja::context! {
            site => self.site_value.clone(),
            nav => self.nav_value.clone(),
            root => common.root,
            path => path.clone(),
            canonical => common.canonical,
            title => common.title,
            description => common.description,
            section => common.section,
            track_nav => common.track_nav,
            page => Value::from(minijinja::value::Serde(page)),
            lang => self.editions.edition().code.clone(),
            // The 404 page is served at any address: it links no versions.
            alternates => Value::from(minijinja::value::Serde(if path == "404.html" {
                Vec::new()
            } else {
                self.editions.alternates(&path)
            })),
        };
        tmpl.render(context)
            .map(|html| crate::urls::shorten_links(&html, &path).into_bytes())
            .map_err(error)
    }

    /// Top-level statements grouped by area, in the order of `areas.order`
    /// (statements of unknown areas are left out, as validation reports them).
    pub(super) fn by_area<'s>(&self, statements: &'s [Statement]) -> Vec<Vec<&'s Statement>> {
        let mut groups = vec![Vec::new(); self.areas.order.len()];
        for s in statements {
            if let Some(&i) = self.area_positions.get(s.area.as_str()) {
                groups[i].push(s);
            }
        }
        groups
    }

    pub(super) fn place<'p>(&'p self, source: &'p str, page: &'p str) -> Place<'p> {
        Place {
            source,
            page,
            allow_scripts: self.allow_scripts,
            words: Some(&self.theme.messages),
        }
    }
}
