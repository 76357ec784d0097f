//! A level's page: its indicators, its statements by area (its own and
//! those it inherits), its peers at the same grade and its neighbours.

use serde::Serialize;

use rungs_core::model::{Level, Statement, Track};

use crate::chart::{strip_html, time_split_html};
use crate::markdown::to_html;
use crate::urls;

use super::Rendered;
use super::context::Ctx;
use super::{Link, key, source_of};

/// The page of `level`, at `index` in its track's ladder and `position`
/// (from 1) among the track's own levels.
pub(super) fn render(
    ctx: &Ctx<'_>,
    track: &Track,
    level: &Level,
    index: usize,
    position: usize,
) -> Rendered {
    let path = urls::level(&track.id, &level.id);
    let title = level_in(ctx, "level-title", &level.title, &track.title);
    let view = level_view(ctx, track, level, index, position);
    // A boilerplate summary is no description either.
    let summary = level
        .summary
        .as_deref()
        .filter(|_| !ctx.boilerplate.contains(&track.id))
        .map(crate::markdown::plain_text);
    let common = ctx.common(&path, &title, summary.as_deref(), &track.id);
    Ok((path, ctx.render("level.html", common, &view)?))
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

/// How many peers at the same grade a level page lists; the grades page has them all.
const SHOWN_PEERS: usize = 4;

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
                    title: level_in(ctx, "level-in-track", &l.title, &t.title),
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
                title: level_in(ctx, "level-in-track", &l.title, &t.title),
                url: urls::level(&t.id, &l.id),
            })
            .collect(),
        peers_more,
        summary: level
            .summary
            .as_deref()
            .filter(|_| !ctx.boilerplate.contains(&track.id))
            .map(crate::markdown::plain_text),
        introduction_html: level.introduction.as_deref().map(|m| to_html(m, &place)),
        tenure: ctx
            .words()
            .years_or_words(ind.tenure.as_ref(), ind.tenure_words.as_ref()),
        experience: ctx
            .words()
            .years_or_words(ind.experience.as_ref(), ind.experience_words.as_ref()),
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

/// A level's title with its track's, as the message `id` writes them.
fn level_in(ctx: &Ctx<'_>, id: &str, level: &str, track: &str) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("level", level.to_string());
    args.set("track", track.to_string());
    ctx.words().format(id, &args)
}
