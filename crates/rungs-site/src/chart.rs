//! The indicators chart of a level: one bar per area showing its time-split
//! range, as inline SVG (no script, prints well, scales with the text).

use rungs_core::AreaIndex;

use crate::html::escape;
use rungs_core::model::Indicators;

const LABEL_WIDTH: u32 = 150;
const BAR_WIDTH: u32 = 220;
const ROW: u32 = 26;

/// The SVG for a level's time split, or `None` when it has no percentages.
pub fn time_split_svg(indicators: &Indicators, areas: &AreaIndex) -> Option<String> {
    let rows: Vec<_> = indicators
        .time_split
        .iter()
        .filter_map(|t| t.percent.map(|p| (t, p)))
        .collect();
    if rows.is_empty() {
        return None;
    }
    let height = rows.len() as u32 * ROW + 8;
    let width = LABEL_WIDTH + BAR_WIDTH + 70;
    let summary: Vec<String> = rows
        .iter()
        .map(|(t, p)| format!("{} {}", title(areas, &t.area), percent(p.min, p.max)))
        .collect();
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"Time split: {}\">",
        escape(&summary.join(", "))
    );
    for (i, (t, p)) in rows.iter().enumerate() {
        let y = i as u32 * ROW + 4;
        let x0 = LABEL_WIDTH + BAR_WIDTH * p.min / 100;
        let w = (BAR_WIDTH * (p.max - p.min) / 100).max(3);
        svg.push_str(&format!(
            "<text class=\"chart-label\" x=\"0\" y=\"{ty}\">{label}</text>\
             <rect class=\"chart-track\" x=\"{LABEL_WIDTH}\" y=\"{y}\" width=\"{BAR_WIDTH}\" height=\"18\" rx=\"3\"/>\
             <rect class=\"chart-bar\" x=\"{x0}\" y=\"{y}\" width=\"{w}\" height=\"18\" rx=\"3\"><title>{label}: {value}</title></rect>\
             <text class=\"chart-value\" x=\"{vx}\" y=\"{ty}\">{value}</text>",
            ty = y + 14,
            label = escape(&title(areas, &t.area)),
            value = percent(p.min, p.max),
            vx = LABEL_WIDTH + BAR_WIDTH + 8,
        ));
    }
    svg.push_str("</svg>");
    Some(svg)
}

fn title(areas: &AreaIndex, id: &str) -> String {
    areas
        .titles
        .get(id)
        .cloned()
        .unwrap_or_else(|| id.to_string())
}

fn percent(min: u32, max: u32) -> String {
    if min == max {
        format!("{min}%")
    } else {
        format!("{min}–{max}%")
    }
}
