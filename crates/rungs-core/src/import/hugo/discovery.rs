//! Finding the ladder in a site: its content pages (front matter read,
//! comments blanked), which folders are tracks, where the ladder's root is,
//! and the native path each page will have.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::ids::{Allocator, clash_warning};
use crate::load::frontmatter;
use crate::source::{SourceFile, SourceSet};
use crate::text::{normalise, slug};

use super::ImportError;
use super::gitlab;

#[derive(Debug, Default, Deserialize)]
pub(super) struct HugoMatter {
    pub(super) title: Option<String>,
    pub(super) description: Option<String>,
    pub(super) weight: Option<i64>,
    #[serde(alias = "linkTitle", alias = "LinkTitle")]
    pub(super) linktitle: Option<String>,
    /// The page's layout (`hextra-home` for a landing page).
    pub(super) layout: Option<String>,
    // What `rungs export --format hugo` keeps in the front matter, so an
    // exported site imports back to the same ladder.
    /// A level's rank.
    pub(super) rank: Option<u32>,
    /// A level's grade.
    pub(super) grade: Option<String>,
    /// A track's kind (`ic`, `management`).
    pub(super) kind: Option<String>,
    /// The track a track extends.
    pub(super) extends: Option<String>,
    /// Where a track branches off another.
    pub(super) branch: Option<crate::model::Branch>,
}

/// One content page, with comments blanked out (offsets and lines unchanged).
pub(super) struct ContentPage {
    /// Path relative to `content/`, without `.md`.
    pub(super) key: String,
    /// The page with comments and shortcodes blanked.
    pub(super) file: SourceFile,
    pub(super) matter: HugoMatter,
    pub(super) body_start: usize,
    pub(super) is_level: bool,
    /// A level page in the GitLab handbook's conventions (see [`gitlab`]).
    pub(super) gitlab: bool,
}

/// The site's content pages (`content/**/*.md`); anything else under
/// `content/` is reported.
pub(super) fn read_pages(
    site: &SourceSet,
    includes: &SourceSet,
    diags: &mut Diagnostics,
) -> Result<Vec<ContentPage>, ImportError> {
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
        match read_page(file, key, includes, diags) {
            Some(p) => pages.push(p),
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
    Ok(pages)
}

/// Tracks: folders with at least two level pages.
pub(super) fn track_dirs(pages: &[ContentPage]) -> Result<Vec<String>, ImportError> {
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
    Ok(track_dirs)
}

/// The id of each track folder: its name, slugged. Where two folders have
/// the same name (`development/fullstack` and `quality/fullstack`, or a
/// translation's `ja/…/infrastructure`), the later one also takes the name
/// of the first folder in which the two paths differ (`quality-fullstack`,
/// `ja-infrastructure`), or else a number, and a warning says so.
pub(super) fn track_ids(
    track_dirs: &[String],
    pages: &[ContentPage],
    diags: &mut Diagnostics,
) -> HashMap<String, String> {
    let mut ids = Allocator::default();
    let mut holders: HashMap<String, &str> = HashMap::new();
    let mut out = HashMap::new();
    for dir in track_dirs {
        let name = last(dir);
        let base = match slug(name) {
            s if s.is_empty() => "track".to_string(),
            s => s,
        };
        let id = match holders.get(&base) {
            None => ids.claim(base.clone()),
            Some(holder) => {
                let differs = dir
                    .split('/')
                    .zip(holder.split('/'))
                    .find(|(a, b)| a != b)
                    .map_or("", |(a, _)| a);
                let id = ids.claim(slug(&format!("{differs} {name}")));
                let span = pages
                    .iter()
                    .find(|p| p.key == format!("{dir}/_index") || dir_of(&p.key) == dir)
                    .map(|p| p.file.start_span());
                let mut d = Diagnostic::warning(
                    Code::DuplicateId,
                    format!(
                        "the track folders `content/{holder}` and `content/{dir}` would both have the id `{base}`; the second is `{id}`"
                    ),
                )
                .help("both are imported; rename a folder in the source for other ids");
                if let Some(span) = span {
                    d = d.at(&span);
                }
                diags.push(d);
                id
            }
        };
        holders.entry(base).or_insert(dir);
        out.insert(dir.clone(), id);
    }
    out
}

/// Maps Hugo content keys to native paths, for link rewriting; and free
/// pages' keys to their ids. A free page whose name another page has
/// already taken is named after its folder too (`engineering-faq`), and
/// reported.
pub(super) fn native_paths(
    pages: &[ContentPage],
    track_ids: &HashMap<String, String>,
    root: &str,
    diags: &mut Diagnostics,
) -> (HashMap<String, String>, HashMap<String, String>) {
    let mut native: HashMap<String, String> = HashMap::new();
    let mut page_ids: HashMap<String, String> = HashMap::new();
    let mut used = Allocator::default();
    for p in pages {
        let dir = dir_of(&p.key);
        let name = p.key.rsplit('/').next().unwrap_or(&p.key);
        let track = track_ids.get(dir);
        let path = match track {
            Some(track) if p.is_level => format!("tracks/{track}/{}.md", level_id(name)),
            Some(track) if name == "_index" => format!("tracks/{track}/_index.md"),
            _ if name == "_index" && dir == root => "_index.md".to_string(),
            _ => {
                // A section's index is a page named after its folder.
                let name = if name == "_index" { last(dir) } else { name };
                let holder = format!("content/{}.md", p.key);
                let base = match slug(name) {
                    s if s.is_empty() => "page".to_string(),
                    s => s,
                };
                let claim = if used.contains(&base) {
                    // Named after its folder too, then numbered.
                    let mut claim =
                        used.claim_for(&format!("{} {name}", last(dir)), &base, &holder);
                    claim.clash = Some((base.clone(), used.holder(&base).to_string()));
                    claim
                } else {
                    used.claim_for(name, "page", &holder)
                };
                if let Some(d) = clash_warning("page", name, &claim) {
                    diags.push(d.at(&p.file.start_span()));
                }
                page_ids.insert(p.key.clone(), claim.id.clone());
                format!("pages/{}.md", claim.id)
            }
        };
        native.insert(hugo_url(&p.key), path);
    }
    (native, page_ids)
}

/// The id of the level page named `stem`: its name, slugged (`level` when
/// it has no letter or digit).
pub(super) fn level_id(stem: &str) -> String {
    match slug(stem) {
        s if s.is_empty() => "level".to_string(),
        s => s,
    }
}

fn read_page(
    file: &SourceFile,
    key: &str,
    includes: &SourceSet,
    diags: &mut Diagnostics,
) -> Option<ContentPage> {
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
    // A page made of includes (the handbook shares levels between
    // departments that way) is a level when what it includes is one.
    let is_level = !key.ends_with("_index")
        && (is_level_page(body, 2)
            || (gitlab::has_content_include(body)
                && is_level_page(&gitlab::expanded_text(includes, body, 0), 1)));
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

/// A level page has at least `min` area headings that are followed by
/// bullets (two, unless what makes it a level came from includes).
fn is_level_page(body: &str, min: usize) -> bool {
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
    headings_with_bullets >= min
}

/// Replaces `<!-- ... -->` comments with spaces (newlines kept), so every
/// offset and line of the page stays where it was.
pub(super) fn blank_comments(text: &str) -> String {
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

pub(super) fn dir_of(key: &str) -> &str {
    key.rsplit_once('/').map_or("", |(d, _)| d)
}

pub(super) fn last(dir: &str) -> &str {
    dir.rsplit('/').next().unwrap_or(dir)
}

pub(super) fn common_parent(dirs: &[String]) -> String {
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
pub(super) fn hugo_url(key: &str) -> String {
    key.strip_suffix("/_index")
        .or_else(|| key.strip_suffix("_index"))
        .unwrap_or(key)
        .trim_matches('/')
        .to_string()
}
