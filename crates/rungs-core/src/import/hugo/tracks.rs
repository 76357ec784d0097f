//! Tracks: a track's header from its `_index.md`, its levels in order (by
//! weight, or as the index lists them), and tracks nested in another
//! track's folder made to extend it.

use std::collections::{BTreeMap, HashMap};

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::model::{Level, Track};
use crate::text::{normalise, slug};

use super::discovery::{ContentPage, dir_of, last};
use super::gitlab;
use super::shortcodes::convert;

/// A track being assembled: its weight, header and weighted levels.
#[derive(Default)]
pub(super) struct TrackDraft {
    pub(super) weight: Option<i64>,
    pub(super) track: Track,
    pub(super) levels: Vec<(Option<i64>, Level)>,
    /// Levels the track's `_index.md` lists in order (name, link target),
    /// with their lines.
    pub(super) listed: Vec<(String, Option<String>, crate::model::Span)>,
}

/// Reads the track's `_index.md`, `p`, in folder `dir`, into `entry`.
pub(super) fn read_index(
    entry: &mut TrackDraft,
    p: &ContentPage,
    dir: &str,
    track_ids: &HashMap<String, String>,
    pages: &[ContentPage],
    native: &HashMap<String, String>,
    diags: &mut Diagnostics,
) {
    let body_text = &p.file.text()[p.body_start..];
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
    let track_dir = format!("tracks/{}", track_ids.get(dir).map_or("", String::as_str));
    let body = convert(
        &p.file,
        p.body_start,
        body_text,
        &p.key,
        native,
        &track_dir,
        diags,
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
    let names_level = |l: &gitlab::Listed| {
        names
            .iter()
            .any(|(stem, title)| listed_names(&l.name, l.target.as_deref(), stem, title))
    };
    entry.listed = gitlab::listed_levels(&p.file, p.body_start, names_level)
        .into_iter()
        .map(|l| (l.name, l.target, p.file.line_span(l.line)))
        .collect();
}

/// True when an item of a track's index, `name` linking to `target`, is
/// the level page `stem` titled `title`: by the page the link points at
/// first (a translation's link text names no title: "スタッフ" for
/// "スタッフエンジニア"), else by its name.
fn listed_names(name: &str, target: Option<&str>, stem: &str, title: &str) -> bool {
    match target {
        Some(t) if slug(t) == slug(stem) => true,
        _ => level_name_matches(name, stem, title),
    }
}

/// The tracks, each with its levels in order and ranked, in order of weight.
pub(super) fn order_tracks(
    tracks: BTreeMap<String, TrackDraft>,
    track_ids: &HashMap<String, String>,
    diags: &mut Diagnostics,
) -> Vec<Track> {
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
            order_by_list(&mut levels, &listed, diags);
        }
        // Two pages whose names make one id (`Senior.md`, `senior.md`) are two levels.
        let mut level_ids = crate::ids::Allocator::default();
        for (_, l) in &mut levels {
            let id = level_ids.claim(l.id.clone());
            if id != l.id {
                diags.push(
                    Diagnostic::warning(
                        Code::DuplicateId,
                        format!(
                            "another level page of this track has the id `{}`; this one is `{id}`",
                            l.id
                        ),
                    )
                    .at(&l.span)
                    .help("both are imported; rename a page in the source for other ids"),
                );
                l.id = id;
            }
        }
        track.id = track_ids
            .get(&dir)
            .cloned()
            .unwrap_or_else(|| slug(last(&dir)));
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
    specialise(&mut ordered, diags);
    ordered.sort_by(|a, b| {
        a.0.unwrap_or(0)
            .cmp(&b.0.unwrap_or(0))
            .then_with(|| a.2.id.cmp(&b.2.id))
    });
    ordered.into_iter().map(|t| t.2).collect()
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

/// Orders levels as the track's index lists them (by the pages its links
/// point at, else by name); names listed without a page are reported, never
/// invented.
fn order_by_list(
    levels: &mut [(Option<i64>, Level)],
    listed: &[(String, Option<String>, crate::model::Span)],
    diags: &mut Diagnostics,
) {
    let is = |l: &Level, (name, target, _): &(String, Option<String>, crate::model::Span)| {
        listed_names(name, target.as_deref(), &l.id, &l.title)
    };
    let position = |l: &Level| {
        listed
            .iter()
            .position(|item| is(l, item))
            .unwrap_or(usize::MAX)
    };
    levels.sort_by_key(|(_, l)| position(l));
    for item in listed {
        if !levels.iter().any(|(_, l)| is(l, item)) {
            diags.push(
                Diagnostic::warning(
                    Code::NotImported,
                    format!("level `{}` is listed but has no page, so it is not imported", item.0),
                )
                .at(&item.2)
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
