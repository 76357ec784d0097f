//! Writing a framework out: the native directory format (which doubles as
//! the Markdown export), JSON with its schema, CSV, and a Hugo site.

pub mod csv;
pub mod hugo;
pub mod json;
pub mod native;

/// Groups a level's statements into runs of one area, keeping their order.
pub(crate) fn area_runs(
    statements: &[crate::model::Statement],
) -> Vec<(&str, &[crate::model::Statement])> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=statements.len() {
        if i == statements.len() || statements[i].area != statements[start].area {
            if start < i {
                runs.push((statements[start].area.as_str(), &statements[start..i]));
            }
            start = i;
        }
    }
    runs
}

/// The chain of area ids from the root down to `id` (just `id` when unknown).
pub(crate) fn area_path(index: &crate::areas::AreaIndex, id: &str) -> Vec<String> {
    let mut path = index.ancestors.get(id).cloned().unwrap_or_default();
    path.push(id.to_string());
    path
}

/// The headings to write before a run of statements of `area`: the parts of
/// its path (`## Parent`, `### Child`) not already open in `current`, which
/// is updated. The area's own heading is always written, so statements never
/// fall under a sibling. `gap` follows each heading line.
pub(crate) fn area_headings(
    index: &crate::areas::AreaIndex,
    current: &mut Vec<String>,
    area: &str,
    gap: &str,
) -> String {
    let path = area_path(index, area);
    let common = current
        .iter()
        .zip(&path)
        .take_while(|(a, b)| a == b)
        .count()
        .min(path.len().saturating_sub(1));
    let mut out = String::new();
    for (depth, id) in path.iter().enumerate().skip(common) {
        let title = index.titles.get(id).map_or(id.as_str(), String::as_str);
        out.push_str(&format!("{} {}\n{gap}", "#".repeat(depth + 2), title));
    }
    *current = path;
    out
}
