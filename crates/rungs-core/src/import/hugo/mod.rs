//! Importing a Hugo ladder site (the layout of the public Hugo ladders:
//! `content/<section>/<track>/<level>.md` with area headings, bullets and a
//! "Broad Indicators" table).
//!
//! How the site is read:
//! - a **track** is a content folder with at least two *level pages*: pages
//!   whose body has area headings followed by bullets;
//! - the **ladder root** is the folder holding the tracks; its `_index.md` is
//!   the home introduction and its other pages become free pages, as do track
//!   pages that are not levels (an FAQ);
//! - **areas** come from the level pages' headings (`##` areas, `###` sub-areas),
//!   in order of first appearance; a heading containing "Indicators" starts
//!   the indicators section, read from its HTML or Markdown table;
//! - shortcodes `callout` and `cards`/`card` are converted; HTML comments are
//!   dropped; anything else is reported with its line;
//! - level pages in the GitLab handbook's conventions (numbered items,
//!   includes, `## <Level>` opening) are read by [`gitlab`];
//! - the site's copyright and menu links go to rungs.toml's `[site]`, the
//!   rest of its presentation settings is reported ([`settings`]).

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use crate::areas::AreaIndex;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::frontmatter;
use crate::load::markdown::{BodyOptions, LevelBody, parse_level_body};
use crate::load::ranges::{parse_percent, parse_years};
use crate::model::{Area, Framework, Indicators, Level, Page, Scope, TimeShare, Track};
use crate::source::{SourceFile, SourceSet};
use crate::text::{collapse_whitespace, normalise, slug};

use super::{ImportError, Imported};

mod gitlab;
mod settings;

#[derive(Debug, Default, Deserialize)]
struct HugoConfig {
    title: Option<String>,
    #[serde(rename = "baseURL", alias = "baseurl", alias = "baseUrl")]
    base_url: Option<String>,
    /// The `[site]` settings carried over (see [`settings`]); not a Hugo key.
    #[serde(skip)]
    site: toml::Table,
}

#[derive(Debug, Default, Deserialize)]
struct HugoMatter {
    title: Option<String>,
    description: Option<String>,
    weight: Option<i64>,
    #[serde(alias = "linkTitle", alias = "LinkTitle")]
    linktitle: Option<String>,
    // What `rungs export --format hugo` keeps in the front matter, so an
    // exported site imports back to the same ladder.
    /// A level's rank.
    rank: Option<u32>,
    /// A level's grade.
    grade: Option<String>,
    /// A track's kind (`ic`, `management`).
    kind: Option<String>,
    /// The track a track extends.
    extends: Option<String>,
    /// Where a track branches off another.
    branch: Option<crate::model::Branch>,
}

/// A level page's own rank and grade, when its front matter has them.
fn level_matter(level: &mut Level, matter: &HugoMatter) {
    if let Some(rank) = matter.rank.filter(|r| *r > 0) {
        level.rank = rank;
    }
    if let Some(grade) = &matter.grade {
        level.grade = Some(grade.clone());
    }
}

const CONFIG_FILES: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config/_default/hugo.toml",
    "config/_default/config.toml",
    "config/_default/hugo.yaml",
    "config/_default/config.yaml",
];

/// A track being assembled: its weight, header and weighted levels.
#[derive(Default)]
struct TrackDraft {
    weight: Option<i64>,
    track: Track,
    levels: Vec<(Option<i64>, Level)>,
    /// Level names the track's `_index.md` lists in order, with their lines.
    listed: Vec<(String, crate::model::Span)>,
}

/// One content page, with comments blanked out (offsets and lines unchanged).
struct ContentPage {
    /// Path relative to `content/`, without `.md`.
    key: String,
    /// The page with comments and shortcodes blanked.
    file: SourceFile,
    matter: HugoMatter,
    body_start: usize,
    is_level: bool,
    /// A level page in the GitLab handbook's conventions (see [`gitlab`]).
    gitlab: bool,
}

/// Imports the Hugo site whose files are in `site`.
pub fn import(site: &SourceSet) -> Result<Imported, ImportError> {
    let mut diags = Diagnostics::default();
    let config = read_config(site, &mut diags);
    let mut pages: Vec<ContentPage> = Vec::new();
    for file in site.iter() {
        let Some(rel) = file.path.strip_prefix("content/") else {
            continue;
        };
        let Some(key) = rel.strip_suffix(".md") else {
            diags.push(
                Diagnostic::warning(
                    Code::NotImported,
                    format!("`{}` is not a Markdown page and is not imported", file.path),
                )
                .help("copy images and other assets into the framework's static/ folder by hand"),
            );
            continue;
        };
        match read_page(file, key, &mut diags) {
            Some(p) => {
                report_linktitle(&p, &mut diags);
                pages.push(p);
            }
            None => continue,
        }
    }
    if pages.is_empty() {
        return Err(ImportError::NotRecognised(
            "no content/*.md pages found: is this the root of a Hugo site?".to_string(),
        ));
    }
    // A handbook follows its conventions throughout: once one level page is
    // GitLab-style, a specialty page that happens to have neither includes
    // nor numbered items (only `#####` groups of bullets) is read the same way.
    if pages.iter().any(|p| p.gitlab) {
        for p in pages.iter_mut().filter(|p| p.is_level) {
            p.gitlab = true;
        }
    }
    // Tracks: folders with at least two level pages.
    let mut per_dir: BTreeMap<String, usize> = BTreeMap::new();
    for p in pages.iter().filter(|p| p.is_level) {
        *per_dir.entry(dir_of(&p.key).to_string()).or_default() += 1;
    }
    let track_dirs: Vec<String> = per_dir
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(d, _)| d)
        .collect();
    if track_dirs.is_empty() {
        return Err(ImportError::NotRecognised(
            "no folder under content/ has two or more level pages (pages with area headings followed by bullets)".into(),
        ));
    }
    let root = common_parent(&track_dirs);
    let in_root =
        |key: &str| root.is_empty() || key == root || key.starts_with(&format!("{root}/"));

    // Map Hugo content keys to native paths, for link rewriting.
    let mut native: HashMap<String, String> = HashMap::new();
    let mut page_ids: HashMap<String, String> = HashMap::new();
    // Sets, not searches per page: a site can have thousands of pages.
    let mut used_ids: std::collections::HashSet<String> = std::collections::HashSet::new();
    let is_track_dir: std::collections::HashSet<&str> =
        track_dirs.iter().map(String::as_str).collect();
    for p in &pages {
        let dir = dir_of(&p.key);
        let name = p.key.rsplit('/').next().unwrap_or(&p.key);
        let path = if is_track_dir.contains(dir) && p.is_level {
            format!("tracks/{}/{}.md", slug(last(dir)), slug(name))
        } else if name == "_index" && is_track_dir.contains(dir) {
            format!("tracks/{}/_index.md", slug(last(dir)))
        } else if name == "_index" && dir == root {
            "_index.md".to_string()
        } else {
            let mut id = slug(name);
            if used_ids.contains(&id) {
                id = slug(&format!("{} {}", last(dir), name));
            }
            used_ids.insert(id.clone());
            page_ids.insert(p.key.clone(), id.clone());
            format!("pages/{id}.md")
        };
        native.insert(hugo_url(&p.key), path);
    }

    // Areas from the headings of the level pages, in order of first appearance.
    // GitLab-style pages are read by their own reader, after the others.
    let level_pages: Vec<&ContentPage> = pages
        .iter()
        .filter(|p| p.is_level && !p.gitlab && is_track_dir.contains(dir_of(&p.key)))
        .collect();
    let mut areas = discover_areas(&level_pages);

    // Time-split names such as "Core" that abbreviate an area title become aliases.
    // Each level page is parsed once. Aliases added below only name areas in
    // time splits, so they do not change how headings resolve.
    let first_index = AreaIndex::new(&areas).0;
    let mut bodies: Vec<(LevelBody, Vec<Cell>)> = level_pages
        .iter()
        .map(|p| {
            let mut d = Vec::new();
            let body = parse_body(p, &first_index, &mut d);
            diags.extend(d);
            let cells = body
                .indicators
                .map(|(start, end)| cells(&p.file.text()[start..end], start))
                .unwrap_or_default();
            (body, cells)
        })
        .collect();
    add_aliases(&mut areas, bodies.iter().map(|b| &b.1));
    let (index, _) = AreaIndex::new(&areas);

    // GitLab-style level pages, shallow folders first, so a specialty
    // (`infrastructure/core-platform/distribution`) finds the areas of the
    // department it specialises.
    let mut gitlab_pages: Vec<&ContentPage> = pages
        .iter()
        .filter(|p| p.is_level && p.gitlab && track_dirs.iter().any(|t| t == dir_of(&p.key)))
        .collect();
    gitlab_pages.sort_by_key(|p| (p.key.matches('/').count(), p.key.clone()));
    let mut gitlab_levels: HashMap<String, Level> = HashMap::new();
    for p in gitlab_pages {
        let stem = p.key.rsplit('/').next().unwrap_or(&p.key);
        let read = gitlab::read_level(
            site,
            &p.file,
            p.body_start,
            stem,
            p.matter.title.as_deref(),
            &mut areas,
            &mut diags,
        );
        gitlab_levels.insert(p.key.clone(), read.level);
    }

    let mut framework = Framework {
        title: config
            .title
            .clone()
            .unwrap_or_else(|| "Imported framework".to_string()),
        base_url: config.base_url.clone(),
        site: Some(config.site.clone()).filter(|s| !s.is_empty()),
        areas,
        ..Framework::default()
    };
    let mut tracks: BTreeMap<String, TrackDraft> = BTreeMap::new();
    let mut free_pages: Vec<(bool, Option<i64>, Page)> = Vec::new();
    let mut level_no = 0usize;
    for p in &pages {
        let dir = dir_of(&p.key);
        let name = p.key.rsplit('/').next().unwrap_or(&p.key);
        let is_track_dir = track_dirs.iter().any(|t| t == dir);
        if !in_root(&p.key) {
            diags.push(
                Diagnostic::error(
                    Code::NotImported,
                    format!(
                        "`{}` is outside the ladder section `content/{root}` and is not imported",
                        p.file.path
                    ),
                )
                .at(&p.file.start_span())
                .help("copy anything you need from it into a page of the imported framework"),
            );
            continue;
        }
        let body_text = &p.file.text()[p.body_start..];
        if is_track_dir && p.is_level && p.gitlab {
            let mut level = gitlab_levels.remove(&p.key).unwrap_or_default();
            level_matter(&mut level, &p.matter);
            let entry = tracks.entry(dir.to_string()).or_default();
            entry.levels.push((p.matter.weight, level));
        } else if is_track_dir && p.is_level {
            let (body, cells) = std::mem::take(&mut bodies[level_no]);
            level_no += 1;
            let mut level = read_level(p, name, body, &cells, &index, &mut diags);
            level_matter(&mut level, &p.matter);
            let entry = tracks.entry(dir.to_string()).or_default();
            entry.levels.push((p.matter.weight, level));
        } else if name == "_index" && is_track_dir {
            let entry = tracks.entry(dir.to_string()).or_default();
            entry.weight = p.matter.weight;
            entry.track.title = p
                .matter
                .title
                .clone()
                .unwrap_or_else(|| last(dir).to_string());
            entry.track.description = p.matter.description.clone();
            if let Some(kind) = p
                .matter
                .kind
                .as_deref()
                .and_then(crate::model::TrackKind::parse)
            {
                entry.track.kind = kind;
            }
            entry.track.extends = p.matter.extends.clone();
            entry.track.branch = p.matter.branch.clone();
            let track_dir = format!("tracks/{}", slug(last(dir)));
            let body = convert(
                &p.file,
                p.body_start,
                body_text,
                &p.key,
                &native,
                &track_dir,
                &mut diags,
            );
            entry.track.introduction = Some(body).filter(|b| !b.is_empty());
            entry.track.span = p.file.start_span();
            // The level names the index lists, to order levels that have no weight.
            let names: Vec<(String, String)> = pages
                .iter()
                .filter(|q| q.is_level && dir_of(&q.key) == dir)
                .map(|q| {
                    let stem = q.key.rsplit('/').next().unwrap_or(&q.key).to_string();
                    let title = q.matter.title.clone().unwrap_or_default();
                    (stem, title)
                })
                .collect();
            let names_level = |n: &str| {
                names
                    .iter()
                    .any(|(stem, title)| level_name_matches(n, stem, title))
            };
            entry.listed = gitlab::listed_levels(&p.file, p.body_start, names_level)
                .into_iter()
                .map(|(n, line)| (n, p.file.line_span(line)))
                .collect();
        } else if name == "_index" && dir == root {
            let body = convert(
                &p.file,
                p.body_start,
                body_text,
                &p.key,
                &native,
                "",
                &mut diags,
            );
            framework.introduction = Some(body).filter(|b| !b.is_empty());
            if config.title.is_none() {
                framework.title = p.matter.title.clone().unwrap_or(framework.title);
            }
            framework.description = p.matter.description.clone();
        } else if name == "_index" {
            diags.push(
                Diagnostic::error(
                    Code::NotImported,
                    format!(
                        "section page `{}` has no ladder in it and is not imported",
                        p.file.path
                    ),
                )
                .at(&p.file.start_span())
                .help("copy its text into a page of the imported framework if you need it"),
            );
        } else {
            let id = page_ids.get(&p.key).cloned().unwrap_or_else(|| slug(name));
            let body = convert(
                &p.file,
                p.body_start,
                body_text,
                &p.key,
                &native,
                "pages",
                &mut diags,
            );
            let title = p
                .matter
                .title
                .clone()
                .or_else(|| p.matter.linktitle.clone())
                .unwrap_or_else(|| id.clone());
            free_pages.push((
                dir != root,
                p.matter.weight,
                Page {
                    id,
                    title,
                    description: p.matter.description.clone(),
                    body,
                    span: p.file.start_span(),
                },
            ));
        }
    }
    let mut ordered: Vec<(Option<i64>, String, Track)> = Vec::new();
    for (
        dir,
        TrackDraft {
            weight,
            mut track,
            mut levels,
            listed,
        },
    ) in tracks
    {
        levels.sort_by(|a, b| {
            a.0.unwrap_or(0)
                .cmp(&b.0.unwrap_or(0))
                .then_with(|| a.1.id.cmp(&b.1.id))
        });
        if levels.iter().all(|l| l.0.is_none()) && !listed.is_empty() {
            order_by_list(&mut levels, &listed, &mut diags);
        }
        track.id = slug(last(&dir));
        if track.title.is_empty() {
            track.title = last(&dir).to_string();
        }
        track.levels = levels
            .into_iter()
            .enumerate()
            .map(|(i, (_, mut l))| {
                // A rank written in the front matter is kept; the others
                // follow the order.
                if l.rank == 0 {
                    l.rank = i as u32 + 1;
                }
                crate::ids::assign(&mut l);
                l
            })
            .collect();
        ordered.push((weight, dir, track));
    }
    specialise(&mut ordered, &mut diags);
    ordered.sort_by(|a, b| {
        a.0.unwrap_or(0)
            .cmp(&b.0.unwrap_or(0))
            .then_with(|| a.2.id.cmp(&b.2.id))
    });
    framework.tracks = ordered.into_iter().map(|t| t.2).collect();
    free_pages.sort_by_key(|a| (a.0, a.1.unwrap_or(0)));
    framework.pages = free_pages.into_iter().map(|p| p.2).collect();
    Imported::checked(framework, diags)
}

/// A `linktitle` (Hugo's short title for menus) that differs from the page's
/// title is lost: rungs shows titles only. Reported at its line.
fn report_linktitle(p: &ContentPage, diags: &mut Diagnostics) {
    let (Some(short), Some(title)) = (&p.matter.linktitle, &p.matter.title) else {
        return;
    };
    if normalise(short) == normalise(title) {
        return;
    }
    let line = p
        .file
        .text()
        .lines()
        .position(|l| l.trim_start().to_ascii_lowercase().starts_with("linktitle"))
        .map_or(1, |i| i + 1);
    diags.push(
        Diagnostic::warning(
            Code::NotImported,
            format!(
                "short title (linktitle) `{short}` is not imported; rungs shows the title `{title}`"
            ),
        )
        .at(&p.file.line_span(line))
        .help("shorten the `title` of the imported page if the long one is too long for menus"),
    );
}

/// True when `name` (as an index page lists it) names the level page `stem`
/// whose title is `title` ("Intern", or "Intern - Infrastructure ...").
fn level_name_matches(name: &str, stem: &str, title: &str) -> bool {
    let n = normalise(name);
    !n.is_empty()
        && (slug(name) == slug(stem)
            || n == normalise(title)
            || title
                .split_once(" - ")
                .is_some_and(|(short, _)| normalise(short) == n))
}

/// Orders levels as the track's index lists them; names listed without a
/// page are reported, never invented.
fn order_by_list(
    levels: &mut [(Option<i64>, Level)],
    listed: &[(String, crate::model::Span)],
    diags: &mut Diagnostics,
) {
    let position = |l: &Level| {
        listed
            .iter()
            .position(|(n, _)| level_name_matches(n, &l.id, &l.title))
            .unwrap_or(usize::MAX)
    };
    levels.sort_by_key(|(_, l)| position(l));
    for (name, span) in listed {
        if !levels
            .iter()
            .any(|(_, l)| level_name_matches(name, &l.id, &l.title))
        {
            diags.push(
                Diagnostic::warning(
                    Code::NotImported,
                    format!("level `{name}` is listed but has no page, so it is not imported"),
                )
                .at(span)
                .help("add a level page for it in the imported track when its expectations are written"),
            );
        }
    }
}

/// A track whose folder lies inside another track's folder (GitLab's
/// `infrastructure/core-platform/distribution`) specialises it: it `extends`
/// the outer track, and its levels take the ranks of the outer levels of the
/// same name so each shows the department's expectations too.
fn specialise(tracks: &mut [(Option<i64>, String, Track)], diags: &mut Diagnostics) {
    // (folder, track id, (level id, rank) of each level)
    type Base = (String, String, Vec<(String, u32)>);
    let bases: Vec<Base> = tracks
        .iter()
        .map(|(_, dir, t)| {
            let ranks = t.levels.iter().map(|l| (l.id.clone(), l.rank)).collect();
            (dir.clone(), t.id.clone(), ranks)
        })
        .collect();
    for (_, dir, track) in tracks.iter_mut() {
        let Some((_, base_id, ranks)) = bases
            .iter()
            .filter(|(b, _, _)| dir.starts_with(&format!("{b}/")))
            .max_by_key(|(b, _, _)| b.len())
        else {
            continue;
        };
        let mapped: Option<Vec<u32>> = track
            .levels
            .iter()
            .map(|l| ranks.iter().find(|(id, _)| *id == l.id).map(|(_, r)| *r))
            .collect();
        match mapped {
            Some(mapped) => {
                for (level, rank) in track.levels.iter_mut().zip(mapped) {
                    level.rank = rank;
                }
                track.extends = Some(base_id.clone());
            }
            None => diags.push(
                Diagnostic::warning(
                    Code::NotImported,
                    format!(
                        "track `{}` sits inside track `{base_id}` but some of its levels have no level of the same name there, so it does not extend it",
                        track.id
                    ),
                )
                .at(&track.span)
                .help("set `extends` and the levels' `rank` in the imported track by hand"),
            ),
        }
    }
}

fn read_config(site: &SourceSet, diags: &mut Diagnostics) -> HugoConfig {
    for name in CONFIG_FILES {
        let Some(file) = site.get(name) else { continue };
        let parsed: Result<HugoConfig, Diagnostic> = if name.ends_with(".toml") {
            toml::from_str(file.text()).map_err(|e| {
                Diagnostic::warning(Code::Syntax, format!("Hugo configuration: {}", e.message()))
                    .at(&file.start_span())
            })
        } else {
            frontmatter::parse_yaml(file, file.text(), 0)
        };
        match parsed {
            Ok(mut c) => {
                c.site = settings::read(site, file, diags);
                return c;
            }
            Err(mut d) => {
                d.severity = crate::Severity::Warning;
                diags.push(d.help("the site title and base URL could not be read; set them in rungs.toml after importing"));
                return HugoConfig::default();
            }
        }
    }
    diags.push(
        Diagnostic::warning(
            Code::NotImported,
            "no Hugo configuration file (hugo.toml, config.yaml, ...) found",
        )
        .help("set `title` and `base_url` in the imported rungs.toml"),
    );
    HugoConfig::default()
}

fn read_page(file: &SourceFile, key: &str, diags: &mut Diagnostics) -> Option<ContentPage> {
    let split = match frontmatter::split(file) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let matter: HugoMatter = frontmatter::parse(file, &split).unwrap_or_else(|d| {
        diags.push(d);
        HugoMatter::default()
    });
    let body_start = split.body_start;
    // Blank out comments, keeping every offset and line where it was.
    let blanked = blank_comments(file.text());
    let file = SourceFile::new(&file.path, blanked.into_bytes());
    let body = file.text().get(body_start..).unwrap_or("");
    let is_level = is_level_page(body) && !key.ends_with("_index");
    let gitlab = is_level && gitlab::is_gitlab_page(body);
    Some(ContentPage {
        key: key.to_string(),
        file,
        matter,
        body_start,
        is_level,
        gitlab,
    })
}

/// A level page has at least two area headings that are followed by bullets.
fn is_level_page(body: &str) -> bool {
    let mut headings_with_bullets = 0;
    let mut after_heading = false;
    for line in body.lines() {
        let t = line.trim_start();
        if t.starts_with("##") {
            after_heading = !normalise(t.trim_start_matches('#')).contains("indicators");
        } else if after_heading
            && (t.starts_with("* ") || t.starts_with("- ") || gitlab::numbered_item(t).is_some())
        {
            headings_with_bullets += 1;
            after_heading = false;
        }
    }
    headings_with_bullets >= 2
}

/// Replaces `<!-- ... -->` comments with spaces (newlines kept), so every
/// offset and line of the page stays where it was.
fn blank_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find("-->").map_or(rest.len(), |j| i + j + 3);
        for c in rest[i..end].chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn dir_of(key: &str) -> &str {
    key.rsplit_once('/').map_or("", |(d, _)| d)
}

fn last(dir: &str) -> &str {
    dir.rsplit('/').next().unwrap_or(dir)
}

fn common_parent(dirs: &[String]) -> String {
    let parents: Vec<&str> = dirs.iter().map(|d| dir_of(d)).collect();
    let mut common: Vec<&str> = parents[0].split('/').filter(|s| !s.is_empty()).collect();
    for p in &parents[1..] {
        let parts: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
        let n = common
            .iter()
            .zip(&parts)
            .take_while(|(a, b)| a == b)
            .count();
        common.truncate(n);
    }
    common.join("/")
}

/// The URL path Hugo gives a content key (`docs/engineering/_index` → `docs/engineering`).
fn hugo_url(key: &str) -> String {
    key.strip_suffix("/_index")
        .or_else(|| key.strip_suffix("_index"))
        .unwrap_or(key)
        .trim_matches('/')
        .to_string()
}

fn discover_areas(levels: &[&ContentPage]) -> Vec<Area> {
    let mut roots: Vec<Area> = Vec::new();
    // (parent's path, normalised title) to the area's position among its
    // siblings: a search per heading made thousands of headings quadratic.
    let mut known: HashMap<(Vec<usize>, String), usize> = HashMap::new();
    for p in levels {
        let body = &p.file.text()[p.body_start..];
        let mut path: Vec<usize> = Vec::new(); // indexes into the tree, by depth
        let mut skip_below: Option<usize> = None;
        for line in body.lines() {
            let t = line.trim_start();
            if !t.starts_with("##") {
                continue;
            }
            let depth = t.chars().take_while(|c| *c == '#').count() - 2;
            let title = collapse_whitespace(t.trim_start_matches('#'));
            if title.is_empty() {
                continue;
            }
            if let Some(d) = skip_below {
                if depth > d {
                    continue;
                }
                skip_below = None;
            }
            if normalise(&title).contains("indicators") {
                skip_below = Some(depth);
                continue;
            }
            path.truncate(depth);
            let siblings = children_at(&mut roots, &path);
            let Some(siblings) = siblings else { continue };
            let key = (path.clone(), normalise(&title));
            let pos = match known.get(&key) {
                Some(&i) => i,
                None => {
                    siblings.push(Area {
                        id: slug(&title),
                        title: title.clone(),
                        span: p.file.start_span(),
                        ..Area::default()
                    });
                    known.insert(key, siblings.len() - 1);
                    siblings.len() - 1
                }
            };
            path.push(pos);
        }
    }
    roots
}

fn children_at<'a>(roots: &'a mut Vec<Area>, path: &[usize]) -> Option<&'a mut Vec<Area>> {
    let mut current = roots;
    for &i in path {
        current = &mut current.get_mut(i)?.children;
    }
    Some(current)
}

/// A cell of an indicators table (or a line of the section), with its file offset.
#[derive(Clone, Debug)]
struct Cell {
    text: String,
    offset: usize,
}

fn parse_body(p: &ContentPage, areas: &AreaIndex, diags: &mut Vec<Diagnostic>) -> LevelBody {
    let text = p.file.text();
    let from = diags.len();
    let body = parse_level_body(
        &p.file,
        &text[p.body_start..],
        p.body_start,
        areas,
        BodyOptions {
            allow_indicators: true,
        },
        diags,
    );
    // In a framework's own page, text that is not a statement stays in the
    // file (a warning); in an import it is left out of what is written:
    // an error, unless the user accepts the loss.
    for d in &mut diags[from..] {
        if d.code == Code::NotAStatement {
            d.severity = crate::diagnostic::Severity::Error;
        }
    }
    body
}

/// Splits an indicators section into cells: `<td>` contents, Markdown table
/// cells, or plain lines.
fn cells(section: &str, offset: usize) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut pos = 0;
    // ASCII case only: positions found in `lower` are used on `section`,
    // and full Unicode lowercasing changes lengths ("İ" is longer lowered).
    let lower = section.to_ascii_lowercase();
    let mut in_table = false;
    while pos < section.len() {
        if lower[pos..].starts_with("<table") {
            in_table = true;
        }
        if lower[pos..].starts_with("</table") {
            in_table = false;
        }
        if in_table && lower[pos..].starts_with("<td") {
            let Some(open_end) = section[pos..].find('>') else {
                break;
            };
            let content_start = pos + open_end + 1;
            let close = lower[content_start..]
                .find("</td")
                .or_else(|| lower[content_start..].find("<td"))
                .or_else(|| lower[content_start..].find("</tr"))
                .unwrap_or(section.len() - content_start);
            let raw = &section[content_start..content_start + close];
            out.push(Cell {
                text: html_text(raw),
                offset: offset + content_start + (raw.len() - raw.trim_start().len()),
            });
            pos = content_start + close;
            continue;
        }
        if !in_table && (pos == 0 || section.as_bytes()[pos - 1] == b'\n') {
            let line_end = section[pos..].find('\n').map_or(section.len(), |i| pos + i);
            let line = &section[pos..line_end];
            let t = line.trim();
            if t.starts_with('|') {
                for part in t.trim_matches('|').split('|') {
                    let c = part.trim();
                    if !c.is_empty() && !c.chars().all(|ch| ch == '-' || ch == ':') {
                        out.push(Cell {
                            text: html_text(c),
                            offset: offset + pos + line.find(c).unwrap_or(0),
                        });
                    }
                }
            } else if !t.is_empty() && !t.starts_with('<') {
                out.push(Cell {
                    text: html_text(t),
                    offset: offset + pos + (line.len() - line.trim_start().len()),
                });
            }
        }
        pos += section[pos..].chars().next().map_or(1, char::len_utf8);
    }
    out.retain(|c| !c.text.is_empty());
    out
}

/// The text of an HTML fragment: tags removed, common entities decoded.
fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    let text = collapse_whitespace(&decoded);
    text.replace(" :", ":")
        .replace("* *", "")
        .trim_matches('*')
        .trim()
        .to_string()
}

/// Resolves a time-split name: an area name, or a unique area whose title starts with it.
fn resolve_share_name<'a>(name: &str, areas: &'a [Area]) -> Option<&'a Area> {
    let all: Vec<&Area> = areas.iter().flat_map(Area::walk).collect();
    let n = normalise(name);
    if let Some(a) = all
        .iter()
        .find(|a| normalise(&a.title) == n || a.aliases.iter().any(|x| normalise(x) == n))
    {
        return Some(a);
    }
    let prefixed: Vec<&&Area> = all
        .iter()
        .filter(|a| normalise(&a.title).starts_with(&format!("{n} ")))
        .collect();
    match prefixed.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

fn add_aliases<'a>(areas: &mut [Area], splits: impl Iterator<Item = &'a Vec<Cell>>) {
    let mut aliases: Vec<(String, String)> = Vec::new();
    for cells in splits {
        for c in cells {
            let Some((name, _)) = c.text.split_once(':') else {
                continue;
            };
            if let Some(area) = resolve_share_name(name, areas)
                && normalise(&area.title) != normalise(name)
                && !aliases.iter().any(|(_, a)| normalise(a) == normalise(name))
            {
                aliases.push((area.id.clone(), name.trim().to_string()));
            }
        }
    }
    fn apply(areas: &mut [Area], id: &str, alias: &str) {
        for a in areas {
            if a.id == id && !a.aliases.iter().any(|x| x == alias) {
                a.aliases.push(alias.to_string());
            }
            apply(&mut a.children, id, alias);
        }
    }
    for (id, alias) in aliases {
        apply(areas, &id, &alias);
    }
}

fn read_level(
    p: &ContentPage,
    name: &str,
    body: LevelBody,
    cells: &[Cell],
    areas: &AreaIndex,
    diags: &mut Diagnostics,
) -> Level {
    let mut d = Vec::new();
    let text = p.file.text();
    // Shortcodes have no place among statements: report them.
    for (i, _) in text[p.body_start..].match_indices("{{") {
        let at = p.body_start + i;
        let line = p.file.span(at, at + 2);
        d.push(
            Diagnostic::error(
                Code::NotImported,
                "Hugo shortcode in a level page is not imported",
            )
            .at(&p.file.line_span(line.line as usize))
            .help("rewrite its content as statements in the imported level page"),
        );
    }
    diags.extend(d);
    let indicators = read_indicators(p, cells, areas, diags);
    Level {
        id: slug(name),
        rank: 0,
        title: p
            .matter
            .title
            .clone()
            .or_else(|| p.matter.linktitle.clone())
            .unwrap_or_else(|| name.to_string()),
        grade: None,
        summary: p.matter.description.clone(),
        introduction: body.introduction,
        indicators,
        statements: body.statements,
        span: p.file.start_span(),
        ..Level::default()
    }
}

fn read_indicators(
    p: &ContentPage,
    cells: &[Cell],
    areas: &AreaIndex,
    diags: &mut Diagnostics,
) -> Indicators {
    let mut out = Indicators::default();
    let mut notes: Vec<String> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let cell = &cells[i];
        let span = p
            .file
            .span(cell.offset, cell.offset + cell.text.len().min(60));
        let lower = cell.text.to_lowercase();
        let next = cells.get(i + 1);
        let labelled = |key: &str| lower.contains(key) && !lower.contains(':');
        if labelled("tenure") || labelled("experience") || labelled("scope") {
            let Some(value) = next else { break };
            if let Some((_, caveat)) = cell.text.split_once('(') {
                notes.push(caveat.trim_end_matches(')').trim().to_string());
            }
            if lower.contains("scope") {
                let v = value.text.to_lowercase();
                // The longest scope name found wins, so "multi-team" is not read as "team".
                let found = Scope::ALL
                    .iter()
                    .filter(|s| v.contains(s.as_str()))
                    .max_by_key(|s| s.as_str().len());
                match found {
                    Some(s) => out.scope = Some(s.as_str().to_string()),
                    None => diags.push(not_understood(p, value, "a scope rungs does not know")),
                }
            } else {
                match parse_years(&value.text) {
                    Ok(r) if lower.contains("tenure") => out.tenure = Some(r),
                    Ok(r) => out.experience = Some(r),
                    Err(_) => diags.push(not_understood(p, value, "not a number of years")),
                }
            }
            i += 2;
            continue;
        }
        if let Some((name, value)) = cell.text.split_once(':')
            && let Some(area) = areas.resolve(name)
        {
            match parse_percent(value) {
                Ok(r) => out.time_split.push(TimeShare {
                    area: area.to_string(),
                    percent: Some(r),
                    note: None,
                }),
                Err(_) => out.time_split.push(TimeShare {
                    area: area.to_string(),
                    percent: None,
                    note: Some(value.trim().to_string()),
                }),
            }
            i += 1;
            continue;
        }
        if lower.contains("split of") || lower.contains("responsibilit") {
            // The label of the time-split rows.
            i += 1;
            continue;
        }
        if i == 0 || !cell.text.contains(':') && cell.text.split_whitespace().count() > 6 {
            // A sentence introducing the table.
            notes.push(cell.text.clone());
            i += 1;
            continue;
        }
        diags.push(
            Diagnostic::warning(Code::NotImported, format!("indicator `{}` is not understood", cell.text))
                .at(&span)
                .help("indicators are time splits (`Area: ~10-20%`), tenure, experience and scope; add it by hand if it matters"),
        );
        i += 1;
    }
    if !notes.is_empty() {
        out.note = Some(notes.join(" "));
    }
    out
}

fn not_understood(p: &ContentPage, cell: &Cell, why: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::NotImported,
        format!("indicator value `{}` is {why}", cell.text),
    )
    .at(&p.file.span(cell.offset, cell.offset + cell.text.len()))
    .help("set the indicator in the imported level's front matter by hand")
}

/// Converts a page body for the native format: shortcodes understood,
/// comments dropped (already blanked), relative links rewritten.
fn convert(
    file: &SourceFile,
    body_start: usize,
    body: &str,
    key: &str,
    native: &HashMap<String, String>,
    target_dir: &str,
    diags: &mut Diagnostics,
) -> String {
    let section = if key.ends_with("_index") {
        hugo_url(key)
    } else {
        dir_of(key).to_string()
    };
    let link = |dest: &str| -> Option<String> {
        let dest = dest.trim();
        if dest.is_empty()
            || dest.starts_with('#')
            || dest.contains("://")
            || dest.starts_with("mailto:")
        {
            return None;
        }
        let (path, fragment) = dest.split_once('#').map_or((dest, ""), |(p, f)| (p, f));
        let joined = if let Some(abs) = path.strip_prefix('/') {
            abs.to_string()
        } else {
            format!("{section}/{path}")
        };
        let mut parts: Vec<&str> = Vec::new();
        for part in joined.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                p => parts.push(p),
            }
        }
        let url = parts.join("/").trim_end_matches(".md").to_string();
        let target = native.get(&url)?;
        let rel = crate::text::relative_path(target_dir, target);
        Some(if fragment.is_empty() {
            rel
        } else {
            format!("{rel}#{fragment}")
        })
    };
    let mut out = String::new();
    let mut rest = body;
    let mut consumed = 0usize;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let at = body_start + consumed + i;
        let Some(end) = rest[i..].find("}}") else {
            out.push_str(&rest[i..]);
            rest = "";
            break;
        };
        let tag = &rest[i + 2..i + end];
        let inner = tag
            .trim_matches(|c| c == '<' || c == '>' || c == '%')
            .trim();
        let name = inner.split_whitespace().next().unwrap_or("").to_string();
        let args = parse_args(inner);
        let shortcode_end = i + end + 2;
        match name.as_str() {
            "callout" => {
                let kind = args.get("type").cloned().unwrap_or_else(|| "note".into());
                let close = rest[shortcode_end..].find("{{<").and_then(|j| {
                    let after = &rest[shortcode_end + j..];
                    after
                        .find("}}")
                        .map(|k| (j, after[..k].contains("/callout"), k))
                });
                match close {
                    Some((j, true, k)) => {
                        let content = collapse_whitespace(&rest[shortcode_end..shortcode_end + j]);
                        let mut label = kind.clone();
                        if let Some(f) = label.get_mut(..1) {
                            f.make_ascii_uppercase();
                        }
                        out.push_str(&format!("> **{label}:** {content}"));
                        let next = shortcode_end + j + k + 2;
                        consumed += next;
                        rest = &rest[next..];
                        continue;
                    }
                    _ => diags.push(shortcode_warning(
                        file,
                        at,
                        &name,
                        "it is never closed with {{< /callout >}}",
                    )),
                }
            }
            "cards" | "/cards" => {}
            // Department menus (`*-nav.md`) are navigation; rungs builds its own.
            "include" if inner.contains("-nav.md\"") => {}
            "include" => diags.push(shortcode_warning(
                file,
                at,
                &name,
                "included content is only expanded in level pages",
            )),
            "card" => {
                let title = args.get("title").cloned().unwrap_or_default();
                match args.get("link").map(|l| (l.clone(), link(l))) {
                    Some((_, Some(target))) => out.push_str(&format!("- [{title}]({target})")),
                    Some((l, None)) if l.contains("://") => {
                        out.push_str(&format!("- [{title}]({l})"))
                    }
                    _ => {
                        diags.push(shortcode_warning(
                            file,
                            at,
                            &name,
                            "its link points at no page of the ladder",
                        ));
                        out.push_str(&format!("- {title}"));
                    }
                }
            }
            _ => diags.push(shortcode_warning(
                file,
                at,
                &name,
                "rungs does not know this shortcode",
            )),
        }
        consumed += shortcode_end;
        rest = &rest[shortcode_end..];
    }
    out.push_str(rest);
    // Rewrite relative Markdown links.
    let mut result = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find("](") {
        result.push_str(&rest[..i + 2]);
        let after = &rest[i + 2..];
        let Some(close) = after.find(')') else {
            rest = after;
            break;
        };
        let inner = &after[..close];
        let (dest, title) = inner.split_once(' ').map_or((inner, ""), |(d, t)| (d, t));
        match link(dest) {
            Some(new) if title.is_empty() => result.push_str(&new),
            Some(new) => result.push_str(&format!("{new} {title}")),
            None => result.push_str(inner),
        }
        result.push(')');
        rest = &after[close + 1..];
    }
    result.push_str(rest);
    collapse_blank_lines(&result)
}

fn shortcode_warning(file: &SourceFile, at: usize, name: &str, why: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::NotImported,
        format!("shortcode `{name}` is not imported: {why}"),
    )
    .at(&file.line_span(file.span(at, at).line as usize))
    .help("rewrite its content in Markdown in the imported page")
}

fn parse_args(inner: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut rest = inner;
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .to_string();
        let value_start = eq + 2;
        let Some(end) = rest[value_start..].find('"') else {
            break;
        };
        out.insert(key, rest[value_start..value_start + end].to_string());
        rest = &rest[value_start + end + 1..];
    }
    out
}

fn collapse_blank_lines(text: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in text.trim().lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
            out.push('\n');
        } else {
            blank = 0;
            out.push_str(line);
            out.push('\n');
        }
    }
    out.trim().to_string()
}
