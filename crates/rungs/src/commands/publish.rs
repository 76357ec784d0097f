//! Pages `rungs build` adds from other sources: "how our levels compare"
//! (from `[[site.compare_with]]`) and "what changed" (from `[site]
//! changes_since`). They are written as Markdown pages of the framework, so
//! the website renders them like any other page.

use std::path::Path;

use anyhow::{Context, Result};
use rungs_core::Framework;
use rungs_core::model::{Level, Page};
use rungs_site::SiteSettings;
use rungs_site::settings::CompareWith;

use crate::input;

/// Adds the pages the settings ask for to `framework`.
pub fn add_pages(framework: &mut Framework, settings: &SiteSettings, root: &Path) -> Result<()> {
    let limits = rungs_core::SourceSet::read_file(root, "rungs.toml")
        .ok()
        .flatten()
        .map_or_else(Default::default, |b| {
            rungs_core::FileLimits::from_config(&b)
        });
    for cw in &settings.compare_with {
        let path =
            rungs_core::import::split_spec(&cw.source).map_or(cw.source.as_str(), |(_, p)| p);
        inside_repository(root, &root.join(path), &limits)
            .with_context(|| format!("[[site.compare_with]] `{}`", cw.source))?;
    }
    if let Some(rev) = &settings.changes_since {
        // A revision, or a directory (relative to where rungs runs).
        if Path::new(rev).is_dir() {
            inside_repository(root, Path::new(rev), &limits)
                .with_context(|| format!("[site] changes_since = `{rev}`"))?;
        }
    }
    for cw in &settings.compare_with {
        let page = comparison(framework, cw, root)
            .with_context(|| format!("[[site.compare_with]] `{}`", cw.source))?;
        push_generated(framework, page);
    }
    if let Some(rev) = &settings.changes_since {
        let old = super::diff::version(rev, root)
            .with_context(|| format!("[site] changes_since = `{rev}`"))?;
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
/// allows sources outside it: settings arrive in pull requests too, and
/// must not publish whatever directory the build machine can read.
fn inside_repository(root: &Path, path: &Path, limits: &rungs_core::FileLimits) -> Result<()> {
    if limits.allow_sources_outside_repository {
        return Ok(());
    }
    let root = root
        .canonicalize()
        .with_context(|| format!("cannot resolve `{}`", root.display()))?;
    let repository = root
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .unwrap_or(&root);
    let target = path
        .canonicalize()
        .with_context(|| format!("cannot read `{}`", path.display()))?;
    if !target.starts_with(repository) {
        anyhow::bail!(
            "`{}` is outside the repository `{}`; set `allow_sources_outside_repository = true` \
             under `[files]` in rungs.toml to read it",
            target.display(),
            repository.display()
        );
    }
    Ok(())
}

/// Level-id pins to index pairs of the two ladders.
pub fn resolve_pins(
    pins: &std::collections::BTreeMap<String, String>,
    a: &[&Level],
    b: &[&Level],
) -> Result<Vec<(usize, usize)>> {
    pins.iter()
        .map(|(x, y)| {
            let i = a
                .iter()
                .position(|l| &l.id == x)
                .with_context(|| format!("pin: no level `{x}` on our side"))?;
            let j = b
                .iter()
                .position(|l| &l.id == y)
                .with_context(|| format!("pin: no level `{y}` on their side"))?;
            Ok((i, j))
        })
        .collect()
}

/// The `[[site.compare_with]]` entry of the framework at `root` that points at
/// `other` (a directory or FORMAT:PATH), if any: `rungs map` applies its pins.
pub fn configured<'a>(
    settings: &'a SiteSettings,
    root: &Path,
    other: &str,
) -> Option<&'a CompareWith> {
    let canonical = |spec: &str, base: Option<&Path>| -> Option<(String, std::path::PathBuf)> {
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

fn comparison(ours: &Framework, cw: &CompareWith, root: &Path) -> Result<Page> {
    // Paths are relative to the framework directory, with or without a FORMAT: prefix.
    let spec = match rungs_core::import::split_spec(&cw.source) {
        Some((format, path)) => format!("{}:{}", format.name, root.join(path).display()),
        None => root.join(&cw.source).display().to_string(),
    };
    let theirs = input::framework(&spec)?;
    let pick = |fw: &Framework, id: Option<&String>| -> Result<usize> {
        match id {
            Some(id) => fw
                .tracks
                .iter()
                .position(|t| &t.id == id)
                .with_context(|| format!("no track `{id}`")),
            None => (!fw.tracks.is_empty()).then_some(0).context("no track"),
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
