//! Comparison pages: one per track, listing each step up its ladder, and
//! the comparison index where any two levels can be picked.
//!
//! The comparison itself is built in the browser from `assets/data.js`
//! (`rungs-compare.js`, which mirrors rungs-core's comparison): a page per
//! pair of adjacent levels made a 10,000-level site three times heavier.
//! Without JavaScript, the steps link to both levels' pages.

use serde::Serialize;

use rungs_core::model::{Level, Track};

use crate::urls;

use super::Rendered;
use super::context::{Ctx, NAV_TRACKS};
use super::{Link, key};

/// A step up a ladder: a level and the next one, which belongs to the track.
type Step<'a> = ((&'a Track, &'a Level), (&'a Track, &'a Level));

/// The steps whose upper level belongs to `track` (a branch's first step
/// starts from the level it branches off).
pub(super) fn steps<'a>(ctx: &Ctx<'a>, track: &'a Track) -> Vec<Step<'a>> {
    ctx.index
        .ladder(track)
        .windows(2)
        .filter(|w| w[1].0.id == track.id)
        .map(|w| (w[0], w[1]))
        .collect()
}

/// A track's comparison page: its steps, the first one selected.
pub(super) fn track_page(ctx: &Ctx<'_>, track: &Track) -> Rendered {
    let path = urls::compare_track(&track.id);
    let title = ctx
        .words()
        .with("compare-title-track", "track", &track.title);
    let steps = steps(ctx, track);
    // The pickers offer the selected pair; the script fills in every level.
    let mut view = compare_view(&steps, steps.get(..1).unwrap_or_default());
    if let Some(((ta, la), (tb, lb))) = steps.first() {
        view.a_key = key(ta, la);
        view.b_key = key(tb, lb);
    }
    view.track = Some(Link {
        title: track.title.clone(),
        url: urls::track(&track.id),
    });
    let description = ctx
        .words()
        .with("compare-description-track", "track", &track.title);
    let common = ctx.common(&path, &title, Some(&description), &track.id);
    Ok((path, ctx.render("compare.html", common, &view)?))
}

/// The comparison index.
pub(super) fn index(ctx: &Ctx<'_>) -> Rendered {
    let path = urls::COMPARE_INDEX.to_string();
    let all: Vec<Step<'_>> = if ctx.fw.tracks.len() <= NAV_TRACKS {
        ctx.fw.tracks.iter().flat_map(|t| steps(ctx, t)).collect()
    } else {
        Vec::new()
    };
    let mut view = compare_view(&all, &all);
    // Of many tracks, each track's comparison page rather than every step.
    if ctx.fw.tracks.len() > NAV_TRACKS {
        view.tracks = ctx
            .fw
            .tracks
            .iter()
            .filter(|t| !steps(ctx, t).is_empty())
            .map(|t| Link {
                title: t.title.clone(),
                url: urls::compare_track(&t.id),
            })
            .collect();
    }
    let words = ctx.words();
    let common = ctx.common(
        &path,
        &words.get("compare-title"),
        Some(&words.get("compare-description")),
        "compare",
    );
    Ok((path, ctx.render("compare.html", common, &view)?))
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

/// One step up a ladder: the two levels and the address of their comparison.
#[derive(Serialize)]
struct StepView {
    a: Link,
    b: Link,
    url: String,
    /// The pair as the fragment of `url`, for a link within the page.
    hash: String,
}

#[derive(Serialize)]
struct CompareView {
    /// The pair selected when the page opens (`TRACK/LEVEL`), if any.
    a_key: String,
    b_key: String,
    /// The track of a track's comparison page.
    track: Option<Link>,
    /// The levels offered by the pickers before the script fills in all.
    options: Vec<OptionGroup>,
    /// The steps listed on the page.
    steps: Vec<StepView>,
    /// On the index of a framework with many tracks: each track's page.
    tracks: Vec<Link>,
}

/// The view of `steps`, the pickers offering the levels of `offered`.
fn compare_view(steps: &[Step<'_>], offered: &[Step<'_>]) -> CompareView {
    // The pickers list the levels offered (every level of a framework with
    // few tracks, on the index); the script fills in every level from
    // data.js when the picker is used, so pages stay small however big
    // the framework.
    let mut options: Vec<OptionGroup> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (t, l) in offered.iter().flat_map(|(a, b)| [*a, *b]) {
        if !seen.insert((t.id.as_str(), l.id.as_str())) {
            continue;
        }
        let option = LevelOption {
            key: key(t, l),
            title: l.title.clone(),
        };
        match options.last_mut() {
            Some(g) if g.title == t.title => g.levels.push(option),
            _ => options.push(OptionGroup {
                title: t.title.clone(),
                levels: vec![option],
            }),
        }
    }
    CompareView {
        a_key: String::new(),
        b_key: String::new(),
        track: None,
        options,
        steps: steps
            .iter()
            .map(|((ta, la), (tb, lb))| StepView {
                a: Link {
                    title: la.title.clone(),
                    url: urls::level(&ta.id, &la.id),
                },
                b: Link {
                    title: lb.title.clone(),
                    url: urls::level(&tb.id, &lb.id),
                },
                url: urls::compare(&ta.id, &la.id, &tb.id, &lb.id),
                hash: format!("{}..{}", key(ta, la), key(tb, lb)),
            })
            .collect(),
        tracks: Vec::new(),
    }
}
