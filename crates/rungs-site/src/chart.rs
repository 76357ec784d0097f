//! The time-split figures of levels, as HTML and CSS rather than SVG: labels
//! are text that wraps and scales on a phone, and nothing needs a script.
//!
//! Three shapes share one colour per area (its place among the areas the
//! framework splits time into, so an area keeps its colour on every page):
//!
//! - [`time_split_html`]: a level's full chart, one bar per area. Bars start
//!   at 0: solid up to the minimum, lighter up to the maximum, so a single
//!   value such as 80% is a long bar, never a hairline.
//! - [`strip_html`]: the same split as one thin stacked bar, for the strip at
//!   the top of a level page.
//! - [`stacked_html`]: one labelled stacked bar per level, for the track page.

use rungs_core::AreaIndex;
use rungs_core::model::{Indicators, PercentRange};

use crate::html::escape;

/// Distinct colours in the theme (`--split-0` … `--split-7`).
const COLOURS: usize = 8;

/// Colours per area: the order of the areas that any level splits time into.
pub struct Palette {
    order: Vec<String>,
}

impl Palette {
    /// The palette of the areas the given indicators split time into, in the
    /// order of `areas` (the framework's area order).
    pub fn new<'a>(areas: &AreaIndex, all: impl IntoIterator<Item = &'a Indicators>) -> Palette {
        let mut used = std::collections::HashSet::new();
        for ind in all {
            for t in ind.time_split.iter().filter(|t| t.percent.is_some()) {
                used.insert(t.area.as_str());
            }
        }
        Palette {
            order: areas
                .order
                .iter()
                .filter(|a| used.contains(a.as_str()))
                .cloned()
                .collect(),
        }
    }

    fn class(&self, area: &str) -> usize {
        self.order.iter().position(|a| a == area).unwrap_or(0) % COLOURS
    }
}

/// The rows with a percentage.
fn measured(ind: &Indicators) -> Vec<(&str, PercentRange)> {
    ind.time_split
        .iter()
        .filter_map(|t| t.percent.map(|p| (t.area.as_str(), p)))
        .collect()
}

/// "50–65%" with an en dash, and the author's `~` kept.
pub fn percent(p: &PercentRange) -> String {
    p.text().replacen('-', "–", 1)
}

/// A level's full chart, or `None` when it splits no time.
///
/// Each area's note (for an area not measured in time) sits in its row, next
/// to the figure it qualifies.
pub fn time_split_html(ind: &Indicators, areas: &AreaIndex, palette: &Palette) -> Option<String> {
    if ind.time_split.is_empty() {
        return None;
    }
    let mut out = String::from("<div class=\"split-chart\">");
    for t in &ind.time_split {
        let label = escape(areas.title(&t.area));
        // No element per row: the chart is a grid of label, bar and value
        // cells, and a wrapper per row (`display: contents`) changed nothing
        // but the weight of every level page.
        out.push_str("<span class=\"split-label\">");
        out.push_str(&label);
        out.push_str("</span>");
        match &t.percent {
            Some(p) => {
                let value = percent(p);
                out.push_str(&format!(
                    // The bar is drawn by CSS (::before to the minimum,
                    // ::after to the maximum); the label and value are the text.
                    "<span class=\"split-bar c{colour}\" style=\"--min:{min};--max:{max}\"></span><span class=\"split-value\">{value}</span>",
                    colour = palette.class(&t.area),
                    min = p.min,
                    max = p.max,
                ));
                if let Some(note) = &t.note {
                    out.push_str("<span class=\"split-note\">");
                    out.push_str(&escape(note));
                    out.push_str("</span>");
                }
            }
            None => {
                out.push_str("<span class=\"split-note wide\">");
                out.push_str(&escape(t.note.as_deref().unwrap_or("")));
                out.push_str("</span>");
            }
        }
    }
    out.push_str("</div>");
    Some(out)
}

/// The segments of a stacked bar: each area's share of the split, by the
/// middle of its range, scaled so the bar is full.
fn segments(
    ind: &Indicators,
    areas: &AreaIndex,
    palette: &Palette,
    labelled: bool,
) -> Option<(String, String)> {
    let rows = measured(ind);
    let total: u32 = rows.iter().map(|(_, p)| p.min + p.max).sum();
    if total == 0 {
        return None;
    }
    let mut bar = String::new();
    let mut summary = Vec::new();
    for (area, p) in &rows {
        let share = f64::from(p.min + p.max) * 100.0 / f64::from(total);
        // Two decimals at most, without trailing zeros: `45`, `12.5`.
        let share = format!("{share:.2}");
        let share = share.trim_end_matches('0').trim_end_matches('.');
        bar.push_str(&format!(
            // The shortest markup: a bar has a segment per area, on
            // every level page and ten to a track page.
            "<i class=\"c{}\" style=\"--w:{share}\"></i>",
            palette.class(area)
        ));
        // Only the labelled bars need words (the legend names the colours);
        // the strip's are hidden.
        if labelled {
            summary.push(format!("{} {}", areas.title(area), percent(p)));
        }
    }
    Some((bar, summary.join(", ")))
}

/// A thin stacked bar of a level's split, for the strip at the top of its
/// page; `None` when it splits no time.
pub fn strip_html(ind: &Indicators, areas: &AreaIndex, palette: &Palette) -> Option<String> {
    // Hidden from screen readers: the full chart follows on the page.
    let (bar, _) = segments(ind, areas, palette, false)?;
    Some(format!(
        "<span class=\"stack mini\" aria-hidden=\"true\">{bar}</span>"
    ))
}

/// One stacked bar for a level on the track page, or `None` when it splits
/// no time.
pub fn stacked_html(ind: &Indicators, areas: &AreaIndex, palette: &Palette) -> Option<String> {
    let (bar, summary) = segments(ind, areas, palette, true)?;
    Some(format!(
        "<span class=\"stack\" role=\"img\" aria-label=\"{}\">{bar}</span>",
        escape(&summary)
    ))
}

/// The legend of the stacked bars: every area of the palette with its colour.
pub fn legend_html(areas: &AreaIndex, palette: &Palette) -> String {
    let mut out = String::from("<ul class=\"legend\">");
    for area in &palette.order {
        out.push_str(&format!(
            "<li><span class=\"swatch c{}\" aria-hidden=\"true\"></span>{}</li>",
            palette.class(area),
            escape(areas.title(area))
        ));
    }
    out.push_str("</ul>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rungs_core::model::TimeShare;

    fn share(area: &str, min: u32, max: u32, approximate: bool) -> TimeShare {
        TimeShare {
            area: area.into(),
            percent: Some(PercentRange {
                min,
                max,
                approximate,
            }),
            note: None,
        }
    }

    fn index() -> AreaIndex {
        let areas: Vec<rungs_core::model::Area> = serde_json::from_value(serde_json::json!([
            {"id": "craft", "title": "Craft"},
            {"id": "people", "title": "People"}
        ]))
        .unwrap_or_default();
        AreaIndex::new(&areas).0
    }

    #[test]
    fn bars_start_at_zero_and_keep_the_approximation() {
        let ind = Indicators {
            time_split: vec![share("craft", 80, 80, false), share("people", 10, 20, true)],
            ..Indicators::default()
        };
        let areas = index();
        let palette = Palette::new(&areas, [&ind]);
        let html = time_split_html(&ind, &areas, &palette).unwrap_or_default();
        assert!(html.contains("style=\"--min:80;--max:80\""), "{html}");
        assert!(
            html.contains("<span class=\"split-label\">Craft</span>"),
            "{html}"
        );
        assert!(html.contains(">~10–20%<"), "{html}");
        assert!(html.contains(">80%<"), "{html}");
        // Craft and People take different colours.
        assert!(html.contains("split-bar c0") && html.contains("split-bar c1"));
    }

    #[test]
    fn a_stacked_bar_fills_the_width() {
        let ind = Indicators {
            time_split: vec![
                share("craft", 50, 70, false),
                share("people", 30, 50, false),
            ],
            ..Indicators::default()
        };
        let areas = index();
        let palette = Palette::new(&areas, [&ind]);
        let html = stacked_html(&ind, &areas, &palette).unwrap_or_default();
        assert!(
            html.contains("--w:60\"") && html.contains("--w:40\""),
            "{html}"
        );
        assert!(strip_html(&Indicators::default(), &areas, &palette).is_none());
    }
}
