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
        out.push_str(&format!(
            "{} {}\n{gap}",
            "#".repeat(depth + 2),
            escape_heading(title)
        ));
    }
    *current = path;
    out
}

/// `title` written so that a Markdown heading shows it as it is: the
/// characters Markdown reads as syntax inside a heading (emphasis, code,
/// links, HTML, a closing `#`, an entity such as `&amp;`) are
/// backslash-escaped, so an area called `\!` or `*Core*` reads back as
/// itself.
pub(crate) fn escape_heading(title: &str) -> std::borrow::Cow<'_, str> {
    let entity_at = |i: usize| {
        let rest = &title[i + 1..];
        rest.find(';').is_some_and(|end| {
            end > 0
                && end <= 32
                && rest[..end]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '#')
        })
    };
    let special = |(i, c): (usize, char)| {
        matches!(c, '\\' | '*' | '_' | '`' | '~' | '[' | ']' | '<' | '#')
            || (c == '&' && entity_at(i))
    };
    if !title.char_indices().any(special) {
        return std::borrow::Cow::Borrowed(title);
    }
    let mut out = String::with_capacity(title.len() + 4);
    for (i, c) in title.char_indices() {
        if special((i, c)) {
            out.push('\\');
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::escape_heading;

    #[test]
    fn headings_escape_what_markdown_would_read() {
        assert_eq!(escape_heading("Core Competencies"), "Core Competencies");
        assert_eq!(escape_heading("People & Culture"), "People & Culture");
        assert_eq!(escape_heading("Q&amp;A"), "Q\\&amp;A");
        assert_eq!(escape_heading("\\!"), "\\\\!");
        assert_eq!(escape_heading("*Core* #1"), "\\*Core\\* \\#1");
        assert_eq!(escape_heading("アカウンタビリティ"), "アカウンタビリティ");
    }
}
