//! `rungs fmt`: level pages rewritten in canonical form (front matter keys
//! in one order, `-` list markers, one blank line between areas, explicit
//! ids kept) without changing what they mean.
//!
//! The canonical text is what the Markdown export writes for the level
//! ([`export::native::level_page`](crate::export::native::level_page)), so
//! the two never disagree. A file is left as written, with the reason, when
//! rewriting it would lose something the model does not hold: comments,
//! front matter keys rungs does not read, TOML front matter. And the whole
//! result is loaded again and compared with the framework: if anything
//! would mean something else, nothing is rewritten.

use crate::areas::AreaIndex;
use crate::model::Framework;
use crate::source::SourceSet;

/// The front matter keys a level page written by rungs has.
const LEVEL_KEYS: &[&str] = &[
    "title",
    "aliases",
    // Written back as `short_title`, which means the same.
    "short_title",
    "linktitle",
    "linkTitle",
    "rank",
    "grade",
    "summary",
    "tenure",
    "experience",
    "scope",
    "time_split",
    "indicators_note",
    // Order only: the canonical page writes the rank it gave.
    "weight",
];

/// What formatting a framework would do.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Formatted {
    /// Files whose canonical text differs: (path, new text), in path order.
    pub changed: Vec<(String, String)>,
    /// Level pages already canonical.
    pub unchanged: usize,
    /// Files left as written: (path, why).
    pub kept: Vec<(String, String)>,
}

/// Why formatting was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("formatting would change what the framework means ({0}); nothing was rewritten")]
pub struct WouldChange(pub String);

/// Works out the canonical text of every level page of `framework`, loaded
/// from `sources` (with no errors).
pub fn format(framework: &Framework, sources: &SourceSet) -> Result<Formatted, WouldChange> {
    let (areas, _) = AreaIndex::new(&framework.areas);
    let mut out = Formatted::default();
    for track in &framework.tracks {
        for level in &track.levels {
            let path = level.span.file.to_string();
            // Levels of area-major files (`tracks/x.yaml`) and levels made
            // in memory have no page of their own.
            if !path.ends_with(".md") {
                continue;
            }
            let Some(file) = sources.get(&path) else {
                continue;
            };
            let text = file.text();
            if let Some(why) = keep_as_written(text) {
                out.kept.push((path, why));
                continue;
            }
            let canonical = crate::export::native::level_page(level, &areas);
            if canonical == text {
                out.unchanged += 1;
            } else {
                out.changed.push((path, canonical));
            }
        }
    }
    out.changed.sort();
    out.kept.sort();
    // The safety net: the rewritten framework must load to the same model.
    if !out.changed.is_empty() {
        let mut rewritten = sources.clone();
        for (path, text) in &out.changed {
            rewritten.insert(path, text.as_bytes().to_vec());
        }
        let again = crate::load(&rewritten).map_err(|e| WouldChange(e.to_string()))?;
        let before = crate::export::json::to_json(framework);
        let after = crate::export::json::to_json(&again.framework);
        if before != after {
            let first = first_difference(&before, &after);
            return Err(WouldChange(first));
        }
    }
    Ok(out)
}

/// Why a level page must stay as written, if it must.
fn keep_as_written(text: &str) -> Option<String> {
    if text.starts_with("+++") {
        return Some("TOML front matter (`+++`) is left as written".into());
    }
    if text.contains("<!--") {
        return Some("it has comments, which the canonical form would drop".into());
    }
    let rest = text.strip_prefix("---")?;
    let end = rest.find("\n---")?;
    let matter = &rest[..end];
    if matter
        .lines()
        .any(|l| l.trim_start().starts_with('#') || l.contains(" #"))
    {
        return Some("its front matter has comments, which the canonical form would drop".into());
    }
    #[derive(serde::Deserialize, Default)]
    struct Aliases {
        #[serde(default)]
        aliases: Vec<String>,
    }
    let aliases: Aliases = serde_saphyr::from_str(matter).unwrap_or_default();
    if aliases
        .aliases
        .iter()
        .any(|a| crate::load::level::is_redirect(a))
    {
        return Some(
            "its `aliases` has Hugo redirects (paths), which the canonical form would drop".into(),
        );
    }
    let keys: indexmap::IndexMap<String, serde::de::IgnoredAny> =
        serde_saphyr::from_str(matter).unwrap_or_default();
    let unread: Vec<&str> = keys
        .keys()
        .map(String::as_str)
        .filter(|k| !LEVEL_KEYS.contains(k))
        .collect();
    if unread.is_empty() {
        None
    } else {
        Some(format!(
            "its front matter has keys rungs does not read ({}), which the canonical form would drop",
            unread.join(", ")
        ))
    }
}

/// Where two JSON texts first differ, briefly.
fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let start = a[..at].rfind('\n').map_or(0, |i| i + 1);
    a[start..]
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(sources: &SourceSet) -> Framework {
        crate::load(sources)
            .map(|l| l.framework)
            .unwrap_or_default()
    }

    #[test]
    fn the_example_formats_to_the_same_model_and_then_stays_put() {
        let sources = SourceSet::example();
        let fw = load(&sources);
        let once = format(&fw, &sources).unwrap_or_else(|e| panic!("{e}"));
        let mut after = sources.clone();
        for (path, text) in &once.changed {
            after.insert(path, text.as_bytes().to_vec());
        }
        let fw2 = load(&after);
        assert_eq!(
            crate::export::json::to_json(&fw),
            crate::export::json::to_json(&fw2)
        );
        let twice = format(&fw2, &after).unwrap_or_else(|e| panic!("{e}"));
        assert!(twice.changed.is_empty(), "{:?}", twice.changed);
    }

    #[test]
    fn messy_pages_become_canonical() {
        let mut sources = SourceSet::new();
        sources.insert(
            "rungs.toml",
            b"title = \"T\"\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n[[areas]]\nid = \"care\"\ntitle = \"Care\"\n".to_vec(),
        );
        sources.insert("tracks/eng/_index.md", b"---\ntitle: Eng\n---\n".to_vec());
        sources.insert(
            "tracks/eng/dev.md",
            b"---\nsummary:   Builds things.\nrank: 1\ntitle: Developer\n---\n\n\n## Craft\n* You build small features.   {#small}\n*   You test them.\n\n\n\n## Care\n+ You help others.\n".to_vec(),
        );
        let fw = load(&sources);
        let done = format(&fw, &sources).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(done.changed.len(), 1);
        let text = &done.changed[0].1;
        assert!(
            text.starts_with("---\ntitle: Developer\nrank: 1\nsummary: Builds things.\n---\n"),
            "{text}"
        );
        assert!(
            text.contains("## Craft\n\n- You build small features. {#small}\n- You test them.\n\n## Care\n\n- You help others.\n"),
            "{text}"
        );
    }

    #[test]
    fn what_the_model_does_not_hold_is_kept_as_written() {
        let mut sources = SourceSet::new();
        sources.insert(
            "rungs.toml",
            b"title = \"T\"\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n".to_vec(),
        );
        sources.insert("tracks/eng/_index.md", b"---\ntitle: Eng\n---\n".to_vec());
        sources.insert(
            "tracks/eng/a.md",
            b"---\ntitle: A\nrank: 1\n---\n<!-- reviewed in March -->\n## Craft\n* One.\n".to_vec(),
        );
        sources.insert(
            "tracks/eng/b.md",
            b"---\ntitle: B\nrank: 2\ndraft: false\n---\n## Craft\n* Two.\n".to_vec(),
        );
        // Hugo's redirects in `aliases` are not titles, but not to be lost.
        sources.insert(
            "tracks/eng/c.md",
            b"---\ntitle: C\nrank: 3\naliases: [Builder, /old/c/]\n---\n## Craft\n* Three.\n"
                .to_vec(),
        );
        let fw = load(&sources);
        let done = format(&fw, &sources).unwrap_or_else(|e| panic!("{e}"));
        assert!(done.changed.is_empty(), "{:?}", done.changed);
        assert_eq!(done.kept.len(), 3);
        assert!(done.kept[0].1.contains("comments"));
        assert!(done.kept[1].1.contains("draft"));
        assert!(done.kept[2].1.contains("redirects"));
    }
}
