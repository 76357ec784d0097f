//! `rungs diff OLD NEW`: the changelog between two versions.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

use anyhow::{Context, Result, bail};
use rungs_core::diff::{StatementChange, diff, inline_diff, to_markdown};
use rungs_core::{Framework, SourceSet};

use crate::cli::{DiffArgs, DiffFormat};
use crate::render;

pub fn run(args: &DiffArgs) -> Result<ExitCode> {
    let (old, new) = (
        version(&args.old, &args.dir)?,
        version(&args.new, &args.dir)?,
    );
    let log = diff(&old, &new);
    match args.format {
        DiffFormat::Json => println!("{}", serde_json::to_string_pretty(&log)?),
        DiffFormat::Markdown => print!(
            "{}",
            rungs_core::text::visible(&to_markdown(&log, &args.old, &args.new))
        ),
        DiffFormat::Text => {
            crate::render::outln!("changes from {} to {}", args.old, args.new);
            for (label, items) in [
                ("track added", &log.tracks_added),
                ("track removed", &log.tracks_removed),
                ("level added", &log.levels_added),
                ("level removed", &log.levels_removed),
            ] {
                for i in items {
                    crate::render::outln!("{label}: {i}");
                }
            }
            for c in &log.statements {
                match c {
                    StatementChange::Added { at, text, .. } => {
                        crate::render::outln!("+ {}/{} [{}] {text}", at.track, at.level, at.area)
                    }
                    StatementChange::Removed { at, text, .. } => {
                        crate::render::outln!("- {}/{} [{}] {text}", at.track, at.level, at.area)
                    }
                    StatementChange::Reworded { at, diff, .. } => {
                        crate::render::outln!(
                            "~ {}/{} [{}] {}",
                            at.track,
                            at.level,
                            at.area,
                            inline_diff(diff)
                        )
                    }
                    StatementChange::Moved { from, to, diff, .. } => crate::render::outln!(
                        "> {}/{} [{}] -> {}/{} [{}] {}",
                        from.track,
                        from.level,
                        from.area,
                        to.track,
                        to.level,
                        to.area,
                        inline_diff(diff)
                    ),
                }
            }
            crate::render::outln!(
                "{} changes, {} statements unchanged",
                log.statements.len(),
                log.unchanged
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A directory, or a git revision of the repository holding `dir`.
pub(crate) fn version(spec: &str, dir: &Path) -> Result<Framework> {
    let sources = if Path::new(spec).is_dir() {
        SourceSet::read_dir(Path::new(spec)).with_context(|| format!("cannot read `{spec}`"))?
    } else {
        from_git(spec, dir)?
    };
    let loaded =
        rungs_core::load(&sources).with_context(|| format!("`{spec}` has no rungs.toml"))?;
    let errors = loaded.diagnostics.errors();
    if errors > 0 {
        render::print_all(
            &loaded.diagnostics.sorted(),
            &sources,
            Some(Path::new(spec)),
        );
        bail!("`{spec}` has {errors} error(s); a changelog needs two valid versions");
    }
    Ok(loaded.framework)
}

/// Reads every file of `dir` at revision `rev` with `git cat-file --batch`.
fn from_git(rev: &str, dir: &Path) -> Result<SourceSet> {
    let git = |args: &[&str]| -> Result<String> {
        let out = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .context("cannot run git")?;
        if !out.status.success() {
            bail!(
                "`{rev}` is neither a directory nor a git revision of {}: {}",
                dir.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    // ls-tree lists paths relative to `dir`; `REV:./path` reads them relative to it too.
    let listing = git(&["ls-tree", "-r", "--name-only", rev, "--", "."])?;
    let paths: Vec<&str> = listing.lines().collect();
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .context("cannot run git cat-file")?;
    let mut stdin = child.stdin.take().context("git cat-file has no input")?;
    let requests: String = paths.iter().map(|p| format!("{rev}:./{p}\n")).collect();
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut reader = BufReader::new(child.stdout.take().context("git cat-file has no output")?);
    let mut set = SourceSet::new();
    for path in &paths {
        let mut header = String::new();
        reader.read_line(&mut header)?;
        let size: usize = header
            .split_whitespace()
            .nth(2)
            .and_then(|s| s.parse().ok())
            .context("unexpected git output")?;
        let mut bytes = vec![0; size + 1];
        reader.read_exact(&mut bytes)?;
        bytes.pop();
        set.insert(path, bytes);
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(set)
}
