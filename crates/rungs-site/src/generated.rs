//! Pages made from other sources: "how our levels compare" (from
//! `[[site.compare_with]]`) and "what changed" (from `[site]
//! changes_since`). They are added to the framework as Markdown pages, so
//! the website renders them like any other page.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rungs_core::model::{Level, Page};
use rungs_core::{FileLimits, Framework, SourceSet};

use crate::SiteSettings;
use crate::settings::CompareWith;

/// Why a generated page could not be made: the setting it was to come
/// from, and what went wrong.
#[derive(Debug, thiserror::Error)]
#[error("{setting}: {reason}")]
pub struct GenerateError {
    setting: String,
    value: String,
    reason: String,
}

impl GenerateError {
    fn new(setting: String, value: &str, reason: impl std::fmt::Display) -> GenerateError {
        GenerateError {
            setting,
            value: value.to_string(),
            reason: reason.to_string(),
        }
    }

    fn compare_with(cw: &CompareWith, reason: impl std::fmt::Display) -> GenerateError {
        GenerateError::new(
            format!("[[site.compare_with]] `{}`", cw.source),
            &cw.source,
            reason,
        )
    }

    fn changes_since(rev: &str, reason: impl std::fmt::Display) -> GenerateError {
        GenerateError::new(format!("[site] changes_since = `{rev}`"), rev, reason)
    }

    /// The value in rungs.toml the page was to come from (a `source` of
    /// `[[site.compare_with]]`, or `changes_since`), to point at it.
    pub fn value(&self) -> &str {
        &self.value
    }
}

/// Adds to `framework` the pages its `[site]` settings ask for: one "how
/// our levels compare" page for each `[[site.compare_with]]` entry, and a
/// "what changed" page when `changes_since` names a revision or directory.
///
/// `sources` are the framework's files (for the settings and the `[files]`
/// limits), `root` its directory: `compare_with` paths are relative to it,
/// and a `changes_since` revision is one of the repository holding it.
/// Sources outside that repository (or outside `root`, when it is in no
/// repository) are refused unless `[files] allow_sources_outside_repository`
/// is set: settings arrive in pull requests too, and must not publish
/// whatever directory the build machine can read.
///
/// `[site]` settings that do not parse add nothing: building the site
/// reports them.
///
/// Blocking: it reads files, may run `git`, and maps ladders on rayon.
pub fn add_generated_pages(
    framework: &mut Framework,
    sources: &SourceSet,
    root: &Path,
) -> Result<(), GenerateError> {
    // Settings that do not parse make no pages here: the site's own build
    // (and `rungs check`) reports them with their line.
    let Ok(settings) = SiteSettings::from_sources(sources) else {
        return Ok(());
    };
    if settings.compare_with.is_empty() && settings.changes_since.is_none() {
        return Ok(());
    }
    let limits = sources
        .get("rungs.toml")
        .map_or_else(FileLimits::default, |f| FileLimits::from_config(f.bytes()));
    for cw in &settings.compare_with {
        let path =
            rungs_core::import::split_spec(&cw.source).map_or(cw.source.as_str(), |(_, p)| p);
        inside_repository(root, &root.join(path), &limits)
            .map_err(|e| GenerateError::compare_with(cw, e))?;
    }
    if let Some(rev) = &settings.changes_since {
        // A revision, or a directory (relative to where rungs runs).
        if Path::new(rev).is_dir() {
            inside_repository(root, Path::new(rev), &limits)
                .map_err(|e| GenerateError::changes_since(rev, e))?;
        }
    }
    for cw in &settings.compare_with {
        let page =
            comparison(framework, cw, root).map_err(|e| GenerateError::compare_with(cw, e))?;
        push_generated(framework, page);
    }
    if let Some(rev) = &settings.changes_since {
        let old = rungs_core::read_version(rev, root)
            .map_err(|e| GenerateError::changes_since(rev, e))?;
        let log = rungs_core::diff::diff(&old, framework);
        let body = rungs_core::diff::to_markdown(&log, rev, "now");
        let body = body
            .split_once('\n')
            .map_or(body.as_str(), |(_, rest)| rest)
            .trim()
            .to_string();
        push_generated(
            framework,
            Page {
                id: "changes".into(),
                title: format!("What changed since {rev}"),
                description: Some(format!(
                    "Tracks, levels and statements that changed since {rev}."
                )),
                body,
                ..Page::default()
            },
        );
    }
    Ok(())
}

/// Adds a generated page under an id no page of the framework has: an
/// author's `pages/changes.md` keeps its URL, and the generated page takes
/// `changes-2`.
fn push_generated(framework: &mut Framework, mut page: Page) {
    let base = page.id.clone();
    let mut n = 2;
    while framework.pages.iter().any(|p| p.id == page.id) {
        page.id = format!("{base}-{n}");
        n += 1;
    }
    framework.pages.push(page);
}

/// Fails unless `path` is inside the git repository holding the framework at
/// `root` (or inside `root` when it is in no repository), or rungs.toml
/// allows sources outside it.
fn inside_repository(root: &Path, path: &Path, limits: &FileLimits) -> Result<(), String> {
    if limits.allow_sources_outside_repository {
        return Ok(());
    }
    let root = root
        .canonicalize()
        .map_err(|e| format!("cannot resolve `{}`: {e}", root.display()))?;
    let repository = root
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .unwrap_or(&root);
    let target = path
        .canonicalize()
        .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    if !target.starts_with(repository) {
        return Err(format!(
            "`{}` is outside the repository `{}`; set `allow_sources_outside_repository = true` \
             under `[files]` in rungs.toml to read it",
            target.display(),
            repository.display()
        ));
    }
    Ok(())
}

/// A level-id pin that names no level of its ladder.
#[derive(Debug, thiserror::Error)]
#[error("pin: no level `{level}` on {side} side")]
pub struct UnknownPin {
    level: String,
    side: &'static str,
}

/// Level-id pins (our level id → their level id) as index pairs of the two
/// ladders `a` (ours) and `b` (theirs).
pub fn resolve_pins(
    pins: &BTreeMap<String, String>,
    a: &[&Level],
    b: &[&Level],
) -> Result<Vec<(usize, usize)>, UnknownPin> {
    let find = |ladder: &[&Level], id: &str, side| {
        ladder
            .iter()
            .position(|l| l.id == id)
            .ok_or_else(|| UnknownPin {
                level: id.to_string(),
                side,
            })
    };
    pins.iter()
        .map(|(x, y)| Ok((find(a, x, "our")?, find(b, y, "their")?)))
        .collect()
}

/// The `[[site.compare_with]]` entry of the framework at `root` that points
/// at `other` (a directory or `FORMAT:PATH`, relative to where rungs runs),
/// if any: `rungs map` applies its pins.
pub fn configured<'a>(
    settings: &'a SiteSettings,
    root: &Path,
    other: &str,
) -> Option<&'a CompareWith> {
    let canonical = |spec: &str, base: Option<&Path>| -> Option<(String, PathBuf)> {
        let (format, path) = match rungs_core::import::split_spec(spec) {
            Some((f, p)) => (f.name.to_string(), p),
            None => (String::new(), spec),
        };
        let full = base.map_or_else(|| Path::new(path).to_path_buf(), |b| b.join(path));
        Some((format, full.canonicalize().ok()?))
    };
    let target = canonical(other, None)?;
    settings
        .compare_with
        .iter()
        .find(|cw| canonical(&cw.source, Some(root)).as_ref() == Some(&target))
}

/// Why a comparison page could not be made.
#[derive(Debug, thiserror::Error)]
enum ComparisonError {
    #[error(transparent)]
    Read(#[from] rungs_core::ReadError),
    #[error("no track `{0}`")]
    NoSuchTrack(String),
    #[error("no track")]
    NoTrack,
    #[error(transparent)]
    Pin(#[from] UnknownPin),
    #[error(transparent)]
    Map(#[from] rungs_core::map::MapError),
}

fn comparison(ours: &Framework, cw: &CompareWith, root: &Path) -> Result<Page, ComparisonError> {
    // Paths are relative to the framework directory, with or without a FORMAT: prefix.
    let spec = match rungs_core::import::split_spec(&cw.source) {
        Some((format, path)) => format!("{}:{}", format.name, root.join(path).display()),
        None => root.join(&cw.source).display().to_string(),
    };
    let theirs = rungs_core::read_framework(&spec)?;
    let pick = |fw: &Framework, id: Option<&String>| -> Result<usize, ComparisonError> {
        match id {
            Some(id) => fw
                .tracks
                .iter()
                .position(|t| &t.id == id)
                .ok_or_else(|| ComparisonError::NoSuchTrack(id.clone())),
            None => (!fw.tracks.is_empty())
                .then_some(0)
                .ok_or(ComparisonError::NoTrack),
        }
    };
    let (ti, tj) = (
        pick(ours, cw.track.as_ref())?,
        pick(&theirs, cw.their_track.as_ref())?,
    );
    let (our_track, their_track) = (&ours.tracks[ti], &theirs.tracks[tj]);
    let our_ladder = ours.ladder(our_track);
    let a: Vec<&Level> = our_ladder.iter().map(|(_, l)| *l).collect();
    let b: Vec<&Level> = theirs
        .ladder(their_track)
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    let shared = rungs_core::map::shared_areas(ours, &theirs);
    let pins = resolve_pins(&cw.pins, &a, &b)?;
    let mapping = rungs_core::map::map_levels(&a, &b, &shared, &pins)?;
    let name = cw.title.clone().unwrap_or_else(|| theirs.title.clone());
    let mut body = format!(
        "How the levels of our **{}** track line up with **{}** of {name}, judged by the words of their expectations and what they say about seniority. \
         Similarity is between 0 and 1; confidence is the chance the match is right, as measured on reference ladders. \
         Where the match is not clear (confidence under {:.2}, or a match across three levels or more), the row says *not sure* and names the closest levels. \
         *Why* quotes what both levels say about seniority (A is ours, B theirs) and the words they share.\n\n\
         | Our level | Their level | Similarity | Confidence | Why |\n|---|---|---|---|---|\n",
        our_track.title,
        their_track.title,
        rungs_core::map::UNCERTAIN_BELOW
    );
    for m in &mapping.matches {
        let (t, l) = our_ladder[m.a];
        let mut theirs = if m.b_first == m.b_last {
            mapping.b[m.b_first].clone()
        } else {
            format!("{} to {}", mapping.b[m.b_first], mapping.b[m.b_last])
        };
        if m.uncertain {
            theirs = format!(
                "*not sure:* {theirs} (closest: {})",
                m.candidates
                    .iter()
                    .map(|j| mapping.b[*j].as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        let mut why = m.evidence.join("; ");
        if !m.terms.is_empty() {
            if !why.is_empty() {
                why.push_str("; ");
            }
            why.push_str("shared terms: ");
            why.push_str(&m.terms.join(", "));
        }
        body.push_str(&format!(
            "| [{}](../tracks/{}/{}.md) | {} | {:.2} | {:.2} | {} |\n",
            l.title.replace('|', "/"),
            t.id,
            l.id,
            theirs.replace('|', "/"),
            m.similarity,
            m.confidence,
            why.replace('|', "/")
        ));
    }
    Ok(Page {
        // A page id is a file name: keep it short whatever their title.
        id: format!(
            "compare-with-{}",
            rungs_core::text::slug(&name)
                .chars()
                .take(60)
                .collect::<String>()
                .trim_end_matches('-')
        ),
        title: format!("How our levels compare with {name}"),
        description: Some(format!(
            "Our {} levels next to {}'s.",
            our_track.title, name
        )),
        body,
        ..Page::default()
    })
}
