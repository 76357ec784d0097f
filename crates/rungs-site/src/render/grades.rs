//! The grades page: every track's level at each grade, side by side.

use serde::Serialize;

use crate::urls;

use super::Link;
use super::Rendered;
use super::context::Ctx;

/// The grades page.
pub(super) fn render(ctx: &Ctx<'_>) -> Rendered {
    let path = urls::GRADES.to_string();
    let view = grades_view(ctx);
    let words = ctx.words();
    let common = ctx.common(
        &path,
        &words.get("grades-title"),
        Some(&words.get("grades-description")),
        "grades",
    );
    Ok((path, ctx.render("grades.html", common, &view)?))
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
