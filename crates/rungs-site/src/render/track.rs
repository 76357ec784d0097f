//! A track's page: its introduction, its ladder and how time shifts up it.

use serde::Serialize;

use rungs_core::model::Track;

use crate::chart::{legend_html, stacked_html};
use crate::ladder::{LadderView, ladder};
use crate::markdown::to_html;
use crate::urls;

use super::Rendered;
use super::context::{Ctx, NavTrack};
use super::{Link, source_of};

/// The page of `track`.
pub(super) fn render(ctx: &Ctx<'_>, track: &Track) -> Rendered {
    #[derive(Serialize)]
    struct TrackPage<'a> {
        track: &'a NavTrack,
        introduction_html: Option<String>,
        ladder: LadderView,
        matrix_url: String,
        branch_of: Option<Link>,
        extends: Option<Link>,
        /// No levels or no expectations yet: shown as a
        /// placeholder, not an empty table.
        placeholder: bool,
        description: Option<&'a str>,
        /// One stacked bar per level: how time shifts up the ladder.
        time_shift: Option<TimeShift>,
    }
    let path = urls::track(&track.id);
    let nav = ctx.nav_track(&track.id);
    let link = |id: &str| {
        ctx.index.track(id).map(|t| Link {
            title: t.title.clone(),
            url: urls::track(&t.id),
        })
    };
    let Some(nav) = nav else {
        return Ok((path, Vec::new()));
    };
    let common = ctx.common(&path, &track.title, track.description.as_deref(), &track.id);
    let page = TrackPage {
        track: nav,
        introduction_html: track.introduction.as_deref().map(|m| {
            let source = source_of(&track.span, || format!("tracks/{}/_index.md", track.id));
            // The ladder below lists the levels: a list in the
            // introduction that only links them is not repeated.
            let files: Vec<String> = track
                .levels
                .iter()
                .map(|l| format!("{}.html", l.id))
                .collect();
            without_level_list(&to_html(m, &ctx.place(&source, &path)), &files)
        }),
        time_shift: time_shift(ctx, track),
        ladder: ladder(&ctx.index, track, &ctx.boilerplate, ctx.words()),
        matrix_url: urls::matrix(&track.id),
        branch_of: track.branch.as_ref().and_then(|b| link(&b.from)),
        extends: track.extends.as_deref().and_then(link),
        placeholder: is_placeholder(track),
        description: track.description.as_deref(),
    };
    Ok((path, ctx.render("track.html", common, &page)?))
}

/// The stacked time-split bars of a track page.
#[derive(Serialize)]
struct TimeShift {
    legend_html: String,
    /// Per level, junior first: the level and its bar.
    rows: Vec<(Link, String)>,
}

/// How time shifts up a track's ladder, when two levels or more split time.
fn time_shift(ctx: &Ctx<'_>, track: &Track) -> Option<TimeShift> {
    let rows: Vec<(Link, String)> = track
        .levels
        .iter()
        .filter_map(|l| {
            stacked_html(&l.indicators, &ctx.areas, &ctx.palette).map(|bar| {
                (
                    Link {
                        title: l.title.clone(),
                        url: urls::level(&track.id, &l.id),
                    },
                    bar,
                )
            })
        })
        .collect();
    (rows.len() >= 2).then(|| TimeShift {
        legend_html: legend_html(&ctx.areas, &ctx.palette),
        rows,
    })
}

/// `html` without a list whose every item is only a link to one of the
/// track's level pages (`files`, such as `senior.html`): the track page
/// shows the ladder, and a second list of the same levels is noise.
fn without_level_list(html: &str, files: &[String]) -> String {
    let links_a_level = |item: &str| -> bool {
        let item = item.trim();
        let Some(rest) = item.strip_prefix("<li><a href=\"") else {
            return false;
        };
        let Some((href, after)) = rest.split_once('"') else {
            return false;
        };
        let file = href.rsplit('/').next().unwrap_or(href);
        files.iter().any(|f| f == file)
            && after.ends_with("</a>")
            && !after.contains("<a ")
            && !after.contains("<ul")
            && !after.contains("<ol")
    };
    for (open, close) in [("<ul>", "</ul>"), ("<ol>", "</ol>")] {
        let mut from = 0;
        while let Some(start) = html[from..].find(open).map(|i| i + from) {
            let body_start = start + open.len();
            let Some(end) = html[body_start..].find(close).map(|i| i + body_start) else {
                break;
            };
            let items: Vec<&str> = html[body_start..end]
                .split("</li>")
                .filter(|i| !i.trim().is_empty())
                .collect();
            if items.len() >= 2 && items.iter().all(|i| links_a_level(i)) {
                let tail = &html[end + close.len()..];
                return format!(
                    "{}{}",
                    &html[..start],
                    tail.strip_prefix('\n').unwrap_or(tail)
                );
            }
            from = end;
        }
    }
    html.to_string()
}

/// A track with nothing to read yet: no levels, or levels with no
/// expectations of their own or inherited (a specialty "to be added by each
/// team").
pub(super) fn is_placeholder(track: &Track) -> bool {
    track.levels.is_empty()
        || (track.extends.is_none() && track.levels.iter().all(|l| l.statements.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::without_level_list;

    #[test]
    fn a_list_that_only_links_the_levels_is_left_out() {
        let files = vec!["junior.html".to_string(), "senior.html".to_string()];
        let html = "<p>Our levels:</p>\n<ul>\n<li><a href=\"junior.html\">1. Junior</a></li>\n<li><a href=\"../../tracks/eng/senior.html\" rel=\"noopener\">2. Senior</a></li>\n</ul>\n<p>After.</p>\n";
        assert_eq!(
            without_level_list(html, &files),
            "<p>Our levels:</p>\n<p>After.</p>\n"
        );
        // A list with anything else in it is the author's: kept whole.
        let mixed =
            "<ul>\n<li><a href=\"junior.html\">Junior</a></li>\n<li>Ask your manager</li>\n</ul>\n";
        assert_eq!(without_level_list(mixed, &files), mixed);
        let other = "<ol>\n<li><a href=\"faq.html\">FAQ</a></li>\n<li><a href=\"senior.html\">Senior</a></li>\n</ol>\n";
        assert_eq!(without_level_list(other, &files), other);
        // One link alone is a reference in prose, not a list of the levels.
        let one = "<ul>\n<li><a href=\"senior.html\">Senior</a></li>\n</ul>\n";
        assert_eq!(without_level_list(one, &files), one);
    }
}
