//! Output directories: rungs writes into them but never deletes what it did
//! not write.
//!
//! `rungs build` records the files it wrote in `DIR/.rungs-manifest` (one
//! relative path a line). The next build removes only the files listed there
//! that it no longer writes, and the folders that become empty because of it,
//! so a gh-pages checkout keeps its `.git/` and `CNAME`, and anything else a
//! user put there.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};

/// The manifest's file name, inside the output directory.
pub const MANIFEST: &str = ".rungs-manifest";

/// The first line of a manifest, so a reader knows what the file is for.
const HEADER: &str =
    "# Files the last `rungs build` wrote here; the next build removes only these.";

/// What an output directory held before this build.
#[derive(Debug)]
pub enum Previous {
    /// Missing, empty, or only dot-files and `CNAME` (a fresh gh-pages
    /// checkout): nothing to remove.
    Nothing,
    /// A previous build with a manifest: the files it wrote.
    Manifest(BTreeSet<String>),
    /// A build by an older rungs, without a manifest: its stale files cannot
    /// be told from a user's, so none are removed.
    Unlisted,
}

/// Fails when `out` is the framework directory or contains it: writing there
/// would mix the site with the sources (and, with `--force`, overwrite them).
pub fn refuse_framework_overlap(out: &Path, framework: Option<&Path>) -> Result<()> {
    let Some(framework) = framework else {
        return Ok(());
    };
    let (Some(out_abs), Ok(framework_abs)) = (absolute(out), framework.canonicalize()) else {
        return Ok(());
    };
    if framework_abs.starts_with(&out_abs) {
        let what = if framework_abs == out_abs {
            "is the framework directory"
        } else {
            "contains the framework directory"
        };
        bail!(
            "`{}` {what} `{}`; writing there would mix the output with the framework's files. \
             Choose a directory of its own, such as `public` inside the framework or a gh-pages checkout next to it",
            out.display(),
            framework.display()
        );
    }
    Ok(())
}

/// Checks that `out` may receive a build and reads what a previous build
/// left there. Deletes nothing.
pub fn inspect(out: &Path, framework: Option<&Path>) -> Result<Previous> {
    refuse_framework_overlap(out, framework)?;
    if !out.exists() {
        return Ok(Previous::Nothing);
    }
    if !out.is_dir() {
        bail!("`{}` exists and is not a directory", out.display());
    }
    let manifest = out.join(MANIFEST);
    if manifest.is_file() {
        let text = std::fs::read_to_string(&manifest)
            .with_context(|| format!("cannot read `{}`", manifest.display()))?;
        return Ok(Previous::Manifest(parse(&text)));
    }
    if out.join("assets/rungs.js").is_file() && out.join("framework.json").is_file() {
        return Ok(Previous::Unlisted);
    }
    let mut foreign = Vec::new();
    for entry in
        std::fs::read_dir(out).with_context(|| format!("cannot read `{}`", out.display()))?
    {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && name != "CNAME" {
            foreign.push(name);
        }
    }
    if foreign.is_empty() {
        return Ok(Previous::Nothing);
    }
    foreign.sort();
    let shown = foreign
        .iter()
        .take(3)
        .cloned()
        .collect::<Vec<_>>()
        .join("`, `");
    let repo = if out.join(".git").exists() {
        " It is a git checkout: to publish into it (a gh-pages branch, say), remove the old site's files once, \
         keeping `.git` and `CNAME`; later builds replace only their own files."
    } else {
        ""
    };
    bail!(
        "`{}` holds files rungs did not write (`{shown}`{}), so rungs will not write into it.{repo} \
         Otherwise choose a new or empty directory",
        out.display(),
        if foreign.len() > 3 { ", ..." } else { "" }
    )
}

/// After a successful build: removes the files the previous build wrote and
/// this one did not, then the folders left empty by that, and records
/// `written` in the manifest.
pub fn finish(out: &Path, previous: &Previous, written: &[String]) -> Result<()> {
    if let Previous::Manifest(old) = previous {
        let now: BTreeSet<&str> = written.iter().map(String::as_str).collect();
        for stale in old.iter().filter(|p| !now.contains(p.as_str())) {
            remove_stale(out, stale)?;
        }
    }
    write_manifest(out, written.iter().map(String::as_str))
}

/// After a failed build: records every file written so far along with the
/// previous build's, so the next build can still remove all of them.
pub fn record_partial(out: &Path, previous: &Previous, written: &[String]) -> Result<()> {
    let mut all: BTreeSet<&str> = written.iter().map(String::as_str).collect();
    if let Previous::Manifest(old) = previous {
        all.extend(old.iter().map(String::as_str));
    }
    if all.is_empty() {
        return Ok(());
    }
    write_manifest(out, all.into_iter())
}

fn write_manifest<'a>(out: &Path, paths: impl Iterator<Item = &'a str>) -> Result<()> {
    let mut text = String::from(HEADER);
    text.push('\n');
    for path in paths {
        text.push_str(path);
        text.push('\n');
    }
    let manifest = out.join(MANIFEST);
    std::fs::write(&manifest, text)
        .with_context(|| format!("cannot write `{}`", manifest.display()))
}

/// The manifest's paths. A line that is not a plain relative path (`..`, an
/// absolute path, anything under `.git`) is ignored: the manifest lives in a
/// directory others may commit to, and must never lead rungs outside it.
fn parse(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter(|line| is_plain_relative(line))
        .map(str::to_owned)
        .collect()
}

fn is_plain_relative(path: &str) -> bool {
    let p = Path::new(path);
    let mut components = p.components().peekable();
    if components.peek().is_none() || path.contains('\\') {
        return false;
    }
    p.components().all(|c| matches!(c, Component::Normal(_)))
        && !p.starts_with(".git")
        && path != MANIFEST
}

/// Removes one file a previous build wrote, unless the path now leads
/// through a symbolic link (which could point outside `out`), then the
/// folders above it that are left empty.
fn remove_stale(out: &Path, rel: &str) -> Result<()> {
    let mut dir = out.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    let Some((file, folders)) = parts.split_last() else {
        return Ok(());
    };
    for folder in folders {
        dir.push(folder);
        match std::fs::symlink_metadata(&dir) {
            Ok(meta) if meta.is_dir() => {}
            _ => return Ok(()),
        }
    }
    let full = dir.join(file);
    match std::fs::symlink_metadata(&full) {
        Ok(meta) if !meta.is_dir() => std::fs::remove_file(&full)
            .with_context(|| format!("cannot remove the stale file `{}`", full.display()))?,
        _ => return Ok(()),
    }
    // Folders emptied by the removal go too; a folder still holding anything
    // (a user's file, or another of our files) stops the walk.
    while dir != out {
        let empty = std::fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_none());
        if !empty || std::fs::remove_dir(&dir).is_err() {
            break;
        }
        if !dir.pop() {
            break;
        }
    }
    Ok(())
}

/// `path` made absolute with symbolic links resolved, also when its last
/// parts do not exist yet.
fn absolute(path: &Path) -> Option<PathBuf> {
    let path = std::path::absolute(path).ok()?;
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return Some(out);
        }
        rest.push(existing.file_name()?.to_owned());
        existing = existing.parent()?;
    }
}
