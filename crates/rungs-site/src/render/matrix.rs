//! A track's grid: every level side by side, a row per area.

use serde::Serialize;

use rungs_core::model::{Statement, Track};

use crate::urls;

use super::Rendered;
use super::context::Ctx;
use super::statements::cell_html;
use super::{Link, source_of};

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
            for (source, groups) in sources.iter().zip(&grouped) {
                cells.push_str("<td>");
                if !groups[a].is_empty() {
                    // Each statement's link is added by the script, from its
                    // column's level and the site's data: the grid repeats
                    // every statement of the track, so it carries no ids.
                    let place = ctx.place(source, &path);
                    cells.push_str("<ul>");
                    for s in &groups[a] {
                        cells.push_str("<li>");
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
