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
//!
//! The parts: [`discovery`] finds the content pages, the track folders and
//! the ladder's root; [`config`] reads the site's configuration; [`areas`]
//! come from the level pages' headings; [`levels`] reads level pages, with
//! their [`indicators`]; [`tracks`] reads track headers and orders levels;
//! [`shortcodes`] converts page bodies.

use std::collections::{BTreeMap, HashSet};

use crate::areas::AreaIndex;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::model::{Framework, Page};
use crate::source::SourceSet;

use super::{ImportError, Imported};

mod areas;
mod config;
mod discovery;
mod gitlab;
mod indicators;
mod landing;
mod levels;
mod settings;
mod shortcodes;
mod tracks;

use areas::{add_aliases, discover_areas};
use config::read_config;
use discovery::{
    ContentPage, common_parent, dir_of, level_id, native_paths, read_pages, track_dirs, track_ids,
};
use levels::{level_matter, parse_bodies, read_gitlab_levels, read_level, short_title};
use shortcodes::convert;
use tracks::{TrackDraft, order_tracks, read_index};

/// Imports the Hugo site whose files are in `site`.
pub fn import(site: &SourceSet) -> Result<Imported, ImportError> {
    let mut diags = Diagnostics::default();
    let config = read_config(site, &mut diags);
    let includes = gitlab::include_files(site);
    let pages = read_pages(site, &includes, &mut diags)?;
    let track_dirs = track_dirs(&pages)?;
    let root = common_parent(&track_dirs);
    let in_root =
        |key: &str| root.is_empty() || key == root || key.starts_with(&format!("{root}/"));

    let is_track_dir: HashSet<&str> = track_dirs.iter().map(String::as_str).collect();
    let track_ids = track_ids(&track_dirs, &pages, &mut diags);
    // Map Hugo content keys to native paths, for link rewriting.
    let (native, page_ids) = native_paths(&pages, &track_ids, &root, &mut diags);

    // Areas from the headings of the level pages, in order of first appearance.
    // GitLab-style pages are read by their own reader, after the others.
    let level_pages: Vec<&ContentPage> = pages
        .iter()
        .filter(|p| p.is_level && !p.gitlab && is_track_dir.contains(dir_of(&p.key)))
        .collect();
    let mut areas = discover_areas(&level_pages, &mut diags);

    // Time-split names such as "Core" that abbreviate an area title become aliases.
    // Each level page is parsed once. Aliases added below only name areas in
    // time splits, so they do not change how headings resolve.
    let first_index = AreaIndex::new(&areas).0;
    let mut bodies = parse_bodies(&level_pages, &first_index, &mut diags);
    add_aliases(&mut areas, bodies.iter().map(|b| &b.1));
    let (index, _) = AreaIndex::new(&areas);

    // GitLab-style level pages, shallow folders first, so a specialty
    // (`infrastructure/core-platform/distribution`) finds the areas of the
    // department it specialises.
    let mut gitlab_levels =
        read_gitlab_levels(&includes, &pages, &track_dirs, &mut areas, &mut diags);

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
    let mut landing_intro: Vec<String> = Vec::new();
    for p in &pages {
        let dir = dir_of(&p.key);
        let name = p.key.rsplit('/').next().unwrap_or(&p.key);
        let is_track_dir = track_dirs.iter().any(|t| t == dir);
        // The site's landing page (a hero and a redirect to the docs).
        if p.key == "_index" && !root.is_empty() && landing::is_landing(p) {
            let titles: Vec<&str> = [config.title.as_deref(), p.matter.title.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            landing_intro = landing::read(p, &titles, &mut diags).paragraphs;
            continue;
        }
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
            // Links in the opening to pages of the ladder lead to the imported pages.
            let track_dir = format!("tracks/{}", track_ids.get(dir).map_or("", String::as_str));
            level.introduction = level.introduction.map(|intro| {
                convert(
                    &p.file,
                    p.body_start,
                    &intro,
                    &p.key,
                    &native,
                    &track_dir,
                    &mut diags,
                )
            });
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
            read_index(entry, p, dir, &track_ids, &pages, &native, &mut diags);
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
        } else {
            // Free pages, and sections between the ladder's root and its
            // tracks (a sub-department's menu of levels): their text is kept
            // as a page, their links rewritten to the imported levels.
            let id = page_ids
                .get(&p.key)
                .cloned()
                .unwrap_or_else(|| level_id(name));
            let body = convert(
                &p.file,
                p.body_start,
                body_text,
                &p.key,
                &native,
                "pages",
                &mut diags,
            );
            if name == "_index" && body.is_empty() {
                diags.push(
                    Diagnostic::warning(
                        Code::NotImported,
                        format!(
                            "section page `{}` has no text and is not imported",
                            p.file.path
                        ),
                    )
                    .at(&p.file.start_span())
                    .help(
                        "only its title is left out: rungs shows tracks and pages in its own menus",
                    ),
                );
                continue;
            }
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
                    short_title: short_title(&p.matter, &title),
                    id,
                    title,
                    description: p.matter.description.clone(),
                    body,
                    span: p.file.start_span(),
                },
            ));
        }
    }
    // The landing page's headline and subtitle open the home page.
    if !landing_intro.is_empty() {
        landing_intro.extend(framework.introduction.take());
        framework.introduction = Some(landing_intro.join("\n\n"));
    }
    framework.tracks = order_tracks(tracks, &track_ids, &mut diags);
    // Once every name is known: no area's id may be another area's name.
    diags.extend(crate::ids::untangle_area_ids(&mut framework));
    free_pages.sort_by_key(|a| (a.0, a.1.unwrap_or(0)));
    framework.pages = free_pages.into_iter().map(|p| p.2).collect();
    Imported::checked(framework, diags)
}
