//! A track's grid: every level side by side, a row per area.

use serde::Serialize;

use rungs_core::model::{Statement, Track};

use crate::urls;

use super::Link;
use super::Rendered;
use super::context::Ctx;

/// The grid of `track`.
pub(super) fn render(ctx: &Ctx<'_>, track: &Track) -> Rendered {
    let path = urls::matrix(&track.id);
    let title = ctx.words().with("matrix-title", "track", &track.title);
    let common = ctx.common(&path, &title, track.description.as_deref(), &track.id);
    Ok((
        path,
        ctx.render("matrix.html", common, &matrix(ctx, track))?,
    ))
}

#[derive(Serialize)]
struct MatrixRow {
    /// The area's id: the script fills the row's cells with the
    /// statements of this area, a cell per level, from data.js.
    id: String,
    title: String,
    depth: usize,
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

/// The grid's frame: a column per level of the ladder (the track's own and
/// those it branches from), a row per area in which any of them has a
/// statement. The cells are not written here: every statement of the grid
/// is on its level's page and in data.js already, and the grid was a
/// fifth of a large site's bytes, so `rungs.js` fills them in the browser.
fn matrix(ctx: &Ctx<'_>, track: &Track) -> MatrixView {
    let ladder = ctx.index.ladder(track);
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
            rows.push(MatrixRow {
                id: area.id.clone(),
                title: area.title.clone(),
                depth: ctx.depths.get(&area.id).copied().unwrap_or(0),
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
