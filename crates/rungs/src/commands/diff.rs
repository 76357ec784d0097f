//! `rungs diff OLD NEW`: the changelog between two versions.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

use anyhow::{Context, Result, bail};
use rungs_core::diff::{Place, StatementChange, diff, inline_diff, to_markdown};
use rungs_core::relink::relink;
use rungs_core::{Framework, SourceSet};

use crate::cli::{DiffArgs, DiffFormat};
use crate::render;

pub fn run(args: &DiffArgs) -> Result<ExitCode> {
    let (old, new) = (
        version(&args.old, &args.dir)?,
        version(&args.new, &args.dir)?,
    );
    // Framework text is shown with its control characters escaped, never
    // sent to the terminal as they are.
    let mut out = crate::render::Visible(std::io::stdout().lock());
    if args.format == DiffFormat::Idmap {
        let map = relink(&old, &new);
        let document = serde_json::json!({
            "old": args.old,
            "new": args.new,
            "links": map.links,
            "added": map.added,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&document)?)?;
        let changed = !map.added.is_empty()
            || map
                .links
                .iter()
                .any(|l| !matches!(&l.fate, rungs_core::relink::Fate::Unchanged { new } if *new == l.old));
        return Ok(if args.exit_code && changed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let log = diff(&old, &new);
    // The process ends after printing: freeing two large frameworks piece
    // by piece would only delay the exit.
    std::mem::forget((old, new));
    match args.format {
        DiffFormat::Json | DiffFormat::Idmap => {
            writeln!(out, "{}", serde_json::to_string_pretty(&log)?)?
        }
        DiffFormat::Markdown => write!(out, "{}", to_markdown(&log, &args.old, &args.new))?,
        DiffFormat::Text => {
            writeln!(out, "changes from {} to {}", args.old, args.new)?;
            for (label, items) in [
                ("track added", &log.tracks_added),
                ("track removed", &log.tracks_removed),
                ("level added", &log.levels_added),
                ("level removed", &log.levels_removed),
            ] {
                for i in items {
                    writeln!(out, "{label}: {i}")?;
                }
            }
            for c in &log.settings {
                writeln!(out, "* {} {}: {:?} -> {:?}", c.of, c.field, c.old, c.new)?;
            }
            for c in &log.statements {
                write_change(&mut out, c)?;
            }
            writeln!(
                out,
                "{} changes, {} statements unchanged",
                log.statements.len(),
                log.unchanged
            )?;
        }
    }
    Ok(if args.exit_code && !log.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One change as a line (or a few) of text: `+` added, `-` removed, `~`
/// reworded, `>` moved, `<` split, `=` merged, `e` examples changed.
fn write_change(out: &mut impl Write, c: &StatementChange) -> std::io::Result<()> {
    let at = |p: &Place| format!("{}/{} [{}]", p.track, p.level, p.area);
    match c {
        StatementChange::Added { at: p, text, .. } => writeln!(out, "+ {} {text}", at(p)),
        StatementChange::Removed { at: p, text, .. } => writeln!(out, "- {} {text}", at(p)),
        StatementChange::Reworded { at: p, diff, .. } => {
            writeln!(out, "~ {} {}", at(p), inline_diff(diff))
        }
        StatementChange::Moved { from, to, diff, .. } => {
            writeln!(out, "> {} -> {} {}", at(from), at(to), inline_diff(diff))
        }
        StatementChange::Examples {
            at: p,
            text,
            added,
            removed,
            ..
        } => {
            writeln!(out, "e {} examples of: {text}", at(p))?;
            for x in added {
                writeln!(out, "    + {x}")?;
            }
            for x in removed {
                writeln!(out, "    - {x}")?;
            }
            Ok(())
        }
        StatementChange::Split {
            from, text, into, ..
        } => {
            writeln!(out, "< {} split: {text}", at(from))?;
            for p in into {
                writeln!(out, "    into {} {}", at(&p.at), p.text)?;
            }
            Ok(())
        }
        StatementChange::Merged { to, text, from, .. } => {
            writeln!(out, "= {} merged: {text}", at(to))?;
            for p in from {
                writeln!(out, "    from {} {}", at(&p.at), p.text)?;
            }
            Ok(())
        }
    }
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
    // A revision can come from rungs.toml (`changes_since`): one starting
    // with `-` would be read by git as an option.
    if rev.starts_with('-') || rev.contains(['\n', '\0']) {
        bail!("`{rev}` is not a git revision");
    }
    // ls-tree lists paths relative to `dir`; `REV:./path` reads them relative to it too.
    // `-z`: names as they are, NUL-separated (without it git quotes names
    // with non-ASCII characters, and those paths do not exist at REV).
    let listing = git(&["ls-tree", "-r", "-z", "--name-only", rev, "--", "."])?;
    let paths: Vec<&str> = listing.split('\0').filter(|p| !p.is_empty()).collect();
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
        // Within the limit a checked-out file has (see `[files]`).
        let limit = rungs_core::FileLimits::default().max_file_bytes();
        if size as u64 > limit {
            bail!("`{rev}:{path}` is larger than {} MiB", limit >> 20);
        }
        let mut bytes = vec![0; size + 1];
        reader.read_exact(&mut bytes)?;
        bytes.pop();
        set.insert(path, bytes);
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(set)
}
