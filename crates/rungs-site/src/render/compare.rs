//! Comparison pages: each pair of adjacent levels, and the comparison index
//! where any two levels can be picked.

use serde::Serialize;

use rungs_core::compare::{Change, Prepared, compare_prepared};
use rungs_core::model::{Level, Track};

use crate::html::escape_into;
use crate::urls;

use super::Rendered;
use super::context::{Ctx, NAV_TRACKS};
use super::statements::cell_html;
use super::{Link, key, source_of};

/// The comparison of level `a` (of track `ta`) with the next one up, `b`.
pub(super) fn pair(ctx: &Ctx<'_>, ta: &Track, a: &Level, tb: &Track, b: &Level) -> Rendered {
    let path = urls::compare(&ta.id, &a.id, &tb.id, &b.id);
    let title = format!("{} → {}", a.title, b.title);
    let view = compare_view(ctx, Some((ta, a)), Some((tb, b)));
    let description = format!("What changes from {} to {}", a.title, b.title);
    let common = ctx.common(&path, &title, Some(&description), &tb.id);
    Ok((path, ctx.render("compare.html", common, &view)?))
}

/// The comparison index.
pub(super) fn index(ctx: &Ctx<'_>) -> Rendered {
    let path = urls::COMPARE_INDEX.to_string();
    let view = compare_view(ctx, None, None);
    let common = ctx.common(
        &path,
        "Compare levels",
        Some("Compare any two levels, side by side."),
        "compare",
    );
    Ok((path, ctx.render("compare.html", common, &view)?))
}

/// One area of a comparison. Its rows are rendered in Rust (a comparison
/// page has dozens, and there is one page per pair of adjacent levels).
#[derive(Serialize)]
struct CompareArea {
    title: String,
    /// The reworded statements, shown first:
    /// `<tr class="row CHANGE"><td>before</td><td>after</td><td class="badge">CHANGE</td></tr>` per row.
    rows_html: String,
    /// New, not restated and unchanged statements, folded behind "show all".
    folded_html: String,
    /// What is folded, in words: "2 new, 1 not restated, 4 unchanged".
    folded: String,
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

#[derive(Serialize)]
struct CompareView {
    a: Option<Link>,
    b: Option<Link>,
    a_key: String,
    b_key: String,
    /// The higher level's title alone, for "not restated at …".
    b_title: String,
    summary: Option<rungs_core::compare::Summary>,
    /// Indicators that differ: label, before, after.
    facts: Vec<crate::facts::FactChange>,
    areas: Vec<CompareArea>,
    options: Vec<OptionGroup>,
    pairs: Vec<(Link, Link, String)>,
}

/// The words for a change on its badge. A statement the higher level does
/// not repeat is "not restated", never "dropped": in most ladders each
/// level builds on the one below.
fn change_label(change: Change) -> &'static str {
    match change {
        Change::Dropped => "not restated",
        other => change_name(other),
    }
}

/// The word for a change, as CSS classes use it.
fn change_name(change: Change) -> &'static str {
    match change {
        Change::New => "new",
        Change::Changed => "changed",
        Change::Unchanged => "unchanged",
        Change::Dropped => "dropped",
    }
}

fn compare_view(
    ctx: &Ctx<'_>,
    a: Option<(&Track, &Level)>,
    b: Option<(&Track, &Level)>,
) -> CompareView {
    let fw = ctx.fw;
    let option = |t: &Track, l: &Level| LevelOption {
        key: key(t, l),
        title: l.title.clone(),
    };
    let options: Vec<OptionGroup> = match (a, b) {
        // A pair's page lists only the pair: the script fills in every level
        // from data.js when the picker is used (without it the picker cannot
        // be used), so pages stay small however big the framework.
        (Some((ta, la)), Some((tb, lb))) => {
            let mut groups = vec![OptionGroup {
                title: ta.title.clone(),
                levels: vec![option(ta, la)],
            }];
            if tb.id == ta.id {
                groups[0].levels.push(option(tb, lb));
            } else {
                groups.push(OptionGroup {
                    title: tb.title.clone(),
                    levels: vec![option(tb, lb)],
                });
            }
            groups
        }
        // The comparison index lists every level of a few tracks; of many,
        // none (the script fills them in).
        _ if fw.tracks.len() <= NAV_TRACKS => fw
            .tracks
            .iter()
            .map(|t| OptionGroup {
                title: t.title.clone(),
                levels: t.levels.iter().map(|l| option(t, l)).collect(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut pairs = Vec::new();
    if a.is_none() && fw.tracks.len() <= NAV_TRACKS {
        for track in &fw.tracks {
            let ladder = ctx.index.ladder(track);
            for w in ladder.windows(2) {
                let ((ta, la), (tb, lb)) = (w[0], w[1]);
                if tb.id == track.id {
                    pairs.push((
                        Link {
                            title: la.title.clone(),
                            url: urls::level(&ta.id, &la.id),
                        },
                        Link {
                            title: lb.title.clone(),
                            url: urls::level(&tb.id, &lb.id),
                        },
                        urls::compare(&ta.id, &la.id, &tb.id, &lb.id),
                    ));
                }
            }
        }
    }
    let (Some((ta, la)), Some((tb, lb))) = (a, b) else {
        return CompareView {
            a: None,
            b: None,
            a_key: String::new(),
            b_key: String::new(),
            b_title: String::new(),
            summary: None,
            facts: Vec::new(),
            areas: Vec::new(),
            options,
            pairs,
        };
    };
    // Prepared up front for a full build; prepared here otherwise.
    let (fresh_a, fresh_b);
    let pa = match ctx.prepared.get(&(ta.id.as_str(), la.id.as_str())) {
        Some(p) => p,
        None => {
            fresh_a = Prepared::level(la);
            &fresh_a
        }
    };
    let pb = match ctx.prepared.get(&(tb.id.as_str(), lb.id.as_str())) {
        Some(p) => p,
        None => {
            fresh_b = Prepared::level(lb);
            &fresh_b
        }
    };
    let comparison = compare_prepared(pa, pb, &ctx.area_positions);
    let page_path = urls::compare(&ta.id, &la.id, &tb.id, &lb.id);
    let source_a = source_of(&la.span, || format!("tracks/{}/{}.md", ta.id, la.id));
    let source_b = source_of(&lb.span, || format!("tracks/{}/{}.md", tb.id, lb.id));
    let (place_a, place_b) = (
        ctx.place(&source_a, &page_path),
        ctx.place(&source_b, &page_path),
    );
    let mut areas: Vec<CompareArea> = Vec::new();
    let mut current_area = "";
    // One side of a word diff: the words it keeps, with the other side's left out.
    let diff_side = |out: &mut String, diff: &[rungs_core::compare::DiffPart], skip: &str| {
        for p in diff.iter().filter(|p| p.op != skip) {
            let (open, close) = match p.op {
                "added" => ("<ins>", "</ins>"),
                "removed" => ("<del>", "</del>"),
                _ => ("", ""),
            };
            out.push_str(open);
            escape_into(out, &p.text);
            out.push_str(close);
        }
    };
    // Per area: how many rows of each folded kind.
    let mut counts: Vec<[usize; 3]> = Vec::new();
    for row in &comparison.rows {
        if row.area != current_area || areas.is_empty() {
            current_area = row.area;
            areas.push(CompareArea {
                // "People › Mentoring", as the breadcrumbs write a path.
                title: ctx.areas.path_title_with(row.area, " › "),
                rows_html: String::new(),
                folded_html: String::new(),
                folded: String::new(),
            });
            counts.push([0; 3]);
        }
        let (Some(area), Some(count)) = (areas.last_mut(), counts.last_mut()) else {
            continue;
        };
        let out = match row.change {
            Change::Changed => &mut area.rows_html,
            Change::New => {
                count[0] += 1;
                &mut area.folded_html
            }
            Change::Dropped => {
                count[1] += 1;
                &mut area.folded_html
            }
            Change::Unchanged => {
                count[2] += 1;
                &mut area.folded_html
            }
        };
        let change = change_name(row.change);
        out.push_str("<tr class=\"row ");
        out.push_str(change);
        out.push_str("\"><td>");
        if row.change == Change::Changed {
            diff_side(out, &row.diff, "added");
        } else if let Some(s) = row.old {
            cell_html(out, s, &place_a);
        }
        out.push_str("</td><td>");
        if row.change == Change::Changed {
            diff_side(out, &row.diff, "removed");
        } else if let Some(s) = row.new {
            cell_html(out, s, &place_b);
        }
        out.push_str("</td><td class=\"badge\">");
        out.push_str(change_label(row.change));
        out.push_str("</td></tr>\n");
    }
    for (area, [new, dropped, unchanged]) in areas.iter_mut().zip(counts) {
        area.folded = [
            (new, "new"),
            (dropped, "not restated"),
            (unchanged, "unchanged"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect::<Vec<_>>()
        .join(", ");
    }
    CompareView {
        a: Some(Link {
            title: format!("{} ({})", la.title, ta.title),
            url: urls::level(&ta.id, &la.id),
        }),
        b: Some(Link {
            title: format!("{} ({})", lb.title, tb.title),
            url: urls::level(&tb.id, &lb.id),
        }),
        a_key: key(ta, la),
        b_key: key(tb, lb),
        b_title: lb.title.clone(),
        summary: Some(comparison.summary),
        facts: crate::facts::changed_facts(&ctx.facts_of(ta, la), &ctx.facts_of(tb, lb)),
        areas,
        options,
        pairs,
    }
}
